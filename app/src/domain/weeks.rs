//! ISO weeks and the weekly teaching minimum (issue 5; `../shared/FORMATS.md`, "The weekly
//! minimum, exactly"): the week arithmetic, one participant-week's compliance, the rule that a
//! weekly plan cannot fall under the minimum, and the validation of recorded time.
//!
//! Pure: no clock reads (the caller passes `now`), no I/O. Compiled for the browser too.
//!
//! Minutes are whole numbers throughout, and all arithmetic on them is exact integer
//! arithmetic: the pro-rata minimum `minimum × d / 5` is rounded **up**, so the floor is never
//! lowered (with the default 300 minutes it is always exact: 60 minutes per counted weekday).

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

use super::problem::{parse_one_of, Problem};

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

/// The first Monday an [`IsoWeek`] can have: 0001-01-01, the Monday of 0001-W01.
const FIRST_MONDAY: NaiveDate = match NaiveDate::from_ymd_opt(1, 1, 1) {
    Some(date) => date,
    None => NaiveDate::MIN,
};

/// The last Monday an [`IsoWeek`] can have: 9999-12-27, the Monday of 9999-W52.
const LAST_MONDAY: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 27) {
    Some(date) => date,
    None => NaiveDate::MAX,
};

/// An ISO 8601 week (Monday–Sunday), written `2026-W09`, of an ISO year 1–9999.
///
/// The ISO year can differ from the calendar year of some of its days: 2026-W01 starts on
/// Monday 2025-12-29, and 2027-01-01 lies in 2026-W53. Weeks order chronologically.
/// Serialised as its text, `"2026-W09"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IsoWeek {
    /// The Monday of the week; always a Monday in `FIRST_MONDAY..=LAST_MONDAY`.
    monday: NaiveDate,
}

/// The number of ISO weeks of `year`: 53 or 52 (a year has week 53 when 28 December lies in it).
pub fn weeks_in_year(year: i32) -> u32 {
    NaiveDate::from_ymd_opt(year, 12, 28).map_or(52, |d| d.iso_week().week())
}

impl IsoWeek {
    /// The week `week` of the ISO year `year`; refuses years outside 1–9999 and week numbers
    /// the year does not have.
    pub fn new(year: i32, week: u32) -> Result<Self, TimeProblem> {
        if !(1..=9999).contains(&year) {
            return Err(Problem::OutOfRange { min: 1, max: 9999 }.into());
        }
        let last = weeks_in_year(year);
        if !(1..=last).contains(&week) {
            return Err(TimeProblem::NoSuchWeek { year, last });
        }
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
            .map(|monday| IsoWeek { monday })
            .ok_or(TimeProblem::NoSuchWeek { year, last })
    }

    /// Parses `YYYY-Www`, e.g. `2026-W09` (surrounding whitespace and a lower-case `w` are
    /// accepted; the year has four digits, the week two).
    pub fn parse(s: &str) -> Result<Self, TimeProblem> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Problem::Required.into());
        }
        let b = s.as_bytes();
        let shape_ok = b.len() == 8
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && (b[5] == b'W' || b[5] == b'w')
            && b[6..].iter().all(u8::is_ascii_digit);
        if !shape_ok {
            return Err(TimeProblem::NotAWeek);
        }
        let year: i32 = s[..4].parse().map_err(|_| TimeProblem::NotAWeek)?;
        let week: u32 = s[6..].parse().map_err(|_| TimeProblem::NotAWeek)?;
        if year == 0 {
            return Err(TimeProblem::NotAWeek);
        }
        IsoWeek::new(year, week)
    }

    /// The week that contains `date`. Dates before 0001-01-01 give 0001-W01 and dates after
    /// 10000-01-02 give 9999-W52 (the range of four-digit ISO years).
    pub fn containing(date: NaiveDate) -> Self {
        let monday = date
            .week(Weekday::Mon)
            .checked_first_day()
            .unwrap_or(FIRST_MONDAY)
            .clamp(FIRST_MONDAY, LAST_MONDAY);
        IsoWeek { monday }
    }

    /// The ISO year (which may differ from the calendar year of the week's Monday).
    pub fn year(self) -> i32 {
        self.monday.iso_week().year()
    }

    /// The week number, 1–53.
    pub fn week(self) -> u32 {
        self.monday.iso_week().week()
    }

    /// The Monday of the week.
    pub fn monday(self) -> NaiveDate {
        self.monday
    }

    /// The Sunday of the week.
    pub fn sunday(self) -> NaiveDate {
        self.monday + Days::new(6)
    }

    /// Monday to Friday of the week, in order.
    pub fn weekdays(self) -> [NaiveDate; 5] {
        std::array::from_fn(|i| self.monday + Days::new(i as u64))
    }

    /// Monday to Sunday of the week, in order.
    pub fn days(self) -> [NaiveDate; 7] {
        std::array::from_fn(|i| self.monday + Days::new(i as u64))
    }

    /// Whether `date` lies in this week (Monday to Sunday).
    pub fn contains(self, date: NaiveDate) -> bool {
        (self.monday..=self.sunday()).contains(&date)
    }

    /// The following week; 9999-W52, the last week, is its own successor.
    pub fn next(self) -> Self {
        if self.monday >= LAST_MONDAY {
            self
        } else {
            IsoWeek {
                monday: self.monday + Days::new(7),
            }
        }
    }

    /// The preceding week; 0001-W01, the first week, is its own predecessor.
    pub fn prev(self) -> Self {
        if self.monday <= FIRST_MONDAY {
            self
        } else {
            IsoWeek {
                monday: self.monday - Days::new(7),
            }
        }
    }

    /// The weeks from `from` to `to`, both included, in order; empty when `to` is before `from`.
    pub fn range(from: IsoWeek, to: IsoWeek) -> IsoWeekRange {
        IsoWeekRange {
            next: (from <= to).then_some(from),
            last: to,
        }
    }
}

impl fmt::Display for IsoWeek {
    /// `2026-W09`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year(), self.week())
    }
}

impl std::str::FromStr for IsoWeek {
    type Err = TimeProblem;

    fn from_str(s: &str) -> Result<Self, TimeProblem> {
        IsoWeek::parse(s)
    }
}

impl TryFrom<String> for IsoWeek {
    type Error = TimeProblem;

    fn try_from(s: String) -> Result<Self, TimeProblem> {
        IsoWeek::parse(&s)
    }
}

impl From<IsoWeek> for String {
    fn from(week: IsoWeek) -> String {
        week.to_string()
    }
}

/// The weeks of [`IsoWeek::range`], in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IsoWeekRange {
    /// The next week to yield, if any.
    next: Option<IsoWeek>,
    /// The last week to yield.
    last: IsoWeek,
}

impl Iterator for IsoWeekRange {
    type Item = IsoWeek;

    fn next(&mut self) -> Option<IsoWeek> {
        let current = self.next?;
        self.next = (current < self.last).then(|| current.next());
        Some(current)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.next.map_or(0, |next| {
            let days = self
                .last
                .monday
                .signed_duration_since(next.monday)
                .num_days();
            usize::try_from(days / 7 + 1).unwrap_or(0)
        });
        (n, Some(n))
    }
}

impl ExactSizeIterator for IsoWeekRange {}

impl std::iter::FusedIterator for IsoWeekRange {}

/// Whether a participant enrolled from `start` to `end` (both included; `None` = still
/// enrolled) was enrolled on at least one day (Monday–Sunday) of `week`. This chooses the weeks
/// that appear in the `compliance` export.
pub fn enrolled_in(week: IsoWeek, start: NaiveDate, end: Option<NaiveDate>) -> bool {
    let last = end.map_or(week.sunday(), |end| end.min(week.sunday()));
    start.max(week.monday()) <= last
}

/// The weekly teaching minimum in minutes, a setting; the model's five hours (300) by default.
/// The same number of minutes of self-study is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct WeeklyMinimum {
    /// Minutes per full week, `1..=WeeklyMinimum::MAX`.
    minutes: u32,
}

impl Default for WeeklyMinimum {
    fn default() -> Self {
        WeeklyMinimum {
            minutes: Self::DEFAULT_MINUTES,
        }
    }
}

impl WeeklyMinimum {
    /// The model's five clock hours.
    pub const DEFAULT_MINUTES: u32 = 300;
    /// The largest setting: 60 hours, 12 hours on each weekday.
    pub const MAX: u32 = 3600;

    /// A minimum of `minutes` per full week, 1 to 3600.
    pub fn new(minutes: u32) -> Result<Self, Problem> {
        if (1..=Self::MAX).contains(&minutes) {
            Ok(WeeklyMinimum { minutes })
        } else {
            Err(Problem::OutOfRange {
                min: 1,
                max: i64::from(Self::MAX),
            })
        }
    }

    /// Parses a number of minutes written with digits, 1 to 3600.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Problem::NotAnInteger);
        }
        WeeklyMinimum::new(s.parse().unwrap_or(u32::MAX))
    }

    /// Minutes per full week.
    pub fn minutes(self) -> u32 {
        self.minutes
    }

    /// The minutes required for a week in which `weekdays` (0–5) weekdays count:
    /// `minimum × d / 5`, rounded up so that the floor is never lowered (exact for 300).
    /// Values of `weekdays` above 5 count as 5.
    pub fn required_minutes(self, weekdays: u8) -> u32 {
        let d = u64::from(weekdays.min(5));
        let required = (u64::from(self.minutes) * d).div_ceil(5);
        u32::try_from(required).unwrap_or(self.minutes)
    }
}

impl TryFrom<u32> for WeeklyMinimum {
    type Error = Problem;

    fn try_from(minutes: u32) -> Result<Self, Problem> {
        WeeklyMinimum::new(minutes)
    }
}

impl From<WeeklyMinimum> for u32 {
    fn from(minimum: WeeklyMinimum) -> u32 {
        minimum.minutes
    }
}

/// The number *d* of FORMATS.md: the weekdays (Monday–Friday) of `week` on or after `start`,
/// not after `end` (if any) and not covered by any absence. Absences are `(from, to)` with both
/// days included; overlapping absences count each day once, and an absence whose `to` is
/// before its `from` covers nothing.
pub fn weekdays_counted(
    week: IsoWeek,
    start: NaiveDate,
    end: Option<NaiveDate>,
    absences: &[(NaiveDate, NaiveDate)],
) -> u8 {
    let friday = week.monday() + Days::new(4);
    // Bit i stands for the weekday `monday + i`.
    let span = |from: NaiveDate, to: NaiveDate| -> u8 {
        let from = from.max(week.monday());
        let to = to.min(friday);
        if from > to {
            return 0;
        }
        let offset = |d: NaiveDate| d.weekday().num_days_from_monday();
        let width = offset(to) - offset(from) + 1;
        (((1u16 << width) - 1) << offset(from)) as u8
    };
    let enrolled = span(start, end.unwrap_or(friday));
    let absent = absences
        .iter()
        .fold(0u8, |bits, &(from, to)| bits | span(from, to));
    // `count_ones` of a u8 is at most 8; here at most 5.
    (enrolled & !absent).count_ones() as u8
}

/// How one participant-week turned out against the minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WeekStatus {
    /// Both taught and self-study minutes reached the required minutes (and *d* > 0).
    Met,
    /// At least one kind fell short.
    Short,
    /// No weekday counted (*d* = 0): absence, holiday, or not enrolled on any weekday.
    Excused,
}

impl WeekStatus {
    /// All values, in the order of the file format.
    pub const ALL: [WeekStatus; 3] = [WeekStatus::Met, WeekStatus::Short, WeekStatus::Excused];

    /// The file value: `met`, `short` or `excused`.
    pub fn as_str(self) -> &'static str {
        match self {
            WeekStatus::Met => "met",
            WeekStatus::Short => "short",
            WeekStatus::Excused => "excused",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, WeekStatus::ALL, WeekStatus::as_str)
    }
}

impl fmt::Display for WeekStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The columns of the `compliance` export, in order.
pub const COMPLIANCE_COLUMNS: [&str; 8] = [
    "participant_ref",
    "iso_week",
    "required_minutes",
    "teaching_minutes",
    "self_study_minutes",
    "teaching_shortfall",
    "self_study_shortfall",
    "status",
];

/// One participant-week measured against the weekly minimum, exactly as FORMATS.md defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WeekCompliance {
    /// The week.
    pub week: IsoWeek,
    /// *d*: weekdays of the week on/after the start, not after the end, not absent (0–5).
    pub weekdays_counted: u8,
    /// `minimum × d / 5`, rounded up.
    pub required_minutes: u32,
    /// Taught minutes recorded in the week (any day, absence days included).
    pub teaching_minutes: u32,
    /// Self-study minutes recorded in the week (any day, absence days included).
    pub self_study_minutes: u32,
    /// `max(0, required − teaching)`.
    pub teaching_shortfall: u32,
    /// `max(0, required − self-study)`.
    pub self_study_shortfall: u32,
    /// Met, short or excused.
    pub status: WeekStatus,
}

impl WeekCompliance {
    /// Measures one participant-week. `start`/`end` are the participant's first and (if known)
    /// last day; `absences` are `(from, to)` with both days included; the minutes are all time
    /// of each kind recorded on any day (Monday–Sunday) of `week`.
    pub fn compute(
        week: IsoWeek,
        minimum: WeeklyMinimum,
        start: NaiveDate,
        end: Option<NaiveDate>,
        absences: &[(NaiveDate, NaiveDate)],
        teaching_minutes: u32,
        self_study_minutes: u32,
    ) -> Self {
        let d = weekdays_counted(week, start, end, absences);
        let required = minimum.required_minutes(d);
        let teaching_shortfall = required.saturating_sub(teaching_minutes);
        let self_study_shortfall = required.saturating_sub(self_study_minutes);
        let status = if d == 0 {
            WeekStatus::Excused
        } else if teaching_shortfall == 0 && self_study_shortfall == 0 {
            WeekStatus::Met
        } else {
            WeekStatus::Short
        };
        WeekCompliance {
            week,
            weekdays_counted: d,
            required_minutes: required,
            teaching_minutes,
            self_study_minutes,
            teaching_shortfall,
            self_study_shortfall,
            status,
        }
    }

    /// The row of the `compliance` export, in the order of [`COMPLIANCE_COLUMNS`].
    pub fn to_csv_fields(&self, participant_ref: &str) -> Vec<String> {
        vec![
            participant_ref.to_owned(),
            self.week.to_string(),
            self.required_minutes.to_string(),
            self.teaching_minutes.to_string(),
            self.self_study_minutes.to_string(),
            self.teaching_shortfall.to_string(),
            self.self_study_shortfall.to_string(),
            self.status.as_str().to_owned(),
        ]
    }
}

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
fn hh_mm(time: NaiveTime) -> String {
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

/// One recurring teaching block of a weekly plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TeachingBlock {
    /// The day of the week (weekend blocks are allowed: time on Saturdays and Sundays counts).
    pub weekday: Weekday,
    /// Start, local time.
    pub start: NaiveTime,
    /// End, local time; must be after `start` on the same day.
    pub end: NaiveTime,
}

impl TeachingBlock {
    /// Length in whole minutes; 0 for a block whose end is not after its start.
    pub fn minutes(self) -> u32 {
        u32::try_from((self.end - self.start).num_minutes()).unwrap_or(0)
    }
}

/// A participant's weekly plan: recurring teaching blocks and planned self-study.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WeeklyPlan {
    /// The teaching blocks, in the order the user entered them.
    pub blocks: Vec<TeachingBlock>,
    /// Planned self-study per week, in minutes.
    pub self_study_minutes: u32,
}

/// A problem with a weekly plan, tied to one of its blocks or to the plan as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanProblem {
    /// Index into [`WeeklyPlan::blocks`], or `None` for the plan as a whole.
    pub block: Option<usize>,
    /// What is wrong.
    pub problem: TimeProblem,
}

impl WeeklyPlan {
    /// Planned teaching per week in minutes: the sum of the blocks (blocks whose end is not
    /// after their start count 0).
    pub fn teaching_minutes(&self) -> u32 {
        self.blocks.iter().map(|b| b.minutes()).sum()
    }

    /// Refuses a plan that could miss the minimum, reporting every problem:
    /// a block whose end is not after its start ([`TimeProblem::EndNotAfterStart`], on that
    /// block); a block that overlaps an earlier-starting block of the same weekday
    /// ([`TimeProblem::BlocksOverlap`], on the later-starting block, naming the other one;
    /// blocks that only touch do not overlap); teaching under the minimum and self-study under
    /// the minimum, each with the shortfall in hours and minutes (on the plan as a whole).
    pub fn validate(&self, minimum: WeeklyMinimum) -> Result<(), Vec<PlanProblem>> {
        let mut problems = Vec::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if block.end <= block.start {
                problems.push(PlanProblem {
                    block: Some(i),
                    problem: TimeProblem::EndNotAfterStart,
                });
            }
        }
        let mut valid: Vec<(usize, TeachingBlock)> = self
            .blocks
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, b)| b.start < b.end)
            .collect();
        valid.sort_by_key(|&(i, b)| (b.weekday.num_days_from_monday(), b.start, b.end, i));
        let mut overlaps = Vec::new();
        for (n, &(i, block)) in valid.iter().enumerate() {
            if let Some(&(_, other)) = valid[..n]
                .iter()
                .find(|(_, o)| o.weekday == block.weekday && o.end > block.start)
            {
                overlaps.push(PlanProblem {
                    block: Some(i),
                    problem: TimeProblem::BlocksOverlap {
                        start: hh_mm(other.start),
                        end: hh_mm(other.end),
                    },
                });
            }
        }
        overlaps.sort_by_key(|p| p.block);
        problems.extend(overlaps);
        let teaching_short = minimum.minutes().saturating_sub(self.teaching_minutes());
        if teaching_short > 0 {
            let short = HoursMinutes::from_minutes(teaching_short);
            problems.push(PlanProblem {
                block: None,
                problem: TimeProblem::TeachingUnderMinimum {
                    hours: short.hours,
                    minutes: short.minutes,
                },
            });
        }
        let self_study_short = minimum.minutes().saturating_sub(self.self_study_minutes);
        if self_study_short > 0 {
            let short = HoursMinutes::from_minutes(self_study_short);
            problems.push(PlanProblem {
                block: None,
                problem: TimeProblem::SelfStudyUnderMinimum {
                    hours: short.hours,
                    minutes: short.minutes,
                },
            });
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, min, 0).unwrap()
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn week(s: &str) -> IsoWeek {
        IsoWeek::parse(s).unwrap()
    }

    fn minimum() -> WeeklyMinimum {
        WeeklyMinimum::default()
    }

    fn block(weekday: Weekday, start: (u32, u32), end: (u32, u32)) -> TeachingBlock {
        TeachingBlock {
            weekday,
            start: time(start.0, start.1),
            end: time(end.0, end.1),
        }
    }

    #[test]
    fn a_week_parses_and_displays_as_yyyy_www() {
        let w = week(" 2026-w09 ");
        assert_eq!((w.year(), w.week()), (2026, 9));
        assert_eq!(w.to_string(), "2026-W09");
        assert_eq!(w.monday(), date(2026, 2, 23));
        assert_eq!(w.sunday(), date(2026, 3, 1));
    }

    #[test]
    fn a_malformed_week_is_not_a_week() {
        for bad in [
            "2026-9",
            "2026-W9",
            "2026W09",
            "26-W09",
            "2026-W099",
            "2026-X09",
            "0000-W01",
            "2026-W+9",
            "２026-W09",
        ] {
            assert_eq!(IsoWeek::parse(bad), Err(TimeProblem::NotAWeek), "{bad}");
        }
        assert_eq!(IsoWeek::parse(" "), Err(Problem::Required.into()));
    }

    #[test]
    fn week_53_exists_only_in_years_that_have_it() {
        assert_eq!(weeks_in_year(2026), 53);
        assert_eq!(weeks_in_year(2020), 53);
        assert_eq!(weeks_in_year(2015), 53);
        assert_eq!(weeks_in_year(2025), 52);
        assert_eq!(weeks_in_year(2027), 52);
        assert_eq!(week("2026-W53").monday(), date(2026, 12, 28));
        assert_eq!(
            IsoWeek::parse("2025-W53"),
            Err(TimeProblem::NoSuchWeek {
                year: 2025,
                last: 52
            })
        );
        assert_eq!(
            IsoWeek::parse("2026-W00"),
            Err(TimeProblem::NoSuchWeek {
                year: 2026,
                last: 53
            })
        );
        assert_eq!(
            IsoWeek::parse("2026-W54"),
            Err(TimeProblem::NoSuchWeek {
                year: 2026,
                last: 53
            })
        );
    }

    #[test]
    fn weeks_cross_year_ends_by_their_thursday() {
        // 2026-W01 starts in December 2025; 2027-01-01 lies in 2026-W53.
        assert_eq!(week("2026-W01").monday(), date(2025, 12, 29));
        assert_eq!(IsoWeek::containing(date(2025, 12, 31)), week("2026-W01"));
        assert_eq!(IsoWeek::containing(date(2027, 1, 3)), week("2026-W53"));
        assert_eq!(IsoWeek::containing(date(2027, 1, 4)), week("2027-W01"));
        assert_eq!(week("2026-W53").next(), week("2027-W01"));
        assert_eq!(week("2027-W01").prev(), week("2026-W53"));
        assert_eq!(week("2025-W52").next(), week("2026-W01"));
    }

    #[test]
    fn weekdays_are_monday_to_friday() {
        let days = week("2026-W01").weekdays();
        assert_eq!(days[0], date(2025, 12, 29));
        assert_eq!(days[4], date(2026, 1, 2));
        assert_eq!(week("2026-W01").days()[6], date(2026, 1, 4));
    }

    #[test]
    fn the_calendar_ends_saturate_at_0001_w01_and_9999_w52() {
        let first = week("0001-W01");
        assert_eq!(first.monday(), date(1, 1, 1));
        assert_eq!(first.prev(), first);
        let last = week("9999-W52");
        assert_eq!(weeks_in_year(9999), 52);
        assert_eq!(last.next(), last);
        assert_eq!(IsoWeek::containing(NaiveDate::MAX), last);
        assert_eq!(IsoWeek::containing(NaiveDate::MIN), first);
        assert_eq!(IsoWeek::range(last, last).count(), 1);
        assert_eq!(
            IsoWeek::new(10000, 1),
            Err(Problem::OutOfRange { min: 1, max: 9999 }.into())
        );
    }

    #[test]
    fn a_range_includes_both_ends_and_crosses_week_53() {
        let weeks: Vec<String> = IsoWeek::range(week("2026-W52"), week("2027-W02"))
            .map(|w| w.to_string())
            .collect();
        assert_eq!(weeks, ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]);
        assert_eq!(IsoWeek::range(week("2026-W52"), week("2027-W02")).len(), 4);
        assert_eq!(
            IsoWeek::range(week("2026-W10"), week("2026-W09")).count(),
            0
        );
    }

    #[test]
    fn a_week_serialises_as_its_text() {
        let w = week("2026-W09");
        let json = serde_json_like(&w);
        assert_eq!(json, "2026-W09");
        assert_eq!(IsoWeek::try_from(json), Ok(w));
    }

    /// The serde form of a week (`into = "String"`), without a JSON dependency.
    fn serde_json_like(w: &IsoWeek) -> String {
        String::from(*w)
    }

    #[test]
    fn enrolment_counts_any_day_of_the_week_including_weekends() {
        let w = week("2026-W09"); // Mon 2026-02-23 .. Sun 2026-03-01
        assert!(enrolled_in(w, date(2026, 3, 1), None));
        assert!(!enrolled_in(w, date(2026, 3, 2), None));
        assert!(enrolled_in(w, date(2026, 1, 1), Some(date(2026, 2, 23))));
        assert!(!enrolled_in(w, date(2026, 1, 1), Some(date(2026, 2, 22))));
        assert!(!enrolled_in(w, date(2026, 2, 25), Some(date(2026, 2, 24))));
    }

    #[test]
    fn the_default_minimum_is_300_minutes_and_prorates_by_60_a_day() {
        assert_eq!(minimum().minutes(), 300);
        for d in 0..=5u8 {
            assert_eq!(minimum().required_minutes(d), 60 * u32::from(d));
        }
    }

    #[test]
    fn a_prorated_minimum_is_rounded_up_never_down() {
        let m = WeeklyMinimum::new(301).unwrap();
        assert_eq!(m.required_minutes(1), 61); // 60.2
        assert_eq!(m.required_minutes(5), 301);
        let m = WeeklyMinimum::new(4).unwrap();
        assert_eq!(m.required_minutes(1), 1); // 0.8
        assert_eq!(m.required_minutes(0), 0);
    }

    #[test]
    fn the_minimum_setting_is_1_to_3600_minutes() {
        assert!(WeeklyMinimum::new(0).is_err());
        assert!(WeeklyMinimum::new(3601).is_err());
        assert_eq!(WeeklyMinimum::parse(" 450 ").unwrap().minutes(), 450);
        assert_eq!(WeeklyMinimum::parse("5h"), Err(Problem::NotAnInteger));
        assert_eq!(
            WeeklyMinimum::parse("99999999999"),
            Err(Problem::OutOfRange { min: 1, max: 3600 })
        );
    }

    #[test]
    fn a_full_week_with_five_hours_of_each_kind_is_met() {
        let c = WeekCompliance::compute(
            week("2026-W09"),
            minimum(),
            date(2026, 1, 12),
            None,
            &[],
            300,
            300,
        );
        assert_eq!(c.weekdays_counted, 5);
        assert_eq!(c.required_minutes, 300);
        assert_eq!(c.status, WeekStatus::Met);
        assert_eq!((c.teaching_shortfall, c.self_study_shortfall), (0, 0));
    }

    #[test]
    fn either_kind_short_makes_the_week_short_with_the_shortfall_per_kind() {
        let c = WeekCompliance::compute(
            week("2026-W09"),
            minimum(),
            date(2026, 1, 12),
            None,
            &[],
            420,
            210,
        );
        assert_eq!(c.status, WeekStatus::Short);
        assert_eq!((c.teaching_shortfall, c.self_study_shortfall), (0, 90));
        assert_eq!(
            c.to_csv_fields("P-0042"),
            ["P-0042", "2026-W09", "300", "420", "210", "0", "90", "short"]
        );
    }

    #[test]
    fn a_start_on_wednesday_requires_three_fifths() {
        let c = WeekCompliance::compute(
            week("2026-W09"),
            minimum(),
            date(2026, 2, 25),
            None,
            &[],
            180,
            170,
        );
        assert_eq!(c.weekdays_counted, 3);
        assert_eq!(c.required_minutes, 180);
        assert_eq!(c.self_study_shortfall, 10);
    }

    #[test]
    fn an_end_on_tuesday_requires_two_fifths() {
        let c = WeekCompliance::compute(
            week("2026-W09"),
            minimum(),
            date(2026, 1, 12),
            Some(date(2026, 2, 24)),
            &[],
            120,
            120,
        );
        assert_eq!(c.weekdays_counted, 2);
        assert_eq!(c.status, WeekStatus::Met);
    }

    #[test]
    fn overlapping_absences_count_each_day_once() {
        let absences = [
            (date(2026, 2, 23), date(2026, 2, 25)),
            (date(2026, 2, 24), date(2026, 2, 24)),
            (date(2026, 2, 25), date(2026, 2, 26)),
        ];
        assert_eq!(
            weekdays_counted(week("2026-W09"), date(2026, 1, 1), None, &absences),
            1
        );
    }

    #[test]
    fn a_week_of_absence_is_excused_and_its_time_still_counts() {
        let absences = [(date(2026, 2, 20), date(2026, 3, 10))];
        let c = WeekCompliance::compute(
            week("2026-W09"),
            minimum(),
            date(2026, 1, 12),
            None,
            &absences,
            45,
            0,
        );
        assert_eq!(c.weekdays_counted, 0);
        assert_eq!(c.required_minutes, 0);
        assert_eq!(c.teaching_minutes, 45);
        assert_eq!(c.status, WeekStatus::Excused);
    }

    #[test]
    fn a_week_with_only_weekend_enrolment_is_excused() {
        let c = WeekCompliance::compute(
            week("2026-W09"),
            minimum(),
            date(2026, 2, 28),
            None,
            &[],
            0,
            0,
        );
        assert_eq!(c.status, WeekStatus::Excused);
        assert!(enrolled_in(week("2026-W09"), date(2026, 2, 28), None));
    }

    #[test]
    fn a_backwards_absence_covers_nothing() {
        let absences = [(date(2026, 2, 26), date(2026, 2, 24))];
        assert_eq!(
            weekdays_counted(week("2026-W09"), date(2026, 1, 1), None, &absences),
            5
        );
    }

    #[test]
    fn week_status_and_time_kind_parse_their_file_values() {
        assert_eq!(WeekStatus::parse("Excused"), Ok(WeekStatus::Excused));
        assert_eq!(
            WeekStatus::parse("ok"),
            Err(Problem::NotOneOf {
                allowed: "met, short, excused".into()
            })
        );
        assert_eq!(TimeKind::parse(" self_study "), Ok(TimeKind::SelfStudy));
        assert_eq!(
            TimeKind::parse("study"),
            Err(Problem::NotOneOf {
                allowed: "teaching, self_study".into()
            })
        );
    }

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

    fn five_hour_plan() -> WeeklyPlan {
        WeeklyPlan {
            blocks: vec![
                block(Weekday::Mon, (9, 0), (11, 30)),
                block(Weekday::Wed, (9, 0), (10, 0)),
                block(Weekday::Wed, (10, 0), (11, 30)),
            ],
            self_study_minutes: 300,
        }
    }

    #[test]
    fn a_plan_of_exactly_five_hours_of_each_is_accepted() {
        assert_eq!(five_hour_plan().teaching_minutes(), 300);
        assert_eq!(five_hour_plan().validate(minimum()), Ok(()));
    }

    #[test]
    fn a_plan_under_the_minimum_is_refused_with_the_shortfall_in_hours_and_minutes() {
        let mut plan = five_hour_plan();
        plan.blocks.pop(); // 3 h 30 min left
        plan.self_study_minutes = 299;
        assert_eq!(
            plan.validate(minimum()),
            Err(vec![
                PlanProblem {
                    block: None,
                    problem: TimeProblem::TeachingUnderMinimum {
                        hours: 1,
                        minutes: 30
                    }
                },
                PlanProblem {
                    block: None,
                    problem: TimeProblem::SelfStudyUnderMinimum {
                        hours: 0,
                        minutes: 1
                    }
                },
            ])
        );
    }

    #[test]
    fn a_plan_block_must_end_after_it_starts() {
        let mut plan = five_hour_plan();
        plan.blocks.push(block(Weekday::Fri, (10, 0), (10, 0)));
        assert_eq!(
            plan.validate(minimum()),
            Err(vec![PlanProblem {
                block: Some(3),
                problem: TimeProblem::EndNotAfterStart
            }])
        );
    }

    #[test]
    fn overlapping_blocks_on_the_same_weekday_are_refused_on_the_later_one() {
        let mut plan = five_hour_plan();
        plan.blocks.insert(0, block(Weekday::Wed, (11, 0), (12, 0)));
        plan.blocks.push(block(Weekday::Tue, (11, 0), (12, 0)));
        assert_eq!(
            plan.validate(minimum()),
            Err(vec![PlanProblem {
                block: Some(0),
                problem: TimeProblem::BlocksOverlap {
                    start: "10:00".into(),
                    end: "11:30".into()
                }
            }])
        );
    }

    #[test]
    fn a_plan_may_exceed_the_minimum() {
        let mut plan = five_hour_plan();
        plan.blocks.push(block(Weekday::Sat, (10, 0), (14, 0)));
        plan.self_study_minutes = 600;
        assert_eq!(plan.validate(minimum()), Ok(()));
    }

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

    // ---- properties against a straightforward reference ----

    /// Dates from 1990-01-01 to 2100-12-31.
    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (0i64..40_541).prop_map(|n| date(1990, 1, 1) + chrono::Duration::days(n))
    }

    /// The reference: walk the seven days, keep Monday–Friday ones that are enrolled and not
    /// covered by any absence.
    fn reference_d(
        w: IsoWeek,
        start: NaiveDate,
        end: Option<NaiveDate>,
        absences: &[(NaiveDate, NaiveDate)],
    ) -> u8 {
        let mut d = 0;
        let mut day = w.monday();
        for _ in 0..7 {
            let weekday = !matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            let enrolled = day >= start && end.is_none_or(|e| day <= e);
            let absent = absences.iter().any(|&(f, t)| f <= day && day <= t);
            if weekday && enrolled && !absent {
                d += 1;
            }
            day = day.succ_opt().unwrap();
        }
        d
    }

    proptest! {
        #[test]
        fn a_date_lies_in_its_weeks_monday_to_sunday(d in any_date()) {
            let w = IsoWeek::containing(d);
            prop_assert!(w.monday() <= d);
            prop_assert!(d < w.monday() + Days::new(7));
            prop_assert_eq!(w.monday().weekday(), Weekday::Mon);
            prop_assert!(w.contains(d));
            prop_assert_eq!((w.year(), w.week()), (d.iso_week().year(), d.iso_week().week()));
        }

        #[test]
        fn a_weekday_is_among_its_weeks_weekdays(d in any_date()) {
            let is_weekday = d.weekday().num_days_from_monday() < 5;
            prop_assert_eq!(IsoWeek::containing(d).weekdays().contains(&d), is_weekday);
        }

        #[test]
        fn a_week_round_trips_through_its_text(d in any_date()) {
            let w = IsoWeek::containing(d);
            let text = w.to_string();
            prop_assert_eq!(text.len(), 8);
            prop_assert_eq!(IsoWeek::parse(&text), Ok(w));
            prop_assert_eq!(IsoWeek::new(w.year(), w.week()), Ok(w));
        }

        #[test]
        fn a_range_has_consecutive_weeks_without_gaps_or_duplicates(a in any_date(), len in 0i64..400) {
            let from = IsoWeek::containing(a);
            let to = IsoWeek::containing(a + chrono::Duration::days(len));
            let weeks: Vec<IsoWeek> = IsoWeek::range(from, to).collect();
            prop_assert_eq!(weeks.first(), Some(&from));
            prop_assert_eq!(weeks.last(), Some(&to));
            prop_assert_eq!(weeks.len(), IsoWeek::range(from, to).len());
            for pair in weeks.windows(2) {
                prop_assert_eq!(pair[1].monday() - pair[0].monday(), chrono::Duration::days(7));
                prop_assert_eq!(pair[0].next(), pair[1]);
                prop_assert_eq!(pair[1].prev(), pair[0]);
                let (y0, w0, y1, w1) = (pair[0].year(), pair[0].week(), pair[1].year(), pair[1].week());
                prop_assert!((y1 == y0 && w1 == w0 + 1) || (y1 == y0 + 1 && w1 == 1 && w0 == weeks_in_year(y0)));
            }
        }

        #[test]
        fn compliance_equals_the_day_by_day_reference(
            w in any_date().prop_map(IsoWeek::containing),
            start_off in -10i64..10,
            end_off in proptest::option::of(-10i64..10),
            absences in proptest::collection::vec((-10i64..10, -2i64..8), 0..4),
            minimum_minutes in 1u32..=3600,
            teaching in 0u32..700,
            self_study in 0u32..700,
        ) {
            let base = w.monday();
            let start = base + chrono::Duration::days(start_off);
            let end = end_off.map(|o| base + chrono::Duration::days(o));
            let absences: Vec<(NaiveDate, NaiveDate)> = absences
                .iter()
                .map(|&(from, len)| (base + chrono::Duration::days(from), base + chrono::Duration::days(from + len)))
                .collect();
            let m = WeeklyMinimum::new(minimum_minutes).unwrap();
            let c = WeekCompliance::compute(w, m, start, end, &absences, teaching, self_study);
            let d = reference_d(w, start, end, &absences);
            prop_assert_eq!(c.weekdays_counted, d);
            // Reference rounding: the smallest whole number r with 5r >= minimum × d.
            let mut required = 0u32;
            while 5 * required < minimum_minutes * u32::from(d) {
                required += 1;
            }
            prop_assert_eq!(c.required_minutes, required);
            prop_assert_eq!(c.teaching_shortfall, required.saturating_sub(teaching));
            prop_assert_eq!(c.self_study_shortfall, required.saturating_sub(self_study));
            let status = if d == 0 {
                WeekStatus::Excused
            } else if teaching >= required && self_study >= required {
                WeekStatus::Met
            } else {
                WeekStatus::Short
            };
            prop_assert_eq!(c.status, status);
        }

        #[test]
        fn enrolment_equals_the_day_by_day_reference(
            w in any_date().prop_map(IsoWeek::containing),
            start_off in -10i64..10,
            end_off in proptest::option::of(-10i64..10),
        ) {
            let start = w.monday() + chrono::Duration::days(start_off);
            let end = end_off.map(|o| w.monday() + chrono::Duration::days(o));
            let reference = w.days().iter().any(|&day| day >= start && end.is_none_or(|e| day <= e));
            prop_assert_eq!(enrolled_in(w, start, end), reference);
        }
    }
}
