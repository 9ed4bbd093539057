//! Checkpoint decisions (append-only) and what the mentor's next date rests on.

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::any::AnyRow;

use crate::db::hours::Recorder;
use crate::db::{col, date_col, now, Db, DbError, Tx};
use crate::domain::ids::{ParticipantId, UserId};
use crate::domain::participant::{format_date, PlannedTerms};
use crate::domain::talk::CheckpointDecision;

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

/// A length in terms (1–3) stored in column `name`.
fn terms_col(r: &AnyRow, name: &str) -> Result<PlannedTerms, DbError> {
    let n: i64 = col(r, name)?;
    u8::try_from(n)
        .ok()
        .and_then(|n| PlannedTerms::try_from(n).ok())
        .ok_or_else(|| DbError::Other(format!("{name} {n}")))
}

fn decision_of(r: &AnyRow) -> Result<StoredDecision, DbError> {
    let terms = |name: &str| terms_col(r, name);
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
        out.insert(
            ParticipantId(col(&r, "id")?),
            Plan {
                enrolled_terms: terms_col(&r, "planned_terms")?,
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
