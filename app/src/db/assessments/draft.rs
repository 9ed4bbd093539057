//! Drafts: started once, saved answer by answer, submitted with their levels.

use std::collections::BTreeMap;

use super::{head_from, AssessmentHead, HEAD_SELECT};
use crate::db::{col, now, parse_col, Db, DbError, Tx};
use crate::domain::cefr::{Answer, CefrLevel, Occasion, Skill};
use crate::domain::ids::ParticipantId;

/// The participant's draft, if there is one.
pub async fn draft(db: &Db, participant: ParticipantId) -> Result<Option<AssessmentHead>, DbError> {
    sqlx::query(&format!(
        "{HEAD_SELECT} WHERE participant_id = $1 AND status = 'draft'"
    ))
    .bind(participant.0)
    .fetch_optional(&db.pool)
    .await?
    .as_ref()
    .map(head_from)
    .transpose()
}

/// Starts a draft for `occasion` on catalogue `version`, or returns the draft the participant
/// already has (a double tap starts one draft).
pub async fn start_draft(
    db: &Db,
    participant: ParticipantId,
    occasion: Occasion,
    today: chrono::NaiveDate,
    version: &str,
    source: &str,
) -> Result<AssessmentHead, DbError> {
    if let Some(d) = draft(db, participant).await? {
        return Ok(d);
    }
    let at = now();
    let inserted = sqlx::query(
        "INSERT INTO assessments (participant_id, occasion, assessed_on, status, source, \
         catalogue_version, created_at, updated_at) VALUES ($1, $2, $3, 'draft', $4, $5, $6, $6)",
    )
    .bind(participant.0)
    .bind(occasion.as_str())
    .bind(crate::domain::participant::format_date(today))
    .bind(source)
    .bind(version)
    .bind(at)
    .execute(&db.pool)
    .await;
    match inserted {
        Ok(_) => {}
        // Another request started the draft at the same moment: use that one.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {}
        Err(e) => return Err(e.into()),
    }
    draft(db, participant).await?.ok_or(DbError::NotFound)
}

/// Saves one answer (and the goal mark) of a draft and where to resume. Answering the same
/// statement again replaces the answer. A submitted assessment refuses (`Conflict`-free
/// `NotFound`: there is no draft to answer).
pub async fn answer(
    db: &Db,
    assessment: i64,
    statement: &str,
    answer: Option<Answer>,
    goal: bool,
    resume: (Skill, i64),
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    apply(&mut tx, assessment, statement, answer, goal, resume).await?;
    tx.commit().await?;
    Ok(())
}

/// An answer delivered from the tablet under its idempotency `key`: applied as [`answer`] the
/// first time the key arrives, and nothing at all when it arrives again (`Ok(false)`), so a
/// delivery repeated after a dropped connection never overwrites a later answer.
pub async fn answer_once(
    db: &Db,
    (key, participant): (&str, ParticipantId),
    assessment: i64,
    statement: &str,
    answer: Answer,
    goal: bool,
    resume: (Skill, i64),
) -> Result<bool, DbError> {
    let mut tx = db.begin().await?;
    let fresh = sqlx::query(
        "INSERT INTO assessment_deliveries (key, participant_id, assessment_id, statement_id, delivered_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING",
    )
    .bind(key)
    .bind(participant.0)
    .bind(assessment)
    .bind(statement)
    .bind(now())
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if fresh {
        apply(&mut tx, assessment, statement, Some(answer), goal, resume).await?;
    }
    tx.commit().await?;
    Ok(fresh)
}

async fn apply(
    tx: &mut Tx,
    assessment: i64,
    statement: &str,
    answer: Option<Answer>,
    goal: bool,
    resume: (Skill, i64),
) -> Result<(), DbError> {
    let updated = sqlx::query(
        "UPDATE assessments SET updated_at = $2, resume_skill = $3, resume_position = $4 \
         WHERE id = $1 AND status = 'draft'",
    )
    .bind(assessment)
    .bind(now())
    .bind(resume.0.as_str())
    .bind(resume.1)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if updated == 0 {
        return Err(DbError::NotFound);
    }
    sqlx::query(
        "INSERT INTO assessment_answers (assessment_id, statement_id, answer, goal, answered_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (assessment_id, statement_id) \
         DO UPDATE SET answer = excluded.answer, goal = excluded.goal, answered_at = excluded.answered_at",
    )
    .bind(assessment)
    .bind(statement)
    .bind(answer.map(Answer::as_str))
    .bind(i64::from(goal))
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Sets how many answers `tablet` holds for `participant` that could not be sent (their
/// session had ended); zero forgets the tablet.
pub async fn set_waiting(
    db: &Db,
    participant: ParticipantId,
    tablet: &str,
    answers: u32,
) -> Result<(), DbError> {
    if answers == 0 {
        sqlx::query("DELETE FROM tablet_waiting WHERE participant_id = $1 AND tablet = $2")
            .bind(participant.0)
            .bind(tablet)
            .execute(&db.pool)
            .await?;
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO tablet_waiting (participant_id, tablet, answers, reported_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (participant_id, tablet) DO UPDATE SET answers = excluded.answers, reported_at = excluded.reported_at",
    )
    .bind(participant.0)
    .bind(tablet)
    .bind(i64::from(answers))
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// How many answers wait on tablets for `participant` (reported by the tablets).
pub async fn waiting(db: &Db, participant: ParticipantId) -> Result<u32, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(answers), 0) AS BIGINT) FROM tablet_waiting WHERE participant_id = $1",
    )
    .bind(participant.0)
    .fetch_one(&db.pool)
    .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The answers of an assessment: statement id → (answer, goal).
pub async fn answers(
    db: &Db,
    assessment: i64,
) -> Result<BTreeMap<String, (Option<Answer>, bool)>, DbError> {
    let rows = sqlx::query(
        "SELECT statement_id, answer, goal FROM assessment_answers WHERE assessment_id = $1",
    )
    .bind(assessment)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let answer: Option<String> = col(r, "answer")?;
            let answer = match answer {
                Some(a) => Some(parse_col(Answer::parse(&a), "answer")?),
                None => None,
            };
            Ok((
                col(r, "statement_id")?,
                (answer, col::<i64>(r, "goal")? != 0),
            ))
        })
        .collect()
}

/// Submits a draft with its derived levels and the threshold applied. Submitting twice (a
/// double tap, a retried request) changes nothing the second time; returns whether it
/// submitted now.
pub async fn submit(
    db: &Db,
    assessment: i64,
    levels: &[(Skill, CefrLevel)],
    threshold: &str,
    today: chrono::NaiveDate,
) -> Result<bool, DbError> {
    let mut tx: Tx = db.begin().await?;
    let at = now();
    // Levels first: the answers are frozen as soon as the status says submitted.
    let status: Option<String> = sqlx::query_scalar("SELECT status FROM assessments WHERE id = $1")
        .bind(assessment)
        .fetch_optional(&mut *tx)
        .await?;
    match status.as_deref() {
        None => return Err(DbError::NotFound),
        Some("submitted") => {
            tx.rollback().await?;
            return Ok(false);
        }
        Some(_) => {}
    }
    for (skill, level) in levels {
        sqlx::query(
            "INSERT INTO assessment_levels (assessment_id, skill, level) VALUES ($1, $2, $3)",
        )
        .bind(assessment)
        .bind(skill.as_str())
        .bind(level.as_str())
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query(
        "UPDATE assessments SET status = 'submitted', submitted_at = $2, updated_at = $2, \
         threshold = $3, assessed_on = $4 WHERE id = $1 AND status = 'draft'",
    )
    .bind(assessment)
    .bind(at)
    .bind(threshold)
    .bind(crate::domain::participant::format_date(today))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}
