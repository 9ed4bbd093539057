//! The `calendar` file kind: closed days for the programme, a district or a school (import all
//! or nothing, idempotent, with history) and its export. The calendar page saves through the
//! same code as a file.

use super::table::{finish, read_table, validate_unique, DuplicateOn};
use super::ImportReport;
use crate::db::hours::{Recorder, Saved};
use crate::db::{self, Db, DbError, Tx};
use crate::domain::calendar::{CalendarScope, ClosedDays, RawClosedDays, CALENDAR_COLUMNS};
use crate::domain::csvfile::{self, ColumnSpec};
use crate::domain::participant::fold;
use crate::domain::problem::{FieldProblem, Problem};

/// The header rules of the `calendar` kind (`name` may be left out of a file that only has
/// entries for the whole programme).
pub const CALENDAR_SPEC: ColumnSpec = ColumnSpec {
    required: &["scope", "from_date", "to_date", "reason"],
    optional: &["name", "note"],
};

/// The entry with its name as the district or school is registered (letter case and accents
/// as stored), or the problem with the name.
fn resolve_place(
    days: &ClosedDays,
    districts: &[String],
    schools: &[String],
) -> Result<ClosedDays, Problem> {
    let (known, unknown): (&[String], fn(String) -> Problem) = match days.scope {
        CalendarScope::Programme => return Ok(days.clone()),
        CalendarScope::District => (districts, |allowed| Problem::UnknownDistrict { allowed }),
        CalendarScope::School => (schools, |allowed| Problem::UnknownSchool { allowed }),
    };
    let exact = known.iter().find(|n| **n == days.name);
    let loose = || known.iter().find(|n| fold(n) == fold(&days.name));
    match exact.or_else(loose) {
        Some(name) => Ok(ClosedDays {
            name: name.clone(),
            ..days.clone()
        }),
        None => Err(unknown(known.join(", "))),
    }
}

/// Checks each entry's district or school against the database and saves the entries in `tx`;
/// problems go into `report` with their lines (the caller rolls back when there are any).
pub async fn save_days(
    tx: &mut Tx,
    records: &[(usize, ClosedDays)],
    who: Recorder,
    report: &mut ImportReport,
) -> Result<(), DbError> {
    let (districts, schools) = db::calendar::place_names(tx).await?;
    for (line, days) in records {
        let days = match resolve_place(days, &districts, &schools) {
            Ok(d) => d,
            Err(problem) => {
                report.rows.push((
                    *line,
                    FieldProblem::new("name", days.name.as_str(), problem),
                ));
                continue;
            }
        };
        match db::calendar::save(tx, &days, who).await? {
            Saved::Created(_) => report.created += 1,
            Saved::Updated(_) => report.updated += 1,
            Saved::Unchanged(_) => report.unchanged += 1,
        }
    }
    Ok(())
}

/// Checks (`dry_run`) or imports a `calendar` file, all or nothing.
pub async fn import_file(
    db: &Db,
    text: &str,
    who: Recorder,
    dry_run: bool,
) -> Result<ImportReport, DbError> {
    let mut report = ImportReport::default();
    let Some(table) = read_table(text, &CALENDAR_SPEC, &mut report) else {
        return Ok(report);
    };
    let records = validate_unique(
        &table,
        &mut report,
        |row| RawClosedDays::from_lookup(|c| row.get(c)),
        ClosedDays::validate,
        ClosedDays::key,
        DuplicateOn {
            field: "from_date",
            value: |raw: &RawClosedDays| raw.from_date.as_str(),
        },
    );
    let mut tx = db.begin().await?;
    save_days(&mut tx, &records, who, &mut report).await?;
    finish(tx, report, dry_run).await
}

/// The `calendar` export, sorted by key.
pub async fn export(db: &Db) -> Result<String, DbError> {
    let entries = db::calendar::export(db).await?;
    Ok(csvfile::write(
        &CALENDAR_COLUMNS,
        entries.iter().map(ClosedDays::to_csv_fields),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::ClosedReason;
    use chrono::NaiveDate;

    fn days(scope: CalendarScope, name: &str) -> ClosedDays {
        let d = NaiveDate::from_ymd_opt(2026, 10, 26).unwrap();
        ClosedDays {
            scope,
            name: name.into(),
            from_date: d,
            to_date: d,
            reason: ClosedReason::Holiday,
            note: String::new(),
        }
    }

    #[test]
    fn a_place_is_matched_as_registered_whatever_the_case() {
        let districts = vec!["Farsta".to_owned(), "Älvsjö".to_owned()];
        let schools = vec!["Farstaskolan".to_owned()];
        let found = resolve_place(
            &days(CalendarScope::District, "älvsjö"),
            &districts,
            &schools,
        );
        assert_eq!(found.map(|d| d.name), Ok("Älvsjö".to_owned()));
        assert_eq!(
            resolve_place(&days(CalendarScope::School, "Farsta"), &districts, &schools),
            Err(Problem::UnknownSchool {
                allowed: "Farstaskolan".into()
            })
        );
        assert!(resolve_place(&days(CalendarScope::Programme, ""), &[], &[]).is_ok());
    }
}
