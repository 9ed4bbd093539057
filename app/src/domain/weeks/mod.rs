//! ISO weeks and the weekly teaching minimum (issue 5; `../shared/FORMATS.md`, "The weekly
//! minimum, exactly"): the week arithmetic, one participant-week's compliance, the rule that a
//! weekly plan cannot fall under the minimum, and the validation of recorded time.
//!
//! Pure: no clock reads (the caller passes `now`), no I/O. Compiled for the browser too.
//!
//! Minutes are whole numbers throughout, and all arithmetic on them is exact integer
//! arithmetic: the pro-rata minimum `minimum × d / 5` is rounded **up**, so the floor is never
//! lowered (with the default 300 minutes it is always exact: 60 minutes per counted weekday).

mod compliance;
mod coverage;
mod entry;
mod iso_week;
mod minimum;
mod plan;
#[cfg(test)]
mod test_support;
mod time_problem;

pub use compliance::{
    enrolled_in, weekdays_counted, WeekCompliance, WeekStatus, COMPLIANCE_COLUMNS,
};
pub use coverage::{plan_coverage, PlanCoverage, PlanVersion};
pub use entry::{TimeEntry, TimeKind, MAX_MINUTES_PER_DAY};
pub use iso_week::{weeks_in_year, IsoWeek, IsoWeekRange};
pub use minimum::{MinimumHistory, WeeklyMinimum};
pub use plan::{PlanProblem, TeachingBlock, WeeklyPlan};
pub use time_problem::{HoursMinutes, TimeProblem};
