//! The weekly minimum: plans (append-only versions), recorded time and absences (each change
//! kept as a version), and the minutes per participant and week that compliance is computed
//! from.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use sqlx::any::AnyRow;

use super::participants::ChangeSource;
use super::{col, now, Db, DbError, Tx};
use crate::domain::ids::{AbsenceId, ParticipantId, PlanId, SchoolId, TimeEntryId, UserId};
use crate::domain::participant::{format_date, Email, ParticipantRef};
use crate::domain::time_record::{
    format_clock, parse_clock, week_code, AbsenceReason, AbsenceRecord, Enrolment, TimeRecord,
    WeekMinutes,
};
use crate::domain::weeks::{IsoWeek, TimeKind, WeekCompliance, WeeklyMinimum, WeeklyPlan};
pub use crate::dto::{AbsenceRow, PlanBlockRow, PlanRow, TimeRow};

/// The setting that holds the weekly minimum in minutes.
pub const MINIMUM_SETTING: &str = "weekly_minimum";

/// Who records a change: a staff member, or the participant on the tablet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorder {
    /// `web`, `import`, `cli` or `demo`.
    pub source: &'static str,
    /// The staff member, if any.
    pub user: Option<UserId>,
    /// The participant, when they record their own self-study.
    pub participant: Option<ParticipantId>,
}

impl From<ChangeSource> for Recorder {
    fn from(c: ChangeSource) -> Self {
        Recorder {
            source: c.source,
            user: c.by,
            participant: None,
        }
    }
}

/// What saving a time entry or an absence did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved<I> {
    /// A new record.
    Created(I),
    /// An existing record (same key) with other values; the earlier version is kept.
    Updated(I),
    /// The same values were already stored.
    Unchanged(I),
}

fn date_col(r: &AnyRow, name: &str) -> Result<NaiveDate, DbError> {
    let s: String = col(r, name)?;
    NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .map_err(|e| DbError::Other(format!("stored date {s:?} does not parse: {e}")))
}

fn opt_date_col(r: &AnyRow, name: &str) -> Result<Option<NaiveDate>, DbError> {
    let s: Option<String> = col(r, name)?;
    s.map(|s| {
        NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map_err(|e| DbError::Other(format!("stored date {s:?} does not parse: {e}")))
    })
    .transpose()
}

fn time_col(r: &AnyRow, name: &str) -> Result<NaiveTime, DbError> {
    let s: String = col(r, name)?;
    parse_clock(&s).map_err(|e| DbError::Other(format!("stored time {s:?} does not parse: {e}")))
}

fn minutes_of(v: i64) -> u32 {
    u32::try_from(v).unwrap_or(0)
}

/// The weekly minimum in force (the `weekly_minimum` setting, default 300 minutes).
pub async fn minimum(db: &Db) -> Result<WeeklyMinimum, DbError> {
    match super::settings::get(db, MINIMUM_SETTING).await? {
        Some(v) => WeeklyMinimum::parse(&v)
            .map_err(|e| DbError::Other(format!("setting {MINIMUM_SETTING}={v:?}: {e:?}"))),
        None => Ok(WeeklyMinimum::default()),
    }
}

// ---------------------------------------------------------------------------------------------
// Plans

/// Stores a new version of the participant's plan, in force from `valid_from`. `teachers` holds
/// the teacher of each block (same order as `plan.blocks`). The earlier versions stay.
pub async fn save_plan(
    tx: &mut Tx,
    participant: ParticipantId,
    valid_from: NaiveDate,
    plan: &WeeklyPlan,
    teachers: &[Option<UserId>],
    who: Recorder,
) -> Result<PlanId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO weekly_plans (participant_id, valid_from, self_study_minutes, created_at, created_by, source) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(participant.0)
    .bind(format_date(valid_from))
    .bind(i64::from(plan.self_study_minutes))
    .bind(now())
    .bind(who.user.map(|u| u.0))
    .bind(who.source)
    .fetch_one(&mut **tx)
    .await?;
    for (position, block) in plan.blocks.iter().enumerate() {
        sqlx::query(
            "INSERT INTO plan_blocks (plan_id, position, weekday, start_time, end_time, teacher_id) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(i64::from(block.weekday.number_from_monday()))
        .bind(format_clock(block.start))
        .bind(format_clock(block.end))
        .bind(teachers.get(position).copied().flatten().map(|u| u.0))
        .execute(&mut **tx)
        .await?;
    }
    Ok(PlanId(id))
}

/// Every version of the participant's plan, the newest (by valid_from, then creation) first.
pub async fn plans(db: &Db, participant: ParticipantId) -> Result<Vec<PlanRow>, DbError> {
    let rows = sqlx::query(
        "SELECT w.id, w.valid_from, w.self_study_minutes, w.created_at, u.display_name AS created_by \
         FROM weekly_plans w LEFT JOIN users u ON u.id = w.created_by \
         WHERE w.participant_id = $1 ORDER BY w.valid_from DESC, w.id DESC",
    )
    .bind(participant.0)
    .fetch_all(&db.pool)
    .await?;
    let blocks = sqlx::query(
        "SELECT b.plan_id, b.weekday, b.start_time, b.end_time, u.email AS teacher_email, \
         u.display_name AS teacher_name \
         FROM plan_blocks b JOIN weekly_plans w ON w.id = b.plan_id \
         LEFT JOIN users u ON u.id = b.teacher_id \
         WHERE w.participant_id = $1 ORDER BY b.plan_id, b.weekday, b.start_time",
    )
    .bind(participant.0)
    .fetch_all(&db.pool)
    .await?;
    let mut by_plan: HashMap<i64, Vec<PlanBlockRow>> = HashMap::new();
    for b in &blocks {
        by_plan
            .entry(col(b, "plan_id")?)
            .or_default()
            .push(PlanBlockRow {
                weekday: minutes_of(col(b, "weekday")?),
                start: col(b, "start_time")?,
                end: col(b, "end_time")?,
                teacher_email: col(b, "teacher_email")?,
                teacher_name: col(b, "teacher_name")?,
            });
    }
    rows.iter()
        .map(|r| {
            let id: i64 = col(r, "id")?;
            let blocks = by_plan.remove(&id).unwrap_or_default();
            let teaching_minutes = blocks
                .iter()
                .filter_map(|b| {
                    Some((parse_clock(&b.end).ok()? - parse_clock(&b.start).ok()?).num_minutes())
                })
                .map(minutes_of)
                .sum();
            Ok(PlanRow {
                id: PlanId(id),
                valid_from: col(r, "valid_from")?,
                self_study_minutes: minutes_of(col(r, "self_study_minutes")?),
                teaching_minutes,
                blocks,
                created_at: col(r, "created_at")?,
                created_by: col(r, "created_by")?,
            })
        })
        .collect()
}

/// The plan in force on `date` for each of `participants`: their blocks on that weekday
/// (`(start, end, teacher)`), by participant.
pub async fn blocks_on(
    db: &Db,
    participants: &[ParticipantId],
    date: NaiveDate,
) -> Result<HashMap<ParticipantId, Vec<(String, String, Option<UserId>)>>, DbError> {
    let weekday = i64::from(crate::domain::time_record::weekday_number(date));
    let mut out = HashMap::new();
    for &p in participants {
        let plan: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM weekly_plans WHERE participant_id = $1 AND valid_from <= $2 \
             ORDER BY valid_from DESC, id DESC LIMIT 1",
        )
        .bind(p.0)
        .bind(format_date(date))
        .fetch_optional(&db.pool)
        .await?;
        let Some(plan) = plan else { continue };
        let rows = sqlx::query(
            "SELECT start_time, end_time, teacher_id FROM plan_blocks \
             WHERE plan_id = $1 AND weekday = $2 ORDER BY start_time",
        )
        .bind(plan)
        .bind(weekday)
        .fetch_all(&db.pool)
        .await?;
        let blocks = rows
            .iter()
            .map(|r| {
                Ok((
                    col(r, "start_time")?,
                    col(r, "end_time")?,
                    col::<Option<i64>>(r, "teacher_id")?.map(UserId),
                ))
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        out.insert(p, blocks);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Recorded time

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
    t.end_time, t.minutes, u.display_name AS teacher_name \
    FROM time_entries t LEFT JOIN users u ON u.id = t.teacher_id";

fn time_row(r: &AnyRow) -> Result<TimeRow, DbError> {
    Ok(TimeRow {
        id: TimeEntryId(col(r, "id")?),
        participant_id: ParticipantId(col(r, "participant_id")?),
        kind: col(r, "kind")?,
        date: col(r, "entry_date")?,
        start: col(r, "start_time")?,
        end: col(r, "end_time")?,
        minutes: minutes_of(col(r, "minutes")?),
        teacher_name: col(r, "teacher_name")?,
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
pub async fn delete_time(tx: &mut Tx, id: TimeEntryId, who: Recorder) -> Result<(), DbError> {
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
    let version: i64 = col::<i64>(&row, "version")? + 1;
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
pub async fn export_time(db: &Db) -> Result<Vec<TimeRecord>, DbError> {
    let rows = sqlx::query(
        "SELECT p.participant_ref, t.entry_date, t.start_time, t.end_time, t.kind, u.email \
         FROM time_entries t JOIN participants p ON p.id = t.participant_id \
         LEFT JOIN users u ON u.id = t.teacher_id \
         ORDER BY p.participant_ref, t.entry_date, t.start_time, t.kind",
    )
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

// ---------------------------------------------------------------------------------------------
// Absences

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
    "SELECT id, participant_id, from_date, to_date, reason, note FROM absences";

fn absence_row(r: &AnyRow) -> Result<AbsenceRow, DbError> {
    Ok(AbsenceRow {
        id: AbsenceId(col(r, "id")?),
        participant_id: ParticipantId(col(r, "participant_id")?),
        from_date: col(r, "from_date")?,
        to_date: col(r, "to_date")?,
        reason: col(r, "reason")?,
        note: col(r, "note")?,
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
pub async fn delete_absence(tx: &mut Tx, id: AbsenceId, who: Recorder) -> Result<(), DbError> {
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
    let version: i64 = col::<i64>(&row, "version")? + 1;
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
pub async fn export_absences(db: &Db) -> Result<Vec<AbsenceRecord>, DbError> {
    let rows = sqlx::query(
        "SELECT p.participant_ref, a.from_date, a.to_date, a.reason, a.note \
         FROM absences a JOIN participants p ON p.id = a.participant_id",
    )
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

// ---------------------------------------------------------------------------------------------
// Compliance

/// Whose weeks to measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every participant of the programme.
    All,
    /// The participants of one school.
    School(SchoolId),
    /// A mentor's participants.
    Mentor(UserId),
    /// One participant.
    Participant(ParticipantId),
}

impl Scope {
    /// The condition on `p` (participants) and its parameter, numbered `$n`.
    fn condition(self, n: usize) -> (String, Option<i64>) {
        match self {
            Scope::All => ("1 = 1".to_owned(), None),
            Scope::School(s) => (format!("p.school_id = ${n}"), Some(s.0)),
            Scope::Mentor(u) => (format!("p.mentor_id = ${n}"), Some(u.0)),
            Scope::Participant(p) => (format!("p.id = ${n}"), Some(p.0)),
        }
    }
}

/// A participant as the compliance views need them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measured {
    /// Id.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// Given and family name.
    pub name: String,
    /// `female`, `male`, `other`, `unspecified`.
    pub gender: String,
    /// School name.
    pub school: String,
    /// District name.
    pub district: String,
    /// Start, end and absences.
    pub enrolment: Enrolment,
    /// Minutes per week in the range.
    pub minutes: WeekMinutes,
}

/// A participant's weeks from their start to the week of `today` (or their end), measured
/// against the minimum, oldest first; the flag marks the running week.
pub async fn participant_weeks(
    db: &Db,
    participant: ParticipantId,
    today: NaiveDate,
) -> Result<Vec<(WeekCompliance, bool)>, DbError> {
    use crate::domain::time_record::weeks_of;
    let detail = super::participants::get(db, participant).await?;
    let Ok(start) = NaiveDate::parse_from_str(&detail.start_date, "%Y-%m-%d") else {
        return Ok(vec![]);
    };
    let current = IsoWeek::containing(today);
    let from = IsoWeek::containing(start);
    if from > current {
        return Ok(vec![]);
    }
    let minimum = minimum(db).await?;
    let people = measured(db, Scope::Participant(participant), from, current).await?;
    Ok(people
        .first()
        .map(|p| {
            weeks_of(&p.enrolment, from, current, minimum, &p.minutes)
                .into_iter()
                .map(|w| {
                    let running = w.week == current;
                    (w, running)
                })
                .collect()
        })
        .unwrap_or_default())
}

/// The participants of `scope` enrolled on at least one day of `from`–`to`, with what is needed
/// to measure their weeks: three queries, whatever the number of participants.
pub async fn measured(
    db: &Db,
    scope: Scope,
    from: IsoWeek,
    to: IsoWeek,
) -> Result<Vec<Measured>, DbError> {
    let first_day = format_date(from.monday());
    let last_day = format_date(to.sunday());
    let (cond, param) = scope.condition(3);
    let sql = format!(
        "SELECT p.id, p.participant_ref, p.given_name, p.family_name, p.gender, p.start_date, p.end_date, \
         s.name AS school, d.name AS district \
         FROM participants p JOIN schools s ON s.id = p.school_id JOIN districts d ON d.id = s.district_id \
         WHERE p.start_date <= $1 AND (p.end_date IS NULL OR p.end_date >= $2) AND {cond} \
         ORDER BY p.participant_ref"
    );
    let mut q = sqlx::query(&sql).bind(&last_day).bind(&first_day);
    if let Some(v) = param {
        q = q.bind(v);
    }
    let rows = q.fetch_all(&db.pool).await?;
    let mut people: Vec<Measured> = Vec::with_capacity(rows.len());
    let mut index: HashMap<i64, usize> = HashMap::with_capacity(rows.len());
    for r in &rows {
        let id: i64 = col(r, "id")?;
        index.insert(id, people.len());
        people.push(Measured {
            id: ParticipantId(id),
            participant_ref: col(r, "participant_ref")?,
            name: format!(
                "{} {}",
                col::<String>(r, "given_name")?,
                col::<String>(r, "family_name")?
            ),
            gender: col(r, "gender")?,
            school: col(r, "school")?,
            district: col(r, "district")?,
            enrolment: Enrolment {
                start: date_col(r, "start_date")?,
                end: opt_date_col(r, "end_date")?,
                absences: Vec::new(),
            },
            minutes: WeekMinutes::new(),
        });
    }
    if people.is_empty() {
        return Ok(people);
    }
    let (cond, param) = scope.condition(3);
    let sql = format!(
        "SELECT t.participant_id, t.iso_week, t.kind, CAST(SUM(t.minutes) AS BIGINT) AS minutes \
         FROM time_entries t JOIN participants p ON p.id = t.participant_id \
         WHERE t.iso_week >= $1 AND t.iso_week <= $2 AND {cond} \
         GROUP BY t.participant_id, t.iso_week, t.kind"
    );
    let mut q = sqlx::query(&sql).bind(week_code(from)).bind(week_code(to));
    if let Some(v) = param {
        q = q.bind(v);
    }
    for r in q.fetch_all(&db.pool).await? {
        let id: i64 = col(&r, "participant_id")?;
        let Some(&i) = index.get(&id) else { continue };
        let Some(week) = crate::domain::time_record::week_of_code(col(&r, "iso_week")?) else {
            continue;
        };
        let minutes = minutes_of(col(&r, "minutes")?);
        let entry = people[i].minutes.entry(week).or_insert((0, 0));
        if col::<String>(&r, "kind")? == TimeKind::Teaching.as_str() {
            entry.0 += minutes;
        } else {
            entry.1 += minutes;
        }
    }
    let (cond, param) = scope.condition(3);
    let sql = format!(
        "SELECT a.participant_id, a.from_date, a.to_date \
         FROM absences a JOIN participants p ON p.id = a.participant_id \
         WHERE a.to_date >= $1 AND a.from_date <= $2 AND {cond}"
    );
    let mut q = sqlx::query(&sql).bind(&first_day).bind(&last_day);
    if let Some(v) = param {
        q = q.bind(v);
    }
    for r in q.fetch_all(&db.pool).await? {
        let id: i64 = col(&r, "participant_id")?;
        if let Some(&i) = index.get(&id) {
            people[i]
                .enrolment
                .absences
                .push((date_col(&r, "from_date")?, date_col(&r, "to_date")?));
        }
    }
    Ok(people)
}
