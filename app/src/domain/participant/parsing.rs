//! The shared field parsers: plain text, whole numbers in a range, and strict dates.

use chrono::NaiveDate;

use crate::domain::problem::Problem;

/// Trims, rejects empty text, control characters and text longer than `max` characters.
pub(crate) fn plain_text(s: &str, max: usize) -> Result<String, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    if s.chars().any(char::is_control) {
        return Err(Problem::ControlCharacter);
    }
    if s.chars().count() > max {
        return Err(Problem::TooLong { max });
    }
    Ok(s.to_owned())
}

/// Parses a whole number written with ASCII digits (optional leading `-`).
/// Numbers too large for `i64` become `i64::MAX` so that range checks reject them.
fn parse_integer(s: &str) -> Result<i64, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::NotAnInteger);
    }
    Ok(s.parse::<i64>().unwrap_or(if s.starts_with('-') {
        i64::MIN
    } else {
        i64::MAX
    }))
}

/// Parses a whole number in `min..=max`.
pub(super) fn parse_in_range(s: &str, min: i64, max: i64) -> Result<i64, Problem> {
    let n = parse_integer(s)?;
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(Problem::OutOfRange { min, max })
    }
}

/// Parses a strict `YYYY-MM-DD` date (surrounding whitespace is ignored).
pub fn parse_date(s: &str) -> Result<NaiveDate, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(Problem::NotADate);
    }
    let number = |range: std::ops::Range<usize>| s.get(range).and_then(|t| t.parse::<u32>().ok());
    match (number(0..4), number(5..7), number(8..10)) {
        (Some(y), Some(m), Some(d)) => i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            .ok_or(Problem::NotADate),
        _ => Err(Problem::NotADate),
    }
}

/// The `chrono` format of `YYYY-MM-DD`.
const DATE_FORMAT: &str = "%Y-%m-%d";

/// Formats a date as `YYYY-MM-DD`.
pub fn format_date(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::participant::test_support::date;
    use proptest::prelude::*;

    #[test]
    fn a_date_must_be_strict_yyyy_mm_dd() {
        assert_eq!(parse_date(" 2026-02-28 "), Ok(date(2026, 2, 28)));
        assert_eq!(parse_date("2024-02-29"), Ok(date(2024, 2, 29)));
        for bad in [
            "2026-2-28",
            "2026-02-29",
            "2026-13-01",
            "26-02-28",
            "2026/02/28",
            "28.02.2026",
            "2026-02-28T00:00",
            "+026-02-28",
            "2026-0a-28",
        ] {
            assert_eq!(parse_date(bad), Err(Problem::NotADate), "{bad}");
        }
        assert_eq!(parse_date(""), Err(Problem::Required));
    }

    proptest! {
        #[test]
        fn parse_date_reads_back_every_formatted_date(days in 0i64..73_000) {
            let d = date(1900, 1, 1) + chrono::Duration::days(days);
            prop_assert_eq!(parse_date(&format_date(d)), Ok(d));
        }
    }
}
