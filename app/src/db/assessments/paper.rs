//! The `assessments` file: levels from paper portfolios imported, every level exported.

use crate::db::{col, now, parse_col, Db, DbError, Tx};
use crate::domain::cefr::{CefrLevel, Occasion, Skill};
use crate::domain::ids::ParticipantId;

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
    who: crate::db::participants::ChangeSource,
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
    whose: crate::db::Whose,
) -> Result<Vec<crate::domain::assessment_record::AssessmentLevelRecord>, DbError> {
    use crate::domain::assessment_record::AssessmentLevelRecord;
    use crate::domain::participant::ParticipantRef;
    let rows = sqlx::query(&format!(
        "SELECT p.participant_ref, a.assessed_on, a.occasion, l.skill, l.level FROM assessment_levels l \
         JOIN assessments a ON a.id = l.assessment_id JOIN participants p ON p.id = a.participant_id \
         WHERE a.status = 'submitted' AND {}",
        whose.condition()
    ))
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
