//! SFI results, their versions, and comments on self-assessments.

use serde::{Deserialize, Serialize};

use crate::domain::ids::{ParticipantId, SfiResultId};

/// An SFI result as stored and shown (values as their file text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SfiResultRow {
    /// Id.
    pub id: SfiResultId,
    /// Whose.
    pub participant_id: ParticipantId,
    /// Their reference.
    pub participant_ref: String,
    /// The day of the test.
    pub test_date: chrono::NaiveDate,
    /// The course.
    pub course: crate::domain::sfi::SfiCourse,
    /// Start, checkpoint or finish.
    pub occasion: crate::domain::cefr::Occasion,
    /// The course grade (it knows its scale).
    pub grade: crate::domain::sfi::Grade,
    /// Part results on the same scale: reading, listening, speaking, writing.
    pub parts: [Option<crate::domain::sfi::Grade>; 4],
    /// The teacher's e-mail, if recorded.
    pub teacher_email: Option<String>,
    /// The teacher's name, if recorded.
    pub teacher_name: Option<String>,
    /// 1 when first saved, one more for each correction.
    pub version: i64,
    /// Last saved (Unix seconds).
    pub updated_at: i64,
}

impl SfiResultRow {
    /// The grade scale of the course grade and the parts.
    pub fn grade_scale(&self) -> crate::domain::sfi::GradeScale {
        self.grade.scale()
    }

    /// A part result as the form shows it (empty when none).
    pub fn part_text(&self, i: usize) -> String {
        self.parts
            .get(i)
            .copied()
            .flatten()
            .map(|g| g.to_string())
            .unwrap_or_default()
    }
}

/// One version of an SFI result in its history: created, corrected or deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SfiVersion {
    /// The result.
    pub result_id: SfiResultId,
    /// Its version number.
    pub version: i64,
    /// `create`, `update` or `delete`.
    pub action: String,
    /// When (Unix seconds).
    pub changed_at: i64,
    /// Who, if a staff member.
    pub changed_by: Option<String>,
    /// `web`, `import`, `cli`, `demo`.
    pub source: String,
    /// The values of this version (for `delete`: the last values).
    pub values: SfiResultRow,
}

/// A comment by a staff member on a self-assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Who wrote it.
    pub author: String,
    /// When (Unix seconds).
    pub created_at: i64,
    /// The text.
    pub body: String,
}
