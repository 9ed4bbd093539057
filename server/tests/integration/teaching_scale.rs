//! The streamed, set-based `teaching` import at scale: problems anywhere in a long file are
//! all reported with their lines and nothing is stored, and the set-based checks agree with
//! checking the rows one by one (`import::time::save_entries`, which the forms use).

use app::db::hours::Recorder;
use app::domain::problem::FieldProblem;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use crate::common::{seed, Engine, TestApp, TEACHER_A};

const CLI: Recorder = Recorder {
    source: "cli",
    user: None,
    participant: None,
};

const HEADER: &str = "participant_ref;date;start;end;kind;teacher_email\n";

fn now() -> chrono::NaiveDateTime {
    app::state::clock::now()
}

async fn count(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.db.pool)
        .await
        .expect("count")
}

/// 100,000 valid rows: P-0001 and P-0002, weekdays and weekends from 2005 on, four lessons
/// and four stretches of self-study a day.
fn long_file(rows: usize) -> String {
    let mut out = String::from(HEADER);
    let mut day = chrono::NaiveDate::from_ymd_opt(2005, 1, 3).expect("date");
    let mut n = 0;
    'days: loop {
        for person in ["P-0001", "P-0002"] {
            for kind in ["teaching", "self_study"] {
                for hour in [8, 9, 10, 11] {
                    if n == rows {
                        break 'days;
                    }
                    out.push_str(&format!(
                        "{person};{day};{hour:02}:00;{:02}:00;{kind};\n",
                        hour + 1
                    ));
                    n += 1;
                }
            }
        }
        day = day.succ_opt().expect("day");
    }
    out
}

async fn problems_in_the_first_and_the_last_of_100_000_rows_are_reported(app: TestApp) {
    seed(&app).await;
    let mut text = long_file(100_000);
    // The first row names nobody; the last one overlaps the row before it.
    text = text.replacen("P-0001;2005-01-03;08:00", "P-9999;2005-01-03;08:00", 1);
    let last_start = text
        .trim_end()
        .rsplit('\n')
        .next()
        .expect("last")
        .to_owned();
    let overlapping = last_start.replacen(";11:00;12:00;", ";10:30;12:00;", 1);
    text = text.replace(&last_start, &overlapping);
    let r = app::import::time::import_teaching(&app.db, &text, now(), CLI, false)
        .await
        .expect("import");
    let found: Vec<(usize, &str, &str)> = r
        .rows
        .iter()
        .map(|(l, p)| (*l, p.field.as_str(), p.problem.message_id()))
        .collect();
    assert_eq!(
        found,
        [
            (2, "participant_ref", "problem-unknown-participant"),
            (100_001, "start", "time-overlaps"),
        ]
    );
    assert!(!r.committed);
    assert_eq!(count(&app, "time_entries").await, 0);
    assert_eq!(count(&app, "time_entry_versions").await, 0);
    // Mended, the same file is stored whole, once.
    let mended = text
        .replacen("P-9999", "P-0001", 1)
        .replace(&overlapping, &last_start);
    let r = app::import::time::import_teaching(&app.db, &mended, now(), CLI, false)
        .await
        .expect("import");
    assert!(r.committed && r.created == 100_000, "{:?}", r.rows.first());
    assert_eq!(count(&app, "time_entries").await, 100_000);
    assert_eq!(count(&app, "time_entry_versions").await, 100_000);
}

crate::on_both_engines! {
    problems_first_and_last_of_a_long_file => super::problems_in_the_first_and_the_last_of_100_000_rows_are_reported;
}

/// One row of a generated case: participant (0 or 1), kind (0 or 1), day (0 or 1), start and
/// end in quarter hours from 06:00, and whether it names someone who is not a teacher.
type Row = (usize, usize, usize, u32, u32, bool);

fn row() -> impl Strategy<Value = Row> {
    (
        0usize..2,
        0usize..2,
        0usize..2,
        0u32..60,
        1u32..28,
        prop::bool::weighted(0.1),
    )
        .prop_map(|(p, k, d, start, len, bad)| (p, k, d, start, (start + len).min(64), bad))
}

fn clock(quarter: u32) -> String {
    format!("{:02}:{:02}", 6 + quarter / 4, (quarter % 4) * 15)
}

const PEOPLE: [&str; 2] = ["P-0001", "P-0002"];
const KINDS: [&str; 2] = ["teaching", "self_study"];
const DAYS: [&str; 2] = ["2026-03-02", "2026-03-03"];

fn csv_row(&(p, k, d, start, end, bad): &Row) -> String {
    let teacher = match (k, bad) {
        (_, true) => "nobody@test.se",
        (0, false) => TEACHER_A,
        _ => "",
    };
    format!(
        "{};{};{};{};{};{teacher}",
        PEOPLE[p],
        DAYS[d],
        clock(start),
        clock(end),
        KINDS[k]
    )
}

/// Sets the stored time to `stored` (direct inserts of a fixture).
async fn store(app: &TestApp, stored: &[Row]) {
    sqlx::query("DELETE FROM time_entry_versions")
        .execute(&app.db.pool)
        .await
        .expect("clear");
    sqlx::query("DELETE FROM time_entries")
        .execute(&app.db.pool)
        .await
        .expect("clear");
    for &(p, k, d, start, end, _) in stored {
        let id = app::db::participants::id_by_ref(&app.db, PEOPLE[p])
            .await
            .expect("db")
            .expect("seeded");
        // Stored keys are unique, as the table's constraint wants: a repeated one is skipped.
        let _ = sqlx::query(
            "INSERT INTO time_entries (participant_id, kind, entry_date, start_time, end_time, \
             minutes, iso_week, version, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 202610, 1, 0, 0)",
        )
        .bind(id.0)
        .bind(KINDS[k])
        .bind(DAYS[d])
        .bind(clock(start))
        .bind(clock(end))
        .bind(i64::from((end - start) * 15))
        .execute(&app.db.pool)
        .await;
    }
}

/// The row problems of checking `text` one row at a time, as before the staging table.
async fn row_by_row(app: &TestApp, text: &str) -> Vec<(usize, FieldProblem)> {
    use app::domain::time_record::{RawTimeEntry, TimeRecord};
    let mut report = app::import::ImportReport::default();
    let table =
        app::import::table::read_table(text, &app::import::time::TEACHING_SPEC, &mut report)
            .expect("table");
    let records = app::import::table::validate_unique(
        &table,
        &mut report,
        |row| RawTimeEntry::from_lookup(|c| row.get(c)),
        |raw| TimeRecord::validate(raw, now()),
        |r| r.key(),
        app::import::table::DuplicateOn {
            field: "start",
            value: |raw: &RawTimeEntry| raw.start.as_str(),
        },
    );
    let mut tx = app.db.begin().await.expect("begin");
    app::import::time::save_entries(&mut tx, &records, now(), CLI, &mut report)
        .await
        .expect("save");
    tx.rollback().await.expect("rollback");
    report.rows.sort_by_key(|(line, _)| *line);
    report.rows
}

async fn agree(app: &TestApp, stored: &[Row], rows: &[Row]) -> Result<(), TestCaseError> {
    store(app, stored).await;
    let mut text = String::from(HEADER);
    for r in rows {
        text.push_str(&csv_row(r));
        text.push('\n');
    }
    let expected = row_by_row(app, &text).await;
    let set = app::import::time::import_teaching(&app.db, &text, now(), CLI, true)
        .await
        .expect("import");
    prop_assert_eq!(set.rows, expected, "file:\n{}", text);
    Ok(())
}

fn the_set_based_checks_agree_with_the_row_by_row_ones(engine: Engine, cases: u32) {
    crate::common::check_property(
        engine,
        cases,
        (
            prop::collection::vec(row(), 0..8),
            prop::collection::vec(row(), 0..14),
        ),
        async |_| {},
        async |app, (stored, rows)| agree(app, &stored, &rows).await,
    );
}

#[test]
fn set_based_checks_agree_with_row_by_row_on_sqlite() {
    the_set_based_checks_agree_with_the_row_by_row_ones(Engine::Sqlite, 96);
}

#[test]
fn set_based_checks_agree_with_row_by_row_on_postgres() {
    the_set_based_checks_agree_with_the_row_by_row_ones(Engine::Postgres, 32);
}
