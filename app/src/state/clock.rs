//! The programme's clock: the one place the application reads the date and the time of day.
//! Everything is Europe/Stockholm (FORMATS.md), whatever the server's own zone. Server
//! functions read the clock in the [`AppState`](super::AppState) and hand the values to the
//! services, which never read a clock; tests set it to a fixed instant.

use std::sync::{Arc, RwLock};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// The programme's time zone.
pub const ZONE: chrono_tz::Tz = chrono_tz::Europe::Stockholm;

/// The wall-clock time in Stockholm at `instant`.
pub fn stockholm(instant: DateTime<Utc>) -> NaiveDateTime {
    instant.with_timezone(&ZONE).naive_local()
}

/// A clock: the system's, unless a test has set it to a fixed instant.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    fixed: Arc<RwLock<Option<DateTime<Utc>>>>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Self::default()
    }

    /// Stops the clock at `instant` (tests); every copy of this clock follows.
    pub fn set(&self, instant: DateTime<Utc>) {
        if let Ok(mut fixed) = self.fixed.write() {
            *fixed = Some(instant);
        }
    }

    /// The current instant.
    pub fn instant(&self) -> DateTime<Utc> {
        self.fixed
            .read()
            .ok()
            .and_then(|f| *f)
            .unwrap_or_else(Utc::now)
    }

    /// The current date and time of day in Stockholm.
    pub fn now(&self) -> NaiveDateTime {
        stockholm(self.instant())
    }

    /// Today's date in Stockholm.
    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }
}

/// The current date and time of day in Stockholm, by the system clock (the command line).
pub fn now() -> NaiveDateTime {
    Clock::system().now()
}

/// Today's date in Stockholm, by the system clock (the command line).
pub fn today() -> NaiveDate {
    now().date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::weeks::IsoWeek;
    use chrono::TimeZone;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0)
            .single()
            .unwrap_or_default()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn just_after_midnight_in_stockholm_is_already_the_next_day_and_week() {
        // Sunday 23:30 UTC in winter is Monday 00:30 in Stockholm (UTC+1).
        let clock = Clock::system();
        clock.set(utc(2026, 3, 1, 23, 30));
        assert_eq!(clock.today(), date(2026, 3, 2));
        assert_eq!(IsoWeek::containing(clock.today()).to_string(), "2026-W10");
        assert_eq!(clock.now().format("%H:%M").to_string(), "00:30");
    }

    #[test]
    fn summer_evenings_follow_central_european_summer_time() {
        // 20:15 UTC in July is 22:15 in Stockholm (UTC+2), the same day.
        let clock = Clock::system();
        clock.set(utc(2026, 7, 10, 20, 15));
        assert_eq!(clock.today(), date(2026, 7, 10));
        assert_eq!(clock.now().format("%H:%M").to_string(), "22:15");
        // 22:30 UTC is already the next day in Stockholm.
        clock.set(utc(2026, 7, 10, 22, 30));
        assert_eq!(clock.today(), date(2026, 7, 11));
    }

    #[test]
    fn every_copy_of_a_clock_follows_when_it_is_set() {
        let clock = Clock::system();
        let copy = clock.clone();
        clock.set(utc(2026, 1, 5, 12, 0));
        assert_eq!(copy.instant(), utc(2026, 1, 5, 12, 0));
    }
}
