//! CEFR self-assessments: the statement catalogue, drafts saved answer by answer, submission
//! (after which nothing of the assessment changes), levels, and staff comments.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{col, now, parse_col, Db, DbError, Tx};
use crate::domain::catalogue::Catalogue;
use crate::domain::cefr::{Answer, CefrLevel, Occasion, Skill};
use crate::domain::ids::{ParticipantId, UserId};
pub use crate::dto::Comment;

/// An assessment as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentHead {
    /// Id.
    pub id: i64,
    /// Whose.
    pub participant_id: ParticipantId,
    /// Start, checkpoint or finish.
    pub occasion: Occasion,
    /// `YYYY-MM-DD`: the day it was begun (draft) or submitted.
    pub assessed_on: String,
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

/// A statement with its text in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementText {
    /// Id within the catalogue.
    pub id: String,
    /// Skill.
    pub skill: Skill,
    /// Level.
    pub level: CefrLevel,
    /// Text.
    pub text: String,
}

/// Makes sure catalogue `c` is in the database; a version already loaded is left alone.
/// Returns whether it was loaded now.
pub async fn load_catalogue(db: &Db, c: &Catalogue) -> Result<bool, DbError> {
    let mut tx = db.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO cefr_catalogues (version, loaded_at) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING",
    )
    .bind(&c.version)
    .bind(now())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    for (position, s) in c.statements.iter().enumerate() {
        sqlx::query(
            "INSERT INTO cefr_statements (catalogue_version, statement_id, skill, level, position) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&c.version)
        .bind(&s.id)
        .bind(s.skill.as_str())
        .bind(s.level.as_str())
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .execute(&mut *tx)
        .await?;
        for (language, text) in [("sv", &s.sv), ("en", &s.en)] {
            sqlx::query(
                "INSERT INTO cefr_statement_texts (catalogue_version, statement_id, language, text) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(&c.version)
            .bind(&s.id)
            .bind(language)
            .bind(text)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(true)
}

/// The statements of `skill` in catalogue `version`, lowest level first, in `language`
/// (Swedish where that language has no text).
pub async fn statements(
    db: &Db,
    version: &str,
    skill: Skill,
    language: &str,
) -> Result<Vec<StatementText>, DbError> {
    let rows = sqlx::query(
        "SELECT s.statement_id, s.skill, s.level, COALESCE(t.text, sv.text) AS text \
         FROM cefr_statements s \
         JOIN cefr_statement_texts sv ON sv.catalogue_version = s.catalogue_version \
              AND sv.statement_id = s.statement_id AND sv.language = 'sv' \
         LEFT JOIN cefr_statement_texts t ON t.catalogue_version = s.catalogue_version \
              AND t.statement_id = s.statement_id AND t.language = $3 \
         WHERE s.catalogue_version = $1 AND s.skill = $2 ORDER BY s.position",
    )
    .bind(version)
    .bind(skill.as_str())
    .bind(language)
    .fetch_all(&db.pool)
    .await?;
    let mut out: Vec<StatementText> = rows
        .iter()
        .map(|r| {
            let skill: String = col(r, "skill")?;
            let level: String = col(r, "level")?;
            Ok(StatementText {
                id: col(r, "statement_id")?,
                skill: parse_col(Skill::parse(&skill), "skill")?,
                level: parse_col(CefrLevel::parse(&level), "level")?,
                text: col(r, "text")?,
            })
        })
        .collect::<Result<_, DbError>>()?;
    out.sort_by_key(|s| s.level);
    Ok(out)
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
        assessed_on: col(r, "assessed_on")?,
        submitted: status == "submitted",
        source: col(r, "source")?,
        catalogue_version: col(r, "catalogue_version")?,
        threshold: col(r, "threshold")?,
        resume,
    })
}

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

/// One assessment.
pub async fn get(db: &Db, id: i64) -> Result<AssessmentHead, DbError> {
    let row = sqlx::query(&format!("{HEAD_SELECT} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(DbError::NotFound)?;
    head_from(&row)
}

/// Starts a draft for `occasion` on catalogue `version`, or returns the draft the participant
/// already has (a double tap starts one draft).
pub async fn start_draft(
    db: &Db,
    participant: ParticipantId,
    occasion: Occasion,
    today: &str,
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
    .bind(today)
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
    let updated = sqlx::query(
        "UPDATE assessments SET updated_at = $2, resume_skill = $3, resume_position = $4 \
         WHERE id = $1 AND status = 'draft'",
    )
    .bind(assessment)
    .bind(now())
    .bind(resume.0.as_str())
    .bind(resume.1)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if updated == 0 {
        tx.rollback().await?;
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
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
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
    today: &str,
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
    .bind(today)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

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

/// What importing one level did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelOutcome {
    /// A new level (and, if needed, a new paper assessment).
    Created,
    /// A changed level of a paper assessment; the old one is in the history.
    Updated,
    /// The same level was stored.
    Unchanged,
    /// The key belongs to an assessment made on the tablet, with this other level.
    Frozen(CefrLevel),
}

/// Stores one level from an `assessments` file (paper portfolios). A level of an assessment
/// made on the tablet is never changed: an equal one is `Unchanged`, another is `Frozen`.
pub async fn import_level(
    tx: &mut Tx,
    participant: ParticipantId,
    record: &crate::domain::assessment_record::AssessmentLevelRecord,
    who: super::participants::ChangeSource,
) -> Result<LevelOutcome, DbError> {
    let date = record.date.format("%Y-%m-%d").to_string();
    let rows = sqlx::query(
        "SELECT a.id, a.source, l.level FROM assessments a LEFT JOIN assessment_levels l \
         ON l.assessment_id = a.id AND l.skill = $4 \
         WHERE a.participant_id = $1 AND a.assessed_on = $2 AND a.occasion = $3 AND a.status = 'submitted' \
         ORDER BY a.id",
    )
    .bind(participant.0)
    .bind(&date)
    .bind(record.occasion.as_str())
    .bind(record.skill.as_str())
    .fetch_all(&mut **tx)
    .await?;
    let mut paper = None;
    for r in &rows {
        let source: String = col(r, "source")?;
        let level: Option<String> = col(r, "level")?;
        let level = match level {
            Some(l) => Some(parse_col(CefrLevel::parse(&l), "level")?),
            None => None,
        };
        if matches!(source.as_str(), "tablet" | "web") {
            if let Some(level) = level {
                return Ok(if level == record.level {
                    LevelOutcome::Unchanged
                } else {
                    LevelOutcome::Frozen(level)
                });
            }
        } else if paper.is_none() {
            paper = Some((col::<i64>(r, "id")?, level));
        }
    }
    let at = now();
    let (id, old) = match paper {
        Some(found) => found,
        None => {
            let source = match who.source {
                "cli" | "demo" => who.source,
                _ => "import",
            };
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO assessments (participant_id, occasion, assessed_on, status, source, \
                 created_at, updated_at, submitted_at) VALUES ($1, $2, $3, 'submitted', $4, $5, $5, $5) \
                 RETURNING id",
            )
            .bind(participant.0)
            .bind(record.occasion.as_str())
            .bind(&date)
            .bind(source)
            .bind(at)
            .fetch_one(&mut **tx)
            .await?;
            (id, None)
        }
    };
    let outcome = match old {
        Some(level) if level == record.level => return Ok(LevelOutcome::Unchanged),
        Some(_) => {
            sqlx::query(
                "UPDATE assessment_levels SET level = $3 WHERE assessment_id = $1 AND skill = $2",
            )
            .bind(id)
            .bind(record.skill.as_str())
            .bind(record.level.as_str())
            .execute(&mut **tx)
            .await?;
            LevelOutcome::Updated
        }
        None => {
            sqlx::query(
                "INSERT INTO assessment_levels (assessment_id, skill, level) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(record.skill.as_str())
            .bind(record.level.as_str())
            .execute(&mut **tx)
            .await?;
            LevelOutcome::Created
        }
    };
    sqlx::query(
        "INSERT INTO assessment_level_history (assessment_id, skill, old_level, new_level, changed_at, changed_by, source) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(record.skill.as_str())
    .bind(old.map(CefrLevel::as_str))
    .bind(record.level.as_str())
    .bind(at)
    .bind(who.by.map(|u| u.0))
    .bind(who.source)
    .execute(&mut **tx)
    .await?;
    Ok(outcome)
}

/// Every level of every submitted assessment, for the `assessments` export.
pub async fn export_levels(
    db: &Db,
) -> Result<Vec<crate::domain::assessment_record::AssessmentLevelRecord>, DbError> {
    use crate::domain::assessment_record::AssessmentLevelRecord;
    use crate::domain::participant::ParticipantRef;
    let rows = sqlx::query(
        "SELECT p.participant_ref, a.assessed_on, a.occasion, l.skill, l.level FROM assessment_levels l \
         JOIN assessments a ON a.id = l.assessment_id JOIN participants p ON p.id = a.participant_id \
         WHERE a.status = 'submitted'",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut out = rows
        .iter()
        .map(|r| {
            let participant_ref: String = col(r, "participant_ref")?;
            let date: String = col(r, "assessed_on")?;
            let occasion: String = col(r, "occasion")?;
            let skill: String = col(r, "skill")?;
            let level: String = col(r, "level")?;
            Ok(AssessmentLevelRecord {
                participant_ref: parse_col(ParticipantRef::parse(&participant_ref), "reference")?,
                date: parse_col(crate::domain::participant::parse_date(&date), "date")?,
                occasion: parse_col(Occasion::parse(&occasion), "occasion")?,
                skill: parse_col(Skill::parse(&skill), "skill")?,
                level: parse_col(CefrLevel::parse(&level), "level")?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    out.sort_by_key(|r| r.key());
    // Two assessments on one key (tablet and paper) export once: the first wins.
    out.dedup_by(|a, b| a.key() == b.key());
    Ok(out)
}
