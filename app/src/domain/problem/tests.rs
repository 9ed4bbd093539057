//! The problems against the Fluent catalogues: every variant has a message in English and
//! Swedish with exactly its arguments, and its `Display` text is the English message.

use super::*;
use crate::domain::weeks::TimeProblem;
use std::collections::BTreeMap;

const EN: &str = include_str!("../../../locales/en/validation.ftl");
const SV: &str = include_str!("../../../locales/sv/validation.ftl");

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
            scale: "F–A".into(),
            allowed: "F, E, D, C, B, A".into(),
        },
        Problem::FrozenAssessment { level: "a2".into() },
        Problem::NotATime,
        Problem::TeacherOnlyForTeaching,
        Problem::Time(Box::new(TimeProblem::TeachingUnderMinimum {
            hours: 1,
            minutes: 30,
        })),
        Problem::NameNotForProgramme,
        Problem::UnknownDistrict {
            allowed: "Farsta, Rinkeby-Kista".into(),
        },
        Problem::UnknownSchool {
            allowed: "Farstaskolan".into(),
        },
        Problem::ChangedMeanwhile,
        Problem::TrivialPin,
        Problem::LastCoordinator,
        Problem::OwnAccount,
        Problem::PasswordsDiffer,
        Problem::PasswordUnchanged,
        Problem::WrongCurrentPassword,
        Problem::ChangedBy(Box::new(Meanwhile {
            by: "Cora Coordinator".into(),
            at: "2026-12-03 10:42".into(),
            value: "Hasan".into(),
        })),
        Problem::NotTheReference,
        Problem::IntroductionOpen,
        Problem::BeforeParticipantStart {
            start: "2026-01-12".into(),
        },
        Problem::BadStepCode,
        Problem::UnknownStep {
            allowed: "introduced, ready_for_work".into(),
        },
        Problem::UnknownConfirmer,
        Problem::BadPhone,
        Problem::NotAfter {
            date: "2026-03-01".into(),
        },
        Problem::DateInPast,
        Problem::Unchanged,
        Problem::NothingAnswered,
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
        Problem::NameNotForProgramme => 29,
        Problem::UnknownDistrict { .. } => 30,
        Problem::UnknownSchool { .. } => 31,
        Problem::ChangedMeanwhile => 32,
        Problem::TrivialPin => 33,
        Problem::LastCoordinator => 34,
        Problem::OwnAccount => 35,
        Problem::PasswordsDiffer => 36,
        Problem::PasswordUnchanged => 37,
        Problem::WrongCurrentPassword => 38,
        Problem::ChangedBy(_) => 39,
        Problem::NotTheReference => 40,
        Problem::IntroductionOpen => 41,
        Problem::BeforeParticipantStart { .. } => 42,
        Problem::BadStepCode => 43,
        Problem::UnknownStep { .. } => 44,
        Problem::UnknownConfirmer => 45,
        Problem::BadPhone => 46,
        Problem::NotAfter { .. } => 47,
        Problem::DateInPast => 48,
        Problem::Unchanged => 49,
        Problem::NothingAnswered => 50,
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
