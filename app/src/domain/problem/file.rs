//! Why a whole file cannot be read, and why an import stored nothing.

use serde::{Deserialize, Serialize};

use super::RowProblem;

/// Why a whole file cannot be read (before looking at the values of its rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FileProblem {
    /// No header line at all.
    #[error("The file is empty. The first line must name the columns.")]
    Empty,
    /// A required column is not in the header.
    #[error("The required column {column} is missing from the first line.")]
    MissingColumn {
        /// The missing column name.
        column: String,
    },
    /// The header names a column this kind of file does not have.
    #[error("Unknown column {column}. Allowed columns: {allowed}.")]
    UnknownColumn {
        /// The unknown name, as written.
        column: String,
        /// All column names of this kind, separated by ", ".
        allowed: String,
    },
    /// The header names the same column twice.
    #[error("The column {column} appears more than once in the first line.")]
    DuplicateColumn {
        /// The repeated column name.
        column: String,
    },
    /// A header field is empty.
    #[error("Column {position} in the first line has no name.")]
    BlankColumnName {
        /// 1-based position of the column.
        position: usize,
    },
    /// The CSV reader could not read a record.
    #[error("Line {line} could not be read: {detail}")]
    BadRecord {
        /// Line where the record starts.
        line: usize,
        /// The reader's explanation (English).
        detail: String,
    },
    /// A record has more or fewer fields than the header has columns.
    #[error("Line {line} has {found} fields, but the first line has {expected} columns.")]
    WrongFieldCount {
        /// Line where the record starts.
        line: usize,
        /// Number of columns in the header.
        expected: usize,
        /// Number of fields on this line.
        found: usize,
    },
}

impl FileProblem {
    /// The Fluent message id, e.g. `"file-missing-column"`.
    pub fn message_id(&self) -> &'static str {
        match self {
            FileProblem::Empty => "file-empty",
            FileProblem::MissingColumn { .. } => "file-missing-column",
            FileProblem::UnknownColumn { .. } => "file-unknown-column",
            FileProblem::DuplicateColumn { .. } => "file-duplicate-column",
            FileProblem::BlankColumnName { .. } => "file-blank-column-name",
            FileProblem::BadRecord { .. } => "file-bad-record",
            FileProblem::WrongFieldCount { .. } => "file-wrong-field-count",
        }
    }

    /// The Fluent arguments of the message, as strings.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            FileProblem::Empty => Vec::new(),
            FileProblem::MissingColumn { column } | FileProblem::DuplicateColumn { column } => {
                vec![("column", column.clone())]
            }
            FileProblem::UnknownColumn { column, allowed } => {
                vec![("column", column.clone()), ("allowed", allowed.clone())]
            }
            FileProblem::BlankColumnName { position } => vec![("position", position.to_string())],
            FileProblem::BadRecord { line, detail } => {
                vec![("line", line.to_string()), ("detail", detail.clone())]
            }
            FileProblem::WrongFieldCount {
                line,
                expected,
                found,
            } => vec![
                ("line", line.to_string()),
                ("expected", expected.to_string()),
                ("found", found.to_string()),
            ],
        }
    }
}

/// Why an import stored nothing: the file as a whole, or a list of row problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportRejection {
    /// The file could not be read (header or record structure): one header problem, or every
    /// malformed line.
    File(Vec<FileProblem>),
    /// Every invalid value, by line.
    Rows(Vec<RowProblem>),
}
