//! The command line's staff accounts: `user add`, `deactivate`, `reactivate`, `set-role` and
//! `reset-password`.

use std::io::Read;
use std::process::ExitCode;

use app::db::{users, Db};
use app::domain::credentials::NewPassword;
use app::domain::participant::{Email, PersonName};
use app::domain::role::Role;

use crate::cli::{fail, open, option, usage_error};
use crate::config::Config;

/// The password for `user add`: typed without echo when stdin is a terminal (one line), or
/// read whole from a pipe.
fn read_password() -> std::io::Result<String> {
    use std::io::IsTerminal;
    use std::process::{Command, Stdio};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let mut input = String::new();
        stdin.lock().read_to_string(&mut input)?;
        return Ok(input);
    }
    let stty = |arg: &str| {
        Command::new("stty")
            .arg(arg)
            .stdin(Stdio::inherit())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    };
    eprint!("Password (not shown): ");
    let hidden = stty("-echo");
    let mut input = String::new();
    let read = stdin.read_line(&mut input);
    if hidden {
        stty("echo");
    }
    eprintln!();
    read.map(|_| input)
}

pub(crate) async fn user_add(config: &Config, args: &[&str]) -> ExitCode {
    let (Some(role), Some(email), Some(name)) = (
        option(args, "--role"),
        option(args, "--email"),
        option(args, "--name"),
    ) else {
        return usage_error("user add needs --role, --email and --name");
    };
    let role = match Role::parse(role) {
        Ok(r) => r,
        Err(e) => return usage_error(&e.to_string()),
    };
    let email = match Email::parse(email) {
        Ok(e) => e,
        Err(p) => return usage_error(&format!("--email: {p}")),
    };
    let name = match PersonName::parse(name) {
        Ok(n) => n,
        Err(p) => return usage_error(&format!("--name: {p}")),
    };
    let input = match read_password() {
        Ok(input) => input,
        Err(e) => return fail(&format!("reading the password from stdin: {e}")),
    };
    let password = match NewPassword::parse(input.trim_end_matches(['\n', '\r'])) {
        Ok(p) => p,
        Err(p) => return fail(&format!("password: {p}")),
    };
    let db = match open(config).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    let hash = match app::auth::password::hash(password.expose().to_owned()).await {
        Ok(h) => h,
        Err(e) => return fail(&e),
    };
    match users::create(
        &db,
        email.as_str(),
        name.as_str(),
        role,
        &users::PasswordHash(hash),
    )
    .await
    {
        Ok(id) => {
            eprintln!("added {} {} (id {id})", role.as_str(), email.as_str());
            ExitCode::SUCCESS
        }
        Err(app::db::DbError::Conflict(_)) => fail(&format!(
            "a user with e-mail {} exists already",
            email.as_str()
        )),
        Err(e) => fail(&e.to_string()),
    }
}

/// `server user deactivate|reactivate EMAIL`, `server user set-role EMAIL ROLE`: the account's
/// sessions end; the last active coordinator is never removed.
/// The database and the staff account with `email` (any case), or the exit of a failure.
async fn account(config: &Config, email: &str) -> Result<(Db, app::dto::StaffUser), ExitCode> {
    let db = open(config).await?;
    match users::find_by_email(&db, &email.trim().to_lowercase()).await {
        Ok(Some(u)) => Ok((db, u)),
        Ok(None) => Err(fail(&format!("no staff account has the e-mail {email}"))),
        Err(e) => Err(fail(&e.to_string())),
    }
}

pub(crate) async fn user_standing(
    config: &Config,
    email: &str,
    active: Option<bool>,
    role: Option<Role>,
) -> ExitCode {
    let (db, user) = match account(config, email).await {
        Ok(found) => found,
        Err(code) => return code,
    };
    let active = active.unwrap_or(user.active);
    let role = role.unwrap_or(user.role);
    match users::set_standing(&db, user.id, active, role).await {
        Ok(u) => {
            let standing = if u.active { "active" } else { "deactivated" };
            eprintln!("{} is {standing}, {}", u.email, u.role.as_str());
            ExitCode::SUCCESS
        }
        Err(app::db::DbError::Conflict(p)) => fail(&p.problem.to_string()),
        Err(e) => fail(&e.to_string()),
    }
}

/// `server user reset-password EMAIL`: a one-time password on stdout (nothing else there), to
/// be changed at the next sign-in; the account's sessions end.
pub(crate) async fn user_reset_password(config: &Config, email: &str) -> ExitCode {
    let (db, user) = match account(config, email).await {
        Ok(found) => found,
        Err(code) => return code,
    };
    let otp = app::auth::password::one_time_password();
    let hash = match app::auth::password::hash(otp.expose().to_owned()).await {
        Ok(h) => h,
        Err(e) => return fail(&e),
    };
    match users::reset_password(&db, user.id, &users::PasswordHash(hash)).await {
        Ok(u) => {
            println!("{}", otp.expose());
            eprintln!(
                "{}: one-time password set; it must be changed at the next sign-in{}",
                u.email,
                if u.active {
                    ""
                } else {
                    " (the account is deactivated)"
                }
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}
