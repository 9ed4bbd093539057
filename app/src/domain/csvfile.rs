//! Reading and writing the CSV files of FORMATS.md ("Files in general").
//!
//! Server only: decoding (UTF-8 with or without BOM, else Windows-1252),
//! delimiter detection, header checks and exact line numbers.

use std::sync::Arc;

pub use crate::domain::problem::FileProblem;

/// Turns file bytes into text: a UTF-8 BOM is stripped; valid UTF-8 is taken
/// as is; anything else is read as Windows-1252 (never rejected).
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The columns one kind of file may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSpec {
    /// Columns that must be in the header.
    pub required: &'static [&'static str],
    /// Columns that may be in the header.
    pub optional: &'static [&'static str],
}

impl ColumnSpec {
    /// Whether `column` is a required or optional column.
    pub fn knows(&self, column: &str) -> bool {
        self.required.contains(&column) || self.optional.contains(&column)
    }

    /// All column names, required first, separated by ", " (for messages).
    pub fn allowed(&self) -> String {
        self.required
            .iter()
            .chain(self.optional)
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A file that passed the header and structure checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    /// The column names, trimmed, in file order.
    pub headers: Vec<String>,
    /// The data records, without completely empty ones.
    pub rows: Vec<CsvRow>,
}

/// One data record of a [`CsvTable`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// Physical line number in the file where the record starts (header = 1).
    pub line: usize,
    columns: Arc<[String]>,
    fields: Vec<String>,
}

impl CsvRow {
    /// The raw (untrimmed) value of `column`, or `None` if the file has no such column.
    pub fn get(&self, column: &str) -> Option<&str> {
        let index = self.columns.iter().position(|c| c == column)?;
        self.fields.get(index).map(String::as_str)
    }

    /// The trimmed value of `column`; `None` when the column is absent or the
    /// value is empty or whitespace only.
    pub fn optional(&self, column: &str) -> Option<&str> {
        self.get(column).map(str::trim).filter(|v| !v.is_empty())
    }

    /// The raw fields in header order.
    pub fn fields(&self) -> &[String] {
        &self.fields
    }
}

/// `;` if the header line has one (outside quotes), else `,` if it has one, else `;`.
fn detect_delimiter(header_line: &str) -> u8 {
    let mut in_quotes = false;
    let (mut semicolons, mut commas) = (0, 0);
    for c in header_line.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            ';' if !in_quotes => semicolons += 1,
            ',' if !in_quotes => commas += 1,
            _ => {}
        }
    }
    if semicolons == 0 && commas > 0 {
        b','
    } else {
        b';'
    }
}

/// Physical line numbers from byte offsets (the csv crate's own line count
/// is off after empty lines and quoted line breaks). `\n`, `\r\n` and a lone
/// `\r` each end a line.
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first non-line-break byte at or after `offset`
    /// (offsets must not decrease between calls).
    fn line_at(&mut self, offset: usize) -> usize {
        let mut target = offset.min(self.text.len());
        while matches!(self.text.get(target), Some(b'\r' | b'\n')) {
            target += 1;
        }
        while self.offset < target {
            match self.text.get(self.offset) {
                Some(b'\n') => self.line += 1,
                Some(b'\r') if self.text.get(self.offset + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            self.offset += 1;
        }
        self.line
    }

    fn record_line(&mut self, record: &csv::StringRecord) -> usize {
        let offset = record
            .position()
            .map_or(self.offset as u64, csv::Position::byte);
        self.line_at(usize::try_from(offset).unwrap_or(usize::MAX))
    }

    fn bad_record(&mut self, error: &csv::Error) -> FileProblem {
        let offset = error
            .position()
            .map_or(self.offset as u64, csv::Position::byte);
        FileProblem::BadRecord {
            line: self.line_at(usize::try_from(offset).unwrap_or(usize::MAX)),
            detail: error.to_string(),
        }
    }
}

/// Reads a CSV file's text against `spec`. Rejects the file when the header is
/// missing, has a blank, duplicate or unknown column name, or lacks a required
/// column (one problem), and when records cannot be read or have the wrong number of
/// fields (every such line is reported, in line order). Records whose
/// fields are all empty or whitespace are skipped.
pub fn read(text: &str, spec: &ColumnSpec) -> Result<CsvTable, Vec<FileProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .ok_or_else(|| vec![FileProblem::Empty])?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(header_line))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut lines = LineCounter::new(text);

    let header = loop {
        match records.next() {
            None => return Err(vec![FileProblem::Empty]),
            Some(Err(error)) => return Err(vec![lines.bad_record(&error)]),
            Some(Ok(record)) if record.iter().all(|f| f.trim().is_empty()) => continue,
            Some(Ok(record)) => break record,
        }
    };
    let headers: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
    for (i, name) in headers.iter().enumerate() {
        if name.is_empty() {
            return Err(vec![FileProblem::BlankColumnName { position: i + 1 }]);
        }
        if headers[..i].contains(name) {
            return Err(vec![FileProblem::DuplicateColumn {
                column: name.clone(),
            }]);
        }
    }
    if let Some(unknown) = headers.iter().find(|h| !spec.knows(h)) {
        return Err(vec![FileProblem::UnknownColumn {
            column: unknown.clone(),
            allowed: spec.allowed(),
        }]);
    }
    if let Some(missing) = spec
        .required
        .iter()
        .find(|r| !headers.iter().any(|h| h == *r))
    {
        return Err(vec![FileProblem::MissingColumn {
            column: (*missing).to_owned(),
        }]);
    }

    let columns: Arc<[String]> = headers.clone().into();
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(lines.bad_record(&error));
                continue;
            }
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = lines.record_line(&record);
        if record.len() != headers.len() {
            problems.push(FileProblem::WrongFieldCount {
                line,
                expected: headers.len(),
                found: record.len(),
            });
            continue;
        }
        rows.push(CsvRow {
            line,
            columns: Arc::clone(&columns),
            fields: record.iter().map(|f| restore(f).to_owned()).collect(),
        });
    }
    if problems.is_empty() {
        Ok(CsvTable { headers, rows })
    } else {
        Err(problems)
    }
}

/// The characters that make a spreadsheet run a cell as a formula.
const FORMULA_START: [char; 4] = ['=', '+', '-', '@'];

/// FORMATS.md's "No formulas" rule on export: a cell that begins with `=`, `+`, `-` or `@`
/// is written with a leading `'`, so a spreadsheet shows it as text instead of running it.
pub fn defuse(field: &str) -> std::borrow::Cow<'_, str> {
    if field.starts_with(FORMULA_START) {
        std::borrow::Cow::Owned(format!("'{field}"))
    } else {
        std::borrow::Cow::Borrowed(field)
    }
}

/// The rule on import: one leading `'` that stands before `=`, `+`, `-` or `@` is removed, so
/// an exported file imports back unchanged.
pub fn restore(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => field,
    }
}

fn push_field(out: &mut String, field: &str) {
    if field.contains([';', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

fn push_record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        push_field(out, field);
    }
    out.push('\n');
}

/// Writes a CSV file: `;` delimiter, UTF-8 without BOM, `\n` line ends, fields
/// quoted only when they contain `;`, `"` or a line break, and no cell that a spreadsheet
/// would run as a formula ([`defuse`]).
pub fn write(headers: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    push_record(&mut out, headers.iter().copied());
    for row in rows {
        let cells: Vec<std::borrow::Cow<'_, str>> = row.iter().map(|f| defuse(f)).collect();
        push_record(&mut out, cells.iter().map(|c| c.as_ref()));
    }
    out
}

#[cfg(test)]
mod tests {
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
}
