//! SFI courses A–D, the study-path rule and the rough course→CEFR guide.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::SfiProblem;
use crate::domain::cefr::CefrLevel;
use crate::domain::participant::StudyPath;
use crate::domain::problem::{parse_one_of, Problem};

/// An SFI course; courses order A < B < C < D.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SfiCourse {
    /// Course A (study path 1 only).
    A,
    /// Course B.
    B,
    /// Course C.
    C,
    /// Course D, the last.
    D,
}

impl SfiCourse {
    /// All courses, in order.
    pub const ALL: [SfiCourse; 4] = [SfiCourse::A, SfiCourse::B, SfiCourse::C, SfiCourse::D];

    /// The file value: `A`, `B`, `C` or `D`.
    pub fn as_str(self) -> &'static str {
        match self {
            SfiCourse::A => "A",
            SfiCourse::B => "B",
            SfiCourse::C => "C",
            SfiCourse::D => "D",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, SfiCourse::ALL, SfiCourse::as_str)
    }

    /// 0 for A … 3 for D.
    pub fn index(self) -> i8 {
        match self {
            SfiCourse::A => 0,
            SfiCourse::B => 1,
            SfiCourse::C => 2,
            SfiCourse::D => 3,
        }
    }

    /// Courses moved from `self` to `to`: B → D is +2, D → C is −1.
    pub fn step_to(self, to: SfiCourse) -> i8 {
        to.index() - self.index()
    }

    /// The rough, unofficial correspondence to CEFR (A ≈ A1−, B ≈ A1, C ≈ A2, D ≈ B1); a guide,
    /// never a test result.
    pub fn cefr_guide(self) -> CefrGuide {
        let (level, minus) = match self {
            SfiCourse::A => (CefrLevel::A1, true),
            SfiCourse::B => (CefrLevel::A1, false),
            SfiCourse::C => (CefrLevel::A2, false),
            SfiCourse::D => (CefrLevel::B1, false),
        };
        CefrGuide {
            level,
            minus,
            guide_only: true,
        }
    }
}

impl fmt::Display for SfiCourse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The rough CEFR level an SFI course corresponds to. Marked `guide_only` (always `true`): it
/// must be shown as a guide ("≈ A2"), never as a test result or an assessed level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CefrGuide {
    /// The nearest CEFR level.
    level: CefrLevel,
    /// Whether the course lies somewhat below that level (course A: "A1−").
    minus: bool,
    /// Always `true`: this is a guide only.
    guide_only: bool,
}

impl CefrGuide {
    /// The nearest CEFR level.
    pub fn level(self) -> CefrLevel {
        self.level
    }

    /// Whether the course lies somewhat below [`CefrGuide::level`] (course A: "A1−").
    pub fn minus(self) -> bool {
        self.minus
    }

    /// Always `true`: show this as a guide, never as a result.
    pub fn guide_only(self) -> bool {
        self.guide_only
    }

    /// The label with the "approximately" sign: `≈ A1−`, `≈ A1`, `≈ A2`, `≈ B1`.
    pub fn label(self) -> String {
        format!(
            "≈ {}{}",
            self.level.label(),
            if self.minus { "−" } else { "" }
        )
    }
}

/// The first course of a study path: path 1 starts at A, path 2 at B, path 3 at C.
pub fn path_start(path: StudyPath) -> SfiCourse {
    match path.value() {
        1 => SfiCourse::A,
        2 => SfiCourse::B,
        _ => SfiCourse::C,
    }
}

/// Whether `course` is allowed for a participant on study path `path` (no path recorded:
/// every course). Refuses a course below the path's first course, saying which course the path
/// starts at.
pub fn course_allowed(path: Option<StudyPath>, course: SfiCourse) -> Result<(), SfiProblem> {
    match path {
        Some(path) if course < path_start(path) => Err(SfiProblem::CourseBelowPathStart {
            path: path.value(),
            first: path_start(path),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sfi::test_support::any_course;
    use proptest::prelude::*;

    fn path(n: u8) -> StudyPath {
        StudyPath::try_from(n).unwrap()
    }

    #[test]
    fn courses_parse_a_to_d_in_any_case() {
        assert_eq!(SfiCourse::parse(" b "), Ok(SfiCourse::B));
        assert_eq!(
            SfiCourse::parse("E"),
            Err(Problem::NotOneOf {
                allowed: "A, B, C, D".into()
            })
        );
        assert_eq!(SfiCourse::parse(""), Err(Problem::Required));
    }

    #[test]
    fn study_path_1_starts_at_a_2_at_b_3_at_c() {
        assert_eq!(path_start(path(1)), SfiCourse::A);
        assert_eq!(path_start(path(2)), SfiCourse::B);
        assert_eq!(path_start(path(3)), SfiCourse::C);
    }

    #[test]
    fn a_course_below_the_paths_start_is_refused_saying_why() {
        assert_eq!(
            course_allowed(Some(path(2)), SfiCourse::A),
            Err(SfiProblem::CourseBelowPathStart {
                path: 2,
                first: SfiCourse::B
            })
        );
        let p = course_allowed(Some(path(3)), SfiCourse::B).unwrap_err();
        assert_eq!(
            p.to_string(),
            "Study path 3 starts at course C. Choose course C or higher."
        );
        assert_eq!(p.message_id(), "sfi-course-below-path-start");
        assert_eq!(
            p.args(),
            [("path", "3".to_owned()), ("first", "C".to_owned())]
        );
    }

    #[test]
    fn courses_from_the_paths_start_and_any_course_without_a_path_are_allowed() {
        for course in SfiCourse::ALL {
            assert_eq!(course_allowed(None, course), Ok(()));
            assert_eq!(course_allowed(Some(path(1)), course), Ok(()));
        }
        assert_eq!(course_allowed(Some(path(2)), SfiCourse::B), Ok(()));
        assert_eq!(course_allowed(Some(path(3)), SfiCourse::D), Ok(()));
    }

    #[test]
    fn the_cefr_guide_is_marked_guide_only() {
        let labels: Vec<String> = SfiCourse::ALL.map(|c| c.cefr_guide().label()).to_vec();
        assert_eq!(labels, ["≈ A1−", "≈ A1", "≈ A2", "≈ B1"]);
        assert!(SfiCourse::ALL.iter().all(|c| c.cefr_guide().guide_only()));
        assert_eq!(SfiCourse::C.cefr_guide().level(), CefrLevel::A2);
        assert!(SfiCourse::A.cefr_guide().minus());
    }

    proptest! {
        #[test]
        fn a_course_is_allowed_exactly_from_the_paths_start(p in 1u8..=3, course in any_course()) {
            let allowed = course_allowed(Some(path(p)), course).is_ok();
            prop_assert_eq!(allowed, course.index() >= i8::try_from(p).unwrap() - 1);
        }

        #[test]
        fn steps_add_up(a in any_course(), b in any_course(), c in any_course()) {
            prop_assert_eq!(a.step_to(b) + b.step_to(c), a.step_to(c));
        }
    }
}
