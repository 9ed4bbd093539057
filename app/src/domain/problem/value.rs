//! What is wrong with one value, and the parser of closed sets of file values.

use serde::{Deserialize, Serialize};

use crate::domain::weeks::TimeProblem;

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
    /// A new PIN that is not 6 digits.
    #[error("Write 6 digits.")]
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
        /// The scale as teachers name it, e.g. `IG–VG`.
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
    /// The change would leave the programme without an active coordinator.
    #[error("At least one active coordinator must remain. Give another account the coordinator role first.")]
    LastCoordinator,
    /// A coordinator tried to deactivate, demote or reset the password of their own account.
    #[error("This is your own account: ask another coordinator to deactivate it, change its role or reset its password. Change your own password under My password.")]
    OwnAccount,
    /// The new password and its repetition differ.
    #[error("The two new passwords differ. Type the same new password twice.")]
    PasswordsDiffer,
    /// The new password is the current one.
    #[error("The new password is the same as the current one. Choose a new password.")]
    PasswordUnchanged,
    /// The current password given to change it is wrong.
    #[error("This is not your current password.")]
    WrongCurrentPassword,
    /// Someone changed this field after the form was shown (a stale edit, refused).
    #[error("{} changed this at {}, since you opened the page, to “{}”. Nothing was saved: reload the page and make your change again.", .0.by, .0.at, .0.value)]
    ChangedBy(Box<Meanwhile>),
    /// A new PIN that is among the first a guesser tries.
    #[error(
        "Too easy to guess. Avoid repeated or consecutive digits such as 111111, 123456 or 121212."
    )]
    TrivialPin,
    /// The record was changed by someone else since the form was shown.
    #[error("Someone else changed this since you opened the page. Reload the page and try again.")]
    ChangedMeanwhile,
    /// A name given for a calendar entry of the whole programme.
    #[error("Leave the name empty for the whole programme. Write a name only for a district or a school.")]
    NameNotForProgramme,
    /// No district of this name (checked against the database).
    #[error("No district of this name. Districts: {allowed}.")]
    UnknownDistrict {
        /// The districts' names, separated by ", ".
        allowed: String,
    },
    /// No school of this name (checked against the database).
    #[error("No school of this name. Schools: {allowed}.")]
    UnknownSchool {
        /// The schools' names, separated by ", ".
        allowed: String,
    },
    /// A date before the participant's start date (an exit talk, a step reached).
    #[error("Must not be before the participant's start date {start}.")]
    BeforeParticipantStart {
        /// The start date, `YYYY-MM-DD`.
        start: String,
    },
    /// Not a step code.
    #[error(
        "Use lower-case letters a–z, digits and _, starting with a letter, for example cv_ready."
    )]
    BadStepCode,
    /// No step of this code on the ladder (checked against the database).
    #[error("No step of this code on this ladder. Steps: {allowed}.")]
    UnknownStep {
        /// The ladder's step codes, separated by ", ".
        allowed: String,
    },
    /// The confirmer is not a mentor or coordinator (checked against the database).
    #[error("No user with the mentor or coordinator role has this email address.")]
    UnknownConfirmer,
    /// The reference typed to confirm an erasure is not the participant's.
    #[error("Type the participant's reference exactly as shown above to confirm.")]
    NotTheReference,
    /// An erasure of a participant whose introduction is still open, without consent.
    #[error("The introduction is still open. Tick the box to erase the participant anyway.")]
    IntroductionOpen,
    /// Not a phone number.
    #[error("Write a phone number of 6 to 20 digits, spaces, +, - and brackets, for example 08-123 45 67.")]
    BadPhone,
    /// A date that must come after another (the next talk after this one).
    #[error("Must be after {date}.")]
    NotAfter {
        /// The day it must come after, `YYYY-MM-DD`.
        date: String,
    },
    /// A day that has passed where only today or later makes sense (scheduling).
    #[error("The date has passed. Choose today or a later day.")]
    DateInPast,
    /// A change that changes nothing (a checkpoint decision of the length already in force).
    #[error("This is the value already in force. Choose another value.")]
    Unchanged,
    /// Finishing a self-assessment in which no statement has an answer.
    #[error(
        "No sentence has an answer yet. Answer at least one sentence of one skill, then finish."
    )]
    NothingAnswered,
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

/// A change someone made after a form was shown: the reason a stale edit is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meanwhile {
    /// Who (a staff member's or participant's name, or where the change came from).
    pub by: String,
    /// When, Stockholm time (`YYYY-MM-DD HH:MM`).
    pub at: String,
    /// What the record says since.
    pub value: String,
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
            Problem::NameNotForProgramme => "problem-name-not-for-programme",
            Problem::ChangedMeanwhile => "problem-changed-meanwhile",
            Problem::TrivialPin => "problem-trivial-pin",
            Problem::LastCoordinator => "problem-last-coordinator",
            Problem::OwnAccount => "problem-own-account",
            Problem::PasswordsDiffer => "problem-passwords-differ",
            Problem::PasswordUnchanged => "problem-password-unchanged",
            Problem::WrongCurrentPassword => "problem-wrong-current-password",
            Problem::ChangedBy(_) => "problem-changed-by",
            Problem::UnknownDistrict { .. } => "problem-unknown-district",
            Problem::UnknownSchool { .. } => "problem-unknown-school",
            Problem::BeforeParticipantStart { .. } => "problem-before-participant-start",
            Problem::BadStepCode => "problem-bad-step-code",
            Problem::UnknownStep { .. } => "problem-unknown-step",
            Problem::UnknownConfirmer => "problem-unknown-confirmer",
            Problem::NotTheReference => "problem-not-the-reference",
            Problem::IntroductionOpen => "problem-introduction-open",
            Problem::BadPhone => "problem-bad-phone",
            Problem::NotAfter { .. } => "problem-not-after",
            Problem::DateInPast => "problem-date-in-past",
            Problem::Unchanged => "problem-unchanged",
            Problem::NothingAnswered => "problem-nothing-answered",
            Problem::Time(t) => t.message_id(),
        }
    }

    /// The Fluent arguments of the message, as strings.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Problem::TooLong { max } => vec![("max", max.to_string())],
            Problem::BeforeParticipantStart { start } => vec![("start", start.clone())],
            Problem::UnknownStep { allowed } => vec![("allowed", allowed.clone())],
            Problem::NotAfter { date } => vec![("date", date.clone())],
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
            Problem::ChangedBy(m) => vec![
                ("by", m.by.clone()),
                ("at", m.at.clone()),
                ("value", m.value.clone()),
            ],
            Problem::UnknownDistrict { allowed } | Problem::UnknownSchool { allowed } => {
                vec![("allowed", allowed.clone())]
            }
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
            | Problem::TeacherOnlyForTeaching
            | Problem::NameNotForProgramme
            | Problem::ChangedMeanwhile
            | Problem::NotTheReference
            | Problem::IntroductionOpen
            | Problem::BadPhone
            | Problem::DateInPast
            | Problem::Unchanged
            | Problem::NothingAnswered
            | Problem::BadStepCode
            | Problem::UnknownConfirmer
            | Problem::TrivialPin
            | Problem::LastCoordinator
            | Problem::OwnAccount
            | Problem::PasswordsDiffer
            | Problem::PasswordUnchanged
            | Problem::WrongCurrentPassword => Vec::new(),
        }
    }
}

/// Parses one of a closed set of file values (`female`, `teaching`, `ig_g_vg` …): surrounding
/// whitespace and letter case are ignored; empty is [`Problem::Required`], anything else
/// [`Problem::NotOneOf`] listing what is allowed.
pub fn parse_one_of<T: Copy>(
    s: &str,
    all: impl AsRef<[T]>,
    as_str: fn(T) -> &'static str,
) -> Result<T, Problem> {
    let all = all.as_ref();
    let s = s.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    all.iter()
        .copied()
        .find(|v| as_str(*v).eq_ignore_ascii_case(s))
        .ok_or_else(|| Problem::NotOneOf {
            allowed: all
                .iter()
                .map(|v| as_str(*v))
                .collect::<Vec<_>>()
                .join(", "),
        })
}
