//! Small key-value settings kept in the database (e.g. the generated session secret).

use super::{Db, DbError};

/// The value of `key`, if set.
pub async fn get(db: &Db, key: &str) -> Result<Option<String>, DbError> {
    Ok(
        sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
            .bind(key)
            .fetch_optional(&db.pool)
            .await?,
    )
}

/// Returns the value of `key`, storing `make()` first if it is not set. Safe when two
/// servers start at once: the first insert wins and both read the same value.
pub async fn get_or_insert(
    db: &Db,
    key: &str,
    make: impl FnOnce() -> String,
) -> Result<String, DbError> {
    if let Some(v) = get(db, key).await? {
        return Ok(v);
    }
    sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
        .bind(key)
        .bind(make())
        .execute(&db.pool)
        .await?;
    get(db, key)
        .await?
        .ok_or_else(|| DbError::Other(format!("setting {key} vanished")))
}

/// Sets `key` to `value`, replacing what was there.
pub async fn set(db: &Db, key: &str, value: &str) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(&db.pool)
    .await?;
    Ok(())
}
