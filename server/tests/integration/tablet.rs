//! The tablet's answer queue (issue 12): a delivery carries an idempotency key and is applied
//! once however often it arrives, only for the participant it was given for; a tablet reports
//! the answers it holds for someone whose session ended, with the token their pages carried;
//! the queue script and the service worker are served from the site root.

use app::db::assessments as store;
use app::domain::catalogue::Catalogue;
use app::domain::cefr::{Answer, Skill};
use app::elp::api::{Delivered, DraftNote};
use app::error::AppError;
use axum::http::StatusCode;
use tower::ServiceExt;

use crate::common::{seed, test_auth, Reply, TestApp};

async fn deliver(
    app: &TestApp,
    session: Option<&str>,
    owner: i64,
    key: &str,
    statement: &str,
    answer: &str,
) -> Reply {
    let owner = owner.to_string();
    app.call(
        "assessment/deliver",
        session,
        &[
            ("key", key),
            ("owner", &owner),
            ("skill", "listening"),
            ("index", "0"),
            ("statement", statement),
            ("answer", answer),
        ],
    )
    .await
}

async fn stored(
    app: &TestApp,
    who: app::domain::ids::ParticipantId,
    statement: &str,
) -> Option<Answer> {
    let draft = store::draft(&app.db, who).await.expect("draft")?;
    let answers = store::answers(&app.db, draft.id).await.expect("answers");
    answers.get(statement).and_then(|(a, _)| *a)
}

async fn a_repeated_delivery_is_applied_once(app: TestApp) {
    let s = seed(&app).await;
    let tablet = app.sign_in_participant(&s.p1_code).await;
    app.call("assessment/start", Some(&tablet), &[("occasion", "start")])
        .await;
    let c = Catalogue::current().expect("catalogue");
    let st = c.skill(Skill::Listening)[0].id.clone();
    let key = "3f2b8c1e-9a0d-4c57-8e21-5b7f4a9c0d13";
    let first = deliver(&app, Some(&tablet), s.p1.0, key, &st, "can_do").await;
    assert_eq!(first.json::<Delivered>(), Delivered { applied: true });
    assert_eq!(stored(&app, s.p1, &st).await, Some(Answer::CanDo));
    // The same key again (the connection dropped after the request was sent): nothing changes,
    // whatever the repeated request says.
    let again = deliver(&app, Some(&tablet), s.p1.0, key, &st, "not_yet").await;
    assert_eq!(again.json::<Delivered>(), Delivered { applied: false });
    assert_eq!(stored(&app, s.p1, &st).await, Some(Answer::CanDo));
    // A later answer to the same sentence has its own key and replaces the first…
    let later = deliver(
        &app,
        Some(&tablet),
        s.p1.0,
        "second-key-0002",
        &st,
        "with_help",
    )
    .await;
    assert_eq!(later.json::<Delivered>(), Delivered { applied: true });
    assert_eq!(stored(&app, s.p1, &st).await, Some(Answer::WithHelp));
    // …and a late repeat of the first never overwrites it.
    let late = deliver(&app, Some(&tablet), s.p1.0, key, &st, "can_do").await;
    assert_eq!(late.json::<Delivered>(), Delivered { applied: false });
    assert_eq!(stored(&app, s.p1, &st).await, Some(Answer::WithHelp));
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assessment_deliveries")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(rows, 2);
}

async fn a_delivery_is_refused_for_anyone_but_its_owner_and_bad_ones_store_nothing(app: TestApp) {
    let s = seed(&app).await;
    let c = Catalogue::current().expect("catalogue");
    let st = c.skill(Skill::Listening)[0].id.clone();
    let tablet = app.sign_in_participant(&s.p1_code).await;
    app.call("assessment/start", Some(&tablet), &[("occasion", "start")])
        .await;
    // An answer given for p2 never lands in p1's session, nor anywhere: kept on the tablet.
    let other = deliver(&app, Some(&tablet), s.p2.0, "for-p2-key-01", &st, "can_do").await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
    assert!(matches!(other.error(), AppError::Forbidden));
    assert_eq!(stored(&app, s.p1, &st).await, None);
    // No session (it expired): refused as not signed in, so the tablet keeps the answer.
    let none = deliver(&app, None, s.p1.0, "no-session-01", &st, "can_do").await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    // A bad key, answer or statement: refused by name, nothing stored.
    let bad = deliver(&app, Some(&tablet), s.p1.0, "x", &st, "can_do").await;
    assert!(matches!(bad.error(), AppError::Invalid(p) if p[0].field == "key"));
    let bad = deliver(&app, Some(&tablet), s.p1.0, "good-key-0001", &st, "maybe").await;
    assert!(matches!(bad.error(), AppError::Invalid(p) if p[0].field == "answer"));
    let unknown = deliver(
        &app,
        Some(&tablet),
        s.p1.0,
        "good-key-0002",
        "X-NOPE",
        "can_do",
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(stored(&app, s.p1, &st).await, None);
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assessment_deliveries")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(rows, 0);
}

async fn a_tablet_reports_waiting_answers_only_with_the_owners_token(app: TestApp) {
    let s = seed(&app).await;
    let token = test_auth(false).waiting_token(s.p1);
    let report = |tok: String, tablet: &'static str, n: &'static str| {
        let owner = s.p1.0.to_string();
        let app = &app;
        async move {
            app.call(
                "assessment/waiting",
                None,
                &[
                    ("owner", &owner),
                    ("token", &tok),
                    ("tablet", tablet),
                    ("answers", n),
                ],
            )
            .await
        }
    };
    // Another participant's token (or a made-up one) is refused.
    let forged = report(test_auth(false).waiting_token(s.p2), "tablet-aaaa-01", "3").await;
    assert!(matches!(forged.error(), AppError::Forbidden));
    assert_eq!(store::waiting(&app.db, s.p1).await.expect("waiting"), 0);
    assert!(report(token.clone(), "tablet-aaaa-01", "3")
        .await
        .status
        .is_success());
    assert!(report(token.clone(), "tablet-bbbb-02", "2")
        .await
        .status
        .is_success());
    assert_eq!(store::waiting(&app.db, s.p1).await.expect("waiting"), 5);
    // A tablet's new report replaces its old one; zero forgets it.
    assert!(report(token.clone(), "tablet-aaaa-01", "1")
        .await
        .status
        .is_success());
    assert_eq!(store::waiting(&app.db, s.p1).await.expect("waiting"), 3);
    assert!(report(token.clone(), "tablet-bbbb-02", "0")
        .await
        .status
        .is_success());
    assert_eq!(store::waiting(&app.db, s.p1).await.expect("waiting"), 1);
    let bad = report(token.clone(), "t", "1").await;
    assert!(matches!(bad.error(), AppError::Invalid(p) if p[0].field == "tablet"));
    let too_many = report(token, "tablet-aaaa-01", "99999").await;
    assert!(matches!(too_many.error(), AppError::Invalid(p) if p[0].field == "answers"));
    // Staff see it with the draft; without a draft there is nothing to show.
    let coordinator = app.sign_in(crate::common::COORDINATOR).await;
    let pid = s.p1.0.to_string();
    let none = app
        .call(
            "assessment/draft",
            Some(&coordinator),
            &[("participant", &pid)],
        )
        .await;
    assert_eq!(none.json::<Option<DraftNote>>(), None);
    let tablet = app.sign_in_participant(&s.p1_code).await;
    app.call("assessment/start", Some(&tablet), &[("occasion", "start")])
        .await;
    let note = app
        .call(
            "assessment/draft",
            Some(&coordinator),
            &[("participant", &pid)],
        )
        .await
        .json::<Option<DraftNote>>()
        .expect("a draft");
    assert_eq!((note.answered, note.waiting), (0, 1));
    assert_eq!(
        note.total,
        Catalogue::current().expect("catalogue").statements.len()
    );
}

async fn the_skill_screen_binds_the_queue_to_its_owner_and_the_scripts_are_served(app: TestApp) {
    let s = seed(&app).await;
    let tablet = app.sign_in_participant(&s.p1_code).await;
    app.call("assessment/start", Some(&tablet), &[("occasion", "start")])
        .await;
    let page = app.get("/me/assessment/listening", Some(&tablet)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page
        .body
        .contains(&format!("data-tablet-owner=\"{}\"", s.p1.0)));
    let token = test_auth(false).waiting_token(s.p1);
    assert!(page
        .body
        .contains(&format!("data-waiting-token=\"{token}\"")));
    assert!(page.body.contains("<script src=\"/tablet.js\">"));
    // The island holds every statement of the skill.
    let c = Catalogue::current().expect("catalogue");
    for st in c.skill(Skill::Listening) {
        assert!(page.body.contains(&st.id), "{} is on the screen", st.id);
    }
    for (path, marker) in [
        ("/tablet.js", "spraktrappanQueue"),
        ("/sw.js", "addEventListener(\"fetch\""),
    ] {
        let res = app
            .router
            .clone()
            .oneshot(
                axum::http::Request::get(path)
                    .body(axum::body::Body::empty())
                    .expect("request"),
            )
            .await
            .expect("answer");
        assert_eq!(res.status(), StatusCode::OK);
        let ct = res.headers()[axum::http::header::CONTENT_TYPE]
            .to_str()
            .unwrap_or_default()
            .to_owned();
        assert!(ct.starts_with("text/javascript"), "{path}: {ct}");
        assert_eq!(res.headers()[axum::http::header::CACHE_CONTROL], "no-cache");
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .expect("body");
        assert!(String::from_utf8_lossy(&body).contains(marker), "{path}");
    }
}

crate::on_both_engines! {
    delivery_once => super::a_repeated_delivery_is_applied_once;
    delivery_owner => super::a_delivery_is_refused_for_anyone_but_its_owner_and_bad_ones_store_nothing;
    waiting_report => super::a_tablet_reports_waiting_answers_only_with_the_owners_token;
    skill_screen_queue => super::the_skill_screen_binds_the_queue_to_its_owner_and_the_scripts_are_served;
}
