//! The `sfi-results` file kind: import (all or nothing, every problem with its line) and
//! export, key participant_ref + test_date + course.
//!
//! Whether the participant exists, whether the course suits their study path and whether
//! `teacher_email` belongs to a teacher are checked later, against the database.

use chrono::NaiveDate;

use crate::domain::csvfile::{self, ColumnSpec, CsvRow, CsvTable};
use crate::domain::problem::{validate_unique, DuplicateOn, RowProblem};
pub use crate::domain::sfi_record::{RawSfiResult, SfiRecord, SFI_COLUMNS};

/// The header rules of the `sfi-results` kind.
pub const SFI_SPEC: ColumnSpec = ColumnSpec {
    required: &[
        "participant_ref",
        "test_date",
        "occasion",
        "course",
        "grade_scale",
        "grade",
    ],
    optional: &[
        "reading",
        "listening",
        "speaking",
        "writing",
        "teacher_email",
    ],
};

/// The row's values by column name (absent columns give empty strings).
pub fn raw_from_row(row: &CsvRow) -> RawSfiResult {
    RawSfiResult::from_lookup(|column| row.get(column))
}

/// Validates every row of a `sfi-results` table. Returns the valid records with their line
/// numbers and every problem of every row (in line order); a key seen on an earlier line is a
/// [`Problem::Duplicate`] on the later line's `course`.
pub fn parse_sfi_results(
    table: &CsvTable,
    today: NaiveDate,
) -> (Vec<(usize, SfiRecord)>, Vec<RowProblem>) {
    validate_rows(
        table.rows.iter().map(|row| (row.line, raw_from_row(row))),
        today,
    )
}

/// Validates numbered raw results (file lines or grid rows) as [`parse_sfi_results`] does.
pub fn validate_rows(
    rows: impl IntoIterator<Item = (usize, RawSfiResult)>,
    today: NaiveDate,
) -> (Vec<(usize, SfiRecord)>, Vec<RowProblem>) {
    validate_unique(
        rows,
        |raw| SfiRecord::validate(raw, today),
        |_, record| record.map(SfiRecord::key),
        DuplicateOn {
            field: "course",
            value: |raw| raw.course.as_str(),
        },
    )
}

/// Writes a `sfi-results` export: all columns, rows sorted by their key.
pub fn export_sfi_results<'a>(records: impl IntoIterator<Item = &'a SfiRecord>) -> String {
    let mut records: Vec<&SfiRecord> = records.into_iter().collect();
    records.sort_by_key(|r| r.key());
    csvfile::write(
        &SFI_COLUMNS,
        records.into_iter().map(SfiRecord::to_csv_fields),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::problem::Problem;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    const HEADER: &str = "participant_ref;test_date;occasion;course;grade_scale;grade;reading;listening;speaking;writing;teacher_email";

    fn parse(text: &str) -> (Vec<(usize, SfiRecord)>, Vec<RowProblem>) {
        let table = csvfile::read(text, &SFI_SPEC).unwrap();
        parse_sfi_results(&table, today())
    }

    #[test]
    fn the_spec_matches_the_export_columns() {
        assert_eq!(SFI_COLUMNS.join(";"), HEADER);
        assert_eq!(
            SFI_SPEC.required.len() + SFI_SPEC.optional.len(),
            SFI_COLUMNS.len()
        );
        assert!(SFI_COLUMNS.iter().all(|c| SFI_SPEC.knows(c)));
    }

    #[test]
    fn rows_parse_and_a_repeated_key_is_a_duplicate() {
        let text = format!(
            "{HEADER}\nP-1;2026-09-01;start;B;ig_g_vg;G;;;;;\nP-1;2026-09-01;finish;B;ig_g_vg;VG;;;;;\nP-2;2026-09-01;start;b;pass_fail;VG;;;;;\n"
        );
        let (records, problems) = parse(&text);
        assert_eq!(records.len(), 1);
        let lines: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.line, p.field.field.as_str()))
            .collect();
        assert_eq!(lines, [(3, "course"), (4, "grade")]);
        assert_eq!(
            problems[0].field.problem,
            Problem::Duplicate { first_line: 2 }
        );
    }

    #[test]
    fn the_export_is_sorted_and_reads_back() {
        let text = "participant_ref,course,test_date,occasion,grade_scale,grade\nP-2,C,2026-09-01,start,f_a,E\nP-1,D,2026-10-01,finish,ig_g_vg,VG\nP-1,C,2026-09-01,start,ig_g_vg,G\n";
        let table = csvfile::read(text, &SFI_SPEC).unwrap();
        let (records, problems) = parse_sfi_results(&table, today());
        assert!(problems.is_empty());
        let out = export_sfi_results(records.iter().map(|(_, r)| r));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], HEADER);
        assert_eq!(lines[1], "P-1;2026-09-01;start;C;ig_g_vg;G;;;;;");
        assert_eq!(lines[2], "P-1;2026-10-01;finish;D;ig_g_vg;VG;;;;;");
        assert_eq!(lines[3], "P-2;2026-09-01;start;C;f_a;E;;;;;");
        let (again, _) = parse(&out);
        let again: Vec<SfiRecord> = again.into_iter().map(|(_, r)| r).collect();
        let mut before: Vec<SfiRecord> = records.into_iter().map(|(_, r)| r).collect();
        before.sort_by_key(|r| r.key());
        assert_eq!(again, before);
    }
}
