//! The `participants` file kind: import (all or nothing, every problem with
//! its line) and export, key `participant_ref`.
//!
//! Whether `mentor_email` belongs to an existing mentor is checked later,
//! against the database.

use chrono::NaiveDate;

use crate::domain::csvfile::{self, ColumnSpec, CsvRow, CsvTable};
use crate::domain::participant::ParticipantRef;
pub use crate::domain::participant::{ParticipantRecord, RawParticipant, PARTICIPANT_COLUMNS};
use crate::domain::problem::{validate_unique, DuplicateOn};
pub use crate::domain::problem::{ImportRejection, RowProblem};

/// The header rules of the `participants` kind.
pub const PARTICIPANT_SPEC: ColumnSpec = ColumnSpec {
    required: &[
        "participant_ref",
        "given_name",
        "family_name",
        "gender",
        "school",
        "district",
        "start_date",
        "planned_terms",
    ],
    optional: &[
        "birth_year",
        "mentor_email",
        "residence_permit_date",
        "arrival_date",
        "study_path",
        "languages",
    ],
};

/// The row's values by column name (absent columns give empty strings).
pub fn raw_from_row(row: &CsvRow) -> RawParticipant {
    RawParticipant::from_lookup(|column| row.get(column))
}

/// Validates every row of a `participants` table. Returns the valid records
/// with their line numbers, or every problem of every row (in line order);
/// a `participant_ref` seen on an earlier line is a [`Problem::Duplicate`].
pub fn parse_participants(
    table: &CsvTable,
    today: NaiveDate,
) -> Result<Vec<(usize, ParticipantRecord)>, Vec<RowProblem>> {
    let (records, problems) = validate_unique(
        table.rows.iter().map(|row| (row.line, raw_from_row(row))),
        |raw| ParticipantRecord::validate(raw, today),
        |raw, _| ParticipantRef::parse(&raw.participant_ref).ok(),
        DuplicateOn {
            field: "participant_ref",
            value: |raw| raw.participant_ref.as_str(),
        },
    );
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(problems)
    }
}

/// Decodes, reads and validates a `participants` file in one step.
pub fn import_participants(
    bytes: &[u8],
    today: NaiveDate,
) -> Result<Vec<(usize, ParticipantRecord)>, ImportRejection> {
    let table =
        csvfile::read(&csvfile::decode(bytes), &PARTICIPANT_SPEC).map_err(ImportRejection::File)?;
    parse_participants(&table, today).map_err(ImportRejection::Rows)
}

/// Writes a `participants` export: all columns, rows sorted by `participant_ref`.
pub fn export_participants<'a>(records: impl IntoIterator<Item = &'a ParticipantRecord>) -> String {
    let mut records: Vec<&ParticipantRecord> = records.into_iter().collect();
    records.sort_by(|a, b| a.participant_ref.cmp(&b.participant_ref));
    csvfile::write(
        PARTICIPANT_COLUMNS,
        records.into_iter().map(ParticipantRecord::to_csv_fields),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::participant::Gender;
    use crate::domain::problem::{FieldProblem, Problem};
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    }

    const HEADER: &str = "participant_ref;given_name;family_name;gender;birth_year;school;district;mentor_email;start_date;planned_terms;residence_permit_date;arrival_date;study_path;languages";

    fn file(rows: &[&str]) -> String {
        let mut text = String::from(HEADER);
        for row in rows {
            text.push('\n');
            text.push_str(row);
        }
        text.push('\n');
        text
    }

    fn parse(text: &str) -> Result<Vec<(usize, ParticipantRecord)>, Vec<RowProblem>> {
        let table = csvfile::read(text, &PARTICIPANT_SPEC).unwrap();
        parse_participants(&table, today())
    }

    const AMINA: &str = "P-0042;Amina;Yusuf;female;1990;Östermalmsskolan;Östermalm;mentor@example.se;2026-01-12;2;2025-06-01;2024-11-20;1;so,ar";
    const BASHIR: &str = "P-0007;Bashir;Ahmadi;male;;Farsta skola;Farsta;;2026-01-12;3;;;;";

    fn problems_as_tuples(problems: &[RowProblem]) -> Vec<(usize, &str, Problem)> {
        problems
            .iter()
            .map(|p| (p.line, p.field.field.as_str(), p.field.problem.clone()))
            .collect()
    }

    #[test]
    fn the_columns_match_the_spec_and_export_order() {
        assert_eq!(PARTICIPANT_COLUMNS.join(";"), HEADER);
        assert_eq!(
            PARTICIPANT_SPEC.required.len() + PARTICIPANT_SPEC.optional.len(),
            PARTICIPANT_COLUMNS.len()
        );
        assert!(PARTICIPANT_COLUMNS
            .iter()
            .all(|c| PARTICIPANT_SPEC.knows(c)));
    }

    #[test]
    fn a_valid_file_gives_every_record_with_its_line() {
        let records = parse(&file(&[AMINA, "", BASHIR])).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].0, 2);
        assert_eq!(records[0].1.gender, Gender::Female);
        assert_eq!(records[1].0, 4);
        assert_eq!(records[1].1.participant_ref.as_str(), "P-0007");
        assert_eq!(records[1].1.mentor_email, None);
        assert!(records[1].1.languages.is_empty());
    }

    #[test]
    fn optional_columns_may_be_left_out_of_the_file() {
        let text = "participant_ref,given_name,family_name,gender,school,district,start_date,planned_terms\r\nP-1,Li,Wei,other,Skolan,Vantör,2026-02-02,1\r\n";
        let records = parse(text).unwrap();
        assert_eq!(records[0].1.birth_year, None);
        assert_eq!(records[0].1.study_path, None);
    }

    #[test]
    fn each_kind_of_invalid_value_is_reported_with_line_column_and_value() {
        let text = file(&[
            "P 42;;Yusuf;kvinna;1850;Skolan;Farsta;nobody;2026-02-30;4;2026-02-01;x;5;ar,xx",
            AMINA,
        ]);
        let problems = parse(&text).unwrap_err();
        assert_eq!(
            problems_as_tuples(&problems),
            [
                (2, "participant_ref", Problem::BadParticipantRef),
                (2, "given_name", Problem::Required),
                (
                    2,
                    "gender",
                    Problem::NotOneOf {
                        allowed: "female, male, other, unspecified".into()
                    }
                ),
                (
                    2,
                    "birth_year",
                    Problem::OutOfRange {
                        min: 1900,
                        max: 2026
                    }
                ),
                (2, "mentor_email", Problem::BadEmail),
                (2, "start_date", Problem::NotADate),
                (2, "planned_terms", Problem::OutOfRange { min: 1, max: 3 }),
                (2, "arrival_date", Problem::NotADate),
                (2, "study_path", Problem::OutOfRange { min: 1, max: 3 }),
                (
                    2,
                    "languages",
                    Problem::BadLanguageCode { code: "xx".into() }
                ),
            ]
        );
        assert_eq!(problems[0].field.value, "P 42");
        assert_eq!(problems[4].field.value, "nobody");
    }

    #[test]
    fn problems_of_all_rows_are_reported_and_nothing_is_returned() {
        let late_permit = AMINA.replace("2025-06-01", "2026-02-01");
        let text = file(&[
            BASHIR,
            &late_permit,
            AMINA,
            "P-9;A;B;male;abc;S;D;;2026-01-01;2;;;;",
        ]);
        let problems = parse(&text).unwrap_err();
        assert_eq!(
            problems_as_tuples(&problems),
            [
                (3, "residence_permit_date", Problem::DateAfterStart),
                (4, "participant_ref", Problem::Duplicate { first_line: 3 }),
                (5, "birth_year", Problem::NotAnInteger),
            ]
        );
    }

    #[test]
    fn a_participant_ref_twice_in_one_file_is_a_duplicate_on_the_later_line() {
        let text = file(&[AMINA, BASHIR, &AMINA.replace("Amina", "Amira")]);
        let problems = parse(&text).unwrap_err();
        assert_eq!(
            problems,
            [RowProblem {
                line: 4,
                field: FieldProblem::new(
                    "participant_ref",
                    "P-0042",
                    Problem::Duplicate { first_line: 2 }
                ),
            }]
        );
    }

    #[test]
    fn line_numbers_count_multi_line_quoted_fields() {
        let text = file(&[
            &AMINA.replace("Östermalmsskolan", "\"Öster\nmalm\""),
            &BASHIR.replace(";male;", ";mal;"),
        ]);
        let problems = parse(&text).unwrap_err();
        assert_eq!(
            problems_as_tuples(&problems),
            [
                (2, "school", Problem::ControlCharacter),
                (
                    4,
                    "gender",
                    Problem::NotOneOf {
                        allowed: "female, male, other, unspecified".into()
                    }
                ),
            ]
        );
    }

    #[test]
    fn a_file_problem_rejects_the_import_before_rows_are_read() {
        let text = HEADER.replace(";languages", ";språk");
        assert!(matches!(
            import_participants(text.as_bytes(), today()),
            Err(ImportRejection::File(ref v)) if matches!(v[..], [csvfile::FileProblem::UnknownColumn { .. }])
        ));
    }

    #[test]
    fn a_windows_1252_file_is_imported() {
        let text = file(&[AMINA]);
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(std::str::from_utf8(&bytes).is_err());
        let records = import_participants(&bytes, today()).unwrap();
        assert_eq!(records[0].1.district.as_str(), "Östermalm");
    }

    #[test]
    fn an_export_is_sorted_by_key_and_imports_again_unchanged() {
        let records: Vec<ParticipantRecord> = parse(&file(&[AMINA, BASHIR]))
            .unwrap()
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        let exported = export_participants(&records);
        assert!(exported.starts_with(&format!("{HEADER}\nP-0007;")));
        let again: Vec<ParticipantRecord> = import_participants(exported.as_bytes(), today())
            .unwrap()
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        assert_eq!(again, [records[1].clone(), records[0].clone()]);
        assert_eq!(export_participants(&again), exported);
    }

    proptest! {
        #[test]
        fn exported_records_round_trip(
            names in proptest::collection::vec("[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö;\"' -]{0,20}", 1..6),
            year in 1900i32..=2026,
            terms in 1u8..=3,
        ) {
            let rows: Vec<Vec<String>> = names
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let mut raw = raw_from_row(&csvfile::read(&file(&[AMINA]), &PARTICIPANT_SPEC).unwrap().rows[0]);
                    raw.participant_ref = format!("P-{i:04}");
                    raw.given_name = name.clone();
                    raw.school = format!("{name} skola");
                    raw.birth_year = year.to_string();
                    raw.planned_terms = terms.to_string();
                    raw.into_fields()
                })
                .collect();
            let text = csvfile::write(PARTICIPANT_COLUMNS, rows);
            let records: Vec<ParticipantRecord> =
                import_participants(text.as_bytes(), today()).unwrap().into_iter().map(|(_, r)| r).collect();
            let exported = export_participants(&records);
            let again: Vec<ParticipantRecord> =
                import_participants(exported.as_bytes(), today()).unwrap().into_iter().map(|(_, r)| r).collect();
            prop_assert_eq!(again, records);
        }

        #[test]
        fn parsing_never_panics_on_any_row(fields in proptest::collection::vec(any::<String>(), 14)) {
            let text = csvfile::write(PARTICIPANT_COLUMNS, [fields]);
            let _ = import_participants(text.as_bytes(), today());
        }
    }
}
