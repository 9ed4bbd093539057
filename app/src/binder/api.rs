//! Server functions of the exit talk and the indicators: who are you → may you → service.
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use leptos::prelude::*;

use crate::domain::ids::ParticipantId;
use crate::error::AppError;

pub use crate::dto::{IndicatorsPage, OutcomeView, StepsView};

/// The participant's outcome (if the exit talk is recorded) and whether the viewer may record it.
#[server(endpoint = "binder/outcome")]
pub async fn get_outcome(participant: ParticipantId) -> Result<OutcomeView, AppError> {
    use crate::domain::access::{may_act_on, ParticipantAction};
    let (state, who) = crate::auth::session::require().await?;
    let links =
        crate::auth::guard::participant(&state, &who, participant, ParticipantAction::View).await?;
    let can_record = may_act_on(&who, ParticipantAction::RecordOutcome, &links);
    super::service::outcome(&state.db, participant, can_record, state.clock.today()).await
}

/// Records (or corrects) the exit talk: completion, activity after, self-sufficiency, note. Sets
/// the participant's status and end date. Coordinators and the participant's mentor.
#[server(endpoint = "binder/outcome/save")]
pub async fn save_outcome(
    participant: ParticipantId,
    exit_date: String,
    completion: String,
    activity: String,
    self_sufficiency: String,
    #[server(default)] note: String,
    #[server(default)] version: Option<i64>,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    use crate::domain::outcome::RawOutcome;
    let (state, who) = crate::auth::session::require().await?;
    let action = ParticipantAction::RecordOutcome;
    crate::auth::guard::participant(&state, &who, participant, action).await?;
    let raw = RawOutcome {
        participant_ref: String::new(),
        exit_date,
        completion,
        activity,
        self_sufficiency,
        note,
    };
    super::service::save_outcome(&state, &who, participant, raw, version).await
}

/// Removes the outcome (the participant is active again). Coordinators and the mentor.
#[server(endpoint = "binder/outcome/remove")]
pub async fn remove_outcome(participant: ParticipantId, version: i64) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let action = ParticipantAction::RecordOutcome;
    crate::auth::guard::participant(&state, &who, participant, action).await?;
    super::service::remove_outcome(&state, &who, participant, version).await
}

/// The indicators for participants who started between two days (coordinators).
#[server(endpoint = "binder/indicators")]
pub async fn get_indicators(
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] place: String,
) -> Result<IndicatorsPage, AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::register(&state, &who, RegisterAction::ViewIndicators).await?;
    super::service::indicators(&state.db, &from, &to, &place).await
}

/// The work and matching ladders of a participant: each ladder's steps with the day each was
/// reached, and whether the viewer may record steps.
#[server(endpoint = "binder/steps")]
pub async fn get_steps(participant: ParticipantId) -> Result<StepsView, AppError> {
    use crate::domain::access::{may_act_on, ParticipantAction};
    let (state, who) = crate::auth::session::require().await?;
    let links =
        crate::auth::guard::participant(&state, &who, participant, ParticipantAction::View).await?;
    let can_record = may_act_on(&who, ParticipantAction::RecordStep, &links);
    super::service::steps(&state.db, participant, can_record, state.clock.today()).await
}

/// Records a step reached on the work or matching ladder, confirmed by the signed-in mentor or
/// coordinator. Coordinators and the participant's mentor.
#[server(endpoint = "binder/steps/save")]
pub async fn save_step(
    participant: ParticipantId,
    ladder: String,
    step: String,
    reached_date: String,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let action = ParticipantAction::RecordStep;
    crate::auth::guard::participant(&state, &who, participant, action).await?;
    super::service::save_step(&state, &who, participant, &ladder, &step, &reached_date).await
}

/// Every step of both ladders with the programme's own names (coordinators).
#[server(endpoint = "binder/steps/definitions")]
pub async fn get_step_definitions() -> Result<Vec<StepDefinitionView>, AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::register(&state, &who, RegisterAction::ManageSteps).await?;
    super::service::step_definitions(&state.db).await
}

/// Renames a step or adds a step of the programme's own (coordinators; codes stay).
#[server(endpoint = "binder/steps/define")]
pub async fn define_step(
    ladder: String,
    code: String,
    #[server(default)] name_sv: String,
    #[server(default)] name_en: String,
) -> Result<(), AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::register(&state, &who, RegisterAction::ManageSteps).await?;
    super::service::define_step(&state.db, &who, [&ladder, &code, &name_sv, &name_en]).await
}

/// A step as the programme names it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StepDefinitionView {
    /// Which ladder.
    pub ladder: crate::domain::steps::StepLadder,
    /// The stable code.
    pub code: String,
    /// The programme's Swedish name (empty: the catalogue's).
    pub name_sv: String,
    /// The programme's English name (empty: the catalogue's).
    pub name_en: String,
    /// The name shown now, in the request's language.
    pub shown: String,
}

/// The city's targets, the weekly minimum and the self-assessed levels for participants who
/// started between two days, with the chart of the main figures by gender (coordinators).
#[server(endpoint = "binder/indicators/targets")]
pub async fn get_indicator_targets(
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] place: String,
) -> Result<crate::dto::IndicatorTargetsPage, AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::register(&state, &who, RegisterAction::ViewIndicators).await?;
    let locale = crate::i18n::request_locale();
    super::targets::targets(&state.db, &from, &to, state.clock.today(), locale, &place).await
}
