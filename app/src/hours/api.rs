//! Server functions of the weekly minimum. Each one: who are you → may you → parse →
//! database → DTO.
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::ids::{AbsenceId, GroupId, ParticipantId, TimeEntryId};
pub use crate::dto::{AbsenceRow, Group, PlanBlockRow, PlanRow, StaffUser, TimeRow, WeekRow};
use crate::error::AppError;

/// What a participant's page shows about the weekly minimum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursOverview {
    /// The participant.
    pub participant: ParticipantId,
    /// The weekly minimum in minutes.
    pub minimum: u32,
    /// The weeks of the introduction so far, oldest first.
    pub weeks: Vec<WeekRow>,
    /// Every version of the plan, newest first.
    pub plans: Vec<PlanRow>,
    /// Absences, newest first.
    pub absences: Vec<AbsenceRow>,
    /// Time recorded in the last five weeks, newest first.
    pub recent: Vec<TimeRow>,
    /// The viewer may set a new plan.
    pub can_plan: bool,
    /// The viewer may record taught time.
    pub can_teaching: bool,
    /// The viewer may record self-study.
    pub can_self_study: bool,
    /// The viewer may record absences.
    pub can_absence: bool,
    /// Teachers to choose from (when the viewer may plan or record teaching).
    pub teachers: Vec<StaffUser>,
    /// The viewer's e-mail when the viewer is a teacher.
    pub my_email: Option<String>,
    /// Today (in Stockholm).
    pub today: chrono::NaiveDate,
}

/// One block of a plan as submitted (`blocks[i][…]`); a row without start and end is skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BlockInput {
    /// 1 (Monday) … 7 (Sunday).
    pub weekday: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`.
    pub end: String,
    /// Optional teacher.
    pub teacher_email: String,
}

/// A member of a group on the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterMember {
    /// Participant.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// Name.
    pub name: String,
    /// Their planned blocks on that day: start and end.
    pub planned: Vec<(chrono::NaiveTime, chrono::NaiveTime)>,
    /// Teaching already recorded that day: start and end.
    pub recorded: Vec<(chrono::NaiveTime, chrono::NaiveTime)>,
}

/// The register of a group for one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterSheet {
    /// The group.
    pub group: Group,
    /// The day.
    pub date: chrono::NaiveDate,
    /// Prefilled start: of the members' planned blocks that day, the usual one (else 08:30).
    pub start: chrono::NaiveTime,
    /// Prefilled end.
    pub end: chrono::NaiveTime,
    /// Members.
    pub members: Vec<RegisterMember>,
    /// Today (the latest day a register can be taken for).
    pub today: chrono::NaiveDate,
}

/// What saving a register did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterSaved {
    /// New entries.
    pub created: usize,
    /// Entries that existed with other values and were updated.
    pub updated: usize,
    /// Entries already stored.
    pub unchanged: usize,
}

/// How many participants a coordinator's short-weeks list shows at most.
pub const COORDINATOR_SHORT_LIST: usize = 30;

/// A participant with short weeks, for the mentor's start page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShortWeeks {
    /// Participant.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// Name.
    pub name: String,
    /// Their short weeks (the current week included while it runs), newest first.
    pub weeks: Vec<WeekRow>,
    /// Total shortfall in minutes (teaching + self-study) over those weeks.
    pub shortfall: u32,
}

/// One line of the compliance report: a district, a school, or the whole programme, optionally
/// for one gender.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceLine {
    /// District name (empty for the total).
    pub district: String,
    /// School name (empty for a district line or the total).
    pub school: String,
    /// Gender (none when not split).
    pub gender: Option<crate::domain::participant::Gender>,
    /// Participants counted.
    pub participants: u32,
    /// Participant-weeks met.
    pub met: u32,
    /// Participant-weeks short.
    pub short: u32,
    /// Participant-weeks excused.
    pub excused: u32,
    /// Share met of met + short, in per mille.
    pub share_met: Option<u32>,
}

/// The compliance report for a week range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceReport {
    /// First week.
    pub from: crate::domain::weeks::IsoWeek,
    /// Last week.
    pub to: crate::domain::weeks::IsoWeek,
    /// Split by gender.
    pub by_gender: bool,
    /// Lines: per district, then its schools; the total last.
    pub lines: Vec<ComplianceLine>,
}

#[cfg(feature = "ssr")]
use crate::auth::guard;

/// Where a change to `participant`'s hours returns to: the participant's own page or the
/// staff page of the participant.
#[cfg(feature = "ssr")]
fn back_to_hours(who: crate::domain::role::Principal, participant: ParticipantId) -> String {
    match who {
        crate::domain::role::Principal::Participant(_) => "/me#hours".to_owned(),
        _ => format!("/participants/{participant}#hours"),
    }
}

/// A participant's weeks against the minimum, plan, absences and recent time, and what the
/// viewer may do.
#[server(endpoint = "hours/overview")]
pub async fn get_hours(participant: ParticipantId) -> Result<HoursOverview, AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let links = guard::participant(&state, &who, participant, ParticipantAction::ViewHours).await?;
    super::service::overview(&state.db, who, &links, participant, state.clock.now()).await
}

/// Sets a new weekly plan from `valid_from` (coordinators, the mentor). A plan under the weekly
/// minimum, in teaching or in self-study, is refused with the shortfall; the old plan stays.
/// `based_on` is the newest plan the form showed (0: none): a plan saved by someone else since
/// is not silently replaced.
#[server(endpoint = "hours/plan")]
pub async fn save_plan(
    participant: ParticipantId,
    valid_from: String,
    self_study_minutes: String,
    #[server(default)] blocks: Vec<BlockInput>,
    #[server(default)] based_on: Option<i64>,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    guard::participant(&state, &who, participant, ParticipantAction::ManagePlan).await?;
    let based_on = super::service::BasedOn {
        plan: based_on,
        locale: crate::i18n::request_locale(),
    };
    let today = state.clock.today();
    super::service::save_plan(
        &state.db,
        who,
        participant,
        valid_from,
        self_study_minutes,
        blocks,
        today,
        based_on,
    )
    .await?;
    leptos_axum::redirect(&format!("/participants/{participant}#hours"));
    Ok(())
}

/// Records one stretch of time: taught time (coordinators, the participant's teachers) or
/// self-study (coordinators, the mentor, the participant). Overlaps, the daily limit and time
/// in the future are refused; the same entry twice is stored once.
#[server(endpoint = "hours/time")]
pub async fn record_time(
    participant: ParticipantId,
    kind: String,
    date: String,
    start: String,
    end: String,
    #[server(default)] teacher_email: String,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    use crate::domain::time_record::RawTimeEntry;
    use crate::domain::weeks::TimeKind;
    let (state, who) = crate::auth::session::require().await?;
    // A kind that does not parse is refused only to those who may see the hours at all.
    let parsed = TimeKind::parse(&kind);
    let action = parsed
        .clone()
        .map_or(ParticipantAction::ViewHours, ParticipantAction::record);
    guard::participant(&state, &who, participant, action).await?;
    parsed.map_err(|p| AppError::field("kind", &kind, p))?;
    let raw = RawTimeEntry {
        participant_ref: String::new(),
        date,
        start,
        end,
        kind,
        teacher_email,
    };
    super::service::record_time(&state.db, who, participant, raw, state.clock.now()).await?;
    leptos_axum::redirect(&back_to_hours(who, participant));
    Ok(())
}

/// Removes a recorded entry (whoever may record its kind); the history keeps it.
#[server(endpoint = "hours/time/delete")]
pub async fn delete_time(
    id: TimeEntryId,
    #[server(default)] version: Option<i64>,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let entry = super::service::time::entry(&state.db, &who, id).await;
    let entry = crate::auth::audit::refusals(&state, &who, entry).await?;
    let action = ParticipantAction::record(entry.kind);
    guard::participant(&state, &who, entry.participant_id, action).await?;
    let seen = super::service::time::Seen {
        version,
        locale: crate::i18n::request_locale(),
    };
    super::service::time::delete_time(&state.db, &who, id, seen).await?;
    leptos_axum::redirect(&back_to_hours(who, entry.participant_id));
    Ok(())
}

/// Records an absence (coordinators, the mentor). An absence with the same first day is
/// corrected instead; the earlier version is kept.
#[server(endpoint = "hours/absence")]
pub async fn save_absence(
    participant: ParticipantId,
    from_date: String,
    to_date: String,
    reason: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    use crate::domain::time_record::RawAbsence;
    let (state, who) = crate::auth::session::require().await?;
    guard::participant(&state, &who, participant, ParticipantAction::ManageAbsence).await?;
    let raw = RawAbsence {
        participant_ref: String::new(),
        from_date,
        to_date,
        reason,
        note,
    };
    super::service::time::save_absence(&state.db, who, participant, raw).await?;
    leptos_axum::redirect(&format!("/participants/{participant}#hours"));
    Ok(())
}

/// Removes an absence (coordinators, the mentor); the history keeps it.
#[server(endpoint = "hours/absence/delete")]
pub async fn delete_absence(
    id: AbsenceId,
    #[server(default)] version: Option<i64>,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let absence = super::service::time::absence(&state.db, &who, id).await;
    let absence = crate::auth::audit::refusals(&state, &who, absence).await?;
    let action = ParticipantAction::ManageAbsence;
    guard::participant(&state, &who, absence.participant_id, action).await?;
    let seen = super::service::time::Seen {
        version,
        locale: crate::i18n::request_locale(),
    };
    super::service::time::delete_absence(&state.db, &who, id, seen).await?;
    leptos_axum::redirect(&format!("/participants/{}#hours", absence.participant_id));
    Ok(())
}

/// The register of a group for a day (today when `date` is empty): members, their planned
/// blocks that day and teaching already recorded (the group's teacher, coordinators).
#[server(endpoint = "hours/register")]
pub async fn get_register(group: GroupId, date: String) -> Result<RegisterSheet, AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let group = guard::group(&state, &who, group).await?;
    super::service::register_sheet(&state.db, group, date, state.clock.now().date()).await
}

/// Takes the register: one taught entry from `start` to `end` on `date` for each ticked member
/// (`present` holds their references), with the group's teacher. All or nothing; taking the
/// same register twice stores it once.
#[server(endpoint = "hours/register/save")]
pub async fn save_register(
    group: GroupId,
    date: String,
    start: String,
    end: String,
    #[server(default)] present: Vec<String>,
) -> Result<RegisterSaved, AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let group = guard::group(&state, &who, group).await?;
    super::service::save_register(
        &state.db,
        who,
        group,
        date,
        start,
        end,
        present,
        state.clock.now(),
    )
    .await
}

/// Whose participants a list of the minimum covers: the whole programme for a coordinator, their
/// own for a mentor; nobody else gets such a list.
#[cfg(feature = "ssr")]
fn report_scope(who: &crate::domain::role::Principal) -> Result<crate::db::hours::Scope, AppError> {
    use crate::db::hours::Scope;
    use crate::domain::role::{Principal, Role};
    match who {
        Principal::Staff {
            role: Role::Mentor,
            user,
        } => Ok(Scope::Mentor(*user)),
        Principal::Staff {
            role: Role::Coordinator,
            ..
        } => Ok(Scope::All),
        _ => Err(AppError::Forbidden),
    }
}

/// The mentor's participants with a short week in the last four weeks or in the running week
/// so far (measured up to yesterday), the largest shortfall first. A coordinator gets the
/// [`COORDINATOR_SHORT_LIST`] largest of the whole programme (the compliance report has the
/// rest).
#[server(endpoint = "hours/short")]
pub async fn get_short_weeks() -> Result<Vec<ShortWeeks>, AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let scope = crate::auth::audit::refusals(&state, &who, report_scope(&who)).await?;
    let today = state.clock.now().date();
    kept_for_mentor(&state, "short-weeks", scope, || {
        super::service::short_weeks(&state.db, scope, today)
    })
    .await
}

/// Active participants without a plan that covers them from today on: the whole programme for
/// coordinators, their own for mentors.
#[server(endpoint = "hours/plan-gaps")]
pub async fn get_plan_gaps() -> Result<Vec<crate::dto::PlanGap>, AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let scope = crate::auth::audit::refusals(&state, &who, report_scope(&who)).await?;
    let today = state.clock.today();
    kept_for_mentor(&state, "plan-gaps", scope, || {
        super::service::plan_gaps(&state.db, scope, today)
    })
    .await
}

/// `compute`'s view for `scope`, kept between requests when the scope is a mentor's
/// ([`crate::kept::mentor_view`]).
#[cfg(feature = "ssr")]
async fn kept_for_mentor<T, Fut>(
    state: &crate::state::AppState,
    view: &'static str,
    scope: crate::db::hours::Scope,
    compute: impl FnOnce() -> Fut,
) -> Result<T, AppError>
where
    T: Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, AppError>>,
{
    match scope {
        crate::db::hours::Scope::Mentor(mentor) => {
            crate::kept::mentor_view(state, view, mentor, String::new(), compute).await
        }
        _ => compute().await,
    }
}

/// Compliance per district and school (optionally per gender) for a week range (coordinators).
/// Empty weeks mean the last twelve weeks.
#[server(endpoint = "hours/report")]
pub async fn get_compliance_report(
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] by_gender: bool,
) -> Result<ComplianceReport, AppError> {
    let (state, who) = crate::auth::session::require().await?;
    if !who.is_coordinator() {
        return Err(crate::auth::audit::refused(&state, &who, None).await);
    }
    super::service::compliance_report(&state.db, from, to, by_gender, state.clock.now().date())
        .await
}
