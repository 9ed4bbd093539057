//! CEFR levels, from Pre-A1 to C2.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::problem::{parse_one_of, Problem};

/// A level of the Common European Framework, with the companion volume's Pre-A1 as the first
/// step. Levels order from Pre-A1 (lowest) to C2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CefrLevel {
    /// `pre_a1`: below A1 (CEFR companion volume 2020; LASLLIAM for low-literate adults).
    PreA1,
    /// `a1`
    A1,
    /// `a2`
    A2,
    /// `b1`
    B1,
    /// `b2`
    B2,
    /// `c1`
    C1,
    /// `c2`
    C2,
}

impl CefrLevel {
    /// All levels, lowest first.
    pub const ALL: [CefrLevel; 7] = [
        CefrLevel::PreA1,
        CefrLevel::A1,
        CefrLevel::A2,
        CefrLevel::B1,
        CefrLevel::B2,
        CefrLevel::C1,
        CefrLevel::C2,
    ];

    /// The file value: `pre_a1`, `a1`, `a2`, `b1`, `b2`, `c1` or `c2`.
    pub fn as_str(self) -> &'static str {
        match self {
            CefrLevel::PreA1 => "pre_a1",
            CefrLevel::A1 => "a1",
            CefrLevel::A2 => "a2",
            CefrLevel::B1 => "b1",
            CefrLevel::B2 => "b2",
            CefrLevel::C1 => "c1",
            CefrLevel::C2 => "c2",
        }
    }

    /// The label shown to people (the same in Swedish and English): `Pre-A1`, `A1`, … `C2`.
    pub fn label(self) -> &'static str {
        match self {
            CefrLevel::PreA1 => "Pre-A1",
            CefrLevel::A1 => "A1",
            CefrLevel::A2 => "A2",
            CefrLevel::B1 => "B1",
            CefrLevel::B2 => "B2",
            CefrLevel::C1 => "C1",
            CefrLevel::C2 => "C2",
        }
    }

    /// The step on the ladder: 0 for Pre-A1, 1 for A1, … 6 for C2.
    pub fn step(self) -> u8 {
        match self {
            CefrLevel::PreA1 => 0,
            CefrLevel::A1 => 1,
            CefrLevel::A2 => 2,
            CefrLevel::B1 => 3,
            CefrLevel::B2 => 4,
            CefrLevel::C1 => 5,
            CefrLevel::C2 => 6,
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored, and `-` or a
    /// space may stand for `_` (so the label `Pre-A1` is read too).
    pub fn parse(s: &str) -> Result<Self, Problem> {
        let normalised = s.trim().replace(['-', ' '], "_");
        parse_one_of(&normalised, CefrLevel::ALL, CefrLevel::as_str)
    }
}

impl fmt::Display for CefrLevel {
    /// The label, e.g. `Pre-A1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_parse_their_file_values_and_labels() {
        assert_eq!(CefrLevel::parse("pre_a1"), Ok(CefrLevel::PreA1));
        assert_eq!(CefrLevel::parse(" B1 "), Ok(CefrLevel::B1));
        assert_eq!(CefrLevel::parse("Pre-A1"), Ok(CefrLevel::PreA1));
        for level in CefrLevel::ALL {
            assert_eq!(CefrLevel::parse(level.as_str()), Ok(level));
            assert_eq!(CefrLevel::parse(level.label()), Ok(level));
        }
        assert_eq!(
            CefrLevel::parse("a2+"),
            Err(Problem::NotOneOf {
                allowed: "pre_a1, a1, a2, b1, b2, c1, c2".into()
            })
        );
        assert_eq!(CefrLevel::parse(""), Err(Problem::Required));
    }

    #[test]
    fn levels_order_from_pre_a1_to_c2() {
        assert!(CefrLevel::ALL.windows(2).all(|w| w[0] < w[1]));
        assert!(CefrLevel::ALL
            .iter()
            .enumerate()
            .all(|(i, l)| usize::from(l.step()) == i));
        assert_eq!(CefrLevel::PreA1.to_string(), "Pre-A1");
    }
}
