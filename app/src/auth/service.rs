//! Changing one's own password (server only).

use crate::db;
use crate::domain::credentials::{staff_subject, NewPassword};
use crate::domain::ids::UserId;
use crate::domain::problem::Problem;
use crate::error::AppError;
use crate::state::AppState;

/// Checks `current` against the account's password (counted like a sign-in, so a borrowed
/// session cannot be used to guess it), then stores `new` if it is valid, typed the same twice
/// and not the current one. Sessions of the account other than `keep` end.
pub async fn change_password(
    state: &AppState,
    user: UserId,
    keep: &str,
    current: String,
    new: String,
    repeat: String,
) -> Result<(), AppError> {
    let account = db::users::get(&state.db, user).await?;
    let new_password = NewPassword::parse(&new).map_err(|p| AppError::field("new", "", p))?;
    if new != repeat {
        return Err(AppError::field("repeat", "", Problem::PasswordsDiffer));
    }
    if new == current {
        return Err(AppError::field("new", "", Problem::PasswordUnchanged));
    }
    let stored = db::users::password_hash(&state.db, user).await?;
    let checked = super::throttle::attempt(state, &staff_subject(&account.email), async {
        Ok(super::password::verify(current, Some(stored.0))
            .await
            .then_some(()))
    })
    .await;
    match checked {
        Ok(()) => {}
        Err(AppError::SignInFailed) => {
            return Err(AppError::field(
                "current",
                "",
                Problem::WrongCurrentPassword,
            ))
        }
        Err(e) => return Err(e),
    }
    let hash = super::password::hash(new_password.expose().to_owned())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "hashing a password failed");
            AppError::Internal
        })?;
    db::users::change_own_password(&state.db, user, &db::users::PasswordHash(hash), keep).await?;
    tracing::info!(user = user.0, "password changed by its owner");
    Ok(())
}
