//! SFI test results (issue 3; DOMAIN.md, "Testing language"): courses A–D and the study-path
//! rule, the three grade scales and their grades, part results, the rough course→CEFR guide,
//! and the derivation of start and finish from a participant's results.
//!
//! Compiled for the browser too: only serde, chrono and thiserror.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cefr::{CefrLevel, Occasion};
use super::participant::StudyPath;
use super::problem::{parse_one_of, Problem};

/// What is wrong with an SFI result; rendered through the Fluent catalogue (message id + args),
/// like [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SfiProblem {
    /// One of the shared problems (required, not one of, date in the future, …).
    #[error(transparent)]
    Common(#[from] Problem),
    /// A course below the first course of the participant's study path.
    #[error("Study path {path} starts at course {first}. Choose course {first} or higher.")]
    CourseBelowPathStart {
        /// The study path, 1–3.
        path: u8,
        /// The first course of that path, `A`–`C`.
        first: SfiCourse,
    },
    /// A grade (or part result) that is not a grade of the result's scale.
    #[error("Not a grade of the scale {scale}. Allowed grades: {allowed}.")]
    GradeNotInScale {
        /// The scale's file value, e.g. `ig_g_vg`.
        scale: GradeScale,
        /// The scale's grades, separated by ", ", e.g. "IG, G, VG".
        allowed: String,
    },
}

impl SfiProblem {
    /// The Fluent message id, e.g. `"sfi-grade-not-in-scale"`; shared problems keep their ids.
    pub fn message_id(&self) -> &'static str {
        match self {
            SfiProblem::Common(problem) => problem.message_id(),
            SfiProblem::CourseBelowPathStart { .. } => "sfi-course-below-path-start",
            SfiProblem::GradeNotInScale { .. } => "sfi-grade-not-in-scale",
        }
    }

    /// The Fluent arguments of the message, as strings.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            SfiProblem::Common(problem) => problem.args(),
            SfiProblem::CourseBelowPathStart { path, first } => {
                vec![("path", path.to_string()), ("first", first.to_string())]
            }
            SfiProblem::GradeNotInScale { scale, allowed } => {
                vec![("scale", scale.to_string()), ("allowed", allowed.clone())]
            }
        }
    }
}

impl From<SfiProblem> for Problem {
    fn from(p: SfiProblem) -> Self {
        match p {
            SfiProblem::Common(problem) => problem,
            SfiProblem::CourseBelowPathStart { path, first } => Problem::CourseBelowPathStart {
                path,
                first: first.to_string(),
            },
            SfiProblem::GradeNotInScale { scale, allowed } => Problem::GradeNotInScale {
                scale: scale.to_string(),
                allowed,
            },
        }
    }
}

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

/// A part of the national test whose result may be recorded beside the course grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// `reading`
    Reading,
    /// `listening`
    Listening,
    /// `speaking`
    Speaking,
    /// `writing`
    Writing,
}

impl Part {
    /// All parts, in the order of the file columns.
    pub const ALL: [Part; 4] = [
        Part::Reading,
        Part::Listening,
        Part::Speaking,
        Part::Writing,
    ];

    /// The column name: `reading`, `listening`, `speaking` or `writing`.
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Reading => "reading",
            Part::Listening => "listening",
            Part::Speaking => "speaking",
            Part::Writing => "writing",
        }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The optional part results of one test, all of the result's grade scale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PartResults {
    /// Reading.
    pub reading: Option<Grade>,
    /// Listening (course B combines listening and reading; record it in either or both).
    pub listening: Option<Grade>,
    /// Speaking.
    pub speaking: Option<Grade>,
    /// Writing.
    pub writing: Option<Grade>,
}

impl PartResults {
    /// Parses the four part fields (in the order of [`Part::ALL`]; empty = no result) with the
    /// grades of `scale`; every invalid field is reported with its part, in column order.
    pub fn parse(scale: GradeScale, fields: [&str; 4]) -> Result<Self, Vec<(Part, SfiProblem)>> {
        let mut results = PartResults::default();
        let mut problems = Vec::new();
        for (part, field) in Part::ALL.into_iter().zip(fields) {
            match Grade::parse_optional(scale, field) {
                Ok(grade) => *results.get_mut(part) = grade,
                Err(problem) => problems.push((part, problem)),
            }
        }
        if problems.is_empty() {
            Ok(results)
        } else {
            Err(problems)
        }
    }

    /// The result of `part`.
    pub fn get(&self, part: Part) -> Option<Grade> {
        match part {
            Part::Reading => self.reading,
            Part::Listening => self.listening,
            Part::Speaking => self.speaking,
            Part::Writing => self.writing,
        }
    }

    /// The result of `part`, to change.
    fn get_mut(&mut self, part: Part) -> &mut Option<Grade> {
        match part {
            Part::Reading => &mut self.reading,
            Part::Listening => &mut self.listening,
            Part::Speaking => &mut self.speaking,
            Part::Writing => &mut self.writing,
        }
    }
}

/// Refuses a test date after `today`.
pub fn check_test_date(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Problem> {
    if date > today {
        Err(Problem::DateInFuture)
    } else {
        Ok(date)
    }
}

/// One SFI result of a participant, as far as start and finish are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SfiResult {
    /// The test date.
    pub date: NaiveDate,
    /// The course.
    pub course: SfiCourse,
    /// The occasion, if one was set explicitly.
    pub occasion: Option<Occasion>,
    /// The course grade.
    pub grade: Grade,
}

/// A participant's SFI start and finish, shown side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StartFinish {
    /// Index of the start result in the slice given to [`start_and_finish`].
    pub start_index: usize,
    /// The start result.
    pub start: SfiResult,
    /// Index of the finish result, if there is one.
    pub finish_index: Option<usize>,
    /// The finish result, if there is one.
    pub finish: Option<SfiResult>,
}

impl StartFinish {
    /// Courses moved from start to finish (B → D is +2); `None` without a finish.
    pub fn step(&self) -> Option<i8> {
        self.finish.map(|f| self.start.course.step_to(f.course))
    }
}

/// Derives start and finish from one participant's results; `None` without results.
///
/// Start: the earliest result marked `start`; without one, the earliest result. Finish: the
/// latest result marked `finish`; without one, the latest result other than the start that is
/// not dated before it — so a single result has no finish yet. Results on the same date are
/// ordered by course (the lower course is the earlier), then by position in the slice.
pub fn start_and_finish(results: &[SfiResult]) -> Option<StartFinish> {
    let key = |&(i, r): &(usize, &SfiResult)| (r.date, r.course, i);
    let marked = |occasion: Occasion| {
        results
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.occasion == Some(occasion))
    };
    let (start_index, start) = marked(Occasion::Start)
        .min_by_key(key)
        .or_else(|| results.iter().enumerate().min_by_key(key))?;
    let finish = marked(Occasion::Finish).max_by_key(key).or_else(|| {
        results
            .iter()
            .enumerate()
            .filter(|&(i, r)| i != start_index && r.date >= start.date)
            .max_by_key(key)
    });
    Some(StartFinish {
        start_index,
        start: *start,
        finish_index: finish.map(|(i, _)| i),
        finish: finish.map(|(_, r)| *r),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn path(n: u8) -> StudyPath {
        StudyPath::try_from(n).unwrap()
    }

    fn g(scale: GradeScale, s: &str) -> Grade {
        Grade::parse(scale, s).unwrap()
    }

    fn result(day: u32, course: SfiCourse, occasion: Option<Occasion>) -> SfiResult {
        SfiResult {
            date: date(2026, 1, day),
            course,
            occasion,
            grade: g(GradeScale::FA, "E"),
        }
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

    #[test]
    fn part_results_use_the_results_scale_and_may_be_empty() {
        let parts = PartResults::parse(GradeScale::FA, ["C", "", " e ", ""]).unwrap();
        assert_eq!(parts.get(Part::Reading).map(Grade::as_str), Some("C"));
        assert_eq!(parts.listening, None);
        assert_eq!(parts.get(Part::Speaking).map(Grade::as_str), Some("E"));
        let problems = PartResults::parse(GradeScale::PassFail, ["VG", "G", "", "A"]).unwrap_err();
        let parts: Vec<Part> = problems.iter().map(|(p, _)| *p).collect();
        assert_eq!(parts, [Part::Reading, Part::Writing]);
        assert_eq!(
            problems[0].1.to_string(),
            "Not a grade of the scale pass_fail. Allowed grades: IG, G."
        );
    }

    #[test]
    fn the_cefr_guide_is_marked_guide_only() {
        let labels: Vec<String> = SfiCourse::ALL.map(|c| c.cefr_guide().label()).to_vec();
        assert_eq!(labels, ["≈ A1−", "≈ A1", "≈ A2", "≈ B1"]);
        assert!(SfiCourse::ALL.iter().all(|c| c.cefr_guide().guide_only()));
        assert_eq!(SfiCourse::C.cefr_guide().level(), CefrLevel::A2);
        assert!(SfiCourse::A.cefr_guide().minus());
    }

    #[test]
    fn a_test_date_may_be_today_but_not_later() {
        let today = date(2026, 3, 2);
        assert_eq!(check_test_date(today, today), Ok(today));
        assert_eq!(
            check_test_date(date(2026, 3, 3), today),
            Err(Problem::DateInFuture)
        );
    }

    #[test]
    fn start_and_finish_are_first_and_last_by_date() {
        let results = [
            result(20, SfiCourse::C, Some(Occasion::Checkpoint)),
            result(5, SfiCourse::B, None),
            result(28, SfiCourse::D, None),
        ];
        let sf = start_and_finish(&results).unwrap();
        assert_eq!((sf.start_index, sf.finish_index), (1, Some(2)));
        assert_eq!(sf.start.course, SfiCourse::B);
        assert_eq!(sf.step(), Some(2));
    }

    #[test]
    fn an_explicit_start_or_finish_occasion_wins_over_the_date() {
        let results = [
            result(2, SfiCourse::A, None),
            result(10, SfiCourse::B, Some(Occasion::Start)),
            result(20, SfiCourse::C, Some(Occasion::Finish)),
            result(28, SfiCourse::D, Some(Occasion::Checkpoint)),
        ];
        let sf = start_and_finish(&results).unwrap();
        assert_eq!((sf.start_index, sf.finish_index), (1, Some(2)));
        assert_eq!(sf.step(), Some(1));
    }

    #[test]
    fn a_single_result_is_a_start_without_a_finish() {
        let sf = start_and_finish(&[result(5, SfiCourse::B, None)]).unwrap();
        assert_eq!((sf.start_index, sf.finish, sf.step()), (0, None, None));
        assert_eq!(start_and_finish(&[]), None);
    }

    #[test]
    fn a_single_explicit_finish_is_both_start_and_finish() {
        let sf = start_and_finish(&[result(5, SfiCourse::C, Some(Occasion::Finish))]).unwrap();
        assert_eq!(
            (sf.start_index, sf.finish_index, sf.step()),
            (0, Some(0), Some(0))
        );
    }

    #[test]
    fn an_implied_finish_is_never_before_an_explicit_start() {
        let results = [
            result(3, SfiCourse::A, None),
            result(10, SfiCourse::B, Some(Occasion::Start)),
        ];
        let sf = start_and_finish(&results).unwrap();
        assert_eq!((sf.start_index, sf.finish_index), (1, None));
    }

    #[test]
    fn results_on_one_day_order_by_course() {
        let results = [result(5, SfiCourse::C, None), result(5, SfiCourse::B, None)];
        let sf = start_and_finish(&results).unwrap();
        assert_eq!(
            (sf.start_index, sf.finish_index, sf.step()),
            (1, Some(0), Some(1))
        );
    }

    #[test]
    fn sfi_problems_have_ids_and_string_args() {
        let p = SfiProblem::GradeNotInScale {
            scale: GradeScale::IgGVg,
            allowed: GradeScale::IgGVg.allowed(),
        };
        assert_eq!(p.message_id(), "sfi-grade-not-in-scale");
        assert_eq!(
            p.args(),
            [
                ("scale", "ig_g_vg".to_owned()),
                ("allowed", "IG, G, VG".to_owned())
            ]
        );
        assert_eq!(
            SfiProblem::from(Problem::DateInFuture).message_id(),
            "problem-date-in-future"
        );
    }

    fn any_course() -> impl Strategy<Value = SfiCourse> {
        prop::sample::select(SfiCourse::ALL.to_vec())
    }

    fn any_occasion() -> impl Strategy<Value = Option<Occasion>> {
        prop::option::of(prop::sample::select(Occasion::ALL.to_vec()))
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

        #[test]
        fn start_and_finish_pick_per_the_rule(
            rows in prop::collection::vec((1u32..=28, any_course(), any_occasion()), 1..8)
        ) {
            let results: Vec<SfiResult> = rows.iter().map(|&(d, c, o)| result(d, c, o)).collect();
            let sf = start_and_finish(&results).unwrap();
            let starts: Vec<&SfiResult> = results.iter().filter(|r| r.occasion == Some(Occasion::Start)).collect();
            let earliest = |rs: &[&SfiResult]| rs.iter().map(|r| (r.date, r.course)).min();
            let pool: Vec<&SfiResult> = if starts.is_empty() { results.iter().collect() } else { starts };
            prop_assert_eq!(Some((sf.start.date, sf.start.course)), earliest(&pool));
            let finishes: Vec<&SfiResult> = results.iter().filter(|r| r.occasion == Some(Occasion::Finish)).collect();
            if let Some(latest) = finishes.iter().map(|r| (r.date, r.course)).max() {
                prop_assert_eq!(sf.finish.map(|f| (f.date, f.course)), Some(latest));
            } else if let Some(finish) = sf.finish {
                prop_assert!(finish.date >= sf.start.date);
                prop_assert!(sf.finish_index != Some(sf.start_index));
            } else {
                prop_assert!(results.iter().enumerate().all(|(i, r)| i == sf.start_index || r.date < sf.start.date));
            }
        }
    }
}
