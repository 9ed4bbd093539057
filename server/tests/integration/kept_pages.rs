//! The staff's page of a participant, kept whole between requests (issue 18): what is served
//! kept is the page as rendered, but with a new nonce, the access log written again and the
//! session's own CSRF token; and a write to anything the page shows, by any path, is seen at
//! once.

use crate::common::{seed, version, write_unversioned, TestApp, COORDINATOR, MENTOR_A};

/// Runs `sql` (binding `id` if it names `$1`).
async fn exec(app: &TestApp, sql: &str, id: i64) {
    let q = sqlx::query(sql);
    let q = if sql.contains("$1") { q.bind(id) } else { q };
    q.execute(&app.db.pool).await.expect(sql);
}

/// The parts of `participant`'s record read by staff, as logged, in a stable order.
async fn reads(app: &TestApp, participant: i64) -> Vec<String> {
    sqlx::query_scalar::<_, String>(
        "SELECT what FROM access_log WHERE participant_id = $1 AND event = 'read' ORDER BY what",
    )
    .bind(participant)
    .fetch_all(&app.db.pool)
    .await
    .expect("reads")
}

/// The first value of attribute `name` after `marker` in `html`.
fn attribute(html: &str, marker: &str, name: &str) -> Option<String> {
    let from = html.find(marker)?;
    let rest = &html[from..];
    let start = rest.find(&format!("{name}=\""))? + name.len() + 2;
    let len = rest[start..].find('"')?;
    Some(rest[start..start + len].to_owned())
}

async fn the_kept_participant_page_is_logged_renonced_and_follows_every_write(app: TestApp) {
    let s = seed(&app).await;
    let p1 = s.p1.0;
    let m = app.sign_in(MENTOR_A).await;
    let path = format!("/participants/{p1}");
    let first = app.get(&path, Some(&m)).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let logged = reads(&app, p1).await;
    assert!(!logged.is_empty(), "a staff read is logged");

    // Served again: the same page, with a new nonce in the body and in the policy alike, and
    // the same parts read written to the access log again.
    let second = app.get(&path, Some(&m)).await;
    assert_eq!(second.status, 200);
    let nonce = |html: &str| attribute(html, "<script", "nonce").expect("a nonce");
    let (n1, n2) = (nonce(&first.body), nonce(&second.body));
    assert_ne!(n1, n2, "every answer has its own nonce");
    assert!(!second.body.contains(&n1));
    let policy = second.headers["content-security-policy"]
        .to_str()
        .expect("policy");
    assert!(policy.contains(&format!("'nonce-{n2}'")), "{policy}");
    assert_eq!(first.body.replace(&n1, &n2), second.body, "the kept page");
    let mut twice: Vec<String> = logged.iter().chain(&logged).cloned().collect();
    twice.sort();
    assert_eq!(
        reads(&app, p1).await,
        twice,
        "every read is logged, kept or not"
    );
    assert!(second.headers.contains_key("x-frame-options"));
    assert_eq!(second.headers["cache-control"], "no-store");

    // It is the kept page that is served: a change that moves no version (which no write can
    // make: the triggers move it) is not seen, and is once the version moves.
    write_unversioned(
        &app,
        p1,
        "UPDATE participants SET given_name = 'Hidden' WHERE id = $1",
    )
    .await;
    assert!(
        !app.get(&path, Some(&m)).await.body.contains("Hidden"),
        "kept"
    );
    exec(
        &app,
        "UPDATE participant_versions SET version = version + 1 WHERE participant_id = $1",
        p1,
    )
    .await;
    assert!(app.get(&path, Some(&m)).await.body.contains("Hidden"));

    // Another session of the same mentor gets a page with its own CSRF token.
    let csrf = |html: &str| attribute(html, "name=\"_csrf\"", "value");
    let other = app.sign_in(MENTOR_A).await;
    let theirs = app.get(&path, Some(&other)).await.body;
    let mine = app.get(&path, Some(&m)).await.body;
    assert!(csrf(&mine).is_some(), "the mentor's page has forms");
    assert_ne!(csrf(&mine), csrf(&theirs));

    // Whatever the page shows moves a version, whoever writes it: the staff's names (the
    // group's teacher), and the tables added for the whole page.
    let teacher: String = sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1")
        .bind(s.teacher_a.0)
        .fetch_one(&app.db.pool)
        .await
        .expect("teacher");
    assert!(mine.contains(&teacher), "the group's teacher is shown");
    exec(
        &app,
        &format!(
            "UPDATE users SET display_name = 'Renamed Teacher' WHERE id = {}",
            s.teacher_a.0
        ),
        0,
    )
    .await;
    let page = app.get(&path, Some(&m)).await.body;
    assert!(page.contains("Renamed Teacher") && !page.contains(&teacher));
    let group = s.group_a.0;
    let programme = [
        "UPDATE teaching_groups SET name = name || ' x'".to_owned(),
        "UPDATE ladder_step_definitions SET name_sv = name_sv".to_owned(),
    ];
    for sql in programme {
        let before = version(&app, 0).await;
        exec(&app, &sql, 0).await;
        assert!(version(&app, 0).await > before, "{sql}");
    }
    let own = [
        format!("DELETE FROM group_members WHERE participant_id = $1 AND group_id = {group}"),
        format!("INSERT INTO group_members (group_id, participant_id) VALUES ({group}, $1)"),
        "INSERT INTO participant_history (participant_id, changed_at, source, field, old_value, \
         new_value) VALUES ($1, 0, 'cli', 'given_name', 'a', 'b')"
            .to_owned(),
        "INSERT INTO tablet_waiting (participant_id, tablet, answers, reported_at) \
         VALUES ($1, 't', 3, 0)"
            .to_owned(),
        "INSERT INTO placements (participant_id, workplace, role, updated_at) \
         VALUES ($1, 'Skolan', 'kitchen', 0)"
            .to_owned(),
    ];
    for sql in own {
        let before = version(&app, p1).await;
        exec(&app, &sql, p1).await;
        assert!(version(&app, p1).await > before, "{sql}");
    }
    let page = app.get(&path, Some(&m)).await.body;
    assert!(page.contains("Skolan"), "the placement is shown at once");

    // A coordinator's page is their own (other forms, other links).
    let c = app.sign_in(COORDINATOR).await;
    let theirs = app.get(&path, Some(&c)).await.body;
    assert!(theirs.contains(&format!("/participants/{p1}/edit")));
    assert!(!app
        .get(&path, Some(&m))
        .await
        .body
        .contains(&format!("/participants/{p1}/edit")));
}

/// A page that shows an error is not kept, nor one with a query (a form's outcome).
async fn a_page_with_an_error_or_a_query_is_rendered_every_time(app: TestApp) {
    let s = seed(&app).await;
    let p1 = s.p1.0;
    let m = app.sign_in(MENTOR_A).await;
    let path = format!("/participants/{p1}?tab=x");
    let first = app.get(&path, Some(&m)).await;
    assert_eq!(first.status, 200);
    write_unversioned(
        &app,
        p1,
        "UPDATE participants SET given_name = 'Queried' WHERE id = $1",
    )
    .await;
    assert!(
        app.get(&path, Some(&m)).await.body.contains("Queried"),
        "not kept"
    );
    // A participant the mentor may not see: refused, logged each time.
    let other = format!("/participants/{}", s.p2.0);
    let refused = || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM access_log WHERE event = 'refused' AND participant_id = $1",
        )
        .bind(s.p2.0)
        .fetch_one(&app.db.pool)
        .await
        .expect("refusals")
    };
    app.get(&other, Some(&m)).await;
    let once = refused().await;
    assert!(once > 0, "the refusal is logged");
    app.get(&other, Some(&m)).await;
    assert_eq!(refused().await, 2 * once, "and logged again");
}

/// The mentor's whole start page is kept too, but the tablet locks are read on every request:
/// a lock that comes or goes (which moves no version) shows at once.
async fn the_kept_start_page_follows_the_tablet_locks(app: TestApp) {
    let s = seed(&app).await;
    let mentor = app.sign_in(MENTOR_A).await;
    let first = app.get("/", Some(&mentor)).await.body;
    assert!(first.contains("data-test=\"dash-row-P-0001\""), "{first}");
    assert!(!first.contains("data-test=\"tablet-locked\""));
    let second = app.get("/", Some(&mentor)).await.body;
    let nonce = |html: &str| attribute(html, "<script", "nonce").expect("a nonce");
    assert_ne!(nonce(&first), nonce(&second));
    assert_eq!(
        first.replace(&nonce(&first), &nonce(&second)),
        second,
        "kept"
    );
    for _ in 0..5 {
        app.call(
            "auth/tablet-sign-in",
            None,
            &[("code", &s.p1_code), ("pin", "583920")],
        )
        .await;
    }
    let locked = app.get("/", Some(&mentor)).await.body;
    assert!(
        locked.contains("data-test=\"tablet-locked\""),
        "the lock shows"
    );
    // The page reads the fingerprint and the locks in one statement: the same fingerprint
    // and the same locks as when each is read alone.
    let mentor_id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(MENTOR_A)
        .fetch_one(&app.db.pool)
        .await
        .expect("mentor");
    let mentor_id = app::domain::ids::UserId(mentor_id);
    let mut keys: Vec<String> = sqlx::query_scalar("SELECT subject FROM sign_in_throttle")
        .fetch_all(&app.db.pool)
        .await
        .expect("subjects");
    keys.push("nobody".to_owned());
    let now = app::db::now();
    let (fingerprint, mut locks) =
        app::db::versions::mentor_fingerprint_and_locks(&app.db, mentor_id, &keys, now)
            .await
            .expect("read");
    assert_eq!(
        fingerprint,
        app::db::versions::mentor_fingerprint(&app.db, mentor_id)
            .await
            .expect("fingerprint")
    );
    let mut alone: Vec<(String, i64)> = app::db::throttle::locked(&app.db, &keys, now)
        .await
        .expect("locks")
        .into_iter()
        .collect();
    locks.sort();
    alone.sort();
    assert!(!locks.is_empty());
    assert_eq!(locks, alone);
    exec(&app, "UPDATE sign_in_throttle SET locked_until = 1", 0).await;
    let lifted = app.get("/", Some(&mentor)).await.body;
    assert!(
        !lifted.contains("data-test=\"tablet-locked\""),
        "and goes when it ends"
    );
    // Another order is rendered (and its parts kept), not the kept whole page.
    let by_name = app.get("/?sort=name", Some(&mentor)).await;
    assert_eq!(by_name.status, 200);
    assert!(by_name.body.contains("data-test=\"dash-row-P-0001\""));
}

/// An erased participant's kept page is never served again, not even of one who had no change
/// version yet (registered before the versions existed, and not written since).
async fn an_erased_participants_kept_page_is_gone(app: TestApp) {
    let s = seed(&app).await;
    let p1 = s.p1.0;
    let c = app.sign_in(COORDINATOR).await;
    let path = format!("/participants/{p1}");
    exec(
        &app,
        "DELETE FROM participant_versions WHERE participant_id = $1",
        p1,
    )
    .await;
    let name = "data-test=\"participant-name\"";
    assert!(app.get(&path, Some(&c)).await.body.contains(name));
    assert!(app.get(&path, Some(&c)).await.body.contains(name), "kept");
    let today = app::state::clock::now().date();
    let erased = app::db::erasure::erase(
        &app.db,
        s.p1,
        app::domain::erasure::ErasureReason::Request,
        today,
        |code| code.to_owned(),
    )
    .await
    .expect("erase");
    assert!(erased.is_some());
    let after = app.get(&path, Some(&c)).await.body;
    assert!(!after.contains(name), "the erased person's page is gone");
    assert!(!after.contains("Amina Hassan") && !after.contains(">P-0001<"));
}

crate::on_both_engines! {
    erased_not_kept => super::an_erased_participants_kept_page_is_gone;
    kept_start_page_locks => super::the_kept_start_page_follows_the_tablet_locks;
    kept_participant_page => super::the_kept_participant_page_is_logged_renonced_and_follows_every_write;
    unkept_pages => super::a_page_with_an_error_or_a_query_is_rendered_every_time;
}
