//! `server bench compliance`: the timing of the `compliance` export.

use std::time::Instant;

use app::db::hours::Scope;
use app::db::Db;
use app::domain::ids::SchoolId;
use app::domain::weeks::IsoWeek;

use super::{scalar, stats};

/// Times the `compliance` export as it streams (each part counted and dropped, as a download
/// sends it on): one school for one week, the whole city for one week and for one term (the
/// last 20 weeks); five runs each after one warm-up, minimum and median reported.
pub(super) async fn compliance(db: &Db) -> Result<(), String> {
    let today = app::state::clock::today();
    let last = IsoWeek::containing(today).prev();
    let mut term_start = last;
    for _ in 0..19 {
        term_start = term_start.prev();
    }
    let school = scalar(
        db,
        "SELECT school_id FROM participants GROUP BY school_id ORDER BY COUNT(*) DESC, school_id LIMIT 1",
    )
    .await?;
    let participants = scalar(db, "SELECT COUNT(*) FROM participants").await?;
    let entries = scalar(db, "SELECT COUNT(*) FROM time_entries").await?;
    let engine = match db.backend {
        app::db::Backend::Sqlite => "SQLite",
        app::db::Backend::Postgres => "PostgreSQL",
    };
    println!("{engine}: {participants} participants, {entries} time entries");
    let cases = [
        (
            format!("one school ({school}), one week ({last})"),
            Scope::School(SchoolId(school)),
            last,
            last,
        ),
        (
            format!("whole city, one week ({last})"),
            Scope::All,
            last,
            last,
        ),
        (
            format!("whole city, one term ({term_start} to {last})"),
            Scope::All,
            term_start,
            last,
        ),
    ];
    for (name, scope, from, to) in cases {
        let mut runs = Vec::new();
        let mut rows = 0;
        for i in 0..6 {
            let t = Instant::now();
            let mut sink = Counted::default();
            let records = app::import::time::stream_compliance(
                db,
                scope,
                (from, to),
                app::import::time::COMPLIANCE_PAGE,
                &mut sink,
            )
            .await
            .map_err(|e| e.to_string())?;
            let elapsed = t.elapsed();
            rows = sink.lines.saturating_sub(1);
            if rows != records as usize {
                return Err(format!("{records} records reported, {rows} lines written"));
            }
            if i > 0 {
                runs.push(elapsed);
            }
        }
        let (min, median) = stats(runs);
        println!("{engine}: {name}: {rows} rows, min {min:.1} ms, median {median:.1} ms");
    }
    Ok(())
}

/// Counts the lines of what the export writes, and keeps nothing.
#[derive(Default)]
struct Counted {
    lines: usize,
}

impl app::import::time::ExportSink for Counted {
    async fn take(&mut self, part: String) -> bool {
        self.lines += part.matches('\n').count();
        true
    }
}
