//! Writing the register: saving a record (created or updated), status changes, renames.

use super::history::{record_creation, record_history};
use super::{csv_fields, detail_from_row, none_if_empty, ChangeSource, SaveOutcome, DETAIL_SELECT};
use crate::db::{col, now, schools, DbError, Tx};
use crate::domain::credentials::SignInCode;
use crate::domain::ids::{ParticipantId, UserId};
use crate::domain::participant_import::{ParticipantRecord, PARTICIPANT_COLUMNS};
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::status::ParticipantStatus;
use crate::dto::ParticipantDetail;

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
            DbError::Conflict(FieldProblem::new(
                "mentor_email",
                email.as_str(),
                Problem::UnknownMentor,
            ))
        })?),
        None => None,
    };
    let school = schools::ensure(tx, record.school.as_str(), record.district.as_str()).await?;
    let existing = detail_in_tx(tx, &participant_ref).await?;
    if existing.is_some() && must_be_new {
        return Err(DbError::Conflict(FieldProblem::new(
            "participant_ref",
            participant_ref,
            Problem::AlreadyTaken,
        )));
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
    if matches!(outcome, SaveOutcome::Created(_)) {
        record_creation(tx, id, who, &changes).await?;
    } else {
        record_history(tx, id, who, &changes).await?;
    }
    store_search_key(tx, id).await?;
    Ok(outcome)
}

/// Recomputes the folded search text of one participant from the stored names and reference
/// ([`crate::domain::participant::search_key`]).
pub(crate) async fn store_search_key(
    conn: &mut sqlx::AnyConnection,
    id: ParticipantId,
) -> Result<(), DbError> {
    let row = sqlx::query(
        "SELECT participant_ref, given_name, family_name FROM participants WHERE id = $1",
    )
    .bind(id.0)
    .fetch_one(&mut *conn)
    .await?;
    let key = crate::domain::participant::search_key(
        &col::<String>(&row, "participant_ref")?,
        &col::<String>(&row, "given_name")?,
        &col::<String>(&row, "family_name")?,
    );
    sqlx::query("UPDATE participants SET search_key = $1 WHERE id = $2")
        .bind(key)
        .bind(id.0)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Fills the search text of participants stored before it existed. Run after migrating, once
/// per database: every write stores the text since, so once done (noted in
/// `maintenance_done`) a start does not scan the register again.
pub async fn fill_search_keys(db: &crate::db::Db) -> Result<usize, DbError> {
    const DONE: &str = "search_keys";
    let done: Option<i64> =
        sqlx::query_scalar("SELECT done_at FROM maintenance_done WHERE name = $1")
            .bind(DONE)
            .fetch_optional(&db.pool)
            .await?;
    if done.is_some() {
        return Ok(0);
    }
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM participants WHERE search_key = ''")
        .fetch_all(&db.pool)
        .await?;
    let mut conn = db.pool.acquire().await?;
    for &id in &ids {
        store_search_key(&mut conn, ParticipantId(id)).await?;
    }
    // Two servers starting at once may both have filled: the first note stands.
    sqlx::query(
        "INSERT INTO maintenance_done (name, done_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
    )
    .bind(DONE)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(ids.len())
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
    if old_status_changed(&changes) {
        // A participant who leaves (or comes back) signs in afresh.
        sqlx::query("DELETE FROM sessions WHERE participant_id = $1")
            .bind(id.0)
            .execute(&mut **tx)
            .await?;
    }
    record_history(tx, id, who, &changes).await
}

fn old_status_changed(changes: &[(&str, Option<String>, Option<String>)]) -> bool {
    changes.iter().any(|(field, _, _)| *field == "status")
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
        return Err(DbError::Conflict(FieldProblem::new(
            "participant_ref",
            new_ref,
            Problem::AlreadyTaken,
        )));
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
    .await?;
    store_search_key(tx, id).await
}
