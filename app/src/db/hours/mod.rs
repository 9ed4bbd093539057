//! The weekly minimum: plans (append-only versions), recorded time and absences (each change
//! kept as a version), and the minutes per participant and week that compliance is computed
//! from.

mod absences;
mod enrolled;
mod measure;
mod plans;
pub mod staging;
mod time;

use super::participants::ChangeSource;
use super::{date_col, time_col};
use super::{Db, DbError};
use crate::domain::ids::{ParticipantId, UserId};
use crate::domain::weeks::{MinimumHistory, WeeklyMinimum};
pub use crate::dto::{AbsenceRow, PlanBlockRow, PlanRow, TimeRow};
pub use absences::{absence, absences_of, delete_absence, export_absences, save_absence};
pub use measure::{
    erased_ids, erased_measured, erased_measured_of, measured, measured_page, participant_weeks,
    Measured, MeasuredWeeks, Scope,
};
pub use plans::{blocks_on, coverage_inputs, newest_plan, plans, save_plan};
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

impl From<&crate::domain::role::Principal> for Recorder {
    /// A change made on the web by the signed-in staff member or participant.
    fn from(who: &crate::domain::role::Principal) -> Self {
        use crate::domain::role::Principal;
        match who {
            Principal::Staff { user, .. } => Recorder {
                source: "web",
                user: Some(*user),
                participant: None,
            },
            Principal::Participant(p) => Recorder {
                source: "web",
                user: None,
                participant: Some(*p),
            },
        }
    }
}

/// The latest change of a time entry or an absence: who (a staff member's or the
/// participant's name), from where, when, and the values it left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastChange {
    /// The name of who made it, if a person.
    pub by: Option<String>,
    /// `web`, `import`, `cli` or `demo`.
    pub source: String,
    /// Unix seconds.
    pub at: i64,
    /// What the record says after it, as shown on the page (`2026-03-04 08:30–10:10`).
    pub value: String,
}

/// The latest change of time entry `id`, if it has any.
pub async fn last_time_change(
    db: &Db,
    id: crate::domain::ids::TimeEntryId,
) -> Result<Option<LastChange>, DbError> {
    last_change(
        db,
        "SELECT v.changed_at, v.source, v.entry_date, v.start_time, v.end_time, \
         COALESCE(u.display_name, p.given_name || ' ' || p.family_name) AS who \
         FROM time_entry_versions v LEFT JOIN users u ON u.id = v.changed_by \
         LEFT JOIN participants p ON p.id = v.changed_by_participant \
         WHERE v.entry_id = $1 ORDER BY v.id DESC LIMIT 1",
        id.0,
        |r| {
            Ok(format!(
                "{} {}–{}",
                super::col::<String>(r, "entry_date")?,
                super::col::<String>(r, "start_time")?,
                super::col::<String>(r, "end_time")?
            ))
        },
    )
    .await
}

/// The latest change of absence `id`, if it has any.
pub async fn last_absence_change(
    db: &Db,
    id: crate::domain::ids::AbsenceId,
) -> Result<Option<LastChange>, DbError> {
    last_change(
        db,
        "SELECT v.changed_at, v.source, v.from_date, v.to_date, u.display_name AS who \
         FROM absence_versions v LEFT JOIN users u ON u.id = v.changed_by \
         WHERE v.absence_id = $1 ORDER BY v.id DESC LIMIT 1",
        id.0,
        |r| {
            Ok(format!(
                "{} – {}",
                super::col::<String>(r, "from_date")?,
                super::col::<String>(r, "to_date")?
            ))
        },
    )
    .await
}

/// The one row of `sql` (with `who`, `source`, `changed_at`) about record `id`, its values
/// written by `value`.
async fn last_change(
    db: &Db,
    sql: &str,
    id: i64,
    value: impl Fn(&sqlx::any::AnyRow) -> Result<String, DbError>,
) -> Result<Option<LastChange>, DbError> {
    let row = sqlx::query(sql).bind(id).fetch_optional(&db.pool).await?;
    row.map(|r| {
        Ok(LastChange {
            by: super::col(&r, "who")?,
            source: super::col(&r, "source")?,
            at: super::col(&r, "changed_at")?,
            value: value(&r)?,
        })
    })
    .transpose()
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
