//! The `teaching` import as a stream: each row's own fields are checked as it is read, the
//! valid rows go to a staging table in batches ([`crate::db::hours::staging`]), the checks
//! that need the database run over all of them at once, and the whole file is applied in one
//! transaction, or nothing. Memory stays flat whatever the file's size: one batch of rows and
//! the problems found.

use std::collections::BTreeMap;
use std::io::Read;

use chrono::NaiveDateTime;

use super::table::{file_problem_entries, finish};
use super::time::TEACHING_SPEC;
use super::ImportReport;
use crate::db::hours::staging::{self, StagedTime, BATCH};
use crate::db::hours::Recorder;
use crate::db::{Db, DbError};
use crate::domain::csvfile::{Encoding, FileProblem, Rows};
use crate::domain::participant::format_date;
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::time_record::{format_clock, week_code, RawTimeEntry, TimeRecord};
use crate::domain::weeks::{HoursMinutes, TimeProblem, MAX_MINUTES_PER_DAY};

/// The staged form of a valid row.
fn staged(line: usize, raw: &RawTimeEntry, record: TimeRecord) -> StagedTime {
    StagedTime {
        line: i64::try_from(line).unwrap_or(i64::MAX),
        participant_ref: record.participant_ref.as_str().to_owned(),
        raw_start: raw.start.clone(),
        date: format_date(record.date),
        start: format_clock(record.start),
        end: format_clock(record.end),
        kind: record.kind.as_str(),
        minutes: i64::from(record.minutes()),
        iso_week: week_code(record.week()),
        teacher_email: record.teacher_email.map(|e| e.as_str().to_owned()),
    }
}

fn line_of(line: i64) -> usize {
    usize::try_from(line).unwrap_or(0)
}

/// Checks (`dry_run`) or imports the `teaching` file read from `reader` (bytes in
/// `encoding`), all or nothing, at `now` (local time).
pub async fn import_stream<R: Read + Send>(
    db: &Db,
    reader: R,
    encoding: Encoding,
    now: NaiveDateTime,
    who: Recorder,
    dry_run: bool,
) -> Result<ImportReport, DbError> {
    let mut report = ImportReport::default();
    let rows = match Rows::open(reader, encoding, &TEACHING_SPEC) {
        Ok(rows) => rows,
        Err(problems) => {
            report.file_problems = file_problem_entries(&problems);
            return Ok(report);
        }
    };
    let started = std::time::Instant::now();
    let mut tx = db.begin().await?;
    staging::create(&mut tx).await?;
    let mut file_problems: Vec<FileProblem> = vec![];
    let mut batch = Vec::with_capacity(BATCH);
    for row in rows {
        match row {
            Err(problem) => file_problems.push(problem),
            // After a malformed record the file is refused as a whole: rows no longer matter.
            Ok(_) if !file_problems.is_empty() => {}
            Ok(row) => {
                let raw = RawTimeEntry::from_lookup(|c| row.get(c));
                match TimeRecord::validate(&raw, now) {
                    Ok(record) => batch.push(staged(row.line, &raw, record)),
                    Err(problems) => report
                        .rows
                        .extend(problems.into_iter().map(|p| (row.line, p))),
                }
                if batch.len() == BATCH {
                    staging::insert(&mut tx, db.backend, &batch).await?;
                    batch.clear();
                }
            }
        }
    }
    if !file_problems.is_empty() {
        report.rows.clear();
        report.file_problems = file_problem_entries(&file_problems);
        staging::drop(&mut tx).await?;
        tx.rollback().await?;
        return Ok(report);
    }
    staging::insert(&mut tx, db.backend, &batch).await?;
    drop(batch);
    let staged = started.elapsed();
    check(&mut tx, &mut report).await?;
    let (created, updated, unchanged) = staging::counts(&mut tx).await?;
    (report.created, report.updated, report.unchanged) = (created, updated, unchanged);
    let checked = started.elapsed();
    if report.rows.is_empty() && !dry_run {
        staging::apply(&mut tx, db.backend, who).await?;
    }
    tracing::info!(
        ?staged,
        ?checked,
        applied = ?started.elapsed(),
        problems = report.rows.len(),
        "teaching file read, checked and applied"
    );
    staging::drop(&mut tx).await?;
    finish(tx, report, dry_run).await
}

/// The checks that need the database, over every staged row at once, in the order a row is
/// checked: a repeated key, the participant, the teacher, then overlaps and the daily limit.
async fn check(tx: &mut crate::db::Tx, report: &mut ImportReport) -> Result<(), DbError> {
    for (line, raw_start, first_line) in staging::duplicates(tx).await? {
        report.rows.push((
            line_of(line),
            FieldProblem::new(
                "start",
                raw_start,
                Problem::Duplicate {
                    first_line: line_of(first_line),
                },
            ),
        ));
    }
    for (line, reference) in staging::unknown_participants(tx).await? {
        report.rows.push((
            line_of(line),
            FieldProblem::new("participant_ref", reference, Problem::UnknownParticipant),
        ));
    }
    for (line, email) in staging::unknown_teachers(tx).await? {
        report.rows.push((
            line_of(line),
            FieldProblem::new("teacher_email", email, Problem::NotATeacher),
        ));
    }
    staging::match_stored(tx).await?;
    // The earliest entry each row overlaps (starts of one row's candidates are distinct).
    let mut first: BTreeMap<i64, (String, String, String)> = BTreeMap::new();
    for (line, start, _end, other_start, other_end) in staging::overlaps(tx).await? {
        let earlier = first.get(&line).is_none_or(|(_, s, _)| other_start < *s);
        if earlier {
            first.insert(line, (start, other_start, other_end));
        }
    }
    let mut bad: Vec<i64> = first.keys().copied().collect();
    for (line, (start, other_start, other_end)) in first {
        report.rows.push((
            line_of(line),
            FieldProblem::new(
                "start",
                start,
                TimeProblem::Overlaps {
                    start: other_start,
                    end: other_end,
                }
                .into(),
            ),
        ));
    }
    for (line, end, total) in staging::over_daily_limit(tx).await? {
        let total = HoursMinutes::from_minutes(u32::try_from(total).unwrap_or(u32::MAX));
        bad.push(line);
        report.rows.push((
            line_of(line),
            FieldProblem::new(
                "end",
                end,
                TimeProblem::OverDailyLimit {
                    max_hours: MAX_MINUTES_PER_DAY / 60,
                    hours: total.hours,
                    minutes: total.minutes,
                }
                .into(),
            ),
        ));
    }
    staging::mark_bad(tx, bad).await
}
