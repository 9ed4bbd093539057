//! `server bench teaching-file --rows N`: a `teaching` file of `N` valid rows for the
//! participants of a generated city, written to standard output, for timing the import.

use std::io::Write;

use chrono::{Datelike, Days, Weekday};

use app::db::Db;

/// Writes `rows` rows: for each participant in turn, weekdays from two years ago on, a taught
/// lesson in the morning (with one of the city's teachers) and self-study in the afternoon,
/// before any time the generator recorded.
pub(super) async fn teaching_file(db: &Db, rows: usize) -> Result<(), String> {
    let refs: Vec<String> =
        sqlx::query_scalar("SELECT participant_ref FROM participants ORDER BY participant_ref")
            .fetch_all(&db.pool)
            .await
            .map_err(|e| e.to_string())?;
    if refs.is_empty() {
        return Err("bench teaching-file needs participants (run bench generate first)".into());
    }
    let per_person = rows.div_ceil(refs.len());
    let first = app::state::clock::today() - Days::new(730);
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let write = |out: &mut std::io::BufWriter<std::io::StdoutLock<'_>>, s: String| {
        out.write_all(s.as_bytes()).map_err(|e| e.to_string())
    };
    write(
        &mut out,
        "participant_ref;date;start;end;kind;teacher_email\n".to_owned(),
    )?;
    let mut written = 0;
    'people: for (n, reference) in refs.iter().enumerate() {
        let teacher = format!("bench{}@bench.invalid", 301 + n % 60);
        let mut day = first;
        let mut mine = 0;
        while mine < per_person {
            if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                let date = day.format("%Y-%m-%d");
                for (start, end, kind, who) in [
                    ("09:00", "10:40", "teaching", teacher.as_str()),
                    ("13:00", "14:40", "self_study", ""),
                ] {
                    if written == rows {
                        break 'people;
                    }
                    write(
                        &mut out,
                        format!("{reference};{date};{start};{end};{kind};{who}\n"),
                    )?;
                    written += 1;
                    mine += 1;
                }
            }
            day = day + Days::new(1);
        }
    }
    out.flush().map_err(|e| e.to_string())
}
