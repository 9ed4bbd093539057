//! Recorded time and absences as entered on a page or read from a `teaching` or `absences`
//! file (FORMATS.md): the raw text fields, the valid records they parse into, and the
//! compliance of a participant's weeks computed from stored minutes.
//!
//! Two rules need other records and are checked by the caller with the values from the
//! database: overlaps and the daily limit ([`TimeRecord::check_against`], with the same
//! participant's entries of the same kind), and whether `teacher_email` belongs to a teacher.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use super::participant::{format_date, parse_date, plain_text, Email, ParticipantRef};
use super::problem::{parse_one_of, FieldProblem, Problem};
use super::weeks::{
    enrolled_in, IsoWeek, TimeEntry, TimeKind, TimeProblem, WeekCompliance, WeekStatus,
    WeeklyMinimum,
};

/// The columns of the `teaching` kind, in export order.
pub const TEACHING_COLUMNS: [&str; 6] = [
    "participant_ref",
    "date",
    "start",
    "end",
    "kind",
    "teacher_email",
];

/// The columns of the `absences` kind, in export order.
pub const ABSENCE_COLUMNS: [&str; 5] =
    ["participant_ref", "from_date", "to_date", "reason", "note"];

/// Parses a clock time `HH:MM` (24 hours; a one-digit hour such as `8:30` is accepted).
pub fn parse_clock(s: &str) -> Result<NaiveTime, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    let (h, m) = s.split_once(':').ok_or(Problem::NotATime)?;
    let digits = |t: &str, max_len: usize| {
        !t.is_empty() && t.len() <= max_len && t.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(h, 2) || !digits(m, 2) || m.len() != 2 {
        return Err(Problem::NotATime);
    }
    let (h, m) = (
        h.parse::<u32>().map_err(|_| Problem::NotATime)?,
        m.parse::<u32>().map_err(|_| Problem::NotATime)?,
    );
    NaiveTime::from_hms_opt(h, m, 0).ok_or(Problem::NotATime)
}

/// Formats a clock time as `HH:MM`.
pub fn format_clock(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// The ISO week of `date` as the number `YYYYWW` (e.g. `202609`), as stored beside each entry
/// so that a week range is a range of numbers.
pub fn week_code(week: IsoWeek) -> i64 {
    i64::from(week.year()) * 100 + i64::from(week.week())
}

/// The week of a `YYYYWW` number, if it is one.
pub fn week_of_code(code: i64) -> Option<IsoWeek> {
    let year = i32::try_from(code / 100).ok()?;
    let week = u32::try_from(code % 100).ok()?;
    IsoWeek::new(year, week).ok()
}

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

/// Why a participant was absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbsenceReason {
    /// `illness`
    Illness,
    /// `parental_leave`
    ParentalLeave,
    /// `holiday` (school holidays)
    Holiday,
    /// `closure` (the school or SFI closed)
    Closure,
    /// `other`
    Other,
}

impl AbsenceReason {
    /// All reasons, in the order of the file format.
    pub const ALL: [AbsenceReason; 5] = [
        AbsenceReason::Illness,
        AbsenceReason::ParentalLeave,
        AbsenceReason::Holiday,
        AbsenceReason::Closure,
        AbsenceReason::Other,
    ];

    /// The file value.
    pub fn as_str(self) -> &'static str {
        match self {
            AbsenceReason::Illness => "illness",
            AbsenceReason::ParentalLeave => "parental_leave",
            AbsenceReason::Holiday => "holiday",
            AbsenceReason::Closure => "closure",
            AbsenceReason::Other => "other",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, AbsenceReason::ALL, AbsenceReason::as_str)
    }
}

/// The text fields of one `absences` row (or the absence form); nothing checked yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RawAbsence {
    /// `participant_ref`.
    pub participant_ref: String,
    /// `from_date`.
    pub from_date: String,
    /// `to_date`.
    pub to_date: String,
    /// `reason`.
    pub reason: String,
    /// `note` (optional).
    pub note: String,
}

impl RawAbsence {
    /// Builds the raw absence from a column lookup (absent columns are empty).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let field = |column: &str| get(column).unwrap_or_default().to_owned();
        RawAbsence {
            participant_ref: field("participant_ref"),
            from_date: field("from_date"),
            to_date: field("to_date"),
            reason: field("reason"),
            note: field("note"),
        }
    }
}

/// A valid absence: both days included. Absences may lie in the future (a planned holiday or
/// parental leave).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AbsenceRecord {
    /// Whose absence.
    pub participant_ref: ParticipantRef,
    /// First day.
    pub from_date: NaiveDate,
    /// Last day, not before the first.
    pub to_date: NaiveDate,
    /// Why.
    pub reason: AbsenceReason,
    /// A note, at most [`AbsenceRecord::MAX_NOTE`] characters (may be empty).
    pub note: String,
}

impl AbsenceRecord {
    /// Longest note, in characters.
    pub const MAX_NOTE: usize = 500;

    /// Checks every field of `raw`; returns every problem (in column order) if any.
    pub fn validate(raw: &RawAbsence) -> Result<Self, Vec<FieldProblem>> {
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
        let from_date = parse_date(&raw.from_date);
        check(
            "from_date",
            &raw.from_date,
            from_date.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let to_date = parse_date(&raw.to_date).and_then(|to| match &from_date {
            Ok(from) if to < *from => Err(Problem::EndBeforeStart),
            _ => Ok(to),
        });
        check(
            "to_date",
            &raw.to_date,
            to_date.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let reason = AbsenceReason::parse(&raw.reason);
        check(
            "reason",
            &raw.reason,
            reason.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let note = if raw.note.trim().is_empty() {
            Ok(String::new())
        } else {
            plain_text(&raw.note, Self::MAX_NOTE)
        };
        check(
            "note",
            &raw.note,
            note.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        match (participant_ref, from_date, to_date, reason, note) {
            (Ok(participant_ref), Ok(from_date), Ok(to_date), Ok(reason), Ok(note))
                if problems.is_empty() =>
            {
                Ok(AbsenceRecord {
                    participant_ref,
                    from_date,
                    to_date,
                    reason,
                    note,
                })
            }
            _ => Err(problems),
        }
    }

    /// The natural key: participant and first day.
    pub fn key(&self) -> (ParticipantRef, NaiveDate) {
        (self.participant_ref.clone(), self.from_date)
    }

    /// The row of an `absences` export, in the order of [`ABSENCE_COLUMNS`].
    pub fn to_csv_fields(&self) -> Vec<String> {
        vec![
            self.participant_ref.as_str().to_owned(),
            format_date(self.from_date),
            format_date(self.to_date),
            self.reason.as_str().to_owned(),
            self.note.clone(),
        ]
    }
}

/// What is known about one participant for measuring weeks: the enrolment and the absences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// First day of the introduction.
    pub start: NaiveDate,
    /// Last day, if known (finished, or planned).
    pub end: Option<NaiveDate>,
    /// Absences, `(from, to)` with both days included.
    pub absences: Vec<(NaiveDate, NaiveDate)>,
}

/// Minutes recorded per week, `(teaching, self_study)`.
pub type WeekMinutes = HashMap<IsoWeek, (u32, u32)>;

/// The participant's weeks from `from` to `to` (both included) in which they were enrolled on
/// at least one day, each measured against `minimum` (the rows of the `compliance` export).
pub fn weeks_of(
    enrolment: &Enrolment,
    from: IsoWeek,
    to: IsoWeek,
    minimum: WeeklyMinimum,
    minutes: &WeekMinutes,
) -> Vec<WeekCompliance> {
    IsoWeek::range(from, to)
        .filter(|&w| enrolled_in(w, enrolment.start, enrolment.end))
        .map(|w| {
            let (teaching, self_study) = minutes.get(&w).copied().unwrap_or((0, 0));
            WeekCompliance::compute(
                w,
                minimum,
                enrolment.start,
                enrolment.end,
                &enrolment.absences,
                teaching,
                self_study,
            )
        })
        .collect()
}

/// Participant-weeks counted by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tally {
    /// Weeks met.
    pub met: u32,
    /// Weeks short.
    pub short: u32,
    /// Weeks excused.
    pub excused: u32,
}

impl Tally {
    /// Counts one week.
    pub fn add(&mut self, status: WeekStatus) {
        match status {
            WeekStatus::Met => self.met += 1,
            WeekStatus::Short => self.short += 1,
            WeekStatus::Excused => self.excused += 1,
        }
    }

    /// Adds another tally.
    pub fn merge(&mut self, other: Tally) {
        self.met += other.met;
        self.short += other.short;
        self.excused += other.excused;
    }

    /// All weeks counted.
    pub fn total(self) -> u32 {
        self.met + self.short + self.excused
    }

    /// The share of weeks met among the weeks that counted (met + short), in whole per mille
    /// (0–1000); `None` when no week counted. Excused weeks are neither met nor missed.
    pub fn share_met_permille(self) -> Option<u32> {
        let counted = self.met + self.short;
        (counted > 0).then(|| (u64::from(self.met) * 1000 / u64::from(counted)) as u32)
    }
}

/// The day of the week as 1 (Monday) … 7 (Sunday), as stored with plan blocks.
pub fn weekday_number(date: NaiveDate) -> u32 {
    date.weekday().number_from_monday()
}

#[cfg(test)]
mod tests {
    use super::*;
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

    fn fields(problems: &[FieldProblem]) -> Vec<&str> {
        problems.iter().map(|p| p.field.as_str()).collect()
    }

    #[test]
    fn clock_times_parse_strictly() {
        assert_eq!(
            parse_clock("08:30"),
            Ok(NaiveTime::from_hms_opt(8, 30, 0).unwrap())
        );
        assert_eq!(
            parse_clock(" 8:05 "),
            Ok(NaiveTime::from_hms_opt(8, 5, 0).unwrap())
        );
        for bad in [
            "8", "8.30", "24:00", "12:60", "123:00", "12:5", "a:bc", "-1:00",
        ] {
            assert_eq!(parse_clock(bad), Err(Problem::NotATime), "{bad}");
        }
        assert_eq!(parse_clock(" "), Err(Problem::Required));
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

    #[test]
    fn absences_check_their_dates_and_reason() {
        let ok = AbsenceRecord::validate(&RawAbsence {
            participant_ref: "P-1".into(),
            from_date: "2026-12-21".into(),
            to_date: "2027-01-06".into(),
            reason: "Holiday".into(),
            note: " jullov ".into(),
        })
        .unwrap();
        assert_eq!(
            ok.to_csv_fields(),
            ["P-1", "2026-12-21", "2027-01-06", "holiday", "jullov"]
        );
        let e = AbsenceRecord::validate(&RawAbsence {
            participant_ref: "P 1".into(),
            from_date: "2026-12-21".into(),
            to_date: "2026-12-20".into(),
            reason: "sick".into(),
            note: "a\u{7}b".into(),
        })
        .unwrap_err();
        assert_eq!(fields(&e), ["participant_ref", "to_date", "reason", "note"]);
        assert_eq!(e[1].problem, Problem::EndBeforeStart);
    }

    #[test]
    fn weeks_of_a_participant_cover_the_enrolled_weeks_only() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let enrolment = Enrolment {
            start: d(2026, 12, 30),
            end: Some(d(2027, 1, 13)),
            absences: vec![(d(2027, 1, 4), d(2027, 1, 8))],
        };
        let mut minutes = WeekMinutes::new();
        minutes.insert(IsoWeek::parse("2027-W02").unwrap(), (300, 200));
        let weeks = weeks_of(
            &enrolment,
            IsoWeek::parse("2026-W50").unwrap(),
            IsoWeek::parse("2027-W10").unwrap(),
            WeeklyMinimum::default(),
            &minutes,
        );
        let summary: Vec<(String, u32, WeekStatus)> = weeks
            .iter()
            .map(|w| (w.week.to_string(), w.required_minutes, w.status))
            .collect();
        assert_eq!(
            summary,
            [
                ("2026-W53".to_owned(), 180, WeekStatus::Short),
                ("2027-W01".to_owned(), 0, WeekStatus::Excused),
                ("2027-W02".to_owned(), 180, WeekStatus::Met),
            ]
        );
        assert_eq!(weeks[2].self_study_shortfall, 0);
        assert_eq!(weeks[2].teaching_shortfall, 0);
        assert_eq!(weeks[2].required_minutes, 180);
    }

    #[test]
    fn the_tally_ignores_excused_weeks_in_the_share() {
        let mut t = Tally::default();
        for s in [
            WeekStatus::Met,
            WeekStatus::Met,
            WeekStatus::Short,
            WeekStatus::Excused,
        ] {
            t.add(s);
        }
        assert_eq!(t.total(), 4);
        assert_eq!(t.share_met_permille(), Some(666));
        assert_eq!(Tally::default().share_met_permille(), None);
    }

    proptest! {
        #[test]
        fn week_codes_round_trip(days in 0i64..40_000) {
            let date = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(days as u64);
            let week = IsoWeek::containing(date);
            prop_assert_eq!(week_of_code(week_code(week)), Some(week));
            // Codes order like weeks.
            prop_assert!(week_code(week) < week_code(week.next()));
        }

        #[test]
        fn clock_parsing_round_trips(h in 0u32..24, m in 0u32..60) {
            let t = NaiveTime::from_hms_opt(h, m, 0).unwrap();
            prop_assert_eq!(parse_clock(&format_clock(t)), Ok(t));
        }

        #[test]
        fn validation_never_panics(date in "\\PC{0,12}", start in "\\PC{0,6}", end in "\\PC{0,6}", kind in "\\PC{0,12}") {
            let _ = TimeRecord::validate(&raw(&date, &start, &end, &kind, ""), now());
        }
    }
}
