//! The access log (issue 17), on both engines: staff reads, downloads, sign-ins and refusals
//! are written with the right fields; the log cannot be changed; only coordinators read it,
//! and their reads are logged; a participant sees which roles looked at their record.

use app::domain::access_log::{AccessEntry, AccessEvent, Actor, LogSubject, RoleVisit};
use app::domain::role::Role;
use app::dto::LogPage;
use axum::http::StatusCode;

use crate::common::{seed, TestApp, COORDINATOR, MENTOR_A, TEACHER_B};

/// Everything logged about `subject`, newest first.
async fn logged(app: &TestApp, subject: LogSubject) -> Vec<AccessEntry> {
    app::db::access_log::list(&app.db, subject, 0, i64::MAX, 10_000)
        .await
        .expect("read the log")
}

async fn staff_reads_and_refusals_are_logged_with_who_what_and_whom(app: TestApp) {
    let s = seed(&app).await;
    let mentor = app.sign_in(MENTOR_A).await;
    let mentor_id = app::db::users::find_for_sign_in(&app.db, MENTOR_A)
        .await
        .expect("db")
        .expect("mentor")
        .0
        .id;
    let page = app
        .get(&format!("/participants/{}", s.p1.0), Some(&mentor))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let reads: Vec<_> = logged(&app, LogSubject::Participant(s.p1))
        .await
        .into_iter()
        .filter(|e| e.event == AccessEvent::Read)
        .collect();
    let mut parts: Vec<&str> = reads.iter().map(|e| e.what.as_str()).collect();
    parts.sort_unstable();
    // One entry per part of the record the page read, however many resources read it.
    let mut unique = parts.clone();
    unique.dedup();
    assert_eq!(
        parts, unique,
        "one entry per part and page view: {reads:#?}"
    );
    assert!(
        parts.contains(&"record") && parts.contains(&"hours"),
        "{parts:?}"
    );
    for e in &reads {
        assert_eq!(
            e.actor,
            Actor::Staff {
                user: mentor_id,
                role: Role::Mentor
            }
        );
        assert_eq!(e.participant, Some(s.p1));
        assert_eq!(e.actor_name.as_deref(), Some("Mona Mentor"), "{e:?}");
        assert!(e.at > 0);
    }
    // The passport is a read of its own.
    let passport = app
        .get(&format!("/participants/{}/passport", s.p1.0), Some(&mentor))
        .await;
    assert_eq!(passport.status, StatusCode::OK);
    let about = logged(&app, LogSubject::Participant(s.p1)).await;
    assert!(
        about
            .iter()
            .any(|e| e.event == AccessEvent::Read && e.what == "passport"),
        "{about:#?}"
    );
    // A participant's own reads are not staff reads.
    let tablet = app.sign_in_participant(&s.p1_code).await;
    let before = logged(&app, LogSubject::Participant(s.p1)).await.len();
    app.get("/me", Some(&tablet)).await;
    let after = logged(&app, LogSubject::Participant(s.p1)).await;
    assert!(
        after[..after.len() - before]
            .iter()
            .all(|e| e.event != AccessEvent::Read),
        "{after:#?}"
    );
    // Teacher B may not read P-0001: the refusal is logged with the participant.
    let teacher = app.sign_in(TEACHER_B).await;
    let refused = app
        .call(
            "participants/get",
            Some(&teacher),
            &[("id", &s.p1.0.to_string())],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let about = logged(&app, LogSubject::Participant(s.p1)).await;
    let refusal = about
        .iter()
        .find(|e| e.event == AccessEvent::Refused)
        .expect("the refusal is logged");
    assert!(matches!(
        refusal.actor,
        Actor::Staff {
            role: Role::Teacher,
            ..
        }
    ));
    assert_eq!(refusal.what, "/api/participants/get");
}

async fn sign_ins_downloads_and_the_log_itself_are_logged(app: TestApp) {
    let s = seed(&app).await;
    let wrong = app
        .call(
            "auth/sign-in",
            None,
            &[("email", COORDINATOR), ("password", "not the password")],
        )
        .await;
    assert!(!wrong.status.is_success());
    let c = app.sign_in(COORDINATOR).await;
    let csv = app.get("/export/participants.csv", Some(&c)).await;
    assert_eq!(csv.status, StatusCode::OK);
    let all = logged(&app, LogSubject::All).await;
    let events: Vec<AccessEvent> = all.iter().rev().map(|e| e.event).collect();
    assert!(
        events.starts_with(&[AccessEvent::SignInFailed, AccessEvent::SignIn]),
        "{all:#?}"
    );
    let download = all
        .iter()
        .find(|e| e.event == AccessEvent::Download)
        .expect("the download is logged");
    assert_eq!(download.what, "participants.csv");
    assert_eq!(download.rows, Some(2), "two participants in the file");

    // Coordinators read the log about a participant; the read is logged too.
    let mentor = app.sign_in(MENTOR_A).await;
    app.get(&format!("/participants/{}", s.p1.0), Some(&mentor))
        .await;
    let reply = app
        .call(
            "audit/log",
            Some(&c),
            &[("participant", &s.p1.0.to_string())],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let page: LogPage = reply.json();
    assert!(page.entries.iter().any(|e| e.event == AccessEvent::Read
        && e.participant == Some(s.p1)
        && e.participant_label.as_deref() == Some("P-0001 Amina Hassan")));
    assert!(page.entries.iter().all(|e| e.participant == Some(s.p1)));
    let about = logged(&app, LogSubject::Participant(s.p1)).await;
    assert_eq!(about[0].event, AccessEvent::LogRead, "{about:#?}");
    // A mentor may not read the log; the refusal is logged.
    let refused = app
        .call(
            "audit/log",
            Some(&mentor),
            &[("participant", &s.p1.0.to_string())],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // The page shows it, with the filter.
    let page = app
        .get(&format!("/access-log?participant={}", s.p1.0), Some(&c))
        .await;
    assert!(
        page.body.contains(r#"data-test="access-log""#),
        "{}",
        page.body
    );
    let bad = app.get("/access-log?from=2026-13-01", Some(&c)).await;
    assert!(bad.body.contains("2026-13-01"), "the wrong date is named");
    // Sign-out is logged.
    app.call("auth/sign-out", Some(&mentor), &[("to", "/sign-in")])
        .await;
    let last = &logged(&app, LogSubject::All).await[0];
    assert_eq!(last.event, AccessEvent::SignOut, "{last:?}");
}

async fn the_log_cannot_be_changed_or_emptied(app: TestApp) {
    let s = seed(&app).await;
    let mentor = app.sign_in(MENTOR_A).await;
    app.get(&format!("/participants/{}", s.p1.0), Some(&mentor))
        .await;
    let before = logged(&app, LogSubject::All).await;
    assert!(!before.is_empty());
    for sql in [
        "UPDATE access_log SET what = 'nothing'",
        "DELETE FROM access_log",
        "UPDATE access_log SET participant_id = NULL",
    ] {
        let changed = sqlx::query(sql).execute(&app.db.pool).await;
        assert!(changed.is_err(), "{sql} must be refused");
    }
    if app.db.backend == app::db::Backend::Postgres {
        let emptied = sqlx::query("TRUNCATE access_log")
            .execute(&app.db.pool)
            .await;
        assert!(emptied.is_err(), "TRUNCATE must be refused");
    }
    assert_eq!(logged(&app, LogSubject::All).await, before);
}

async fn a_participant_sees_which_roles_looked_and_when(app: TestApp) {
    let s = seed(&app).await;
    let mentor = app.sign_in(MENTOR_A).await;
    app.get(&format!("/participants/{}", s.p1.0), Some(&mentor))
        .await;
    let tablet = app.sign_in_participant(&s.p1_code).await;
    let reply = app.call("audit/mine", Some(&tablet), &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let visits: Vec<RoleVisit> = reply.json();
    assert_eq!(visits.len(), 1, "one line per day and role: {visits:?}");
    assert_eq!(visits[0].role, Role::Mentor);
    assert_eq!(visits[0].day, app.clock.today());
    let me = app.get("/me", Some(&tablet)).await;
    assert!(me.body.contains(r#"data-test="my-visits""#));
    // The other participant has had no visit.
    let p2_code = app::db::participants::get(&app.db, s.p2)
        .await
        .expect("P-0002")
        .sign_in_code;
    let p2 = app.sign_in_participant(&p2_code).await;
    let other = app.call("audit/mine", Some(&p2), &[]).await;
    assert!(other.json::<Vec<RoleVisit>>().is_empty());
}

crate::on_both_engines! {
    reads_and_refusals => super::staff_reads_and_refusals_are_logged_with_who_what_and_whom;
    sign_ins_downloads_log_reads => super::sign_ins_downloads_and_the_log_itself_are_logged;
    append_only => super::the_log_cannot_be_changed_or_emptied;
    participant_visits => super::a_participant_sees_which_roles_looked_and_when;
}
