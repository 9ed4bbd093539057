//! The binder's work ladder and matching ladder (DOMAIN.md): step lists the mentor and the
//! participant climb at the development talks, with the product's default steps; a programme
//! may rename steps and add its own (codes stay stable). FORMATS.md's `ladder-steps` kind.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::participant::{format_date, parse_date, Email, ParticipantRef};
use crate::domain::problem::{parse_one_of, FieldProblem, Problem};

/// The columns of the `ladder-steps` kind, in export order.
pub const STEP_COLUMNS: [&str; 5] = [
    "participant_ref",
    "ladder",
    "step",
    "reached_date",
    "confirmed_by_email",
];

/// Which of the binder's two step ladders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StepLadder {
    /// The work ladder (*arbetstrappa*).
    Work,
    /// The matching ladder (*matchningstrappa*): towards a job or studies.
    Matching,
}

impl StepLadder {
    /// Both, in the order the pages show them.
    pub const ALL: [StepLadder; 2] = [StepLadder::Work, StepLadder::Matching];

    /// The file value.
    pub fn as_str(self) -> &'static str {
        match self {
            StepLadder::Work => "work",
            StepLadder::Matching => "matching",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, Self::ALL, Self::as_str)
    }

    /// The product's default steps, lowest first.
    pub fn default_steps(self) -> &'static [&'static str] {
        match self {
            StepLadder::Work => &[
                "introduced",
                "tasks_with_support",
                "tasks_independently",
                "takes_responsibility",
                "ready_for_work",
            ],
            StepLadder::Matching => &[
                "goal_set",
                "cv_ready",
                "registered",
                "applying",
                "interviewed",
                "offer",
            ],
        }
    }
}

impl std::fmt::Display for StepLadder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A step's code: 1–40 characters, lower-case letters a–z, digits and `_`, starting with a
/// letter (`ready_for_work`). Stable once used; the name shown may change.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct StepCode(String);

impl StepCode {
    /// Longest code.
    pub const MAX_LEN: usize = 40;

    /// Parses a code (surrounding whitespace ignored).
    pub fn parse(s: &str) -> Result<Self, Problem> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        if s.chars().count() > Self::MAX_LEN {
            return Err(Problem::TooLong { max: Self::MAX_LEN });
        }
        let first_is_letter = s.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if first_is_letter
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            Ok(StepCode(s.to_owned()))
        } else {
            Err(Problem::BadStepCode)
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The text fields of one `ladder-steps` row; nothing checked yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RawStep {
    /// `participant_ref`.
    pub participant_ref: String,
    /// `ladder`.
    pub ladder: String,
    /// `step`.
    pub step: String,
    /// `reached_date`.
    pub reached_date: String,
    /// `confirmed_by_email` (optional).
    pub confirmed_by_email: String,
}

impl RawStep {
    /// Builds the raw row from a column lookup (absent columns are empty).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let field = |column: &str| get(column).unwrap_or_default().to_owned();
        RawStep {
            participant_ref: field("participant_ref"),
            ladder: field("ladder"),
            step: field("step"),
            reached_date: field("reached_date"),
            confirmed_by_email: field("confirmed_by_email"),
        }
    }
}

/// A valid step reached. Whether the step exists on its ladder, the date lies on or after the
/// participant's start and the confirmer is a mentor or coordinator is checked against the
/// database when it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StepRecord {
    /// Whose.
    pub participant_ref: ParticipantRef,
    /// Which ladder.
    pub ladder: StepLadder,
    /// Which step.
    pub step: StepCode,
    /// The day it was reached, not in the future.
    pub reached_date: NaiveDate,
    /// The mentor or coordinator who confirmed it.
    pub confirmed_by: Option<Email>,
}

impl StepRecord {
    /// Checks every field of `raw` on `today`; returns every problem (in column order) if any.
    pub fn validate(raw: &RawStep, today: NaiveDate) -> Result<Self, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let participant_ref = ParticipantRef::parse(&raw.participant_ref).map_err(|p| {
            problems.push(FieldProblem::new(
                "participant_ref",
                raw.participant_ref.as_str(),
                p,
            ))
        });
        let ladder = StepLadder::parse(&raw.ladder)
            .map_err(|p| problems.push(FieldProblem::new("ladder", raw.ladder.as_str(), p)));
        let step = StepCode::parse(&raw.step)
            .map_err(|p| problems.push(FieldProblem::new("step", raw.step.as_str(), p)));
        let reached_date = parse_date(&raw.reached_date)
            .and_then(|d| {
                if d > today {
                    Err(Problem::DateInFuture)
                } else {
                    Ok(d)
                }
            })
            .map_err(|p| {
                problems.push(FieldProblem::new(
                    "reached_date",
                    raw.reached_date.as_str(),
                    p,
                ))
            });
        let confirmed_by = if raw.confirmed_by_email.trim().is_empty() {
            Ok(None)
        } else {
            Email::parse(&raw.confirmed_by_email)
                .map(Some)
                .map_err(|p| {
                    problems.push(FieldProblem::new(
                        "confirmed_by_email",
                        raw.confirmed_by_email.as_str(),
                        p,
                    ))
                })
        };
        match (participant_ref, ladder, step, reached_date, confirmed_by) {
            (Ok(participant_ref), Ok(ladder), Ok(step), Ok(reached_date), Ok(confirmed_by)) => {
                Ok(StepRecord {
                    participant_ref,
                    ladder,
                    step,
                    reached_date,
                    confirmed_by,
                })
            }
            _ => Err(problems),
        }
    }

    /// The natural key: participant, ladder and step.
    pub fn key(&self) -> (ParticipantRef, StepLadder, StepCode) {
        (self.participant_ref.clone(), self.ladder, self.step.clone())
    }

    /// The row as the export writes it.
    pub fn to_csv_fields(&self) -> Vec<String> {
        vec![
            self.participant_ref.as_str().to_owned(),
            self.ladder.as_str().to_owned(),
            self.step.as_str().to_owned(),
            format_date(self.reached_date),
            self.confirmed_by
                .as_ref()
                .map(|e| e.as_str().to_owned())
                .unwrap_or_default(),
        ]
    }
}

/// How far up a ladder a participant is: the position (1-based) of the highest step reached,
/// 0 when none, given the ladder's steps in order.
pub fn height(steps: &[StepCode], reached: &[StepCode]) -> usize {
    steps
        .iter()
        .enumerate()
        .filter(|(_, s)| reached.contains(s))
        .map(|(i, _)| i + 1)
        .max()
        .unwrap_or(0)
}

/// A programme's own name of a step, or a new step of its own: the ladder, the stable code and
/// the names in Swedish and English (empty: the catalogue's name of a default step).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepNaming {
    /// Which ladder.
    pub ladder: StepLadder,
    /// The stable code.
    pub code: StepCode,
    /// The Swedish name.
    pub name_sv: String,
    /// The English name.
    pub name_en: String,
}

/// Longest name of a step.
pub const MAX_STEP_NAME: usize = 80;

impl StepNaming {
    /// Checks a naming typed into the form; a new step (`is_new`) needs a Swedish name.
    pub fn validate(
        (ladder, code, name_sv, name_en): (&str, &str, &str, &str),
        is_new: impl Fn(StepLadder, &StepCode) -> bool,
    ) -> Result<Self, Vec<FieldProblem>> {
        use crate::domain::placement::{optional_line, Problems};
        let mut ps = Problems::default();
        let l = ps.take("ladder", ladder, StepLadder::parse(ladder));
        let c = ps.take("code", code, StepCode::parse(code));
        let sv = ps.take("name_sv", name_sv, optional_line(name_sv, MAX_STEP_NAME));
        let en = ps.take("name_en", name_en, optional_line(name_en, MAX_STEP_NAME));
        if let (Some(l), Some(c), Some(sv)) = (l, &c, &sv) {
            if sv.is_empty() && is_new(l, c) {
                ps.take::<()>("name_sv", name_sv, Err(Problem::Required));
            }
        }
        match (l, c, sv, en) {
            (Some(ladder), Some(code), Some(name_sv), Some(name_en)) if ps.0.is_empty() => {
                Ok(StepNaming {
                    ladder,
                    code,
                    name_sv,
                    name_en,
                })
            }
            _ => Err(ps.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
    }

    #[test]
    fn the_default_steps_are_valid_codes() {
        for ladder in StepLadder::ALL {
            for code in ladder.default_steps() {
                assert!(StepCode::parse(code).is_ok(), "{code}");
            }
        }
        assert_eq!(StepLadder::Work.default_steps().len(), 5);
        assert_eq!(StepLadder::Matching.default_steps().len(), 6);
    }

    #[test]
    fn a_step_code_is_lower_case_letters_digits_and_underscores() {
        assert!(StepCode::parse(" cv_ready ").is_ok());
        for bad in ["", "CV", "cv-ready", "1st", "å", "cv ready"] {
            assert!(StepCode::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            StepCode::parse(&"a".repeat(41)),
            Err(Problem::TooLong { max: 40 })
        );
    }

    #[test]
    fn a_step_row_round_trips_and_reports_every_bad_column() {
        let raw = RawStep {
            participant_ref: "P-0001".into(),
            ladder: "work".into(),
            step: "introduced".into(),
            reached_date: "2026-03-02".into(),
            confirmed_by_email: "mentor@example.se".into(),
        };
        let r = StepRecord::validate(&raw, today()).unwrap();
        assert_eq!(
            r.to_csv_fields(),
            [
                "P-0001",
                "work",
                "introduced",
                "2026-03-02",
                "mentor@example.se"
            ]
        );
        let bad = RawStep {
            participant_ref: "P 1".into(),
            ladder: "language".into(),
            step: "Step 1".into(),
            reached_date: "2027-01-01".into(),
            confirmed_by_email: "nobody".into(),
        };
        let fields: Vec<String> = StepRecord::validate(&bad, today())
            .unwrap_err()
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(
            fields,
            [
                "participant_ref",
                "ladder",
                "step",
                "reached_date",
                "confirmed_by_email"
            ]
        );
    }

    #[test]
    fn the_height_is_the_highest_step_reached() {
        let steps: Vec<StepCode> = StepLadder::Matching
            .default_steps()
            .iter()
            .map(|s| StepCode::parse(s).unwrap())
            .collect();
        assert_eq!(height(&steps, &[]), 0);
        assert_eq!(height(&steps, &[steps[2].clone()]), 3);
        assert_eq!(height(&steps, &[steps[0].clone(), steps[4].clone()]), 5);
    }

    proptest! {
        #[test]
        fn step_codes_parse_exactly_the_allowed_text(s in "[a-zA-Z0-9_ -]{0,45}") {
            let t = s.trim();
            let ok = !t.is_empty()
                && t.len() <= 40
                && t.starts_with(|c: char| c.is_ascii_lowercase())
                && t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            prop_assert_eq!(StepCode::parse(&s).is_ok(), ok);
        }
    }

    #[test]
    fn a_new_step_needs_a_swedish_name_and_a_renamed_one_may_go_back_to_the_default() {
        let new = |_: StepLadder, _: &StepCode| true;
        let known = |_: StepLadder, _: &StepCode| false;
        let ok = StepNaming::validate(("work", "forklift", "Truckkort", ""), new).unwrap();
        assert_eq!(ok.code.as_str(), "forklift");
        let unnamed = StepNaming::validate(("work", "forklift", " ", ""), new).unwrap_err();
        assert_eq!(unnamed[0].field, "name_sv");
        assert!(StepNaming::validate(("work", "introduced", "", ""), known).is_ok());
        let bad = StepNaming::validate(("career", "Not A Code", "x", &"y".repeat(81)), known)
            .unwrap_err();
        let fields: Vec<_> = bad.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["ladder", "code", "name_en"]);
    }
}
