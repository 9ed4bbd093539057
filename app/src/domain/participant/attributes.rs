//! Coded attributes of a participant: gender, birth year, planned terms and study path.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::parsing::parse_in_range;
use crate::domain::problem::{parse_one_of, Problem};

/// Gender as recorded in the register (every indicator is split by it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// `female`
    Female,
    /// `male`
    Male,
    /// `other`
    Other,
    /// `unspecified`
    Unspecified,
}

impl Gender {
    /// All values, in the order of the file format.
    pub const ALL: [Gender; 4] = [
        Gender::Female,
        Gender::Male,
        Gender::Other,
        Gender::Unspecified,
    ];

    /// The file value: `female`, `male`, `other` or `unspecified`.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Other => "other",
            Gender::Unspecified => "unspecified",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, Gender::ALL, Gender::as_str)
    }
}

impl fmt::Display for Gender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A birth year from 1900 to the current year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BirthYear(i32);

impl BirthYear {
    /// Earliest allowed year.
    pub const MIN: i32 = 1900;

    /// Parses a year in `1900..=today.year()`.
    pub fn parse(s: &str, today: NaiveDate) -> Result<Self, Problem> {
        let year = parse_in_range(s, i64::from(Self::MIN), i64::from(today.year()))?;
        i32::try_from(year)
            .map(BirthYear)
            .map_err(|_| Problem::NotAnInteger)
    }

    /// The year.
    pub fn value(self) -> i32 {
        self.0
    }
}

impl fmt::Display for BirthYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

macro_rules! one_to_three {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "u8", into = "u8")]
        pub struct $name(u8);

        impl $name {
            /// Parses `1`, `2` or `3`.
            pub fn parse(s: &str) -> Result<Self, Problem> {
                let n = parse_in_range(s, 1, 3)?;
                u8::try_from(n).map($name).map_err(|_| Problem::NotAnInteger)
            }

            /// The number, 1–3.
            pub fn value(self) -> u8 {
                self.0
            }
        }

        impl TryFrom<u8> for $name {
            type Error = Problem;
            fn try_from(n: u8) -> Result<Self, Problem> {
                if (1..=3).contains(&n) {
                    Ok($name(n))
                } else {
                    Err(Problem::OutOfRange { min: 1, max: 3 })
                }
            }
        }

        impl From<$name> for u8 {
            fn from(value: $name) -> u8 {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

one_to_three!(
    /// The planned length of the introduction in terms: 1, 2 or 3.
    PlannedTerms
);

one_to_three!(
    /// The SFI study path: 1 (little schooling, courses A–D), 2 (B–D), 3 (C–D).
    StudyPath
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::participant::test_support::today;
    use proptest::prelude::*;

    #[test]
    fn gender_accepts_the_four_values_in_any_case() {
        assert_eq!(Gender::parse("female"), Ok(Gender::Female));
        assert_eq!(Gender::parse(" Male "), Ok(Gender::Male));
        assert_eq!(Gender::parse("OTHER"), Ok(Gender::Other));
        assert_eq!(Gender::parse("unspecified"), Ok(Gender::Unspecified));
        for g in Gender::ALL {
            assert_eq!(Gender::parse(g.as_str()), Ok(g));
        }
    }

    #[test]
    fn an_unknown_gender_lists_the_allowed_values() {
        assert_eq!(
            Gender::parse("kvinna"),
            Err(Problem::NotOneOf {
                allowed: "female, male, other, unspecified".into()
            })
        );
    }

    #[test]
    fn a_birth_year_after_this_year_is_rejected() {
        let range = Problem::OutOfRange {
            min: 1900,
            max: 2026,
        };
        assert_eq!(
            BirthYear::parse("2026", today()).map(BirthYear::value),
            Ok(2026)
        );
        assert_eq!(BirthYear::parse("2027", today()), Err(range.clone()));
        assert_eq!(BirthYear::parse("1899", today()), Err(range.clone()));
        assert_eq!(
            BirthYear::parse("1900", today()).map(BirthYear::value),
            Ok(1900)
        );
        assert_eq!(
            BirthYear::parse("99999999999999999999999", today()),
            Err(range)
        );
    }

    #[test]
    fn a_birth_year_that_is_not_a_whole_number_is_rejected() {
        for bad in ["1987.0", "19x7", "+1987", "-", "1 987"] {
            assert_eq!(BirthYear::parse(bad, today()), Err(Problem::NotAnInteger));
        }
    }

    #[test]
    fn planned_terms_and_study_path_are_one_two_or_three() {
        for ok in ["1", "2", " 3 "] {
            assert!(PlannedTerms::parse(ok).is_ok());
            assert!(StudyPath::parse(ok).is_ok());
        }
        for bad in ["0", "4", "-1"] {
            assert_eq!(
                PlannedTerms::parse(bad),
                Err(Problem::OutOfRange { min: 1, max: 3 })
            );
            assert_eq!(
                StudyPath::parse(bad),
                Err(Problem::OutOfRange { min: 1, max: 3 })
            );
        }
        assert_eq!(PlannedTerms::parse("two"), Err(Problem::NotAnInteger));
    }

    proptest! {
        #[test]
        fn birth_years_are_accepted_exactly_in_range(year in 1000i32..3000) {
            let result = BirthYear::parse(&year.to_string(), today());
            prop_assert_eq!(result.is_ok(), (1900..=2026).contains(&year));
        }

    }
}
