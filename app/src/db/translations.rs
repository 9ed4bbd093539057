//! The translators' corrections (issue 13): a statement's text in a language is updated in
//! place with the old text kept in `cefr_statement_text_history`; an interface text of the
//! participant's pages is stored in `ui_translations` (over the shipped catalogue) with the old
//! one kept in `ui_translation_history`. One import is one transaction.

use std::collections::BTreeMap;

use super::{col, now, Db, DbError};
use crate::domain::ids::UserId;
use crate::domain::translator_file::{EntryKind, TranslatorEntry};

/// One stored interface text: (language, message id) → (text, checked).
pub type Overrides = BTreeMap<(String, String), (String, bool)>;

/// Stores `entries` of a translator's file for `language` (statements of catalogue
/// `version`), all in one transaction. Returns how many rows changed.
pub async fn apply(
    db: &Db,
    version: &str,
    language: &str,
    entries: &[TranslatorEntry],
    by: Option<UserId>,
) -> Result<usize, DbError> {
    let mut tx = db.begin().await?;
    let at = now();
    let by = by.map(|u| u.0);
    for e in entries {
        match e.kind {
            EntryKind::Statement => {
                sqlx::query(
                    "INSERT INTO cefr_statement_text_history (catalogue_version, statement_id, \
                     language, text, checked, replaced_at, replaced_by) \
                     SELECT catalogue_version, statement_id, language, text, checked, $4, $5 \
                     FROM cefr_statement_texts \
                     WHERE catalogue_version = $1 AND statement_id = $2 AND language = $3",
                )
                .bind(version)
                .bind(&e.id)
                .bind(language)
                .bind(at)
                .bind(by)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "DELETE FROM cefr_statement_texts \
                     WHERE catalogue_version = $1 AND statement_id = $2 AND language = $3",
                )
                .bind(version)
                .bind(&e.id)
                .bind(language)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "INSERT INTO cefr_statement_texts (catalogue_version, statement_id, language, text, checked) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(version)
                .bind(&e.id)
                .bind(language)
                .bind(&e.text)
                .bind(i64::from(e.checked))
                .execute(&mut *tx)
                .await?;
            }
            EntryKind::Interface => {
                sqlx::query(
                    "INSERT INTO ui_translation_history (language, message_id, text, checked, \
                     changed_by, changed_at, replaced_at) \
                     SELECT language, message_id, text, checked, changed_by, changed_at, $3 \
                     FROM ui_translations WHERE language = $1 AND message_id = $2",
                )
                .bind(language)
                .bind(&e.id)
                .bind(at)
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM ui_translations WHERE language = $1 AND message_id = $2")
                    .bind(language)
                    .bind(&e.id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "INSERT INTO ui_translations (language, message_id, text, checked, changed_by, changed_at) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(language)
                .bind(&e.id)
                .bind(&e.text)
                .bind(i64::from(e.checked))
                .bind(by)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(entries.len())
}

/// A number that changes whenever the stored interface texts do, for another server process
/// to notice: the rows stored plus the rows replaced (a correction either adds a row or
/// replaces one, keeping the old in the history).
pub async fn overrides_version(db: &Db) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM ui_translations) + \
         (SELECT COUNT(*) FROM ui_translation_history)",
    )
    .fetch_one(&db.pool)
    .await?)
}

/// Every stored interface text.
pub async fn overrides(db: &Db) -> Result<Overrides, DbError> {
    let rows = sqlx::query("SELECT language, message_id, text, checked FROM ui_translations")
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            let checked: i64 = col(r, "checked")?;
            Ok((
                (col(r, "language")?, col(r, "message_id")?),
                (col(r, "text")?, checked != 0),
            ))
        })
        .collect()
}

/// Statement id → (Swedish, English, text in `language` if any, checked) of catalogue
/// `version`, in catalogue order.
pub async fn statement_rows(
    db: &Db,
    version: &str,
    language: &str,
) -> Result<Vec<(String, String, String, Option<String>, bool)>, DbError> {
    let rows = sqlx::query(
        "SELECT s.statement_id, sv.text AS sv, en.text AS en, t.text AS text, \
         COALESCE(t.checked, 0) AS checked \
         FROM cefr_statements s \
         JOIN cefr_statement_texts sv ON sv.catalogue_version = s.catalogue_version \
              AND sv.statement_id = s.statement_id AND sv.language = 'sv' \
         JOIN cefr_statement_texts en ON en.catalogue_version = s.catalogue_version \
              AND en.statement_id = s.statement_id AND en.language = 'en' \
         LEFT JOIN cefr_statement_texts t ON t.catalogue_version = s.catalogue_version \
              AND t.statement_id = s.statement_id AND t.language = $2 \
         WHERE s.catalogue_version = $1 ORDER BY s.position",
    )
    .bind(version)
    .bind(language)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let checked: i64 = col(r, "checked")?;
            Ok((
                col(r, "statement_id")?,
                col(r, "sv")?,
                col(r, "en")?,
                col(r, "text")?,
                checked != 0,
            ))
        })
        .collect()
}
