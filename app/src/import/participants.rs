//! Saving participants from a form or a file: validation, all-or-nothing, history.

use chrono::NaiveDate;

use std::io::Read;

use super::table::{file_problem_entries, finish};
use super::ImportReport;
use crate::db::participants::{self, ChangeSource, SaveOutcome};
use crate::db::{Db, DbError};
use crate::domain::credentials::{SignInCode, CODE_LEN};
use crate::domain::csvfile::{self, Encoding, FileProblem, Rows};
use crate::domain::ids::{ParticipantId, UserId};
use crate::domain::participant::parse_date;
use crate::domain::participant::{ParticipantRef, RawParticipant};
use crate::domain::participant_import::{raw_from_row, ParticipantRecord, PARTICIPANT_SPEC};
use crate::domain::problem::{DuplicateOn, FieldProblem, Problem, RowProblem, UniqueRows};
use crate::domain::status::ParticipantStatus;
use crate::error::AppError;

/// A fresh random personal code.
pub fn random_code() -> SignInCode {
    use rand::Rng;
    let mut rng = rand::thread_rng();
    let mut r = [0u32; CODE_LEN];
    for x in &mut r {
        *x = rng.gen();
    }
    SignInCode::from_random(r)
}

/// An edit of an existing participant from the edit form.
#[derive(Debug, Clone)]
pub struct Edit {
    /// Whose record.
    pub id: ParticipantId,
    /// The status chosen.
    pub status: String,
    /// The end date typed (may be empty).
    pub end_date: String,
    /// The record's version the form showed ([`crate::dto::ParticipantDetail::version`]).
    pub version: i64,
    /// The editor's language, for the message about a change made meanwhile.
    pub locale: crate::i18n::Locale,
}

/// Validates and saves one participant from the form. With `edit`, the participant gets the
/// values, status and end date, unless someone changed the record after the form was shown
/// (then nothing is saved and each field they changed says by whom, when and to what);
/// otherwise a new participant is created (an existing reference is refused). Dates are
/// checked against `today`. Returns the participant's id.
pub async fn save_one(
    db: &Db,
    raw: &RawParticipant,
    user: UserId,
    edit: Option<Edit>,
    today: chrono::NaiveDate,
) -> Result<ParticipantId, AppError> {
    let record = ParticipantRecord::validate(raw, today);
    let status = edit
        .as_ref()
        .map(|e| parse_status(&e.status, &e.end_date, raw, today));
    let (record, status) = match (record, status) {
        (Ok(r), None) => (r, None),
        (Ok(r), Some(Ok(s))) => (r, Some(s)),
        (Err(mut a), Some(Err(b))) => {
            a.extend(b);
            return Err(AppError::Invalid(a));
        }
        (Err(a), _) | (Ok(_), Some(Err(a))) => return Err(AppError::Invalid(a)),
    };
    let who = ChangeSource {
        source: "web",
        by: Some(user),
    };
    let mut tx = db.begin().await?;
    let id = match edit {
        None => match participants::save(&mut tx, &record, who, true, random_code).await? {
            SaveOutcome::Created(id) | SaveOutcome::Updated(id) | SaveOutcome::Unchanged(id) => id,
        },
        Some(edit) => {
            let id = edit.id;
            let meanwhile = participants::changes_since(&mut tx, id, edit.version).await?;
            if !meanwhile.is_empty() {
                return Err(AppError::Invalid(changed_meanwhile(
                    &meanwhile,
                    edit.locale,
                )));
            }
            participants::rename(&mut tx, id, record.participant_ref.as_str(), who).await?;
            participants::save(&mut tx, &record, who, false, random_code).await?;
            if let Some((status, end)) = status {
                participants::set_status(&mut tx, id, status, end, who).await?;
            }
            id
        }
    };
    tx.commit().await.map_err(DbError::from)?;
    Ok(id)
}

/// One problem per field changed meanwhile (its latest change): by whom, when and to what.
fn changed_meanwhile(
    changes: &[crate::dto::HistoryEntry],
    locale: crate::i18n::Locale,
) -> Vec<FieldProblem> {
    let mut latest: Vec<&crate::dto::HistoryEntry> = Vec::new();
    for c in changes.iter().rev() {
        if !latest.iter().any(|l| l.field == c.field) {
            latest.push(c);
        }
    }
    latest.reverse();
    latest
        .into_iter()
        .map(|c| {
            crate::error::changed_by(
                &c.field,
                c.changed_by.as_deref(),
                &c.source,
                c.changed_at,
                c.new_value.clone().unwrap_or_default(),
                locale,
            )
        })
        .collect()
}

fn parse_status(
    status: &str,
    end: &str,
    raw: &RawParticipant,
    today: NaiveDate,
) -> Result<(ParticipantStatus, Option<String>), Vec<FieldProblem>> {
    let problem =
        |field: &str, value: &str, problem| FieldProblem::new(field.to_owned(), value, problem);
    let status =
        ParticipantStatus::parse(status).map_err(|p| vec![problem("status", status, p)])?;
    let end = end.trim();
    if end.is_empty() {
        return if status.needs_end_date() {
            Err(vec![problem("end_date", end, Problem::Required)])
        } else {
            Ok((status, None))
        };
    }
    let date = parse_date(end).map_err(|p| vec![problem("end_date", end, p)])?;
    if status.needs_end_date() && date > today {
        return Err(vec![problem("end_date", end, Problem::DateInFuture)]);
    }
    if parse_date(&raw.start_date).is_ok_and(|start| date < start) {
        return Err(vec![problem("end_date", end, Problem::EndBeforeStart)]);
    }
    Ok((status, Some(date.format("%Y-%m-%d").to_string())))
}

/// Checks (`dry_run`) or imports a `participants` file given as text ([`import_stream`]).
pub async fn participants(
    db: &Db,
    text: &str,
    today: NaiveDate,
    who: ChangeSource,
    dry_run: bool,
) -> Result<ImportReport, DbError> {
    import_stream(db, text.as_bytes(), Encoding::Utf8, today, who, dry_run).await
}

/// Checks (`dry_run`) or imports the `participants` file read from `reader` (bytes in
/// `encoding`), dates checked against `today`. All or nothing: if any row has a problem, the
/// transaction is rolled back and the report lists every problem.
///
/// Each row's own fields are checked as it is read; the valid rows are checked against the
/// register and saved a batch at a time ([`participants::save_batch`]). Memory holds one
/// batch, the references seen (for repeated ones) and the problems.
pub async fn import_stream<R: Read + Send>(
    db: &Db,
    reader: R,
    encoding: Encoding,
    today: NaiveDate,
    who: ChangeSource,
    dry_run: bool,
) -> Result<ImportReport, DbError> {
    let mut report = ImportReport::default();
    let rows = match Rows::open(reader, encoding, &PARTICIPANT_SPEC) {
        Ok(rows) => rows,
        Err(problems) => {
            report.file_problems = file_problem_entries(&problems);
            return Ok(report);
        }
    };
    let started = std::time::Instant::now();
    let mut tx = db.begin().await?;
    let mut register = participants::Register::load(&mut tx).await?;
    let mut unique = UniqueRows::new(DuplicateOn {
        field: "participant_ref",
        value: |raw: &RawParticipant| raw.participant_ref.as_str(),
    });
    let mut file_problems: Vec<FileProblem> = vec![];
    let mut row_problems: Vec<RowProblem> = vec![];
    let mut batch = Vec::with_capacity(participants::BATCH);
    for row in rows {
        match row {
            Err(problem) => file_problems.push(problem),
            // After a malformed record the file is refused as a whole: rows no longer matter.
            Ok(_) if !file_problems.is_empty() => {}
            Ok(row) => {
                let raw = raw_from_row(&row);
                let valid = unique.check(
                    row.line,
                    &raw,
                    |raw| ParticipantRecord::validate(raw, today),
                    |raw: &RawParticipant, _: Option<&ParticipantRecord>| {
                        ParticipantRef::parse(&raw.participant_ref).ok()
                    },
                    &mut row_problems,
                );
                report
                    .rows
                    .extend(row_problems.drain(..).map(|p| (p.line, p.field)));
                batch.extend(valid.map(|record| (row.line, record)));
            }
        }
        if batch.len() == participants::BATCH {
            let write = !dry_run && file_problems.is_empty();
            save_batch(
                &mut tx,
                db,
                &mut register,
                &mut batch,
                who,
                write,
                &mut report,
            )
            .await?;
        }
    }
    if !file_problems.is_empty() {
        report.rows.clear();
        report.file_problems = file_problem_entries(&file_problems);
        tx.rollback().await?;
        return Ok(report);
    }
    save_batch(
        &mut tx,
        db,
        &mut register,
        &mut batch,
        who,
        !dry_run,
        &mut report,
    )
    .await?;
    tracing::info!(
        elapsed = ?started.elapsed(),
        problems = report.rows.len(),
        "participants file read, checked and saved"
    );
    finish(tx, report, dry_run).await
}

/// Checks `batch` against the register and empties it, saving it if `write` and no row so
/// far has a problem (after one, nothing will be stored: the rest is only checked).
async fn save_batch(
    tx: &mut crate::db::Tx,
    db: &Db,
    register: &mut participants::Register,
    batch: &mut Vec<(usize, ParticipantRecord)>,
    who: ChangeSource,
    write: bool,
    report: &mut ImportReport,
) -> Result<(), DbError> {
    if batch.is_empty() {
        return Ok(());
    }
    let saved = participants::save_batch(
        tx,
        db.backend,
        register,
        batch,
        who,
        write && report.rows.is_empty(),
        &mut random_code,
    )
    .await?;
    batch.clear();
    report.created += saved.created;
    report.updated += saved.updated;
    report.unchanged += saved.unchanged;
    report.rows.extend(saved.problems);
    Ok(())
}

/// The `participants` export: header and rows sorted by reference.
pub async fn export_participants(db: &Db, whose: crate::db::Whose) -> Result<String, DbError> {
    let rows = participants::export_rows(db, whose).await?;
    Ok(csvfile::write(
        crate::domain::participant_import::PARTICIPANT_COLUMNS,
        rows,
    ))
}
