//! Saving results: create, correct and delete, each change appended to the versions.

use sqlx::any::AnyRow;

use super::SfiSaveOutcome;
use crate::db::participants::ChangeSource;
use crate::db::{col, now, DbError, Tx};
use crate::domain::ids::{ParticipantId, SfiResultId, UserId};
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::sfi::Part;
use crate::domain::sfi_record::SfiRecord;

fn part(record: &SfiRecord, p: Part) -> Option<String> {
    record.parts.get(p).map(|g| g.as_str().to_owned())
}

/// Stored values that a correction compares: occasion, scale, grade, parts, teacher.
type Compared = (String, String, String, [Option<String>; 4], Option<i64>);

fn compared(record: &SfiRecord, teacher: Option<UserId>) -> Compared {
    (
        record.occasion.as_str().to_owned(),
        record.scale().as_str().to_owned(),
        record.grade.as_str().to_owned(),
        [
            part(record, Part::Reading),
            part(record, Part::Listening),
            part(record, Part::Speaking),
            part(record, Part::Writing),
        ],
        teacher.map(|t| t.0),
    )
}

fn stored(r: &AnyRow) -> Result<Compared, DbError> {
    Ok((
        col(r, "occasion")?,
        col(r, "grade_scale")?,
        col(r, "grade")?,
        [
            col(r, "reading")?,
            col(r, "listening")?,
            col(r, "speaking")?,
            col(r, "writing")?,
        ],
        col(r, "teacher_id")?,
    ))
}

/// Saves `record` for `owner` under its key (participant, date, course): a new result, a
/// correction (version + 1, the old version stays in the history) or nothing if equal.
/// Saving the same values twice (a double click, a retried request) stores them once.
pub async fn save(
    tx: &mut Tx,
    owner: ParticipantId,
    record: &SfiRecord,
    teacher: Option<UserId>,
    who: ChangeSource,
) -> Result<SfiSaveOutcome, DbError> {
    let date = record.test_date.format("%Y-%m-%d").to_string();
    let existing = sqlx::query(
        "SELECT id, occasion, grade_scale, grade, reading, listening, speaking, writing, teacher_id \
         FROM sfi_results WHERE participant_id = $1 AND test_date = $2 AND course = $3",
    )
    .bind(owner.0)
    .bind(&date)
    .bind(record.course.as_str())
    .fetch_optional(&mut **tx)
    .await?;
    match existing {
        Some(row) => {
            let id = SfiResultId(col(&row, "id")?);
            if stored(&row)? == compared(record, teacher) {
                return Ok(SfiSaveOutcome::Unchanged(id));
            }
            write(tx, Some(id), owner, record, teacher, who).await?;
            Ok(SfiSaveOutcome::Updated(id))
        }
        None => {
            let id = write(tx, None, owner, record, teacher, who).await?;
            Ok(SfiSaveOutcome::Created(id))
        }
    }
}

/// Corrects result `id` (of `owner`) to `record`, which may move it to another date or
/// course; a result already stored under the new key is a conflict on `test_date`. A result no
/// longer at `expected_version` (changed since the form was shown) is a conflict on `version`.
pub async fn correct(
    tx: &mut Tx,
    id: SfiResultId,
    owner: ParticipantId,
    record: &SfiRecord,
    teacher: Option<UserId>,
    who: ChangeSource,
    expected_version: i64,
) -> Result<SfiSaveOutcome, DbError> {
    let row = sqlx::query(
        "SELECT id, participant_id, test_date, course, occasion, grade_scale, grade, reading, \
         listening, speaking, writing, teacher_id, version FROM sfi_results WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)?;
    if col::<i64>(&row, "participant_id")? != owner.0 {
        return Err(DbError::NotFound);
    }
    crate::db::stale(Some(expected_version), col(&row, "version")?)?;
    let date = record.test_date.format("%Y-%m-%d").to_string();
    let same_key = col::<String>(&row, "test_date")? == date
        && col::<String>(&row, "course")? == record.course.as_str();
    if same_key && stored(&row)? == compared(record, teacher) {
        return Ok(SfiSaveOutcome::Unchanged(id));
    }
    if !same_key {
        let taken: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM sfi_results WHERE participant_id = $1 AND test_date = $2 AND course = $3",
        )
        .bind(owner.0)
        .bind(&date)
        .bind(record.course.as_str())
        .fetch_optional(&mut **tx)
        .await?;
        if taken.is_some() {
            return Err(DbError::Conflict(FieldProblem::new(
                "test_date",
                date,
                Problem::AlreadyTaken,
            )));
        }
    }
    write(tx, Some(id), owner, record, teacher, who).await?;
    Ok(SfiSaveOutcome::Updated(id))
}

/// Inserts (`id` None) or updates a result and appends its version.
async fn write(
    tx: &mut Tx,
    id: Option<SfiResultId>,
    owner: ParticipantId,
    record: &SfiRecord,
    teacher: Option<UserId>,
    who: ChangeSource,
) -> Result<SfiResultId, DbError> {
    let at = now();
    let date = record.test_date.format("%Y-%m-%d").to_string();
    let (occasion, scale, grade, parts, teacher_id) = compared(record, teacher);
    let [reading, listening, speaking, writing] = parts;
    let id = match id {
        None => SfiResultId(
            sqlx::query_scalar::<_, i64>(
                "INSERT INTO sfi_results (participant_id, test_date, course, occasion, grade_scale, \
                 grade, reading, listening, speaking, writing, teacher_id, version, created_at, \
                 updated_at, updated_by) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $12, $13) RETURNING id",
            )
            .bind(owner.0)
            .bind(&date)
            .bind(record.course.as_str())
            .bind(&occasion)
            .bind(&scale)
            .bind(&grade)
            .bind(&reading)
            .bind(&listening)
            .bind(&speaking)
            .bind(&writing)
            .bind(teacher_id)
            .bind(at)
            .bind(who.by.map(|u| u.0))
            .fetch_one(&mut **tx)
            .await?,
        ),
        Some(id) => {
            sqlx::query(
                "UPDATE sfi_results SET test_date = $2, course = $3, occasion = $4, grade_scale = $5, \
                 grade = $6, reading = $7, listening = $8, speaking = $9, writing = $10, \
                 teacher_id = $11, version = version + 1, updated_at = $12, updated_by = $13 \
                 WHERE id = $1",
            )
            .bind(id.0)
            .bind(&date)
            .bind(record.course.as_str())
            .bind(&occasion)
            .bind(&scale)
            .bind(&grade)
            .bind(&reading)
            .bind(&listening)
            .bind(&speaking)
            .bind(&writing)
            .bind(teacher_id)
            .bind(at)
            .bind(who.by.map(|u| u.0))
            .execute(&mut **tx)
            .await?;
            id
        }
    };
    // The action is derived from the version: 1 is the creation, later ones corrections.
    append_version(tx, id, "", who).await?;
    Ok(id)
}

/// Copies the current values of result `id` into its history with `action` (empty: `create`
/// for version 1, `update` after).
async fn append_version(
    tx: &mut Tx,
    id: SfiResultId,
    action: &str,
    who: ChangeSource,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO sfi_result_versions (result_id, participant_id, version, action, changed_at, \
         changed_by, source, test_date, course, occasion, grade_scale, grade, reading, listening, \
         speaking, writing, teacher_id) \
         SELECT id, participant_id, version, \
         CASE WHEN $2 <> '' THEN $2 WHEN version = 1 THEN 'create' ELSE 'update' END, \
         $3, $4, $5, test_date, course, occasion, grade_scale, grade, reading, listening, speaking, \
         writing, teacher_id FROM sfi_results WHERE id = $1",
    )
    .bind(id.0)
    .bind(action)
    .bind(now())
    .bind(who.by.map(|u| u.0))
    .bind(who.source)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Deletes result `id` of `owner`; its last values stay in the history as a `delete`. A
/// result no longer at `expected_version` (changed since the page was shown) is a conflict on
/// `version`.
pub async fn delete(
    tx: &mut Tx,
    id: SfiResultId,
    owner: ParticipantId,
    who: ChangeSource,
    expected_version: i64,
) -> Result<(), DbError> {
    let row = sqlx::query("SELECT participant_id, version FROM sfi_results WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(row) = row else {
        return Err(DbError::NotFound);
    };
    if col::<i64>(&row, "participant_id")? != owner.0 {
        return Err(DbError::NotFound);
    }
    crate::db::stale(Some(expected_version), col(&row, "version")?)?;
    append_version(tx, id, "delete", who).await?;
    sqlx::query("DELETE FROM sfi_results WHERE id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
