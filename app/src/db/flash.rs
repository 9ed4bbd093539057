//! What plain form posts leave for the page they return to (see `state::flash`), kept in the
//! database so that whichever server process answers the redirect finds it.

use super::{col, now, Db, DbError};

/// How long an entry lives, in seconds: long enough for the redirect and a reload.
pub const TTL_SECS: i64 = 600;

/// One form post's leftovers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    /// The server function's path (`/api/…`).
    pub path: String,
    /// Whether the post was refused (then `values` matter) or succeeded (then `output`).
    pub refused: bool,
    /// The values typed, secrets removed.
    pub values: Vec<(String, String)>,
    /// The server function's JSON result after a success.
    pub output: Option<Vec<u8>>,
    /// The browser session it belongs to (the session cookie's value, or empty).
    pub owner: String,
}

impl Flash {
    /// A new entry.
    pub fn new(
        path: String,
        refused: bool,
        values: Vec<(String, String)>,
        output: Option<Vec<u8>>,
        owner: String,
    ) -> Self {
        Self {
            path,
            refused,
            values,
            output,
            owner,
        }
    }
}

/// Removes the entries expired at `at` (Unix seconds); returns how many.
pub async fn purge_expired(db: &Db, at: i64) -> Result<u64, DbError> {
    Ok(
        sqlx::query("DELETE FROM flash_entries WHERE created_at < $1")
            .bind(at - TTL_SECS)
            .execute(&db.pool)
            .await?
            .rows_affected(),
    )
}

/// Keeps `flash` and returns its key (random, 128 bits); clears the expired entries.
pub async fn put(db: &Db, flash: &Flash) -> Result<String, DbError> {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    let key = hex::encode(bytes);
    let t = now();
    purge_expired(db, t).await?;
    let values = serde_json::to_string(&flash.values).map_err(|e| DbError::Other(e.to_string()))?;
    sqlx::query(
        "INSERT INTO flash_entries (flash_key, owner, path, refused, form_values, output, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(key.as_str())
    .bind(flash.owner.as_str())
    .bind(flash.path.as_str())
    .bind(i64::from(flash.refused))
    .bind(values)
    .bind(
        flash
            .output
            .as_ref()
            .map(|o| String::from_utf8_lossy(o).into_owned()),
    )
    .bind(t)
    .execute(&db.pool)
    .await?;
    Ok(key)
}

/// The entry under `key`, if it is still alive and belongs to `owner`.
pub async fn get(db: &Db, key: &str, owner: &str) -> Result<Option<Flash>, DbError> {
    let row = sqlx::query(
        "SELECT path, refused, form_values, output FROM flash_entries \
         WHERE flash_key = $1 AND owner = $2 AND created_at >= $3",
    )
    .bind(key)
    .bind(owner)
    .bind(now() - TTL_SECS)
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = row else {
        return Ok(None);
    };
    let values: String = col(&r, "form_values")?;
    Ok(Some(Flash {
        path: col(&r, "path")?,
        refused: col::<i64>(&r, "refused")? != 0,
        values: serde_json::from_str(&values).map_err(|e| DbError::Other(e.to_string()))?,
        output: col::<Option<String>>(&r, "output")?.map(String::into_bytes),
        owner: owner.to_owned(),
    }))
}
