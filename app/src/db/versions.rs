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
    Ok(mentor_fingerprint_and_locks(db, mentor, &[], 0).await?.0)
}

/// The most sign-in subjects [`mentor_fingerprint_and_locks`] reads the locks of.
pub const MAX_LOCK_SUBJECTS: usize = 500;

/// [`mentor_fingerprint`] and, read in the same statement, the sign-in locks among `subjects`
/// (at most [`MAX_LOCK_SUBJECTS`]) in force at `now`, with when each ends: one round trip for
/// what a kept start page must check on every request.
pub async fn mentor_fingerprint_and_locks(
    db: &Db,
    mentor: UserId,
    subjects: &[String],
    now: i64,
) -> Result<(u64, Vec<(String, i64)>), DbError> {
    use std::hash::{Hash, Hasher};
    if subjects.len() > MAX_LOCK_SUBJECTS {
        return Err(DbError::Other(format!(
            "{} sign-in subjects, at most {MAX_LOCK_SUBJECTS}",
            subjects.len()
        )));
    }
    let mut sql = String::from(
        "SELECT p.id AS id, COALESCE(v.version, 0) AS n, NULL AS subject FROM participants p \
         LEFT JOIN participant_versions v ON v.participant_id = p.id WHERE p.mentor_id = $1 \
         UNION ALL SELECT 0, COALESCE((SELECT version FROM participant_versions \
         WHERE participant_id = 0), 0), NULL",
    );
    if !subjects.is_empty() {
        let marks: Vec<String> = (0..subjects.len()).map(|i| format!("${}", i + 3)).collect();
        sql.push_str(&format!(
            " UNION ALL SELECT -1, locked_until, subject FROM sign_in_throttle \
             WHERE locked_until > $2 AND subject IN ({})",
            marks.join(", ")
        ));
    }
    sql.push_str(" ORDER BY 1");
    let mut query = sqlx::query(&sql).bind(mentor.0);
    if !subjects.is_empty() {
        query = query.bind(now);
        for s in subjects {
            query = query.bind(s.as_str());
        }
    }
    let rows = query.fetch_all(&db.pool).await?;
    let mut h = std::hash::DefaultHasher::new();
    let mut locks = vec![];
    for r in &rows {
        let id: i64 = col(r, "id")?;
        let n: i64 = col(r, "n")?;
        if id < 0 {
            let subject: Option<String> = col(r, "subject")?;
            locks.extend(subject.map(|s| (s, n)));
        } else {
            (id, n).hash(&mut h);
        }
    }
    Ok((h.finish(), locks))
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
