//! Helpers shared by the tests of the participant modules.

use chrono::NaiveDate;

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn today() -> NaiveDate {
    date(2026, 3, 1)
}
