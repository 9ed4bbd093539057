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

/// A throttle row whose window began longer ago than this (seconds) and whose lock has ended
/// counts for nothing: every window and lock is far shorter than a day.
pub const STALE_AFTER_SECS: i64 = 86_400;

/// Removes rows that count for nothing any more at `at`; returns how many.
pub async fn purge_stale(db: &Db, at: i64) -> Result<u64, DbError> {
    let done = sqlx::query(
        "DELETE FROM sign_in_throttle WHERE window_started_at < $1 AND locked_until < $2",
    )
    .bind(at - STALE_AFTER_SECS)
    .bind(at)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected())
}

/// Forgets `subject` after a successful sign-in.
pub async fn clear(db: &Db, subject: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sign_in_throttle WHERE subject = $1")
        .bind(subject)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Takes back one counted attempt of `subject` that turned out right (a client address or the
/// whole site: people who sign in correctly do not use up the limit of those who share them).
pub async fn forgive(db: &Db, subject: &str) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE sign_in_throttle SET failures = failures - 1 WHERE subject = $1 AND failures > 0",
    )
    .bind(subject)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Of `subjects`, those locked at `now`, with the end of their lock.
pub async fn locked(
    db: &Db,
    subjects: &[String],
    now: i64,
) -> Result<std::collections::HashMap<String, i64>, DbError> {
    let mut out = std::collections::HashMap::new();
    for chunk in subjects.chunks(500) {
        let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = format!(
            "SELECT subject, locked_until FROM sign_in_throttle \
             WHERE locked_until > $1 AND subject IN ({})",
            marks.join(", ")
        );
        let mut q = sqlx::query(&sql).bind(now);
        for s in chunk {
            q = q.bind(s);
        }
        for r in q.fetch_all(&db.pool).await? {
            out.insert(col(&r, "subject")?, col(&r, "locked_until")?);
        }
    }
    Ok(out)
}
