//! Failed sign-in counting per subject (an e-mail or a personal code), kept in the database so
//! it holds across restarts and servers.

use super::{col, Db, DbError};
use crate::domain::credentials::ThrottleState;

/// The throttle state of `subject` (zeros when none).
pub async fn get(db: &Db, subject: &str) -> Result<ThrottleState, DbError> {
    let row = sqlx::query(
        "SELECT failures, window_started_at, locked_until FROM sign_in_throttle WHERE subject = $1",
    )
    .bind(subject)
    .fetch_optional(&db.pool)
    .await?;
    Ok(match row {
        Some(r) => ThrottleState {
            failures: col(&r, "failures")?,
            window_started_at: col(&r, "window_started_at")?,
            locked_until: col(&r, "locked_until")?,
        },
        None => ThrottleState::default(),
    })
}

/// Stores the state of `subject`.
pub async fn put(db: &Db, subject: &str, state: &ThrottleState) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO sign_in_throttle (subject, failures, window_started_at, locked_until) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (subject) DO UPDATE SET \
         failures = excluded.failures, window_started_at = excluded.window_started_at, \
         locked_until = excluded.locked_until",
    )
    .bind(subject)
    .bind(state.failures)
    .bind(state.window_started_at)
    .bind(state.locked_until)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Forgets `subject` after a successful sign-in.
pub async fn clear(db: &Db, subject: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sign_in_throttle WHERE subject = $1")
        .bind(subject)
        .execute(&db.pool)
        .await?;
    Ok(())
}
