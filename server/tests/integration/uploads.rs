//! The web upload's steps in the background (issue 18): a file of more than a megabyte is
//! checked and imported in a task whose progress the upload's page follows; a step whose server
//! stopped is run again by the next look at the page, and only one server takes it over.

use std::time::Duration;

use app::error::AppError;
use app::import::ImportState;

use crate::common::{seed, TestApp, COORDINATOR};

const HEADER: &str = "participant_ref;given_name;family_name;gender;birth_year;school;district;mentor_email;start_date;planned_terms;residence_permit_date;arrival_date;study_path;languages";

/// A participants file of `rows` new participants.
fn participants(rows: usize) -> String {
    let mut s = String::from(HEADER);
    for i in 0..rows {
        s.push_str(&format!(
            "\nP-9{i:05};Förnamn;Efternamn;female;1990;Farstaskolan;Farsta;;2026-01-12;2;;;;so"
        ));
    }
    s.push('\n');
    s
}

async fn state(app: &TestApp, session: &str, id: &str) -> ImportState {
    app.call("import/report", Some(session), &[("id", id)])
        .await
        .json()
}

/// Asks where upload `id` is until its step has ended; every answer before is the running
/// `phase` ("checking" or "importing") with progress that never goes back and never passes the
/// file's size. Returns the last state and how many answers showed the step running.
async fn follow(app: &TestApp, session: &str, id: &str, total: u64) -> (ImportState, usize) {
    let mut last_done = 0;
    let mut running = 0;
    for _ in 0..1200 {
        match state(app, session, id).await {
            ImportState::Checking { progress, .. } | ImportState::Importing { progress, .. } => {
                assert_eq!(progress.total, total, "the whole file's size");
                assert!(progress.done <= total, "{progress:?}");
                assert!(progress.done >= last_done, "progress never goes back");
                last_done = progress.done;
                running += 1;
            }
            ended => return (ended, running),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the step did not end within a minute");
}

async fn stored(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM participants WHERE participant_ref LIKE 'P-9%'")
        .fetch_one(&app.db.pool)
        .await
        .expect("count")
}

async fn a_large_file_is_checked_and_imported_in_the_background_while_its_page_follows(
    app: TestApp,
) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let csv = participants(16_000);
    let total = csv.len() as u64;
    assert!(
        total > app::domain::upload::IN_REQUEST_BYTES,
        "{total} bytes"
    );
    let id = app.upload(&c, "participants", "big.csv", &csv).await;
    let (checked, running) = follow(&app, &c, &id, total).await;
    // The answer came before the check of 16,000 rows ended (it takes far longer than a
    // look at the upload).
    assert!(running > 0, "the page saw the check running");
    let ImportState::Checked(report) = checked else {
        panic!("expected the report, got {checked:?}");
    };
    assert_eq!(
        (report.created, report.committed, report.file_name.as_str()),
        (16_000, false, "big.csv")
    );
    assert!(report.is_valid(), "{report:?}");
    assert_eq!(stored(&app).await, 0, "checking stores nothing");
    // The page of a checked upload shows its report and the button.
    let page = app.get(&format!("/import/{id}"), Some(&c)).await;
    assert!(
        page.body.contains("data-test=\"import-confirm\""),
        "{}",
        page.body
    );

    let confirmed: ImportState = app
        .call("import/confirm", Some(&c), &[("id", &id)])
        .await
        .json();
    assert!(
        matches!(confirmed, ImportState::Importing { .. }),
        "the confirmation answers before a large file is imported: {confirmed:?}"
    );
    let (imported, _) = follow(&app, &c, &id, total).await;
    let ImportState::Imported(done) = imported else {
        panic!("expected the import's report, got {imported:?}");
    };
    assert!(done.committed && done.created == 16_000, "{done:?}");
    assert_eq!(stored(&app).await, 16_000);
    // The imported upload's text is gone: confirming again imports nothing twice.
    let again = app.call("import/confirm", Some(&c), &[("id", &id)]).await;
    assert_eq!(again.error(), AppError::NotFound);
    let content: String = sqlx::query_scalar("SELECT content FROM pending_imports WHERE id = $1")
        .bind(id.parse::<i64>().expect("id"))
        .fetch_one(&app.db.pool)
        .await
        .expect("upload");
    assert_eq!(content, "");
}

/// Makes upload `id` look as if `worker` ran its step in `phase`, last seen at `heartbeat`.
async fn pretend(app: &TestApp, id: &str, phase: &str, worker: &str, heartbeat: i64) {
    sqlx::query(
        "UPDATE pending_imports SET phase = $1, worker = $2, heartbeat = $3, report = NULL, \
         done_bytes = 40 WHERE id = $4",
    )
    .bind(phase)
    .bind(worker)
    .bind(heartbeat)
    .bind(id.parse::<i64>().expect("id"))
    .execute(&app.db.pool)
    .await
    .expect("update");
}

async fn worker_of(app: &TestApp, id: &str) -> String {
    sqlx::query_scalar("SELECT worker FROM pending_imports WHERE id = $1")
        .bind(id.parse::<i64>().expect("id"))
        .fetch_one(&app.db.pool)
        .await
        .expect("worker")
}

async fn a_step_whose_server_stopped_runs_again_and_a_living_one_is_left_alone(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let csv = participants(3);
    let total = csv.len() as u64;
    let id = app.upload(&c, "participants", "big.csv", &csv).await;
    // A small file is checked before the answer.
    let first = state(&app, &c, &id).await;
    assert!(
        matches!(first, ImportState::Checked(ref r) if r.created == 3),
        "{first:?}"
    );

    // Another server checks it and is alive: its step is left to it, with its progress.
    let now = chrono::Utc::now().timestamp();
    pretend(&app, &id, "checking", "alive", now).await;
    let seen = state(&app, &c, &id).await;
    assert_eq!(
        seen,
        ImportState::Checking {
            file_name: "big.csv".into(),
            progress: app::import::Progress { done: 40, total }
        }
    );
    assert_eq!(worker_of(&app, &id).await, "alive");
    let page = app.get(&format!("/import/{id}"), Some(&c)).await;
    for part in [
        "data-test=\"import-progress\"",
        "<progress",
        "value=\"40\"",
        &format!("max=\"{total}\""),
        "data-test=\"import-refresh\"",
        "src=\"/progress.js\"",
    ] {
        assert!(page.body.contains(part), "{part} in {}", page.body);
    }

    let script = app.get("/progress.js", None).await;
    assert_eq!(script.status, 200);
    assert!(
        script.body.contains("/api/import/report"),
        "{}",
        script.body
    );

    // That server stopped twenty-one seconds ago: the next look checks the file again here.
    pretend(&app, &id, "checking", "gone", now - 21).await;
    let (checked, _) = follow(&app, &c, &id, total).await;
    assert!(
        matches!(checked, ImportState::Checked(ref r) if r.created == 3 && !r.committed),
        "{checked:?}"
    );
    assert_ne!(worker_of(&app, &id).await, "gone");
    assert_eq!(stored(&app).await, 0);

    // A stopped import (its transaction never committed) is imported again, once.
    pretend(&app, &id, "importing", "gone", now - 60).await;
    let (imported, _) = follow(&app, &c, &id, total).await;
    assert!(
        matches!(imported, ImportState::Imported(ref r) if r.created == 3),
        "{imported:?}"
    );
    assert_eq!(stored(&app).await, 3);

    // A step that failed on the server says so and stores nothing more.
    sqlx::query("UPDATE pending_imports SET phase = 'failed' WHERE id = $1")
        .bind(id.parse::<i64>().expect("id"))
        .execute(&app.db.pool)
        .await
        .expect("update");
    let page = app.get(&format!("/import/{id}"), Some(&c)).await;
    assert!(
        page.body.contains("data-test=\"import-failed\""),
        "{}",
        page.body
    );
}

async fn only_one_server_takes_over_a_stopped_step(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let id = app
        .upload(&c, "participants", "big.csv", &participants(2))
        .await;
    pretend(&app, &id, "checking", "gone", 0).await;
    let pending = app::db::imports::get(
        &app.db,
        app::domain::ids::PendingImportId(id.parse().expect("id")),
        app::db::users::find_by_email(&app.db, COORDINATOR)
            .await
            .expect("db")
            .expect("coordinator")
            .id,
    )
    .await
    .expect("upload");
    let (a, b) = tokio::join!(
        app::db::imports::take_over(&app.db, &pending, "a"),
        app::db::imports::take_over(&app.db, &pending, "b"),
    );
    let taken = [a.expect("a"), b.expect("b")];
    assert_eq!(taken.iter().filter(|t| **t).count(), 1, "{taken:?}");
}

async fn a_long_report_lists_a_thousand_rows_and_the_whole_list_downloads(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let csv = participants(1_200).replace(";female;", ";robot;");
    let id = app.upload(&c, "participants", "big.csv", &csv).await;
    let page = app.get(&format!("/import/{id}"), Some(&c)).await;
    assert_eq!(
        page.body.matches(">robot<").count(),
        1_000,
        "the page lists the first thousand"
    );
    assert!(
        page.body.contains("data-test=\"import-more\""),
        "{}",
        page.body
    );
    assert!(page.body.contains(&format!("/import/{id}/problems.csv")));
    let file = app
        .get(&format!("/import/{id}/problems.csv"), Some(&c))
        .await;
    assert_eq!(file.status, 200);
    let lines: Vec<&str> = file.body.lines().collect();
    assert_eq!(lines.len(), 1 + 1_200, "a header and every row to correct");
    assert_eq!(lines[0], "line;column;value;problem");
    assert!(lines[1].starts_with("2;gender;robot;"), "{}", lines[1]);
    assert!(
        lines[1_200].starts_with("1201;gender;robot;"),
        "{}",
        lines[1_200]
    );
    let logged: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM access_log WHERE event = 'download' AND what = 'problems.csv'",
    )
    .fetch_one(&app.db.pool)
    .await
    .expect("count");
    assert_eq!(logged, 1, "the download is logged");
    let m = app.sign_in(crate::common::MENTOR_A).await;
    assert_eq!(
        app.get(&format!("/import/{id}/problems.csv"), Some(&m))
            .await
            .status,
        403
    );
    assert_eq!(
        app.get("/import/999999/problems.csv", Some(&c))
            .await
            .status,
        404
    );
    // A short report has no file link.
    let short = app
        .upload(
            &c,
            "participants",
            "big.csv",
            &participants(2).replace(";female;", ";robot;"),
        )
        .await;
    let page = app.get(&format!("/import/{short}"), Some(&c)).await;
    assert!(!page.body.contains("data-test=\"import-more\""));
}

crate::on_both_engines! {
    long_report => super::a_long_report_lists_a_thousand_rows_and_the_whole_list_downloads;
    background => super::a_large_file_is_checked_and_imported_in_the_background_while_its_page_follows;
    stopped_server => super::a_step_whose_server_stopped_runs_again_and_a_living_one_is_left_alone;
    one_takes_over => super::only_one_server_takes_over_a_stopped_step;
}
