//! Outcomes (the exit talk): one per participant, every version kept; storing one sets the
//! participant's status and end date (with their history), removing one makes them active
//! again. Also what the indicators count.

use chrono::NaiveDate;
use sqlx::any::AnyRow;

use super::hours::{Recorder, Saved};
use super::participants::{set_status, ChangeSource};
use super::{col, date_col, now, typed_col, Db, DbError, Tx, Whose};
use crate::domain::ids::ParticipantId;
use crate::domain::indicators::{Counted, Ended};
use crate::domain::outcome::{Activity, Completion, OutcomeRecord, SelfSufficiency};
use crate::domain::participant::{format_date, Gender, ParticipantRef};
use crate::domain::status::ParticipantStatus;

const SELECT: &str =
    "SELECT o.id, o.participant_id, p.participant_ref, o.exit_date, o.completion, \
     o.activity, o.self_sufficiency, o.note, o.version FROM outcomes o \
     JOIN participants p ON p.id = o.participant_id";

/// A stored outcome with its version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredOutcome {
    /// The row's id.
    pub id: i64,
    /// Whose.
    pub participant: ParticipantId,
    /// The values.
    pub record: OutcomeRecord,
    /// Bumped by every change.
    pub version: i64,
}

fn outcome_of(r: &AnyRow) -> Result<StoredOutcome, DbError> {
    Ok(StoredOutcome {
        id: col(r, "id")?,
        participant: ParticipantId(col(r, "participant_id")?),
        record: OutcomeRecord {
            participant_ref: typed_col(r, "participant_ref", ParticipantRef::parse)?,
            exit_date: date_col(r, "exit_date")?,
            completion: typed_col(r, "completion", Completion::parse)?,
            activity: typed_col(r, "activity", Activity::parse)?,
            self_sufficiency: typed_col(r, "self_sufficiency", SelfSufficiency::parse)?,
            note: col(r, "note")?,
        },
        version: col(r, "version")?,
    })
}

/// The outcome of `participant`, if the exit talk is recorded.
pub async fn of(db: &Db, participant: ParticipantId) -> Result<Option<StoredOutcome>, DbError> {
    sqlx::query(&format!("{SELECT} WHERE o.participant_id = $1"))
        .bind(participant.0)
        .fetch_optional(&db.pool)
        .await?
        .as_ref()
        .map(outcome_of)
        .transpose()
}

async fn version(
    tx: &mut Tx,
    stored: (i64, ParticipantId, i64),
    action: &str,
    who: Recorder,
    record: &OutcomeRecord,
) -> Result<(), DbError> {
    let (id, participant, version) = stored;
    sqlx::query(
        "INSERT INTO outcome_versions (outcome_id, participant_id, version, action, changed_at, \
         changed_by, source, exit_date, completion, activity, self_sufficiency, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(id)
    .bind(participant.0)
    .bind(version)
    .bind(action)
    .bind(now())
    .bind(who.user.map(|u| u.0))
    .bind(who.source)
    .bind(format_date(record.exit_date))
    .bind(record.completion.as_str())
    .bind(record.activity.as_str())
    .bind(record.self_sufficiency.as_str())
    .bind(record.note.clone())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Stores `record` as `participant`'s outcome (new, changed or unchanged; `expected_version`,
/// from a form, refuses a stale change) and sets their status and end date to match.
pub async fn save(
    tx: &mut Tx,
    participant: ParticipantId,
    record: &OutcomeRecord,
    expected_version: Option<i64>,
    who: Recorder,
) -> Result<Saved<i64>, DbError> {
    let existing = sqlx::query(&format!("{SELECT} WHERE o.participant_id = $1"))
        .bind(participant.0)
        .fetch_optional(&mut **tx)
        .await?
        .as_ref()
        .map(outcome_of)
        .transpose()?;
    let t = now();
    let saved = match existing {
        Some(stored) => {
            super::stale(expected_version, stored.version)?;
            if stored.record == *record {
                return Ok(Saved::Unchanged(stored.id));
            }
            let next = stored.version + 1;
            sqlx::query(
                "UPDATE outcomes SET exit_date = $1, completion = $2, activity = $3, \
                 self_sufficiency = $4, note = $5, version = $6, updated_at = $7, updated_by = $8 \
                 WHERE id = $9",
            )
            .bind(format_date(record.exit_date))
            .bind(record.completion.as_str())
            .bind(record.activity.as_str())
            .bind(record.self_sufficiency.as_str())
            .bind(record.note.clone())
            .bind(next)
            .bind(t)
            .bind(who.user.map(|u| u.0))
            .bind(stored.id)
            .execute(&mut **tx)
            .await?;
            version(tx, (stored.id, participant, next), "update", who, record).await?;
            Saved::Updated(stored.id)
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO outcomes (participant_id, exit_date, completion, activity, \
                 self_sufficiency, note, version, updated_at, updated_by) \
                 VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8) RETURNING id",
            )
            .bind(participant.0)
            .bind(format_date(record.exit_date))
            .bind(record.completion.as_str())
            .bind(record.activity.as_str())
            .bind(record.self_sufficiency.as_str())
            .bind(record.note.clone())
            .bind(t)
            .bind(who.user.map(|u| u.0))
            .fetch_one(&mut **tx)
            .await
            .map_err(super::conflict_on(
                "participant_ref",
                record.participant_ref.as_str(),
            ))?;
            version(tx, (id, participant, 1), "create", who, record).await?;
            Saved::Created(id)
        }
    };
    let by = ChangeSource {
        source: who.source,
        by: who.user,
    };
    set_status(
        tx,
        participant,
        record.completion.status(),
        Some(format_date(record.exit_date)),
        by,
    )
    .await?;
    Ok(saved)
}

/// Removes `participant`'s outcome if it still has `expected_version` (its last values are kept
/// as a `delete` version) and makes the participant active again, without an end date.
pub async fn remove(
    tx: &mut Tx,
    participant: ParticipantId,
    expected_version: i64,
    who: Recorder,
) -> Result<(), DbError> {
    let stored = sqlx::query(&format!("{SELECT} WHERE o.participant_id = $1"))
        .bind(participant.0)
        .fetch_optional(&mut **tx)
        .await?
        .as_ref()
        .map(outcome_of)
        .transpose()?
        .ok_or(DbError::NotFound)?;
    super::stale(Some(expected_version), stored.version)?;
    version(
        tx,
        (stored.id, participant, stored.version + 1),
        "delete",
        who,
        &stored.record,
    )
    .await?;
    sqlx::query("DELETE FROM outcomes WHERE id = $1")
        .bind(stored.id)
        .execute(&mut **tx)
        .await?;
    let by = ChangeSource {
        source: who.source,
        by: who.user,
    };
    set_status(tx, participant, ParticipantStatus::Active, None, by).await
}

/// The outcomes of `whose`, sorted by reference (the `outcomes` export).
pub async fn export(db: &Db, whose: Whose) -> Result<Vec<OutcomeRecord>, DbError> {
    let rows = sqlx::query(&format!("{SELECT} WHERE {}", whose.condition()))
        .fetch_all(&db.pool)
        .await?;
    let mut out = rows
        .iter()
        .map(|r| outcome_of(r).map(|o| o.record))
        .collect::<Result<Vec<_>, _>>()?;
    // Byte order of the reference, as the file kinds sort.
    out.sort_by(|a, b| a.participant_ref.as_str().cmp(b.participant_ref.as_str()));
    Ok(out)
}

/// The outcome of a row with `completion`, `activity` and `self_sufficiency` columns (all null:
/// none yet).
pub(crate) fn ended(r: &AnyRow) -> Result<Option<Ended>, DbError> {
    let completion: Option<String> = col(r, "completion")?;
    let activity: Option<String> = col(r, "activity")?;
    let sufficiency: Option<String> = col(r, "self_sufficiency")?;
    let (Some(c), Some(a), Some(s)) = (completion, activity, sufficiency) else {
        return Ok(None);
    };
    let bad = |what: &str| DbError::Other(format!("stored {what} does not parse"));
    Ok(Some(Ended {
        completion: Completion::parse(&c).map_err(|_| bad("completion"))?,
        activity: Activity::parse(&a).map_err(|_| bad("activity"))?,
        self_sufficiency: SelfSufficiency::parse(&s).map_err(|_| bad("self_sufficiency"))?,
    }))
}

/// Everyone the indicators count: the participants whose start date lies in `from`–`to`
/// (both included; `None`: no bound), with their outcome, and the statistical records of
/// erased participants of the same range.
pub async fn counted(
    db: &Db,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<Counted>, DbError> {
    let from = from.map_or_else(|| "0000-01-01".to_owned(), format_date);
    let to = to.map_or_else(|| "9999-12-31".to_owned(), format_date);
    let mut out = vec![];
    let queries = [
        "SELECT p.gender, d.name AS district, s.name AS school, o.completion, o.activity, \
         o.self_sufficiency FROM participants p JOIN schools s ON s.id = p.school_id \
         JOIN districts d ON d.id = s.district_id LEFT JOIN outcomes o ON o.participant_id = p.id \
         WHERE p.start_date >= $1 AND p.start_date <= $2",
        "SELECT e.gender, d.name AS district, s.name AS school, e.completion, e.activity, \
         e.self_sufficiency FROM erased_participants e JOIN schools s ON s.id = e.school_id \
         JOIN districts d ON d.id = s.district_id WHERE e.start_date >= $1 AND e.start_date <= $2",
    ];
    for sql in queries {
        let rows = sqlx::query(sql)
            .bind(&from)
            .bind(&to)
            .fetch_all(&db.pool)
            .await?;
        for r in &rows {
            out.push(Counted {
                gender: typed_col(r, "gender", Gender::parse)?,
                district: col(r, "district")?,
                school: col(r, "school")?,
                outcome: ended(r)?,
            });
        }
    }
    Ok(out)
}
