//! One SFI result as entered in the grid, the single-result form or a `sfi-results` file:
//! the raw text fields, and the valid record they parse into (FORMATS.md, `sfi-results`,
//! key participant_ref + test_date + course).
//!
//! Two rules need the database and are checked there: whether the participant exists (and
//! which study path they follow, see [`SfiRecord::check_course`]) and whether `teacher_email`
//! belongs to a teacher.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cefr::Occasion;
use super::participant::{format_date, parse_date, Email, ParticipantRef, StudyPath};
use super::problem::{FieldProblem, Problem};
use super::sfi::{
    check_test_date, course_allowed, Grade, GradeScale, Part, PartResults, SfiCourse,
};

/// The columns of the `sfi-results` kind, in export order.
pub const SFI_COLUMNS: [&str; 11] = [
    "participant_ref",
    "test_date",
    "occasion",
    "course",
    "grade_scale",
    "grade",
    "reading",
    "listening",
    "speaking",
    "writing",
    "teacher_email",
];

/// The text fields of one result, as typed or read from a file; nothing checked yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RawSfiResult {
    /// `participant_ref`.
    pub participant_ref: String,
    /// `test_date`, `YYYY-MM-DD`.
    pub test_date: String,
    /// `occasion`: `start`, `checkpoint` or `finish`.
    pub occasion: String,
    /// `course`: `A`–`D`.
    pub course: String,
    /// `grade_scale`: `ig_g_vg`, `f_a` or `pass_fail`.
    pub grade_scale: String,
    /// `grade`.
    pub grade: String,
    /// `reading` (optional).
    #[serde(default)]
    pub reading: String,
    /// `listening` (optional).
    #[serde(default)]
    pub listening: String,
    /// `speaking` (optional).
    #[serde(default)]
    pub speaking: String,
    /// `writing` (optional).
    #[serde(default)]
    pub writing: String,
    /// `teacher_email` (optional).
    #[serde(default)]
    pub teacher_email: String,
}

impl RawSfiResult {
    /// Builds the raw result from a column lookup (absent columns are empty).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let field = |column: &str| get(column).unwrap_or_default().to_owned();
        RawSfiResult {
            participant_ref: field("participant_ref"),
            test_date: field("test_date"),
            occasion: field("occasion"),
            course: field("course"),
            grade_scale: field("grade_scale"),
            grade: field("grade"),
            reading: field("reading"),
            listening: field("listening"),
            speaking: field("speaking"),
            writing: field("writing"),
            teacher_email: field("teacher_email"),
        }
    }

    /// True when nothing that describes a result was entered: no grade and no part result.
    /// A grid row like this is skipped, not refused.
    pub fn is_blank(&self) -> bool {
        [
            &self.grade,
            &self.reading,
            &self.listening,
            &self.speaking,
            &self.writing,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }

    fn part_fields(&self) -> [&str; 4] {
        [
            &self.reading,
            &self.listening,
            &self.speaking,
            &self.writing,
        ]
    }
}

/// A valid SFI result.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SfiRecord {
    /// Whose result.
    pub participant_ref: ParticipantRef,
    /// The test date, not in the future.
    pub test_date: NaiveDate,
    /// Start, checkpoint or finish.
    pub occasion: Occasion,
    /// The course tested.
    pub course: SfiCourse,
    /// The course grade (it carries its scale).
    pub grade: Grade,
    /// The part results, of the same scale.
    pub parts: PartResults,
    /// The teacher, if given.
    pub teacher_email: Option<Email>,
}

impl SfiRecord {
    /// Checks every field of `raw`; returns every problem (in column order) if any.
    pub fn validate(raw: &RawSfiResult, today: NaiveDate) -> Result<Self, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut check = |field: &str, value: &str, r: Result<(), Problem>| {
            if let Err(problem) = r {
                problems.push(FieldProblem::new(field, value, problem));
            }
        };
        let participant_ref = ParticipantRef::parse(&raw.participant_ref);
        check(
            "participant_ref",
            &raw.participant_ref,
            participant_ref.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let test_date = parse_date(&raw.test_date).and_then(|d| check_test_date(d, today));
        check(
            "test_date",
            &raw.test_date,
            test_date.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let occasion = Occasion::parse(&raw.occasion);
        check(
            "occasion",
            &raw.occasion,
            occasion.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let course = SfiCourse::parse(&raw.course);
        check(
            "course",
            &raw.course,
            course.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let scale = GradeScale::parse(&raw.grade_scale);
        check(
            "grade_scale",
            &raw.grade_scale,
            scale.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let (grade, parts) = match scale {
            Ok(scale) => {
                let grade = Grade::parse(scale, &raw.grade).map_err(Problem::from);
                check(
                    "grade",
                    &raw.grade,
                    grade.as_ref().map(|_| ()).map_err(Clone::clone),
                );
                let parts = PartResults::parse(scale, raw.part_fields());
                if let Err(part_problems) = &parts {
                    for (part, problem) in part_problems {
                        let value = raw.part_fields()[part_index(*part)];
                        check(part.as_str(), value, Err(problem.clone().into()));
                    }
                }
                (grade.ok(), parts.ok())
            }
            Err(_) => {
                // Without a scale no grade can be checked; an empty grade is still reported.
                if raw.grade.trim().is_empty() {
                    check("grade", &raw.grade, Err(Problem::Required));
                }
                (None, None)
            }
        };
        let teacher_email = if raw.teacher_email.trim().is_empty() {
            Ok(None)
        } else {
            Email::parse(&raw.teacher_email).map(Some)
        };
        check(
            "teacher_email",
            &raw.teacher_email,
            teacher_email.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        match (
            participant_ref,
            test_date,
            occasion,
            course,
            grade,
            parts,
            teacher_email,
        ) {
            (
                Ok(participant_ref),
                Ok(test_date),
                Ok(occasion),
                Ok(course),
                Some(grade),
                Some(parts),
                Ok(teacher_email),
            ) if problems.is_empty() => Ok(SfiRecord {
                participant_ref,
                test_date,
                occasion,
                course,
                grade,
                parts,
                teacher_email,
            }),
            _ => Err(problems),
        }
    }

    /// The study-path rule for this record's course (the path comes from the participant).
    pub fn check_course(&self, path: Option<StudyPath>) -> Result<(), FieldProblem> {
        course_allowed(path, self.course)
            .map_err(|p| FieldProblem::new("course", self.course.as_str(), p.into()))
    }

    /// The grade scale of the course grade and the part results.
    pub fn scale(&self) -> GradeScale {
        self.grade.scale()
    }

    /// The natural key: participant, date, course.
    pub fn key(&self) -> (ParticipantRef, NaiveDate, SfiCourse) {
        (self.participant_ref.clone(), self.test_date, self.course)
    }

    /// The record's values in [`SFI_COLUMNS`] order, as written to a file.
    pub fn to_csv_fields(&self) -> Vec<String> {
        let part = |p: Part| {
            self.parts
                .get(p)
                .map(|g| g.as_str().to_owned())
                .unwrap_or_default()
        };
        vec![
            self.participant_ref.to_string(),
            format_date(self.test_date),
            self.occasion.as_str().to_owned(),
            self.course.as_str().to_owned(),
            self.scale().as_str().to_owned(),
            self.grade.as_str().to_owned(),
            part(Part::Reading),
            part(Part::Listening),
            part(Part::Speaking),
            part(Part::Writing),
            self.teacher_email
                .as_ref()
                .map(|e| e.as_str().to_owned())
                .unwrap_or_default(),
        ]
    }

    /// The record as raw text fields (what [`SfiRecord::validate`] reads back).
    pub fn to_raw(&self) -> RawSfiResult {
        let f = self.to_csv_fields();
        RawSfiResult::from_lookup(|column| {
            SFI_COLUMNS
                .iter()
                .position(|c| *c == column)
                .and_then(|i| f.get(i))
                .map(String::as_str)
        })
    }
}

fn part_index(part: Part) -> usize {
    Part::ALL.iter().position(|p| *p == part).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn raw() -> RawSfiResult {
        RawSfiResult {
            participant_ref: "P-0001".into(),
            test_date: "2026-11-20".into(),
            occasion: "checkpoint".into(),
            course: "C".into(),
            grade_scale: "f_a".into(),
            grade: "C".into(),
            reading: "B".into(),
            listening: String::new(),
            speaking: "e".into(),
            writing: String::new(),
            teacher_email: "Larare@Example.se".into(),
        }
    }

    fn fields(problems: &[FieldProblem]) -> Vec<&str> {
        problems.iter().map(|p| p.field.as_str()).collect()
    }

    #[test]
    fn a_valid_result_parses_with_its_parts_and_lower_case_email() {
        let r = SfiRecord::validate(&raw(), today()).unwrap();
        assert_eq!(r.course, SfiCourse::C);
        assert_eq!(r.grade.as_str(), "C");
        assert_eq!(r.parts.get(Part::Speaking).unwrap().as_str(), "E");
        assert_eq!(r.parts.get(Part::Listening), None);
        assert_eq!(r.teacher_email.unwrap().as_str(), "larare@example.se");
    }

    #[test]
    fn every_bad_field_is_reported_in_column_order() {
        let mut bad = raw();
        bad.participant_ref = String::new();
        bad.test_date = "2026-12-01".into();
        bad.occasion = "middle".into();
        bad.course = "E".into();
        bad.grade = "VG".into();
        bad.writing = "G".into();
        bad.teacher_email = "nope".into();
        let problems = SfiRecord::validate(&bad, today()).unwrap_err();
        assert_eq!(
            fields(&problems),
            [
                "participant_ref",
                "test_date",
                "occasion",
                "course",
                "grade",
                "writing",
                "teacher_email"
            ]
        );
        assert_eq!(problems[1].problem, Problem::DateInFuture);
        assert_eq!(
            problems[4].problem,
            Problem::GradeNotInScale {
                scale: "F–A".into(),
                allowed: "F, E, D, C, B, A".into()
            }
        );
    }

    #[test]
    fn an_unknown_scale_is_reported_once_and_the_grade_not_judged() {
        let mut bad = raw();
        bad.grade_scale = "abc".into();
        let problems = SfiRecord::validate(&bad, today()).unwrap_err();
        assert_eq!(fields(&problems), ["grade_scale"]);
        bad.grade = " ".into();
        let problems = SfiRecord::validate(&bad, today()).unwrap_err();
        assert_eq!(fields(&problems), ["grade_scale", "grade"]);
    }

    #[test]
    fn the_course_must_not_be_below_the_path_start() {
        let mut r = raw();
        r.course = "B".into();
        let record = SfiRecord::validate(&r, today()).unwrap();
        assert!(record.check_course(StudyPath::parse("2").ok()).is_ok());
        assert!(record.check_course(None).is_ok());
        let p = record.check_course(StudyPath::parse("3").ok()).unwrap_err();
        assert_eq!(p.field, "course");
        assert_eq!(
            p.problem,
            Problem::CourseBelowPathStart {
                path: 3,
                first: "C".into()
            }
        );
    }

    #[test]
    fn a_row_without_grades_is_blank() {
        let mut r = raw();
        assert!(!r.is_blank());
        r.grade = String::new();
        r.reading = " ".into();
        r.speaking = String::new();
        assert!(r.is_blank());
    }

    fn grade_of(scale: GradeScale) -> impl Strategy<Value = String> {
        proptest::sample::select(scale.marks().to_vec()).prop_map(|m| m.as_str().to_owned())
    }

    proptest! {
        #[test]
        fn a_record_reads_back_from_its_fields(
            day in 0i64..3000,
            course in 0usize..4,
            occasion in 0usize..3,
            (scale, grade, part) in proptest::sample::select(GradeScale::ALL.to_vec())
                .prop_flat_map(|s| (Just(s), grade_of(s), proptest::option::of(grade_of(s)))),
        ) {
            let date = today() - chrono::Duration::days(day);
            let r = RawSfiResult {
                participant_ref: "P-1".into(),
                test_date: format_date(date),
                occasion: Occasion::ALL[occasion].as_str().into(),
                course: SfiCourse::ALL[course].as_str().into(),
                grade_scale: scale.as_str().into(),
                grade,
                reading: part.unwrap_or_default(),
                ..RawSfiResult::default()
            };
            let record = SfiRecord::validate(&r, today()).unwrap();
            prop_assert_eq!(SfiRecord::validate(&record.to_raw(), today()), Ok(record.clone()));
        }

        #[test]
        fn validation_never_panics(fields in proptest::collection::vec(any::<String>(), 11)) {
            let raw = RawSfiResult::from_lookup(|c| {
                SFI_COLUMNS.iter().position(|x| *x == c).map(|i| fields[i].as_str())
            });
            let _ = SfiRecord::validate(&raw, today());
        }
    }
}
