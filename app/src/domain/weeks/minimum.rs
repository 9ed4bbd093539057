//! The weekly teaching minimum, a setting, and its pro-rata share for a partial week.

use serde::{Deserialize, Serialize};

use crate::domain::problem::Problem;

/// The weekly minimum over time: the value in force on a week's Monday applies to that week.
pub type MinimumHistory = crate::domain::dated::Dated<WeeklyMinimum>;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::weeks::test_support::minimum;

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
}
