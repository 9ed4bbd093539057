//! Uploaded files on their way to the register: the decoded text, the phase of the upload
//! (see [`crate::domain::upload`]), the progress of its running step, which server runs it,
//! and the row report once there is one (JSON).

use super::{col, now, Db, DbError};
use crate::domain::ids::{PendingImportId, UserId};
use crate::domain::upload::UploadPhase;

/// A stored upload, without its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingImport {
    /// Id.
    pub id: PendingImportId,
    /// Who uploaded it.
    pub user: UserId,
    /// The kind of file, e.g. `participants`.
    pub kind: String,
    /// The uploaded file's name.
    pub file_name: String,
    /// Where it is on its way.
    pub phase: UploadPhase,
    /// Bytes of the text the running step has read.
    pub done_bytes: u64,
    /// Bytes of the text.
    pub total_bytes: u64,
    /// The row report of the last step that ended (JSON), if any.
    pub report: Option<String>,
    /// The server task that runs (or last ran) a step.
    pub worker: String,
    /// The running step's last sign of life (Unix seconds).
    pub heartbeat: i64,
}

/// How long an upload waits for its "confirm" (seconds): a day.
pub const PENDING_LIFETIME_SECS: i64 = 86_400;

/// Removes uploads older than [`PENDING_LIFETIME_SECS`] at `at`; returns how many.
pub async fn purge_stale(db: &Db, at: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM pending_imports WHERE created_at < $1")
        .bind(at - PENDING_LIFETIME_SECS)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}

/// Stores an upload whose check `worker` starts at once; stale uploads are removed at the same
/// time (and by the housekeeping).
pub async fn create(
    db: &Db,
    user: UserId,
    kind: &str,
    file_name: &str,
    content: &str,
    worker: &str,
) -> Result<PendingImportId, DbError> {
    let t = now();
    purge_stale(db, t).await?;
    // A connection of its own, closed after the statement: the text's tens of megabytes pass
    // through its buffers, which a pooled connection would keep for its whole life.
    let mut conn = db.pool.acquire().await?.detach();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO pending_imports (user_id, kind, file_name, content, created_at, phase, \
         done_bytes, total_bytes, worker, heartbeat) \
         VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $5) RETURNING id",
    )
    .bind(user.0)
    .bind(kind)
    .bind(file_name)
    .bind(content)
    .bind(t)
    .bind(UploadPhase::Checking.as_str())
    .bind(i64::try_from(content.len()).unwrap_or(i64::MAX))
    .bind(worker)
    .fetch_one(&mut conn)
    .await?;
    close(conn).await;
    Ok(PendingImportId(id))
}

/// An upload of `user` (someone else's upload is not found), without its text.
pub async fn get(db: &Db, id: PendingImportId, user: UserId) -> Result<PendingImport, DbError> {
    let row = sqlx::query(
        "SELECT id, user_id, kind, file_name, phase, done_bytes, total_bytes, report, worker, \
         heartbeat FROM pending_imports WHERE id = $1 AND user_id = $2",
    )
    .bind(id.0)
    .bind(user.0)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(DbError::NotFound)?;
    let phase: String = col(&row, "phase")?;
    let bytes = |name: &str| col::<i64>(&row, name).map(|n| u64::try_from(n).unwrap_or(0));
    Ok(PendingImport {
        id: PendingImportId(col(&row, "id")?),
        user: UserId(col(&row, "user_id")?),
        kind: col(&row, "kind")?,
        file_name: col(&row, "file_name")?,
        phase: UploadPhase::parse(&phase)
            .ok_or_else(|| DbError::Other(format!("unknown upload phase {phase}")))?,
        done_bytes: bytes("done_bytes")?,
        total_bytes: bytes("total_bytes")?,
        report: col(&row, "report")?,
        worker: col(&row, "worker")?,
        heartbeat: col(&row, "heartbeat")?,
    })
}

/// The decoded text of upload `id` (through a connection of its own, as [`create`]).
pub async fn content(db: &Db, id: PendingImportId) -> Result<String, DbError> {
    let mut conn = db.pool.acquire().await?.detach();
    let text = sqlx::query_scalar("SELECT content FROM pending_imports WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut conn)
        .await?
        .ok_or(DbError::NotFound);
    close(conn).await;
    text
}

/// Closes a connection taken out of the pool; a failure only leaves it to be dropped.
async fn close(conn: sqlx::AnyConnection) {
    use sqlx::Connection;
    if let Err(e) = conn.close().await {
        tracing::debug!(error = %e, "closing an upload's connection");
    }
}

/// Moves upload `id` from phase `from` to the running phase `to` under `worker`; false when
/// it was not in `from` (someone else moved it first).
pub async fn start(
    db: &Db,
    id: PendingImportId,
    from: UploadPhase,
    to: UploadPhase,
    worker: &str,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE pending_imports SET phase = $1, worker = $2, heartbeat = $3, done_bytes = 0 \
         WHERE id = $4 AND phase = $5",
    )
    .bind(to.as_str())
    .bind(worker)
    .bind(now())
    .bind(id.0)
    .bind(from.as_str())
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives the running step of upload `id` to `worker` if it is still the one `seen` (same
/// phase, same worker, same last sign of life): the step of a stopped server is taken over by
/// exactly one other; false when someone else was first or the step moved on.
pub async fn take_over(db: &Db, seen: &PendingImport, worker: &str) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE pending_imports SET worker = $1, heartbeat = $2, done_bytes = 0 \
         WHERE id = $3 AND phase = $4 AND worker = $5 AND heartbeat = $6",
    )
    .bind(worker)
    .bind(now())
    .bind(seen.id.0)
    .bind(seen.phase.as_str())
    .bind(&seen.worker)
    .bind(seen.heartbeat)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The running step's sign of life with its progress; false when `worker` no longer runs it.
pub async fn beat(
    db: &Db,
    id: PendingImportId,
    worker: &str,
    done_bytes: u64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE pending_imports SET done_bytes = $1, heartbeat = $2 WHERE id = $3 AND worker = $4",
    )
    .bind(i64::try_from(done_bytes).unwrap_or(i64::MAX))
    .bind(now())
    .bind(id.0)
    .bind(worker)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends `worker`'s step of upload `id` in `phase` with its `report` (JSON); an imported
/// upload's text is dropped. False when `worker` no longer ran it (its result is not kept).
pub async fn finish(
    db: &Db,
    id: PendingImportId,
    worker: &str,
    phase: UploadPhase,
    report: Option<&str>,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE pending_imports SET phase = $1, report = $2, heartbeat = $3, \
         done_bytes = total_bytes, \
         content = CASE WHEN $1 = 'imported' THEN '' ELSE content END \
         WHERE id = $4 AND worker = $5",
    )
    .bind(phase.as_str())
    .bind(report)
    .bind(now())
    .bind(id.0)
    .bind(worker)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
