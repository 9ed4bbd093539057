//! Weekly plans, recorded time, absences, plan gaps, the calendar and the weeks against the minimum.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::domain::ids::ParticipantId;
use crate::domain::time_record::AbsenceReason;
use crate::domain::weeks::TimeKind;

/// One teaching block of a stored weekly plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanBlockRow {
    /// 1 (Monday) … 7 (Sunday).
    pub weekday: u32,
    /// Start.
    pub start: NaiveTime,
    /// End.
    pub end: NaiveTime,
    /// The teacher's e-mail, if set.
    pub teacher_email: Option<String>,
    /// The teacher's name, if set.
    pub teacher_name: Option<String>,
}

/// One version of a participant's weekly plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRow {
    /// Id.
    pub id: crate::domain::ids::PlanId,
    /// In force from this day until a later plan's `valid_from`.
    pub valid_from: NaiveDate,
    /// Planned self-study per week.
    pub self_study_minutes: u32,
    /// Planned teaching per week (sum of the blocks).
    pub teaching_minutes: u32,
    /// The blocks, by weekday and start.
    pub blocks: Vec<PlanBlockRow>,
    /// Unix seconds.
    pub created_at: i64,
    /// Who made it.
    pub created_by: Option<String>,
}

/// One recorded time entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRow {
    /// Id.
    pub id: crate::domain::ids::TimeEntryId,
    /// Whose.
    pub participant_id: ParticipantId,
    /// Teaching or self-study.
    pub kind: TimeKind,
    /// The day.
    pub date: NaiveDate,
    /// Start.
    pub start: NaiveTime,
    /// End.
    pub end: NaiveTime,
    /// Length.
    pub minutes: u32,
    /// The teacher's name (teaching).
    pub teacher_name: Option<String>,
    /// The entry's version (a removal from a page that showed an older one is refused).
    pub version: i64,
}

/// One absence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbsenceRow {
    /// Id.
    pub id: crate::domain::ids::AbsenceId,
    /// Whose.
    pub participant_id: ParticipantId,
    /// First day.
    pub from_date: NaiveDate,
    /// Last day.
    pub to_date: NaiveDate,
    /// Why.
    pub reason: AbsenceReason,
    /// Note (may be empty).
    pub note: String,
    /// The absence's version (a removal from a page that showed an older one is refused).
    pub version: i64,
}

/// An active participant whose plans do not cover them from today on (the plan-coverage lists
/// of the coordinator's start page, the compliance report and the mentor's start page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanGap {
    /// Id.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// Given and family name.
    pub name: String,
    /// School.
    pub school: String,
    /// Mentor's name, if any.
    pub mentor: Option<String>,
    /// Why they are listed.
    pub coverage: crate::domain::weeks::PlanCoverage,
}

/// One entry of the programme's calendar, as the calendar page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarEntry {
    /// Id.
    pub id: crate::domain::ids::CalendarId,
    /// The stored version; a delete must name it.
    pub version: i64,
    /// Scope, name, days, reason and note.
    pub days: crate::domain::calendar::ClosedDays,
}

/// One week of a participant measured against the minimum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekRow {
    /// The week.
    pub week: crate::domain::weeks::IsoWeek,
    /// Required minutes of each kind.
    pub required: u32,
    /// Taught minutes.
    pub teaching: u32,
    /// Self-study minutes.
    pub self_study: u32,
    /// Teaching shortfall.
    pub teaching_short: u32,
    /// Self-study shortfall.
    pub self_study_short: u32,
    /// Met, short or excused (for the running week: so far).
    pub status: crate::domain::weeks::WeekStatus,
    /// The week is still running.
    pub current: bool,
    /// The calendar's closed days on a weekday of this week (reason and note, e.g. `Höstlov`),
    /// for the participant's programme, district or school.
    pub closed: Vec<(crate::domain::calendar::ClosedReason, String)>,
}

impl WeekRow {
    /// The row of a measured week; `current` marks the running week.
    pub fn from_week(w: &crate::domain::weeks::WeekCompliance, current: bool) -> Self {
        WeekRow {
            week: w.week,
            required: w.required_minutes,
            teaching: w.teaching_minutes,
            self_study: w.self_study_minutes,
            teaching_short: w.teaching_shortfall,
            self_study_short: w.self_study_shortfall,
            status: w.status,
            current,
            closed: Vec::new(),
        }
    }

    /// The name of the tile's state in class names and catalogue ids: `current` for the
    /// running week, else `met`, `short` or `excused`.
    pub fn state(&self) -> &'static str {
        if self.current {
            "current"
        } else {
            self.status.as_str()
        }
    }

    /// A past week that was short (the running week is never counted as short yet).
    pub fn is_short(&self) -> bool {
        !self.current && self.status == crate::domain::weeks::WeekStatus::Short
    }
}
