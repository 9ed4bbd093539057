//! What can be wrong with a week, a plan or a time entry, and hours-and-minutes for messages.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::problem::Problem;

/// What is wrong with a week, a weekly plan or a recorded time entry; rendered through the
/// Fluent catalogue (message id + args), like [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum TimeProblem {
    /// One of the shared problems (required, out of range, date in the future, …).
    #[error(transparent)]
    Common(#[from] Problem),
    /// Not a week written as `YYYY-Www`.
    #[error("Not a week. Write the week as YYYY-Www, for example 2026-W09.")]
    NotAWeek,
    /// A week number the year does not have (week 0, week 54, or week 53 of a 52-week year).
    #[error("The year {year} has weeks 1 to {last}.")]
    NoSuchWeek {
        /// The ISO year.
        year: i32,
        /// Its last week, 52 or 53.
        last: u32,
    },
    /// An end (time) that is not after the start.
    #[error("The end time must be after the start time.")]
    EndNotAfterStart,
    /// A time entry whose start and end fall on different days.
    #[error("Start and end must be on the same day.")]
    NotSameDay,
    /// A time entry that ends after the present moment.
    #[error("The time is in the future. Only time that has already ended can be recorded.")]
    TimeInFuture,
    /// A time entry that overlaps an entry of the same kind already recorded.
    #[error("Overlaps time already recorded from {start} to {end}.")]
    Overlaps {
        /// Start of the recorded entry, `HH:MM`.
        start: String,
        /// End of the recorded entry, `HH:MM`.
        end: String,
    },
    /// More than the daily limit of one kind of time on one day.
    #[error("At most {max_hours} hours of one kind per day. With this entry the day would have {hours} h {minutes} min.")]
    OverDailyLimit {
        /// The limit in whole hours (12).
        max_hours: u32,
        /// Hours of the day's total including the new entry.
        hours: u32,
        /// Remaining minutes (0–59) of that total.
        minutes: u32,
    },
    /// A weekly plan with less teaching than the weekly minimum; the shortfall is given.
    #[error("The plan has {hours} h {minutes} min too little teaching per week.")]
    TeachingUnderMinimum {
        /// Whole hours of the shortfall.
        hours: u32,
        /// Remaining minutes (0–59) of the shortfall.
        minutes: u32,
    },
    /// A weekly plan with less self-study than the weekly minimum; the shortfall is given.
    #[error("The plan has {hours} h {minutes} min too little self-study per week. Plan at least as much self-study as the teaching minimum.")]
    SelfStudyUnderMinimum {
        /// Whole hours of the shortfall.
        hours: u32,
        /// Remaining minutes (0–59) of the shortfall.
        minutes: u32,
    },
    /// A teaching block that overlaps another block on the same weekday.
    #[error("Overlaps another teaching block on the same day ({start}–{end}).")]
    BlocksOverlap {
        /// Start of the other block, `HH:MM`.
        start: String,
        /// End of the other block, `HH:MM`.
        end: String,
    },
}

impl TimeProblem {
    /// The Fluent message id, e.g. `"time-not-a-week"`; shared problems keep their own ids.
    pub fn message_id(&self) -> &'static str {
        match self {
            TimeProblem::Common(problem) => problem.message_id(),
            TimeProblem::NotAWeek => "time-not-a-week",
            TimeProblem::NoSuchWeek { .. } => "time-no-such-week",
            TimeProblem::EndNotAfterStart => "time-end-not-after-start",
            TimeProblem::NotSameDay => "time-not-same-day",
            TimeProblem::TimeInFuture => "time-in-future",
            TimeProblem::Overlaps { .. } => "time-overlaps",
            TimeProblem::OverDailyLimit { .. } => "time-over-daily-limit",
            TimeProblem::TeachingUnderMinimum { .. } => "time-plan-teaching-under-minimum",
            TimeProblem::SelfStudyUnderMinimum { .. } => "time-plan-self-study-under-minimum",
            TimeProblem::BlocksOverlap { .. } => "time-plan-blocks-overlap",
        }
    }

    /// The Fluent arguments of the message, as strings.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            TimeProblem::Common(problem) => problem.args(),
            TimeProblem::NoSuchWeek { year, last } => {
                vec![("year", year.to_string()), ("last", last.to_string())]
            }
            TimeProblem::Overlaps { start, end } | TimeProblem::BlocksOverlap { start, end } => {
                vec![("start", start.clone()), ("end", end.clone())]
            }
            TimeProblem::OverDailyLimit {
                max_hours,
                hours,
                minutes,
            } => vec![
                ("max_hours", max_hours.to_string()),
                ("hours", hours.to_string()),
                ("minutes", minutes.to_string()),
            ],
            TimeProblem::TeachingUnderMinimum { hours, minutes }
            | TimeProblem::SelfStudyUnderMinimum { hours, minutes } => {
                vec![
                    ("hours", hours.to_string()),
                    ("minutes", minutes.to_string()),
                ]
            }
            TimeProblem::NotAWeek
            | TimeProblem::EndNotAfterStart
            | TimeProblem::NotSameDay
            | TimeProblem::TimeInFuture => Vec::new(),
        }
    }
}

/// A number of minutes split into whole hours and remaining minutes, for messages such as
/// "1 h 30 min too little teaching".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct HoursMinutes {
    /// Whole hours.
    pub hours: u32,
    /// Remaining minutes, 0–59.
    pub minutes: u32,
}

impl HoursMinutes {
    /// Splits `minutes` into hours and minutes (90 → 1 h 30 min).
    pub fn from_minutes(minutes: u32) -> Self {
        HoursMinutes {
            hours: minutes / 60,
            minutes: minutes % 60,
        }
    }
}

impl fmt::Display for HoursMinutes {
    /// `1 h 30 min` (the abbreviations read the same in Swedish and English).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} h {} min", self.hours, self.minutes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_problems_have_ids_and_string_args() {
        let p = TimeProblem::NoSuchWeek {
            year: 2025,
            last: 52,
        };
        assert_eq!(p.message_id(), "time-no-such-week");
        assert_eq!(
            p.args(),
            [("year", "2025".to_owned()), ("last", "52".to_owned())]
        );
        assert_eq!(p.to_string(), "The year 2025 has weeks 1 to 52.");
        let common = TimeProblem::from(Problem::Required);
        assert_eq!(common.message_id(), "problem-required");
        assert_eq!(common.to_string(), Problem::Required.to_string());
    }
}
