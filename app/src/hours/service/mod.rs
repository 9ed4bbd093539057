//! The weekly minimum's services: plain async functions that parse what was submitted into
//! domain types, apply the domain's rules and call the database. The server functions in
//! `api` decide who may call them.
#![expect(
    clippy::too_many_arguments,
    reason = "a form's fields arrive as separate strings and are parsed here"
)]

use chrono::{NaiveDate, NaiveDateTime};

use super::api::{
    BlockInput, ComplianceLine, ComplianceReport, HoursOverview, RegisterMember, RegisterSaved,
    RegisterSheet, ShortWeeks, COORDINATOR_SHORT_LIST,
};
use crate::db::hours::{Recorder, Scope};
use crate::db::Db;
use crate::domain::access::ParticipantLinks;
use crate::domain::ids::ParticipantId;
use crate::domain::role::Principal;
use crate::dto::{Group, WeekRow};
use crate::error::AppError;

/// What the participant's page shows about the weekly minimum, for `who` with `links`.
pub async fn overview(
    db: &Db,
    who: Principal,
    links: &ParticipantLinks,
    participant: ParticipantId,
    now: NaiveDateTime,
) -> Result<HoursOverview, AppError> {
    use crate::db;
    use crate::domain::access::{may_act_on, ParticipantAction};
    use crate::domain::role::{Principal, Role};
    let today = now.date();
    let weeks = crate::db::hours::participant_weeks(db, participant, today).await?;
    let since = crate::domain::weeks::IsoWeek::containing(today)
        .prev()
        .prev()
        .prev()
        .prev()
        .monday();
    let can_plan = may_act_on(&who, ParticipantAction::ManagePlan, links);
    let can_teaching = may_act_on(&who, ParticipantAction::RecordTeaching, links);
    let my_email = match who {
        Principal::Staff {
            role: Role::Teacher,
            user,
        } => Some(db::users::get(db, user).await?.email),
        _ => None,
    };
    Ok(HoursOverview {
        participant,
        minimum: db::hours::minimum(db).await?.on(today).minutes(),
        weeks,
        plans: db::hours::plans(db, participant).await?,
        absences: db::hours::absences_of(db, participant).await?,
        recent: db::hours::time_since(db, participant, since).await?,
        can_plan,
        can_teaching,
        can_self_study: may_act_on(&who, ParticipantAction::RecordSelfStudy, links),
        can_absence: may_act_on(&who, ParticipantAction::ManageAbsence, links),
        teachers: if can_plan || can_teaching {
            db::users::list(db, Some(Role::Teacher)).await?
        } else {
            vec![]
        },
        my_email,
        today,
    })
}

mod plan;
mod reports;
pub mod time;

pub use plan::{save_plan, BasedOn};
pub use reports::{compliance_report, plan_gaps, short_weeks};
pub use time::{record_time, register_sheet, save_register};
