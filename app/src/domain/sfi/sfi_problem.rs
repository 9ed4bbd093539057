//! What can be wrong with an SFI result.

use serde::{Deserialize, Serialize};

use super::{GradeScale, SfiCourse};
use crate::domain::problem::Problem;

/// What is wrong with an SFI result; rendered through the Fluent catalogue (message id + args),
/// like [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SfiProblem {
    /// One of the shared problems (required, not one of, date in the future, …).
    #[error(transparent)]
    Common(#[from] Problem),
    /// A course below the first course of the participant's study path.
    #[error("Study path {path} starts at course {first}. Choose course {first} or higher.")]
    CourseBelowPathStart {
        /// The study path, 1–3.
        path: u8,
        /// The first course of that path, `A`–`C`.
        first: SfiCourse,
    },
    /// A grade (or part result) that is not a grade of the result's scale.
    #[error("Not a grade of the scale {}. Allowed grades: {allowed}.", scale.label())]
    GradeNotInScale {
        /// The scale (named by its [`GradeScale::label`] in the message).
        scale: GradeScale,
        /// The scale's grades, separated by ", ", e.g. "IG, G, VG".
        allowed: String,
    },
}

impl SfiProblem {
    /// The Fluent message id, e.g. `"sfi-grade-not-in-scale"`; shared problems keep their ids.
    pub fn message_id(&self) -> &'static str {
        match self {
            SfiProblem::Common(problem) => problem.message_id(),
            SfiProblem::CourseBelowPathStart { .. } => "sfi-course-below-path-start",
            SfiProblem::GradeNotInScale { .. } => "sfi-grade-not-in-scale",
        }
    }

    /// The Fluent arguments of the message, as strings.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            SfiProblem::Common(problem) => problem.args(),
            SfiProblem::CourseBelowPathStart { path, first } => {
                vec![("path", path.to_string()), ("first", first.to_string())]
            }
            SfiProblem::GradeNotInScale { scale, allowed } => {
                vec![
                    ("scale", scale.label().to_owned()),
                    ("allowed", allowed.clone()),
                ]
            }
        }
    }
}

impl From<SfiProblem> for Problem {
    fn from(p: SfiProblem) -> Self {
        match p {
            SfiProblem::Common(problem) => problem,
            SfiProblem::CourseBelowPathStart { path, first } => Problem::CourseBelowPathStart {
                path,
                first: first.to_string(),
            },
            SfiProblem::GradeNotInScale { scale, allowed } => Problem::GradeNotInScale {
                scale: scale.label().to_owned(),
                allowed,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sfi_problems_have_ids_and_string_args() {
        let p = SfiProblem::GradeNotInScale {
            scale: GradeScale::IgGVg,
            allowed: GradeScale::IgGVg.allowed(),
        };
        assert_eq!(p.message_id(), "sfi-grade-not-in-scale");
        assert_eq!(
            p.args(),
            [
                ("scale", "IG–VG".to_owned()),
                ("allowed", "IG, G, VG".to_owned())
            ]
        );
        assert_eq!(
            SfiProblem::from(Problem::DateInFuture).message_id(),
            "problem-date-in-future"
        );
    }
}
