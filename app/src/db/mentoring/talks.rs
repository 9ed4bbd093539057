//! Development talks, planned and held, every version kept, with the goal statements each
//! agreed on.

use chrono::NaiveDate;
use sqlx::any::AnyRow;

use crate::db::hours::Recorder;
use crate::db::{col, date_col, now, opt_date_col, Db, DbError, Tx};
use crate::domain::ids::ParticipantId;
use crate::domain::participant::format_date;
use crate::domain::talk::HeldTalk;

/// A development talk as stored: scheduled, or held and recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTalk {
    /// The row's id.
    pub id: i64,
    /// The day.
    pub talk_date: NaiveDate,
    /// The record, once the talk was held.
    pub held: Option<HeldTalk>,
    /// The "this is my goal" statements agreed on: (catalogue version, statement id).
    pub goal_statements: Vec<(String, String)>,
    /// Bumped by every change.
    pub version: i64,
}

const TALK_COLUMNS: &str =
    "id, participant_id, talk_date, held, attendees, notes, goals, next_date, version";

fn talk_of(r: &AnyRow) -> Result<StoredTalk, DbError> {
    let talk_date = date_col(r, "talk_date")?;
    let held = col::<i64>(r, "held")? != 0;
    Ok(StoredTalk {
        id: col(r, "id")?,
        talk_date,
        held: if held {
            Some(HeldTalk {
                talk_date,
                attendees: col(r, "attendees")?,
                notes: col(r, "notes")?,
                goals: col(r, "goals")?,
                next_date: opt_date_col(r, "next_date")?,
            })
        } else {
            None
        },
        goal_statements: Vec::new(),
        version: col(r, "version")?,
    })
}

/// The talks of `participant`, latest first, with the goal statements each agreed on.
pub async fn talks(db: &Db, participant: ParticipantId) -> Result<Vec<StoredTalk>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {TALK_COLUMNS} FROM development_talks WHERE participant_id = $1 \
         ORDER BY talk_date DESC, id DESC"
    ))
    .bind(participant.0)
    .fetch_all(&db.pool)
    .await?;
    let mut out = rows.iter().map(talk_of).collect::<Result<Vec<_>, _>>()?;
    let goals = sqlx::query(
        "SELECT talk_id, catalogue_version, statement_id FROM development_talk_goals \
         WHERE participant_id = $1 ORDER BY catalogue_version, statement_id",
    )
    .bind(participant.0)
    .fetch_all(&db.pool)
    .await?;
    for g in &goals {
        let talk: i64 = col(g, "talk_id")?;
        if let Some(t) = out.iter_mut().find(|t| t.id == talk) {
            t.goal_statements
                .push((col(g, "catalogue_version")?, col(g, "statement_id")?));
        }
    }
    Ok(out)
}

async fn talk_in(
    tx: &mut Tx,
    participant: ParticipantId,
    id: i64,
) -> Result<Option<StoredTalk>, DbError> {
    sqlx::query(&format!(
        "SELECT {TALK_COLUMNS} FROM development_talks WHERE id = $1 AND participant_id = $2"
    ))
    .bind(id)
    .bind(participant.0)
    .fetch_optional(&mut **tx)
    .await?
    .as_ref()
    .map(talk_of)
    .transpose()
}

async fn talk_version(
    tx: &mut Tx,
    participant: ParticipantId,
    (id, version, action): (i64, i64, &str),
    who: Recorder,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO development_talk_versions (talk_id, participant_id, version, action, \
         changed_at, changed_by, talk_date, held, attendees, notes, goals, next_date) \
         SELECT id, participant_id, $2, $3, $4, $5, talk_date, held, attendees, notes, goals, \
         next_date FROM development_talks WHERE id = $1 AND participant_id = $6",
    )
    .bind(id)
    .bind(version)
    .bind(action)
    .bind(now())
    .bind(who.user.map(|u| u.0))
    .bind(participant.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Schedules a talk of `participant` on `day` (nothing new if one is already scheduled or held
/// that day). Returns the talk's id.
pub async fn schedule_talk(
    tx: &mut Tx,
    participant: ParticipantId,
    day: NaiveDate,
    who: Recorder,
) -> Result<i64, DbError> {
    let same_day: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM development_talks WHERE participant_id = $1 AND talk_date = $2",
    )
    .bind(participant.0)
    .bind(format_date(day))
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(id) = same_day {
        return Ok(id);
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO development_talks (participant_id, talk_date, held, version, updated_at, \
         updated_by) VALUES ($1, $2, 0, 1, $3, $4) RETURNING id",
    )
    .bind(participant.0)
    .bind(format_date(day))
    .bind(now())
    .bind(who.user.map(|u| u.0))
    .fetch_one(&mut **tx)
    .await?;
    talk_version(tx, participant, (id, 1, "create"), who).await?;
    Ok(id)
}

/// Records a held talk: `talk` is the scheduled (or earlier recorded) talk and the version the
/// form showed, `None` for a talk recorded without being scheduled. The goal statements agreed
/// replace the talk's earlier ones; the next talk's day is scheduled. Returns the talk's id.
pub async fn record_talk(
    tx: &mut Tx,
    participant: ParticipantId,
    talk: Option<(i64, i64)>,
    held: &HeldTalk,
    goal_statements: &[(String, String)],
    who: Recorder,
) -> Result<i64, DbError> {
    let id = match talk {
        Some((id, expected)) => {
            let stored = talk_in(tx, participant, id)
                .await?
                .ok_or_else(|| crate::db::changed_meanwhile(String::new()))?;
            crate::db::stale(Some(expected), stored.version)?;
            let next = stored.version + 1;
            sqlx::query(
                "UPDATE development_talks SET talk_date = $1, held = 1, attendees = $2, notes = $3, \
                 goals = $4, next_date = $5, version = $6, updated_at = $7, updated_by = $8 \
                 WHERE id = $9",
            )
            .bind(format_date(held.talk_date))
            .bind(held.attendees.clone())
            .bind(held.notes.clone())
            .bind(held.goals.clone())
            .bind(held.next_date.map(format_date))
            .bind(next)
            .bind(now())
            .bind(who.user.map(|u| u.0))
            .bind(id)
            .execute(&mut **tx)
            .await?;
            talk_version(tx, participant, (id, next, "update"), who).await?;
            id
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO development_talks (participant_id, talk_date, held, attendees, notes, \
                 goals, next_date, version, updated_at, updated_by) \
                 VALUES ($1, $2, 1, $3, $4, $5, $6, 1, $7, $8) RETURNING id",
            )
            .bind(participant.0)
            .bind(format_date(held.talk_date))
            .bind(held.attendees.clone())
            .bind(held.notes.clone())
            .bind(held.goals.clone())
            .bind(held.next_date.map(format_date))
            .bind(now())
            .bind(who.user.map(|u| u.0))
            .fetch_one(&mut **tx)
            .await?;
            talk_version(tx, participant, (id, 1, "create"), who).await?;
            id
        }
    };
    sqlx::query("DELETE FROM development_talk_goals WHERE talk_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for (catalogue, statement) in goal_statements {
        sqlx::query(
            "INSERT INTO development_talk_goals (talk_id, participant_id, catalogue_version, \
             statement_id) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(participant.0)
        .bind(catalogue.clone())
        .bind(statement.clone())
        .execute(&mut **tx)
        .await?;
    }
    if let Some(next) = held.next_date {
        schedule_talk(tx, participant, next, who).await?;
    }
    Ok(id)
}

/// Cancels a scheduled talk that still has `expected` (a held talk is not cancelled).
pub async fn cancel_talk(
    tx: &mut Tx,
    participant: ParticipantId,
    id: i64,
    expected: i64,
    who: Recorder,
) -> Result<(), DbError> {
    let Some(stored) = talk_in(tx, participant, id)
        .await?
        .filter(|t| t.held.is_none())
    else {
        return Err(DbError::NotFound);
    };
    crate::db::stale(Some(expected), stored.version)?;
    talk_version(tx, participant, (id, stored.version + 1, "delete"), who).await?;
    sqlx::query("DELETE FROM development_talks WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
