//! Clock times, week codes and weekday numbers, as written in files and stored.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::domain::problem::Problem;
use crate::domain::weeks::IsoWeek;

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

/// The day of the week as 1 (Monday) … 7 (Sunday), as stored with plan blocks.
pub fn weekday_number(date: NaiveDate) -> u32 {
    date.weekday().number_from_monday()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
    }
}
