//! Server-side sessions. The cookie holds a random token; the database holds only its hash.

use super::{col, now, Db, DbError};
use crate::domain::ids::{ParticipantId, UserId};

/// Who a session belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionOwner {
    /// A staff member.
    User(UserId),
    /// A participant.
    Participant(ParticipantId),
}

/// The longest a staff session lives, however active: 12 hours.
pub const STAFF_LIFETIME_SECS: i64 = 12 * 3600;
/// The longest a tablet session lives, however active: 2 hours.
pub const TABLET_LIFETIME_SECS: i64 = 2 * 3600;

/// Stores a new session.
pub async fn create(
    db: &Db,
    token_hash: &str,
    owner: SessionOwner,
    idle_timeout_secs: i64,
) -> Result<(), DbError> {
    let (user, participant) = match owner {
        SessionOwner::User(u) => (Some(u.0), None),
        SessionOwner::Participant(p) => (None, Some(p.0)),
    };
    let t = now();
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, participant_id, created_at, last_seen_at, idle_timeout) \
         VALUES ($1, $2, $3, $4, $4, $5)",
    )
    .bind(token_hash)
    .bind(user)
    .bind(participant)
    .bind(t)
    .bind(idle_timeout_secs)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A live session: its owner and, for staff, their role and whether their password must be
/// changed first (read with the session: one query per request).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiveSession {
    /// Whose session it is.
    pub owner: SessionOwner,
    /// A staff member's role and whether they must change their password first.
    pub staff: Option<(crate::domain::role::Role, bool)>,
}

/// The live session of `token_hash`, touching its last-seen time. Expired sessions are
/// deleted. A session of a deactivated user is not live.
pub async fn resolve(db: &Db, token_hash: &str) -> Result<Option<LiveSession>, DbError> {
    let t = now();
    let row = sqlx::query(
        "SELECT s.user_id, s.participant_id, s.created_at, s.last_seen_at, s.idle_timeout, \
                COALESCE(u.active, 1) AS active, COALESCE(u.role, '') AS role, \
                COALESCE(u.must_change_password, 0) AS must_change \
         FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let last_seen: i64 = col(&row, "last_seen_at")?;
    let idle: i64 = col(&row, "idle_timeout")?;
    let active: i64 = col(&row, "active")?;
    let created: i64 = col(&row, "created_at")?;
    let user: Option<i64> = col(&row, "user_id")?;
    let lifetime = if user.is_some() {
        STAFF_LIFETIME_SECS
    } else {
        TABLET_LIFETIME_SECS
    };
    if t - last_seen > idle || t - created > lifetime || active != 1 {
        delete(db, token_hash).await?;
        return Ok(None);
    }
    // Touch at most once a minute: enough for idle expiry, few writes.
    if t - last_seen >= 60 {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(t)
            .bind(token_hash)
            .execute(&db.pool)
            .await?;
    }
    let participant: Option<i64> = col(&row, "participant_id")?;
    Ok(match (user, participant) {
        (Some(u), _) => {
            let role: String = col(&row, "role")?;
            let role = super::parse_col(crate::domain::role::Role::parse(&role), "role")?;
            let must_change = col::<i64>(&row, "must_change")? == 1;
            Some(LiveSession {
                owner: SessionOwner::User(UserId(u)),
                staff: Some((role, must_change)),
            })
        }
        (None, Some(p)) => Some(LiveSession {
            owner: SessionOwner::Participant(ParticipantId(p)),
            staff: None,
        }),
        (None, None) => None,
    })
}

/// Ends a session.
pub async fn delete(db: &Db, token_hash: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Removes sessions idle past their timeout or past their lifetime; returns how many.
pub async fn purge_expired(db: &Db) -> Result<u64, DbError> {
    let done = sqlx::query(
        "DELETE FROM sessions WHERE $1 - last_seen_at > idle_timeout \
         OR (user_id IS NOT NULL AND $1 - created_at > $2) \
         OR (participant_id IS NOT NULL AND $1 - created_at > $3)",
    )
    .bind(now())
    .bind(STAFF_LIFETIME_SECS)
    .bind(TABLET_LIFETIME_SECS)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected())
}
