//! Recorded time: the two kinds and the validation of one entry.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use super::{HoursMinutes, TimeProblem};
use crate::domain::problem::{parse_one_of, Problem};

/// The two kinds of recorded time; each must reach the weekly minimum on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeKind {
    /// `teaching`: a taught lesson.
    Teaching,
    /// `self_study`.
    SelfStudy,
}

impl TimeKind {
    /// All values, in the order of the file format.
    pub const ALL: [TimeKind; 2] = [TimeKind::Teaching, TimeKind::SelfStudy];

    /// The file value: `teaching` or `self_study`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::Teaching => "teaching",
            TimeKind::SelfStudy => "self_study",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, TimeKind::ALL, TimeKind::as_str)
    }
}

impl fmt::Display for TimeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Formats a clock time as `HH:MM`.
pub(super) fn hh_mm(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// Whole minutes from `start` to `end` (0 when `end` is not after `start`).
fn minutes_between(start: NaiveDateTime, end: NaiveDateTime) -> u32 {
    u32::try_from(end.signed_duration_since(start).num_minutes()).unwrap_or(0)
}

/// The most time of one kind that may be recorded for one participant on one day: 12 hours.
pub const MAX_MINUTES_PER_DAY: u32 = 12 * 60;

/// A recorded time entry (taught lesson or self-study) that passed [`TimeEntry::validate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TimeEntry {
    /// Start.
    start: NaiveDateTime,
    /// End, after the start on the same day.
    end: NaiveDateTime,
}

impl TimeEntry {
    /// Validates an entry from `start` to `end` against the same participant's entries **of the
    /// same kind** already recorded (`existing`, as `(start, end)`; when an entry is edited,
    /// leave it out of `existing`) and the present moment `now` (local time).
    ///
    /// Refuses: an end not after the start, an end on another day (these two alone, as the
    /// remaining checks need a valid interval); otherwise every one of: an end after `now`,
    /// an overlap with an existing entry (entries that only touch, 09:00–10:00 and
    /// 10:00–11:00, do not overlap; the first overlapped entry by start is named), and more
    /// than 12 hours of the kind on that day including the existing entries of that day.
    pub fn validate(
        start: NaiveDateTime,
        end: NaiveDateTime,
        existing: &[(NaiveDateTime, NaiveDateTime)],
        now: NaiveDateTime,
    ) -> Result<Self, Vec<TimeProblem>> {
        if end <= start {
            return Err(vec![TimeProblem::EndNotAfterStart]);
        }
        if end.date() != start.date() {
            return Err(vec![TimeProblem::NotSameDay]);
        }
        let mut problems = Vec::new();
        if end > now {
            problems.push(TimeProblem::TimeInFuture);
        }
        if let Some(&(s, e)) = existing
            .iter()
            .filter(|&&(s, e)| s < end && start < e)
            .min()
        {
            problems.push(TimeProblem::Overlaps {
                start: hh_mm(s.time()),
                end: hh_mm(e.time()),
            });
        }
        let day = start.date();
        let day_total: u64 = existing
            .iter()
            .filter(|(s, _)| s.date() == day)
            .map(|&(s, e)| u64::from(minutes_between(s, e)))
            .sum::<u64>()
            + u64::from(minutes_between(start, end));
        if day_total > u64::from(MAX_MINUTES_PER_DAY) {
            let total = HoursMinutes::from_minutes(u32::try_from(day_total).unwrap_or(u32::MAX));
            problems.push(TimeProblem::OverDailyLimit {
                max_hours: MAX_MINUTES_PER_DAY / 60,
                hours: total.hours,
                minutes: total.minutes,
            });
        }
        if problems.is_empty() {
            Ok(TimeEntry { start, end })
        } else {
            Err(problems)
        }
    }

    /// Start.
    pub fn start(self) -> NaiveDateTime {
        self.start
    }

    /// End.
    pub fn end(self) -> NaiveDateTime {
        self.end
    }

    /// The day of the entry.
    pub fn date(self) -> NaiveDate {
        self.start.date()
    }

    /// Length in whole minutes (seconds are ignored).
    pub fn minutes(self) -> u32 {
        minutes_between(self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::weeks::test_support::{at, date};

    fn now() -> NaiveDateTime {
        at(2026, 3, 2, 16, 0)
    }

    #[test]
    fn a_valid_time_entry_is_accepted_with_its_minutes() {
        let e =
            TimeEntry::validate(at(2026, 3, 2, 9, 0), at(2026, 3, 2, 10, 30), &[], now()).unwrap();
        assert_eq!(e.minutes(), 90);
        assert_eq!(e.date(), date(2026, 3, 2));
    }

    #[test]
    fn a_time_entry_must_end_after_it_starts() {
        for end in [at(2026, 3, 2, 9, 0), at(2026, 3, 2, 8, 0)] {
            assert_eq!(
                TimeEntry::validate(at(2026, 3, 2, 9, 0), end, &[], now()),
                Err(vec![TimeProblem::EndNotAfterStart])
            );
        }
    }

    #[test]
    fn a_time_entry_must_end_on_the_day_it_starts() {
        assert_eq!(
            TimeEntry::validate(at(2026, 2, 27, 22, 0), at(2026, 2, 28, 1, 0), &[], now()),
            Err(vec![TimeProblem::NotSameDay])
        );
    }

    #[test]
    fn a_time_entry_may_not_end_in_the_future() {
        assert!(
            TimeEntry::validate(at(2026, 3, 2, 15, 0), at(2026, 3, 2, 16, 0), &[], now()).is_ok()
        );
        assert_eq!(
            TimeEntry::validate(at(2026, 3, 2, 15, 0), at(2026, 3, 2, 16, 1), &[], now()),
            Err(vec![TimeProblem::TimeInFuture])
        );
    }

    #[test]
    fn a_time_entry_may_touch_but_not_overlap_one_of_the_same_kind() {
        let existing = [
            (at(2026, 3, 2, 13, 0), at(2026, 3, 2, 14, 0)),
            (at(2026, 3, 2, 8, 0), at(2026, 3, 2, 9, 15)),
        ];
        assert!(TimeEntry::validate(
            at(2026, 3, 2, 9, 15),
            at(2026, 3, 2, 13, 0),
            &existing,
            now()
        )
        .is_ok());
        assert_eq!(
            TimeEntry::validate(
                at(2026, 3, 2, 9, 0),
                at(2026, 3, 2, 13, 30),
                &existing,
                now()
            ),
            Err(vec![TimeProblem::Overlaps {
                start: "08:00".into(),
                end: "09:15".into()
            }])
        );
    }

    #[test]
    fn at_most_twelve_hours_of_one_kind_per_day() {
        let existing = [
            (at(2026, 3, 1, 6, 0), at(2026, 3, 1, 14, 0)),
            (at(2026, 2, 28, 6, 0), at(2026, 2, 28, 18, 0)),
        ];
        assert!(TimeEntry::validate(
            at(2026, 3, 1, 14, 0),
            at(2026, 3, 1, 18, 0),
            &existing,
            now()
        )
        .is_ok());
        assert_eq!(
            TimeEntry::validate(
                at(2026, 3, 1, 14, 0),
                at(2026, 3, 1, 18, 1),
                &existing,
                now()
            ),
            Err(vec![TimeProblem::OverDailyLimit {
                max_hours: 12,
                hours: 12,
                minutes: 1
            }])
        );
    }

    #[test]
    fn every_time_entry_problem_is_reported_at_once() {
        let existing = [(at(2026, 3, 2, 4, 0), at(2026, 3, 2, 16, 0))];
        let problems = TimeEntry::validate(
            at(2026, 3, 2, 15, 0),
            at(2026, 3, 2, 17, 0),
            &existing,
            now(),
        )
        .unwrap_err();
        let ids: Vec<&str> = problems.iter().map(TimeProblem::message_id).collect();
        assert_eq!(
            ids,
            ["time-in-future", "time-overlaps", "time-over-daily-limit"]
        );
    }
}
