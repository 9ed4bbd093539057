//! SFI test results: saving (create, correct, delete) with every version kept, lists per
//! participant and the `sfi-results` export.

use sqlx::any::AnyRow;

use super::participants::ChangeSource;
use super::{col, now, Db, DbError, Tx};
use crate::domain::ids::{ParticipantId, SfiResultId, UserId};
use crate::domain::participant::StudyPath;
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::sfi::Part;
use crate::domain::sfi_record::{RawSfiResult, SfiRecord};
pub use crate::dto::{SfiResultRow, SfiVersion};

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
    let part = |name: &str| -> Result<String, DbError> {
        Ok(col::<Option<String>>(r, name)?.unwrap_or_default())
    };
    Ok(SfiResultRow {
        id: SfiResultId(col(r, "id")?),
        participant_id: ParticipantId(col(r, "participant_id")?),
        participant_ref: col(r, "participant_ref")?,
        test_date: col(r, "test_date")?,
        course: col(r, "course")?,
        occasion: col(r, "occasion")?,
        grade_scale: col(r, "grade_scale")?,
        grade: col(r, "grade")?,
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

/// The participant with reference `participant_ref` and their study path.
pub async fn owner_by_ref(
    tx: &mut Tx,
    participant_ref: &str,
) -> Result<Option<ResultOwner>, DbError> {
    let row = sqlx::query("SELECT id, study_path FROM participants WHERE participant_ref = $1")
        .bind(participant_ref)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| owner_from(&r)).transpose()
}

/// The participant `id` and their study path.
pub async fn owner(tx: &mut Tx, id: ParticipantId) -> Result<ResultOwner, DbError> {
    let row = sqlx::query("SELECT id, study_path FROM participants WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::NotFound)?;
    owner_from(&row)
}

fn owner_from(r: &AnyRow) -> Result<ResultOwner, DbError> {
    let path: Option<i64> = col(r, "study_path")?;
    let study_path = match path {
        Some(n) => Some(
            StudyPath::parse(&n.to_string())
                .map_err(|e| DbError::Other(format!("stored study path does not parse: {e:?}")))?,
        ),
        None => None,
    };
    Ok(ResultOwner {
        id: ParticipantId(col(r, "id")?),
        study_path,
    })
}

/// The id of the active teacher with this e-mail.
pub async fn teacher_id(tx: &mut Tx, email: &str) -> Result<Option<UserId>, DbError> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT id FROM users WHERE email = $1 AND role = 'teacher' AND active = 1",
    )
    .bind(email)
    .fetch_optional(&mut **tx)
    .await?
    .map(UserId))
}

/// Checks the rules that need the database (participant exists, course suits the study
/// path, teacher exists) and returns the owner and teacher, or the problems.
pub async fn resolve(
    tx: &mut Tx,
    record: &SfiRecord,
) -> Result<Result<(ResultOwner, Option<UserId>), Vec<FieldProblem>>, DbError> {
    let mut problems = vec![];
    let owner = owner_by_ref(tx, record.participant_ref.as_str()).await?;
    match owner {
        None => problems.push(FieldProblem::new(
            "participant_ref",
            record.participant_ref.as_str(),
            Problem::UnknownParticipant,
        )),
        Some(o) => {
            if let Err(p) = record.check_course(o.study_path) {
                problems.push(p);
            }
        }
    }
    let teacher = match &record.teacher_email {
        Some(email) => {
            let id = teacher_id(tx, email.as_str()).await?;
            if id.is_none() {
                problems.push(FieldProblem::new(
                    "teacher_email",
                    email.as_str(),
                    Problem::UnknownTeacher,
                ));
            }
            id
        }
        None => None,
    };
    Ok(match owner {
        Some(owner) if problems.is_empty() => Ok((owner, teacher)),
        _ => Err(problems),
    })
}

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
/// course; a result already stored under the new key is a conflict on `test_date`.
pub async fn correct(
    tx: &mut Tx,
    id: SfiResultId,
    owner: ParticipantId,
    record: &SfiRecord,
    teacher: Option<UserId>,
    who: ChangeSource,
) -> Result<SfiSaveOutcome, DbError> {
    let row = sqlx::query(
        "SELECT id, participant_id, test_date, course, occasion, grade_scale, grade, reading, \
         listening, speaking, writing, teacher_id FROM sfi_results WHERE id = $1",
    )
    .bind(id.0)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)?;
    if col::<i64>(&row, "participant_id")? != owner.0 {
        return Err(DbError::NotFound);
    }
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

/// Deletes result `id` of `owner`; its last values stay in the history as a `delete`.
pub async fn delete(
    tx: &mut Tx,
    id: SfiResultId,
    owner: ParticipantId,
    who: ChangeSource,
) -> Result<(), DbError> {
    let of: Option<i64> =
        sqlx::query_scalar("SELECT participant_id FROM sfi_results WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&mut **tx)
            .await?;
    if of != Some(owner.0) {
        return Err(DbError::NotFound);
    }
    append_version(tx, id, "delete", who).await?;
    sqlx::query("DELETE FROM sfi_results WHERE id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

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
pub async fn export_records(db: &Db) -> Result<Vec<SfiRecord>, DbError> {
    let rows = sqlx::query(&format!(
        "{ROW_SELECT} ORDER BY p.participant_ref, r.test_date, r.course"
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
        test_date: row.test_date.clone(),
        occasion: row.occasion.clone(),
        course: row.course.clone(),
        grade_scale: row.grade_scale.clone(),
        grade: row.grade.clone(),
        reading: row.parts[0].clone(),
        listening: row.parts[1].clone(),
        speaking: row.parts[2].clone(),
        writing: row.parts[3].clone(),
        teacher_email: row.teacher_email.clone().unwrap_or_default(),
    }
}

/// The members of a group with their study paths, by family name, given name.
pub async fn group_members(
    db: &Db,
    group: crate::domain::ids::GroupId,
) -> Result<Vec<(ParticipantId, String, String, Option<i64>)>, DbError> {
    let rows = sqlx::query(
        "SELECT p.id, p.participant_ref, p.given_name, p.family_name, p.study_path \
         FROM group_members m JOIN participants p ON p.id = m.participant_id \
         WHERE m.group_id = $1 ORDER BY p.family_name, p.given_name, p.participant_ref",
    )
    .bind(group.0)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let given: String = col(r, "given_name")?;
            let family: String = col(r, "family_name")?;
            Ok((
                ParticipantId(col(r, "id")?),
                col(r, "participant_ref")?,
                format!("{given} {family}"),
                col(r, "study_path")?,
            ))
        })
        .collect()
}
