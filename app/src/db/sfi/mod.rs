//! SFI test results: saving (create, correct, delete) with every version kept, lists per
//! participant and the `sfi-results` export.

mod owners;
mod read;
mod save;

use sqlx::any::AnyRow;

use super::{col, DbError};
use crate::domain::ids::{ParticipantId, SfiResultId};
use crate::domain::participant::StudyPath;
pub use crate::dto::{SfiResultRow, SfiVersion};
pub use owners::{group_members, owner, owner_by_ref, resolve, teacher_id};
pub use read::{
    export_records, for_participant, for_participants, get, owner_of, raw_of, versions,
};
pub use save::{correct, delete, save};

/// What saving a result did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SfiSaveOutcome {
    /// A new result.
    Created(SfiResultId),
    /// A correction of an existing result; the earlier version is kept.
    Updated(SfiResultId),
    /// The same values were already stored.
    Unchanged(SfiResultId),
}

/// What a result needs to know about its participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultOwner {
    /// The participant.
    pub id: ParticipantId,
    /// Their study path, for the course rule.
    pub study_path: Option<StudyPath>,
}

const ROW_SELECT: &str =
    "SELECT r.id, r.participant_id, p.participant_ref, r.test_date, r.course, \
    r.occasion, r.grade_scale, r.grade, r.reading, r.listening, r.speaking, r.writing, \
    u.email AS teacher_email, u.display_name AS teacher_name, r.version, r.updated_at \
    FROM sfi_results r JOIN participants p ON p.id = r.participant_id \
    LEFT JOIN users u ON u.id = r.teacher_id";

fn row_from(r: &AnyRow) -> Result<SfiResultRow, DbError> {
    let part = |name: &str| -> Result<String, DbError> {
        Ok(col::<Option<String>>(r, name)?.unwrap_or_default())
    };
    Ok(SfiResultRow {
        id: SfiResultId(col(r, "id")?),
        participant_id: ParticipantId(col(r, "participant_id")?),
        participant_ref: col(r, "participant_ref")?,
        test_date: col(r, "test_date")?,
        course: col(r, "course")?,
        occasion: col(r, "occasion")?,
        grade_scale: col(r, "grade_scale")?,
        grade: col(r, "grade")?,
        parts: [
            part("reading")?,
            part("listening")?,
            part("speaking")?,
            part("writing")?,
        ],
        teacher_email: col(r, "teacher_email")?,
        teacher_name: col(r, "teacher_name")?,
        version: col(r, "version")?,
        updated_at: col(r, "updated_at")?,
    })
}
