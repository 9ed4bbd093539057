//! The CSV reader and the "No formulas" rule, pinned.

use super::*;
use proptest::prelude::*;

const SPEC: ColumnSpec = ColumnSpec {
    required: &["participant_ref", "school"],
    optional: &["note"],
};

/// `row.get(column)` under a name the app's message-id scan does not mistake for a lookup.
fn cell<'a>(row: &'a CsvRow, column: &str) -> Option<&'a str> {
    row.get(column)
}

fn lines_and_fields(table: &CsvTable) -> Vec<(usize, Vec<String>)> {
    table
        .rows
        .iter()
        .map(|r| (r.line, r.fields().to_vec()))
        .collect()
}

#[test]
fn a_utf8_bom_is_stripped() {
    assert_eq!(decode(b"\xEF\xBB\xBFschool\n"), "school\n");
}

#[test]
fn valid_utf8_is_taken_as_is() {
    assert_eq!(decode("Östermalm;Älvsjö".as_bytes()), "Östermalm;Älvsjö");
}

#[test]
fn a_file_that_is_not_utf8_is_read_as_windows_1252() {
    // "Östermalm" and "Älvsjö" as saved by older Swedish Excel, with a euro sign.
    let bytes = b"\xD6stermalm;\xC4lvsj\xF6;\x80";
    assert_eq!(decode(bytes), "Östermalm;Älvsjö;€");
}

#[test]
fn the_delimiter_is_detected_from_the_header_line() {
    let semi = read("participant_ref;school\nP-1;A, B\n", &SPEC).unwrap();
    assert_eq!(cell(&semi.rows[0], "school"), Some("A, B"));
    let comma = read("participant_ref,school\nP-1,\"A; B\"\n", &SPEC).unwrap();
    assert_eq!(cell(&comma.rows[0], "school"), Some("A; B"));
}

#[test]
fn columns_may_come_in_any_order_and_optional_ones_may_be_left_out() {
    let table = read("school;participant_ref\r\nSkolan;P-1\r\n", &SPEC).unwrap();
    assert_eq!(table.headers, ["school", "participant_ref"]);
    let row = &table.rows[0];
    assert_eq!(cell(row, "participant_ref"), Some("P-1"));
    assert_eq!(cell(row, "note"), None);
    assert_eq!(row.optional("note"), None);
}

#[test]
fn optional_treats_empty_and_whitespace_as_no_value() {
    let table = read("participant_ref;school;note\nP-1; ;  x \n", &SPEC).unwrap();
    let row = &table.rows[0];
    assert_eq!(cell(row, "school"), Some(" "));
    assert_eq!(row.optional("school"), None);
    assert_eq!(row.optional("note"), Some("x"));
}

#[test]
fn an_empty_file_is_rejected() {
    assert_eq!(read("", &SPEC), Err(vec![FileProblem::Empty]));
    assert_eq!(
        read("\u{feff}\n\r\n  \n", &SPEC),
        Err(vec![FileProblem::Empty])
    );
}

#[test]
fn a_missing_required_column_rejects_the_file() {
    assert_eq!(
        read("participant_ref;note\nP-1;x\n", &SPEC),
        Err(vec![FileProblem::MissingColumn {
            column: "school".into()
        }])
    );
}

#[test]
fn an_unknown_column_rejects_the_file() {
    assert_eq!(
        read("participant_ref;school;skola\n", &SPEC),
        Err(vec![FileProblem::UnknownColumn {
            column: "skola".into(),
            allowed: "participant_ref, school, note".into()
        }])
    );
    // Names must match exactly (after trimming).
    assert!(matches!(
        read("Participant_ref;school\n", &SPEC),
        Err(v) if matches!(v[..], [FileProblem::UnknownColumn { .. }])
    ));
}

#[test]
fn a_duplicate_column_rejects_the_file() {
    assert_eq!(
        read("participant_ref;school; school\n", &SPEC),
        Err(vec![FileProblem::DuplicateColumn {
            column: "school".into()
        }])
    );
}

#[test]
fn a_blank_column_name_rejects_the_file() {
    assert_eq!(
        read("participant_ref;school;\n", &SPEC),
        Err(vec![FileProblem::BlankColumnName { position: 3 }])
    );
}

#[test]
fn a_record_with_the_wrong_number_of_fields_rejects_the_file() {
    assert_eq!(
        read("participant_ref;school\nP-1;A\nP-2\n", &SPEC),
        Err(vec![FileProblem::WrongFieldCount {
            line: 3,
            expected: 2,
            found: 1
        }])
    );
    assert!(read("participant_ref;school\nP-1;A;x\n", &SPEC).is_err());
}

#[test]
fn every_malformed_line_is_reported_not_only_the_first() {
    assert_eq!(
        read(
            "participant_ref;school\nP-1\nP-2;A\nP-3;B;x;y\n\nP-4\n",
            &SPEC
        ),
        Err(vec![
            FileProblem::WrongFieldCount {
                line: 2,
                expected: 2,
                found: 1
            },
            FileProblem::WrongFieldCount {
                line: 4,
                expected: 2,
                found: 4
            },
            FileProblem::WrongFieldCount {
                line: 6,
                expected: 2,
                found: 1
            },
        ])
    );
}

#[test]
fn a_header_only_file_has_no_rows() {
    let table = read("participant_ref;school", &SPEC).unwrap();
    assert!(table.rows.is_empty());
}

#[test]
fn empty_lines_are_skipped_and_line_numbers_stay_physical() {
    let text = "participant_ref;school\n\nP-1;A\r\n;\n\r\nP-2;B";
    let table = read(text, &SPEC).unwrap();
    assert_eq!(
        lines_and_fields(&table),
        [
            (3, vec!["P-1".to_owned(), "A".to_owned()]),
            (6, vec!["P-2".to_owned(), "B".to_owned()])
        ]
    );
}

#[test]
fn line_numbers_count_the_lines_inside_quoted_fields() {
    let text = "participant_ref;school;note\nP-1;A;\"two\nlines\"\r\nP-2;B;\"three\r\n\r\nlines\"\nP-3;C;x\n";
    let table = read(text, &SPEC).unwrap();
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 4, 7]);
    assert_eq!(cell(&table.rows[1], "note"), Some("three\r\n\r\nlines"));
}

#[test]
fn write_uses_semicolons_newlines_and_quotes_only_when_needed() {
    let text = write(
        &["participant_ref", "note"],
        [
            vec!["P-1".to_owned(), "plain, with comma".to_owned()],
            vec!["P-2".to_owned(), "a;b \"c\"\nd".to_owned()],
        ],
    );
    assert_eq!(
        text,
        "participant_ref;note\nP-1;plain, with comma\nP-2;\"a;b \"\"c\"\"\nd\"\n"
    );
}

#[test]
fn no_formulas_cells_that_a_spreadsheet_would_run_are_written_as_text_and_read_back() {
    let rows = vec![
        vec!["P-1".to_owned(), "=HYPERLINK(\"x\")".to_owned()],
        vec!["P-2".to_owned(), "+46 8 123".to_owned()],
        vec!["P-3".to_owned(), "-1".to_owned()],
        vec!["P-4".to_owned(), "@SUM(A1)".to_owned()],
        vec!["P-5".to_owned(), "a = b".to_owned()],
    ];
    let text = write(&["participant_ref", "school"], rows.clone());
    assert_eq!(
        text,
        "participant_ref;school\nP-1;\"'=HYPERLINK(\"\"x\"\")\"\nP-2;'+46 8 123\nP-3;'-1\nP-4;'@SUM(A1)\nP-5;a = b\n"
    );
    let back: Vec<Vec<String>> = read(&text, &SPEC)
        .unwrap()
        .rows
        .iter()
        .map(|r| r.fields().to_vec())
        .collect();
    assert_eq!(back, rows);
    // One quote is removed on import, only before a formula character.
    assert_eq!(restore("'=1"), "=1");
    assert_eq!(restore("''=1"), "''=1");
    assert_eq!(restore("'quoted'"), "'quoted'");
}

proptest! {
    #[test]
    fn written_files_read_back_unchanged(
        rows in proptest::collection::vec(
            (any::<String>(), any::<String>(), any::<String>()), 0..8)
    ) {
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|(a, b, c)| vec![format!("x{a}"), b, c])
            .collect();
        // The one text that cannot round-trip under the rule: a `'` typed before a formula
        // character is taken as the rule's own quote.
        prop_assume!(rows.iter().flatten().all(|f| restore(f) == f.as_str()));
        let text = write(&["participant_ref", "school", "note"], rows.clone());
        let table = read(&text, &SPEC).unwrap();
        let read_back: Vec<Vec<String>> = table.rows.iter().map(|r| r.fields().to_vec()).collect();
        prop_assert_eq!(read_back, rows);
    }

    #[test]
    fn line_numbers_match_the_written_text(
        rows in proptest::collection::vec(("[a-z;\"\n]{0,6}", "[a-z\r\n]{0,6}"), 0..8)
    ) {
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|(a, b)| vec![format!("x{a}"), b])
            .collect();
        let text = write(&["participant_ref", "school"], rows.clone());
        let table = read(&text, &SPEC).unwrap();
        let mut expected = Vec::new();
        let mut line = 2;
        for row in &rows {
            expected.push(line);
            line += row.iter().map(|f| f.matches('\n').count()).sum::<usize>()
                + row.iter().map(|f| f.matches('\r').count()).sum::<usize>()
                - row.iter().map(|f| f.matches("\r\n").count()).sum::<usize>()
                + 1;
        }
        let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
        prop_assert_eq!(lines, expected);
    }

    #[test]
    fn decode_keeps_any_utf8_text(s in any::<String>()) {
        let expected = s.strip_prefix('\u{feff}').unwrap_or(&s).to_owned();
        prop_assert_eq!(decode(s.as_bytes()), expected);
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(s.as_bytes());
        prop_assert_eq!(decode(&with_bom), s);
    }

    #[test]
    fn read_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = read(&decode(&bytes), &SPEC);
    }
}

/// A reader that gives at most `step` bytes a call, as a network stream or a pipe may.
struct Trickle<'a> {
    bytes: &'a [u8],
    step: usize,
}

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.step.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

fn streamed(bytes: &[u8], step: usize) -> Result<Vec<(usize, Vec<String>)>, Vec<FileProblem>> {
    let encoding = Encoding::detect(Trickle { bytes, step }).unwrap();
    let rows = Rows::open(Trickle { bytes, step }, encoding, &SPEC)?;
    let mut out = vec![];
    let mut problems = vec![];
    for row in rows {
        match row {
            Ok(r) => out.push((r.line, r.fields().to_vec())),
            Err(p) => problems.push(p),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[test]
fn a_streamed_file_far_larger_than_the_read_buffer_keeps_exact_line_numbers() {
    // 200 KB: the counted bytes are forgotten several times on the way.
    let mut text = String::from("participant_ref;school\n");
    for i in 0..8000 {
        text.push_str(&format!("P-{i};\"Skola\r\n{i}\"\n\n"));
    }
    let rows = streamed(text.as_bytes(), 4096).unwrap();
    assert_eq!(rows.len(), 8000);
    assert_eq!(rows[0].0, 2);
    assert_eq!(rows[7999].0, 2 + 7999 * 3);
    assert_eq!(rows[7999].1[1], "Skola\r\n7999");
}

#[test]
fn encoding_detection_sees_a_character_cut_between_two_reads() {
    let text = "participant_ref;school\nP-1;Östermalm Älvsjö\n".repeat(20);
    for step in [1, 2, 3, 7] {
        let bytes = text.as_bytes();
        assert_eq!(
            Encoding::detect(Trickle { bytes, step }).unwrap(),
            Encoding::Utf8
        );
    }
    let bytes = b"participant_ref;school\nP-1;\xD6stermalm\n";
    assert_eq!(
        Encoding::detect(Trickle { bytes, step: 5 }).unwrap(),
        Encoding::Windows1252
    );
    assert_eq!(
        streamed(bytes, 5).unwrap(),
        vec![(2, vec!["P-1".to_owned(), "Östermalm".to_owned()])]
    );
    // A file that ends inside a character is not UTF-8.
    let cut = b"school\n\xC3";
    assert_eq!(
        Encoding::detect(Trickle {
            bytes: cut,
            step: 64
        })
        .unwrap(),
        Encoding::Windows1252
    );
}

proptest! {
    #[test]
    fn reading_a_stream_in_any_chunks_equals_reading_the_whole_text(
        body in proptest::collection::vec(
            prop_oneof![
                Just("\n".to_owned()),
                Just("\r\n".to_owned()),
                Just("\r".to_owned()),
                "P-[0-9]{1,3};[a-zÅÄÖ ]{0,6}",
                "P-[0-9];\"[a-z;\n]{0,5}\"",
                Just(";;".to_owned()),
            ],
            0..40,
        ),
        step in 1usize..9,
        bom in any::<bool>(),
    ) {
        let mut text = String::new();
        if bom {
            text.push('\u{feff}');
        }
        text.push_str("participant_ref;school\n");
        text.push_str(&body.concat());
        let whole = read(&text, &SPEC).map(|t| lines_and_fields(&t));
        prop_assert_eq!(streamed(text.as_bytes(), step), whole);
    }
}
