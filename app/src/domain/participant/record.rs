//! The valid participant record that the form and the `participants` file validate into.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    format_date, parse_date, BirthYear, DistrictName, Eligibility, Email, Gender, LanguageCodes,
    ParticipantRef, PersonName, PlannedTerms, RawParticipant, SchoolName, StudyPath,
};
use crate::domain::problem::{FieldProblem, Problem};

/// A valid participant: what the form and the `participants` file validate into.
/// Whether `mentor_email` belongs to a mentor is checked later, against the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantRecord {
    /// The programme's id, the natural key.
    pub participant_ref: ParticipantRef,
    /// Given name.
    pub given_name: PersonName,
    /// Family name.
    pub family_name: PersonName,
    /// Gender.
    pub gender: Gender,
    /// Birth year, if known.
    pub birth_year: Option<BirthYear>,
    /// School of the placement (created on first use).
    pub school: SchoolName,
    /// City district of the school.
    pub district: DistrictName,
    /// The mentor's email, if assigned.
    pub mentor_email: Option<Email>,
    /// First day of the introduction.
    pub start_date: NaiveDate,
    /// Planned number of terms.
    pub planned_terms: PlannedTerms,
    /// Residence permit date, not after `start_date`.
    pub residence_permit_date: Option<NaiveDate>,
    /// Arrival in Sweden, not after `start_date`.
    pub arrival_date: Option<NaiveDate>,
    /// SFI study path, if known.
    pub study_path: Option<StudyPath>,
    /// Languages, possibly none.
    pub languages: LanguageCodes,
}

/// Parses a required field, recording a problem on failure.
fn required<T>(
    problems: &mut Vec<FieldProblem>,
    field: &str,
    value: &str,
    parse: impl FnOnce(&str) -> Result<T, Problem>,
) -> Option<T> {
    match parse(value) {
        Ok(v) => Some(v),
        Err(problem) => {
            problems.push(FieldProblem::new(field, value, problem));
            None
        }
    }
}

/// Parses an optional field (empty or whitespace = `None`), recording a problem on failure.
fn optional<T>(
    problems: &mut Vec<FieldProblem>,
    field: &str,
    value: &str,
    parse: impl FnOnce(&str) -> Result<T, Problem>,
) -> Option<Option<T>> {
    if value.trim().is_empty() {
        Some(None)
    } else {
        required(problems, field, value, parse).map(Some)
    }
}

impl ParticipantRecord {
    /// Validates every field and the cross-field rule (residence permit and
    /// arrival not after the start date); returns all problems, in column order.
    pub fn validate(
        raw: &RawParticipant,
        today: NaiveDate,
    ) -> Result<ParticipantRecord, Vec<FieldProblem>> {
        let p = &mut Vec::new();
        let participant_ref = required(
            p,
            "participant_ref",
            &raw.participant_ref,
            ParticipantRef::parse,
        );
        let given_name = required(p, "given_name", &raw.given_name, PersonName::parse);
        let family_name = required(p, "family_name", &raw.family_name, PersonName::parse);
        let gender = required(p, "gender", &raw.gender, Gender::parse);
        let birth_year = optional(p, "birth_year", &raw.birth_year, |s| {
            BirthYear::parse(s, today)
        });
        let school = required(p, "school", &raw.school, SchoolName::parse);
        let district = required(p, "district", &raw.district, DistrictName::parse);
        let mentor_email = optional(p, "mentor_email", &raw.mentor_email, Email::parse);
        let start_date = required(p, "start_date", &raw.start_date, parse_date);
        let planned_terms = required(p, "planned_terms", &raw.planned_terms, PlannedTerms::parse);
        let mut not_after_start_date = |field: &str, value: &str| {
            let date = optional(p, field, value, parse_date)?;
            match (date, start_date) {
                (Some(date), Some(start)) if date > start => {
                    p.push(FieldProblem::new(field, value, Problem::DateAfterStart));
                    None
                }
                _ => Some(date),
            }
        };
        let residence_permit_date =
            not_after_start_date("residence_permit_date", &raw.residence_permit_date);
        let arrival_date = not_after_start_date("arrival_date", &raw.arrival_date);
        let study_path = optional(p, "study_path", &raw.study_path, StudyPath::parse);
        let languages = required(p, "languages", &raw.languages, LanguageCodes::parse);

        if !p.is_empty() {
            return Err(std::mem::take(p));
        }
        let (
            Some(participant_ref),
            Some(given_name),
            Some(family_name),
            Some(gender),
            Some(birth_year),
            Some(school),
            Some(district),
            Some(mentor_email),
            Some(start_date),
            Some(planned_terms),
            Some(residence_permit_date),
            Some(arrival_date),
            Some(study_path),
            Some(languages),
        ) = (
            participant_ref,
            given_name,
            family_name,
            gender,
            birth_year,
            school,
            district,
            mentor_email,
            start_date,
            planned_terms,
            residence_permit_date,
            arrival_date,
            study_path,
            languages,
        )
        else {
            return Err(std::mem::take(p));
        };
        Ok(ParticipantRecord {
            participant_ref,
            given_name,
            family_name,
            gender,
            birth_year,
            school,
            district,
            mentor_email,
            start_date,
            planned_terms,
            residence_permit_date,
            arrival_date,
            study_path,
            languages,
        })
    }

    /// The record as form / file text (the inverse of [`ParticipantRecord::validate`]).
    pub fn to_raw(&self) -> RawParticipant {
        let text = |v: Option<String>| v.unwrap_or_default();
        RawParticipant {
            participant_ref: self.participant_ref.to_string(),
            given_name: self.given_name.to_string(),
            family_name: self.family_name.to_string(),
            gender: self.gender.to_string(),
            birth_year: text(self.birth_year.map(|y| y.to_string())),
            school: self.school.to_string(),
            district: self.district.to_string(),
            mentor_email: text(self.mentor_email.as_ref().map(Email::to_string)),
            start_date: format_date(self.start_date),
            planned_terms: self.planned_terms.to_string(),
            residence_permit_date: text(self.residence_permit_date.map(format_date)),
            arrival_date: text(self.arrival_date.map(format_date)),
            study_path: text(self.study_path.map(|s| s.to_string())),
            languages: self.languages.to_field(),
        }
    }

    /// The CSV fields in [`PARTICIPANT_COLUMNS`](super::PARTICIPANT_COLUMNS) order.
    pub fn to_csv_fields(&self) -> Vec<String> {
        self.to_raw().into_fields()
    }

    /// The participant's "newly arrived" eligibility on `on`.
    pub fn eligibility(&self, on: NaiveDate) -> Eligibility {
        Eligibility::assess(self.residence_permit_date, self.arrival_date, on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::participant::test_support::{date, today};
    use crate::domain::participant::PARTICIPANT_COLUMNS;

    fn valid_raw() -> RawParticipant {
        RawParticipant {
            participant_ref: "P-0042".into(),
            given_name: "Amina".into(),
            family_name: "Yusuf".into(),
            gender: "female".into(),
            birth_year: "1990".into(),
            school: "Östermalmsskolan".into(),
            district: "Östermalm".into(),
            mentor_email: "Mentor@Example.se".into(),
            start_date: "2026-01-12".into(),
            planned_terms: "2".into(),
            residence_permit_date: "2025-06-01".into(),
            arrival_date: "2024-11-20".into(),
            study_path: "1".into(),
            languages: "so, AR,so".into(),
        }
    }

    #[test]
    fn a_valid_form_validates_into_a_normalised_record() {
        let record = ParticipantRecord::validate(&valid_raw(), today()).unwrap();
        assert_eq!(record.participant_ref.as_str(), "P-0042");
        assert_eq!(record.gender, Gender::Female);
        assert_eq!(
            record.mentor_email.as_ref().unwrap().as_str(),
            "mentor@example.se"
        );
        assert_eq!(record.languages.to_field(), "so,ar");
        assert_eq!(record.start_date, date(2026, 1, 12));
    }

    #[test]
    fn empty_optional_fields_are_none() {
        let raw = RawParticipant {
            birth_year: " ".into(),
            mentor_email: String::new(),
            residence_permit_date: String::new(),
            arrival_date: String::new(),
            study_path: String::new(),
            languages: String::new(),
            ..valid_raw()
        };
        let record = ParticipantRecord::validate(&raw, today()).unwrap();
        assert_eq!(record.birth_year, None);
        assert_eq!(record.mentor_email, None);
        assert_eq!(record.residence_permit_date, None);
        assert_eq!(record.study_path, None);
        assert!(record.languages.is_empty());
    }

    #[test]
    fn validation_reports_every_problem_in_column_order() {
        let raw = RawParticipant {
            participant_ref: "P 1".into(),
            given_name: String::new(),
            gender: "f".into(),
            birth_year: "2030".into(),
            mentor_email: "nobody".into(),
            start_date: "2026-13-01".into(),
            planned_terms: "4".into(),
            study_path: "x".into(),
            languages: "xx".into(),
            ..valid_raw()
        };
        let problems = ParticipantRecord::validate(&raw, today()).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "participant_ref",
                "given_name",
                "gender",
                "birth_year",
                "mentor_email",
                "start_date",
                "planned_terms",
                "study_path",
                "languages"
            ]
        );
        assert_eq!(problems[0].value, "P 1");
        assert_eq!(problems[1].problem, Problem::Required);
    }

    #[test]
    fn permit_and_arrival_after_the_start_date_are_rejected() {
        let raw = RawParticipant {
            start_date: "2026-01-12".into(),
            residence_permit_date: "2026-01-13".into(),
            arrival_date: "2026-02-01".into(),
            ..valid_raw()
        };
        let problems = ParticipantRecord::validate(&raw, today()).unwrap_err();
        assert_eq!(
            problems,
            [
                FieldProblem::new(
                    "residence_permit_date",
                    "2026-01-13",
                    Problem::DateAfterStart
                ),
                FieldProblem::new("arrival_date", "2026-02-01", Problem::DateAfterStart),
            ]
        );
        let same_day = RawParticipant {
            residence_permit_date: "2026-01-12".into(),
            arrival_date: "2026-01-12".into(),
            ..raw
        };
        assert!(ParticipantRecord::validate(&same_day, today()).is_ok());
    }

    #[test]
    fn a_record_round_trips_through_its_csv_fields() {
        let record = ParticipantRecord::validate(&valid_raw(), today()).unwrap();
        let fields = record.to_csv_fields();
        assert_eq!(fields.len(), PARTICIPANT_COLUMNS.len());
        assert_eq!(fields[7], "mentor@example.se");
        let raw = RawParticipant::from_lookup(|column| {
            PARTICIPANT_COLUMNS
                .iter()
                .position(|c| *c == column)
                .map(|i| fields[i].as_str())
        });
        assert_eq!(ParticipantRecord::validate(&raw, today()), Ok(record));
    }
}
