//! The programme's calendar: closed days by scope, each change kept as a version.

use sqlx::any::AnyRow;

use super::hours::{Recorder, Saved};
use super::{col, date_col, now, typed_col, Db, DbError, Tx};
use crate::domain::calendar::{CalendarScope, ClosedDays, ClosedReason};
use crate::domain::ids::CalendarId;
use crate::domain::participant::format_date;
pub use crate::dto::CalendarEntry;

async fn version(
    tx: &mut Tx,
    id: i64,
    version: i64,
    action: &str,
    who: Recorder,
    days: &ClosedDays,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO calendar_versions (calendar_id, version, action, changed_at, changed_by, \
         source, scope, name, from_date, to_date, reason, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(id)
    .bind(version)
    .bind(action)
    .bind(now())
    .bind(who.user.map(|u| u.0))
    .bind(who.source)
    .bind(days.scope.as_str())
    .bind(days.name.clone())
    .bind(format_date(days.from_date))
    .bind(format_date(days.to_date))
    .bind(days.reason.as_str())
    .bind(days.note.clone())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

const SELECT: &str =
    "SELECT id, version, scope, name, from_date, to_date, reason, note FROM calendar_days";

fn days_of(r: &AnyRow) -> Result<ClosedDays, DbError> {
    Ok(ClosedDays {
        scope: typed_col(r, "scope", CalendarScope::parse)?,
        name: col(r, "name")?,
        from_date: date_col(r, "from_date")?,
        to_date: date_col(r, "to_date")?,
        reason: typed_col(r, "reason", ClosedReason::parse)?,
        note: col(r, "note")?,
    })
}

fn entry_of(r: &AnyRow) -> Result<CalendarEntry, DbError> {
    Ok(CalendarEntry {
        id: CalendarId(col(r, "id")?),
        version: col(r, "version")?,
        days: days_of(r)?,
    })
}

/// Saves closed days by their key (scope + name + first day): created, updated (the earlier
/// version kept) or unchanged. The name must have been checked against the districts and
/// schools ([`place_names`]).
pub async fn save(
    tx: &mut Tx,
    days: &ClosedDays,
    who: Recorder,
) -> Result<Saved<CalendarId>, DbError> {
    let existing = sqlx::query(&format!(
        "{SELECT} WHERE scope = $1 AND name = $2 AND from_date = $3"
    ))
    .bind(days.scope.as_str())
    .bind(days.name.clone())
    .bind(format_date(days.from_date))
    .fetch_optional(&mut **tx)
    .await?;
    let t = now();
    match existing {
        Some(row) => {
            let stored = entry_of(&row)?;
            if stored.days == *days {
                return Ok(Saved::Unchanged(stored.id));
            }
            let next = stored.version + 1;
            sqlx::query(
                "UPDATE calendar_days SET to_date = $1, reason = $2, note = $3, version = $4, \
                 updated_at = $5, updated_by = $6 WHERE id = $7",
            )
            .bind(format_date(days.to_date))
            .bind(days.reason.as_str())
            .bind(days.note.clone())
            .bind(next)
            .bind(t)
            .bind(who.user.map(|u| u.0))
            .bind(stored.id.0)
            .execute(&mut **tx)
            .await?;
            version(tx, stored.id.0, next, "update", who, days).await?;
            Ok(Saved::Updated(stored.id))
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO calendar_days (scope, name, from_date, to_date, reason, note, version, \
                 created_at, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7, $8) \
                 RETURNING id",
            )
            .bind(days.scope.as_str())
            .bind(days.name.clone())
            .bind(format_date(days.from_date))
            .bind(format_date(days.to_date))
            .bind(days.reason.as_str())
            .bind(days.note.clone())
            .bind(t)
            .bind(who.user.map(|u| u.0))
            .fetch_one(&mut **tx)
            .await?;
            version(tx, id, 1, "create", who, days).await?;
            Ok(Saved::Created(CalendarId(id)))
        }
    }
}

/// Deletes an entry if it still has `expected_version` (otherwise a conflict on `version`:
/// someone changed it since it was shown); its last values are kept as a `delete` version.
pub async fn delete(
    tx: &mut Tx,
    id: CalendarId,
    expected_version: i64,
    who: Recorder,
) -> Result<(), DbError> {
    let row = sqlx::query(&format!("{SELECT} WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::NotFound)?;
    let stored = entry_of(&row)?;
    crate::db::stale(Some(expected_version), stored.version)?;
    version(tx, id.0, stored.version + 1, "delete", who, &stored.days).await?;
    sqlx::query("DELETE FROM calendar_days WHERE id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Every entry, newest first day first.
pub async fn list(db: &Db) -> Result<Vec<CalendarEntry>, DbError> {
    let rows = sqlx::query(&format!("{SELECT} ORDER BY from_date DESC, scope, name"))
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(entry_of).collect()
}

/// The entries with at least one day in `first`–`last`.
pub async fn overlapping(
    db: &Db,
    first: chrono::NaiveDate,
    last: chrono::NaiveDate,
) -> Result<Vec<ClosedDays>, DbError> {
    let rows = sqlx::query(&format!("{SELECT} WHERE to_date >= $1 AND from_date <= $2"))
        .bind(format_date(first))
        .bind(format_date(last))
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(days_of).collect()
}

/// Every entry as a `calendar` record, sorted by key.
pub async fn export(db: &Db) -> Result<Vec<ClosedDays>, DbError> {
    let mut out: Vec<ClosedDays> = sqlx::query(SELECT)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(days_of)
        .collect::<Result<_, DbError>>()?;
    out.sort_by_key(ClosedDays::key);
    Ok(out)
}

/// The names a calendar entry may give: `(districts, schools)`, each sorted.
pub async fn place_names(tx: &mut Tx) -> Result<(Vec<String>, Vec<String>), DbError> {
    let districts = sqlx::query_scalar("SELECT name FROM districts ORDER BY name")
        .fetch_all(&mut **tx)
        .await?;
    let schools = sqlx::query_scalar("SELECT name FROM schools ORDER BY name")
        .fetch_all(&mut **tx)
        .await?;
    Ok((districts, schools))
}
