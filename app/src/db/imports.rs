//! Uploaded files kept between "check" and "confirm".

use super::{col, now, Db, DbError};
use crate::domain::ids::{PendingImportId, UserId};

/// A stored upload.
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
    /// The decoded text.
    pub content: String,
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

/// Stores an upload; stale uploads are removed at the same time (and by the housekeeping).
pub async fn create(
    db: &Db,
    user: UserId,
    kind: &str,
    file_name: &str,
    content: &str,
) -> Result<PendingImportId, DbError> {
    let t = now();
    purge_stale(db, t).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO pending_imports (user_id, kind, file_name, content, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user.0)
    .bind(kind)
    .bind(file_name)
    .bind(content)
    .bind(t)
    .fetch_one(&db.pool)
    .await?;
    Ok(PendingImportId(id))
}

/// An upload of `user` (someone else's upload is not found).
pub async fn get(db: &Db, id: PendingImportId, user: UserId) -> Result<PendingImport, DbError> {
    let row = sqlx::query(
        "SELECT id, user_id, kind, file_name, content FROM pending_imports WHERE id = $1 AND user_id = $2",
    )
    .bind(id.0)
    .bind(user.0)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(DbError::NotFound)?;
    Ok(PendingImport {
        id: PendingImportId(col(&row, "id")?),
        user: UserId(col(&row, "user_id")?),
        kind: col(&row, "kind")?,
        file_name: col(&row, "file_name")?,
        content: col(&row, "content")?,
    })
}

/// Removes an upload once it has been imported.
pub async fn delete(db: &Db, id: PendingImportId) -> Result<(), DbError> {
    sqlx::query("DELETE FROM pending_imports WHERE id = $1")
        .bind(id.0)
        .execute(&db.pool)
        .await?;
    Ok(())
}
