//! Server functions of the self-assessment. Each one: who are you → may you → parse →
//! database → DTO. The participant's own functions work only for a signed-in participant.
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::cefr::{Answer, CefrLevel, Occasion, Skill};
use crate::domain::ids::ParticipantId;
use crate::error::AppError;

/// How far a skill of the draft is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillProgress {
    /// The skill.
    pub skill: Skill,
    /// Statements answered.
    pub answered: usize,
    /// Statements in the skill.
    pub total: usize,
}

/// What finishing the draft would store, for the participant to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinishSummary {
    /// Per skill, the level the answers give; `None` for a skill not started (not assessed).
    pub levels: Vec<(Skill, Option<CefrLevel>)>,
}

/// The participant's self-assessment start page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentHome {
    /// The draft, if one is under way: its occasion and the progress per skill.
    pub draft: Option<(Occasion, Vec<SkillProgress>)>,
    /// Where to continue: skill and statement index.
    pub resume: Option<(Skill, usize)>,
    /// The occasion to suggest for a new assessment.
    pub suggested: Occasion,
    /// The latest submitted assessment: date and level per skill.
    pub latest: Option<(chrono::NaiveDate, Vec<(Skill, CefrLevel)>)>,
}

/// One statement as the participant sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementView {
    /// Id in the catalogue.
    pub id: String,
    /// Level.
    pub level: CefrLevel,
    /// Text in the page's language.
    pub text: String,
    /// The Swedish text, shown above a translation (learning it is the point).
    pub sv: String,
    /// The URL of the text's audio in the page's language (none: no voice, no clip).
    pub listen: Option<String>,
    /// The URL of the Swedish text's audio, on a page in another language.
    pub listen_sv: Option<String>,
    /// The answer given, if any.
    pub answer: Option<Answer>,
    /// Marked as "my goal".
    pub goal: bool,
}

/// The statements of one skill in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillSheet {
    /// Whose draft.
    pub owner: ParticipantId,
    /// The skill.
    pub skill: Skill,
    /// Its statements, lowest level first, with the answers given.
    pub statements: Vec<StatementView>,
}

/// A submitted assessment as staff and the participant read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentView {
    /// Id.
    pub id: i64,
    /// Start, checkpoint or finish.
    pub occasion: Occasion,
    /// Date.
    pub assessed_on: chrono::NaiveDate,
    /// Tablet or paper portfolio (import).
    pub source: String,
    /// Catalogue version used (none for paper portfolios).
    pub catalogue_version: Option<String>,
    /// Threshold applied.
    pub threshold: Option<String>,
    /// Level per skill.
    pub levels: Vec<(Skill, CefrLevel)>,
    /// Statements marked as goals (texts), for the development talk.
    pub goals: Vec<String>,
    /// Staff comments.
    pub comments: Vec<crate::dto::Comment>,
}

/// A participant's submitted assessments and whether the viewer may comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentList {
    /// Oldest first.
    pub assessments: Vec<AssessmentView>,
    /// The viewer is staff with access to the participant.
    pub can_comment: bool,
}

#[cfg(feature = "ssr")]
use crate::auth::guard;

#[cfg(feature = "ssr")]
pub(super) async fn participant_of(
    state: &crate::state::AppState,
    who: &crate::domain::role::Principal,
) -> Result<ParticipantId, AppError> {
    match who {
        crate::domain::role::Principal::Participant(id) => Ok(*id),
        crate::domain::role::Principal::Staff { .. } => {
            Err(crate::auth::audit::refused(state, who, None).await)
        }
    }
}

/// The participant's start page of the self-assessment.
#[server(endpoint = "assessment/home")]
pub async fn get_assessment_home() -> Result<AssessmentHome, AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let me = participant_of(&state, &who).await?;
    super::service::home(&state.db, me).await
}

/// Starts (or continues) the participant's draft for `occasion`.
#[server(endpoint = "assessment/start")]
pub async fn start_assessment(occasion: String) -> Result<(), AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let me = participant_of(&state, &who).await?;
    super::service::start(&state.db, me, &occasion, state.clock.today()).await?;
    leptos_axum::redirect("/me/assessment");
    Ok(())
}

/// The statements of one skill of the participant's draft, in `lang`.
#[server(endpoint = "assessment/skill")]
pub async fn get_assessment_skill(skill: String, lang: String) -> Result<SkillSheet, AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let me = participant_of(&state, &who).await?;
    let speech = state.speaker.available();
    super::service::skill_sheet(&state.db, speech, me, &skill, &lang).await
}

/// Saves one answer of the draft at once (a reload or a dropped connection loses nothing) and
/// goes to the next statement of the skill, or back to the skills after the last.
#[server(endpoint = "assessment/answer")]
pub async fn answer_statement(
    skill: String,
    index: usize,
    statement: String,
    answer: String,
    #[server(default)] goal: Option<String>,
) -> Result<(), AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let me = participant_of(&state, &who).await?;
    let next = super::service::answer(&state.db, me, skill, index, statement, answer, goal).await?;
    leptos_axum::redirect(&next);
    Ok(())
}

/// What a delivery from the tablet's queue did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivered {
    /// Applied now; `false` when this key had been applied before and nothing changed.
    pub applied: bool,
}

/// One answer from the tablet's queue (the island's answers go this way, online or not): it
/// carries the idempotency key made when it was given, so a repeated delivery is applied once,
/// and the participant it was given for (`owner`, bound when the screen was rendered): a
/// session of anyone else is refused, and the tablet keeps the answer for its owner.
#[server(endpoint = "assessment/deliver")]
pub async fn deliver_answer(
    key: String,
    owner: ParticipantId,
    skill: String,
    index: usize,
    statement: String,
    answer: String,
    #[server(default)] goal: Option<String>,
) -> Result<Delivered, AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let me = participant_of(&state, &who).await?;
    if me != owner {
        return Err(crate::auth::audit::refused(&state, &who, Some(owner)).await);
    }
    let goal = goal.is_some_and(|g| !g.is_empty() && g != "false");
    let raw = super::delivery::RawDelivery {
        key,
        skill,
        index,
        statement,
        answer,
        goal,
    };
    let applied = super::delivery::deliver(&state.db, me, raw).await?;
    Ok(Delivered { applied })
}

/// A tablet reports how many of `owner`'s answers it holds that it could not send (their
/// session had ended): no session needed, but the `token` their pages carried. Zero clears it.
#[server(endpoint = "assessment/waiting")]
pub async fn report_waiting(
    owner: ParticipantId,
    token: String,
    tablet: String,
    answers: u32,
) -> Result<(), AppError> {
    let state = crate::auth::session::state()?;
    super::delivery::report_waiting(&state, owner, &token, &tablet, answers).await
}

/// A participant's self-assessment under way, as staff see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftNote {
    /// Start, checkpoint or finish.
    pub occasion: Occasion,
    /// The day it was started.
    pub started_on: chrono::NaiveDate,
    /// Statements answered on the server.
    pub answered: usize,
    /// Statements in the draft's catalogue.
    pub total: usize,
    /// Answers that tablets hold for the participant and could not send (their session ended).
    pub waiting: u32,
}

/// The participant's self-assessment under way, if any: staff who may see their results.
#[server(endpoint = "assessment/draft")]
pub async fn get_draft_note(participant: ParticipantId) -> Result<Option<DraftNote>, AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    guard::participant(&state, &who, participant, ParticipantAction::ViewResults).await?;
    super::delivery::draft_note(&state.db, participant).await
}

/// The summary shown before finishing (None: no draft under way).
#[server(endpoint = "assessment/finish")]
pub async fn get_finish_summary() -> Result<Option<FinishSummary>, AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let me = participant_of(&state, &who).await?;
    super::service::finish_summary(&state.db, me, state.clock.today()).await
}

/// Submits the draft: the level per skill is derived and stored with the answers, the date,
/// the occasion, the catalogue version and the threshold. Never changed afterwards.
#[server(endpoint = "assessment/submit")]
pub async fn submit_assessment() -> Result<(), AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let me = participant_of(&state, &who).await?;
    super::service::submit(&state.db, me, state.clock.today()).await?;
    leptos_axum::redirect("/me/assessment");
    Ok(())
}

/// A participant's submitted assessments: the participant themself, their mentor, their
/// teachers and coordinators.
#[server(endpoint = "assessment/list")]
pub async fn list_assessments(participant: ParticipantId) -> Result<AssessmentList, AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    guard::participant(&state, &who, participant, ParticipantAction::ViewResults).await?;
    super::service::list(&state.db, who, participant).await
}

/// Adds a staff comment to a submitted assessment (staff who may see the participant). The
/// participant's answers and levels stay as they are.
#[server(endpoint = "assessment/comment")]
pub async fn comment_assessment(assessment: i64, body: String) -> Result<(), AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let user = guard::staff_user(&state, &who).await?;
    let done = super::service::comment(&state.db, &who, user, assessment, &body).await;
    crate::auth::audit::refusals(&state, &who, done).await
}
