//! The weekly minimum: plans (append-only versions), recorded time and absences (each change
//! kept as a version), and the minutes per participant and week that compliance is computed
//! from.

mod absences;
mod measure;
mod plans;
mod time;

use super::participants::ChangeSource;
use super::{date_col, opt_date_col, time_col};
use super::{Db, DbError};
use crate::domain::ids::{ParticipantId, UserId};
use crate::domain::weeks::{MinimumHistory, WeeklyMinimum};
pub use crate::dto::{AbsenceRow, PlanBlockRow, PlanRow, TimeRow};
pub use absences::{absence, absences_of, delete_absence, export_absences, save_absence};
pub use measure::{measured, participant_weeks, Measured, Scope};
pub use plans::{blocks_on, coverage_inputs, plans, save_plan};
pub use time::{
    day_entries, delete_time, export_time, participant_by_ref, save_time, teaching_on, time_entry,
    time_since,
};

/// The setting that holds the weekly minimum in minutes.
pub const MINIMUM_SETTING: &str = "weekly_minimum";

/// Who records a change: a staff member, or the participant on the tablet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorder {
    /// `web`, `import`, `cli` or `demo`.
    pub source: &'static str,
    /// The staff member, if any.
    pub user: Option<UserId>,
    /// The participant, when they record their own self-study.
    pub participant: Option<ParticipantId>,
}

impl From<ChangeSource> for Recorder {
    fn from(c: ChangeSource) -> Self {
        Recorder {
            source: c.source,
            user: c.by,
            participant: None,
        }
    }
}

/// What saving a time entry or an absence did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved<I> {
    /// A new record.
    Created(I),
    /// An existing record (same key) with other values; the earlier version is kept.
    Updated(I),
    /// The same values were already stored.
    Unchanged(I),
}

fn minutes_of(v: i64) -> u32 {
    u32::try_from(v).unwrap_or(0)
}

/// The weekly minimum over time (the `weekly_minimum` setting's history; 300 minutes before
/// the first change).
pub async fn minimum(db: &Db) -> Result<MinimumHistory, DbError> {
    super::settings::dated(
        db,
        MINIMUM_SETTING,
        WeeklyMinimum::default(),
        WeeklyMinimum::parse,
    )
    .await
}
