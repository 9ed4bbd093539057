//! Server functions of the language ladder: a participant's charts with their data tables,
//! the mentor's dashboard and the language passport.
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::ids::ParticipantId;
pub use crate::dto::WeekRow;
use crate::error::AppError;

/// One self-assessment in the ladder's data table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LadderAssessmentRow {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `start`, `checkpoint`, `finish`.
    pub occasion: String,
    /// Level per skill (in skill order), e.g. "A2", or empty.
    pub levels: [String; 5],
}

/// One SFI result in the ladder's data table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LadderSfiRow {
    /// The day of the test.
    pub date: chrono::NaiveDate,
    /// Start, checkpoint or finish.
    pub occasion: crate::domain::cefr::Occasion,
    /// Course.
    pub course: crate::domain::sfi::SfiCourse,
    /// Grade.
    pub grade: crate::domain::sfi::Grade,
    /// The course→CEFR guide, e.g. "≈ A1−".
    pub guide: String,
}

/// A participant's ladder: charts and the data behind them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LadderView {
    /// The ladder chart (SVG).
    pub ladder_svg: String,
    /// The weekly-hours chart (SVG).
    pub weekly_svg: String,
    /// Self-assessments, oldest first.
    pub assessments: Vec<LadderAssessmentRow>,
    /// SFI results, oldest first.
    pub sfi: Vec<LadderSfiRow>,
    /// Weeks against the minimum, oldest first.
    pub weeks: Vec<WeekRow>,
    /// Where self-assessed and tested levels disagree by more than a step (translated).
    pub notes: Vec<String>,
}

/// One participant on the mentor's dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardRow {
    /// Participant.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// Name.
    pub name: String,
    /// The sparkline (SVG).
    pub sparkline_svg: String,
    /// Latest self-assessed level per skill ("" when never assessed).
    pub levels: [String; 5],
    /// Steps since the first assessment per skill, e.g. "+1", "0" ("" when never assessed).
    pub changes: [String; 5],
    /// Latest SFI result, e.g. "C: G (2026-03-02)".
    pub latest_sfi: Option<String>,
    /// Short weeks among the last four finished weeks.
    pub short_weeks: u32,
    /// The next development talk or the planned end, and any talk overdue.
    pub next: crate::domain::talk::NextDate,
    /// Until when (Stockholm time) too many wrong PINs keep the participant off the tablet.
    pub tablet_locked_until: Option<chrono::NaiveDateTime>,
}

/// The mentor's dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    /// Participants in the chosen order.
    pub rows: Vec<DashboardRow>,
    /// The order, as its query value.
    pub sort: String,
}

/// The language passport of a participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passport {
    /// Given and family name.
    pub name: String,
    /// Reference.
    pub participant_ref: String,
    /// School.
    pub school: String,
    /// District.
    pub district: String,
    /// First day.
    pub start_date: chrono::NaiveDate,
    /// Last day (actual or planned), if known.
    pub end_date: Option<chrono::NaiveDate>,
    /// Latest self-assessed step per skill (0 = Pre-A1 … 6 = C2), in skill order.
    pub levels: [Option<u8>; 5],
    /// The date of the latest self-assessment.
    pub assessed_on: Option<chrono::NaiveDate>,
    /// Latest SFI course, grade and date.
    pub latest_sfi: Option<(
        crate::domain::sfi::SfiCourse,
        crate::domain::sfi::Grade,
        chrono::NaiveDate,
    )>,
    /// The highest step reached on the work ladder and the day.
    pub work_step: Option<(String, chrono::NaiveDate)>,
    /// Today, the passport's date.
    pub today: chrono::NaiveDate,
}

/// A participant's language ladder and weekly-hours chart, with their data.
#[server(endpoint = "ladder/participant")]
pub async fn get_ladder(participant: ParticipantId) -> Result<LadderView, AppError> {
    use crate::auth::guard;
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    guard::participant(&state, &who, participant, ParticipantAction::ViewResults).await?;
    guard::participant(&state, &who, participant, ParticipantAction::ViewHours).await?;
    let weeks =
        crate::db::hours::participant_weeks(&state.db, participant, state.clock.today()).await?;
    Ok(super::service::participant_ladder(
        &state.db,
        participant,
        crate::i18n::request_locale(),
        state.clock.today(),
        weeks,
    )
    .await?)
}

/// The mentor's dashboard of their participants, in the order asked for.
#[server(endpoint = "ladder/dashboard")]
pub async fn get_dashboard(#[server(default)] sort: String) -> Result<Dashboard, AppError> {
    use crate::domain::ladder::DashboardSort;
    use crate::domain::role::{Principal, Role};
    let (state, who) = crate::auth::session::require().await?;
    let Principal::Staff {
        role: Role::Mentor,
        user,
    } = who
    else {
        return Err(crate::auth::audit::refused(&state, &who, None).await);
    };
    let (locale, sort) = (crate::i18n::request_locale(), DashboardSort::parse(&sort));
    let variant = format!("{}/{}", locale.tag(), sort.as_str());
    let kept = crate::kept::mentor_view(&state, "dashboard", user, variant, || {
        let today = state.clock.today();
        super::service::dashboard(&state.db, &state.auth, user, locale, today, sort)
    })
    .await?;
    Ok(super::service::with_tablet_locks(&state.db, kept).await?)
}

/// The language passport of `participant`, or with `None` of the signed-in participant (staff
/// who may see the participant's results, and the participant).
#[server(endpoint = "ladder/passport")]
pub async fn get_passport(participant: Option<ParticipantId>) -> Result<Passport, AppError> {
    use crate::domain::access::ParticipantAction;
    use crate::domain::role::Principal;
    let (state, who) = crate::auth::session::require().await?;
    let participant = match (participant, &who) {
        (Some(p), _) | (None, &Principal::Participant(p)) => p,
        (None, Principal::Staff { .. }) => return Err(AppError::NotFound),
    };
    crate::auth::guard::participant(&state, &who, participant, ParticipantAction::ViewResults)
        .await?;
    let passport = crate::domain::access_log::PASSPORT;
    crate::auth::audit::read(&state, &who, participant, passport).await?;
    Ok(super::service::passport(&state.db, participant, state.clock.today()).await?)
}
