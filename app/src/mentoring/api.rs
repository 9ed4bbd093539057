//! Server functions of the placement, the development talks and the checkpoint decisions:
//! who are you → may you → service.
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::ids::ParticipantId;
use crate::domain::participant::PlannedTerms;
use crate::domain::placement::{Placement, RawPlacement};
use crate::domain::talk::{HeldTalk, NextDate};
use crate::error::AppError;

/// One development talk on the participant's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkView {
    /// The talk's id.
    pub id: i64,
    /// The day.
    pub talk_date: NaiveDate,
    /// The record, once held.
    pub held: Option<HeldTalk>,
    /// The goal statements agreed on (their Swedish texts).
    pub goal_statements: Vec<String>,
    /// The steps reached on the talk's day (their names).
    pub steps: Vec<String>,
    /// For stale-edit detection.
    pub version: i64,
}

/// A "this is my goal" statement of the participant's latest self-assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalStatement {
    /// `catalogue_version/statement_id`, as the form sends it back.
    pub key: String,
    /// The Swedish text.
    pub text: String,
}

/// A step not yet reached, offered on the talk form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenStep {
    /// `ladder:code`, as the form sends it back.
    pub key: String,
    /// The ladder.
    pub ladder: crate::domain::steps::StepLadder,
    /// The step's name.
    pub name: String,
}

/// A checkpoint decision on the participant's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionView {
    /// The day.
    pub decided_on: NaiveDate,
    /// The length before.
    pub previous: PlannedTerms,
    /// The length decided.
    pub terms: PlannedTerms,
    /// Why.
    pub reason: String,
    /// Who recorded it.
    pub recorded_by: Option<String>,
}

/// The placement, talks and checkpoints of one participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentoringView {
    /// Whose.
    pub participant: ParticipantId,
    /// The placement and its version, if recorded.
    pub placement: Option<(Placement, i64)>,
    /// The talks, latest first.
    pub talks: Vec<TalkView>,
    /// The checkpoint decisions, in the order recorded.
    pub decisions: Vec<DecisionView>,
    /// The start of the introduction.
    pub start: NaiveDate,
    /// The length in force.
    pub terms: PlannedTerms,
    /// The planned end (start + terms).
    pub planned_end: NaiveDate,
    /// The next date and any overdue talk.
    pub next: NextDate,
    /// Goal statements to link to a talk.
    pub goal_statements: Vec<GoalStatement>,
    /// Steps not reached yet.
    pub open_steps: Vec<OpenStep>,
    /// May the viewer schedule and record talks and decisions.
    pub can_record_talk: bool,
    /// May the viewer record the placement.
    pub can_record_placement: bool,
    /// Today (Stockholm).
    pub today: NaiveDate,
}

/// The placement, talks and checkpoint decisions of `participant`.
#[server(endpoint = "mentoring/view")]
pub async fn get_mentoring(participant: ParticipantId) -> Result<MentoringView, AppError> {
    use crate::domain::access::{may_act_on, ParticipantAction};
    let (state, who) = crate::auth::session::require().await?;
    let links =
        crate::auth::guard::participant(&state, &who, participant, ParticipantAction::View).await?;
    let may = |a| may_act_on(&who, a, &links);
    let rights = (
        may(ParticipantAction::RecordTalk),
        may(ParticipantAction::RecordPlacement),
    );
    super::service::view(&state.db, participant, rights, state.clock.today()).await
}

/// Records or corrects the placement agreement (coordinators and the mentor).
#[server(endpoint = "mentoring/placement/save")]
pub async fn save_placement(
    participant: ParticipantId,
    raw: RawPlacement,
    #[server(default)] version: Option<i64>,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let action = ParticipantAction::RecordPlacement;
    crate::auth::guard::participant(&state, &who, participant, action).await?;
    super::service::save_placement(&state, &who, participant, &raw, version).await
}

/// Schedules a development talk on a day from today on (coordinators and the mentor).
#[server(endpoint = "mentoring/talk/schedule")]
pub async fn schedule_talk(participant: ParticipantId, talk_date: String) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let action = ParticipantAction::RecordTalk;
    crate::auth::guard::participant(&state, &who, participant, action).await?;
    super::service::schedule(&state, &who, participant, &talk_date).await
}

/// Records a held talk (a scheduled one when `talk` is given): who took part, notes, goals
/// agreed and goal statements linked, steps reached that day, the next talk's day.
#[server(endpoint = "mentoring/talk/record")]
pub async fn record_talk(
    participant: ParticipantId,
    raw: crate::domain::talk::RawTalk,
    #[server(default)] talk: Option<i64>,
    #[server(default)] version: Option<i64>,
    #[server(default)] steps: Vec<String>,
    #[server(default)] goal_statements: Vec<String>,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let action = ParticipantAction::RecordTalk;
    crate::auth::guard::participant(&state, &who, participant, action).await?;
    let talk = talk.zip(version);
    let links = (steps, goal_statements);
    super::service::record(&state, &who, participant, talk, &raw, links).await
}

/// Cancels a scheduled talk (coordinators and the mentor).
#[server(endpoint = "mentoring/talk/cancel")]
pub async fn cancel_talk(
    participant: ParticipantId,
    talk: i64,
    version: i64,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let action = ParticipantAction::RecordTalk;
    crate::auth::guard::participant(&state, &who, participant, action).await?;
    super::service::cancel(&state, &who, participant, talk, version).await
}

/// Records a checkpoint decision: the introduction's new length (1–3 terms) and why.
#[server(endpoint = "mentoring/checkpoint")]
pub async fn decide_checkpoint(
    participant: ParticipantId,
    decided_on: String,
    terms: String,
    reason: String,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let action = ParticipantAction::RecordTalk;
    crate::auth::guard::participant(&state, &who, participant, action).await?;
    let typed = [decided_on, terms, reason];
    super::service::decide(&state, &who, participant, &typed).await
}
