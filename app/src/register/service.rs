//! The register's services: plain async functions that parse what was submitted into domain
//! types, apply the domain's rules and call the database. The server functions in `api`
//! decide who may call them.

use super::api::{Home, ParticipantFilter};
use crate::db::Db;
use crate::domain::problem::FieldProblem;
use crate::domain::role::Principal;
use crate::error::AppError;

/// What `who`'s start page shows: counts for a coordinator, a mentor's active participants,
/// a teacher's groups.
pub async fn home(db: &Db, who: Principal) -> Result<Home, AppError> {
    use crate::db::{self, participants::Scope};
    use crate::domain::role::Role;
    use crate::domain::status::ParticipantStatus;
    match who {
        Principal::Staff {
            role: Role::Coordinator,
            ..
        } => {
            let counts = db::participants::count_by_status(db).await?;
            let n =
                |s: ParticipantStatus| counts.iter().find(|(k, _)| *k == s).map_or(0, |(_, n)| *n);
            Ok(Home::Coordinator {
                active: n(ParticipantStatus::Active),
                completed: n(ParticipantStatus::Completed),
                left_early: n(ParticipantStatus::LeftEarly),
                schools: i64::try_from(db::schools::list(db).await?.len()).unwrap_or(0),
            })
        }
        Principal::Staff {
            role: Role::Mentor,
            user,
        } => {
            let filter = ParticipantFilter {
                status: Some(ParticipantStatus::Active),
                page: 1,
                ..Default::default()
            };
            let page = db::participants::list(db, Scope::MentorOf(user), &filter).await?;
            Ok(Home::Mentor(page.items))
        }
        Principal::Staff {
            role: Role::Teacher,
            user,
        } => Ok(Home::Teacher(db::groups::list(db, Some(user)).await?)),
        Principal::Participant(_) => Err(AppError::Forbidden),
    }
}

/// Parses and creates a staff account; every invalid field is reported at once.
pub async fn create_staff(
    db: &Db,
    email: String,
    display_name: String,
    role: String,
    password: String,
) -> Result<(), AppError> {
    use crate::domain::credentials::NewPassword;
    use crate::domain::participant::{Email, PersonName};
    use crate::domain::problem::Problem;
    use crate::domain::role::Role;
    let mut problems = vec![];
    let mut check = |field: &str, value: &str, r: Result<(), Problem>| {
        if let Err(problem) = r {
            problems.push(FieldProblem::new(field.to_owned(), value, problem));
        }
    };
    let e = Email::parse(&email);
    check(
        "email",
        &email,
        e.as_ref().map(|_| ()).map_err(Clone::clone),
    );
    let n = PersonName::parse(&display_name);
    check(
        "display_name",
        &display_name,
        n.as_ref().map(|_| ()).map_err(Clone::clone),
    );
    let r = Role::parse(&role).map_err(|_| Problem::NotOneOf {
        allowed: "coordinator, teacher, mentor".into(),
    });
    check("role", &role, r.as_ref().map(|_| ()).map_err(Clone::clone));
    let p = NewPassword::parse(&password);
    check("password", "", p.as_ref().map(|_| ()).map_err(Clone::clone));
    let (Ok(e), Ok(n), Ok(r), Ok(p)) = (e, n, r, p) else {
        return Err(AppError::Invalid(problems));
    };
    let hash = crate::auth::password::hash(p.expose().to_owned())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "hashing a password failed");
            AppError::Internal
        })?;
    // The coordinator chose this first password: its owner changes it at the first sign-in.
    crate::db::users::create_with_first_password(
        db,
        e.as_str(),
        n.as_str(),
        r,
        &crate::db::users::PasswordHash(hash),
    )
    .await?;
    Ok(())
}

/// A new one-time password for `user` (not `who`'s own account), stored hashed; answered once.
pub async fn reset_staff_password(
    db: &Db,
    who: &crate::domain::role::Principal,
    user: crate::domain::ids::UserId,
) -> Result<crate::dto::OneTimePassword, AppError> {
    use crate::domain::problem::Problem;
    use crate::domain::role::Principal;
    if matches!(who, Principal::Staff { user: me, .. } if *me == user) {
        return Err(AppError::field("user", "", Problem::OwnAccount));
    }
    let otp = crate::auth::password::one_time_password();
    let hash = crate::auth::password::hash(otp.expose().to_owned())
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "hashing a password failed");
            AppError::Internal
        })?;
    let account =
        crate::db::users::reset_password(db, user, &crate::db::users::PasswordHash(hash)).await?;
    tracing::info!(
        user = account.id.0,
        "one-time password set by a coordinator"
    );
    Ok(crate::dto::OneTimePassword {
        email: account.email,
        password: otp.expose().to_owned(),
    })
}

/// Sets a staff account's standing (active or not) and role; a coordinator never changes their
/// own (so the programme is never left without the one who could undo it).
pub async fn set_staff_standing(
    db: &Db,
    who: &crate::domain::role::Principal,
    user: crate::domain::ids::UserId,
    active: bool,
    role: &str,
) -> Result<crate::dto::StaffUser, AppError> {
    use crate::domain::problem::Problem;
    use crate::domain::role::{Principal, Role};
    let role = Role::parse(role).map_err(|_| {
        AppError::field(
            "role",
            role,
            Problem::NotOneOf {
                allowed: "coordinator, teacher, mentor".into(),
            },
        )
    })?;
    if matches!(who, Principal::Staff { user: me, .. } if *me == user) {
        return Err(AppError::field("active", "", Problem::OwnAccount));
    }
    Ok(crate::db::users::set_standing(db, user, active, role).await?)
}
