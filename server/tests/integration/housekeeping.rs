//! The scheduled sweep: expired sessions, uploads never confirmed, sign-in counts long over and
//! form posts' leftovers past their time are removed; everything still in use stays.

use crate::common::{seed, TestApp, COORDINATOR};

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db.pool)
        .await
        .expect("count")
}

async fn the_sweep_removes_only_what_is_over(app: TestApp) {
    seed(&app).await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let now = app::db::now();
    let user = app::db::users::find_by_email(&app.db, COORDINATOR)
        .await
        .expect("db")
        .expect("coordinator")
        .id;
    for (name, age) in [("old.csv", 2 * 86_400), ("fresh.csv", 3_600)] {
        sqlx::query(
            "INSERT INTO pending_imports (user_id, kind, file_name, content, created_at) \
             VALUES ($1, 'participants', $2, 'x', $3)",
        )
        .bind(user.0)
        .bind(name)
        .bind(now - age)
        .execute(&app.db.pool)
        .await
        .expect("upload");
    }
    // (subject, window started, locked until): over; an old window still locked; fresh.
    for (subject, window, lock) in [
        ("over", now - 2 * 86_400, now - 86_000),
        ("still locked", now - 2 * 86_400, now + 600),
        ("fresh", now - 60, 0),
    ] {
        sqlx::query(
            "INSERT INTO sign_in_throttle (subject, failures, window_started_at, locked_until) \
             VALUES ($1, 3, $2, $3)",
        )
        .bind(subject)
        .bind(window)
        .bind(lock)
        .execute(&app.db.pool)
        .await
        .expect("throttle row");
    }
    // What two form posts left: one eleven minutes ago, one now.
    let flash = app::db::flash::Flash::new("/api/x".into(), true, vec![], None, "s1".into());
    let fresh = app::db::flash::put(&app.db, &flash).await.expect("flash");
    sqlx::query(
        "INSERT INTO flash_entries (flash_key, owner, path, refused, form_values, created_at) \
         VALUES ('old', 's1', '/api/x', 1, '[]', $1)",
    )
    .bind(now - 660)
    .execute(&app.db.pool)
    .await
    .expect("old flash");
    let get = |key: &'static str, owner: &'static str| {
        let db = app.db.clone();
        async move { app::db::flash::get(&db, key, owner).await.expect("get") }
    };
    assert_eq!(get("old", "s1").await, None, "expired, though still stored");
    // A second session of the coordinator, idle for a day.
    let stale = app.sign_in(COORDINATOR).await;
    let hash = app::state::keyed_hash(&crate::common::test_auth(false).session_secret, &stale);
    sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at - 86400 WHERE token_hash = $1")
        .bind(&hash)
        .execute(&app.db.pool)
        .await
        .expect("age the session");

    let swept = app::db::housekeeping::sweep(&app.db, now)
        .await
        .expect("sweep");
    assert_eq!(
        swept,
        app::db::housekeeping::Swept {
            sessions: 1,
            pending_imports: 1,
            throttle_rows: 1,
            flash_entries: 1,
        }
    );
    // The fresh flash is its browser's only.
    let found = app::db::flash::get(&app.db, &fresh, "s1")
        .await
        .expect("get");
    assert_eq!(found, Some(flash));
    assert_eq!(
        app::db::flash::get(&app.db, &fresh, "s2")
            .await
            .expect("get"),
        None
    );
    let files: Vec<String> = sqlx::query_scalar("SELECT file_name FROM pending_imports")
        .fetch_all(&app.db.pool)
        .await
        .expect("files");
    assert_eq!(files, ["fresh.csv"]);
    let mut subjects: Vec<String> = sqlx::query_scalar(
        "SELECT subject FROM sign_in_throttle WHERE subject IN ('over', 'still locked', 'fresh')",
    )
    .fetch_all(&app.db.pool)
    .await
    .expect("subjects");
    subjects.sort();
    assert_eq!(subjects, ["fresh", "still locked"]);
    assert!(app
        .call("home", Some(&coordinator), &[])
        .await
        .status
        .is_success());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM sessions").await, 1);
    // A second sweep finds nothing more.
    let again = app::db::housekeeping::sweep(&app.db, now)
        .await
        .expect("sweep");
    assert_eq!(again, app::db::housekeeping::Swept::default());
}

crate::on_both_engines! {
    sweep => super::the_sweep_removes_only_what_is_over;
}
