//! Pages of the weekly minimum: the hours section of a participant's page (weeks strip, plan,
//! recorded time, absences), the group register, the mentor's short weeks and the
//! coordinator's compliance report. Every form is a plain form post that works without wasm.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{
    get_compliance_report, get_hours, get_plan_gaps, get_register, get_short_weeks, ComplianceLine,
    DeleteAbsence, DeleteTime, HoursOverview, PlanRow, RecordTime, SaveAbsence, SavePlan,
    SaveRegister, WeekRow,
};
use super::islands::TickAll;
use crate::domain::ids::{GroupId, ParticipantId};
use crate::domain::problem::FormRow;
use crate::domain::time_record::format_clock;
use crate::domain::weeks::TimeKind;
use crate::domain::weeks::{IsoWeek, WeekStatus};
use crate::error::AppError;
use crate::ui::components::failed;
use crate::ui::components::{
    form_result, problem_at, problem_of, was_refused, ErrorNotice, Field, Loading, SelectField,
};
use crate::ui::flash::typed;
use crate::ui::{clock_span, day, hm, t, t_args};
use leptos::server_fn::ServerFn;

fn weekday_name(n: u32) -> String {
    t(&format!("weekday-{n}"))
}

fn weekday_options() -> Vec<(String, String)> {
    (1..=7).map(|n| (n.to_string(), weekday_name(n))).collect()
}

fn status_text(status: &str) -> String {
    t(&format!("week-status-{status}"))
}

/// The week number alone, "v. 9" / "W9".
fn week_label(week: IsoWeek) -> String {
    t_args("week-short", &[("week", week.week().to_string())])
}

mod participant;
mod register;
mod reports;

pub use participant::{HoursSection, WeekStrip};
pub use register::RegisterPage;
pub use reports::{
    plan_gaps_body, plan_gaps_section, short_weeks_body, short_weeks_section, CompliancePage,
    PlanGapsSection, ShortWeeksSection,
};
