//! SFI test results (issue 3; DOMAIN.md, "Testing language"): courses A–D and the study-path
//! rule, the three grade scales and their grades, part results, the rough course→CEFR guide,
//! and the derivation of start and finish from a participant's results.
//!
//! Compiled for the browser too: only serde, chrono and thiserror.

mod course;
mod grades;
mod parts;
mod results;
mod sfi_problem;
#[cfg(test)]
mod test_support;

pub use course::{course_allowed, path_start, CefrGuide, SfiCourse};
pub use grades::{Grade, GradeScale, Mark};
pub use parts::{Part, PartResults};
pub use results::{check_test_date, start_and_finish, SfiResult, StartFinish};
pub use sfi_problem::SfiProblem;
