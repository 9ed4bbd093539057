//! The `assessments` file kind of FORMATS.md: one self-assessed level per row, e.g. from paper
//! portfolios (key participant_ref + date + occasion + skill).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cefr::{CefrLevel, Occasion, Skill};
use super::participant::{format_date, parse_date, ParticipantRef};
use super::problem::{FieldProblem, Problem};

/// The columns of the `assessments` kind, in export order.
pub const ASSESSMENT_COLUMNS: [&str; 5] = ["participant_ref", "date", "occasion", "skill", "level"];

/// The text fields of one row; nothing checked yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawAssessmentLevel {
    /// `participant_ref`.
    pub participant_ref: String,
    /// `date`.
    pub date: String,
    /// `occasion`.
    pub occasion: String,
    /// `skill`.
    pub skill: String,
    /// `level`.
    pub level: String,
}

impl RawAssessmentLevel {
    /// Builds the raw row from a column lookup (absent columns are empty).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let field = |column: &str| get(column).unwrap_or_default().to_owned();
        RawAssessmentLevel {
            participant_ref: field("participant_ref"),
            date: field("date"),
            occasion: field("occasion"),
            skill: field("skill"),
            level: field("level"),
        }
    }
}

/// A valid level row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AssessmentLevelRecord {
    /// Whose.
    pub participant_ref: ParticipantRef,
    /// The day of the assessment, not in the future.
    pub date: NaiveDate,
    /// Start, checkpoint or finish.
    pub occasion: Occasion,
    /// The skill.
    pub skill: Skill,
    /// The self-assessed level.
    pub level: CefrLevel,
}

impl AssessmentLevelRecord {
    /// Checks every field; returns every problem (in column order) if any.
    pub fn validate(raw: &RawAssessmentLevel, today: NaiveDate) -> Result<Self, Vec<FieldProblem>> {
        let mut problems = vec![];
        let mut keep = |field: &str, value: &str, p: &Problem| {
            problems.push(FieldProblem::new(field, value, p.clone()));
        };
        let r = ParticipantRef::parse(&raw.participant_ref);
        if let Err(p) = &r {
            keep("participant_ref", &raw.participant_ref, p);
        }
        let d = parse_date(&raw.date).and_then(|d| {
            if d > today {
                Err(Problem::DateInFuture)
            } else {
                Ok(d)
            }
        });
        if let Err(p) = &d {
            keep("date", &raw.date, p);
        }
        let o = Occasion::parse(&raw.occasion);
        if let Err(p) = &o {
            keep("occasion", &raw.occasion, p);
        }
        let s = Skill::parse(&raw.skill);
        if let Err(p) = &s {
            keep("skill", &raw.skill, p);
        }
        let l = CefrLevel::parse(&raw.level);
        if let Err(p) = &l {
            keep("level", &raw.level, p);
        }
        match (r, d, o, s, l) {
            (Ok(participant_ref), Ok(date), Ok(occasion), Ok(skill), Ok(level)) => {
                Ok(AssessmentLevelRecord {
                    participant_ref,
                    date,
                    occasion,
                    skill,
                    level,
                })
            }
            _ => Err(problems),
        }
    }

    /// The natural key: participant, date, occasion, skill.
    pub fn key(&self) -> (ParticipantRef, NaiveDate, Occasion, Skill) {
        (
            self.participant_ref.clone(),
            self.date,
            self.occasion,
            self.skill,
        )
    }

    /// The values in [`ASSESSMENT_COLUMNS`] order.
    pub fn to_csv_fields(&self) -> Vec<String> {
        vec![
            self.participant_ref.to_string(),
            format_date(self.date),
            self.occasion.as_str().to_owned(),
            self.skill.as_str().to_owned(),
            self.level.as_str().to_owned(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn raw(fields: [&str; 5]) -> RawAssessmentLevel {
        RawAssessmentLevel::from_lookup(|c| {
            ASSESSMENT_COLUMNS
                .iter()
                .position(|x| *x == c)
                .map(|i| fields[i])
        })
    }

    #[test]
    fn a_row_parses_and_writes_back() {
        let r = AssessmentLevelRecord::validate(
            &raw(["P-1", "2026-09-01", "start", "spoken_interaction", "Pre-A1"]),
            today(),
        )
        .unwrap();
        assert_eq!(r.level, CefrLevel::PreA1);
        assert_eq!(
            r.to_csv_fields(),
            ["P-1", "2026-09-01", "start", "spoken_interaction", "pre_a1"]
        );
    }

    #[test]
    fn every_bad_field_is_reported() {
        let problems = AssessmentLevelRecord::validate(
            &raw(["", "2027-01-01", "mid", "speaking", "d1"]),
            today(),
        )
        .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["participant_ref", "date", "occasion", "skill", "level"]
        );
        assert_eq!(problems[1].problem, Problem::DateInFuture);
    }

    proptest! {
        #[test]
        fn validation_never_panics(fields in proptest::collection::vec(any::<String>(), 5)) {
            let r = RawAssessmentLevel::from_lookup(|c| {
                ASSESSMENT_COLUMNS.iter().position(|x| *x == c).map(|i| fields[i].as_str())
            });
            let _ = AssessmentLevelRecord::validate(&r, today());
        }
    }
}
