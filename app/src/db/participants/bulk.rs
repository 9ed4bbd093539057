//! The `participants` file saved a batch of rows at a time: what the rows need from the
//! database (mentors, schools, the stored records they name, free sign-in codes) is read once
//! per file or once per batch, and each kind of change is written with one statement per
//! batch. A row comes out exactly as [`super::save`] makes it alone: the same checks in the
//! same order (mentor, then school), the same values, history, search text and a fresh
//! personal code.

use std::collections::{HashMap, HashSet};

use super::history::{creation_value, CREATED};
use super::{csv_fields, detail_from_row, none_if_empty, ChangeSource, DETAIL_SELECT};
use crate::db::{col, now, schools, value_rows, Backend, DbError, Tx};
use crate::domain::credentials::SignInCode;
use crate::domain::ids::{ParticipantId, SchoolId, UserId};
use crate::domain::participant::search_key;
use crate::domain::participant_import::{ParticipantRecord, PARTICIPANT_COLUMNS};
use crate::domain::problem::{FieldProblem, Problem};
use crate::dto::ParticipantDetail;

/// What a file's rows need to know of the register, read once per file: the active mentors
/// and the schools with their district. Schools the file adds are remembered as they are made.
#[derive(Debug, Default)]
pub struct Register {
    mentors: HashMap<String, UserId>,
    schools: HashMap<String, (SchoolId, String)>,
    codes: HashSet<String>,
    /// Participants stored when the planner's statistics were last brought up to date, and
    /// created since.
    known: usize,
    added: usize,
}

impl Register {
    /// Reads the active mentors and the schools.
    pub async fn load(tx: &mut Tx) -> Result<Self, DbError> {
        let mut register = Self::default();
        for r in sqlx::query("SELECT id, email FROM users WHERE role = 'mentor' AND active = 1")
            .fetch_all(&mut **tx)
            .await?
        {
            register
                .mentors
                .insert(col(&r, "email")?, UserId(col(&r, "id")?));
        }
        for r in sqlx::query(
            "SELECT s.id, s.name, d.name AS district FROM schools s \
             JOIN districts d ON d.id = s.district_id",
        )
        .fetch_all(&mut **tx)
        .await?
        {
            register.schools.insert(
                col(&r, "name")?,
                (SchoolId(col(&r, "id")?), col(&r, "district")?),
            );
        }
        let known: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM participants")
            .fetch_one(&mut **tx)
            .await?;
        register.known = usize::try_from(known).unwrap_or(0);
        Ok(register)
    }

    /// Counts `created` new participants. On PostgreSQL, once the register has doubled since
    /// the planner last looked, brings its statistics up to date (they count this
    /// transaction's rows): planned for the size it had, the look-ups of a batch by reference
    /// turn into scans of the whole table and the import grows quadratic (150,000 rows took
    /// 395 s instead of 26).
    async fn grown(
        &mut self,
        tx: &mut Tx,
        backend: Backend,
        created: usize,
    ) -> Result<(), DbError> {
        self.added += created;
        if backend == Backend::Postgres && self.added > self.known.max(BATCH) {
            for table in ["participants", "participant_history"] {
                sqlx::query(&format!("ANALYZE {table}"))
                    .execute(&mut **tx)
                    .await?;
            }
            self.known += self.added;
            self.added = 0;
        }
        Ok(())
    }

    fn mentor(&self, record: &ParticipantRecord) -> Result<Option<UserId>, FieldProblem> {
        record
            .mentor_email
            .as_ref()
            .map(|email| {
                self.mentors.get(email.as_str()).copied().ok_or_else(|| {
                    FieldProblem::new("mentor_email", email.as_str(), Problem::UnknownMentor)
                })
            })
            .transpose()
    }

    async fn school(
        &mut self,
        tx: &mut Tx,
        record: &ParticipantRecord,
    ) -> Result<Result<SchoolId, FieldProblem>, DbError> {
        let (name, district) = (record.school.as_str(), record.district.as_str());
        if let Some((id, in_district)) = self.schools.get(name) {
            return Ok(if in_district == district {
                Ok(*id)
            } else {
                Err(FieldProblem::new(
                    "district",
                    district,
                    Problem::SchoolInOtherDistrict {
                        district: in_district.clone(),
                    },
                ))
            });
        }
        match schools::ensure(tx, name, district).await {
            Ok(id) => {
                self.schools
                    .insert(name.to_owned(), (id, district.to_owned()));
                Ok(Ok(id))
            }
            Err(DbError::Conflict(p)) => Ok(Err(p)),
            Err(e) => Err(e),
        }
    }
}

/// What saving a batch did: the rows counted by outcome, and each row refused with its line.
#[derive(Debug, Default)]
pub struct BatchOutcome {
    /// New participants.
    pub created: usize,
    /// Changed participants.
    pub updated: usize,
    /// Participants whose record equals the row.
    pub unchanged: usize,
    /// The rows refused (unknown mentor, school in another district).
    pub problems: Vec<(usize, FieldProblem)>,
}

/// A row that changes the register, with what it refers to.
struct Change<'a> {
    record: &'a ParticipantRecord,
    fields: Vec<String>,
    school: SchoolId,
    mentor: Option<UserId>,
    /// The stored record it updates (id and its fields), or none for a new participant.
    stored: Option<(ParticipantId, Vec<String>)>,
}

/// Rows per statement that reads stored records or writes participants (at most 17
/// parameters a row; SQLite allows 32,766 in a statement).
pub const BATCH: usize = 1000;

/// Checks and (with `write`) saves a batch of valid rows of one file (at most [`BATCH`],
/// references distinct within the file), creating or updating each participant as
/// [`super::save`] would. Nothing is written for a refused row.
pub async fn save_batch(
    tx: &mut Tx,
    backend: Backend,
    register: &mut Register,
    rows: &[(usize, ParticipantRecord)],
    who: ChangeSource,
    write: bool,
    new_code: &mut impl FnMut() -> SignInCode,
) -> Result<BatchOutcome, DbError> {
    let mut outcome = BatchOutcome::default();
    let refs: Vec<&str> = rows
        .iter()
        .map(|(_, r)| r.participant_ref.as_str())
        .collect();
    let mut stored = stored(tx, backend, &refs).await?;
    let mut changes = vec![];
    for (line, record) in rows {
        let mentor = match register.mentor(record) {
            Ok(m) => m,
            Err(p) => {
                outcome.problems.push((*line, p));
                continue;
            }
        };
        let school = match register.school(tx, record).await? {
            Ok(s) => s,
            Err(p) => {
                outcome.problems.push((*line, p));
                continue;
            }
        };
        let fields = record.to_csv_fields();
        let stored = stored
            .remove(record.participant_ref.as_str())
            .map(|d| (d.id, csv_fields(&d)));
        match &stored {
            Some((_, old)) if *old == fields => {
                outcome.unchanged += 1;
                continue;
            }
            Some(_) => outcome.updated += 1,
            None => outcome.created += 1,
        }
        changes.push(Change {
            record,
            fields,
            school,
            mentor,
            stored,
        });
    }
    if write {
        write_changes(tx, backend, register, &changes, who, new_code).await?;
    }
    Ok(outcome)
}

/// The stored records of the participants named, by reference.
async fn stored(
    tx: &mut Tx,
    backend: Backend,
    refs: &[&str],
) -> Result<HashMap<String, ParticipantDetail>, DbError> {
    let mut out = HashMap::new();
    for chunk in refs.chunks(BATCH) {
        let marks = value_rows(backend, 1, chunk.len()).replace(['(', ')'], "");
        let sql = format!("{DETAIL_SELECT} WHERE p.participant_ref IN ({marks})");
        let mut query = sqlx::query(&sql);
        for r in chunk {
            query = query.bind(*r);
        }
        for row in query.fetch_all(&mut **tx).await? {
            let detail = detail_from_row(&row)?;
            out.insert(detail.participant_ref.clone(), detail);
        }
    }
    Ok(out)
}

/// The columns a row sets, in the order [`bind_values`] binds them.
const VALUE_COLUMNS: &str = "given_name, family_name, gender, birth_year, school_id, mentor_id, \
    start_date, planned_terms, residence_permit_date, arrival_date, study_path, languages, \
    updated_at, search_key";

fn bind_values<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    c: &Change<'_>,
    t: i64,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    let f = &c.fields;
    query
        .bind(f[1].clone())
        .bind(f[2].clone())
        .bind(f[3].clone())
        .bind(c.record.birth_year.as_ref().map(|y| i64::from(y.value())))
        .bind(c.school.0)
        .bind(c.mentor.map(|m| m.0))
        .bind(f[8].clone())
        .bind(i64::from(c.record.planned_terms.value()))
        .bind(none_if_empty(f[10].clone()))
        .bind(none_if_empty(f[11].clone()))
        .bind(c.record.study_path.as_ref().map(|p| i64::from(p.value())))
        .bind(f[13].clone())
        .bind(t)
        .bind(search_key(&f[0], &f[1], &f[2]))
}

async fn write_changes(
    tx: &mut Tx,
    backend: Backend,
    register: &mut Register,
    changes: &[Change<'_>],
    who: ChangeSource,
    new_code: &mut impl FnMut() -> SignInCode,
) -> Result<(), DbError> {
    let t = now();
    let (updates, creates): (Vec<&Change>, Vec<&Change>) =
        changes.iter().partition(|c| c.stored.is_some());
    let mut ids: HashMap<&str, ParticipantId> = HashMap::new();
    if !updates.is_empty() {
        let sql = format!(
            "WITH v (id, {VALUE_COLUMNS}) AS (VALUES {}) UPDATE participants SET {} \
             FROM v WHERE participants.id = v.id",
            value_rows(backend, 15, updates.len()),
            VALUE_COLUMNS
                .split(", ")
                .map(|c| format!("{c} = v.{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut query = sqlx::query(&sql);
        for c in &updates {
            let id = c.stored.as_ref().map_or(0, |(id, _)| id.0);
            query = bind_values(query.bind(id), c, t);
        }
        query.execute(&mut **tx).await?;
    }
    if !creates.is_empty() {
        let codes = free_codes(tx, backend, register, creates.len(), new_code).await?;
        let sql = format!(
            "INSERT INTO participants (participant_ref, sign_in_code, created_at, {VALUE_COLUMNS}) \
             VALUES {} RETURNING id, participant_ref",
            value_rows(backend, 17, creates.len())
        );
        let mut query = sqlx::query(&sql);
        for (c, code) in creates.iter().zip(codes) {
            query = bind_values(query.bind(c.fields[0].clone()).bind(code).bind(t), c, t);
        }
        let created = query.fetch_all(&mut **tx).await?;
        let by_ref: HashMap<String, i64> = created
            .iter()
            .map(|r| Ok((col(r, "participant_ref")?, col(r, "id")?)))
            .collect::<Result<_, DbError>>()?;
        register.grown(tx, backend, creates.len()).await?;
        for c in &creates {
            let reference = c.fields[0].as_str();
            let id = by_ref.get(reference).ok_or(DbError::NotFound)?;
            ids.insert(reference, ParticipantId(*id));
        }
    }
    // An update writes a row per changed field; a creation one row with every field given.
    let mut history: Vec<(ParticipantId, &str, Option<String>, Option<String>)> = vec![];
    for c in changes {
        match &c.stored {
            Some((id, old)) => {
                for (i, column) in PARTICIPANT_COLUMNS.iter().enumerate() {
                    let new = none_if_empty(c.fields[i].clone());
                    let old = none_if_empty(old[i].clone());
                    if old != new {
                        history.push((*id, column, old, new));
                    }
                }
            }
            None => {
                let id = ids.get(c.fields[0].as_str()).ok_or(DbError::NotFound)?;
                let fields: Vec<(&str, String)> = PARTICIPANT_COLUMNS
                    .iter()
                    .zip(&c.fields)
                    .filter_map(|(column, value)| Some((*column, none_if_empty(value.clone())?)))
                    .collect();
                history.push((*id, CREATED, None, Some(creation_value(&fields)?)));
            }
        }
    }
    // Seven parameters a history row.
    for chunk in history.chunks(4000) {
        let sql = format!(
            "INSERT INTO participant_history (participant_id, changed_at, changed_by, source, \
             field, old_value, new_value) VALUES {}",
            value_rows(backend, 7, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for (id, field, old, new) in chunk {
            query = query
                .bind(id.0)
                .bind(t)
                .bind(who.by.map(|u| u.0))
                .bind(who.source)
                .bind(*field)
                .bind(old.clone())
                .bind(new.clone());
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// `count` personal codes that no participant has and this file has not handed out.
async fn free_codes(
    tx: &mut Tx,
    backend: Backend,
    register: &mut Register,
    count: usize,
    new_code: &mut impl FnMut() -> SignInCode,
) -> Result<Vec<String>, DbError> {
    let mut codes: Vec<String> = Vec::with_capacity(count);
    // 31^6 ≈ 887 million codes: a clash is rare, twenty rounds with one means the generator
    // is broken.
    for _ in 0..20 {
        let mut fresh = vec![];
        while codes.len() + fresh.len() < count {
            let code = new_code().as_str().to_owned();
            if register.codes.insert(code.clone()) {
                fresh.push(code);
            }
        }
        let marks = value_rows(backend, 1, fresh.len()).replace(['(', ')'], "");
        let sql = format!("SELECT sign_in_code FROM participants WHERE sign_in_code IN ({marks})");
        let mut query = sqlx::query_scalar::<_, String>(&sql);
        for code in &fresh {
            query = query.bind(code.as_str());
        }
        let taken: HashSet<String> = query.fetch_all(&mut **tx).await?.into_iter().collect();
        codes.extend(fresh.into_iter().filter(|c| !taken.contains(c)));
        if codes.len() == count {
            return Ok(codes);
        }
    }
    Err(DbError::Other("no free sign-in code".to_owned()))
}
