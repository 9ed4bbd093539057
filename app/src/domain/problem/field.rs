//! Problems tied to a named field, and to a line of an imported file.

use serde::{Deserialize, Serialize};

use super::Problem;

/// A problem tied to a named field (column / form field name, e.g. "birth_year").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    /// The row of a grid or repeated form the field is in, if any.
    #[serde(default)]
    pub row: Option<FormRow>,
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
            row: None,
            field: field.into(),
            value: value.into(),
            problem,
        }
    }

    /// The same problem, in `row` of a grid or repeated form.
    #[must_use]
    pub fn in_row(self, row: FormRow) -> Self {
        FieldProblem {
            row: Some(row),
            ..self
        }
    }

    /// Whether this is a problem of `field` in `row` (`None`: a field outside any row).
    pub fn is_at(&self, row: Option<&FormRow>, field: &str) -> bool {
        self.row.as_ref() == row && self.field == field
    }
}

/// The row of a grid or repeated form that a field belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FormRow {
    /// A participant's row of a group's grid (SFI results, the register), by reference.
    Participant(String),
    /// A numbered block of a form, from 1 as the user sees it (the weekly plan's blocks).
    Block(usize),
}

/// A field problem on one line of an imported file (the header is line 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    /// Physical line in the file where the record starts.
    pub line: usize,
    /// The column, value and problem.
    pub field: FieldProblem,
}
