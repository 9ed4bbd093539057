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
    use crate::domain::cefr::Occasion;
    use crate::domain::sfi::{Grade, GradeScale, SfiCourse};
    let id: i64 = col(r, "id")?;
    // Stored values were checked on the way in; one that no longer parses is corruption.
    let corrupt = |field: &str, value: &str| {
        DbError::Other(format!(
            "sfi_results {id}: stored {field} {value:?} does not parse"
        ))
    };
    let text = |name: &str| col::<String>(r, name);
    let date = text("test_date")?;
    let test_date = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d")
        .map_err(|_| corrupt("test_date", &date))?;
    let course = text("course")?;
    let course = SfiCourse::parse(&course).map_err(|_| corrupt("course", &course))?;
    let occasion = text("occasion")?;
    let occasion = Occasion::parse(&occasion).map_err(|_| corrupt("occasion", &occasion))?;
    let scale = text("grade_scale")?;
    let scale = GradeScale::parse(&scale).map_err(|_| corrupt("grade_scale", &scale))?;
    let grade = text("grade")?;
    let grade = Grade::parse(scale, &grade).map_err(|_| corrupt("grade", &grade))?;
    let part = |name: &str| -> Result<Option<Grade>, DbError> {
        let v = col::<Option<String>>(r, name)?.unwrap_or_default();
        Grade::parse_optional(scale, &v).map_err(|_| corrupt(name, &v))
    };
    Ok(SfiResultRow {
        id: SfiResultId(id),
        participant_id: ParticipantId(col(r, "participant_id")?),
        participant_ref: col(r, "participant_ref")?,
        test_date,
        course,
        occasion,
        grade,
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
