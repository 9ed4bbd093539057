//! Failed sign-in counting per subject (an e-mail or a personal code), kept in the database so
//! it holds across restarts and servers.

use super::{col, Db, DbError};
use crate::domain::credentials::ThrottleState;

/// Counts one attempt of `subject` at `now` before its secret is checked, in one atomic
/// statement (so parallel attempts each count): a window older than `window_secs` starts
/// afresh at one. Returns the state after counting.
pub async fn count_attempt(
    db: &Db,
    subject: &str,
    now: i64,
    window_secs: i64,
) -> Result<ThrottleState, DbError> {
    let r = sqlx::query(
        "INSERT INTO sign_in_throttle (subject, failures, window_started_at, locked_until) \
         VALUES ($1, 1, $2, 0) ON CONFLICT (subject) DO UPDATE SET \
         failures = CASE WHEN $2 - sign_in_throttle.window_started_at >= $3 THEN 1 \
                         ELSE sign_in_throttle.failures + 1 END, \
         window_started_at = CASE WHEN $2 - sign_in_throttle.window_started_at >= $3 THEN $2 \
                         ELSE sign_in_throttle.window_started_at END \
         RETURNING failures, window_started_at, locked_until",
    )
    .bind(subject)
    .bind(now)
    .bind(window_secs)
    .fetch_one(&db.pool)
    .await?;
    Ok(ThrottleState {
        failures: col(&r, "failures")?,
        window_started_at: col(&r, "window_started_at")?,
        locked_until: col(&r, "locked_until")?,
    })
}

/// Locks `subject` until `until` and starts its count afresh.
pub async fn lock(db: &Db, subject: &str, until: i64) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE sign_in_throttle SET locked_until = $2, failures = 0 WHERE subject = $1 \
         AND locked_until < $2",
    )
    .bind(subject)
    .bind(until)
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
