//! Helpers shared by the tests of the week modules.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use proptest::prelude::*;

use super::{IsoWeek, WeeklyMinimum};

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    date(y, m, d).and_hms_opt(h, min, 0).unwrap()
}

pub(super) fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

pub(super) fn week(s: &str) -> IsoWeek {
    IsoWeek::parse(s).unwrap()
}

pub(super) fn minimum() -> WeeklyMinimum {
    WeeklyMinimum::default()
}

/// Dates from 1990-01-01 to 2100-12-31.
pub(super) fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..40_541).prop_map(|n| date(1990, 1, 1) + chrono::Duration::days(n))
}
