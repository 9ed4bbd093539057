//! The command line of data protection (issue 17): one person's data as a ZIP, erasure, and
//! the retention job. Every command is logged as the operator's.

use std::process::ExitCode;

use app::db::Db;
use app::domain::access_log::{AccessEvent, Actor, NewAccess};
use app::domain::erasure::ErasureReason;
use app::domain::ids::ParticipantId;
use app::privacy::service;

use crate::cli::{fail, open, usage_error};
use crate::config::Config;

/// The server's session secret (it keys the stored sign-in counts), as the server uses it.
async fn secret(config: &Config, db: &Db) -> Result<String, ExitCode> {
    match &config.session_secret {
        Some(s) => Ok(s.clone()),
        None => {
            app::db::settings::get_or_insert(db, "session_secret", app::auth::session::new_token)
                .await
                .map_err(|e| fail(&e.to_string()))
        }
    }
}

async fn participant(db: &Db, reference: &str) -> Result<ParticipantId, ExitCode> {
    match app::db::participants::id_by_ref(db, reference).await {
        Ok(Some(id)) => Ok(id),
        Ok(None) => Err(fail(&format!("no participant {reference:?}"))),
        Err(e) => Err(fail(&e.to_string())),
    }
}

async fn log(db: &Db, entry: NewAccess) -> Result<(), ExitCode> {
    app::db::access_log::record(db, app::db::now(), &entry)
        .await
        .map_err(|e| fail(&format!("writing the access log failed: {e}")))
}

/// `server person export REF DIR`: writes `DIR/REF-uppgifter.zip`.
pub async fn person_export(config: &Config, reference: &str, dir: &str) -> ExitCode {
    let db = match open(config).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    let id = match participant(&db, reference).await {
        Ok(id) => id,
        Err(code) => return code,
    };
    let archive = match service::archive(&db, id, app::state::clock::now()).await {
        Ok(a) => a,
        Err(e) => return fail(&e.to_string()),
    };
    let path = std::path::Path::new(dir).join(&archive.file_name);
    if let Err(e) =
        std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, &archive.bytes))
    {
        return fail(&format!("{}: {e}", path.display()));
    }
    let entry = NewAccess::new(Actor::Operator, AccessEvent::Download, "person.zip")
        .about(id)
        .rows(archive.rows);
    if let Err(code) = log(&db, entry).await {
        return code;
    }
    eprintln!("{}: {} rows of data", path.display(), archive.rows);
    ExitCode::SUCCESS
}

/// `server person erase REF [--open]`: erases one participant; `--open` is needed when the
/// introduction is still open.
pub async fn person_erase(config: &Config, reference: &str, rest: &[&str]) -> ExitCode {
    let open_anyway = match rest {
        [] => false,
        ["--open"] => true,
        _ => return usage_error("person erase takes REF and optionally --open"),
    };
    let db = match open(config).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    let id = match participant(&db, reference).await {
        Ok(id) => id,
        Err(code) => return code,
    };
    let secret = match secret(config, &db).await {
        Ok(s) => s,
        Err(code) => return code,
    };
    let request = service::EraseRequest {
        participant: id,
        typed_reference: reference.to_owned(),
        open_anyway,
        reason: ErasureReason::Request,
    };
    match service::erase(&db, &secret, &request, app::state::clock::today()).await {
        Ok(Some(erased)) => {
            let rows = i64::try_from(erased.rows_deleted).unwrap_or(i64::MAX);
            let entry = NewAccess::new(Actor::Operator, AccessEvent::Erase, "request")
                .about(id)
                .rows(rows);
            if let Err(code) = log(&db, entry).await {
                return code;
            }
            eprintln!(
                "{reference} erased: {} rows deleted; statistical record {}",
                erased.rows_deleted,
                app::domain::erasure::pseudonym(erased.record)
            );
            ExitCode::SUCCESS
        }
        Ok(None) => {
            eprintln!("{reference}: already erased, nothing to do");
            ExitCode::SUCCESS
        }
        Err(app::error::AppError::Invalid(_)) => fail(&format!(
            "{reference}: the introduction is still open; add --open to erase anyway"
        )),
        Err(e) => fail(&e.to_string()),
    }
}

/// `server retention apply [--dry-run]`: erases (or lists) every participant whose
/// introduction ended longer ago than `retention_years`.
pub async fn retention_apply(config: &Config, rest: &[&str]) -> ExitCode {
    let dry_run = match rest {
        [] => false,
        ["--dry-run"] => true,
        _ => return usage_error("retention apply takes only --dry-run"),
    };
    let db = match open(config).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    let today = app::state::clock::today();
    match service::retention_years(&db, today).await {
        Ok(Some(years)) => eprintln!(
            "retention: {years} years; ended before {}",
            years.cutoff(today)
        ),
        Ok(None) => {
            eprintln!(
                "no retention time set (server setting retention_years YEARS): nothing to do"
            );
            return ExitCode::SUCCESS;
        }
        Err(e) => return fail(&e.to_string()),
    }
    let secret = match secret(config, &db).await {
        Ok(s) => s,
        Err(code) => return code,
    };
    let done = match service::apply_retention(&db, &secret, today, dry_run).await {
        Ok(done) => done,
        Err(e) => return fail(&e.to_string()),
    };
    for (due, erased) in &done {
        match erased {
            Some(e) => {
                let rows = i64::try_from(e.rows_deleted).unwrap_or(i64::MAX);
                let entry = NewAccess::new(Actor::Operator, AccessEvent::Erase, "retention")
                    .about(due.id)
                    .rows(rows);
                if let Err(code) = log(&db, entry).await {
                    return code;
                }
                eprintln!(
                    "{} (ended {}): erased, {} rows",
                    due.participant_ref, due.end_date, e.rows_deleted
                );
            }
            None => eprintln!("{} (ended {}): due", due.participant_ref, due.end_date),
        }
    }
    eprintln!(
        "{} participants {}",
        done.len(),
        if dry_run {
            "due (dry run: nothing erased)"
        } else {
            "erased"
        }
    );
    ExitCode::SUCCESS
}
