//! ISO 8601 weeks (`2026-W09`) and ranges of them.

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::TimeProblem;
use crate::domain::problem::Problem;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::weeks::test_support::{any_date, date, week};
    use proptest::prelude::*;

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
    }
}
