//! The change history of a participant: one row per changed field, and one row for the
//! record's creation that reads back as one entry per field it was created with.

use super::ChangeSource;
use crate::db::{col, now, Db, DbError, Tx};
use crate::domain::ids::ParticipantId;
use crate::dto::HistoryEntry;

pub(super) async fn record_history(
    tx: &mut Tx,
    id: ParticipantId,
    who: ChangeSource,
    changes: &[(&str, Option<String>, Option<String>)],
) -> Result<(), DbError> {
    let t = now();
    for (field, old, new) in changes {
        sqlx::query(
            "INSERT INTO participant_history (participant_id, changed_at, changed_by, source, field, old_value, new_value) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id.0)
        .bind(t)
        .bind(who.by.map(|u| u.0))
        .bind(who.source)
        .bind(*field)
        .bind(old.clone())
        .bind(new.clone())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The history's `field` of a record's creation. Its `new_value` holds every field the record
/// was created with, as a JSON array of `[field, value]` pairs in the register's column order;
/// read back, it is one entry per field, as if each had its own row. (A creation used to write
/// one row per field, 14 for a full record: most of a big import's time on PostgreSQL. Those
/// rows read back as they are.)
pub(super) const CREATED: &str = "created";

/// The `new_value` of a creation's history row.
pub(super) fn creation_value(fields: &[(&str, String)]) -> Result<String, DbError> {
    serde_json::to_string(fields).map_err(|e| DbError::Other(format!("history: {e}")))
}

/// Writes a record's creation: one history row with every field given.
pub(super) async fn record_creation(
    tx: &mut Tx,
    id: ParticipantId,
    who: ChangeSource,
    changes: &[(&str, Option<String>, Option<String>)],
) -> Result<(), DbError> {
    let fields: Vec<(&str, String)> = changes
        .iter()
        .filter_map(|(field, _, new)| Some((*field, new.clone()?)))
        .collect();
    let created = (CREATED, None, Some(creation_value(&fields)?));
    record_history(tx, id, who, &[created]).await
}

/// The columns of a history entry with the name of who made it.
const HISTORY_SELECT: &str =
    "SELECT h.changed_at, u.display_name, h.source, h.field, h.old_value, h.new_value \
     FROM participant_history h LEFT JOIN users u ON u.id = h.changed_by";

/// The entries of history rows in their order (`newest_first`: each creation's fields last
/// first, as their rows would have come).
fn history_entries(
    rows: &[sqlx::any::AnyRow],
    newest_first: bool,
) -> Result<Vec<HistoryEntry>, DbError> {
    let mut entries = Vec::with_capacity(rows.len());
    for r in rows {
        let entry = HistoryEntry {
            changed_at: col(r, "changed_at")?,
            changed_by: col(r, "display_name")?,
            source: col(r, "source")?,
            field: col(r, "field")?,
            old_value: col(r, "old_value")?,
            new_value: col(r, "new_value")?,
        };
        if entry.field != CREATED {
            entries.push(entry);
            continue;
        }
        let fields: Vec<(String, String)> =
            serde_json::from_str(entry.new_value.as_deref().unwrap_or("[]"))
                .map_err(|e| DbError::Other(format!("history: {e}")))?;
        let expand = |(field, value): (String, String)| HistoryEntry {
            field,
            old_value: None,
            new_value: Some(value),
            ..entry.clone()
        };
        if newest_first {
            entries.extend(fields.into_iter().rev().map(expand));
        } else {
            entries.extend(fields.into_iter().map(expand));
        }
    }
    Ok(entries)
}

/// The change history of a participant, newest first.
pub async fn history(db: &Db, id: ParticipantId) -> Result<Vec<HistoryEntry>, DbError> {
    let rows = sqlx::query(&format!(
        "{HISTORY_SELECT} WHERE h.participant_id = $1 ORDER BY h.changed_at DESC, h.id DESC"
    ))
    .bind(id.0)
    .fetch_all(&db.pool)
    .await?;
    history_entries(&rows, true)
}

/// The changes to a participant's record after history entry `version` (PIN changes aside),
/// oldest first, with who made them: what a stale edit would overwrite. Takes the record's
/// write lock first, so no other edit can slip in between this check and the save.
pub async fn changes_since(
    tx: &mut Tx,
    id: ParticipantId,
    version: i64,
) -> Result<Vec<HistoryEntry>, DbError> {
    sqlx::query("UPDATE participants SET updated_at = updated_at WHERE id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    let rows = sqlx::query(&format!(
        "{HISTORY_SELECT} WHERE h.participant_id = $1 AND h.id > $2 AND h.field <> 'pin' \
         ORDER BY h.id"
    ))
    .bind(id.0)
    .bind(version)
    .fetch_all(&mut **tx)
    .await?;
    history_entries(&rows, false)
}
