//! The placement, development talks and checkpoint decisions (server only): parse into domain
//! types, check against the register and the ladders, store.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::api::{DecisionView, GoalStatement, MentoringView, OpenStep, TalkView};
use crate::db::{self, hours::Recorder, Db};
use crate::domain::cefr::Skill;
use crate::domain::ids::ParticipantId;
use crate::domain::participant::PlannedTerms;
use crate::domain::placement::{Placement, RawPlacement};
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::role::Principal;
use crate::domain::talk::{
    next_date, planned_end, scheduled_day, terms_in_force, CheckpointDecision, HeldTalk, RawTalk,
};
use crate::error::{stale_on, AppError};
use crate::state::AppState;

/// The texts of the statements of the catalogue versions in `versions`, by (version, id).
async fn statement_texts(
    db: &Db,
    versions: impl IntoIterator<Item = String>,
) -> Result<HashMap<(String, String), String>, AppError> {
    let mut out = HashMap::new();
    let mut seen = std::collections::BTreeSet::new();
    for version in versions {
        if !seen.insert(version.clone()) {
            continue;
        }
        for skill in Skill::ALL {
            for s in db::assessments::statements(db, &version, skill, "sv").await? {
                out.insert((version.clone(), s.id), s.text);
            }
        }
    }
    Ok(out)
}

/// The goal statements of the latest submitted self-assessment, as (version, id).
async fn latest_goals(
    db: &Db,
    participant: ParticipantId,
) -> Result<Vec<(String, String)>, AppError> {
    let submitted = db::assessments::submitted(db, participant).await?;
    let Some((head, _)) = submitted.last() else {
        return Ok(vec![]);
    };
    let Some(version) = head.catalogue_version.clone() else {
        return Ok(vec![]);
    };
    Ok(db::assessments::answers(db, head.id)
        .await?
        .into_iter()
        .filter(|(_, (_, goal))| *goal)
        .map(|(id, _)| (version.clone(), id))
        .collect())
}

/// The length in force and the planned end of `participant`.
async fn plan_of(
    db: &Db,
    participant: ParticipantId,
) -> Result<(db::mentoring::Plan, PlannedTerms), AppError> {
    let plan = db::mentoring::plans(db, None, Some(participant))
        .await?
        .remove(&participant)
        .ok_or(AppError::NotFound)?;
    let terms = terms_in_force(plan.enrolled_terms, &plan.decisions);
    Ok((plan, terms))
}

/// The placement, talks and decisions of `participant` on `today`; `rights`: may the viewer
/// record talks, and the placement.
pub async fn view(
    db: &Db,
    participant: ParticipantId,
    rights: (bool, bool),
    today: NaiveDate,
) -> Result<MentoringView, AppError> {
    let locale = crate::i18n::request_locale();
    let detail = db::participants::get(db, participant).await?;
    let (plan, terms) = plan_of(db, participant).await?;
    let end = planned_end(detail.start_date, terms);
    let stored = db::mentoring::talks(db, participant).await?;
    let goals = latest_goals(db, participant).await?;
    let versions = goals
        .iter()
        .chain(stored.iter().flat_map(|t| t.goal_statements.iter()))
        .map(|(v, _)| v.clone())
        .collect::<Vec<_>>();
    let texts = statement_texts(db, versions).await?;
    let text_of = |key: &(String, String)| texts.get(key).cloned().unwrap_or_else(|| key.1.clone());
    let definitions = db::steps::definitions(db).await?;
    let reached = db::steps::reached(db, participant).await?;
    let name_of = |r: &db::steps::StoredStep| {
        definitions
            .iter()
            .find(|d| d.ladder == r.record.ladder && d.code == r.record.step)
            .map_or_else(
                || r.record.step.as_str().to_owned(),
                |d| crate::i18n::step_name(d, locale),
            )
    };
    let talks = stored
        .iter()
        .map(|t| TalkView {
            id: t.id,
            talk_date: t.talk_date,
            held: t.held.clone(),
            goal_statements: t.goal_statements.iter().map(text_of).collect(),
            steps: if t.held.is_some() {
                reached
                    .iter()
                    .filter(|r| r.record.reached_date == t.talk_date)
                    .map(name_of)
                    .collect()
            } else {
                vec![]
            },
            version: t.version,
        })
        .collect();
    let open_steps = definitions
        .iter()
        .filter(|d| {
            !reached
                .iter()
                .any(|r| r.record.ladder == d.ladder && r.record.step == d.code)
        })
        .map(|d| OpenStep {
            key: format!("{}:{}", d.ladder.as_str(), d.code.as_str()),
            ladder: d.ladder,
            name: crate::i18n::step_name(d, locale),
        })
        .collect();
    let decisions = db::mentoring::decisions(db, participant)
        .await?
        .into_iter()
        .map(|d| DecisionView {
            decided_on: d.decision.decided_on,
            previous: d.previous,
            terms: d.decision.terms,
            reason: d.decision.reason,
            recorded_by: d.recorded_by_name,
        })
        .collect();
    Ok(MentoringView {
        participant,
        placement: db::mentoring::placement(db, participant)
            .await?
            .map(|p| (p.placement, p.version)),
        talks,
        decisions,
        start: detail.start_date,
        terms,
        planned_end: end,
        next: next_date(today, &plan.scheduled, end),
        goal_statements: goals
            .iter()
            .map(|g| GoalStatement {
                key: format!("{}/{}", g.0, g.1),
                text: text_of(g),
            })
            .collect(),
        open_steps,
        can_record_talk: rights.0,
        can_record_placement: rights.1,
        today,
    })
}

/// Validates and stores the placement typed into the form (`version`: the one the form showed).
pub async fn save_placement(
    state: &AppState,
    who: &Principal,
    participant: ParticipantId,
    raw: &RawPlacement,
    version: Option<i64>,
) -> Result<(), AppError> {
    let placement = Placement::validate(raw).map_err(AppError::Invalid)?;
    let mut tx = state.db.begin().await?;
    db::mentoring::save_placement(
        &mut tx,
        participant,
        &placement,
        version,
        Recorder::from(who),
    )
    .await
    .map_err(stale_on("workplace"))?;
    tx.commit().await.map_err(db::DbError::from)?;
    Ok(())
}

/// Schedules a talk on the day typed (today or later).
pub async fn schedule(
    state: &AppState,
    who: &Principal,
    participant: ParticipantId,
    typed: &str,
) -> Result<(), AppError> {
    let day = scheduled_day(typed, state.clock.today())
        .map_err(|p| AppError::Invalid(vec![FieldProblem::new("talk_date", typed, p)]))?;
    let mut tx = state.db.begin().await?;
    db::mentoring::schedule_talk(&mut tx, participant, day, Recorder::from(who)).await?;
    tx.commit().await.map_err(db::DbError::from)?;
    Ok(())
}

/// The goal statements ticked on the form, each one the participant marked as a goal (in the
/// latest self-assessment, or already linked to this talk).
async fn ticked_goals(
    db: &Db,
    participant: ParticipantId,
    talk: Option<i64>,
    typed: &[String],
) -> Result<Vec<(String, String)>, AppError> {
    let mut allowed = latest_goals(db, participant).await?;
    if let Some(id) = talk {
        let talks = db::mentoring::talks(db, participant).await?;
        if let Some(t) = talks.into_iter().find(|t| t.id == id) {
            allowed.extend(t.goal_statements);
        }
    }
    let mut out = vec![];
    for key in typed {
        let found = key
            .split_once('/')
            .map(|(v, s)| (v.to_owned(), s.to_owned()))
            .filter(|k| allowed.contains(k));
        match found {
            Some(k) if !out.contains(&k) => out.push(k),
            Some(_) => {}
            None => {
                return Err(AppError::Invalid(vec![FieldProblem::new(
                    "goal_statements",
                    key.clone(),
                    Problem::NotOneOf {
                        allowed: allowed
                            .iter()
                            .map(|(v, s)| format!("{v}/{s}"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    },
                )]))
            }
        }
    }
    Ok(out)
}

/// Records a held talk with the steps reached that day (confirmed by the signed-in staff
/// member) and the goal statements agreed on, all in one transaction.
pub async fn record(
    state: &AppState,
    who: &Principal,
    participant: ParticipantId,
    talk: Option<(i64, i64)>,
    raw: &RawTalk,
    (steps, goals): (Vec<String>, Vec<String>),
) -> Result<(), AppError> {
    use crate::domain::steps::{RawStep, StepRecord};
    let detail = db::participants::get(&state.db, participant).await?;
    let today = state.clock.today();
    let held = HeldTalk::validate(raw, detail.start_date, today).map_err(AppError::Invalid)?;
    let goal_statements = ticked_goals(&state.db, participant, talk.map(|t| t.0), &goals).await?;
    let confirmer = match who {
        Principal::Staff { user, .. } => db::users::get(&state.db, *user).await?.email,
        Principal::Participant(_) => return Err(AppError::Forbidden),
    };
    let mut records = vec![];
    for key in steps.iter().filter(|k| !k.trim().is_empty()) {
        let (ladder, step) = key.split_once(':').unwrap_or(("", key.as_str()));
        let raw_step = RawStep {
            participant_ref: detail.participant_ref.clone(),
            ladder: ladder.to_owned(),
            step: step.to_owned(),
            reached_date: crate::domain::participant::format_date(held.talk_date),
            confirmed_by_email: confirmer.clone(),
        };
        let record = StepRecord::validate(&raw_step, today).map_err(|ps| {
            AppError::Invalid(
                ps.into_iter()
                    .map(|p| FieldProblem {
                        field: "steps".into(),
                        ..p
                    })
                    .collect(),
            )
        })?;
        records.push(record);
    }
    let mut tx = state.db.begin().await?;
    let by = Recorder::from(who);
    db::mentoring::record_talk(&mut tx, participant, talk, &held, &goal_statements, by)
        .await
        .map_err(stale_on("talk_date"))?;
    for record in &records {
        if let Err(mut problem) = crate::import::steps::save_step(&mut tx, record, by).await? {
            problem.field = "steps".into();
            return Err(AppError::Invalid(vec![problem]));
        }
    }
    tx.commit().await.map_err(db::DbError::from)?;
    Ok(())
}

/// Cancels a scheduled talk that still has `version`.
pub async fn cancel(
    state: &AppState,
    who: &Principal,
    participant: ParticipantId,
    talk: i64,
    version: i64,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    db::mentoring::cancel_talk(&mut tx, participant, talk, version, Recorder::from(who))
        .await
        .map_err(stale_on("talk_date"))?;
    tx.commit().await.map_err(db::DbError::from)?;
    Ok(())
}

/// Records a checkpoint decision typed as `[decided_on, terms, reason]`.
pub async fn decide(
    state: &AppState,
    who: &Principal,
    participant: ParticipantId,
    typed: &[String; 3],
) -> Result<(), AppError> {
    let detail = db::participants::get(&state.db, participant).await?;
    let (_, current) = plan_of(&state.db, participant).await?;
    let [day, terms, reason] = typed;
    let context = (detail.start_date, current, state.clock.today());
    let decision =
        CheckpointDecision::validate(day, terms, reason, context).map_err(AppError::Invalid)?;
    let mut tx = state.db.begin().await?;
    db::mentoring::add_decision(
        &mut tx,
        participant,
        &decision,
        current,
        Recorder::from(who),
    )
    .await?;
    tx.commit().await.map_err(db::DbError::from)?;
    Ok(())
}
