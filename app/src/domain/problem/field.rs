//! Problems tied to a named field, and to a line of an imported file.

use serde::{Deserialize, Serialize};

use super::Problem;

/// A problem tied to a named field (column / form field name, e.g. "birth_year").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    /// The column or form field name, e.g. `birth_year`.
    pub field: String,
    /// The value as given (untrimmed).
    pub value: String,
    /// What is wrong with it.
    pub problem: Problem,
}

impl FieldProblem {
    /// A problem with `value` in `field`.
    pub fn new(field: impl Into<String>, value: impl Into<String>, problem: Problem) -> Self {
        FieldProblem {
            field: field.into(),
            value: value.into(),
            problem,
        }
    }
}

/// A field problem on one line of an imported file (the header is line 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    /// Physical line in the file where the record starts.
    pub line: usize,
    /// The column, value and problem.
    pub field: FieldProblem,
}
