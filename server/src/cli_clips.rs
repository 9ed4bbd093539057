//! `server clips import --language LANG DIR`: the recorded clips of the statements for one
//! language, from a folder of MP3 files each named by its statement (`L-PA1-1.mp3`), checked
//! for type, length and size; all are stored or none (exit 1 with every problem on stderr).

use std::process::ExitCode;

use app::domain::locale::Locale;

use crate::cli::{fail, open, usage_error};
use crate::config::Config;

/// The clip import.
pub async fn import(config: &Config, rest: &[&str]) -> ExitCode {
    let (locale, dir) = match rest {
        ["--language", lang, dir] => (Locale::from_tag(lang), *dir),
        _ => return usage_error("clips import takes --language LANG DIR"),
    };
    let Some(locale) = locale else {
        return usage_error("LANG is one of sv, en, ar, prs, so, ti, uk");
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return fail(&format!("{dir}: {e}")),
    };
    let mut files = vec![];
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        match std::fs::read(&path) {
            Ok(bytes) => files.push((name, bytes)),
            Err(e) => return fail(&format!("{}: {e}", path.display())),
        }
    }
    files.sort();
    let db = match open(config).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    match app::languages::service::upload_clips(&db, locale, files, None).await {
        Ok(report) if report.problems.is_empty() => {
            eprintln!("{} clips stored for {}", report.stored, locale.tag());
            ExitCode::SUCCESS
        }
        Ok(report) => {
            for (file, id) in &report.problems {
                let why = app::i18n::translate(app::i18n::Locale::En, id, &[]);
                eprintln!("{file}: {why}");
            }
            eprintln!("nothing stored: {} files refused", report.problems.len());
            ExitCode::FAILURE
        }
        Err(e) => fail(&format!("{e:?}")),
    }
}
