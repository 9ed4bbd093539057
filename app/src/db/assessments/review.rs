//! Submitted assessments as staff see them: levels per skill and comments.

use super::{head_from, AssessmentHead, HEAD_SELECT};
use crate::db::{col, now, parse_col, Db, DbError};
use crate::domain::cefr::{CefrLevel, Skill};
use crate::domain::ids::{ParticipantId, UserId};
use crate::dto::Comment;

/// The submitted assessments of a participant, oldest first, each with its levels.
pub async fn submitted(
    db: &Db,
    participant: ParticipantId,
) -> Result<Vec<(AssessmentHead, Vec<(Skill, CefrLevel)>)>, DbError> {
    let heads = sqlx::query(&format!(
        "{HEAD_SELECT} WHERE participant_id = $1 AND status = 'submitted' ORDER BY assessed_on, id"
    ))
    .bind(participant.0)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(head_from)
    .collect::<Result<Vec<_>, DbError>>()?;
    let mut out = Vec::with_capacity(heads.len());
    for head in heads {
        let rows =
            sqlx::query("SELECT skill, level FROM assessment_levels WHERE assessment_id = $1")
                .bind(head.id)
                .fetch_all(&db.pool)
                .await?;
        let mut levels = rows
            .iter()
            .map(|r| {
                let skill: String = col(r, "skill")?;
                let level: String = col(r, "level")?;
                Ok((
                    parse_col(Skill::parse(&skill), "skill")?,
                    parse_col(CefrLevel::parse(&level), "level")?,
                ))
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        levels.sort();
        out.push((head, levels));
    }
    Ok(out)
}

/// Adds a comment; it never changes the participant's answers or levels.
pub async fn add_comment(
    db: &Db,
    assessment: i64,
    author: UserId,
    body: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO assessment_comments (assessment_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(assessment)
    .bind(author.0)
    .bind(body)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The comments on an assessment, oldest first.
pub async fn comments(db: &Db, assessment: i64) -> Result<Vec<Comment>, DbError> {
    let rows = sqlx::query(
        "SELECT u.display_name, c.created_at, c.body FROM assessment_comments c \
         JOIN users u ON u.id = c.author_id WHERE c.assessment_id = $1 ORDER BY c.created_at, c.id",
    )
    .bind(assessment)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Comment {
                author: col(r, "display_name")?,
                created_at: col(r, "created_at")?,
                body: col(r, "body")?,
            })
        })
        .collect()
}
