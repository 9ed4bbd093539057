//! The three SFI grade scales, their marks, and grades valid for their scale.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::SfiProblem;
use crate::domain::problem::{parse_one_of, Problem};

/// The grade scale stored with each grade, since SFI grades changed over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeScale {
    /// `ig_g_vg`: IG, G, VG (before 2012).
    IgGVg,
    /// `f_a`: F, E, D, C, B, A (courses started from mid-2012).
    #[serde(rename = "f_a")]
    FA,
    /// `pass_fail`: IG (icke godkänt), G (godkänt), recent years.
    PassFail,
}

impl GradeScale {
    /// All scales, in the order of the file format.
    pub const ALL: [GradeScale; 3] = [GradeScale::IgGVg, GradeScale::FA, GradeScale::PassFail];

    /// The file value: `ig_g_vg`, `f_a` or `pass_fail`.
    pub fn as_str(self) -> &'static str {
        match self {
            GradeScale::IgGVg => "ig_g_vg",
            GradeScale::FA => "f_a",
            GradeScale::PassFail => "pass_fail",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, GradeScale::ALL, GradeScale::as_str)
    }

    /// The marks of the scale, lowest first.
    pub fn marks(self) -> &'static [Mark] {
        match self {
            GradeScale::IgGVg => &[Mark::Ig, Mark::G, Mark::Vg],
            GradeScale::FA => &[Mark::F, Mark::E, Mark::D, Mark::C, Mark::B, Mark::A],
            GradeScale::PassFail => &[Mark::Ig, Mark::G],
        }
    }

    /// The marks of the scale as written, separated by ", ", e.g. "IG, G, VG".
    pub fn allowed(self) -> String {
        self.marks()
            .iter()
            .map(|m| m.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl GradeScale {
    /// The scale as teachers name it: `IG–VG`, `F–A` or `IG–G` (the same in every language).
    pub fn label(self) -> &'static str {
        match self {
            GradeScale::IgGVg => "IG–VG",
            GradeScale::FA => "F–A",
            GradeScale::PassFail => "IG–G",
        }
    }
}

impl fmt::Display for GradeScale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A grade symbol as written; which symbols are allowed depends on the [`GradeScale`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mark {
    /// `IG`, icke godkänt (fail), in `ig_g_vg` and `pass_fail`.
    #[serde(rename = "IG")]
    Ig,
    /// `G`, godkänt (pass), in `ig_g_vg` and `pass_fail`.
    G,
    /// `VG`, väl godkänt (pass with distinction), in `ig_g_vg`.
    #[serde(rename = "VG")]
    Vg,
    /// `F` (fail), in `f_a`.
    F,
    /// `E`, the lowest pass, in `f_a`.
    E,
    /// `D`, in `f_a`.
    D,
    /// `C`, in `f_a`.
    C,
    /// `B`, in `f_a`.
    B,
    /// `A`, the highest, in `f_a`.
    A,
}

impl Mark {
    /// The symbol as written: `IG`, `G`, `VG`, `F`, `E`, `D`, `C`, `B` or `A`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Ig => "IG",
            Mark::G => "G",
            Mark::Vg => "VG",
            Mark::F => "F",
            Mark::E => "E",
            Mark::D => "D",
            Mark::C => "C",
            Mark::B => "B",
            Mark::A => "A",
        }
    }

    /// Whether the mark is a pass (everything but `IG` and `F`).
    pub fn is_pass(self) -> bool {
        !matches!(self, Mark::Ig | Mark::F)
    }
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A grade of a given scale; valid by construction (the mark belongs to the scale).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Grade {
    /// The scale.
    scale: GradeScale,
    /// The mark, one of `scale.marks()`.
    mark: Mark,
}

impl Grade {
    /// Parses a grade of `scale` (surrounding whitespace and letter case are ignored); refuses
    /// a grade that is not in the scale, listing the scale's grades.
    pub fn parse(scale: GradeScale, s: &str) -> Result<Self, SfiProblem> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Problem::Required.into());
        }
        scale
            .marks()
            .iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(s))
            .map(|&mark| Grade { scale, mark })
            .ok_or_else(|| SfiProblem::GradeNotInScale {
                scale,
                allowed: scale.allowed(),
            })
    }

    /// Parses an optional grade of `scale` (a part result): empty text is `None`.
    pub fn parse_optional(scale: GradeScale, s: &str) -> Result<Option<Self>, SfiProblem> {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            Grade::parse(scale, s).map(Some)
        }
    }

    /// The scale.
    pub fn scale(self) -> GradeScale {
        self.scale
    }

    /// The mark.
    pub fn mark(self) -> Mark {
        self.mark
    }

    /// The grade as written, e.g. `VG`.
    pub fn as_str(self) -> &'static str {
        self.mark.as_str()
    }

    /// Whether the grade is a pass: G and VG; E to A. IG and F fail.
    pub fn is_pass(self) -> bool {
        self.mark.is_pass()
    }

    /// 0 for the lowest grade of the scale, rising by one per grade (IG 0, G 1, VG 2;
    /// F 0 … A 5). Only comparable within one scale.
    pub fn rank(self) -> u8 {
        let rank = self
            .scale
            .marks()
            .iter()
            .position(|&m| m == self.mark)
            .unwrap_or(0);
        u8::try_from(rank).unwrap_or(0)
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sfi::test_support::g;

    #[test]
    fn grade_scales_parse_their_file_values() {
        assert_eq!(GradeScale::parse("ig_g_vg"), Ok(GradeScale::IgGVg));
        assert_eq!(GradeScale::parse("F_A"), Ok(GradeScale::FA));
        assert_eq!(GradeScale::parse(" pass_fail"), Ok(GradeScale::PassFail));
        assert_eq!(
            GradeScale::parse("a_f"),
            Err(Problem::NotOneOf {
                allowed: "ig_g_vg, f_a, pass_fail".into()
            })
        );
    }

    #[test]
    fn each_scale_accepts_exactly_its_grades() {
        let cases = [
            (GradeScale::IgGVg, "IG G VG"),
            (GradeScale::FA, "F E D C B A"),
            (GradeScale::PassFail, "IG G"),
        ];
        let every = ["IG", "G", "VG", "F", "E", "D", "C", "B", "A"];
        for (scale, allowed) in cases {
            let allowed: Vec<&str> = allowed.split(' ').collect();
            for grade in every {
                let parsed = Grade::parse(scale, grade);
                if allowed.contains(&grade) {
                    assert_eq!(parsed.map(Grade::as_str), Ok(grade), "{scale} {grade}");
                } else {
                    assert_eq!(
                        parsed,
                        Err(SfiProblem::GradeNotInScale {
                            scale,
                            allowed: allowed.join(", ")
                        }),
                        "{scale} {grade}"
                    );
                }
            }
        }
        assert_eq!(g(GradeScale::IgGVg, " vg ").as_str(), "VG");
        assert_eq!(
            Grade::parse(GradeScale::FA, ""),
            Err(Problem::Required.into())
        );
    }

    #[test]
    fn ig_and_f_fail_every_other_grade_passes() {
        assert!(!g(GradeScale::IgGVg, "IG").is_pass());
        assert!(g(GradeScale::IgGVg, "G").is_pass());
        assert!(g(GradeScale::IgGVg, "VG").is_pass());
        assert!(!g(GradeScale::FA, "F").is_pass());
        assert!(g(GradeScale::FA, "E").is_pass());
        assert!(g(GradeScale::FA, "A").is_pass());
        assert!(!g(GradeScale::PassFail, "IG").is_pass());
        assert!(g(GradeScale::PassFail, "G").is_pass());
        assert_eq!(g(GradeScale::FA, "A").rank(), 5);
        assert_eq!(g(GradeScale::IgGVg, "VG").rank(), 2);
    }
}
