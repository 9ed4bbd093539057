//! The error type of every server function: what a user may be told, never internals.
//!
//! Use [`AppError`] as the error of server functions and page data. Database and other
//! internal failures are logged with `tracing` where they happen and become
//! [`AppError::Internal`]; validation failures carry [`FieldProblem`]s, one per field, which
//! the form shows next to the field in the user's language.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::domain::problem::FieldProblem;
use crate::i18n::{translate, Locale};

/// Why a request was refused, in terms the interface can translate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// No valid session: sign in (again).
    #[error("not signed in")]
    NotSignedIn,
    /// Signed in, but this is not yours to see or do.
    #[error("forbidden")]
    Forbidden,
    /// The thing asked for does not exist (or is not visible to you).
    #[error("not found")]
    NotFound,
    /// One or more fields are invalid; nothing was changed.
    #[error("invalid input")]
    Invalid(Vec<FieldProblem>),
    /// Wrong e-mail/password or code/PIN (deliberately not saying which).
    #[error("sign-in failed")]
    SignInFailed,
    /// Too many failed sign-ins; wait this many minutes.
    #[error("too many attempts")]
    Throttled {
        /// Minutes until the next attempt is allowed.
        minutes: i64,
    },
    /// The password was set by someone else and must be changed before anything else.
    #[error("password change required")]
    PasswordChangeRequired,
    /// Something unexpected on the server; the details are in the log.
    #[error("internal error")]
    Internal,
    /// The request itself failed (network, encoding).
    #[error("request failed: {0}")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

impl AppError {
    /// The catalogue id of the message shown for this error.
    pub fn message_id(&self) -> &'static str {
        match self {
            AppError::NotSignedIn => "error-not-signed-in",
            AppError::Forbidden => "error-forbidden",
            AppError::NotFound => "error-not-found",
            AppError::Invalid(_) => "error-invalid",
            AppError::SignInFailed => "error-sign-in-failed",
            AppError::Throttled { .. } => "error-throttled",
            AppError::PasswordChangeRequired => "error-password-change-required",
            AppError::Internal => "error-internal",
            AppError::Transport(_) => "error-transport",
        }
    }

    /// The whole message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let args = match self {
            AppError::Throttled { minutes } => vec![("minutes", minutes.to_string())],
            AppError::Invalid(problems) => vec![("count", problems.len().to_string())],
            _ => vec![],
        };
        translate(locale, self.message_id(), &args)
    }

    /// The problems of an `Invalid` error (empty for other errors).
    pub fn problems(&self) -> &[FieldProblem] {
        match self {
            AppError::Invalid(p) => p,
            _ => &[],
        }
    }

    /// An `Invalid` error for one field.
    pub fn field(field: &str, value: &str, problem: crate::domain::problem::Problem) -> Self {
        AppError::Invalid(vec![FieldProblem::new(field.to_owned(), value, problem)])
    }
}

/// The problem of a field that someone changed after the form was shown: by whom (a staff
/// member's name, else where the change came from, in `locale`), when (Stockholm time) and to
/// what.
#[cfg(feature = "ssr")]
pub fn changed_by(
    field: &str,
    by: Option<&str>,
    source: &str,
    changed_at: i64,
    value: String,
    locale: Locale,
) -> FieldProblem {
    let by = by.map_or_else(
        || translate(locale, &format!("source-{source}"), &[]),
        str::to_owned,
    );
    let at = chrono::DateTime::from_timestamp(changed_at, 0)
        .map(|t| {
            crate::state::clock::stockholm(t)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default();
    FieldProblem::new(
        field.to_owned(),
        "",
        crate::domain::problem::Problem::ChangedBy(Box::new(crate::domain::problem::Meanwhile {
            by,
            at,
            value,
        })),
    )
}

#[cfg(feature = "ssr")]
impl From<crate::db::DbError> for AppError {
    fn from(e: crate::db::DbError) -> Self {
        match e {
            crate::db::DbError::NotFound => AppError::NotFound,
            crate::db::DbError::Conflict(p) => AppError::Invalid(vec![p]),
            crate::db::DbError::Sqlx(inner) if crate::db::is_race(&inner) => {
                tracing::warn!(error = %inner, "a concurrent write won: refused as a conflict");
                AppError::field(
                    "version",
                    "",
                    crate::domain::problem::Problem::ChangedMeanwhile,
                )
            }
            crate::db::DbError::Sqlx(inner) => {
                tracing::error!(error = %inner, "database error");
                AppError::Internal
            }
            crate::db::DbError::Other(detail) => {
                tracing::error!(%detail, "internal error");
                AppError::Internal
            }
        }
    }
}

/// A stale version refused by the database becomes a problem on `field` ("someone else changed
/// this"), shown beside the form's field; other errors pass.
#[cfg(feature = "ssr")]
pub fn stale_on(field: &'static str) -> impl FnOnce(crate::db::DbError) -> AppError {
    move |e| {
        if matches!(&e, crate::db::DbError::Conflict(p) if p.field == "version") {
            AppError::Invalid(vec![crate::domain::problem::FieldProblem::new(
                field,
                "",
                crate::domain::problem::Problem::ChangedMeanwhile,
            )])
        } else {
            e.into()
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_a_message_in_both_languages() {
        let errors = [
            AppError::NotSignedIn,
            AppError::Forbidden,
            AppError::NotFound,
            AppError::Invalid(vec![]),
            AppError::SignInFailed,
            AppError::Throttled { minutes: 1 },
            AppError::PasswordChangeRequired,
            AppError::Internal,
            AppError::Transport(String::new()),
        ];
        for e in errors {
            for locale in [Locale::Sv, Locale::En] {
                // A missing message renders as its id.
                assert_ne!(e.message(locale), e.message_id(), "{e:?} in {locale:?}");
            }
        }
    }
}
