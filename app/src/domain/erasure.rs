//! Erasure and retention (issue 17): when a participant's personal data may be erased, how
//! long a programme keeps it after the introduction ended, and how the pseudonymous
//! statistical record that stays is named.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::problem::Problem;
use super::status::ParticipantStatus;

/// Why a participant was erased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErasureReason {
    /// A coordinator erased them (the person asked, or the law requires it).
    Request,
    /// Their introduction ended longer ago than the retention time.
    Retention,
}

impl ErasureReason {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ErasureReason::Request => "request",
            ErasureReason::Retention => "retention",
        }
    }
}

/// How many whole years after the introduction's end a participant's data is kept: 1–30.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RetentionYears(u32);

impl RetentionYears {
    /// The setting's key (`server setting retention_years 5`).
    pub const KEY: &'static str = "retention_years";
    /// The longest retention a programme may set.
    pub const MAX: u32 = 30;

    /// Parses a whole number of years, 1–30.
    pub fn parse(text: &str) -> Result<Self, Problem> {
        match text.trim().parse::<u32>() {
            Ok(n) if (1..=Self::MAX).contains(&n) => Ok(RetentionYears(n)),
            _ => Err(Problem::OutOfRange {
                min: 1,
                max: i64::from(Self::MAX),
            }),
        }
    }

    /// The number of years.
    pub fn years(self) -> u32 {
        self.0
    }

    /// The last end date still kept on `today`: introductions that ended before it are due
    /// for erasure. The same day `years` earlier (28 February for a 29 February).
    pub fn cutoff(self, today: NaiveDate) -> NaiveDate {
        let year = today.year() - i32::try_from(self.0).unwrap_or(i32::MAX);
        NaiveDate::from_ymd_opt(year, today.month(), today.day())
            .or_else(|| NaiveDate::from_ymd_opt(year, today.month(), 28))
            .unwrap_or(NaiveDate::MIN)
    }

    /// True when an introduction that ended on `end` is past the retention time on `today`.
    pub fn is_due(self, end: NaiveDate, today: NaiveDate) -> bool {
        end < self.cutoff(today)
    }
}

impl std::fmt::Display for RetentionYears {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Why an erasure is refused before anything is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErasureRefusal {
    /// The reference typed to confirm is not the participant's.
    NotConfirmed,
    /// The introduction is still open and the coordinator did not say to erase anyway.
    StillOpen,
}

/// The checks before an erasure: the coordinator typed the participant's reference (so they
/// name whom they erase), and an open introduction is erased only when told to.
pub fn check_erasure(
    reference: &str,
    typed: &str,
    status: ParticipantStatus,
    open_anyway: bool,
) -> Result<(), ErasureRefusal> {
    if typed.trim() != reference {
        return Err(ErasureRefusal::NotConfirmed);
    }
    if status == ParticipantStatus::Active && !open_anyway {
        return Err(ErasureRefusal::StillOpen);
    }
    Ok(())
}

/// The status the statistical record keeps: an open introduction ends, early, with erasure.
pub fn status_after_erasure(status: ParticipantStatus) -> ParticipantStatus {
    match status {
        ParticipantStatus::Active => ParticipantStatus::LeftEarly,
        other => other,
    }
}

/// The name a statistical record goes by in exports, in place of a reference. A reference
/// never contains `:`, so the two never meet.
pub fn pseudonym(record: i64) -> String {
    format!("erased:{record}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn retention_is_one_to_thirty_whole_years() {
        assert_eq!(RetentionYears::parse("5").unwrap().years(), 5);
        assert_eq!(RetentionYears::parse(" 30 ").unwrap().years(), 30);
        for bad in ["0", "31", "-1", "2.5", "", "fem"] {
            assert!(RetentionYears::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_introduction_is_due_the_day_after_its_end_is_the_retention_time_ago() {
        let five = RetentionYears::parse("5").unwrap();
        let today = day(2026, 12, 3);
        assert_eq!(five.cutoff(today), day(2021, 12, 3));
        assert!(!five.is_due(day(2021, 12, 3), today));
        assert!(five.is_due(day(2021, 12, 2), today));
    }

    #[test]
    fn the_cutoff_of_a_leap_day_is_the_28th_of_february() {
        let one = RetentionYears::parse("1").unwrap();
        assert_eq!(one.cutoff(day(2028, 2, 29)), day(2027, 2, 28));
    }

    #[test]
    fn erasure_needs_the_reference_typed_and_an_open_introduction_needs_consent() {
        use ParticipantStatus::*;
        assert_eq!(check_erasure("P-1", "P-1", Completed, false), Ok(()));
        assert_eq!(check_erasure("P-1", " P-1 ", LeftEarly, false), Ok(()));
        assert_eq!(
            check_erasure("P-1", "P-2", Completed, true),
            Err(ErasureRefusal::NotConfirmed)
        );
        assert_eq!(
            check_erasure("P-1", "p-1", Completed, true),
            Err(ErasureRefusal::NotConfirmed)
        );
        assert_eq!(
            check_erasure("P-1", "P-1", Active, false),
            Err(ErasureRefusal::StillOpen)
        );
        assert_eq!(check_erasure("P-1", "P-1", Active, true), Ok(()));
    }

    #[test]
    fn an_erased_open_introduction_counts_as_left_early() {
        use ParticipantStatus::*;
        assert_eq!(status_after_erasure(Active), LeftEarly);
        assert_eq!(status_after_erasure(Completed), Completed);
        assert_eq!(status_after_erasure(LeftEarly), LeftEarly);
    }

    #[test]
    fn a_pseudonym_is_never_a_reference() {
        use crate::domain::participant::ParticipantRef;
        assert!(ParticipantRef::parse(&pseudonym(17)).is_err());
    }

    proptest! {
        #[test]
        fn the_cutoff_lies_the_retention_time_back(
            days in 0i64..40_000, years in 1u32..=30,
        ) {
            let today = day(1990, 1, 1) + chrono::Duration::days(days);
            let r = RetentionYears::parse(&years.to_string()).unwrap();
            let cutoff = r.cutoff(today);
            prop_assert!(cutoff < today);
            prop_assert_eq!(cutoff.year(), today.year() - years as i32);
            prop_assert!((today - cutoff).num_days() >= 365 * i64::from(years));
            prop_assert!((today - cutoff).num_days() <= 366 * i64::from(years));
            // Due exactly when the end lies before the cutoff.
            prop_assert!(r.is_due(cutoff - chrono::Duration::days(1), today));
            prop_assert!(!r.is_due(cutoff, today));
        }
    }
}
