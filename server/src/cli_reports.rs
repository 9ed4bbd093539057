//! `server export indicators [--from DATE --to DATE] [--district NAME | --school NAME]
//! [--xlsx FILE]`: the social-accounting figures of FORMATS.md on stdout, for the participants
//! whose start date lies in the range (of one district or school), or with `--xlsx` the
//! funders' workbook (with the city's targets, judged today) written to FILE.

use std::process::ExitCode;

use crate::cli::{fail, open, usage_error};
use crate::config::Config;

/// The indicators export.
pub async fn export_indicators(config: &Config, rest: &[&str]) -> ExitCode {
    let allowed = rest.chunks(2).all(|c| {
        c.len() == 2
            && matches!(
                c[0],
                "--from" | "--to" | "--xlsx" | "--district" | "--school"
            )
    });
    if !allowed {
        return usage_error(
            "export indicators takes --from DATE, --to DATE, --district NAME or --school NAME, and --xlsx FILE, e.g. --from 2026-01-01 --to 2026-12-31",
        );
    }
    let xlsx = rest.chunks(2).find(|c| c[0] == "--xlsx").map(|c| c[1]);
    let value = |name: &str| {
        rest.chunks(2)
            .find(|c| c[0] == name)
            .map(|c| c[1].to_owned())
    };
    let place = match (value("--district"), value("--school")) {
        (None, None) => app::domain::indicators::Place::Everywhere,
        (Some(d), None) => app::domain::indicators::Place::District(d),
        (None, Some(s)) => app::domain::indicators::Place::School(s),
        (Some(_), Some(_)) => return usage_error("give --district or --school, not both"),
    };
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
    if let Some(file) = xlsx {
        return write_xlsx(&db, (from, to), &place, file).await;
    }
    match app::import::indicators::export(&db, from, to, &place).await {
        Ok(csv) => {
            print!("{csv}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

/// Writes the funders' workbook (texts in Swedish, targets judged today in Stockholm).
async fn write_xlsx(
    db: &app::db::Db,
    (from, to): (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>),
    place: &app::domain::indicators::Place,
    file: &str,
) -> ExitCode {
    let today = app::state::clock::today();
    let (rows, figures) = match app::binder::targets::figures(db, from, to, today, place).await {
        Ok(f) => f,
        Err(e) => return fail(&e.to_string()),
    };
    let data = app::binder::xlsx::WorkbookData {
        rows: &rows,
        figures: &figures,
        range: (from, to),
        today,
        locale: app::i18n::Locale::Sv,
    };
    let bytes = match app::binder::xlsx::workbook(&data) {
        Ok(b) => b,
        Err(e) => return fail(&e.to_string()),
    };
    match std::fs::write(file, bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("{file}: {e}")),
    }
}
