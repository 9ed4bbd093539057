//! The authorisation matrix's edges: sessions that have ended (deactivated staff, a participant
//! who has left, a session past its lifetime) against every server function and file route;
//! mixed requests (a group's grid with someone else's row); the short-weeks list's scope; and
//! concurrent writers.

use app::error::AppError;
use axum::body::Body;
use axum::http::{header, Request};

use crate::authz::{form, GUARDED};
use crate::common::{seed, Reply, TestApp, COORDINATOR, MENTOR_A, TEACHER_A};

/// Every file route, as (method, path): the exports of each kind, the compliance and
/// indicators exports, the upload, and one participant's data (`:p1` is P-0001's id).
const FILE_ROUTES: [(&str, &str); 12] = [
    ("GET", "/export/participants.csv"),
    ("GET", "/export/sfi-results.csv"),
    ("GET", "/export/assessments.csv"),
    ("GET", "/export/teaching.csv"),
    ("GET", "/export/absences.csv"),
    ("GET", "/export/calendar.csv"),
    ("GET", "/export/outcomes.csv"),
    ("GET", "/export/compliance.csv"),
    ("GET", "/export/indicators.csv"),
    ("POST", "/import/upload"),
    ("GET", "/participants/:p1/data.zip"),
    ("GET", "/export/indicators.xlsx"),
];

/// Sends a file route's request (the upload with a small valid participants file).
async fn file_route(app: &TestApp, method: &str, path: &str, session: Option<&str>) -> Reply {
    if method == "GET" {
        return app.get(path, session).await;
    }
    let boundary = "XEDGEX";
    let csv = "participant_ref;given_name;family_name;gender;school;district;mentor_email;start_date;planned_terms\n\
               P-0900;Ny;Person;female;Farstaskolan;Farsta;;2026-01-12;2\n";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nparticipants\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n"
    );
    let mut req = Request::post(path)
        .header("sec-fetch-site", "same-origin")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        );
    if let Some(s) = session {
        req = req.header(header::COOKIE, format!("st_session={s}"));
    }
    app.send(req.body(Body::from(body)).expect("request")).await
}

/// Every file route for every role: coordinators get the file (or the upload's report), the
/// other roles 403, no session a redirect to the sign-in page.
async fn every_file_route_for_every_role(app: TestApp) {
    let s = seed(&app).await;
    let roles = [
        ("nobody", None),
        ("coordinator", Some(app.sign_in(COORDINATOR).await)),
        ("mentor", Some(app.sign_in(MENTOR_A).await)),
        ("teacher", Some(app.sign_in(TEACHER_A).await)),
        (
            "participant",
            Some(app.sign_in_participant(&s.p1_code).await),
        ),
    ];
    let mut wrong = vec![];
    for (method, path) in FILE_ROUTES {
        let path = &path.replace(":p1", &s.p1.0.to_string());
        for (role, session) in &roles {
            let reply = file_route(&app, method, path, session.as_deref()).await;
            let ok = match *role {
                "nobody" => reply.status == 303 && reply.location.as_deref() == Some("/sign-in"),
                // A ZIP archive starts with its first file's local header, `PK`.
                "coordinator" if path.ends_with(".zip") || path.ends_with(".xlsx") => {
                    reply.status == 200 && reply.body.starts_with("PK")
                }
                "coordinator" if method == "GET" => {
                    reply.status == 200
                        && reply.body.lines().next().is_some_and(|h| h.contains(';'))
                }
                "coordinator" => {
                    reply.status == 303
                        && reply
                            .location
                            .as_deref()
                            .is_some_and(|l| l.starts_with("/import/"))
                }
                _ => reply.status == 403 && !reply.body.contains("P-0001"),
            };
            if !ok {
                wrong.push(format!(
                    "{method} {path} as {role}: {} {:?} {}",
                    reply.status,
                    reply.location,
                    reply.body.chars().take(120).collect::<String>()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "file routes:\n{}", wrong.join("\n"));
}

/// A session that has ended is refused by every server function and every file route: a staff
/// member deactivated after signing in, a participant whose status became "left early", and a
/// session past its absolute lifetime. None of them can sign in again either (but the expired
/// one's owner can).
async fn ended_sessions_are_refused_everywhere(app: TestApp) {
    let s = seed(&app).await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let mentor = app.sign_in(MENTOR_A).await;
    let teacher = app.sign_in(TEACHER_A).await;
    let p1 = app.sign_in_participant(&s.p1_code).await;
    // P-0001 leaves early (while mentor A, named in the record, is still active).
    let detail = app::db::participants::get(&app.db, s.p1).await.expect("p1");
    let mut update = form("participants/update", &s, true, 0, (0, 0), (0, 0), 0);
    for (k, v) in &mut update {
        match k.as_str() {
            "status" => *v = "left_early".into(),
            "end_date" => *v = "2026-06-30".into(),
            "version" => *v = detail.version.to_string(),
            _ => {}
        }
    }
    let pairs: Vec<(&str, &str)> = update
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reply = app
        .call("participants/update", Some(&coordinator), &pairs)
        .await;
    assert!(reply.status.is_success(), "leave: {}", reply.body);
    // Mentor A is deactivated.
    let mentor_a = app::db::users::find_by_email(&app.db, MENTOR_A)
        .await
        .expect("db")
        .expect("mentor A");
    let reply = app
        .call(
            "staff/standing",
            Some(&coordinator),
            &[
                ("user", &mentor_a.id.0.to_string()),
                ("active", "false"),
                ("role", "mentor"),
            ],
        )
        .await;
    assert!(reply.status.is_success(), "deactivate: {}", reply.body);
    // Teacher A's session is past the staff lifetime of 12 hours.
    sqlx::query("UPDATE sessions SET created_at = created_at - 46800 WHERE user_id = $1")
        .bind(s.teacher_a.0)
        .execute(&app.db.pool)
        .await
        .expect("age the session");
    let ended = [
        ("deactivated mentor", &mentor),
        ("participant who left", &p1),
        ("expired teacher session", &teacher),
    ];
    let mut wrong = vec![];
    for (who, session) in ended {
        for endpoint in GUARDED {
            let f = form(endpoint, &s, true, 0, (0, 0), (0, 0), 0);
            let pairs: Vec<(&str, &str)> =
                f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let reply = app.call(endpoint, Some(session), &pairs).await;
            if reply.status.is_success() || reply.error() != AppError::NotSignedIn {
                wrong.push(format!(
                    "{endpoint} as {who}: {} {}",
                    reply.status, reply.body
                ));
            }
        }
        for (method, path) in FILE_ROUTES {
            let path = &path.replace(":p1", &s.p1.0.to_string());
            let reply = file_route(&app, method, path, Some(session)).await;
            if reply.status != 303 || reply.location.as_deref() != Some("/sign-in") {
                wrong.push(format!("{method} {path} as {who}: {}", reply.status));
            }
        }
        let page = app.get("/participants/1", Some(session)).await;
        if page.body.contains("Amina") || page.body.contains("P-0001") {
            wrong.push(format!(
                "the participant page as {who} shows the participant"
            ));
        }
    }
    assert!(wrong.is_empty(), "ended sessions:\n{}", wrong.join("\n"));
    // Signing in again: refused for the deactivated and the participant who left.
    let again = app
        .call(
            "auth/sign-in",
            None,
            &[("email", MENTOR_A), ("password", crate::common::PASSWORD)],
        )
        .await;
    assert!(!again.status.is_success(), "a deactivated mentor signed in");
    let again = app
        .call(
            "auth/tablet-sign-in",
            None,
            &[("code", &s.p1_code), ("pin", crate::common::PIN)],
        )
        .await;
    assert!(
        !again.status.is_success(),
        "a participant who left signed in"
    );
    app.sign_in(TEACHER_A).await;
}

/// A group's request that names someone outside the group is refused as a whole: nothing is
/// stored for the outsider, nor for the group's own participant named beside them.
async fn mixed_requests_are_refused_whole(app: TestApp) {
    let s = seed(&app).await;
    let teacher = app.sign_in(TEACHER_A).await;
    let group = s.group_a.0.to_string();
    let register = app
        .call(
            "hours/register/save",
            Some(&teacher),
            &[
                ("group", &group),
                ("date", "2026-03-02"),
                ("start", "08:30"),
                ("end", "10:10"),
                ("present[0]", "P-0001"),
                ("present[1]", "P-0002"),
            ],
        )
        .await;
    assert!(!register.status.is_success(), "register: {}", register.body);
    let mut grid = vec![
        ("group".to_owned(), group.clone()),
        ("test_date".to_owned(), "2026-10-01".to_owned()),
        ("teacher_email".to_owned(), String::new()),
    ];
    for (i, pref) in ["P-0001", "P-0002"].iter().enumerate() {
        for (k, v) in [
            ("participant_ref", *pref),
            ("test_date", "2026-09-01"),
            ("occasion", "start"),
            ("course", "B"),
            ("grade_scale", "ig_g_vg"),
            ("grade", "G"),
        ] {
            grid.push((format!("rows[{i}][{k}]"), v.to_owned()));
        }
    }
    let pairs: Vec<(&str, &str)> = grid.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let results = app.call("sfi/grid/save", Some(&teacher), &pairs).await;
    assert!(!results.status.is_success(), "grid: {}", results.body);
    for (what, reply) in [("register", &register), ("grid", &results)] {
        let error = reply.error();
        assert!(
            matches!(error, AppError::Forbidden | AppError::Invalid(_)),
            "{what}: {error:?}"
        );
    }
    for p in [s.p1, s.p2] {
        let time = app::db::hours::time_since(&app.db, p, crate::common::date("2000-01-01"))
            .await
            .expect("time");
        assert!(time.is_empty(), "time stored for {p:?}: {time:?}");
        let sfi = app::db::sfi::for_participant(&app.db, p)
            .await
            .expect("sfi");
        assert!(sfi.is_empty(), "results stored for {p:?}: {sfi:?}");
    }
}

/// The short-weeks list holds each reader's own participants with their figures: a mentor sees
/// only theirs, a coordinator everyone, a teacher and a participant nothing.
async fn short_weeks_are_scoped(app: TestApp) {
    let s = seed(&app).await;
    let refs = |reply: Reply| -> Vec<String> {
        let list: Vec<app::hours::api::ShortWeeks> = reply.json();
        let mut refs: Vec<String> = list
            .iter()
            .inspect(|row| assert!(!row.weeks.is_empty() && row.shortfall > 0, "{row:?}"))
            .map(|row| row.participant_ref.clone())
            .collect();
        refs.sort();
        refs
    };
    let coordinator = app.sign_in(COORDINATOR).await;
    let mentor = app.sign_in(MENTOR_A).await;
    assert_eq!(
        refs(app.call("hours/short", Some(&coordinator), &[]).await),
        ["P-0001", "P-0002"]
    );
    assert_eq!(
        refs(app.call("hours/short", Some(&mentor), &[]).await),
        ["P-0001"]
    );
    for session in [
        app.sign_in(TEACHER_A).await,
        app.sign_in_participant(&s.p1_code).await,
    ] {
        assert_eq!(
            app.call("hours/short", Some(&session), &[]).await.error(),
            AppError::Forbidden
        );
    }
}

/// Concurrent writers: twenty self-study entries sent at once all land; ten edits of the same
/// participant from the same version give one success and nine conflicts, never an internal
/// error or a "database is busy".
async fn concurrent_writers_succeed_or_conflict(app: TestApp) {
    let s = seed(&app).await;
    let mentor = app.sign_in(MENTOR_A).await;
    let pid = s.p1.0.to_string();
    let writes = (0..20).map(|i| {
        let (app, mentor, pid) = (&app, &mentor, &pid);
        async move {
            let day = format!("2026-03-{:02}", 2 + i % 5);
            let start = format!("{:02}:00", 6 + i / 5);
            let end = format!("{:02}:30", 6 + i / 5);
            app.call(
                "hours/time",
                Some(mentor),
                &[
                    ("participant", pid),
                    ("kind", "self_study"),
                    ("date", &day),
                    ("start", &start),
                    ("end", &end),
                ],
            )
            .await
        }
    });
    let replies = futures::future::join_all(writes).await;
    for r in &replies {
        assert!(r.status.is_success(), "{} {}", r.status, r.body);
    }
    let stored = app::db::hours::time_since(&app.db, s.p1, crate::common::date("2000-01-01"))
        .await
        .expect("time");
    assert_eq!(stored.len(), 20);

    let coordinator = app.sign_in(COORDINATOR).await;
    let version = app::db::participants::get(&app.db, s.p1)
        .await
        .expect("p1")
        .version;
    let edits = (0..10).map(|i| {
        let (app, coordinator, s) = (&app, &coordinator, &s);
        async move {
            let mut f = form("participants/update", s, true, 0, (0, 0), (0, 0), 0);
            for (k, v) in &mut f {
                match k.as_str() {
                    "raw[given_name]" => *v = format!("Name{i}"),
                    "version" => *v = version.to_string(),
                    _ => {}
                }
            }
            let pairs: Vec<(&str, &str)> =
                f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            app.call("participants/update", Some(coordinator), &pairs)
                .await
        }
    });
    let replies = futures::future::join_all(edits).await;
    let won = replies.iter().filter(|r| r.status.is_success()).count();
    assert_eq!(
        won,
        1,
        "{:?}",
        replies.iter().map(|r| &r.body).collect::<Vec<_>>()
    );
    for r in replies.iter().filter(|r| !r.status.is_success()) {
        assert_eq!(r.status, 409, "{}", r.body);
        assert!(matches!(r.error(), AppError::Invalid(_)), "{}", r.body);
    }
}

crate::on_both_engines! {
    file_routes_for_every_role => super::every_file_route_for_every_role;
    ended_sessions => super::ended_sessions_are_refused_everywhere;
    mixed_requests => super::mixed_requests_are_refused_whole;
    short_weeks_scope => super::short_weeks_are_scoped;
    concurrent_writers => super::concurrent_writers_succeed_or_conflict;
}
