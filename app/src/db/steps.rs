//! The work and matching ladders: each ladder's steps in order, and the steps each participant
//! reached (one row per participant, ladder and step; every version kept).

use sqlx::any::AnyRow;

use super::hours::{Recorder, Saved};
use super::{col, date_col, now, typed_col, Db, DbError, Tx, Whose};
use crate::domain::ids::{ParticipantId, UserId};
use crate::domain::participant::{format_date, Email, ParticipantRef};
use crate::domain::steps::{StepCode, StepLadder, StepRecord};

/// A ladder's step as the programme defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepDefinition {
    /// Which ladder.
    pub ladder: StepLadder,
    /// The stable code.
    pub code: StepCode,
    /// A programme's own names (empty: the catalogue's name of a default step, else the code).
    pub name_sv: String,
    /// The English name, likewise.
    pub name_en: String,
}

/// Every step of both ladders, each ladder's lowest first.
pub async fn definitions(db: &Db) -> Result<Vec<StepDefinition>, DbError> {
    let rows = sqlx::query(
        "SELECT ladder, code, name_sv, name_en FROM ladder_step_definitions \
         ORDER BY ladder DESC, position, code",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(StepDefinition {
                ladder: typed_col(r, "ladder", StepLadder::parse)?,
                code: typed_col(r, "code", StepCode::parse)?,
                name_sv: col(r, "name_sv")?,
                name_en: col(r, "name_en")?,
            })
        })
        .collect()
}

/// Renames a step (the names of `naming`) or adds it at the top of its ladder; the code stays.
/// Every change is kept. Returns whether the step is new.
pub async fn define(
    tx: &mut Tx,
    naming: &crate::domain::steps::StepNaming,
    who: Recorder,
) -> Result<bool, DbError> {
    let new = rename_or_add(tx, naming).await?;
    sqlx::query(
        "INSERT INTO ladder_step_definition_versions (ladder, code, action, name_sv, name_en, \
         changed_at, changed_by, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(naming.ladder.as_str())
    .bind(naming.code.as_str())
    .bind(if new { "create" } else { "update" })
    .bind(naming.name_sv.clone())
    .bind(naming.name_en.clone())
    .bind(now())
    .bind(who.user.map(|u| u.0))
    .bind(who.source)
    .execute(&mut **tx)
    .await?;
    Ok(new)
}

async fn rename_or_add(
    tx: &mut Tx,
    naming: &crate::domain::steps::StepNaming,
) -> Result<bool, DbError> {
    let updated = sqlx::query(
        "UPDATE ladder_step_definitions SET name_sv = $1, name_en = $2 \
         WHERE ladder = $3 AND code = $4",
    )
    .bind(naming.name_sv.clone())
    .bind(naming.name_en.clone())
    .bind(naming.ladder.as_str())
    .bind(naming.code.as_str())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if updated > 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO ladder_step_definitions (ladder, code, position, name_sv, name_en) \
         SELECT $1, $2, COALESCE(MAX(position), 0) + 1, $3, $4 FROM ladder_step_definitions \
         WHERE ladder = $5",
    )
    .bind(naming.ladder.as_str())
    .bind(naming.code.as_str())
    .bind(naming.name_sv.clone())
    .bind(naming.name_en.clone())
    .bind(naming.ladder.as_str())
    .execute(&mut **tx)
    .await
    .map_err(super::conflict_on("code", naming.code.as_str()))?;
    Ok(true)
}

/// The codes of `ladder`'s steps, lowest first (in a transaction).
pub async fn codes_in(tx: &mut Tx, ladder: StepLadder) -> Result<Vec<String>, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT code FROM ladder_step_definitions WHERE ladder = $1 ORDER BY position, code",
    )
    .bind(ladder.as_str())
    .fetch_all(&mut **tx)
    .await?)
}

const SELECT: &str = "SELECT s.id, s.participant_id, p.participant_ref, s.ladder, s.step, \
     s.reached_date, s.confirmed_by, u.email AS confirmed_by_email, u.display_name AS confirmed_by_name, \
     s.version FROM participant_steps s JOIN participants p ON p.id = s.participant_id \
     LEFT JOIN users u ON u.id = s.confirmed_by";

/// A step a participant reached, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredStep {
    /// The row's id.
    pub id: i64,
    /// The values.
    pub record: StepRecord,
    /// The confirmer's account.
    pub confirmed_by: Option<UserId>,
    /// The confirmer's name.
    pub confirmed_by_name: Option<String>,
    /// Bumped by every change.
    pub version: i64,
}

fn step_of(r: &AnyRow) -> Result<StoredStep, DbError> {
    let email: Option<String> = col(r, "confirmed_by_email")?;
    Ok(StoredStep {
        id: col(r, "id")?,
        record: StepRecord {
            participant_ref: typed_col(r, "participant_ref", ParticipantRef::parse)?,
            ladder: typed_col(r, "ladder", StepLadder::parse)?,
            step: typed_col(r, "step", StepCode::parse)?,
            reached_date: date_col(r, "reached_date")?,
            confirmed_by: email.and_then(|e| Email::parse(&e).ok()),
        },
        confirmed_by: col::<Option<i64>>(r, "confirmed_by")?.map(UserId),
        confirmed_by_name: col(r, "confirmed_by_name")?,
        version: col(r, "version")?,
    })
}

/// The steps `participant` reached, by ladder and date.
pub async fn reached(db: &Db, participant: ParticipantId) -> Result<Vec<StoredStep>, DbError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE s.participant_id = $1 ORDER BY s.ladder, s.reached_date, s.step"
    ))
    .bind(participant.0)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(step_of).collect()
}

async fn version(
    tx: &mut Tx,
    stored: (i64, ParticipantId, i64),
    action: &str,
    who: Recorder,
    record: (&StepRecord, Option<UserId>),
) -> Result<(), DbError> {
    let (id, participant, version) = stored;
    let (step, confirmer) = record;
    sqlx::query(
        "INSERT INTO participant_step_versions (step_id, participant_id, version, action, \
         changed_at, changed_by, source, ladder, step, reached_date, confirmed_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id)
    .bind(participant.0)
    .bind(version)
    .bind(action)
    .bind(now())
    .bind(who.user.map(|u| u.0))
    .bind(who.source)
    .bind(step.ladder.as_str())
    .bind(step.step.as_str())
    .bind(format_date(step.reached_date))
    .bind(confirmer.map(|u| u.0))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Stores a step `participant` reached (new, changed or unchanged), confirmed by `confirmer`.
pub async fn save(
    tx: &mut Tx,
    participant: ParticipantId,
    record: &StepRecord,
    confirmer: Option<UserId>,
    who: Recorder,
) -> Result<Saved<i64>, DbError> {
    let existing = sqlx::query(&format!(
        "{SELECT} WHERE s.participant_id = $1 AND s.ladder = $2 AND s.step = $3"
    ))
    .bind(participant.0)
    .bind(record.ladder.as_str())
    .bind(record.step.as_str())
    .fetch_optional(&mut **tx)
    .await?
    .as_ref()
    .map(step_of)
    .transpose()?;
    let t = now();
    match existing {
        Some(stored) => {
            if stored.record.reached_date == record.reached_date && stored.confirmed_by == confirmer
            {
                return Ok(Saved::Unchanged(stored.id));
            }
            let next = stored.version + 1;
            sqlx::query(
                "UPDATE participant_steps SET reached_date = $1, confirmed_by = $2, version = $3, \
                 updated_at = $4, updated_by = $5 WHERE id = $6",
            )
            .bind(format_date(record.reached_date))
            .bind(confirmer.map(|u| u.0))
            .bind(next)
            .bind(t)
            .bind(who.user.map(|u| u.0))
            .bind(stored.id)
            .execute(&mut **tx)
            .await?;
            version(
                tx,
                (stored.id, participant, next),
                "update",
                who,
                (record, confirmer),
            )
            .await?;
            Ok(Saved::Updated(stored.id))
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO participant_steps (participant_id, ladder, step, reached_date, \
                 confirmed_by, version, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, 1, $6, $7) \
                 RETURNING id",
            )
            .bind(participant.0)
            .bind(record.ladder.as_str())
            .bind(record.step.as_str())
            .bind(format_date(record.reached_date))
            .bind(confirmer.map(|u| u.0))
            .bind(t)
            .bind(who.user.map(|u| u.0))
            .fetch_one(&mut **tx)
            .await
            .map_err(super::conflict_on("step", record.step.as_str()))?;
            version(tx, (id, participant, 1), "create", who, (record, confirmer)).await?;
            Ok(Saved::Created(id))
        }
    }
}

/// The account of a mentor or coordinator by e-mail (the confirmer of a step), in `tx`.
pub async fn confirmer(tx: &mut Tx, email: &Email) -> Result<Option<UserId>, DbError> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT id FROM users WHERE email = $1 AND role IN ('mentor', 'coordinator')",
    )
    .bind(email.as_str().to_lowercase())
    .fetch_optional(&mut **tx)
    .await?
    .map(UserId))
}

/// The steps of `whose`, sorted by key (the `ladder-steps` export).
pub async fn export(db: &Db, whose: Whose) -> Result<Vec<StepRecord>, DbError> {
    let rows = sqlx::query(&format!("{SELECT} WHERE {}", whose.condition()))
        .fetch_all(&db.pool)
        .await?;
    let mut out = rows
        .iter()
        .map(|r| step_of(r).map(|s| s.record))
        .collect::<Result<Vec<_>, _>>()?;
    out.sort_by(|a, b| {
        (
            a.participant_ref.as_str(),
            a.ladder.as_str(),
            a.step.as_str(),
        )
            .cmp(&(
                b.participant_ref.as_str(),
                b.ladder.as_str(),
                b.step.as_str(),
            ))
    });
    Ok(out)
}
