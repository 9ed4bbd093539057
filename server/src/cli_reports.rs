//! `server export indicators [--from DATE --to DATE]`: the social-accounting figures of
//! FORMATS.md on stdout, for the participants whose start date lies in the range.

use std::process::ExitCode;

use crate::cli::{fail, open, usage_error};
use crate::config::Config;

/// The indicators export.
pub async fn export_indicators(config: &Config, rest: &[&str]) -> ExitCode {
    let allowed = rest
        .chunks(2)
        .all(|c| c.len() == 2 && (c[0] == "--from" || c[0] == "--to"));
    if !allowed {
        return usage_error(
            "export indicators takes --from DATE and --to DATE, e.g. --from 2026-01-01 --to 2026-12-31",
        );
    }
    let day = |name: &str| {
        let value = rest.chunks(2).find(|c| c[0] == name).map(|c| c[1]);
        match value {
            None => Ok(None),
            Some(s) => app::domain::participant::parse_date(s)
                .map(Some)
                .map_err(|p| format!("{name} {s:?}: {p}")),
        }
    };
    let (from, to) = match (day("--from"), day("--to")) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(e), _) | (_, Err(e)) => return usage_error(&e),
    };
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return usage_error("--to must not be before --from");
        }
    }
    let db = match open(config).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    match app::import::indicators::export(&db, from, to).await {
        Ok(csv) => {
            print!("{csv}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}
