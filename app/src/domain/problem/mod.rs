//! Translatable validation problems.
//!
//! Every problem carries a Fluent message id and its arguments; the messages
//! live in `locales/{en,sv}/validation.ftl`. The `Display` texts are the
//! English messages with the arguments filled in (used on the command line);
//! a test keeps them equal to the English catalogue.
//!
//! Arguments are passed as strings on purpose: Fluent would format numbers
//! with digit grouping ("1 900" in Swedish), which is wrong for years.

mod field;
mod file;
#[cfg(test)]
mod tests;
mod unique;
mod value;

pub use field::{FieldProblem, FormRow, RowProblem};
pub use file::{FileProblem, ImportRejection};
pub use unique::{validate_unique, DuplicateOn, UniqueRows};
pub use value::{parse_one_of, Meanwhile, Problem};
