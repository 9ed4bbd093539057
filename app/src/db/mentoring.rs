//! The placement agreement, the development talks and the checkpoint decisions of the binder
//! (placement and talks keep every version; decisions are append-only).

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::any::AnyRow;

use super::hours::{Recorder, Saved};
use super::{col, date_col, now, opt_date_col, typed_col, Db, DbError, Tx};
use crate::domain::ids::{ParticipantId, UserId};
use crate::domain::participant::{format_date, Email, PlannedTerms};
use crate::domain::placement::{Placement, PlacementRole};
use crate::domain::talk::{CheckpointDecision, HeldTalk};

/// The placement as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPlacement {
    /// The values.
    pub placement: Placement,
    /// Bumped by every change.
    pub version: i64,
}

const PLACEMENT_COLUMNS: &str = "workplace, role, supervisor_name, supervisor_phone, \
     supervisor_email, agreement_start, agreement_end, job_description, year_plan";

fn placement_of(r: &AnyRow) -> Result<StoredPlacement, DbError> {
    let email: String = col(r, "supervisor_email")?;
    Ok(StoredPlacement {
        placement: Placement {
            workplace: col(r, "workplace")?,
            role: typed_col(r, "role", PlacementRole::parse)?,
            supervisor_name: col(r, "supervisor_name")?,
            supervisor_phone: col(r, "supervisor_phone")?,
            supervisor_email: Email::parse(&email).ok(),
            agreement_start: opt_date_col(r, "agreement_start")?,
            agreement_end: opt_date_col(r, "agreement_end")?,
            job_description: col(r, "job_description")?,
            year_plan: col(r, "year_plan")?,
        },
        version: col(r, "version")?,
    })
}

/// The placement of `participant`, if recorded.
pub async fn placement(
    db: &Db,
    participant: ParticipantId,
) -> Result<Option<StoredPlacement>, DbError> {
    sqlx::query(&format!(
        "SELECT {PLACEMENT_COLUMNS}, version FROM placements WHERE participant_id = $1"
    ))
    .bind(participant.0)
    .fetch_optional(&db.pool)
    .await?
    .as_ref()
    .map(placement_of)
    .transpose()
}

/// Stores the placement of `participant` if the stored one still has `expected` (`None`: there
/// is none yet); every version is kept.
pub async fn save_placement(
    tx: &mut Tx,
    participant: ParticipantId,
    p: &Placement,
    expected: Option<i64>,
    who: Recorder,
) -> Result<Saved<i64>, DbError> {
    let existing = sqlx::query(&format!(
        "SELECT {PLACEMENT_COLUMNS}, version FROM placements WHERE participant_id = $1"
    ))
    .bind(participant.0)
    .fetch_optional(&mut **tx)
    .await?
    .as_ref()
    .map(placement_of)
    .transpose()?;
    let next = match &existing {
        Some(stored) => {
            super::stale(expected, stored.version)?;
            if stored.placement == *p {
                return Ok(Saved::Unchanged(stored.version));
            }
            stored.version + 1
        }
        None if expected.is_some() => {
            return Err(super::DbError::Conflict(
                crate::domain::problem::FieldProblem::new(
                    "version",
                    "",
                    crate::domain::problem::Problem::ChangedMeanwhile,
                ),
            ))
        }
        None => 1,
    };
    let values = [
        p.workplace.clone(),
        p.role.as_str().to_owned(),
        p.supervisor_name.clone(),
        p.supervisor_phone.clone(),
        p.supervisor_email
            .as_ref()
            .map(|e| e.as_str().to_owned())
            .unwrap_or_default(),
    ];
    let dates = [p.agreement_start, p.agreement_end].map(|d| d.map(format_date));
    let texts = [p.job_description.clone(), p.year_plan.clone()];
    let sql = if existing.is_some() {
        "UPDATE placements SET workplace = $2, role = $3, supervisor_name = $4, \
         supervisor_phone = $5, supervisor_email = $6, agreement_start = $7, agreement_end = $8, \
         job_description = $9, year_plan = $10, version = $11, updated_at = $12, updated_by = $13 \
         WHERE participant_id = $1"
    } else {
        "INSERT INTO placements (participant_id, workplace, role, supervisor_name, \
         supervisor_phone, supervisor_email, agreement_start, agreement_end, job_description, \
         year_plan, version, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
    };
    let history = "INSERT INTO placement_versions (participant_id, workplace, role, \
         supervisor_name, supervisor_phone, supervisor_email, agreement_start, agreement_end, \
         job_description, year_plan, version, changed_at, changed_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
    let t = now();
    for sql in [sql, history] {
        let mut q = sqlx::query(sql).bind(participant.0);
        for v in &values {
            q = q.bind(v.clone());
        }
        for d in &dates {
            q = q.bind(d.clone());
        }
        for v in &texts {
            q = q.bind(v.clone());
        }
        q.bind(next)
            .bind(t)
            .bind(who.user.map(|u| u.0))
            .execute(&mut **tx)
            .await?;
    }
    Ok(if existing.is_some() {
        Saved::Updated(next)
    } else {
        Saved::Created(next)
    })
}

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
    let stale = || {
        super::DbError::Conflict(crate::domain::problem::FieldProblem::new(
            "version",
            "",
            crate::domain::problem::Problem::ChangedMeanwhile,
        ))
    };
    let id = match talk {
        Some((id, expected)) => {
            let stored = talk_in(tx, participant, id).await?.ok_or_else(stale)?;
            super::stale(Some(expected), stored.version)?;
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
    super::stale(Some(expected), stored.version)?;
    talk_version(tx, participant, (id, stored.version + 1, "delete"), who).await?;
    sqlx::query("DELETE FROM development_talks WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A checkpoint decision as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDecision {
    /// The decision.
    pub decision: CheckpointDecision,
    /// The length it replaced.
    pub previous: PlannedTerms,
    /// Who recorded it.
    pub recorded_by_name: Option<String>,
}

fn decision_of(r: &AnyRow) -> Result<StoredDecision, DbError> {
    let terms = |name: &str| -> Result<PlannedTerms, DbError> {
        let n: i64 = col(r, name)?;
        u8::try_from(n)
            .ok()
            .and_then(|n| PlannedTerms::try_from(n).ok())
            .ok_or_else(|| DbError::Other(format!("{name} {n}")))
    };
    Ok(StoredDecision {
        decision: CheckpointDecision {
            decided_on: date_col(r, "decided_on")?,
            terms: terms("terms")?,
            reason: col(r, "reason")?,
        },
        previous: terms("previous_terms")?,
        recorded_by_name: col(r, "recorded_by_name")?,
    })
}

/// The checkpoint decisions of `participant`, in the order they were recorded.
pub async fn decisions(
    db: &Db,
    participant: ParticipantId,
) -> Result<Vec<StoredDecision>, DbError> {
    sqlx::query(
        "SELECT d.decided_on, d.terms, d.previous_terms, d.reason, u.display_name AS recorded_by_name \
         FROM checkpoint_decisions d LEFT JOIN users u ON u.id = d.recorded_by \
         WHERE d.participant_id = $1 ORDER BY d.id",
    )
    .bind(participant.0)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(decision_of)
    .collect()
}

/// Records a checkpoint decision that replaces the length `previous`.
pub async fn add_decision(
    tx: &mut Tx,
    participant: ParticipantId,
    decision: &CheckpointDecision,
    previous: PlannedTerms,
    who: Recorder,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO checkpoint_decisions (participant_id, decided_on, terms, previous_terms, \
         reason, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(participant.0)
    .bind(format_date(decision.decided_on))
    .bind(i64::from(decision.terms.value()))
    .bind(i64::from(previous.value()))
    .bind(decision.reason.clone())
    .bind(now())
    .bind(who.user.map(|u| u.0))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What the next date of one participant rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The length planned at enrolment.
    pub enrolled_terms: PlannedTerms,
    /// The checkpoint decisions, in the order recorded.
    pub decisions: Vec<CheckpointDecision>,
    /// The days of the talks scheduled and not yet held.
    pub scheduled: Vec<NaiveDate>,
}

/// The plans of the active participants of `mentor` (`None`: of the one participant `one`),
/// in three queries whatever their number.
pub async fn plans(
    db: &Db,
    mentor: Option<UserId>,
    one: Option<ParticipantId>,
) -> Result<HashMap<ParticipantId, Plan>, DbError> {
    let filter = match (mentor, one) {
        (Some(m), _) => format!("p.mentor_id = {} AND p.status = 'active'", m.0),
        (None, Some(p)) => format!("p.id = {}", p.0),
        (None, None) => "1 = 0".to_owned(),
    };
    let mut out: HashMap<ParticipantId, Plan> = HashMap::new();
    for r in sqlx::query(&format!(
        "SELECT p.id, p.planned_terms FROM participants p WHERE {filter}"
    ))
    .fetch_all(&db.pool)
    .await?
    {
        let n: i64 = col(&r, "planned_terms")?;
        let terms = u8::try_from(n)
            .ok()
            .and_then(|n| PlannedTerms::try_from(n).ok())
            .ok_or_else(|| DbError::Other(format!("planned_terms {n}")))?;
        out.insert(
            ParticipantId(col(&r, "id")?),
            Plan {
                enrolled_terms: terms,
                decisions: Vec::new(),
                scheduled: Vec::new(),
            },
        );
    }
    for r in sqlx::query(&format!(
        "SELECT d.participant_id, d.decided_on, d.terms, d.previous_terms, d.reason, \
         NULL AS recorded_by_name FROM checkpoint_decisions d \
         JOIN participants p ON p.id = d.participant_id WHERE {filter} ORDER BY d.id"
    ))
    .fetch_all(&db.pool)
    .await?
    {
        let id = ParticipantId(col(&r, "participant_id")?);
        let d = decision_of(&r)?;
        if let Some(plan) = out.get_mut(&id) {
            plan.decisions.push(d.decision);
        }
    }
    for r in sqlx::query(&format!(
        "SELECT t.participant_id, t.talk_date FROM development_talks t \
         JOIN participants p ON p.id = t.participant_id WHERE {filter} AND t.held = 0"
    ))
    .fetch_all(&db.pool)
    .await?
    {
        let id = ParticipantId(col(&r, "participant_id")?);
        let day = date_col(&r, "talk_date")?;
        if let Some(plan) = out.get_mut(&id) {
            plan.scheduled.push(day);
        }
    }
    Ok(out)
}
