//! Teaching groups: a teacher's set of participants, managed by coordinators.

use super::{col, conflict_on, now, Db, DbError};
use crate::domain::ids::{GroupId, ParticipantId, UserId};
pub use crate::dto::{Group, Member};

const GROUP_SELECT: &str = "SELECT g.id, g.name, g.teacher_id, u.display_name AS teacher_name, \
    (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) AS members \
    FROM teaching_groups g JOIN users u ON u.id = g.teacher_id";

fn group_from_row(r: &sqlx::any::AnyRow) -> Result<Group, DbError> {
    Ok(Group {
        id: GroupId(col(r, "id")?),
        name: col(r, "name")?,
        teacher_id: UserId(col(r, "teacher_id")?),
        teacher_name: col(r, "teacher_name")?,
        members: col(r, "members")?,
    })
}

/// Groups, all or of one teacher, by name.
pub async fn list(db: &Db, teacher: Option<UserId>) -> Result<Vec<Group>, DbError> {
    let rows = sqlx::query(&format!(
        "{GROUP_SELECT} WHERE ($1 = 0 OR g.teacher_id = $1) ORDER BY g.name"
    ))
    .bind(teacher.map_or(0, |t| t.0))
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(group_from_row).collect()
}

/// One group.
pub async fn get(db: &Db, id: GroupId) -> Result<Group, DbError> {
    let row = sqlx::query(&format!("{GROUP_SELECT} WHERE g.id = $1"))
        .bind(id.0)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(DbError::NotFound)?;
    group_from_row(&row)
}

/// Creates a group for a teacher; a name in use is a conflict on `name`.
pub async fn create(db: &Db, name: &str, teacher: UserId) -> Result<GroupId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO teaching_groups (name, teacher_id, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(name)
    .bind(teacher.0)
    .bind(now())
    .fetch_one(&db.pool)
    .await
    .map_err(conflict_on("name", name))?;
    Ok(GroupId(id))
}

/// Members of a group by name.
pub async fn members(db: &Db, id: GroupId) -> Result<Vec<Member>, DbError> {
    let rows = sqlx::query(
        "SELECT p.id, p.participant_ref, p.given_name, p.family_name FROM group_members m \
         JOIN participants p ON p.id = m.participant_id WHERE m.group_id = $1 \
         ORDER BY p.family_name, p.given_name",
    )
    .bind(id.0)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let given: String = col(r, "given_name")?;
            let family: String = col(r, "family_name")?;
            Ok(Member {
                id: ParticipantId(col(r, "id")?),
                participant_ref: col(r, "participant_ref")?,
                name: format!("{given} {family}"),
            })
        })
        .collect()
}

/// Adds a participant to a group (no-op if already a member).
pub async fn add_member(db: &Db, id: GroupId, participant: ParticipantId) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO group_members (group_id, participant_id) VALUES ($1, $2) \
         ON CONFLICT (group_id, participant_id) DO NOTHING",
    )
    .bind(id.0)
    .bind(participant.0)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Removes a participant from a group.
pub async fn remove_member(
    db: &Db,
    id: GroupId,
    participant: ParticipantId,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM group_members WHERE group_id = $1 AND participant_id = $2")
        .bind(id.0)
        .bind(participant.0)
        .execute(&db.pool)
        .await?;
    Ok(())
}
