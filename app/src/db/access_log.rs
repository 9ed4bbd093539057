//! The access log's table (append-only: triggers on both engines refuse changes and removals).

use sqlx::any::AnyRow;

use super::{col, Db, DbError};
use crate::domain::access_log::{AccessEntry, AccessEvent, Actor, LogSubject, NewAccess};
use crate::domain::ids::{ParticipantId, UserId};
use crate::domain::role::Role;

/// Writes one event at `at` (Unix seconds).
pub async fn record(db: &Db, at: i64, entry: &NewAccess) -> Result<(), DbError> {
    record_all(db, at, std::slice::from_ref(entry)).await
}

/// Writes `entries` at `at` (Unix seconds) in one statement: all or none.
pub async fn record_all(db: &Db, at: i64, entries: &[NewAccess]) -> Result<(), DbError> {
    const COLUMNS: usize = 9;
    if entries.is_empty() {
        return Ok(());
    }
    let values = (0..entries.len())
        .map(|row| {
            let marks = (1..=COLUMNS)
                .map(|c| format!("${}", row * COLUMNS + c))
                .collect::<Vec<_>>();
            format!("({})", marks.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "INSERT INTO access_log (at, actor_user_id, actor_participant_id, actor_role, event, \
         what, participant_id, row_count, address) VALUES {values}"
    );
    let mut query = sqlx::query(&sql);
    for entry in entries {
        let (user, participant_actor, role) = match entry.actor {
            Actor::Staff { user, role } => (Some(user.0), None, Some(role.as_str())),
            Actor::Participant(p) => (None, Some(p.0), Some("participant")),
            Actor::Operator => (None, None, Some("operator")),
            Actor::Nobody => (None, None, None),
        };
        query = query
            .bind(at)
            .bind(user)
            .bind(participant_actor)
            .bind(role)
            .bind(entry.event.as_str())
            .bind(entry.what.clone())
            .bind(entry.participant.map(|p| p.0))
            .bind(entry.rows)
            .bind(entry.address.clone());
    }
    query.execute(&db.pool).await?;
    Ok(())
}

const ENTRY_SELECT: &str = "SELECT l.at, l.actor_user_id, l.actor_participant_id, l.actor_role, \
     l.event, l.what, l.participant_id, l.row_count, l.address, u.display_name AS user_name, \
     a.given_name AS actor_given, a.family_name AS actor_family, \
     p.participant_ref, p.given_name, p.family_name \
     FROM access_log l \
     LEFT JOIN users u ON u.id = l.actor_user_id \
     LEFT JOIN participants a ON a.id = l.actor_participant_id \
     LEFT JOIN participants p ON p.id = l.participant_id";

/// The events of `subject` with `from <= at < to` (Unix seconds), newest first, at most
/// `limit`.
pub async fn list(
    db: &Db,
    subject: LogSubject,
    from: i64,
    to: i64,
    limit: i64,
) -> Result<Vec<AccessEntry>, DbError> {
    let (filter, id) = match subject {
        LogSubject::Participant(p) => (" AND l.participant_id = $4", Some(p.0)),
        LogSubject::Staff(u) => (" AND l.actor_user_id = $4", Some(u.0)),
        LogSubject::All => ("", None),
    };
    let sql = format!(
        "{ENTRY_SELECT} WHERE l.at >= $1 AND l.at < $2{filter} ORDER BY l.at DESC, l.id DESC \
         LIMIT $3"
    );
    let mut query = sqlx::query(&sql).bind(from).bind(to).bind(limit);
    if let Some(id) = id {
        query = query.bind(id);
    }
    let rows = query.fetch_all(&db.pool).await?;
    rows.iter().map(entry).collect()
}

fn entry(r: &AnyRow) -> Result<AccessEntry, DbError> {
    let role: Option<String> = col(r, "actor_role")?;
    let user: Option<i64> = col(r, "actor_user_id")?;
    let participant_actor: Option<i64> = col(r, "actor_participant_id")?;
    let actor = match (user, participant_actor, role.as_deref().map(Role::parse)) {
        (Some(u), _, Some(Ok(role))) => Actor::Staff {
            user: UserId(u),
            role,
        },
        (None, Some(p), _) => Actor::Participant(ParticipantId(p)),
        (None, None, _) if role.as_deref() == Some("operator") => Actor::Operator,
        _ => Actor::Nobody,
    };
    let event: String = col(r, "event")?;
    let event = AccessEvent::parse(&event)
        .ok_or_else(|| DbError::Other(format!("unknown access event {event:?}")))?;
    let full = |given: Option<String>, family: Option<String>| match (given, family) {
        (Some(g), Some(f)) => Some(format!("{g} {f}")),
        _ => None,
    };
    let actor_name = match actor {
        Actor::Staff { .. } => col(r, "user_name")?,
        Actor::Participant(_) => full(col(r, "actor_given")?, col(r, "actor_family")?),
        Actor::Operator | Actor::Nobody => None,
    };
    let reference: Option<String> = col(r, "participant_ref")?;
    let name = full(col(r, "given_name")?, col(r, "family_name")?);
    let participant_label = match (reference, name) {
        (Some(reference), Some(name)) => Some(format!("{reference} {name}")),
        _ => None,
    };
    Ok(AccessEntry {
        at: col(r, "at")?,
        actor,
        actor_name,
        event,
        what: col(r, "what")?,
        participant: col::<Option<i64>>(r, "participant_id")?.map(ParticipantId),
        participant_label,
        rows: col(r, "row_count")?,
        address: col(r, "address")?,
    })
}

/// When staff of each role read `participant`'s record (Unix seconds and role), newest
/// first, at most `limit` rows: what the participant may see of the log.
pub async fn staff_reads_of(
    db: &Db,
    participant: ParticipantId,
    limit: i64,
) -> Result<Vec<(i64, Role)>, DbError> {
    let rows = sqlx::query(
        "SELECT at, actor_role FROM access_log WHERE participant_id = $1 AND event = 'read' \
         AND actor_user_id IS NOT NULL ORDER BY at DESC, id DESC LIMIT $2",
    )
    .bind(participant.0)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let role: String = col(r, "actor_role")?;
        if let Ok(role) = Role::parse(&role) {
            out.push((col(r, "at")?, role));
        }
    }
    Ok(out)
}
