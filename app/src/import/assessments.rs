//! The `assessments` file kind (levels from paper portfolios): import all or nothing, and
//! export, sorted by participant_ref, date, occasion, skill.

use chrono::NaiveDate;

use super::table::{finish, read_table, validate_unique, DuplicateOn};
use super::ImportReport;
use crate::db::assessments::{self as store, LevelOutcome};
use crate::db::participants::ChangeSource;
use crate::db::{Db, DbError};
use crate::domain::assessment_record::{
    AssessmentLevelRecord, RawAssessmentLevel, ASSESSMENT_COLUMNS,
};
use crate::domain::csvfile::{self, ColumnSpec};
use crate::domain::problem::{FieldProblem, Problem};

/// The header rules of the `assessments` kind: every column is required.
pub const ASSESSMENT_SPEC: ColumnSpec = ColumnSpec {
    required: &ASSESSMENT_COLUMNS,
    optional: &[],
};

/// Checks (`dry_run`) or imports an `assessments` file, all or nothing.
pub async fn import_file(
    db: &Db,
    text: &str,
    today: NaiveDate,
    who: ChangeSource,
    dry_run: bool,
) -> Result<ImportReport, DbError> {
    let mut report = ImportReport::default();
    let Some(table) = read_table(text, &ASSESSMENT_SPEC, &mut report) else {
        return Ok(report);
    };
    let records = validate_unique(
        &table,
        &mut report,
        |row| RawAssessmentLevel::from_lookup(|c| row.get(c)),
        |raw| AssessmentLevelRecord::validate(raw, today),
        |r| r.key(),
        DuplicateOn {
            field: "skill",
            value: |raw: &RawAssessmentLevel| raw.skill.as_str(),
        },
    );
    let mut tx = db.begin().await?;
    for (line, record) in &records {
        let Some(owner) =
            crate::db::sfi::owner_by_ref(&mut tx, record.participant_ref.as_str()).await?
        else {
            report.rows.push((
                *line,
                FieldProblem::new(
                    "participant_ref",
                    record.participant_ref.as_str(),
                    Problem::UnknownParticipant,
                ),
            ));
            continue;
        };
        match store::import_level(&mut tx, owner.id, record, who).await? {
            LevelOutcome::Created => report.created += 1,
            LevelOutcome::Updated => report.updated += 1,
            LevelOutcome::Unchanged => report.unchanged += 1,
            LevelOutcome::Frozen(level) => report.rows.push((
                *line,
                FieldProblem::new(
                    "level",
                    record.level.as_str(),
                    Problem::FrozenAssessment {
                        level: level.as_str().to_owned(),
                    },
                ),
            )),
        }
    }
    finish(tx, report, dry_run).await
}

/// The `assessments` export.
pub async fn export(db: &Db, whose: crate::db::Whose) -> Result<String, DbError> {
    let records = store::export_levels(db, whose).await?;
    Ok(csvfile::write(
        &ASSESSMENT_COLUMNS,
        records.iter().map(AssessmentLevelRecord::to_csv_fields),
    ))
}
