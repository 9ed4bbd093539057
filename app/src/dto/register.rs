//! The register: staff, schools, districts, groups and participants, their lists and history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::ids::{DistrictId, GroupId, ParticipantId, SchoolId, UserId};
use crate::domain::participant::{Gender, StudyPath};
use crate::domain::role::Role;
use crate::domain::status::ParticipantStatus;

/// A staff member as shown in lists (never the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffUser {
    /// Id.
    pub id: UserId,
    /// Sign-in e-mail, lower case.
    pub email: String,
    /// Name shown to others.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Whether the account may sign in.
    pub active: bool,
    /// Whether its password was set by someone else and must be changed at the next sign-in.
    pub must_change_password: bool,
}

/// A one-time password just set for a staff account, shown once to the coordinator who set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneTimePassword {
    /// The account's e-mail address.
    pub email: String,
    /// The password, to be changed at the next sign-in.
    pub password: String,
}

/// A school with its district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct School {
    /// Id.
    pub id: SchoolId,
    /// Name, unique in the programme.
    pub name: String,
    /// District id.
    pub district_id: DistrictId,
    /// District name.
    pub district: String,
    /// Participants placed at the school.
    pub participants: i64,
}

/// A district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct District {
    /// Id.
    pub id: DistrictId,
    /// Name.
    pub name: String,
}

/// A group as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Id.
    pub id: GroupId,
    /// Name, unique in the programme.
    pub name: String,
    /// The teacher.
    pub teacher_id: UserId,
    /// The teacher's name.
    pub teacher_name: String,
    /// Number of members.
    pub members: i64,
}

/// A member of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// Participant id.
    pub id: ParticipantId,
    /// Participant reference.
    pub participant_ref: String,
    /// Full name.
    pub name: String,
}

/// A participant as shown on their page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantDetail {
    /// Id.
    pub id: ParticipantId,
    /// The programme's own reference, e.g. `P-0042`.
    pub participant_ref: String,
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Gender as recorded.
    pub gender: Gender,
    /// Year of birth.
    pub birth_year: Option<i64>,
    /// School id.
    pub school_id: SchoolId,
    /// School name.
    pub school: String,
    /// District name.
    pub district: String,
    /// Mentor id.
    pub mentor_id: Option<UserId>,
    /// Mentor's name.
    pub mentor_name: Option<String>,
    /// Mentor's e-mail.
    pub mentor_email: Option<String>,
    /// First day of the introduction.
    pub start_date: NaiveDate,
    /// Planned terms, 1–3.
    pub planned_terms: i64,
    /// Date of the residence permit.
    pub residence_permit_date: Option<NaiveDate>,
    /// Date of arrival in Sweden.
    pub arrival_date: Option<NaiveDate>,
    /// SFI study path, 1–3.
    pub study_path: Option<StudyPath>,
    /// ISO 639-1 codes, `ar,en`.
    pub languages: String,
    /// Status.
    pub status: ParticipantStatus,
    /// Last day, for completed or left early.
    pub end_date: Option<NaiveDate>,
    /// Personal sign-in code for the tablet.
    pub sign_in_code: String,
    /// Whether a PIN has been set.
    pub has_pin: bool,
    /// Groups the participant is in, with their teacher's name.
    pub groups: Vec<(GroupId, String, String)>,
    /// The record's latest change (its newest history entry, PIN changes aside; 0 before
    /// any): an edit form sends it back, and the save is refused if the record changed since.
    pub version: i64,
}

impl ParticipantDetail {
    /// The participant's values as their file text (the edit form starts from these, and the
    /// history and the export compare and write them).
    pub fn raw(&self) -> crate::domain::participant::RawParticipant {
        use crate::domain::participant::format_date;
        crate::domain::participant::RawParticipant {
            participant_ref: self.participant_ref.clone(),
            given_name: self.given_name.clone(),
            family_name: self.family_name.clone(),
            gender: self.gender.to_string(),
            birth_year: self.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            school: self.school.clone(),
            district: self.district.clone(),
            mentor_email: self.mentor_email.clone().unwrap_or_default(),
            start_date: format_date(self.start_date),
            planned_terms: self.planned_terms.to_string(),
            residence_permit_date: self
                .residence_permit_date
                .map(format_date)
                .unwrap_or_default(),
            arrival_date: self.arrival_date.map(format_date).unwrap_or_default(),
            study_path: self.study_path.map(|p| p.to_string()).unwrap_or_default(),
            languages: self.languages.clone(),
        }
    }
}

/// A row of the register list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantSummary {
    /// Id.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// "Given Family".
    pub name: String,
    /// School name.
    pub school: String,
    /// District name.
    pub district: String,
    /// Mentor's name.
    pub mentor_name: Option<String>,
    /// Status.
    pub status: ParticipantStatus,
    /// First day.
    pub start_date: NaiveDate,
}

/// Filters of the register list; empty or missing fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ParticipantFilter {
    /// Search in reference and names.
    pub q: String,
    /// Only this school.
    pub school: Option<SchoolId>,
    /// Only this district.
    pub district: Option<DistrictId>,
    /// Only this mentor's participants.
    pub mentor: Option<UserId>,
    /// Only this status.
    pub status: Option<ParticipantStatus>,
    /// Page, 1-based.
    pub page: u32,
}

/// One change of one field, as kept in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When (Unix seconds).
    pub changed_at: i64,
    /// Who, if a staff member.
    pub changed_by: Option<String>,
    /// `web`, `import`, `cli`, `demo`.
    pub source: String,
    /// Column name.
    pub field: String,
    /// Value before (None when the record was created).
    pub old_value: Option<String>,
    /// Value after.
    pub new_value: Option<String>,
}
