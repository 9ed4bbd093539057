//! The benchmark of issue 5: a generator for a realistic city and the timing of the
//! `compliance` export on it (`server bench generate`, `server bench compliance`).
//!
//! The generator writes straight into the tables with multi-row inserts of generated numbers
//! and dates only (no user input reaches the SQL text), skipping the version history that the
//! application writes for every change: it builds a fixture, not a record of anyone's work.

mod charts;
mod compliance;
mod generate;
mod participants_file;
mod teaching_file;

use std::process::ExitCode;
use std::time::Duration;

use app::db::Db;

use crate::config::Config;
use charts::charts;
use compliance::compliance;
use generate::generate;
use participants_file::participants_file;
use teaching_file::teaching_file;

fn option<'a>(args: &[&'a str], name: &str) -> Option<&'a str> {
    args.windows(2).find(|w| w[0] == name).map(|w| w[1])
}

/// `server bench …`.
pub async fn run(config: &Config, args: &[&str]) -> ExitCode {
    let db = match crate::startup::open_database(config).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match args.first() {
        Some(&"generate") => {
            let participants = option(args, "--participants")
                .and_then(|v| v.parse().ok())
                .unwrap_or(10_000);
            let weeks = option(args, "--weeks")
                .and_then(|v| v.parse().ok())
                .unwrap_or(52);
            generate(&db, participants, weeks).await
        }
        Some(&"compliance") => compliance(&db).await,
        Some(&"teaching-file") => {
            let rows = option(args, "--rows")
                .and_then(|v| v.parse().ok())
                .unwrap_or(1_000_000);
            teaching_file(&db, rows).await
        }
        Some(&"participants-file") => {
            let rows = option(args, "--rows")
                .and_then(|v| v.parse().ok())
                .unwrap_or(150_000);
            participants_file(&db, rows).await
        }
        Some(&"charts") => charts(&db).await,
        _ => Err(
            "usage: server bench generate [--participants N] [--weeks W] | server bench compliance | server bench charts | server bench teaching-file [--rows N] | server bench participants-file [--rows N]"
                .to_owned(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn exec(db: &Db, sql: &str) -> Result<(), String> {
    sqlx::query(sql)
        .execute(&db.pool)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

async fn scalar(db: &Db, sql: &str) -> Result<i64, String> {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(&db.pool)
        .await
        .map_err(|e| e.to_string())
}

fn stats(mut runs: Vec<Duration>) -> (f64, f64) {
    runs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (ms(runs[0]), ms(runs[runs.len() / 2]))
}
