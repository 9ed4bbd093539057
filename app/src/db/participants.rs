//! The participant register: records, their change history, lists with filters, access links.

use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;

use super::{col, now, parse_col, schools, Db, DbError, Tx};
use crate::domain::access::ParticipantLinks;
use crate::domain::credentials::SignInCode;
use crate::domain::ids::{GroupId, ParticipantId, SchoolId, UserId};
use crate::domain::paging::{Page, PAGE_SIZE};
use crate::domain::participant_import::{ParticipantRecord, PARTICIPANT_COLUMNS};
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::status::ParticipantStatus;
pub use crate::dto::{HistoryEntry, ParticipantDetail, ParticipantFilter, ParticipantSummary};

/// Which participants a list may contain at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everyone (coordinators).
    All,
    /// The mentor's own participants.
    MentorOf(UserId),
    /// Members of the teacher's groups.
    TeacherOf(UserId),
}

/// Where a change came from and who made it, for the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeSource {
    /// `web`, `import`, `cli` or `demo`.
    pub source: &'static str,
    /// The staff member, if any.
    pub by: Option<UserId>,
}

/// What saving a record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SaveOutcome {
    /// A new participant.
    Created(ParticipantId),
    /// Existing participant, changed fields recorded in the history.
    Updated(ParticipantId),
    /// Existing participant, nothing differed.
    Unchanged(ParticipantId),
}

const DETAIL_SELECT: &str = "SELECT p.id, p.participant_ref, p.given_name, p.family_name, p.gender, \
    p.birth_year, p.school_id, s.name AS school, d.name AS district, p.mentor_id, \
    u.display_name AS mentor_name, u.email AS mentor_email, p.start_date, p.planned_terms, \
    p.residence_permit_date, p.arrival_date, p.study_path, p.languages, p.status, p.end_date, \
    p.sign_in_code, p.pin_hash \
    FROM participants p JOIN schools s ON s.id = p.school_id JOIN districts d ON d.id = s.district_id \
    LEFT JOIN users u ON u.id = p.mentor_id";

fn detail_from_row(r: &AnyRow) -> Result<ParticipantDetail, DbError> {
    let status: String = col(r, "status")?;
    let pin: Option<String> = col(r, "pin_hash")?;
    Ok(ParticipantDetail {
        id: ParticipantId(col(r, "id")?),
        participant_ref: col(r, "participant_ref")?,
        given_name: col(r, "given_name")?,
        family_name: col(r, "family_name")?,
        gender: col(r, "gender")?,
        birth_year: col(r, "birth_year")?,
        school_id: SchoolId(col(r, "school_id")?),
        school: col(r, "school")?,
        district: col(r, "district")?,
        mentor_id: col::<Option<i64>>(r, "mentor_id")?.map(UserId),
        mentor_name: col(r, "mentor_name")?,
        mentor_email: col(r, "mentor_email")?,
        start_date: col(r, "start_date")?,
        planned_terms: col(r, "planned_terms")?,
        residence_permit_date: col(r, "residence_permit_date")?,
        arrival_date: col(r, "arrival_date")?,
        study_path: col(r, "study_path")?,
        languages: col(r, "languages")?,
        status: parse_col(ParticipantStatus::parse(&status), "status")?,
        end_date: col(r, "end_date")?,
        sign_in_code: col(r, "sign_in_code")?,
        has_pin: pin.is_some(),
        groups: vec![],
    })
}

/// The participant's values in CSV form, keyed by the `participants` columns (export order).
fn csv_fields(d: &ParticipantDetail) -> Vec<String> {
    vec![
        d.participant_ref.clone(),
        d.given_name.clone(),
        d.family_name.clone(),
        d.gender.clone(),
        d.birth_year.map(|y| y.to_string()).unwrap_or_default(),
        d.school.clone(),
        d.district.clone(),
        d.mentor_email.clone().unwrap_or_default(),
        d.start_date.clone(),
        d.planned_terms.to_string(),
        d.residence_permit_date.clone().unwrap_or_default(),
        d.arrival_date.clone().unwrap_or_default(),
        d.study_path.map(|p| p.to_string()).unwrap_or_default(),
        d.languages.clone(),
    ]
}

/// One participant with their groups.
pub async fn get(db: &Db, id: ParticipantId) -> Result<ParticipantDetail, DbError> {
    let row = sqlx::query(&format!("{DETAIL_SELECT} WHERE p.id = $1"))
        .bind(id.0)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(DbError::NotFound)?;
    let mut detail = detail_from_row(&row)?;
    let groups = sqlx::query(
        "SELECT g.id, g.name, u.display_name FROM group_members m \
         JOIN teaching_groups g ON g.id = m.group_id JOIN users u ON u.id = g.teacher_id \
         WHERE m.participant_id = $1 ORDER BY g.name",
    )
    .bind(id.0)
    .fetch_all(&db.pool)
    .await?;
    detail.groups = groups
        .iter()
        .map(|r| {
            Ok((
                GroupId(col(r, "id")?),
                col(r, "name")?,
                col(r, "display_name")?,
            ))
        })
        .collect::<Result<_, DbError>>()?;
    Ok(detail)
}

/// The id of the participant with reference `participant_ref`.
pub async fn id_by_ref(db: &Db, participant_ref: &str) -> Result<Option<ParticipantId>, DbError> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT id FROM participants WHERE participant_ref = $1")
            .bind(participant_ref)
            .fetch_optional(&db.pool)
            .await?
            .map(ParticipantId),
    )
}

/// Who may see the participant: their mentor and the teachers of their groups.
pub async fn links(db: &Db, id: ParticipantId) -> Result<ParticipantLinks, DbError> {
    let mentor: Option<Option<i64>> =
        sqlx::query_scalar("SELECT mentor_id FROM participants WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&db.pool)
            .await?;
    let mentor = mentor.ok_or(DbError::NotFound)?;
    let teachers: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT g.teacher_id FROM group_members m JOIN teaching_groups g ON g.id = m.group_id \
         WHERE m.participant_id = $1",
    )
    .bind(id.0)
    .fetch_all(&db.pool)
    .await?;
    Ok(ParticipantLinks {
        participant: id,
        mentor: mentor.map(UserId),
        teachers: teachers.into_iter().map(UserId).collect(),
    })
}

/// A page of the register for `scope`, filtered, sorted by family name, given name, reference.
pub async fn list(
    db: &Db,
    scope: Scope,
    filter: &ParticipantFilter,
) -> Result<Page<ParticipantSummary>, DbError> {
    let (scope_mentor, scope_teacher) = match scope {
        Scope::All => (0, 0),
        Scope::MentorOf(u) => (u.0, 0),
        Scope::TeacherOf(u) => (0, u.0),
    };
    let q = format!("%{}%", filter.q.trim().to_lowercase());
    let where_sql = "WHERE ($1 = 0 OR p.mentor_id = $1) \
        AND ($2 = 0 OR EXISTS (SELECT 1 FROM group_members m JOIN teaching_groups g ON g.id = m.group_id \
             WHERE m.participant_id = p.id AND g.teacher_id = $2)) \
        AND (LOWER(p.participant_ref) LIKE $3 OR LOWER(p.given_name) LIKE $3 OR LOWER(p.family_name) LIKE $3 \
             OR LOWER(p.given_name || ' ' || p.family_name) LIKE $3) \
        AND ($4 = 0 OR p.school_id = $4) AND ($5 = 0 OR s.district_id = $5) \
        AND ($6 = 0 OR p.mentor_id = $6) AND ($7 = '' OR p.status = $7)";
    let from_sql = "FROM participants p JOIN schools s ON s.id = p.school_id \
        JOIN districts d ON d.id = s.district_id LEFT JOIN users u ON u.id = p.mentor_id";
    let page = filter.page.max(1);
    let offset = Page::<()>::offset(page, PAGE_SIZE);
    macro_rules! bind_filters {
        ($query:expr) => {
            $query
                .bind(scope_mentor)
                .bind(scope_teacher)
                .bind(q.clone())
                .bind(filter.school.map_or(0, |s| s.0))
                .bind(filter.district.map_or(0, |d| d.0))
                .bind(filter.mentor.map_or(0, |m| m.0))
                .bind(filter.status.map_or("", |s| s.as_str()))
        };
    }
    let total: i64 = bind_filters!(sqlx::query_scalar(&format!(
        "SELECT COUNT(*) {from_sql} {where_sql}"
    )))
    .fetch_one(&db.pool)
    .await?;
    let rows = bind_filters!(sqlx::query(&format!(
        "SELECT p.id, p.participant_ref, p.given_name, p.family_name, s.name AS school, \
         d.name AS district, u.display_name AS mentor_name, p.status, p.start_date \
         {from_sql} {where_sql} ORDER BY p.family_name, p.given_name, p.participant_ref \
         LIMIT $8 OFFSET $9"
    )))
    .bind(i64::from(PAGE_SIZE))
    .bind(i64::try_from(offset).unwrap_or(i64::MAX))
    .fetch_all(&db.pool)
    .await?;
    let items = rows
        .iter()
        .map(|r| {
            let status: String = col(r, "status")?;
            let given: String = col(r, "given_name")?;
            let family: String = col(r, "family_name")?;
            Ok(ParticipantSummary {
                id: ParticipantId(col(r, "id")?),
                participant_ref: col(r, "participant_ref")?,
                name: format!("{given} {family}"),
                school: col(r, "school")?,
                district: col(r, "district")?,
                mentor_name: col(r, "mentor_name")?,
                status: parse_col(ParticipantStatus::parse(&status), "status")?,
                start_date: col(r, "start_date")?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(Page {
        items,
        page,
        page_size: PAGE_SIZE,
        total: u64::try_from(total).unwrap_or(0),
    })
}

/// The mentor id for an e-mail, which must belong to an active user with the mentor role.
pub async fn mentor_id(tx: &mut Tx, email: &str) -> Result<Option<UserId>, DbError> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT id FROM users WHERE email = $1 AND role = 'mentor' AND active = 1",
    )
    .bind(email)
    .fetch_optional(&mut **tx)
    .await?
    .map(UserId))
}

async fn detail_in_tx(
    tx: &mut Tx,
    participant_ref: &str,
) -> Result<Option<ParticipantDetail>, DbError> {
    let row = sqlx::query(&format!("{DETAIL_SELECT} WHERE p.participant_ref = $1"))
        .bind(participant_ref)
        .fetch_optional(&mut **tx)
        .await?;
    row.as_ref().map(detail_from_row).transpose()
}

async fn record_history(
    tx: &mut Tx,
    id: ParticipantId,
    who: ChangeSource,
    changes: &[(&str, Option<String>, Option<String>)],
) -> Result<(), DbError> {
    let t = now();
    for (field, old, new) in changes {
        sqlx::query(
            "INSERT INTO participant_history (participant_id, changed_at, changed_by, source, field, old_value, new_value) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id.0)
        .bind(t)
        .bind(who.by.map(|u| u.0))
        .bind(who.source)
        .bind(*field)
        .bind(old.clone())
        .bind(new.clone())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

fn none_if_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// Creates or updates the participant with the record's reference. An update stores one
/// history row per changed column; equal values change nothing. Fails with a field problem
/// if the mentor e-mail is not a mentor's or the school is in another district. With
/// `must_be_new`, an existing reference is a conflict instead of an update.
pub async fn save(
    tx: &mut Tx,
    record: &ParticipantRecord,
    who: ChangeSource,
    must_be_new: bool,
    new_code: impl FnMut() -> SignInCode,
) -> Result<SaveOutcome, DbError> {
    let fields = record.to_csv_fields();
    let participant_ref = fields[0].clone();
    let mentor = match &record.mentor_email {
        Some(email) => Some(mentor_id(tx, email.as_str()).await?.ok_or_else(|| {
            DbError::Conflict(FieldProblem {
                field: "mentor_email".to_owned(),
                value: email.as_str().to_owned(),
                problem: Problem::UnknownMentor,
            })
        })?),
        None => None,
    };
    let school = schools::ensure(tx, record.school.as_str(), record.district.as_str()).await?;
    let existing = detail_in_tx(tx, &participant_ref).await?;
    if existing.is_some() && must_be_new {
        return Err(DbError::Conflict(FieldProblem {
            field: "participant_ref".to_owned(),
            value: participant_ref,
            problem: Problem::AlreadyTaken,
        }));
    }
    let old = existing.as_ref().map(csv_fields);
    if let (Some(e), Some(old_fields)) = (&existing, &old) {
        if *old_fields == fields {
            return Ok(SaveOutcome::Unchanged(e.id));
        }
    }
    let t = now();
    let binds = |q: sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments<'static>>| {
        q.bind(fields[1].clone())
            .bind(fields[2].clone())
            .bind(fields[3].clone())
            .bind(record.birth_year.as_ref().map(|y| i64::from(y.value())))
            .bind(school.0)
            .bind(mentor.map(|m| m.0))
            .bind(fields[8].clone())
            .bind(i64::from(record.planned_terms.value()))
            .bind(none_if_empty(fields[10].clone()))
            .bind(none_if_empty(fields[11].clone()))
            .bind(record.study_path.as_ref().map(|p| i64::from(p.value())))
            .bind(fields[13].clone())
            .bind(t)
    };
    let (id, outcome) = match &existing {
        Some(e) => {
            binds(sqlx::query(
                "UPDATE participants SET given_name = $1, family_name = $2, gender = $3, birth_year = $4, \
                 school_id = $5, mentor_id = $6, start_date = $7, planned_terms = $8, \
                 residence_permit_date = $9, arrival_date = $10, study_path = $11, languages = $12, \
                 updated_at = $13 WHERE id = $14",
            ))
            .bind(e.id.0)
            .execute(&mut **tx)
            .await?;
            (e.id, SaveOutcome::Updated(e.id))
        }
        None => {
            let id = insert_with_fresh_code(tx, binds, &participant_ref, new_code).await?;
            (id, SaveOutcome::Created(id))
        }
    };
    let changes: Vec<(&str, Option<String>, Option<String>)> = PARTICIPANT_COLUMNS
        .iter()
        .enumerate()
        .filter_map(|(i, column)| {
            let new = none_if_empty(fields[i].clone());
            let old = old.as_ref().and_then(|o| none_if_empty(o[i].clone()));
            (old != new).then_some((*column, old, new))
        })
        .collect();
    record_history(tx, id, who, &changes).await?;
    Ok(outcome)
}

async fn insert_with_fresh_code<F>(
    tx: &mut Tx,
    binds: F,
    participant_ref: &str,
    mut new_code: impl FnMut() -> SignInCode,
) -> Result<ParticipantId, DbError>
where
    F: Fn(
        sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments<'static>>,
    ) -> sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments<'static>>,
{
    // 31^6 ≈ 887 million codes: a clash is rare, twenty in a row means the generator is broken.
    for _ in 0..20 {
        let code = new_code().as_str().to_owned();
        let taken: Option<i64> =
            sqlx::query_scalar("SELECT id FROM participants WHERE sign_in_code = $1")
                .bind(code.clone())
                .fetch_optional(&mut **tx)
                .await?;
        if taken.is_some() {
            continue;
        }
        let id: i64 = binds(sqlx::query(
            "INSERT INTO participants (given_name, family_name, gender, birth_year, school_id, mentor_id, \
             start_date, planned_terms, residence_permit_date, arrival_date, study_path, languages, \
             created_at, updated_at, participant_ref, sign_in_code) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15) RETURNING id",
        ))
        .bind(participant_ref.to_owned())
        .bind(code)
        .fetch_one(&mut **tx)
        .await
        .and_then(|row| sqlx::Row::try_get::<i64, _>(&row, "id"))?;
        return Ok(ParticipantId(id));
    }
    Err(DbError::Other("no free sign-in code".to_owned()))
}

/// Changes status and end date, recording both in the history.
pub async fn set_status(
    tx: &mut Tx,
    id: ParticipantId,
    status: ParticipantStatus,
    end_date: Option<String>,
    who: ChangeSource,
) -> Result<(), DbError> {
    let row = sqlx::query("SELECT status, end_date FROM participants WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::NotFound)?;
    let old_status: String = col(&row, "status")?;
    let old_end: Option<String> = col(&row, "end_date")?;
    let mut changes = vec![];
    if old_status != status.as_str() {
        changes.push(("status", Some(old_status), Some(status.as_str().to_owned())));
    }
    if old_end != end_date {
        changes.push(("end_date", old_end, end_date.clone()));
    }
    if changes.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "UPDATE participants SET status = $1, end_date = $2, updated_at = $3 WHERE id = $4",
    )
    .bind(status.as_str())
    .bind(end_date)
    .bind(now())
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    record_history(tx, id, who, &changes).await
}

/// Stores a new PIN hash (the history records that it changed, never the PIN).
pub async fn set_pin_hash(
    db: &Db,
    id: ParticipantId,
    hash: &str,
    who: ChangeSource,
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    let done = sqlx::query("UPDATE participants SET pin_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(hash)
        .bind(now())
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    record_history(&mut tx, id, who, &[("pin", None, Some("****".to_owned()))]).await?;
    tx.commit().await?;
    Ok(())
}

/// The participant and PIN hash for a sign-in code, if the code exists, a PIN is set and
/// the participant is active.
pub async fn find_for_sign_in(
    db: &Db,
    code: &str,
) -> Result<Option<(ParticipantId, String)>, DbError> {
    let row = sqlx::query(
        "SELECT id, pin_hash FROM participants WHERE sign_in_code = $1 AND status = 'active' AND pin_hash IS NOT NULL",
    )
    .bind(code)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| Ok((ParticipantId(col(&r, "id")?), col(&r, "pin_hash")?)))
        .transpose()
}

/// The change history of a participant, newest first.
pub async fn history(db: &Db, id: ParticipantId) -> Result<Vec<HistoryEntry>, DbError> {
    let rows = sqlx::query(
        "SELECT h.changed_at, u.display_name, h.source, h.field, h.old_value, h.new_value \
         FROM participant_history h LEFT JOIN users u ON u.id = h.changed_by \
         WHERE h.participant_id = $1 ORDER BY h.changed_at DESC, h.id DESC",
    )
    .bind(id.0)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(HistoryEntry {
                changed_at: col(r, "changed_at")?,
                changed_by: col(r, "display_name")?,
                source: col(r, "source")?,
                field: col(r, "field")?,
                old_value: col(r, "old_value")?,
                new_value: col(r, "new_value")?,
            })
        })
        .collect()
}

/// Every participant as `participants` CSV fields, sorted by reference (the export).
pub async fn export_rows(db: &Db) -> Result<Vec<Vec<String>>, DbError> {
    let rows = sqlx::query(&format!("{DETAIL_SELECT} ORDER BY p.participant_ref"))
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| detail_from_row(r).map(|d| csv_fields(&d)))
        .collect()
}

/// Counts per status, for the coordinator's start page.
pub async fn count_by_status(db: &Db) -> Result<Vec<(ParticipantStatus, i64)>, DbError> {
    let rows = sqlx::query("SELECT status, COUNT(*) AS n FROM participants GROUP BY status")
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            let s: String = col(r, "status")?;
            Ok((
                parse_col(ParticipantStatus::parse(&s), "status")?,
                col(r, "n")?,
            ))
        })
        .collect()
}

/// Changes a participant's reference (recorded in the history); a reference in use by
/// someone else is a conflict on `participant_ref`.
pub async fn rename(
    tx: &mut Tx,
    id: ParticipantId,
    new_ref: &str,
    who: ChangeSource,
) -> Result<(), DbError> {
    let old: String = sqlx::query_scalar("SELECT participant_ref FROM participants WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::NotFound)?;
    if old == new_ref {
        return Ok(());
    }
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT id FROM participants WHERE participant_ref = $1")
            .bind(new_ref)
            .fetch_optional(&mut **tx)
            .await?;
    if taken.is_some() {
        return Err(DbError::Conflict(FieldProblem {
            field: "participant_ref".to_owned(),
            value: new_ref.to_owned(),
            problem: Problem::AlreadyTaken,
        }));
    }
    sqlx::query("UPDATE participants SET participant_ref = $1, updated_at = $2 WHERE id = $3")
        .bind(new_ref)
        .bind(now())
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    record_history(
        tx,
        id,
        who,
        &[("participant_ref", Some(old), Some(new_ref.to_owned()))],
    )
    .await
}

/// Replaces a participant's personal code (used for demo data with a known code).
pub async fn set_sign_in_code(
    db: &Db,
    id: ParticipantId,
    code: &SignInCode,
) -> Result<(), DbError> {
    sqlx::query("UPDATE participants SET sign_in_code = $1 WHERE id = $2")
        .bind(code.as_str())
        .bind(id.0)
        .execute(&db.pool)
        .await
        .map_err(super::conflict_on("sign_in_code", code.as_str()))?;
    Ok(())
}
