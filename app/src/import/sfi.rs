//! Storing SFI results from the grid, the single-result form and `sfi-results` files:
//! validation, the database rules, all or nothing, history.

use chrono::NaiveDate;

use super::ImportReport;
use crate::db::participants::ChangeSource;
use crate::db::sfi::{self as store, SfiSaveOutcome};
use crate::db::{Db, DbError};
use crate::domain::problem::RowProblem;
use crate::domain::sfi_import::{parse_sfi_results, validate_rows, SFI_SPEC};
use crate::domain::sfi_record::{RawSfiResult, SfiRecord};

/// What storing a batch did (or, when not committed, would have done).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stored {
    /// New results.
    pub created: usize,
    /// Corrected results.
    pub updated: usize,
    /// Results equal to what was stored.
    pub unchanged: usize,
    /// Every problem, by line (file) or row number (grid); empty when valid.
    pub problems: Vec<RowProblem>,
    /// True once stored.
    pub committed: bool,
}

/// Validates and stores numbered results in one transaction: all of them, or, if any row
/// has a problem (or `dry_run`), none. `problems` are found earlier (e.g. while reading).
pub async fn store_records(
    db: &Db,
    records: Vec<(usize, SfiRecord)>,
    mut problems: Vec<RowProblem>,
    who: ChangeSource,
    dry_run: bool,
) -> Result<Stored, DbError> {
    let mut out = Stored::default();
    let mut tx = db.begin().await?;
    for (line, record) in &records {
        match store::resolve(&mut tx, record).await? {
            Err(found) => problems.extend(
                found
                    .into_iter()
                    .map(|field| RowProblem { line: *line, field }),
            ),
            Ok((owner, teacher)) => {
                match store::save(&mut tx, owner.id, record, teacher, who).await? {
                    SfiSaveOutcome::Created(_) => out.created += 1,
                    SfiSaveOutcome::Updated(_) => out.updated += 1,
                    SfiSaveOutcome::Unchanged(_) => out.unchanged += 1,
                }
            }
        }
    }
    problems.sort_by_key(|p| p.line);
    if dry_run || !problems.is_empty() {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
        out.committed = true;
    }
    out.problems = problems;
    Ok(out)
}

/// Validates raw rows (skipping blank ones) and stores them as [`store_records`] does.
pub async fn store_raw(
    db: &Db,
    rows: Vec<(usize, RawSfiResult)>,
    today: NaiveDate,
    who: ChangeSource,
) -> Result<Stored, DbError> {
    let rows = rows.into_iter().filter(|(_, raw)| !raw.is_blank());
    let (records, problems) = validate_rows(rows, today);
    store_records(db, records, problems, who, false).await
}

/// Checks (`dry_run`) or imports a `sfi-results` file, all or nothing.
pub async fn import_file(
    db: &Db,
    text: &str,
    today: NaiveDate,
    who: ChangeSource,
    dry_run: bool,
) -> Result<ImportReport, DbError> {
    let mut report = ImportReport::default();
    let Some(table) = super::table::read_table(text, &SFI_SPEC, &mut report) else {
        return Ok(report);
    };
    let (records, problems) = parse_sfi_results(&table, today);
    let stored = store_records(db, records, problems, who, dry_run).await?;
    report.created = stored.created;
    report.updated = stored.updated;
    report.unchanged = stored.unchanged;
    report.committed = stored.committed;
    report.rows = stored
        .problems
        .into_iter()
        .map(|p| (p.line, p.field))
        .collect();
    Ok(report)
}

/// The `sfi-results` export: header and rows sorted by their key.
pub async fn export(db: &Db, whose: crate::db::Whose) -> Result<String, DbError> {
    let records = store::export_records(db, whose).await?;
    Ok(crate::domain::sfi_import::export_sfi_results(&records))
}
