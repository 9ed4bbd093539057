//! The participant register: records, their change history, lists with filters, access links.

mod bulk;
mod history;
mod read;
mod save;
mod sign_in;

use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;

use super::{col, date_col, opt_date_col, parse_col, typed_col, DbError};
use crate::domain::ids::{ParticipantId, SchoolId, UserId};
use crate::domain::participant::{Gender, StudyPath};
use crate::domain::status::ParticipantStatus;
pub use crate::dto::{HistoryEntry, ParticipantDetail, ParticipantFilter, ParticipantSummary};
pub use bulk::{save_batch, BatchOutcome, Register, BATCH};
pub use history::{changes_since, history};
pub use read::{count_by_status, export_rows, get, id_and_start, id_by_ref, links, list};
pub use save::{fill_search_keys, mentor_id, rename, save, set_status};
pub use sign_in::{find_for_sign_in, set_pin_hash, set_sign_in_code, set_ui_language, ui_language};

/// Which participants a list may contain at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everyone (coordinators).
    All,
    /// The mentor's own participants.
    MentorOf(UserId),
    /// Members of the teacher's groups.
    TeacherOf(UserId),
}

/// Where a change came from and who made it, for the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeSource {
    /// `web`, `import`, `cli` or `demo`.
    pub source: &'static str,
    /// The staff member, if any.
    pub by: Option<UserId>,
}

/// What saving a record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SaveOutcome {
    /// A new participant.
    Created(ParticipantId),
    /// Existing participant, changed fields recorded in the history.
    Updated(ParticipantId),
    /// Existing participant, nothing differed.
    Unchanged(ParticipantId),
}

const DETAIL_SELECT: &str = "SELECT p.id, p.participant_ref, p.given_name, p.family_name, p.gender, \
    p.birth_year, p.school_id, s.name AS school, d.name AS district, p.mentor_id, \
    u.display_name AS mentor_name, u.email AS mentor_email, p.start_date, p.planned_terms, \
    p.residence_permit_date, p.arrival_date, p.study_path, p.languages, p.status, p.end_date, \
    p.sign_in_code, p.pin_hash, \
    (SELECT COALESCE(MAX(h.id), 0) FROM participant_history h \
     WHERE h.participant_id = p.id AND h.field <> 'pin') AS version \
    FROM participants p JOIN schools s ON s.id = p.school_id JOIN districts d ON d.id = s.district_id \
    LEFT JOIN users u ON u.id = p.mentor_id";

fn detail_from_row(r: &AnyRow) -> Result<ParticipantDetail, DbError> {
    let status: String = col(r, "status")?;
    let pin: Option<String> = col(r, "pin_hash")?;
    Ok(ParticipantDetail {
        id: ParticipantId(col(r, "id")?),
        participant_ref: col(r, "participant_ref")?,
        given_name: col(r, "given_name")?,
        family_name: col(r, "family_name")?,
        gender: typed_col(r, "gender", Gender::parse)?,
        birth_year: col(r, "birth_year")?,
        school_id: SchoolId(col(r, "school_id")?),
        school: col(r, "school")?,
        district: col(r, "district")?,
        mentor_id: col::<Option<i64>>(r, "mentor_id")?.map(UserId),
        mentor_name: col(r, "mentor_name")?,
        mentor_email: col(r, "mentor_email")?,
        start_date: date_col(r, "start_date")?,
        planned_terms: col(r, "planned_terms")?,
        residence_permit_date: opt_date_col(r, "residence_permit_date")?,
        arrival_date: opt_date_col(r, "arrival_date")?,
        study_path: col::<Option<i64>>(r, "study_path")?
            .map(|v| parse_col(StudyPath::parse(&v.to_string()), "study_path"))
            .transpose()?,
        languages: col(r, "languages")?,
        status: parse_col(ParticipantStatus::parse(&status), "status")?,
        end_date: opt_date_col(r, "end_date")?,
        sign_in_code: col(r, "sign_in_code")?,
        has_pin: pin.is_some(),
        groups: vec![],
        version: col(r, "version")?,
    })
}

/// The participant's values in CSV form, keyed by the `participants` columns (export order).
fn csv_fields(d: &ParticipantDetail) -> Vec<String> {
    d.raw().into_fields()
}

/// An empty field as SQL `NULL`.
fn none_if_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}
