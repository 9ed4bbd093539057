//! The change history of a participant: one row per changed field.

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

/// The columns of a history entry with the name of who made it.
const HISTORY_SELECT: &str =
    "SELECT h.changed_at, u.display_name, h.source, h.field, h.old_value, h.new_value \
     FROM participant_history h LEFT JOIN users u ON u.id = h.changed_by";

fn history_entry(r: &sqlx::any::AnyRow) -> Result<HistoryEntry, DbError> {
    Ok(HistoryEntry {
        changed_at: col(r, "changed_at")?,
        changed_by: col(r, "display_name")?,
        source: col(r, "source")?,
        field: col(r, "field")?,
        old_value: col(r, "old_value")?,
        new_value: col(r, "new_value")?,
    })
}

/// The change history of a participant, newest first.
pub async fn history(db: &Db, id: ParticipantId) -> Result<Vec<HistoryEntry>, DbError> {
    let rows = sqlx::query(&format!(
        "{HISTORY_SELECT} WHERE h.participant_id = $1 ORDER BY h.changed_at DESC, h.id DESC"
    ))
    .bind(id.0)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(history_entry).collect()
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
    rows.iter().map(history_entry).collect()
}
