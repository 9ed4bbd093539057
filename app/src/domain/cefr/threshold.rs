//! The share of "I can do this" answers a level needs, as an exact fraction.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::problem::Problem;

/// Greatest common divisor (Euclid).
fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The share of "I can do this" answers a level needs, a fraction in (0, 1]; a setting.
/// Kept as an exact, reduced fraction, so `80 %` and `4/5` are the same threshold and a share
/// exactly at the threshold passes. Serialised as text, `"4/5"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Threshold {
    /// Numerator, `1..=denominator`.
    numerator: u32,
    /// Denominator, at least 1.
    denominator: u32,
}

impl Default for Threshold {
    /// 80 %, the ELP's usual rule of thumb.
    fn default() -> Self {
        Threshold {
            numerator: 4,
            denominator: 5,
        }
    }
}

impl Threshold {
    /// `percent` %, 1 to 100.
    pub fn percent(percent: u32) -> Result<Self, Problem> {
        if (1..=100).contains(&percent) {
            Threshold::ratio(percent, 100)
        } else {
            Err(Problem::OutOfRange { min: 1, max: 100 })
        }
    }

    /// The fraction `numerator / denominator`, which must lie in (0, 1].
    pub fn ratio(numerator: u32, denominator: u32) -> Result<Self, Problem> {
        if numerator == 0 || numerator > denominator {
            return Err(Problem::OutOfRange { min: 1, max: 100 });
        }
        let g = gcd(numerator, denominator);
        Ok(Threshold {
            numerator: numerator / g,
            denominator: denominator / g,
        })
    }

    /// Parses a percentage (`80`, `80%`, `80 %`) or a fraction (`4/5`).
    pub fn parse(s: &str) -> Result<Self, Problem> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        let number = |t: &str| -> Result<u32, Problem> {
            let t = t.trim();
            if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Problem::NotAnInteger);
            }
            Ok(t.parse().unwrap_or(u32::MAX))
        };
        match s.split_once('/') {
            Some((n, d)) => Threshold::ratio(number(n)?, number(d)?),
            None => Threshold::percent(number(s.strip_suffix('%').unwrap_or(s))?),
        }
    }

    /// The reduced numerator.
    pub fn numerator(self) -> u32 {
        self.numerator
    }

    /// The reduced denominator.
    pub fn denominator(self) -> u32 {
        self.denominator
    }

    /// Whether `can_do` of `statements` reaches the threshold (exact integer comparison).
    /// A level without statements never passes; `can_do` above `statements` counts as all.
    pub fn passes(self, can_do: u32, statements: u32) -> bool {
        statements > 0
            && u64::from(can_do.min(statements)) * u64::from(self.denominator)
                >= u64::from(self.numerator) * u64::from(statements)
    }

    /// The fewest "I can do this" answers out of `statements` that pass (0 when there are none).
    pub fn needed(self, statements: u32) -> u32 {
        let needed = (u64::from(self.numerator) * u64::from(statements))
            .div_ceil(u64::from(self.denominator));
        u32::try_from(needed).unwrap_or(statements)
    }
}

impl fmt::Display for Threshold {
    /// `4/5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

impl TryFrom<String> for Threshold {
    type Error = Problem;

    fn try_from(s: String) -> Result<Self, Problem> {
        Threshold::parse(&s)
    }
}

impl From<Threshold> for String {
    fn from(threshold: Threshold) -> String {
        threshold.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threshold_is_80_percent_by_default_and_reads_percent_or_fraction() {
        assert_eq!(Threshold::default(), Threshold::percent(80).unwrap());
        assert_eq!(Threshold::parse("80 %"), Ok(Threshold::default()));
        assert_eq!(Threshold::parse("80"), Ok(Threshold::default()));
        assert_eq!(Threshold::parse("4/5"), Ok(Threshold::default()));
        assert_eq!(Threshold::parse("8/10").unwrap().to_string(), "4/5");
        assert_eq!(
            Threshold::parse("0"),
            Err(Problem::OutOfRange { min: 1, max: 100 })
        );
        assert_eq!(
            Threshold::parse("101%"),
            Err(Problem::OutOfRange { min: 1, max: 100 })
        );
        assert_eq!(
            Threshold::parse("6/5"),
            Err(Problem::OutOfRange { min: 1, max: 100 })
        );
        assert_eq!(Threshold::parse("0.8"), Err(Problem::NotAnInteger));
    }

    #[test]
    fn exactly_80_percent_passes_and_just_below_fails() {
        let t = Threshold::default();
        assert!(t.passes(4, 5));
        assert!(!t.passes(3, 5));
        assert!(t.passes(8, 10));
        assert!(!t.passes(7, 10));
        assert!(t.passes(6, 7)); // 85.7 %
        assert!(!t.passes(5, 7)); // 71.4 %
        assert_eq!(t.needed(7), 6);
        assert_eq!(t.needed(5), 4);
    }
}
