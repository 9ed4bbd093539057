//! The sweep the server runs on a schedule (at start and every ten minutes): expired
//! sessions, uploads never confirmed, sign-in counts that no longer count, and what form posts
//! left for pages no one came back to.

use super::{flash, imports, sessions, throttle, Db, DbError};

/// How many rows one sweep removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    /// Sessions past their idle time or lifetime.
    pub sessions: u64,
    /// Uploads older than a day.
    pub pending_imports: u64,
    /// Sign-in throttle rows whose window and lock are long over.
    pub throttle_rows: u64,
    /// Form posts' leftovers past their ten minutes.
    pub flash_entries: u64,
}

/// Runs one sweep at `at` (Unix seconds).
pub async fn sweep(db: &Db, at: i64) -> Result<Swept, DbError> {
    Ok(Swept {
        sessions: sessions::purge_expired(db).await?,
        pending_imports: imports::purge_stale(db, at).await?,
        throttle_rows: throttle::purge_stale(db, at).await?,
        flash_entries: flash::purge_expired(db, at).await?,
    })
}
