//! Helpers shared by the tests of the time-record modules.

use crate::domain::problem::FieldProblem;

pub(super) fn fields(problems: &[FieldProblem]) -> Vec<&str> {
    problems.iter().map(|p| p.field.as_str()).collect()
}
