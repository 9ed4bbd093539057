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

/// The dated values of a setting with a history (`weekly_minimum`, `cefr_threshold`):
/// `(valid_from, value)`, oldest first.
pub async fn history(db: &Db, key: &str) -> Result<Vec<(chrono::NaiveDate, String)>, DbError> {
    let rows = sqlx::query(
        "SELECT valid_from, value FROM setting_history WHERE key = $1 ORDER BY valid_from",
    )
    .bind(key)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((super::date_col(r, "valid_from")?, super::col(r, "value")?)))
        .collect()
}

/// Sets a setting with a history to `value` from `from` on (earlier days keep their value);
/// setting the same date again replaces that date's value.
pub async fn set_from(
    db: &Db,
    key: &str,
    from: chrono::NaiveDate,
    value: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO setting_history (key, valid_from, value, set_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (key, valid_from) DO UPDATE SET value = excluded.value, set_at = excluded.set_at",
    )
    .bind(key)
    .bind(crate::domain::participant::format_date(from))
    .bind(value)
    .bind(super::now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A setting with a history as typed values: `parse` reads each stored value (one that no
/// longer parses is reported as corruption), `default` applies before the first change.
pub async fn dated<T: Copy, E: std::fmt::Debug>(
    db: &Db,
    key: &str,
    default: T,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<crate::domain::dated::Dated<T>, DbError> {
    let changes = history(db, key)
        .await?
        .into_iter()
        .map(|(from, v)| {
            parse(&v)
                .map(|t| (from, t))
                .map_err(|e| DbError::Other(format!("setting {key}={v:?} from {from}: {e:?}")))
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(crate::domain::dated::Dated::new(default, changes))
}
