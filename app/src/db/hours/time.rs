//! Recorded time: teaching and self-study entries, each change kept as a version.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use sqlx::any::AnyRow;

use super::{date_col, minutes_of, time_col, Recorder, Saved};
use crate::db::{col, now, typed_col, Db, DbError, Tx};
use crate::domain::ids::{ParticipantId, TimeEntryId, UserId};
use crate::domain::participant::{format_date, Email, ParticipantRef};
use crate::domain::time_record::{format_clock, week_code, TimeRecord};
use crate::domain::weeks::TimeKind;
use crate::dto::TimeRow;

/// The participant `participant_ref`'s id, if they exist.
pub async fn participant_by_ref(
    tx: &mut Tx,
    participant_ref: &str,
) -> Result<Option<ParticipantId>, DbError> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT id FROM participants WHERE participant_ref = $1")
            .bind(participant_ref)
            .fetch_optional(&mut **tx)
            .await?
            .map(ParticipantId),
    )
}

/// The participant's entries of `kind` on `date` as `(start, end)`, leaving out the one that
/// starts at `except` (the entry a save with the same key replaces).
pub async fn day_entries(
    tx: &mut Tx,
    participant: ParticipantId,
    kind: TimeKind,
    date: NaiveDate,
    except: Option<NaiveTime>,
) -> Result<Vec<(NaiveDateTime, NaiveDateTime)>, DbError> {
    let rows = sqlx::query(
        "SELECT start_time, end_time FROM time_entries \
         WHERE participant_id = $1 AND kind = $2 AND entry_date = $3 ORDER BY start_time",
    )
    .bind(participant.0)
    .bind(kind.as_str())
    .bind(format_date(date))
    .fetch_all(&mut **tx)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let (s, e) = (time_col(r, "start_time")?, time_col(r, "end_time")?);
        if Some(s) != except {
            out.push((date.and_time(s), date.and_time(e)));
        }
    }
    Ok(out)
}

async fn time_version(
    tx: &mut Tx,
    entry: i64,
    participant: ParticipantId,
    version: i64,
    action: &str,
    who: Recorder,
    values: (&str, &str, &str, &str, Option<i64>),
) -> Result<(), DbError> {
    let (kind, date, start, end, teacher) = values;
    sqlx::query(
        "INSERT INTO time_entry_versions (entry_id, participant_id, version, action, changed_at, \
         changed_by, changed_by_participant, source, kind, entry_date, start_time, end_time, teacher_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(entry)
    .bind(participant.0)
    .bind(version)
    .bind(action)
    .bind(now())
    .bind(who.user.map(|u| u.0))
    .bind(who.participant.map(|p| p.0))
    .bind(who.source)
    .bind(kind)
    .bind(date)
    .bind(start)
    .bind(end)
    .bind(teacher)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Saves a checked entry (see [`TimeRecord::check_against`]): a new key is created, an existing
/// key with another end or teacher is updated (the old version is kept), equal values are left.
pub async fn save_time(
    tx: &mut Tx,
    participant: ParticipantId,
    record: &TimeRecord,
    teacher: Option<UserId>,
    who: Recorder,
) -> Result<Saved<TimeEntryId>, DbError> {
    let date = format_date(record.date);
    let start = format_clock(record.start);
    let end = format_clock(record.end);
    let kind = record.kind.as_str();
    let teacher = teacher.map(|u| u.0);
    let existing = sqlx::query(
        "SELECT id, end_time, teacher_id, version FROM time_entries \
         WHERE participant_id = $1 AND entry_date = $2 AND start_time = $3 AND kind = $4",
    )
    .bind(participant.0)
    .bind(&date)
    .bind(&start)
    .bind(kind)
    .fetch_optional(&mut **tx)
    .await?;
    let t = now();
    match existing {
        Some(row) => {
            let id: i64 = col(&row, "id")?;
            let old_end: String = col(&row, "end_time")?;
            let old_teacher: Option<i64> = col(&row, "teacher_id")?;
            if old_end == end && old_teacher == teacher {
                return Ok(Saved::Unchanged(TimeEntryId(id)));
            }
            let version: i64 = col::<i64>(&row, "version")? + 1;
            sqlx::query(
                "UPDATE time_entries SET end_time = $1, minutes = $2, teacher_id = $3, version = $4, \
                 updated_at = $5, updated_by = $6, updated_by_participant = $7 WHERE id = $8",
            )
            .bind(&end)
            .bind(i64::from(record.minutes()))
            .bind(teacher)
            .bind(version)
            .bind(t)
            .bind(who.user.map(|u| u.0))
            .bind(who.participant.map(|p| p.0))
            .bind(id)
            .execute(&mut **tx)
            .await?;
            time_version(
                tx,
                id,
                participant,
                version,
                "update",
                who,
                (kind, &date, &start, &end, teacher),
            )
            .await?;
            Ok(Saved::Updated(TimeEntryId(id)))
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO time_entries (participant_id, kind, entry_date, start_time, end_time, minutes, \
                 iso_week, teacher_id, version, created_at, updated_at, updated_by, updated_by_participant) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9, $10, $11) RETURNING id",
            )
            .bind(participant.0)
            .bind(kind)
            .bind(&date)
            .bind(&start)
            .bind(&end)
            .bind(i64::from(record.minutes()))
            .bind(week_code(record.week()))
            .bind(teacher)
            .bind(t)
            .bind(who.user.map(|u| u.0))
            .bind(who.participant.map(|p| p.0))
            .fetch_one(&mut **tx)
            .await?;
            time_version(
                tx,
                id,
                participant,
                1,
                "create",
                who,
                (kind, &date, &start, &end, teacher),
            )
            .await?;
            Ok(Saved::Created(TimeEntryId(id)))
        }
    }
}

const TIME_SELECT: &str = "SELECT t.id, t.participant_id, t.kind, t.entry_date, t.start_time, \
    t.end_time, t.minutes, t.version, u.display_name AS teacher_name \
    FROM time_entries t LEFT JOIN users u ON u.id = t.teacher_id";

fn time_row(r: &AnyRow) -> Result<TimeRow, DbError> {
    Ok(TimeRow {
        id: TimeEntryId(col(r, "id")?),
        participant_id: ParticipantId(col(r, "participant_id")?),
        kind: typed_col(r, "kind", TimeKind::parse)?,
        date: date_col(r, "entry_date")?,
        start: time_col(r, "start_time")?,
        end: time_col(r, "end_time")?,
        minutes: minutes_of(col(r, "minutes")?),
        teacher_name: col(r, "teacher_name")?,
        version: col(r, "version")?,
    })
}

/// One entry.
pub async fn time_entry(db: &Db, id: TimeEntryId) -> Result<TimeRow, DbError> {
    let row = sqlx::query(&format!("{TIME_SELECT} WHERE t.id = $1"))
        .bind(id.0)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(DbError::NotFound)?;
    time_row(&row)
}

/// The participant's entries from `from` on, newest first.
pub async fn time_since(
    db: &Db,
    participant: ParticipantId,
    from: NaiveDate,
) -> Result<Vec<TimeRow>, DbError> {
    let rows = sqlx::query(&format!(
        "{TIME_SELECT} WHERE t.participant_id = $1 AND t.entry_date >= $2 \
         ORDER BY t.entry_date DESC, t.start_time DESC, t.kind"
    ))
    .bind(participant.0)
    .bind(format_date(from))
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(time_row).collect()
}

/// Teaching entries of `participants` on `date` (for the register), by participant.
pub async fn teaching_on(
    db: &Db,
    participants: &[ParticipantId],
    date: NaiveDate,
) -> Result<HashMap<ParticipantId, Vec<TimeRow>>, DbError> {
    let mut out: HashMap<ParticipantId, Vec<TimeRow>> = HashMap::new();
    for &p in participants {
        let rows = sqlx::query(&format!(
            "{TIME_SELECT} WHERE t.participant_id = $1 AND t.entry_date = $2 AND t.kind = 'teaching' \
             ORDER BY t.start_time"
        ))
        .bind(p.0)
        .bind(format_date(date))
        .fetch_all(&db.pool)
        .await?;
        out.insert(p, rows.iter().map(time_row).collect::<Result<_, _>>()?);
    }
    Ok(out)
}

/// Deletes an entry; its last values are kept as a `delete` version.
pub async fn delete_time(
    tx: &mut Tx,
    id: TimeEntryId,
    who: Recorder,
    expected_version: Option<i64>,
) -> Result<(), DbError> {
    let row = sqlx::query(
        "SELECT participant_id, kind, entry_date, start_time, end_time, teacher_id, version \
         FROM time_entries WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)?;
    let participant = ParticipantId(col(&row, "participant_id")?);
    let (kind, date, start, end): (String, String, String, String) = (
        col(&row, "kind")?,
        col(&row, "entry_date")?,
        col(&row, "start_time")?,
        col(&row, "end_time")?,
    );
    let teacher: Option<i64> = col(&row, "teacher_id")?;
    let stored: i64 = col(&row, "version")?;
    crate::db::stale(expected_version, stored)?;
    let version = stored + 1;
    time_version(
        tx,
        id.0,
        participant,
        version,
        "delete",
        who,
        (&kind, &date, &start, &end, teacher),
    )
    .await?;
    sqlx::query("DELETE FROM time_entries WHERE id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Every entry as a `teaching` record, sorted by key.
pub async fn export_time(db: &Db, whose: crate::db::Whose) -> Result<Vec<TimeRecord>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT p.participant_ref, t.entry_date, t.start_time, t.end_time, t.kind, u.email \
         FROM time_entries t JOIN participants p ON p.id = t.participant_id \
         LEFT JOIN users u ON u.id = t.teacher_id WHERE {} \
         ORDER BY p.participant_ref, t.entry_date, t.start_time, t.kind",
        whose.condition()
    ))
    .fetch_all(&db.pool)
    .await?;
    let mut out: Vec<TimeRecord> = rows
        .iter()
        .map(|r| {
            let bad = |what: &str| DbError::Other(format!("stored {what} does not parse"));
            let kind: String = col(r, "kind")?;
            let email: Option<String> = col(r, "email")?;
            Ok(TimeRecord {
                participant_ref: ParticipantRef::parse(&col::<String>(r, "participant_ref")?)
                    .map_err(|_| bad("participant_ref"))?,
                date: date_col(r, "entry_date")?,
                start: time_col(r, "start_time")?,
                end: time_col(r, "end_time")?,
                kind: TimeKind::parse(&kind).map_err(|_| bad("kind"))?,
                teacher_email: email.and_then(|e| Email::parse(&e).ok()),
            })
        })
        .collect::<Result<_, DbError>>()?;
    // Byte order of the reference, as the file kinds sort (the database may collate otherwise).
    out.sort_by_key(TimeRecord::key);
    Ok(out)
}
