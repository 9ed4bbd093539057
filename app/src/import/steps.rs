//! The `ladder-steps` file kind: steps reached on the work and matching ladders (import all or
//! nothing, idempotent, with history) and its export. The participant page's form saves through
//! the same code as a file row.

use chrono::NaiveDate;

use super::table::{
    before_start, finish, named_participant, read_table, validate_unique, DuplicateOn,
};
use super::ImportReport;
use crate::db::hours::{Recorder, Saved};
use crate::db::{self, Db, DbError, Tx, Whose};
use crate::domain::csvfile::{self, ColumnSpec};
use crate::domain::ids::ParticipantId;
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::steps::{RawStep, StepRecord, STEP_COLUMNS};

/// The header rules of the `ladder-steps` kind.
pub const STEP_SPEC: ColumnSpec = ColumnSpec {
    required: &["participant_ref", "ladder", "step", "reached_date"],
    optional: &["confirmed_by_email"],
};

/// Checks one step against the register (the participant, the ladder's steps, the start date,
/// the confirmer) and stores it in `tx`; a problem comes back instead.
pub async fn save_step(
    tx: &mut Tx,
    record: &StepRecord,
    who: Recorder,
) -> Result<Result<(ParticipantId, Saved<i64>), FieldProblem>, DbError> {
    let (participant, start) = match named_participant(tx, record.participant_ref.as_str()).await? {
        Ok(found) => found,
        Err(problem) => return Ok(Err(problem)),
    };
    let codes = db::steps::codes_in(tx, record.ladder).await?;
    if !codes.iter().any(|c| c == record.step.as_str()) {
        return Ok(Err(FieldProblem::new(
            "step",
            record.step.as_str(),
            Problem::UnknownStep {
                allowed: codes.join(", "),
            },
        )));
    }
    if let Some(problem) = before_start("reached_date", record.reached_date, start) {
        return Ok(Err(problem));
    }
    let confirmer = match &record.confirmed_by {
        None => None,
        Some(email) => match db::steps::confirmer(tx, email).await? {
            Some(u) => Some(u),
            None => {
                return Ok(Err(FieldProblem::new(
                    "confirmed_by_email",
                    email.as_str(),
                    Problem::UnknownConfirmer,
                )))
            }
        },
    };
    let saved = db::steps::save(tx, participant, record, confirmer, who).await?;
    Ok(Ok((participant, saved)))
}

/// Checks (`dry_run`) or imports a `ladder-steps` file on `today`, all or nothing.
pub async fn import_file(
    db: &Db,
    text: &str,
    today: NaiveDate,
    who: Recorder,
    dry_run: bool,
) -> Result<ImportReport, DbError> {
    let mut report = ImportReport::default();
    let Some(table) = read_table(text, &STEP_SPEC, &mut report) else {
        return Ok(report);
    };
    let records = validate_unique(
        &table,
        &mut report,
        |row| RawStep::from_lookup(|c| row.get(c)),
        |raw| StepRecord::validate(raw, today),
        StepRecord::key,
        DuplicateOn {
            field: "step",
            value: |raw: &RawStep| raw.step.as_str(),
        },
    );
    let mut tx = db.begin().await?;
    for (line, record) in &records {
        match save_step(&mut tx, record, who).await? {
            Ok((_, Saved::Created(_))) => report.created += 1,
            Ok((_, Saved::Updated(_))) => report.updated += 1,
            Ok((_, Saved::Unchanged(_))) => report.unchanged += 1,
            Err(problem) => report.rows.push((*line, problem)),
        }
    }
    finish(tx, report, dry_run).await
}

/// The `ladder-steps` export of `whose`, sorted by key.
pub async fn export(db: &Db, whose: Whose) -> Result<String, DbError> {
    let records = db::steps::export(db, whose).await?;
    Ok(csvfile::write(
        &STEP_COLUMNS,
        records.iter().map(StepRecord::to_csv_fields),
    ))
}
