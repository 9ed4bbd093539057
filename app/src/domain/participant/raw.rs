//! The participant as text: the columns of the `participants` kind and the raw form or file row.

use serde::{Deserialize, Serialize};

/// The columns of the `participants` kind, in export order.
pub const PARTICIPANT_COLUMNS: &[&str] = &[
    "participant_ref",
    "given_name",
    "family_name",
    "gender",
    "birth_year",
    "school",
    "district",
    "mentor_email",
    "start_date",
    "planned_terms",
    "residence_permit_date",
    "arrival_date",
    "study_path",
    "languages",
];

/// A participant as typed into the form or read from a file row: every field
/// as text, named like the CSV columns. Empty string = no value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawParticipant {
    /// `participant_ref`
    pub participant_ref: String,
    /// `given_name`
    pub given_name: String,
    /// `family_name`
    pub family_name: String,
    /// `gender`
    pub gender: String,
    /// `birth_year`
    pub birth_year: String,
    /// `school`
    pub school: String,
    /// `district`
    pub district: String,
    /// `mentor_email`
    pub mentor_email: String,
    /// `start_date`
    pub start_date: String,
    /// `planned_terms`
    pub planned_terms: String,
    /// `residence_permit_date`
    pub residence_permit_date: String,
    /// `arrival_date`
    pub arrival_date: String,
    /// `study_path`
    pub study_path: String,
    /// `languages`
    pub languages: String,
}

impl RawParticipant {
    /// The fields in [`PARTICIPANT_COLUMNS`] order.
    pub fn into_fields(self) -> Vec<String> {
        vec![
            self.participant_ref,
            self.given_name,
            self.family_name,
            self.gender,
            self.birth_year,
            self.school,
            self.district,
            self.mentor_email,
            self.start_date,
            self.planned_terms,
            self.residence_permit_date,
            self.arrival_date,
            self.study_path,
            self.languages,
        ]
    }

    /// Builds a raw participant by looking up each column name with `get`
    /// (missing columns become empty strings).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let field = |column: &str| get(column).unwrap_or_default().to_owned();
        RawParticipant {
            participant_ref: field("participant_ref"),
            given_name: field("given_name"),
            family_name: field("family_name"),
            gender: field("gender"),
            birth_year: field("birth_year"),
            school: field("school"),
            district: field("district"),
            mentor_email: field("mentor_email"),
            start_date: field("start_date"),
            planned_terms: field("planned_terms"),
            residence_permit_date: field("residence_permit_date"),
            arrival_date: field("arrival_date"),
            study_path: field("study_path"),
            languages: field("languages"),
        }
    }
}
