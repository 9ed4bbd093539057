//! Reading results: one, per participant or group, their versions, and the `sfi-results` export.

use super::{row_from, ROW_SELECT};
use crate::db::{col, Db, DbError};
use crate::domain::ids::{ParticipantId, SfiResultId};
use crate::domain::sfi_record::{RawSfiResult, SfiRecord};
use crate::dto::{SfiResultRow, SfiVersion};

/// The participant of result `id`.
pub async fn owner_of(db: &Db, id: SfiResultId) -> Result<ParticipantId, DbError> {
    sqlx::query_scalar::<_, i64>("SELECT participant_id FROM sfi_results WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&db.pool)
        .await?
        .map(ParticipantId)
        .ok_or(DbError::NotFound)
}

/// One result.
pub async fn get(db: &Db, id: SfiResultId) -> Result<SfiResultRow, DbError> {
    let row = sqlx::query(&format!("{ROW_SELECT} WHERE r.id = $1"))
        .bind(id.0)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(DbError::NotFound)?;
    row_from(&row)
}

/// A participant's results, by date then course.
pub async fn for_participant(db: &Db, id: ParticipantId) -> Result<Vec<SfiResultRow>, DbError> {
    sqlx::query(&format!(
        "{ROW_SELECT} WHERE r.participant_id = $1 ORDER BY r.test_date, r.course"
    ))
    .bind(id.0)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(row_from)
    .collect()
}

/// The results of several participants (e.g. a group), by participant, date, course.
pub async fn for_participants(
    db: &Db,
    ids: &[ParticipantId],
) -> Result<Vec<SfiResultRow>, DbError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    // Ids are numbers from our own queries, so they are inlined safely.
    let list = ids
        .iter()
        .map(|i| i.0.to_string())
        .collect::<Vec<_>>()
        .join(",");
    sqlx::query(&format!(
        "{ROW_SELECT} WHERE r.participant_id IN ({list}) \
         ORDER BY r.participant_id, r.test_date, r.course"
    ))
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(row_from)
    .collect()
}

/// Every version of every result of a participant, newest first.
pub async fn versions(db: &Db, id: ParticipantId) -> Result<Vec<SfiVersion>, DbError> {
    let rows = sqlx::query(
        "SELECT v.result_id AS id, v.participant_id, p.participant_ref, v.test_date, v.course, \
         v.occasion, v.grade_scale, v.grade, v.reading, v.listening, v.speaking, v.writing, \
         t.email AS teacher_email, t.display_name AS teacher_name, v.version, \
         v.changed_at AS updated_at, v.action, v.source, c.display_name AS changed_by \
         FROM sfi_result_versions v JOIN participants p ON p.id = v.participant_id \
         LEFT JOIN users t ON t.id = v.teacher_id LEFT JOIN users c ON c.id = v.changed_by \
         WHERE v.participant_id = $1 ORDER BY v.changed_at DESC, v.id DESC",
    )
    .bind(id.0)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let values = row_from(r)?;
            Ok(SfiVersion {
                result_id: values.id,
                version: values.version,
                action: col(r, "action")?,
                changed_at: values.updated_at,
                changed_by: col(r, "changed_by")?,
                source: col(r, "source")?,
                values,
            })
        })
        .collect()
}

/// Every result as a valid record, for the `sfi-results` export.
pub async fn export_records(db: &Db, whose: crate::db::Whose) -> Result<Vec<SfiRecord>, DbError> {
    let rows = sqlx::query(&format!(
        "{ROW_SELECT} WHERE {} ORDER BY p.participant_ref, r.test_date, r.course",
        whose.condition()
    ))
    .fetch_all(&db.pool)
    .await?;
    let today = chrono::NaiveDate::MAX;
    rows.iter()
        .map(|r| {
            let row = row_from(r)?;
            SfiRecord::validate(&raw_of(&row), today)
                .map_err(|e| DbError::Other(format!("stored SFI result does not parse: {e:?}")))
        })
        .collect()
}

/// The stored row as raw fields.
pub fn raw_of(row: &SfiResultRow) -> RawSfiResult {
    RawSfiResult {
        participant_ref: row.participant_ref.clone(),
        test_date: row.test_date.format("%Y-%m-%d").to_string(),
        occasion: row.occasion.as_str().to_owned(),
        course: row.course.as_str().to_owned(),
        grade_scale: row.grade_scale().as_str().to_owned(),
        grade: row.grade.to_string(),
        reading: row.part_text(0),
        listening: row.part_text(1),
        speaking: row.part_text(2),
        writing: row.part_text(3),
        teacher_email: row.teacher_email.clone().unwrap_or_default(),
    }
}
