//! The `outcomes` file kind: how each introduction ended (import all or nothing, idempotent,
//! with history; each row sets the participant's status and end date) and its export. The exit
//! talk's form saves through the same code as a file row.

use chrono::NaiveDate;

use super::table::{
    before_start, finish, named_participant, read_table, validate_unique, DuplicateOn,
};
use super::ImportReport;
use crate::db::hours::{Recorder, Saved};
use crate::db::{self, Db, DbError, Tx, Whose};
use crate::domain::csvfile::{self, ColumnSpec};
use crate::domain::ids::ParticipantId;
use crate::domain::outcome::{OutcomeRecord, RawOutcome, OUTCOME_COLUMNS};
use crate::domain::problem::FieldProblem;

/// The header rules of the `outcomes` kind.
pub const OUTCOME_SPEC: ColumnSpec = ColumnSpec {
    required: &[
        "participant_ref",
        "exit_date",
        "completion",
        "activity",
        "self_sufficiency",
    ],
    optional: &["note"],
};

/// The participant of `record` if its exit date may be stored for them (not before their
/// start date); the problem otherwise.
async fn whose(
    tx: &mut Tx,
    record: &OutcomeRecord,
) -> Result<Result<ParticipantId, FieldProblem>, DbError> {
    let (participant, start) = match named_participant(tx, record.participant_ref.as_str()).await? {
        Ok(found) => found,
        Err(problem) => return Ok(Err(problem)),
    };
    Ok(match before_start("exit_date", record.exit_date, start) {
        Some(problem) => Err(problem),
        None => Ok(participant),
    })
}

/// Saves the outcomes in `tx` after checking each against the register; problems go into
/// `report` with their lines (the caller rolls back when there are any).
pub async fn save_outcomes(
    tx: &mut Tx,
    records: &[(usize, OutcomeRecord)],
    who: Recorder,
    report: &mut ImportReport,
) -> Result<(), DbError> {
    for (line, record) in records {
        let participant = match whose(tx, record).await? {
            Ok(p) => p,
            Err(problem) => {
                report.rows.push((*line, problem));
                continue;
            }
        };
        match db::outcomes::save(tx, participant, record, None, who).await? {
            Saved::Created(_) => report.created += 1,
            Saved::Updated(_) => report.updated += 1,
            Saved::Unchanged(_) => report.unchanged += 1,
        }
    }
    Ok(())
}

/// Checks (`dry_run`) or imports an `outcomes` file on `today`, all or nothing.
pub async fn import_file(
    db: &Db,
    text: &str,
    today: NaiveDate,
    who: Recorder,
    dry_run: bool,
) -> Result<ImportReport, DbError> {
    let mut report = ImportReport::default();
    let Some(table) = read_table(text, &OUTCOME_SPEC, &mut report) else {
        return Ok(report);
    };
    let records = validate_unique(
        &table,
        &mut report,
        |row| RawOutcome::from_lookup(|c| row.get(c)),
        |raw| OutcomeRecord::validate(raw, today),
        OutcomeRecord::key,
        DuplicateOn {
            field: "participant_ref",
            value: |raw: &RawOutcome| raw.participant_ref.as_str(),
        },
    );
    let mut tx = db.begin().await?;
    save_outcomes(&mut tx, &records, who, &mut report).await?;
    finish(tx, report, dry_run).await
}

/// The `outcomes` export of `whose`, sorted by reference.
pub async fn export(db: &Db, whose: Whose) -> Result<String, DbError> {
    let records = db::outcomes::export(db, whose).await?;
    Ok(csvfile::write(
        &OUTCOME_COLUMNS,
        records.iter().map(OutcomeRecord::to_csv_fields),
    ))
}
