//! The placement agreement of the binder: where the participant works, in which role, under
//! which supervisor (*arbetsledare*), between which dates, with the job description and the
//! year plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::participant::{parse_date, plain_text, Email};
use crate::domain::problem::{parse_one_of, FieldProblem, Problem};

/// The role of the placement at the school or pre-school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlacementRole {
    /// Class assistant.
    ClassAssistant,
    /// Kitchen.
    Kitchen,
    /// Caretaker.
    Caretaker,
    /// Office.
    Office,
    /// IT.
    It,
    /// Anything else (the job description says what).
    Other,
}

impl PlacementRole {
    /// Every role, in the order forms offer them.
    pub const ALL: &'static [PlacementRole] = &[
        PlacementRole::ClassAssistant,
        PlacementRole::Kitchen,
        PlacementRole::Caretaker,
        PlacementRole::Office,
        PlacementRole::It,
        PlacementRole::Other,
    ];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            PlacementRole::ClassAssistant => "class_assistant",
            PlacementRole::Kitchen => "kitchen",
            PlacementRole::Caretaker => "caretaker",
            PlacementRole::Office => "office",
            PlacementRole::It => "it",
            PlacementRole::Other => "other",
        }
    }

    /// Parses a code (case and surrounding space ignored).
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, Self::ALL, Self::as_str)
    }
}

/// The placement form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawPlacement {
    /// The school or pre-school.
    pub workplace: String,
    /// A [`PlacementRole`] code.
    pub role: String,
    /// The supervisor's name.
    pub supervisor_name: String,
    /// The supervisor's phone.
    pub supervisor_phone: String,
    /// The supervisor's e-mail.
    pub supervisor_email: String,
    /// The agreement's first day.
    pub agreement_start: String,
    /// The agreement's last day.
    pub agreement_end: String,
    /// What the participant does.
    pub job_description: String,
    /// The year plan.
    pub year_plan: String,
}

/// A valid placement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    /// The school or pre-school.
    pub workplace: String,
    /// The role.
    pub role: PlacementRole,
    /// The supervisor's name (may be empty until one is named).
    pub supervisor_name: String,
    /// The supervisor's phone (digits, spaces, `+`, `-`, `(`, `)`), may be empty.
    pub supervisor_phone: String,
    /// The supervisor's e-mail.
    pub supervisor_email: Option<Email>,
    /// The agreement's first day.
    pub agreement_start: Option<NaiveDate>,
    /// The agreement's last day, not before the first.
    pub agreement_end: Option<NaiveDate>,
    /// What the participant does (several lines).
    pub job_description: String,
    /// The year plan (several lines).
    pub year_plan: String,
}

/// Longest workplace or supervisor name.
pub const MAX_NAME: usize = 120;
/// Longest job description, year plan or talk note.
pub const MAX_LONG_TEXT: usize = 4000;

/// Text of several lines: tabs and line breaks are allowed, other control characters are not;
/// empty is allowed.
pub fn long_text(s: &str, max: usize) -> Result<String, Problem> {
    let s = s.trim().replace("\r\n", "\n");
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(Problem::ControlCharacter);
    }
    if s.chars().count() > max {
        return Err(Problem::TooLong { max });
    }
    Ok(s)
}

/// One line that may be empty.
pub fn optional_line(s: &str, max: usize) -> Result<String, Problem> {
    if s.trim().is_empty() {
        Ok(String::new())
    } else {
        plain_text(s, max)
    }
}

/// A phone number as people write it: 6–20 characters of digits, spaces, `+`, `-`, `(`, `)`,
/// at least six of them digits; empty is allowed.
pub fn phone(s: &str) -> Result<String, Problem> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    let allowed = s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'));
    let digits = s.chars().filter(char::is_ascii_digit).count();
    if !allowed || digits < 6 || s.chars().count() > 20 {
        return Err(Problem::BadPhone);
    }
    Ok(s.to_owned())
}

/// An optional date: empty is `None`.
pub fn optional_date(s: &str) -> Result<Option<NaiveDate>, Problem> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(s).map(Some)
    }
}

/// Collects the problems of a form's fields.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<FieldProblem>);

impl Problems {
    /// The value, or `None` with its problem noted against `field`.
    pub fn take<T>(&mut self, field: &str, typed: &str, parsed: Result<T, Problem>) -> Option<T> {
        match parsed {
            Ok(v) => Some(v),
            Err(p) => {
                self.0.push(FieldProblem::new(field, typed, p));
                None
            }
        }
    }
}

impl Placement {
    /// Checks every field of the form; every problem is reported with its field.
    pub fn validate(raw: &RawPlacement) -> Result<Self, Vec<FieldProblem>> {
        let mut ps = Problems::default();
        let workplace = ps.take(
            "workplace",
            &raw.workplace,
            plain_text(&raw.workplace, MAX_NAME),
        );
        let role = ps.take("role", &raw.role, PlacementRole::parse(&raw.role));
        let supervisor_name = ps.take(
            "supervisor_name",
            &raw.supervisor_name,
            optional_line(&raw.supervisor_name, MAX_NAME),
        );
        let supervisor_phone = ps.take(
            "supervisor_phone",
            &raw.supervisor_phone,
            phone(&raw.supervisor_phone),
        );
        let email_text = raw.supervisor_email.trim();
        let supervisor_email = ps.take(
            "supervisor_email",
            email_text,
            if email_text.is_empty() {
                Ok(None)
            } else {
                Email::parse(email_text).map(Some)
            },
        );
        let agreement_start = ps.take(
            "agreement_start",
            &raw.agreement_start,
            optional_date(&raw.agreement_start),
        );
        let agreement_end = ps.take(
            "agreement_end",
            &raw.agreement_end,
            optional_date(&raw.agreement_end),
        );
        if let (Some(Some(s)), Some(Some(e))) = (agreement_start, agreement_end) {
            if e < s {
                ps.take::<()>(
                    "agreement_end",
                    &raw.agreement_end,
                    Err(Problem::EndBeforeStart),
                );
            }
        }
        let job_description = ps.take(
            "job_description",
            &raw.job_description,
            long_text(&raw.job_description, MAX_LONG_TEXT),
        );
        let year_plan = ps.take(
            "year_plan",
            &raw.year_plan,
            long_text(&raw.year_plan, MAX_LONG_TEXT),
        );
        match (
            workplace,
            role,
            supervisor_name,
            supervisor_phone,
            supervisor_email,
            agreement_start,
            agreement_end,
            job_description,
            year_plan,
        ) {
            (
                Some(workplace),
                Some(role),
                Some(supervisor_name),
                Some(supervisor_phone),
                Some(supervisor_email),
                Some(agreement_start),
                Some(agreement_end),
                Some(job_description),
                Some(year_plan),
            ) if ps.0.is_empty() => Ok(Placement {
                workplace,
                role,
                supervisor_name,
                supervisor_phone,
                supervisor_email,
                agreement_start,
                agreement_end,
                job_description,
                year_plan,
            }),
            _ => Err(ps.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn raw() -> RawPlacement {
        RawPlacement {
            workplace: "Farsta skola".into(),
            role: "kitchen".into(),
            supervisor_name: "Eva Ek".into(),
            supervisor_phone: "08-123 45 67".into(),
            supervisor_email: "Eva.Ek@example.se".into(),
            agreement_start: "2026-09-01".into(),
            agreement_end: "2027-06-15".into(),
            job_description: "Diskar.\r\nDukar fram.".into(),
            year_plan: String::new(),
        }
    }

    #[test]
    fn a_full_placement_is_accepted_and_keeps_its_lines() {
        let p = Placement::validate(&raw()).unwrap();
        assert_eq!(p.role, PlacementRole::Kitchen);
        assert_eq!(p.job_description, "Diskar.\nDukar fram.");
        assert_eq!(p.supervisor_email.unwrap().as_str(), "eva.ek@example.se");
    }

    #[test]
    fn only_the_workplace_and_the_role_are_required() {
        let r = RawPlacement {
            workplace: "Skola".into(),
            role: "other".into(),
            ..RawPlacement::default()
        };
        let p = Placement::validate(&r).unwrap();
        assert_eq!(p.agreement_start, None);
        assert_eq!(p.supervisor_email, None);
        let problems = Placement::validate(&RawPlacement::default()).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["workplace", "role"]);
    }

    #[test]
    fn the_agreement_may_not_end_before_it_starts() {
        let mut r = raw();
        r.agreement_end = "2026-08-31".into();
        let problems = Placement::validate(&r).unwrap_err();
        assert_eq!(problems[0].field, "agreement_end");
        assert_eq!(problems[0].problem, Problem::EndBeforeStart);
    }

    #[test]
    fn every_bad_field_is_named() {
        let r = RawPlacement {
            workplace: "a\u{7}".into(),
            role: "pilot".into(),
            supervisor_name: "x".repeat(121),
            supervisor_phone: "call me".into(),
            supervisor_email: "not-an-email".into(),
            agreement_start: "2026-13-01".into(),
            agreement_end: "soon".into(),
            job_description: "bell\u{7}".into(),
            year_plan: "y".repeat(4001),
        };
        let problems = Placement::validate(&r).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "workplace",
                "role",
                "supervisor_name",
                "supervisor_phone",
                "supervisor_email",
                "agreement_start",
                "agreement_end",
                "job_description",
                "year_plan"
            ]
        );
    }

    #[test]
    fn a_phone_has_at_least_six_digits_and_only_phone_characters() {
        assert_eq!(phone(" +46 (0)8-123 456 "), Ok("+46 (0)8-123 456".into()));
        assert_eq!(phone(""), Ok(String::new()));
        assert_eq!(phone("12345"), Err(Problem::BadPhone));
        assert_eq!(phone("08-123 45 67 ext 2"), Err(Problem::BadPhone));
        assert_eq!(phone(&"1".repeat(21)), Err(Problem::BadPhone));
    }

    proptest! {
        #[test]
        fn long_text_never_panics_and_accepts_what_it_returns(s in "\\PC{0,60}") {
            if let Ok(t) = long_text(&s, 100) {
                prop_assert_eq!(long_text(&t, 100), Ok(t.clone()));
            }
        }

        #[test]
        fn a_role_round_trips_through_its_code(i in 0usize..6) {
            let role = PlacementRole::ALL[i];
            prop_assert_eq!(PlacementRole::parse(role.as_str()), Ok(role));
        }
    }
}
