//! Recorded time entries: the `teaching` columns, the raw row and the valid record.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{format_clock, parse_clock};
use crate::domain::participant::{format_date, parse_date, Email, ParticipantRef};
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::weeks::{IsoWeek, TimeEntry, TimeKind, TimeProblem};

/// The columns of the `teaching` kind, in export order.
pub const TEACHING_COLUMNS: [&str; 6] = [
    "participant_ref",
    "date",
    "start",
    "end",
    "kind",
    "teacher_email",
];

/// The text fields of one `teaching` row (or one time form); nothing checked yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RawTimeEntry {
    /// `participant_ref`.
    pub participant_ref: String,
    /// `date`, `YYYY-MM-DD`.
    pub date: String,
    /// `start`, `HH:MM`.
    pub start: String,
    /// `end`, `HH:MM`.
    pub end: String,
    /// `kind`: `teaching` or `self_study`.
    pub kind: String,
    /// `teacher_email` (optional, only for `teaching`).
    pub teacher_email: String,
}

impl RawTimeEntry {
    /// Builds the raw entry from a column lookup (absent columns are empty).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let field = |column: &str| get(column).unwrap_or_default().to_owned();
        RawTimeEntry {
            participant_ref: field("participant_ref"),
            date: field("date"),
            start: field("start"),
            end: field("end"),
            kind: field("kind"),
            teacher_email: field("teacher_email"),
        }
    }
}

/// A valid recorded time entry (one lesson or one stretch of self-study).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeRecord {
    /// Whose time.
    pub participant_ref: ParticipantRef,
    /// The day.
    pub date: NaiveDate,
    /// Start, local time.
    pub start: NaiveTime,
    /// End, after the start on the same day, not after the present moment.
    pub end: NaiveTime,
    /// Teaching or self-study.
    pub kind: TimeKind,
    /// The teacher (teaching only).
    pub teacher_email: Option<Email>,
}

/// The natural key of a time entry: participant, date, start, kind.
pub type TimeKey = (ParticipantRef, NaiveDate, NaiveTime, TimeKind);

impl TimeRecord {
    /// Checks every field of `raw` against the present moment `now` (local time); returns every
    /// problem (in column order) if any. The end is refused when it is not after the start or
    /// lies after `now`.
    pub fn validate(raw: &RawTimeEntry, now: NaiveDateTime) -> Result<Self, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut check = |field: &str, value: &str, r: Result<(), Problem>| {
            if let Err(problem) = r {
                problems.push(FieldProblem::new(field, value, problem));
            }
        };
        let participant_ref = ParticipantRef::parse(&raw.participant_ref);
        check(
            "participant_ref",
            &raw.participant_ref,
            participant_ref.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let date = parse_date(&raw.date).and_then(|d| {
            if d > now.date() {
                Err(Problem::DateInFuture)
            } else {
                Ok(d)
            }
        });
        check(
            "date",
            &raw.date,
            date.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let start = parse_clock(&raw.start);
        check(
            "start",
            &raw.start,
            start.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let end = parse_clock(&raw.end).and_then(|end| match (&date, &start) {
            (_, Ok(start)) if end <= *start => Err(TimeProblem::EndNotAfterStart.into()),
            (Ok(date), _) if date.and_time(end) > now => Err(TimeProblem::TimeInFuture.into()),
            _ => Ok(end),
        });
        check(
            "end",
            &raw.end,
            end.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let kind = TimeKind::parse(&raw.kind);
        check(
            "kind",
            &raw.kind,
            kind.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let teacher_email = if raw.teacher_email.trim().is_empty() {
            Ok(None)
        } else if kind == Ok(TimeKind::SelfStudy) {
            Err(Problem::TeacherOnlyForTeaching)
        } else {
            Email::parse(&raw.teacher_email).map(Some)
        };
        check(
            "teacher_email",
            &raw.teacher_email,
            teacher_email.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        match (participant_ref, date, start, end, kind, teacher_email) {
            (Ok(participant_ref), Ok(date), Ok(start), Ok(end), Ok(kind), Ok(teacher_email))
                if problems.is_empty() =>
            {
                Ok(TimeRecord {
                    participant_ref,
                    date,
                    start,
                    end,
                    kind,
                    teacher_email,
                })
            }
            _ => Err(problems),
        }
    }

    /// The natural key.
    pub fn key(&self) -> TimeKey {
        (
            self.participant_ref.clone(),
            self.date,
            self.start,
            self.kind,
        )
    }

    /// Start as date and time.
    pub fn start_at(&self) -> NaiveDateTime {
        self.date.and_time(self.start)
    }

    /// End as date and time.
    pub fn end_at(&self) -> NaiveDateTime {
        self.date.and_time(self.end)
    }

    /// Length in whole minutes.
    pub fn minutes(&self) -> u32 {
        u32::try_from((self.end - self.start).num_minutes()).unwrap_or(0)
    }

    /// The ISO week of the day.
    pub fn week(&self) -> IsoWeek {
        IsoWeek::containing(self.date)
    }

    /// Checks the overlap and daily-limit rules against the same participant's entries of the
    /// same kind (`existing`, as `(start, end)`; leave out the entry this one replaces).
    /// An overlap is reported on `start`, the daily limit on `end`.
    pub fn check_against(
        &self,
        existing: &[(NaiveDateTime, NaiveDateTime)],
        now: NaiveDateTime,
    ) -> Result<(), Vec<FieldProblem>> {
        match TimeEntry::validate(self.start_at(), self.end_at(), existing, now) {
            Ok(_) => Ok(()),
            Err(problems) => Err(problems
                .into_iter()
                .map(|p| {
                    let (field, value) = match p {
                        TimeProblem::Overlaps { .. } => ("start", format_clock(self.start)),
                        _ => ("end", format_clock(self.end)),
                    };
                    FieldProblem::new(field, value, p.into())
                })
                .collect()),
        }
    }

    /// The row of a `teaching` export, in the order of [`TEACHING_COLUMNS`].
    pub fn to_csv_fields(&self) -> Vec<String> {
        vec![
            self.participant_ref.as_str().to_owned(),
            format_date(self.date),
            format_clock(self.start),
            format_clock(self.end),
            self.kind.as_str().to_owned(),
            self.teacher_email
                .as_ref()
                .map(|e| e.as_str().to_owned())
                .unwrap_or_default(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time_record::test_support::fields;
    use proptest::prelude::*;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    fn raw(date: &str, start: &str, end: &str, kind: &str, teacher: &str) -> RawTimeEntry {
        RawTimeEntry {
            participant_ref: "P-1".into(),
            date: date.into(),
            start: start.into(),
            end: end.into(),
            kind: kind.into(),
            teacher_email: teacher.into(),
        }
    }

    #[test]
    fn a_valid_entry_parses_and_prints_back() {
        let r = TimeRecord::validate(
            &raw("2026-11-20", "8:00", "10:30", "Teaching", "T@School.se"),
            now(),
        )
        .unwrap();
        assert_eq!(r.minutes(), 150);
        assert_eq!(
            r.to_csv_fields(),
            [
                "P-1",
                "2026-11-20",
                "08:00",
                "10:30",
                "teaching",
                "t@school.se"
            ]
        );
        assert_eq!(r.week().to_string(), "2026-W47");
    }

    #[test]
    fn every_field_problem_is_reported_at_once() {
        let e = TimeRecord::validate(&raw("2026-13-01", "8", "x", "lesson", "nope"), now())
            .unwrap_err();
        assert_eq!(
            fields(&e),
            ["date", "start", "end", "kind", "teacher_email"]
        );
    }

    #[test]
    fn end_after_start_and_not_in_the_future() {
        let e = TimeRecord::validate(&raw("2026-11-20", "10:00", "10:00", "teaching", ""), now())
            .unwrap_err();
        assert_eq!(e[0].problem, TimeProblem::EndNotAfterStart.into());
        let e = TimeRecord::validate(&raw("2026-11-23", "11:00", "12:30", "teaching", ""), now())
            .unwrap_err();
        assert_eq!(e[0].problem, TimeProblem::TimeInFuture.into());
        let e = TimeRecord::validate(&raw("2026-11-24", "08:00", "09:00", "teaching", ""), now())
            .unwrap_err();
        assert_eq!(e[0].problem, Problem::DateInFuture);
        assert!(
            TimeRecord::validate(&raw("2026-11-23", "11:00", "12:00", "teaching", ""), now())
                .is_ok()
        );
    }

    #[test]
    fn self_study_has_no_teacher() {
        let e = TimeRecord::validate(
            &raw("2026-11-20", "18:00", "19:00", "self_study", "t@school.se"),
            now(),
        )
        .unwrap_err();
        assert_eq!(e[0].problem, Problem::TeacherOnlyForTeaching);
    }

    #[test]
    fn overlap_goes_on_start_and_the_daily_limit_on_end() {
        let r = TimeRecord::validate(&raw("2026-11-20", "09:00", "10:00", "teaching", ""), now())
            .unwrap();
        let d = r.date;
        let at = |h: u32, m: u32| d.and_hms_opt(h, m, 0).unwrap();
        let e = r
            .check_against(&[(at(8, 30), at(9, 30)), (at(10, 0), at(21, 0))], now())
            .unwrap_err();
        assert_eq!(fields(&e), ["start", "end"]);
        assert!(r.check_against(&[(at(8, 0), at(9, 0))], now()).is_ok());
    }

    proptest! {
        #[test]
        fn validation_never_panics(date in "\\PC{0,12}", start in "\\PC{0,6}", end in "\\PC{0,6}", kind in "\\PC{0,12}") {
            let _ = TimeRecord::validate(&raw(&date, &start, &end, &kind, ""), now());
        }
    }
}
