//! Reading a file as a table of its kind and ending an import all or nothing: the two steps
//! every kind shares.

use super::ImportReport;
use crate::db::DbError;
use crate::domain::csvfile;
pub use crate::domain::problem::DuplicateOn;

/// Reads `text` as a table of `spec`. A problem with the file as a whole (header, encoding,
/// field count) goes into `report`, translated later, and gives `None`.
pub fn read_table(
    text: &str,
    spec: &csvfile::ColumnSpec,
    report: &mut ImportReport,
) -> Option<csvfile::CsvTable> {
    match csvfile::read(text, spec) {
        Ok(t) => Some(t),
        Err(problems) => {
            report.file_problems = file_problem_entries(&problems);
            None
        }
    }
}

/// File problems as the report keeps them: message id and arguments, translated later.
pub fn file_problem_entries(
    problems: &[csvfile::FileProblem],
) -> Vec<(String, Vec<(String, String)>)> {
    problems
        .iter()
        .map(|fp| {
            let args = fp
                .args()
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect();
            (fp.message_id().to_owned(), args)
        })
        .collect()
}

/// Ends an import: sorts the row problems by line, and commits `tx` only when no row has a
/// problem and this is not a dry run (all or nothing); otherwise rolls it back.
pub async fn finish(
    tx: crate::db::Tx,
    mut report: ImportReport,
    dry_run: bool,
) -> Result<ImportReport, DbError> {
    report.rows.sort_by_key(|(line, _)| *line);
    if dry_run || !report.rows.is_empty() {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
        report.committed = true;
    }
    Ok(report)
}

/// The report in English for the command line: one line per problem.
pub fn report_lines(report: &ImportReport) -> Vec<String> {
    use crate::i18n::{translate, Locale};
    let mut out = vec![];
    for (id, args) in &report.file_problems {
        let args: Vec<(&str, String)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        out.push(format!("file: {}", translate(Locale::En, id, &args)));
    }
    for (line, p) in &report.rows {
        out.push(format!(
            "line {line}, column {}, value {:?}: {}",
            p.field,
            p.value,
            translate(Locale::En, p.problem.message_id(), &p.problem.args())
        ));
    }
    out
}

/// The one row loop of the kinds checked row by row
/// ([`crate::domain::problem::validate_unique`]): each row of `table` read with `raw_of`,
/// validated, and kept unless an earlier row has the same `key`. Every problem goes into
/// `report` with its line. Returns the valid, unique records by line.
pub fn validate_unique<Raw, R, K: std::hash::Hash + Eq>(
    table: &csvfile::CsvTable,
    report: &mut ImportReport,
    raw_of: impl Fn(&csvfile::CsvRow) -> Raw,
    validate: impl Fn(&Raw) -> Result<R, Vec<crate::domain::problem::FieldProblem>>,
    key: impl Fn(&R) -> K,
    duplicate: DuplicateOn<Raw>,
) -> Vec<(usize, R)> {
    let (records, problems) = crate::domain::problem::validate_unique(
        table.rows.iter().map(|row| (row.line, raw_of(row))),
        validate,
        |_, record| record.map(&key),
        duplicate,
    );
    report
        .rows
        .extend(problems.into_iter().map(|p| (p.line, p.field)));
    records
}

/// The participant a file row names, with their start date, or the row's problem on
/// `participant_ref` when the register has no such participant.
pub async fn named_participant(
    tx: &mut crate::db::Tx,
    reference: &str,
) -> Result<
    Result<
        (crate::domain::ids::ParticipantId, chrono::NaiveDate),
        crate::domain::problem::FieldProblem,
    >,
    DbError,
> {
    use crate::domain::problem::{FieldProblem, Problem};
    Ok(crate::db::participants::id_and_start(tx, reference)
        .await?
        .ok_or_else(|| {
            FieldProblem::new("participant_ref", reference, Problem::UnknownParticipant)
        }))
}

/// The problem of a date in `field` that lies before the participant's `start`, if it does.
pub fn before_start(
    field: &str,
    date: chrono::NaiveDate,
    start: chrono::NaiveDate,
) -> Option<crate::domain::problem::FieldProblem> {
    use crate::domain::participant::format_date;
    (date < start).then(|| {
        crate::domain::problem::FieldProblem::new(
            field,
            format_date(date),
            crate::domain::problem::Problem::BeforeParticipantStart {
                start: format_date(start),
            },
        )
    })
}
