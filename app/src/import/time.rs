//! The `teaching` and `absences` file kinds (import all or nothing, idempotent, with history)
//! and the `compliance` export for a week range.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::table::{finish, read_table, validate_unique, DuplicateOn};
use super::ImportReport;
use crate::db::hours::{self as store, Recorder, Saved, Scope};
use crate::db::{Db, DbError};
use crate::domain::csvfile::{self, ColumnSpec};
use crate::domain::ids::ParticipantId;
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::time_record::{
    weeks_of, AbsenceRecord, RawAbsence, TimeRecord, ABSENCE_COLUMNS, TEACHING_COLUMNS,
};
use crate::domain::weeks::{IsoWeek, TimeKind, COMPLIANCE_COLUMNS};

/// The header rules of the `teaching` kind.
pub const TEACHING_SPEC: ColumnSpec = ColumnSpec {
    required: &["participant_ref", "date", "start", "end", "kind"],
    optional: &["teacher_email"],
};

/// The header rules of the `absences` kind.
pub const ABSENCE_SPEC: ColumnSpec = ColumnSpec {
    required: &["participant_ref", "from_date", "to_date", "reason"],
    optional: &["note"],
};

/// Entries of one participant, kind and day: `(start, end)` of the file's earlier rows.
type DayKey = (ParticipantId, TimeKind, NaiveDate);

/// Checks time entries against each other and the database, and saves them in `tx`; the
/// problems are returned with their line numbers (rows with problems are not saved, and the
/// caller rolls back when there are any).
pub async fn save_entries(
    tx: &mut crate::db::Tx,
    records: &[(usize, TimeRecord)],
    now: NaiveDateTime,
    who: Recorder,
    report: &mut ImportReport,
) -> Result<(), DbError> {
    let mut people: HashMap<String, Option<ParticipantId>> = HashMap::new();
    let mut teachers: HashMap<String, Option<crate::domain::ids::UserId>> = HashMap::new();
    let mut in_file: HashMap<DayKey, Vec<(NaiveTime, NaiveDateTime, NaiveDateTime)>> =
        HashMap::new();
    for (line, record) in records {
        let r = record.participant_ref.as_str().to_owned();
        let id = match people.get(&r) {
            Some(id) => *id,
            None => {
                let id = store::participant_by_ref(tx, &r).await?;
                people.insert(r.clone(), id);
                id
            }
        };
        let Some(id) = id else {
            report.rows.push((
                *line,
                FieldProblem::new("participant_ref", r, Problem::UnknownParticipant),
            ));
            continue;
        };
        let teacher = match &record.teacher_email {
            None => None,
            Some(email) => {
                let t = match teachers.get(email.as_str()) {
                    Some(t) => *t,
                    None => {
                        let t = crate::db::sfi::teacher_id(tx, email.as_str()).await?;
                        teachers.insert(email.as_str().to_owned(), t);
                        t
                    }
                };
                if t.is_none() {
                    report.rows.push((
                        *line,
                        FieldProblem::new("teacher_email", email.as_str(), Problem::NotATeacher),
                    ));
                    continue;
                }
                t
            }
        };
        let day: DayKey = (id, record.kind, record.date);
        let mut existing =
            store::day_entries(tx, id, record.kind, record.date, Some(record.start)).await?;
        // Earlier rows of the file for the same day; an earlier row with the same start would
        // be a duplicate key, refused before this point.
        if let Some(earlier) = in_file.get(&day) {
            existing.retain(|(s, _)| !earlier.iter().any(|(start, _, _)| s.time() == *start));
            existing.extend(earlier.iter().map(|&(_, s, e)| (s, e)));
        }
        // Every earlier row of the day counts, also one that has a problem of its own: the
        // file is applied whole or not at all (the staged import checks the same way).
        in_file
            .entry(day)
            .or_default()
            .push((record.start, record.start_at(), record.end_at()));
        if let Err(problems) = record.check_against(&existing, now) {
            report.rows.extend(problems.into_iter().map(|p| (*line, p)));
            continue;
        }
        match store::save_time(tx, id, record, teacher, who).await? {
            Saved::Created(_) => report.created += 1,
            Saved::Updated(_) => report.updated += 1,
            Saved::Unchanged(_) => report.unchanged += 1,
        }
    }
    Ok(())
}

/// Checks (`dry_run`) or imports a `teaching` file, all or nothing (streamed and checked as
/// a set: [`super::teaching`]).
pub async fn import_teaching(
    db: &Db,
    text: &str,
    now: NaiveDateTime,
    who: Recorder,
    dry_run: bool,
) -> Result<ImportReport, DbError> {
    super::teaching::import_stream(
        db,
        text.as_bytes(),
        csvfile::Encoding::Utf8,
        now,
        who,
        dry_run,
    )
    .await
}

/// Checks (`dry_run`) or imports an `absences` file, all or nothing.
pub async fn import_absences(
    db: &Db,
    text: &str,
    who: Recorder,
    dry_run: bool,
) -> Result<ImportReport, DbError> {
    let mut report = ImportReport::default();
    let Some(table) = read_table(text, &ABSENCE_SPEC, &mut report) else {
        return Ok(report);
    };
    let records = validate_unique(
        &table,
        &mut report,
        |row| RawAbsence::from_lookup(|c| row.get(c)),
        AbsenceRecord::validate,
        |r| r.key(),
        DuplicateOn {
            field: "from_date",
            value: |raw: &RawAbsence| raw.from_date.as_str(),
        },
    );
    let mut tx = db.begin().await?;
    for (line, record) in &records {
        let Some(id) = store::participant_by_ref(&mut tx, record.participant_ref.as_str()).await?
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
        match store::save_absence(&mut tx, id, record, who).await? {
            Saved::Created(_) => report.created += 1,
            Saved::Updated(_) => report.updated += 1,
            Saved::Unchanged(_) => report.unchanged += 1,
        }
    }
    finish(tx, report, dry_run).await
}

/// The `teaching` export.
pub async fn export_teaching(db: &Db, whose: crate::db::Whose) -> Result<String, DbError> {
    let records = store::export_time(db, whose).await?;
    Ok(csvfile::write(
        &TEACHING_COLUMNS,
        records.iter().map(TimeRecord::to_csv_fields),
    ))
}

/// The `absences` export.
pub async fn export_absences(db: &Db, whose: crate::db::Whose) -> Result<String, DbError> {
    let records = store::export_absences(db, whose).await?;
    Ok(csvfile::write(
        &ABSENCE_COLUMNS,
        records.iter().map(AbsenceRecord::to_csv_fields),
    ))
}

/// The default week range of the `compliance` export: the twelve weeks up to and including the
/// week of `today`.
pub fn default_range(today: NaiveDate) -> (IsoWeek, IsoWeek) {
    let to = IsoWeek::containing(today);
    let mut from = to;
    for _ in 0..11 {
        from = from.prev();
    }
    (from, to)
}

/// The `compliance` export for `scope` and `from`–`to`: participant × week in which they were
/// enrolled, sorted by participant_ref (byte order), then week; the whole text at once (see
/// [`stream_compliance`] for the export that streams).
pub async fn export_compliance(
    db: &Db,
    scope: Scope,
    from: IsoWeek,
    to: IsoWeek,
) -> Result<String, DbError> {
    let mut csv = String::new();
    stream_compliance(db, scope, (from, to), COMPLIANCE_PAGE, &mut csv).await?;
    Ok(csv)
}

/// Where an export that streams writes its parts.
pub trait ExportSink {
    /// Takes the next part of the file; `false` when nobody reads any more.
    fn take(&mut self, part: String) -> impl std::future::Future<Output = bool> + Send;
}

/// The whole file in memory.
impl ExportSink for String {
    async fn take(&mut self, part: String) -> bool {
        self.push_str(&part);
        true
    }
}

/// A channel to the task that sends the body; closed when the browser went away.
impl ExportSink for tokio::sync::mpsc::Sender<Result<String, std::io::Error>> {
    async fn take(&mut self, part: String) -> bool {
        self.send(Ok(part)).await.is_ok()
    }
}

/// Participants (and statistical records) read at a time by the streamed `compliance` export.
pub const COMPLIANCE_PAGE: usize = 2000;

/// The `compliance` export written to `sink` a page of at most `page` people at a time (the
/// header with the first), so that memory stays the same whatever the size of the programme.
/// Participants come from the database in byte order of reference, a page after the last one
/// written; the statistical records of erased participants (`erased:N`) are merged into that
/// order. When `sink` says nobody reads any more, the export stops there.
/// Returns the number of records written.
pub async fn stream_compliance(
    db: &Db,
    scope: Scope,
    (from, to): (IsoWeek, IsoWeek),
    page: usize,
    sink: &mut impl ExportSink,
) -> Result<u64, DbError> {
    use crate::domain::erasure::pseudonym;
    let page = page.max(1);
    let minimum = store::minimum(db).await?;
    let erased = store::erased_ids(db, scope, from, to).await?;
    let mut erased_at = 0;
    let mut after: Option<String> = None;
    let mut out = csvfile::header(&COMPLIANCE_COLUMNS);
    let mut records = 0_u64;
    loop {
        let mut people =
            store::measured_page(db, scope, (from, to), after.as_deref(), page).await?;
        let more_people = people.len() == page;
        let waiting = &erased[erased_at..];
        let more_erased = waiting.len() > page;
        let erased_page = &waiting[..waiting.len().min(page)];
        // Write nothing past the point where either side may have more to come.
        let bound = [
            more_people
                .then(|| people.last().map(|p| p.participant_ref.clone()))
                .flatten(),
            more_erased
                .then(|| erased_page.last().map(|id| pseudonym(*id)))
                .flatten(),
        ]
        .into_iter()
        .flatten()
        .min();
        if let Some(bound) = &bound {
            people.retain(|p| &p.participant_ref <= bound);
        }
        let taken = erased_page
            .iter()
            .take_while(|id| bound.as_ref().is_none_or(|b| &pseudonym(**id) <= b))
            .count();
        if let Some(p) = people.last() {
            after = Some(p.participant_ref.clone());
        }
        people.extend(
            store::erased_measured_of(db, &erased_page[..taken], from, to)
                .await?
                .into_iter()
                .map(store::MeasuredWeeks::from),
        );
        erased_at += taken;
        people.sort_by(|a, b| a.participant_ref.cmp(&b.participant_ref));
        for p in &people {
            for week in weeks_of(&p.enrolment, from, to, &minimum, &p.minutes) {
                csvfile::push_row(&mut out, &week.to_csv_fields(&p.participant_ref));
                records += 1;
            }
        }
        if !sink.take(std::mem::take(&mut out)).await || (!more_people && !more_erased) {
            return Ok(records);
        }
    }
}
