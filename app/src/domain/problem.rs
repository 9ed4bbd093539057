//! Translatable validation problems.
//!
//! Every problem carries a Fluent message id and its arguments; the messages
//! live in `locales/{en,sv}/validation.ftl`. The `Display` texts are the
//! English messages with the arguments filled in (used on the command line);
//! a test keeps them equal to the English catalogue.
//!
//! Arguments are passed as strings on purpose: Fluent would format numbers
//! with digit grouping ("1 900" in Swedish), which is wrong for years.

use serde::{Deserialize, Serialize};

use super::weeks::TimeProblem;

/// What is wrong with one value; rendered through the Fluent catalogue (message id + args).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Problem {
    /// A required value is empty.
    #[error("Required. Fill in a value.")]
    Required,
    /// The text has more than `max` characters.
    #[error("Too long: at most {max} characters.")]
    TooLong {
        /// The largest number of characters allowed.
        max: usize,
    },
    /// Not a date written as `YYYY-MM-DD`.
    #[error("Not a date. Write the date as YYYY-MM-DD, for example 2026-03-01.")]
    NotADate,
    /// A date that must not lie in the future does.
    #[error("The date is in the future. Only today or earlier is allowed.")]
    DateInFuture,
    /// A date that must not be after the start date is.
    #[error("Must not be after the start date.")]
    DateAfterStart,
    /// Not a whole number written with digits.
    #[error("Not a whole number. Write digits only.")]
    NotAnInteger,
    /// A number outside `min..=max`.
    #[error("Must be a number from {min} to {max}.")]
    OutOfRange {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
    },
    /// Not one of a fixed set of values.
    #[error("Not an allowed value. Allowed values: {allowed}.")]
    NotOneOf {
        /// The allowed values, separated by ", ", e.g. "female, male, other, unspecified".
        allowed: String,
    },
    /// One or more language codes that are not ISO 639-1 codes.
    #[error("Not an ISO 639-1 language code: {code}. Write two-letter codes separated by commas, for example ar,en.")]
    BadLanguageCode {
        /// The rejected code(s), separated by ", ".
        code: String,
    },
    /// A participant id with characters other than letters A–Z, digits, `-`, `_`.
    #[error("Use only the letters A–Z, digits, - and _, for example P-0042.")]
    BadParticipantRef,
    /// Not a plausible email address.
    #[error("Not an email address. Write it as name@example.se.")]
    BadEmail,
    /// Text with control characters (tab, line break, …).
    #[error("Contains invisible control characters such as tabs or line breaks. Remove them.")]
    ControlCharacter,
    /// No user with the mentor role has this email address (checked against the database).
    #[error("No user with the mentor role has this email address.")]
    UnknownMentor,
    /// No user with the teacher role has this email address (checked against the database).
    #[error("No user with the teacher role has this email address.")]
    UnknownTeacher,
    /// The chosen user is not a teacher.
    #[error("This user is not an SFI teacher. Choose a user with the teacher role.")]
    NotATeacher,
    /// An end date before the start date.
    #[error("The end date cannot be before the start date.")]
    EndBeforeStart,
    /// No participant has this id (checked against the database).
    #[error("No participant with this ID exists.")]
    UnknownParticipant,
    /// The value is already used by another record (e.g. an existing participant_ref or email).
    #[error("Already in use. Choose another value.")]
    AlreadyTaken,
    /// A school name that already exists in another district.
    #[error("This school is already registered in the district {district}.")]
    SchoolInOtherDistrict {
        /// The district the school is registered in.
        district: String,
    },
    /// A PIN that is not 4–6 digits.
    #[error("Write 4 to 6 digits.")]
    BadPin,
    /// Not a personal sign-in code (6 letters and digits).
    #[error("Not a personal code. A code has 6 letters and digits, for example K7M-4QX.")]
    BadSignInCode,
    /// A new password shorter than `min` characters.
    #[error("Too short: at least {min} characters.")]
    PasswordTooShort {
        /// The fewest characters allowed.
        min: usize,
    },
    /// The same key appears twice in one file; reported on the later line.
    #[error("Same key as line {first_line} of this file. Each key may appear only once.")]
    Duplicate {
        /// The line where the key first appeared.
        first_line: usize,
    },
    /// An SFI course below the first course of the participant's study path.
    #[error("Study path {path} starts at course {first}. Choose course {first} or higher.")]
    CourseBelowPathStart {
        /// The study path, 1–3.
        path: u8,
        /// The first course of that path, `A`–`C`.
        first: String,
    },
    /// A grade (or part result) that is not a grade of the result's scale.
    #[error("Not a grade of the scale {scale}. Allowed grades: {allowed}.")]
    GradeNotInScale {
        /// The scale's file value, e.g. `ig_g_vg`.
        scale: String,
        /// The scale's grades, separated by ", ", e.g. "IG, G, VG".
        allowed: String,
    },
    /// A level that would change a self-assessment submitted on the tablet.
    #[error(
        "A self-assessment made on the tablet is never changed; it has the level {level} here."
    )]
    FrozenAssessment {
        /// The level the tablet assessment has, e.g. `a2`.
        level: String,
    },
    /// Not a clock time `HH:MM` (24 hours).
    #[error("Not a time. Write the time as HH:MM, for example 08:30.")]
    NotATime,
    /// A teacher given for self-study, which has none.
    #[error("Only taught time has a teacher. Leave the teacher empty for self-study.")]
    TeacherOnlyForTeaching,
    /// A problem with weeks, plans or recorded time (see [`TimeProblem`]).
    #[error("{0}")]
    Time(Box<TimeProblem>),
}

impl From<TimeProblem> for Problem {
    fn from(problem: TimeProblem) -> Self {
        match problem {
            TimeProblem::Common(p) => p,
            other => Problem::Time(Box::new(other)),
        }
    }
}

impl Problem {
    /// The Fluent message id, e.g. `"problem-required"`.
    pub fn message_id(&self) -> &'static str {
        match self {
            Problem::Required => "problem-required",
            Problem::TooLong { .. } => "problem-too-long",
            Problem::NotADate => "problem-not-a-date",
            Problem::DateInFuture => "problem-date-in-future",
            Problem::DateAfterStart => "problem-date-after-start",
            Problem::NotAnInteger => "problem-not-an-integer",
            Problem::OutOfRange { .. } => "problem-out-of-range",
            Problem::NotOneOf { .. } => "problem-not-one-of",
            Problem::BadLanguageCode { .. } => "problem-bad-language-code",
            Problem::BadParticipantRef => "problem-bad-participant-ref",
            Problem::BadEmail => "problem-bad-email",
            Problem::ControlCharacter => "problem-control-character",
            Problem::UnknownMentor => "problem-unknown-mentor",
            Problem::UnknownTeacher => "problem-unknown-teacher",
            Problem::NotATeacher => "problem-not-a-teacher",
            Problem::EndBeforeStart => "problem-end-before-start",
            Problem::UnknownParticipant => "problem-unknown-participant",
            Problem::AlreadyTaken => "problem-already-taken",
            Problem::SchoolInOtherDistrict { .. } => "problem-school-in-other-district",
            Problem::BadPin => "problem-bad-pin",
            Problem::BadSignInCode => "problem-bad-sign-in-code",
            Problem::PasswordTooShort { .. } => "problem-password-too-short",
            Problem::Duplicate { .. } => "problem-duplicate",
            Problem::CourseBelowPathStart { .. } => "sfi-course-below-path-start",
            Problem::GradeNotInScale { .. } => "sfi-grade-not-in-scale",
            Problem::FrozenAssessment { .. } => "problem-frozen-assessment",
            Problem::NotATime => "problem-not-a-time",
            Problem::TeacherOnlyForTeaching => "problem-teacher-only-for-teaching",
            Problem::Time(t) => t.message_id(),
        }
    }

    /// The Fluent arguments of the message, as strings.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Problem::TooLong { max } => vec![("max", max.to_string())],
            Problem::OutOfRange { min, max } => {
                vec![("min", min.to_string()), ("max", max.to_string())]
            }
            Problem::NotOneOf { allowed } => vec![("allowed", allowed.clone())],
            Problem::BadLanguageCode { code } => vec![("code", code.clone())],
            Problem::Duplicate { first_line } => vec![("first_line", first_line.to_string())],
            Problem::SchoolInOtherDistrict { district } => vec![("district", district.clone())],
            Problem::PasswordTooShort { min } => vec![("min", min.to_string())],
            Problem::CourseBelowPathStart { path, first } => {
                vec![("path", path.to_string()), ("first", first.clone())]
            }
            Problem::GradeNotInScale { scale, allowed } => {
                vec![("scale", scale.clone()), ("allowed", allowed.clone())]
            }
            Problem::FrozenAssessment { level } => vec![("level", level.clone())],
            Problem::Time(t) => t.args(),
            Problem::Required
            | Problem::NotADate
            | Problem::DateInFuture
            | Problem::DateAfterStart
            | Problem::NotAnInteger
            | Problem::BadParticipantRef
            | Problem::BadEmail
            | Problem::ControlCharacter
            | Problem::UnknownMentor
            | Problem::UnknownTeacher
            | Problem::NotATeacher
            | Problem::EndBeforeStart
            | Problem::UnknownParticipant
            | Problem::AlreadyTaken
            | Problem::BadPin
            | Problem::BadSignInCode
            | Problem::NotATime
            | Problem::TeacherOnlyForTeaching => Vec::new(),
        }
    }
}

/// Parses one of a closed set of file values (`female`, `teaching`, `ig_g_vg` …): surrounding
/// whitespace and letter case are ignored; empty is [`Problem::Required`], anything else
/// [`Problem::NotOneOf`] listing what is allowed.
pub fn parse_one_of<T: Copy, const N: usize>(
    s: &str,
    all: [T; N],
    as_str: fn(T) -> &'static str,
) -> Result<T, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    all.into_iter()
        .find(|v| as_str(*v).eq_ignore_ascii_case(s))
        .ok_or_else(|| Problem::NotOneOf {
            allowed: all.map(as_str).join(", "),
        })
}

/// A problem tied to a named field (column / form field name, e.g. "birth_year").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    /// The column or form field name, e.g. `birth_year`.
    pub field: String,
    /// The value as given (untrimmed).
    pub value: String,
    /// What is wrong with it.
    pub problem: Problem,
}

impl FieldProblem {
    /// A problem with `value` in `field`.
    pub fn new(field: impl Into<String>, value: impl Into<String>, problem: Problem) -> Self {
        FieldProblem {
            field: field.into(),
            value: value.into(),
            problem,
        }
    }
}

/// A field problem on one line of an imported file (the header is line 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    /// Physical line in the file where the record starts.
    pub line: usize,
    /// The column, value and problem.
    pub field: FieldProblem,
}

/// Why a whole file cannot be read (before looking at the values of its rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FileProblem {
    /// No header line at all.
    #[error("The file is empty. The first line must name the columns.")]
    Empty,
    /// A required column is not in the header.
    #[error("The required column {column} is missing from the first line.")]
    MissingColumn {
        /// The missing column name.
        column: String,
    },
    /// The header names a column this kind of file does not have.
    #[error("Unknown column {column}. Allowed columns: {allowed}.")]
    UnknownColumn {
        /// The unknown name, as written.
        column: String,
        /// All column names of this kind, separated by ", ".
        allowed: String,
    },
    /// The header names the same column twice.
    #[error("The column {column} appears more than once in the first line.")]
    DuplicateColumn {
        /// The repeated column name.
        column: String,
    },
    /// A header field is empty.
    #[error("Column {position} in the first line has no name.")]
    BlankColumnName {
        /// 1-based position of the column.
        position: usize,
    },
    /// The CSV reader could not read a record.
    #[error("Line {line} could not be read: {detail}")]
    BadRecord {
        /// Line where the record starts.
        line: usize,
        /// The reader's explanation (English).
        detail: String,
    },
    /// A record has more or fewer fields than the header has columns.
    #[error("Line {line} has {found} fields, but the first line has {expected} columns.")]
    WrongFieldCount {
        /// Line where the record starts.
        line: usize,
        /// Number of columns in the header.
        expected: usize,
        /// Number of fields on this line.
        found: usize,
    },
}

impl FileProblem {
    /// The Fluent message id, e.g. `"file-missing-column"`.
    pub fn message_id(&self) -> &'static str {
        match self {
            FileProblem::Empty => "file-empty",
            FileProblem::MissingColumn { .. } => "file-missing-column",
            FileProblem::UnknownColumn { .. } => "file-unknown-column",
            FileProblem::DuplicateColumn { .. } => "file-duplicate-column",
            FileProblem::BlankColumnName { .. } => "file-blank-column-name",
            FileProblem::BadRecord { .. } => "file-bad-record",
            FileProblem::WrongFieldCount { .. } => "file-wrong-field-count",
        }
    }

    /// The Fluent arguments of the message, as strings.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            FileProblem::Empty => Vec::new(),
            FileProblem::MissingColumn { column } | FileProblem::DuplicateColumn { column } => {
                vec![("column", column.clone())]
            }
            FileProblem::UnknownColumn { column, allowed } => {
                vec![("column", column.clone()), ("allowed", allowed.clone())]
            }
            FileProblem::BlankColumnName { position } => vec![("position", position.to_string())],
            FileProblem::BadRecord { line, detail } => {
                vec![("line", line.to_string()), ("detail", detail.clone())]
            }
            FileProblem::WrongFieldCount {
                line,
                expected,
                found,
            } => vec![
                ("line", line.to_string()),
                ("expected", expected.to_string()),
                ("found", found.to_string()),
            ],
        }
    }
}

/// Why an import stored nothing: the file as a whole, or a list of row problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportRejection {
    /// The file could not be read (header or record structure).
    File(FileProblem),
    /// Every invalid value, by line.
    Rows(Vec<RowProblem>),
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    const EN: &str = include_str!("../../locales/en/validation.ftl");
    const SV: &str = include_str!("../../locales/sv/validation.ftl");

    /// Message id → message text, by a simple line scan (one-line messages only).
    fn catalogue(ftl: &str) -> BTreeMap<String, String> {
        ftl.lines()
            .filter(|line| !line.starts_with('#') && !line.starts_with(' '))
            .filter_map(|line| line.split_once(" = "))
            .map(|(id, text)| (id.trim().to_owned(), text.trim().to_owned()))
            .collect()
    }

    fn render(template: &str, args: &[(&'static str, String)]) -> String {
        let mut out = template.to_owned();
        for (name, value) in args {
            out = out.replace(&format!("{{ ${name} }}"), value);
        }
        out
    }

    fn problem_samples() -> Vec<Problem> {
        vec![
            Problem::Required,
            Problem::TooLong { max: 100 },
            Problem::NotADate,
            Problem::DateInFuture,
            Problem::DateAfterStart,
            Problem::NotAnInteger,
            Problem::OutOfRange {
                min: 1900,
                max: 2026,
            },
            Problem::NotOneOf {
                allowed: "female, male, other, unspecified".into(),
            },
            Problem::BadLanguageCode { code: "xx".into() },
            Problem::BadParticipantRef,
            Problem::BadEmail,
            Problem::ControlCharacter,
            Problem::UnknownMentor,
            Problem::UnknownTeacher,
            Problem::UnknownParticipant,
            Problem::AlreadyTaken,
            Problem::SchoolInOtherDistrict {
                district: "Farsta".into(),
            },
            Problem::BadPin,
            Problem::BadSignInCode,
            Problem::PasswordTooShort { min: 10 },
            Problem::Duplicate { first_line: 3 },
            Problem::NotATeacher,
            Problem::EndBeforeStart,
            Problem::CourseBelowPathStart {
                path: 3,
                first: "C".into(),
            },
            Problem::GradeNotInScale {
                scale: "f_a".into(),
                allowed: "F, E, D, C, B, A".into(),
            },
            Problem::FrozenAssessment { level: "a2".into() },
            Problem::NotATime,
            Problem::TeacherOnlyForTeaching,
            Problem::Time(Box::new(TimeProblem::TeachingUnderMinimum {
                hours: 1,
                minutes: 30,
            })),
        ]
    }

    /// Exhaustive on purpose: a new variant fails to compile here until a sample is added.
    fn problem_index(problem: &Problem) -> usize {
        match problem {
            Problem::Required => 0,
            Problem::TooLong { .. } => 1,
            Problem::NotADate => 2,
            Problem::DateInFuture => 3,
            Problem::DateAfterStart => 4,
            Problem::NotAnInteger => 5,
            Problem::OutOfRange { .. } => 6,
            Problem::NotOneOf { .. } => 7,
            Problem::BadLanguageCode { .. } => 8,
            Problem::BadParticipantRef => 9,
            Problem::BadEmail => 10,
            Problem::ControlCharacter => 11,
            Problem::UnknownMentor => 12,
            Problem::UnknownTeacher => 13,
            Problem::UnknownParticipant => 14,
            Problem::AlreadyTaken => 15,
            Problem::SchoolInOtherDistrict { .. } => 16,
            Problem::BadPin => 17,
            Problem::BadSignInCode => 18,
            Problem::PasswordTooShort { .. } => 19,
            Problem::Duplicate { .. } => 20,
            Problem::NotATeacher => 21,
            Problem::EndBeforeStart => 22,
            Problem::CourseBelowPathStart { .. } => 23,
            Problem::GradeNotInScale { .. } => 24,
            Problem::FrozenAssessment { .. } => 25,
            Problem::NotATime => 26,
            Problem::TeacherOnlyForTeaching => 27,
            Problem::Time(_) => 28,
        }
    }

    fn file_problem_samples() -> Vec<FileProblem> {
        vec![
            FileProblem::Empty,
            FileProblem::MissingColumn {
                column: "school".into(),
            },
            FileProblem::UnknownColumn {
                column: "skola".into(),
                allowed: "participant_ref, school".into(),
            },
            FileProblem::DuplicateColumn {
                column: "school".into(),
            },
            FileProblem::BlankColumnName { position: 4 },
            FileProblem::BadRecord {
                line: 7,
                detail: "bad".into(),
            },
            FileProblem::WrongFieldCount {
                line: 7,
                expected: 14,
                found: 13,
            },
        ]
    }

    fn file_problem_index(problem: &FileProblem) -> usize {
        match problem {
            FileProblem::Empty => 0,
            FileProblem::MissingColumn { .. } => 1,
            FileProblem::UnknownColumn { .. } => 2,
            FileProblem::DuplicateColumn { .. } => 3,
            FileProblem::BlankColumnName { .. } => 4,
            FileProblem::BadRecord { .. } => 5,
            FileProblem::WrongFieldCount { .. } => 6,
        }
    }

    /// Message id, its arguments and the `Display` text of one sample.
    type Sample = (&'static str, Vec<(&'static str, String)>, String);

    fn samples_with_args() -> Vec<Sample> {
        let problems = problem_samples()
            .into_iter()
            .map(|p| (p.message_id(), p.args(), p.to_string()));
        let files = file_problem_samples()
            .into_iter()
            .map(|p| (p.message_id(), p.args(), p.to_string()));
        problems.chain(files).collect()
    }

    #[test]
    fn the_samples_cover_every_variant_once() {
        let problems: Vec<usize> = problem_samples().iter().map(problem_index).collect();
        assert_eq!(problems, (0..problems.len()).collect::<Vec<_>>());
        let files: Vec<usize> = file_problem_samples()
            .iter()
            .map(file_problem_index)
            .collect();
        assert_eq!(files, (0..files.len()).collect::<Vec<_>>());
    }

    #[test]
    fn every_message_id_is_in_the_english_and_swedish_catalogues() {
        let (en, sv) = (catalogue(EN), catalogue(SV));
        for (id, _, _) in samples_with_args() {
            assert!(en.contains_key(id), "{id} missing in en");
            assert!(sv.contains_key(id), "{id} missing in sv");
        }
    }

    #[test]
    fn english_and_swedish_catalogues_have_the_same_ids() {
        let en: Vec<String> = catalogue(EN).into_keys().collect();
        let sv: Vec<String> = catalogue(SV).into_keys().collect();
        assert_eq!(en, sv);
    }

    #[test]
    fn every_message_uses_exactly_the_arguments_it_is_given() {
        for ftl in [EN, SV] {
            let catalogue = catalogue(ftl);
            for (id, args, _) in samples_with_args() {
                let rendered = render(&catalogue[id], &args);
                assert!(
                    !rendered.contains('{') && !rendered.contains('$'),
                    "{id}: unknown argument in {rendered}"
                );
                for (name, _) in &args {
                    assert!(
                        catalogue[id].contains(&format!("{{ ${name} }}")),
                        "{id}: argument {name} unused"
                    );
                }
            }
        }
    }

    #[test]
    fn the_display_text_is_the_english_message() {
        let en = catalogue(EN);
        for (id, args, display) in samples_with_args() {
            assert_eq!(render(&en[id], &args), display, "{id}");
        }
    }
}
