//! Change versions (issue 18): triggers move a participant's number on at every write to what
//! the staff's pages show of them, and participant 0's at every change of the programme's own
//! settings. A page keeps what it computed for as long as the numbers it was computed from
//! stay the same.

use super::{col, Db, DbError};
use crate::domain::ids::{ParticipantId, UserId};

/// The fingerprint of everything a mentor's start page shows: the participants the mentor
/// has (of any status) with each one's change version, and the programme's. It changes
/// whenever one of those participants' data changes, one is given to or taken from the
/// mentor, or the programme's settings change; one indexed query.
pub async fn mentor_fingerprint(db: &Db, mentor: UserId) -> Result<u64, DbError> {
    use std::hash::{Hash, Hasher};
    let rows = sqlx::query(
        "SELECT p.id, COALESCE(v.version, 0) AS version FROM participants p \
         LEFT JOIN participant_versions v ON v.participant_id = p.id WHERE p.mentor_id = $1 \
         UNION ALL SELECT 0, COALESCE((SELECT version FROM participant_versions \
         WHERE participant_id = 0), 0) ORDER BY 1",
    )
    .bind(mentor.0)
    .fetch_all(&db.pool)
    .await?;
    let mut h = std::hash::DefaultHasher::new();
    for r in &rows {
        let id: i64 = col(r, "id")?;
        let version: i64 = col(r, "version")?;
        (id, version).hash(&mut h);
    }
    Ok(h.finish())
}

/// The fingerprint of everything the staff's page of `participant` shows: that participant's
/// change version and the programme's. One read of at most two rows by their key.
pub async fn participant_fingerprint(db: &Db, participant: ParticipantId) -> Result<u64, DbError> {
    use std::hash::{Hash, Hasher};
    let rows = sqlx::query(
        "SELECT participant_id, version FROM participant_versions \
         WHERE participant_id = $1 OR participant_id = 0 ORDER BY participant_id",
    )
    .bind(participant.0)
    .fetch_all(&db.pool)
    .await?;
    let mut h = std::hash::DefaultHasher::new();
    participant.0.hash(&mut h);
    for r in &rows {
        let id: i64 = col(r, "participant_id")?;
        let version: i64 = col(r, "version")?;
        (id, version).hash(&mut h);
    }
    Ok(h.finish())
}
