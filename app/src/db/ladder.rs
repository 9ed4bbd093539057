//! The language ladder's batch reads: a mentor's participants with their assessed levels and
//! latest SFI results, in a fixed number of queries whatever the number of participants.

use std::collections::HashMap;

use super::{col, parse_col, Db, DbError};
use crate::domain::cefr::{CefrLevel, Skill};
use crate::domain::ids::{ParticipantId, UserId};
use crate::domain::ladder::AssessedLevels;

/// A participant on the dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentorParticipant {
    /// Id.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// First day.
    pub start_date: chrono::NaiveDate,
    /// Last day, if known.
    pub end_date: Option<chrono::NaiveDate>,
    /// Personal code for the tablet (to look up a sign-in lock; never sent to the browser).
    pub sign_in_code: String,
}

/// The mentor's active participants (those with status `active`).
pub async fn mentor_participants(
    db: &Db,
    mentor: UserId,
) -> Result<Vec<MentorParticipant>, DbError> {
    let rows = sqlx::query(
        "SELECT id, participant_ref, given_name, family_name, start_date, end_date, sign_in_code \
         FROM participants WHERE mentor_id = $1 AND status = 'active' ORDER BY family_name, given_name",
    )
    .bind(mentor.0)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(MentorParticipant {
                id: ParticipantId(col(r, "id")?),
                participant_ref: col(r, "participant_ref")?,
                given_name: col(r, "given_name")?,
                family_name: col(r, "family_name")?,
                start_date: crate::db::date_col(r, "start_date")?,
                end_date: crate::db::opt_date_col(r, "end_date")?,
                sign_in_code: col(r, "sign_in_code")?,
            })
        })
        .collect()
}

/// The submitted assessments' levels of the mentor's participants, by participant, oldest first.
pub async fn levels_of_mentor(
    db: &Db,
    mentor: UserId,
) -> Result<HashMap<ParticipantId, Vec<AssessedLevels>>, DbError> {
    let rows = sqlx::query(
        "SELECT a.participant_id, a.id, a.assessed_on, l.skill, l.level \
         FROM assessments a JOIN assessment_levels l ON l.assessment_id = a.id \
         JOIN participants p ON p.id = a.participant_id \
         WHERE p.mentor_id = $1 AND a.status = 'submitted' \
         ORDER BY a.participant_id, a.assessed_on, a.id",
    )
    .bind(mentor.0)
    .fetch_all(&db.pool)
    .await?;
    let mut out: HashMap<ParticipantId, Vec<AssessedLevels>> = HashMap::new();
    let mut last: Option<i64> = None;
    for r in &rows {
        let participant = ParticipantId(col(r, "participant_id")?);
        let assessment: i64 = col(r, "id")?;
        let date = crate::db::date_col(r, "assessed_on")?;
        let skill: String = col(r, "skill")?;
        let level: String = col(r, "level")?;
        let pair = (
            parse_col(Skill::parse(&skill), "skill")?,
            parse_col(CefrLevel::parse(&level), "level")?,
        );
        let list = out.entry(participant).or_default();
        if last == Some(assessment) {
            if let Some(a) = list.last_mut() {
                a.levels.push(pair);
            }
        } else {
            list.push(AssessedLevels {
                date,
                levels: vec![pair],
            });
        }
        last = Some(assessment);
    }
    Ok(out)
}

/// The latest SFI result (course, grade, date) of each of the mentor's participants.
pub async fn latest_sfi_of_mentor(
    db: &Db,
    mentor: UserId,
) -> Result<HashMap<ParticipantId, (String, String, String)>, DbError> {
    let rows = sqlx::query(
        "SELECT r.participant_id, r.course, r.grade, r.test_date FROM sfi_results r \
         JOIN participants p ON p.id = r.participant_id WHERE p.mentor_id = $1 \
         ORDER BY r.participant_id, r.test_date, r.course",
    )
    .bind(mentor.0)
    .fetch_all(&db.pool)
    .await?;
    let mut out = HashMap::new();
    for r in &rows {
        // Ordered by date: the last one wins.
        out.insert(
            ParticipantId(col(r, "participant_id")?),
            (col(r, "course")?, col(r, "grade")?, col(r, "test_date")?),
        );
    }
    Ok(out)
}
