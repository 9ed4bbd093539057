//! Reading and writing the CSV files of FORMATS.md ("Files in general").
//!
//! Server only: decoding (UTF-8 with or without BOM, else Windows-1252),
//! delimiter detection, header checks and exact line numbers.

use std::sync::Arc;

pub use crate::domain::problem::FileProblem;
pub use stream::{Encoding, Rows};

mod stream;

/// Turns file bytes into text: a UTF-8 BOM is stripped; valid UTF-8 is taken
/// as is; anything else is read as Windows-1252 (never rejected).
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    Encoding::Utf8.decode(bytes)
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

/// Reads a CSV file's text against `spec`. Rejects the file when the header is
/// missing, has a blank, duplicate or unknown column name, or lacks a required
/// column (one problem), and when records cannot be read or have the wrong number of
/// fields (every such line is reported, in line order). Records whose
/// fields are all empty or whitespace are skipped. Line numbers are physical lines: `\n`,
/// `\r\n` and a lone `\r` each end one (the csv crate's own count is off after empty lines
/// and quoted line breaks).
pub fn read(text: &str, spec: &ColumnSpec) -> Result<CsvTable, Vec<FileProblem>> {
    let rows = Rows::open(text.as_bytes(), Encoding::Utf8, spec)?;
    let headers = rows.headers().to_vec();
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for row in rows {
        match row {
            Ok(row) => records.push(row),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(CsvTable {
            headers,
            rows: records,
        })
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
    let mut out = header(headers);
    for row in rows {
        push_row(&mut out, &row);
    }
    out
}

/// The header line of a CSV file written piece by piece ([`push_row`] adds the records), for
/// exports that stream: `header` then `push_row`s give the same text as [`write`].
pub fn header(headers: &[&str]) -> String {
    let mut out = String::new();
    push_record(&mut out, headers.iter().copied());
    out
}

/// Appends one record to a CSV text begun with [`header`], written as [`write`] writes it.
pub fn push_row(out: &mut String, row: &[String]) {
    for (i, field) in row.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        push_field(out, &defuse(field));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests;
