//! Staff accounts.

use sqlx::any::AnyRow;

use super::{col, conflict_on, now, parse_col, Db, DbError};
use crate::domain::ids::UserId;
use crate::domain::role::Role;
pub use crate::dto::StaffUser;

/// The stored argon2id hash of a password. Deliberately not `Serialize`: it never leaves the server.
#[derive(Clone)]
pub struct PasswordHash(pub String);

fn staff_from_row(row: &AnyRow) -> Result<StaffUser, DbError> {
    let role: String = col(row, "role")?;
    Ok(StaffUser {
        id: UserId(col(row, "id")?),
        email: col(row, "email")?,
        display_name: col(row, "display_name")?,
        role: parse_col(Role::parse(&role), "role")?,
        active: col::<i64>(row, "active")? == 1,
        must_change_password: col::<i64>(row, "must_change_password")? == 1,
    })
}

const COLUMNS: &str = "id, email, display_name, role, active, must_change_password";

/// Creates a staff account; an e-mail already in use is a conflict on `email`.
pub async fn create(
    db: &Db,
    email: &str,
    display_name: &str,
    role: Role,
    hash: &PasswordHash,
) -> Result<UserId, DbError> {
    insert(db, email, display_name, role, hash, false).await
}

/// Creates a staff account whose first password someone else chose: its owner must change it
/// at the first sign-in.
pub async fn create_with_first_password(
    db: &Db,
    email: &str,
    display_name: &str,
    role: Role,
    hash: &PasswordHash,
) -> Result<UserId, DbError> {
    insert(db, email, display_name, role, hash, true).await
}

async fn insert(
    db: &Db,
    email: &str,
    display_name: &str,
    role: Role,
    hash: &PasswordHash,
    must_change: bool,
) -> Result<UserId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, display_name, role, password_hash, active, created_at, \
         must_change_password) VALUES ($1, $2, $3, $4, 1, $5, $6) RETURNING id",
    )
    .bind(email)
    .bind(display_name)
    .bind(role.as_str())
    .bind(&hash.0)
    .bind(now())
    .bind(i64::from(must_change))
    .fetch_one(&db.pool)
    .await
    .map_err(conflict_on("email", email))?;
    Ok(UserId(id))
}

/// Replaces a user's password hash.
pub async fn set_password(db: &Db, id: UserId, hash: &PasswordHash) -> Result<(), DbError> {
    let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(&hash.0)
        .bind(id.0)
        .execute(&db.pool)
        .await?;
    if done.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

/// Sets a one-time password chosen by a coordinator (or the operator): it must be changed at
/// the next sign-in, and every session of the account ends now.
pub async fn reset_password(
    db: &Db,
    id: UserId,
    hash: &PasswordHash,
) -> Result<StaffUser, DbError> {
    let mut tx = db.begin().await?;
    store_password(&mut tx, id, hash, true, None).await?;
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE id = $1"))
        .bind(id.0)
        .fetch_one(&mut *tx)
        .await?;
    let user = staff_from_row(&row)?;
    tx.commit().await?;
    Ok(user)
}

/// The owner's own new password: no longer one to change, and every other session of the
/// account (`keep` is the stored hash of the session that changed it) ends now.
pub async fn change_own_password(
    db: &Db,
    id: UserId,
    hash: &PasswordHash,
    keep: &str,
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    store_password(&mut tx, id, hash, false, Some(keep)).await?;
    tx.commit().await?;
    Ok(())
}

/// Stores a new password hash of `id` (one to change at the next sign-in when `must_change`)
/// and ends the account's sessions but `keep` (a session's token hash).
async fn store_password(
    tx: &mut super::Tx,
    id: UserId,
    hash: &PasswordHash,
    must_change: bool,
    keep: Option<&str>,
) -> Result<(), DbError> {
    let done =
        sqlx::query("UPDATE users SET password_hash = $1, must_change_password = $2 WHERE id = $3")
            .bind(&hash.0)
            .bind(i64::from(must_change))
            .bind(id.0)
            .execute(&mut **tx)
            .await?;
    if done.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(id.0)
        .bind(keep.unwrap_or(""))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The stored hash of an active account's password, by id.
pub async fn password_hash(db: &Db, id: UserId) -> Result<PasswordHash, DbError> {
    let hash: Option<String> =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1 AND active = 1")
            .bind(id.0)
            .fetch_optional(&db.pool)
            .await?;
    hash.map(PasswordHash).ok_or(DbError::NotFound)
}

/// An active user with their hash, by e-mail (for sign-in).
pub async fn find_for_sign_in(
    db: &Db,
    email: &str,
) -> Result<Option<(StaffUser, PasswordHash)>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS}, password_hash FROM users WHERE email = $1 AND active = 1"
    ))
    .bind(email)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| Ok((staff_from_row(&r)?, PasswordHash(col(&r, "password_hash")?))))
        .transpose()
}

/// One user by id.
pub async fn get(db: &Db, id: UserId) -> Result<StaffUser, DbError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(DbError::NotFound)?;
    staff_from_row(&row)
}

/// One user by e-mail.
pub async fn find_by_email(db: &Db, email: &str) -> Result<Option<StaffUser>, DbError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE email = $1"))
        .bind(email)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(staff_from_row).transpose()
}

/// All staff, optionally of one role, by name.
pub async fn list(db: &Db, role: Option<Role>) -> Result<Vec<StaffUser>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM users WHERE ($1 = '' OR role = $1) ORDER BY display_name, email"
    ))
    .bind(role.map(Role::as_str).unwrap_or(""))
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(staff_from_row).collect()
}

/// Number of staff accounts (0 on a fresh database).
pub async fn count(db: &Db) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&db.pool)
        .await?)
}

/// Changes a staff account's standing (active or not) and role at once, ending its sessions
/// when either changes. Refused as a conflict when no active coordinator would remain.
pub async fn set_standing(
    db: &Db,
    id: UserId,
    active: bool,
    role: Role,
) -> Result<StaffUser, DbError> {
    use crate::domain::problem::{FieldProblem, Problem};
    let mut tx = db.begin().await?;
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(DbError::NotFound)?;
    let before = staff_from_row(&row)?;
    if before.active == active && before.role == role {
        return Ok(before);
    }
    sqlx::query("UPDATE users SET active = $1, role = $2 WHERE id = $3")
        .bind(i64::from(active))
        .bind(role.as_str())
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    let coordinators: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = 'coordinator' AND active = 1")
            .fetch_one(&mut *tx)
            .await?;
    if coordinators == 0 {
        tx.rollback().await?;
        let field = if active { "role" } else { "active" };
        return Err(DbError::Conflict(FieldProblem::new(
            field,
            before.email,
            Problem::LastCoordinator,
        )));
    }
    // Whoever was signed in with the old standing signs in again (or no longer can).
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(StaffUser {
        active,
        role,
        ..before
    })
}
