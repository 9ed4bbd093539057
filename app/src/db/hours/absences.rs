//! Absences, each change kept as a version.

use sqlx::any::AnyRow;

use super::{date_col, Recorder, Saved};
use crate::db::{col, now, typed_col, Db, DbError, Tx};
use crate::domain::ids::{AbsenceId, ParticipantId};
use crate::domain::participant::{format_date, ParticipantRef};
use crate::domain::time_record::{AbsenceReason, AbsenceRecord};
use crate::dto::AbsenceRow;

async fn absence_version(
    tx: &mut Tx,
    absence: i64,
    participant: ParticipantId,
    version: i64,
    action: &str,
    who: Recorder,
    values: (&str, &str, &str, &str),
) -> Result<(), DbError> {
    let (from, to, reason, note) = values;
    sqlx::query(
        "INSERT INTO absence_versions (absence_id, participant_id, version, action, changed_at, \
         changed_by, source, from_date, to_date, reason, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(absence)
    .bind(participant.0)
    .bind(version)
    .bind(action)
    .bind(now())
    .bind(who.user.map(|u| u.0))
    .bind(who.source)
    .bind(from)
    .bind(to)
    .bind(reason)
    .bind(note)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Saves an absence by its key (participant + first day): created, updated (old version kept)
/// or unchanged.
pub async fn save_absence(
    tx: &mut Tx,
    participant: ParticipantId,
    record: &AbsenceRecord,
    who: Recorder,
) -> Result<Saved<AbsenceId>, DbError> {
    let from = format_date(record.from_date);
    let to = format_date(record.to_date);
    let reason = record.reason.as_str();
    let existing = sqlx::query(
        "SELECT id, to_date, reason, note, version FROM absences WHERE participant_id = $1 AND from_date = $2",
    )
    .bind(participant.0)
    .bind(&from)
    .fetch_optional(&mut **tx)
    .await?;
    let t = now();
    match existing {
        Some(row) => {
            let id: i64 = col(&row, "id")?;
            let same = col::<String>(&row, "to_date")? == to
                && col::<String>(&row, "reason")? == reason
                && col::<String>(&row, "note")? == record.note;
            if same {
                return Ok(Saved::Unchanged(AbsenceId(id)));
            }
            let version: i64 = col::<i64>(&row, "version")? + 1;
            sqlx::query(
                "UPDATE absences SET to_date = $1, reason = $2, note = $3, version = $4, updated_at = $5, \
                 updated_by = $6 WHERE id = $7",
            )
            .bind(&to)
            .bind(reason)
            .bind(&record.note)
            .bind(version)
            .bind(t)
            .bind(who.user.map(|u| u.0))
            .bind(id)
            .execute(&mut **tx)
            .await?;
            absence_version(
                tx,
                id,
                participant,
                version,
                "update",
                who,
                (&from, &to, reason, &record.note),
            )
            .await?;
            Ok(Saved::Updated(AbsenceId(id)))
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO absences (participant_id, from_date, to_date, reason, note, version, created_at, \
                 updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, 1, $6, $6, $7) RETURNING id",
            )
            .bind(participant.0)
            .bind(&from)
            .bind(&to)
            .bind(reason)
            .bind(&record.note)
            .bind(t)
            .bind(who.user.map(|u| u.0))
            .fetch_one(&mut **tx)
            .await?;
            absence_version(
                tx,
                id,
                participant,
                1,
                "create",
                who,
                (&from, &to, reason, &record.note),
            )
            .await?;
            Ok(Saved::Created(AbsenceId(id)))
        }
    }
}

const ABSENCE_SELECT: &str =
    "SELECT id, participant_id, from_date, to_date, reason, note, version FROM absences";

fn absence_row(r: &AnyRow) -> Result<AbsenceRow, DbError> {
    Ok(AbsenceRow {
        id: AbsenceId(col(r, "id")?),
        participant_id: ParticipantId(col(r, "participant_id")?),
        from_date: date_col(r, "from_date")?,
        to_date: date_col(r, "to_date")?,
        reason: typed_col(r, "reason", AbsenceReason::parse)?,
        note: col(r, "note")?,
        version: col(r, "version")?,
    })
}

/// One absence.
pub async fn absence(db: &Db, id: AbsenceId) -> Result<AbsenceRow, DbError> {
    let row = sqlx::query(&format!("{ABSENCE_SELECT} WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(DbError::NotFound)?;
    absence_row(&row)
}

/// The participant's absences, newest first.
pub async fn absences_of(db: &Db, participant: ParticipantId) -> Result<Vec<AbsenceRow>, DbError> {
    let rows = sqlx::query(&format!(
        "{ABSENCE_SELECT} WHERE participant_id = $1 ORDER BY from_date DESC"
    ))
    .bind(participant.0)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(absence_row).collect()
}

/// Deletes an absence; its last values are kept as a `delete` version.
pub async fn delete_absence(
    tx: &mut Tx,
    id: AbsenceId,
    who: Recorder,
    expected_version: Option<i64>,
) -> Result<(), DbError> {
    let row = sqlx::query(
        "SELECT participant_id, from_date, to_date, reason, note, version FROM absences WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)?;
    let participant = ParticipantId(col(&row, "participant_id")?);
    let (from, to, reason, note): (String, String, String, String) = (
        col(&row, "from_date")?,
        col(&row, "to_date")?,
        col(&row, "reason")?,
        col(&row, "note")?,
    );
    let stored: i64 = col(&row, "version")?;
    crate::db::stale(expected_version, stored)?;
    let version = stored + 1;
    absence_version(
        tx,
        id.0,
        participant,
        version,
        "delete",
        who,
        (&from, &to, &reason, &note),
    )
    .await?;
    sqlx::query("DELETE FROM absences WHERE id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Every absence as an `absences` record, sorted by key.
pub async fn export_absences(
    db: &Db,
    whose: crate::db::Whose,
) -> Result<Vec<AbsenceRecord>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT p.participant_ref, a.from_date, a.to_date, a.reason, a.note \
         FROM absences a JOIN participants p ON p.id = a.participant_id WHERE {}",
        whose.condition()
    ))
    .fetch_all(&db.pool)
    .await?;
    let mut out: Vec<AbsenceRecord> = rows
        .iter()
        .map(|r| {
            let bad = |what: &str| DbError::Other(format!("stored {what} does not parse"));
            let reason: String = col(r, "reason")?;
            Ok(AbsenceRecord {
                participant_ref: ParticipantRef::parse(&col::<String>(r, "participant_ref")?)
                    .map_err(|_| bad("participant_ref"))?,
                from_date: date_col(r, "from_date")?,
                to_date: date_col(r, "to_date")?,
                reason: AbsenceReason::parse(&reason).map_err(|_| bad("reason"))?,
                note: col(r, "note")?,
            })
        })
        .collect::<Result<_, DbError>>()?;
    out.sort_by_key(AbsenceRecord::key);
    Ok(out)
}
