//! CEFR self-assessments: the statement catalogue, drafts saved answer by answer, submission
//! (after which nothing of the assessment changes), levels, and staff comments.

mod catalogue;
mod draft;
mod paper;
mod review;

use serde::{Deserialize, Serialize};

use super::{col, parse_col, Db, DbError};
use crate::domain::cefr::{Occasion, Skill};
use crate::domain::ids::ParticipantId;
pub use crate::dto::Comment;
pub use catalogue::{
    load_catalogue, load_translation, statement_text, statements, text_counts, StatementText,
};
pub use draft::{answer, answer_once, answers, draft, set_waiting, start_draft, submit, waiting};
pub use paper::{export_levels, import_level, LevelOutcome};
pub use review::{add_comment, comments, submitted};

/// An assessment as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentHead {
    /// Id.
    pub id: i64,
    /// Whose.
    pub participant_id: ParticipantId,
    /// Start, checkpoint or finish.
    pub occasion: Occasion,
    /// The day it was begun (draft) or submitted.
    pub assessed_on: chrono::NaiveDate,
    /// `draft` or `submitted`.
    pub submitted: bool,
    /// `tablet`, `web`, `import`, `cli` or `demo`.
    pub source: String,
    /// The catalogue version answered (none for levels from paper portfolios).
    pub catalogue_version: Option<String>,
    /// The threshold applied, e.g. `80 %`.
    pub threshold: Option<String>,
    /// Where the participant stopped: skill and position in it.
    pub resume: Option<(Skill, i64)>,
}

const HEAD_SELECT: &str = "SELECT id, participant_id, occasion, assessed_on, status, source, \
    catalogue_version, threshold, resume_skill, resume_position FROM assessments";

fn head_from(r: &sqlx::any::AnyRow) -> Result<AssessmentHead, DbError> {
    let occasion: String = col(r, "occasion")?;
    let status: String = col(r, "status")?;
    let resume_skill: Option<String> = col(r, "resume_skill")?;
    let resume_position: Option<i64> = col(r, "resume_position")?;
    let resume = match (resume_skill, resume_position) {
        (Some(s), Some(p)) => Some((parse_col(Skill::parse(&s), "resume skill")?, p)),
        _ => None,
    };
    Ok(AssessmentHead {
        id: col(r, "id")?,
        participant_id: ParticipantId(col(r, "participant_id")?),
        occasion: parse_col(Occasion::parse(&occasion), "occasion")?,
        assessed_on: super::date_col(r, "assessed_on")?,
        submitted: status == "submitted",
        source: col(r, "source")?,
        catalogue_version: col(r, "catalogue_version")?,
        threshold: col(r, "threshold")?,
        resume,
    })
}

/// One assessment.
pub async fn get(db: &Db, id: i64) -> Result<AssessmentHead, DbError> {
    let row = sqlx::query(&format!("{HEAD_SELECT} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(DbError::NotFound)?;
    head_from(&row)
}
