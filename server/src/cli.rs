//! The command line of FORMATS.md: serve, migrate, user add, import, export.

use std::io::Write;
use std::process::ExitCode;

use app::db::Db;
use app::domain::role::Role;

use crate::config::Config;
use crate::startup;

const USAGE: &str = "\
usage:
  server [serve]                     serve the app (DEMO_DATA=1 loads demo data into an empty database)
  server migrate                     create or update the database schema
  server user add --role coordinator|teacher|mentor --email E --name N   (password on stdin; typed unseen on a terminal)
  server user deactivate|reactivate EMAIL   an account that may not (or may again) sign in
  server user set-role EMAIL ROLE    coordinator, teacher or mentor; ends the account's sessions
  server user reset-password EMAIL   prints a one-time password (stdout) to be changed at the next
                                     sign-in; ends the account's sessions
  server setting cefr_threshold VALUE [--from DATE]   share of \"I can do this\" a level needs, e.g. 80% or 4/5
  server setting weekly_minimum MINUTES [--from DATE] teaching (and self-study) minutes per week, default 300
                                        a setting takes effect from DATE (default today, Stockholm);
                                        earlier weeks keep the value in force then
  server import KIND FILE [--dry-run]   KIND: participants, sfi-results, assessments, teaching, absences, calendar,
                                     outcomes; exit 1 with the row report on stderr
  server export KIND                 KIND: participants, sfi-results, assessments, teaching, absences, calendar,
                                     outcomes; CSV on stdout
  server export compliance [--from 2026-W01 --to 2026-W12]   default: the last twelve weeks
  server export indicators [--from DATE --to DATE] [--xlsx FILE]   participants whose start date lies in the range (--xlsx: the funders' workbook to FILE)
  server chart ladder PARTICIPANT_REF   the participant's language ladder as SVG on stdout
  server person export REF DIR       everything held about one participant as DIR/REF-uppgifter.zip
  server person erase REF [--open]   erases a participant (--open: even if the introduction is open),
                                     keeping a pseudonymous statistical record
  server clips import --language LANG DIR   recorded clips of the statements for LANG (so, ti, …): DIR holds
                                     one MP3 per statement named by it (L-PA1-1.mp3); all stored or none
  server setting retention_years YEARS   keep data YEARS (1-30) after an introduction ended
  server retention apply [--dry-run] erases everyone past the retention time (--dry-run: lists them)
  server assets compress DIR         writes the compressed forms of the built static files in DIR
                                     (the server does it at start when they are missing)
  server bench generate [--participants N] [--weeks W]   a synthetic city for the benchmark (empty database)
  server bench compliance            times the compliance export (one school and week; all, one term)
  server bench charts                times one ladder chart and one mentor's dashboard
environment: DATABASE_URL (default sqlite://data/spraktrappan.db), LISTEN_ADDR (default 127.0.0.1:3000)";

/// Runs the command in `args` (without the program name).
pub async fn run(args: Vec<String>) -> ExitCode {
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => return fail(&e.to_string()),
    };
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] | ["serve"] => match startup::serve(config).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e.to_string()),
        },
        ["migrate"] => match startup::open_database(&config).await {
            Ok(_) => {
                eprintln!("database is up to date");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e.to_string()),
        },
        ["user", "add", rest @ ..] => crate::cli_users::user_add(&config, rest).await,
        ["user", "deactivate", email] => {
            crate::cli_users::user_standing(&config, email, Some(false), None).await
        }
        ["user", "reactivate", email] => {
            crate::cli_users::user_standing(&config, email, Some(true), None).await
        }
        ["user", "set-role", email, role] => match Role::parse(role) {
            Ok(r) => crate::cli_users::user_standing(&config, email, None, Some(r)).await,
            Err(e) => usage_error(&e.to_string()),
        },
        ["user", "reset-password", email] => {
            crate::cli_users::user_reset_password(&config, email).await
        }
        ["setting", key, value] => setting(&config, key, value, None).await,
        ["setting", key, value, "--from", from] => setting(&config, key, value, Some(from)).await,
        ["import", kind, file, rest @ ..] => import(&config, kind, file, rest).await,
        ["export", kind, rest @ ..] => export(&config, kind, rest).await,
        ["bench", rest @ ..] => crate::bench::run(&config, rest).await,
        ["assets", "compress", dir] => {
            match crate::assets::Assets::write_compressed(std::path::Path::new(dir)) {
                Ok(n) => {
                    eprintln!("{dir}: {n} compressed files written");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&format!("{dir}: {e}")),
            }
        }
        ["chart", "ladder", reference] => chart_ladder(&config, reference).await,
        ["person", "export", reference, dir] => {
            crate::cli_privacy::person_export(&config, reference, dir).await
        }
        ["person", "erase", reference, rest @ ..] => {
            crate::cli_privacy::person_erase(&config, reference, rest).await
        }
        ["clips", "import", rest @ ..] => crate::cli_clips::import(&config, rest).await,
        ["retention", "apply", rest @ ..] => {
            crate::cli_privacy::retention_apply(&config, rest).await
        }
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

pub(crate) fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::FAILURE
}

pub(crate) fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}\n{USAGE}");
    ExitCode::from(2)
}

/// `--name value` pairs.
pub(crate) fn option<'a>(args: &[&'a str], name: &str) -> Option<&'a str> {
    args.windows(2).find(|w| w[0] == name).map(|w| w[1])
}

pub(crate) async fn open(config: &Config) -> Result<Db, ExitCode> {
    startup::open_database(config)
        .await
        .map_err(|e| fail(&e.to_string()))
}

/// A file to import: opened to be read as a stream, or read whole.
enum Input {
    Stream(
        std::io::BufReader<std::fs::File>,
        app::domain::csvfile::Encoding,
    ),
    Whole(Vec<u8>),
}

async fn import(config: &Config, kind: &str, file: &str, rest: &[&str]) -> ExitCode {
    let dry_run = match rest {
        [] => false,
        ["--dry-run"] => true,
        _ => return usage_error("import takes only --dry-run after the file"),
    };
    let Some(kind) = app::import::ImportKind::parse(kind) else {
        return usage_error(&format!(
            "unknown kind {kind:?} (this version imports: {})",
            app::import::ImportKind::names()
        ));
    };
    // The kinds that run to hundreds of thousands of rows and more are read as a stream (one
    // pass decides the encoding, a second imports), never whole; the others are read whole.
    let streamed = [
        app::import::ImportKind::Teaching,
        app::import::ImportKind::Participants,
    ];
    let input = if streamed.contains(&kind) {
        let open_file = || std::fs::File::open(file).map(std::io::BufReader::new);
        open_file()
            .and_then(app::domain::csvfile::Encoding::detect)
            .and_then(|encoding| Ok(Input::Stream(open_file()?, encoding)))
    } else {
        std::fs::read(file).map(Input::Whole)
    };
    let input = match input {
        Ok(input) => input,
        Err(e) => return fail(&format!("cannot read {file}: {e}")),
    };
    let db = match open(config).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    let who = app::db::participants::ChangeSource {
        source: "cli",
        by: None,
    };
    let now = app::state::clock::now();
    let report = match input {
        Input::Stream(reader, encoding) if kind == app::import::ImportKind::Participants => {
            app::import::participants::import_stream(
                &db,
                reader,
                encoding,
                now.date(),
                who,
                dry_run,
            )
            .await
        }
        Input::Stream(reader, encoding) => {
            app::import::teaching::import_stream(&db, reader, encoding, now, who.into(), dry_run)
                .await
        }
        Input::Whole(bytes) => {
            let text = app::domain::csvfile::decode(&bytes);
            app::import::run::import(&db, kind, &text, now, who, dry_run).await
        }
    };
    match report {
        Ok(report) if report.is_valid() => {
            let verb = if dry_run { "would create" } else { "created" };
            eprintln!(
                "{file}: {verb} {}, updated {}, unchanged {}{}",
                report.created,
                report.updated,
                report.unchanged,
                if dry_run {
                    " (dry run: nothing stored)"
                } else {
                    ""
                }
            );
            ExitCode::SUCCESS
        }
        Ok(report) => {
            for line in app::import::table::report_lines(&report) {
                eprintln!("{file}: {line}");
            }
            eprintln!("{file}: nothing was imported");
            ExitCode::FAILURE
        }
        Err(e) => fail(&e.to_string()),
    }
}

async fn export(config: &Config, kind: &str, rest: &[&str]) -> ExitCode {
    if kind == "compliance" {
        return export_compliance(config, rest).await;
    }
    if kind == "indicators" {
        return crate::cli_reports::export_indicators(config, rest).await;
    }
    if !rest.is_empty() {
        return usage_error(&format!("export {kind} takes no options"));
    }
    let Some(kind) = app::import::ImportKind::parse(kind) else {
        return usage_error(&format!(
            "unknown kind {kind:?} (this version exports: {}, compliance, indicators)",
            app::import::ImportKind::names()
        ));
    };
    let db = match open(config).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    let csv = app::import::run::export(&db, kind).await;
    match csv {
        Ok(csv) => {
            print!("{csv}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

/// `server setting KEY VALUE [--from DATE]`: the settings a programme may change, each from a
/// date on (default today in Stockholm); earlier dates keep the value in force then.
async fn setting(config: &Config, key: &str, value: &str, from: Option<&str>) -> ExitCode {
    let from = match from.map(app::domain::participant::parse_date) {
        None => app::state::clock::today(),
        Some(Ok(day)) => day,
        Some(Err(p)) => return fail(&format!("--from {p}")),
    };
    let value = match key {
        "cefr_threshold" => match app::domain::cefr::Threshold::parse(value) {
            Ok(t) => t.to_string(),
            Err(p) => return fail(&format!("cefr_threshold {value:?}: {p}")),
        },
        "weekly_minimum" => match app::domain::weeks::WeeklyMinimum::parse(value) {
            Ok(m) => m.minutes().to_string(),
            Err(p) => return fail(&format!("weekly_minimum {value:?}: {p}")),
        },
        "retention_years" => match app::domain::erasure::RetentionYears::parse(value) {
            Ok(y) => y.to_string(),
            Err(p) => return fail(&format!("retention_years {value:?}: {p}")),
        },
        _ => {
            return usage_error(&format!(
                "unknown setting {key:?} (known: cefr_threshold, weekly_minimum, retention_years)"
            ))
        }
    };
    let db = match open(config).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    match app::db::settings::set_from(&db, key, from, &value).await {
        Ok(()) => {
            eprintln!("{key} = {value} from {from}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

/// Standard output as the sink of an export that streams, with the first write error.
struct StdoutSink(std::io::Stdout, Option<std::io::Error>);

impl app::import::time::ExportSink for StdoutSink {
    async fn take(&mut self, part: String) -> bool {
        match self.0.write_all(part.as_bytes()) {
            Ok(()) => true,
            Err(e) => {
                self.1 = Some(e);
                false
            }
        }
    }
}

/// `server export compliance [--from W --to W]`.
async fn export_compliance(config: &Config, rest: &[&str]) -> ExitCode {
    use app::domain::weeks::IsoWeek;
    let allowed = rest
        .chunks(2)
        .all(|c| c.len() == 2 && (c[0] == "--from" || c[0] == "--to"));
    if !allowed {
        return usage_error(
            "export compliance takes --from WEEK and --to WEEK, e.g. --from 2026-W01 --to 2026-W12",
        );
    }
    let (default_from, default_to) = app::import::time::default_range(app::state::clock::today());
    let week = |name: &str, default: IsoWeek| match option(rest, name) {
        None => Ok(default),
        Some(s) => IsoWeek::parse(s).map_err(|p| format!("{name} {s:?}: {p}")),
    };
    let (from, to) = match (week("--from", default_from), week("--to", default_to)) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(e), _) | (_, Err(e)) => return usage_error(&e),
    };
    if to < from {
        return usage_error("--to must not be before --from");
    }
    let db = match open(config).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    // Written a page of participants at a time: memory stays the same for a whole country.
    let mut sink = StdoutSink(std::io::stdout(), None);
    let written = app::import::time::stream_compliance(
        &db,
        app::db::hours::Scope::All,
        (from, to),
        app::import::time::COMPLIANCE_PAGE,
        &mut sink,
    )
    .await;
    match (written, sink.1, sink.0.flush()) {
        (Err(e), _, _) => fail(&e.to_string()),
        (Ok(_), Some(e), _) | (Ok(_), None, Err(e)) => fail(&format!("standard output: {e}")),
        (Ok(_), None, Ok(())) => ExitCode::SUCCESS,
    }
}

/// `server chart ladder PARTICIPANT_REF`: the ladder as SVG on stdout (English labels).
async fn chart_ladder(config: &Config, reference: &str) -> ExitCode {
    let db = match open(config).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    let id = match app::db::participants::id_by_ref(&db, reference).await {
        Ok(Some(id)) => id,
        Ok(None) => return fail(&format!("no participant with the reference {reference:?}")),
        Err(e) => return fail(&e.to_string()),
    };
    let today = app::state::clock::today();
    match app::ladder::service::ladder_only(&db, id, app::i18n::Locale::En, today).await {
        Ok(svg) => {
            println!("{svg}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}
