//! The participant's sign-in: personal code and PIN hash.

use super::history::record_history;
use super::ChangeSource;
use crate::db::{col, now, Db, DbError};
use crate::domain::credentials::SignInCode;
use crate::domain::ids::ParticipantId;

/// Stores a new PIN hash (the history records that it changed, never the PIN). Returns the
/// participant's personal code, whose sign-in lock the new PIN lifts.
pub async fn set_pin_hash(
    db: &Db,
    id: ParticipantId,
    hash: &str,
    who: ChangeSource,
) -> Result<String, DbError> {
    let mut tx = db.begin().await?;
    let code: String = sqlx::query(
        "UPDATE participants SET pin_hash = $1, updated_at = $2 WHERE id = $3 \
         RETURNING sign_in_code",
    )
    .bind(hash)
    .bind(now())
    .bind(id.0)
    .fetch_optional(&mut *tx)
    .await?
    .map(|r| col(&r, "sign_in_code"))
    .transpose()?
    .ok_or(DbError::NotFound)?;
    record_history(&mut tx, id, who, &[("pin", None, Some("****".to_owned()))]).await?;
    // A new PIN ends every session of the old one (a tablet left signed in, a shared PIN).
    sqlx::query("DELETE FROM sessions WHERE participant_id = $1")
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(code)
}

/// The participant and PIN hash for a sign-in code, if the code exists, a PIN is set and
/// the participant is active.
pub async fn find_for_sign_in(
    db: &Db,
    code: &str,
) -> Result<Option<(ParticipantId, String)>, DbError> {
    let row = sqlx::query(
        "SELECT id, pin_hash FROM participants WHERE sign_in_code = $1 AND status = 'active' AND pin_hash IS NOT NULL",
    )
    .bind(code)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| Ok((ParticipantId(col(&r, "id")?), col(&r, "pin_hash")?)))
        .transpose()
}

/// Replaces a participant's personal code (used for demo data with a known code).
pub async fn set_sign_in_code(
    db: &Db,
    id: ParticipantId,
    code: &SignInCode,
) -> Result<(), DbError> {
    sqlx::query("UPDATE participants SET sign_in_code = $1 WHERE id = $2")
        .bind(code.as_str())
        .bind(id.0)
        .execute(&db.pool)
        .await
        .map_err(crate::db::conflict_on("sign_in_code", code.as_str()))?;
    Ok(())
}

/// The language a participant's pages use when the tablet has not been given another one.
pub async fn ui_language(
    db: &Db,
    id: ParticipantId,
) -> Result<Option<crate::domain::locale::Locale>, DbError> {
    let tag: Option<String> =
        sqlx::query_scalar("SELECT ui_language FROM participants WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&db.pool)
            .await?
            .flatten();
    Ok(tag
        .as_deref()
        .and_then(crate::domain::locale::Locale::from_tag))
}

/// Sets (or with `None` clears) the language of a participant's pages.
pub async fn set_ui_language(
    db: &Db,
    id: ParticipantId,
    locale: Option<crate::domain::locale::Locale>,
) -> Result<(), DbError> {
    sqlx::query("UPDATE participants SET ui_language = $1 WHERE id = $2")
        .bind(locale.map(crate::domain::locale::Locale::tag))
        .bind(id.0)
        .execute(&db.pool)
        .await?;
    Ok(())
}
