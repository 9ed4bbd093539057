//! Server functions of the register. Each one: who are you → may you → parse → database → DTO.
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::ids::{GroupId, ParticipantId, UserId};
use crate::domain::paging::Page;
use crate::domain::participant::Eligibility;
use crate::domain::participant::RawParticipant;
#[cfg(feature = "ssr")]
use crate::domain::problem::FieldProblem;
#[cfg(feature = "ssr")]
use crate::domain::role::Principal;
use crate::error::AppError;

pub use crate::dto::{
    District, Group, HistoryEntry, Member, ParticipantDetail, ParticipantFilter,
    ParticipantSummary, School, StaffUser,
};

/// A participant's page: the record, eligibility, and what the viewer may do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipantView {
    /// The record.
    pub detail: ParticipantDetail,
    /// Newly-arrived eligibility today, as information.
    pub eligibility: Eligibility,
    /// Change history (staff only).
    pub history: Option<Vec<HistoryEntry>>,
    /// The viewer may edit the record.
    pub can_edit: bool,
    /// The viewer may set the PIN.
    pub can_set_pin: bool,
}

/// Choices for filters and forms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct RegisterOptions {
    /// Schools.
    pub schools: Vec<School>,
    /// Districts.
    pub districts: Vec<District>,
    /// Mentors.
    pub mentors: Vec<StaffUser>,
    /// Teachers.
    pub teachers: Vec<StaffUser>,
}

/// What a staff member's start page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Home {
    /// Counts per status, schools, staff.
    Coordinator {
        /// Active participants.
        active: i64,
        /// Completed.
        completed: i64,
        /// Left early.
        left_early: i64,
        /// Schools.
        schools: i64,
    },
    /// The mentor's participants.
    Mentor(Vec<ParticipantSummary>),
    /// The teacher's groups.
    Teacher(Vec<Group>),
}

#[cfg(feature = "ssr")]
use crate::auth::guard;

/// The start page of a staff member.
#[server(endpoint = "home")]
pub async fn start_page() -> Result<Home, AppError> {
    use crate::domain::role::{Principal, Role};
    let (state, who) = crate::auth::session::require().await?;
    let home = match who {
        Principal::Staff {
            role: Role::Mentor,
            user,
        } => {
            let compute = || super::service::home(&state.db, who);
            crate::kept::mentor_view(&state, "home", user, String::new(), compute).await
        }
        _ => super::service::home(&state.db, who).await,
    };
    crate::auth::audit::refusals(&state, &who, home).await
}

/// A page of the register; each role sees only the participants it may see.
#[server(endpoint = "participants/list")]
pub async fn list_participants(
    filter: ParticipantFilter,
) -> Result<Page<ParticipantSummary>, AppError> {
    use crate::db::{self, participants::Scope};
    use crate::domain::access::RegisterAction;
    use crate::domain::role::Role;
    let (state, who) = crate::auth::session::require().await?;
    guard::register(&state, &who, RegisterAction::ListParticipants).await?;
    let scope = match who {
        Principal::Staff {
            role: Role::Coordinator,
            ..
        } => Scope::All,
        Principal::Staff {
            role: Role::Mentor,
            user,
        } => Scope::MentorOf(user),
        Principal::Staff {
            role: Role::Teacher,
            user,
        } => Scope::TeacherOf(user),
        Principal::Participant(_) => {
            return Err(crate::auth::audit::refused(&state, &who, None).await)
        }
    };
    Ok(db::participants::list(&state.db, scope, &filter).await?)
}

/// One participant's page.
#[server(endpoint = "participants/get")]
pub async fn get_participant(id: ParticipantId) -> Result<ParticipantView, AppError> {
    use crate::db;
    use crate::domain::access::{may_act_on, ParticipantAction};
    let (state, who) = crate::auth::session::require().await?;
    guard::participant(&state, &who, id, ParticipantAction::View).await?;
    let mut detail = db::participants::get(&state.db, id).await?;
    let links = db::participants::links(&state.db, id).await?;
    let can_set_pin = may_act_on(&who, ParticipantAction::SetPin, &links);
    // The sign-in code goes only to those who hand out the PIN (half of the tablet's key).
    if !can_set_pin {
        detail.sign_in_code.clear();
    }
    let today = state.clock.today();
    let eligibility = Eligibility::assess(detail.residence_permit_date, detail.arrival_date, today);
    let history = if may_act_on(&who, ParticipantAction::ViewHistory, &links) {
        Some(db::participants::history(&state.db, id).await?)
    } else {
        None
    };
    Ok(ParticipantView {
        can_edit: may_act_on(&who, ParticipantAction::Edit, &links),
        can_set_pin,
        detail,
        eligibility,
        history,
    })
}

/// The signed-in participant's own page.
#[server(endpoint = "me")]
pub async fn my_record() -> Result<ParticipantDetail, AppError> {
    let (state, who) = crate::auth::session::require().await?;
    match who {
        Principal::Participant(id) => Ok(crate::db::participants::get(&state.db, id).await?),
        Principal::Staff { .. } => Err(crate::auth::audit::refused(&state, &who, None).await),
    }
}

/// Creates a participant (coordinators). Goes to the new participant's page.
#[server(endpoint = "participants/create")]
pub async fn create_participant(raw: RawParticipant) -> Result<(), AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    guard::register(&state, &who, RegisterAction::ManageParticipants).await?;
    let user = guard::staff_user(&state, &who).await?;
    let id =
        crate::import::participants::save_one(&state.db, &raw, user, None, state.clock.today())
            .await?;
    leptos_axum::redirect(&format!("/participants/{id}"));
    Ok(())
}

/// Edits a participant's record, status and end date (coordinators); the history keeps the
/// old values. `version` is the record's version the form showed: a record changed since is
/// not overwritten.
#[server(endpoint = "participants/update")]
pub async fn update_participant(
    id: ParticipantId,
    raw: RawParticipant,
    status: String,
    end_date: String,
    version: i64,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    use crate::import::participants::{save_one, Edit};
    let (state, who) = crate::auth::session::require().await?;
    guard::participant(&state, &who, id, ParticipantAction::Edit).await?;
    let user = guard::staff_user(&state, &who).await?;
    let locale = crate::i18n::request_locale();
    let edit = Edit {
        id,
        status,
        end_date,
        version,
        locale,
    };
    save_one(&state.db, &raw, user, Some(edit), state.clock.today()).await?;
    leptos_axum::redirect(&format!("/participants/{id}"));
    Ok(())
}

/// Sets a participant's tablet PIN (their mentor or a coordinator).
#[server(endpoint = "participants/pin")]
pub async fn set_pin(id: ParticipantId, pin: String) -> Result<(), AppError> {
    use crate::db::{self, participants::ChangeSource};
    use crate::domain::access::ParticipantAction;
    use crate::domain::credentials::Pin;
    let (state, who) = crate::auth::session::require().await?;
    guard::participant(&state, &who, id, ParticipantAction::SetPin).await?;
    let pin = Pin::parse(&pin).map_err(|p| AppError::field("pin", "", p))?;
    let hash = crate::auth::password::hash(pin.expose().to_owned())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "hashing a PIN failed");
            AppError::Internal
        })?;
    let source = ChangeSource {
        source: "web",
        by: Some(guard::staff_user(&state, &who).await?),
    };
    let code = db::participants::set_pin_hash(&state.db, id, &hash, source).await?;
    // The new PIN lifts a lock that wrong guesses of the old one started.
    if let Ok(code) = crate::domain::credentials::SignInCode::parse(&code) {
        let key = state
            .auth
            .throttle_key(&crate::domain::credentials::code_subject(&code));
        db::throttle::clear(&state.db, &key).await?;
    }
    Ok(())
}

/// Schools, districts, mentors and teachers for filters and forms (staff).
#[server(endpoint = "register/options")]
pub async fn get_register_options() -> Result<RegisterOptions, AppError> {
    use crate::db;
    use crate::domain::role::Role;
    let (state, who) = crate::auth::session::require().await?;
    guard::staff_user(&state, &who).await?;
    Ok(RegisterOptions {
        schools: db::schools::list(&state.db).await?,
        districts: db::schools::districts(&state.db).await?,
        mentors: db::users::list(&state.db, Some(Role::Mentor)).await?,
        teachers: db::users::list(&state.db, Some(Role::Teacher)).await?,
    })
}

/// Adds a school in a district (coordinators); the district is created on first use.
#[server(endpoint = "schools/create")]
pub async fn create_school(name: String, district: String) -> Result<(), AppError> {
    use crate::domain::access::RegisterAction;
    use crate::domain::participant::{DistrictName, SchoolName};
    let (state, who) = crate::auth::session::require().await?;
    guard::register(&state, &who, RegisterAction::ManageSchools).await?;
    let mut problems = vec![];
    let n = SchoolName::parse(&name)
        .map_err(|p| problems.push(FieldProblem::new("name", name.clone(), p)));
    let d = DistrictName::parse(&district)
        .map_err(|p| problems.push(FieldProblem::new("district", district.clone(), p)));
    let (Ok(n), Ok(d)) = (n, d) else {
        return Err(AppError::Invalid(problems));
    };
    let mut tx = state.db.begin().await?;
    crate::db::schools::ensure(&mut tx, n.as_str(), d.as_str()).await?;
    tx.commit().await.map_err(crate::db::DbError::from)?;
    Ok(())
}

/// All staff accounts (coordinators).
#[server(endpoint = "staff/list")]
pub async fn list_staff() -> Result<Vec<StaffUser>, AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    guard::register(&state, &who, RegisterAction::ManageStaff).await?;
    Ok(crate::db::users::list(&state.db, None).await?)
}

/// Creates a staff account with a first password (coordinators).
#[server(endpoint = "staff/create")]
pub async fn create_staff(
    email: String,
    display_name: String,
    role: String,
    password: String,
) -> Result<(), AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    guard::register(&state, &who, RegisterAction::ManageStaff).await?;
    super::service::create_staff(&state.db, email, display_name, role, password).await
}

/// Deactivates or reactivates a staff account and sets its role (coordinators; not their own
/// account). Either change ends the account's sessions; at least one active coordinator stays.
#[server(endpoint = "staff/standing")]
pub async fn set_staff_standing(
    user: crate::domain::ids::UserId,
    active: bool,
    role: String,
) -> Result<StaffUser, AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    guard::register(&state, &who, RegisterAction::ManageStaff).await?;
    super::service::set_staff_standing(&state.db, &who, user, active, &role).await
}

/// Gives a staff account a one-time password (coordinators; not their own account) and
/// answers it, to be handed to its owner once: it must be changed at the next sign-in, and the
/// account's sessions end now.
#[server(endpoint = "staff/reset-password")]
pub async fn reset_staff_password(
    user: crate::domain::ids::UserId,
) -> Result<crate::dto::OneTimePassword, AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    guard::register(&state, &who, RegisterAction::ManageStaff).await?;
    super::service::reset_staff_password(&state.db, &who, user).await
}

/// Groups: all for coordinators, their own for teachers.
#[server(endpoint = "groups/list")]
pub async fn list_groups() -> Result<Vec<Group>, AppError> {
    use crate::domain::role::Role;
    let (state, who) = crate::auth::session::require().await?;
    let teacher = match who {
        Principal::Staff {
            role: Role::Coordinator,
            ..
        } => None,
        Principal::Staff {
            role: Role::Teacher,
            user,
        } => Some(user),
        _ => return Err(crate::auth::audit::refused(&state, &who, None).await),
    };
    Ok(crate::db::groups::list(&state.db, teacher).await?)
}

/// One group with its members (coordinators, and the group's teacher).
#[server(endpoint = "groups/get")]
pub async fn get_group(id: GroupId) -> Result<(Group, Vec<Member>), AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let group = guard::group(&state, &who, id).await?;
    let members = crate::db::groups::members(&state.db, id).await?;
    Ok((group, members))
}

/// Creates a group for a teacher (coordinators).
#[server(endpoint = "groups/create")]
pub async fn create_group(name: String, teacher: UserId) -> Result<(), AppError> {
    use crate::domain::access::RegisterAction;
    use crate::domain::problem::Problem;
    use crate::domain::role::Role;
    let (state, who) = crate::auth::session::require().await?;
    guard::register(&state, &who, RegisterAction::ManageGroups).await?;
    let name = name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 100 {
        let problem = if name.is_empty() {
            Problem::Required
        } else {
            Problem::TooLong { max: 100 }
        };
        return Err(AppError::field("name", &name, problem));
    }
    let t = crate::db::users::get(&state.db, teacher).await?;
    if t.role != Role::Teacher {
        return Err(AppError::field("teacher", &t.email, Problem::NotATeacher));
    }
    let id = crate::db::groups::create(&state.db, &name, teacher).await?;
    leptos_axum::redirect(&format!("/groups/{id}"));
    Ok(())
}

/// Adds a participant, by reference, to a group (coordinators).
#[server(endpoint = "groups/add")]
pub async fn add_group_member(group: GroupId, participant_ref: String) -> Result<(), AppError> {
    use crate::domain::access::RegisterAction;
    use crate::domain::problem::Problem;
    let (state, who) = crate::auth::session::require().await?;
    guard::register(&state, &who, RegisterAction::ManageGroups).await?;
    crate::db::groups::get(&state.db, group).await?;
    let r = participant_ref.trim();
    let id = crate::db::participants::id_by_ref(&state.db, r)
        .await?
        .ok_or_else(|| AppError::field("participant_ref", r, Problem::UnknownParticipant))?;
    crate::db::groups::add_member(&state.db, group, id).await?;
    Ok(())
}

/// Removes a participant from a group (coordinators).
#[server(endpoint = "groups/remove")]
pub async fn remove_group_member(
    group: GroupId,
    participant: ParticipantId,
) -> Result<(), AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    guard::register(&state, &who, RegisterAction::ManageGroups).await?;
    crate::db::groups::remove_member(&state.db, group, participant).await?;
    Ok(())
}
