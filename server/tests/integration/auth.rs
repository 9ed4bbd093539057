//! Signing in and out, sessions, throttling, health.

use app::auth::Me;
use app::error::AppError;

use std::net::SocketAddr;

use app::domain::credentials::SignInCode;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request};

use crate::common::{
    form_body, seed, session_token, test_auth, TestApp, COORDINATOR, MENTOR_A, MENTOR_B, PASSWORD,
    PIN,
};

async fn staff_sign_in_sets_a_safe_cookie_and_a_session(app: TestApp) {
    seed(&app).await;
    let reply = app
        .call(
            "auth/sign-in",
            None,
            &[("email", " Coord@Test.se "), ("password", PASSWORD)],
        )
        .await;
    assert!(reply.status.is_success(), "{}", reply.body);
    let cookie = reply
        .cookies
        .iter()
        .find(|c| c.starts_with("st_session="))
        .expect("session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let token = session_token(&reply).expect("token");
    let me: Option<Me> = app.call("auth/me", Some(&token), &[]).await.json();
    assert_eq!(me.map(|m| m.name).as_deref(), Some("Cora Coordinator"));
}

async fn a_wrong_password_is_refused_without_saying_which_part_was_wrong(app: TestApp) {
    seed(&app).await;
    let wrong = app
        .call(
            "auth/sign-in",
            None,
            &[("email", COORDINATOR), ("password", "nope nope nope")],
        )
        .await;
    assert_eq!(wrong.error(), AppError::SignInFailed);
    let unknown = app
        .call(
            "auth/sign-in",
            None,
            &[("email", "nobody@test.se"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(unknown.error(), AppError::SignInFailed);
    assert!(session_token(&wrong).is_none());
}

async fn five_failures_lock_the_account_for_a_while(app: TestApp) {
    seed(&app).await;
    for _ in 0..4 {
        let r = app
            .call(
                "auth/sign-in",
                None,
                &[("email", MENTOR_A), ("password", "wrong password")],
            )
            .await;
        assert_eq!(r.error(), AppError::SignInFailed);
    }
    let fifth = app
        .call(
            "auth/sign-in",
            None,
            &[("email", MENTOR_A), ("password", "wrong password")],
        )
        .await;
    assert!(
        matches!(fifth.error(), AppError::Throttled { minutes: 15 }),
        "{}",
        fifth.body
    );
    let right = app
        .call(
            "auth/sign-in",
            None,
            &[("email", MENTOR_A), ("password", PASSWORD)],
        )
        .await;
    assert!(
        matches!(right.error(), AppError::Throttled { .. }),
        "locked even with the right password"
    );
    // Another account is not affected.
    app.sign_in(COORDINATOR).await;
}

async fn a_participant_signs_in_with_code_and_pin(app: TestApp) {
    let s = seed(&app).await;
    let typed = format!("{}-{}", &s.p1_code[..3], &s.p1_code[3..]).to_lowercase();
    let reply = app
        .call(
            "auth/tablet-sign-in",
            None,
            &[("code", &typed), ("pin", PIN)],
        )
        .await;
    assert!(reply.status.is_success(), "{}", reply.body);
    let token = session_token(&reply).expect("token");
    let me: app::dto::ParticipantDetail = app.call("me", Some(&token), &[]).await.json();
    assert_eq!(me.participant_ref, "P-0001");
    let wrong = app
        .call(
            "auth/tablet-sign-in",
            None,
            &[("code", &s.p1_code), ("pin", "0000")],
        )
        .await;
    assert_eq!(wrong.error(), AppError::SignInFailed);
}

/// Forty wrong PINs sent at once: each is counted before its PIN is checked, so at most four
/// are answered "wrong" and the rest are locked out; the right PIN is refused afterwards.
async fn parallel_wrong_pins_lock_the_code(app: TestApp) {
    let s = seed(&app).await;
    let app = std::sync::Arc::new(app);
    let mut tasks = Vec::new();
    for i in 0..40 {
        let app = std::sync::Arc::clone(&app);
        let code = s.p1_code.clone();
        tasks.push(tokio::spawn(async move {
            let pin = format!("{:04}", 1000 + i);
            app.call(
                "auth/tablet-sign-in",
                None,
                &[("code", &code), ("pin", &pin)],
            )
            .await
            .error()
        }));
    }
    let mut wrong = 0;
    let mut locked = 0;
    for t in tasks {
        match t.await.expect("task") {
            AppError::SignInFailed => wrong += 1,
            AppError::Throttled { .. } => locked += 1,
            other => panic!("unexpected answer {other:?}"),
        }
    }
    assert!(wrong <= 4, "{wrong} PINs were checked and found wrong");
    assert_eq!(wrong + locked, 40);
    let right = app
        .call(
            "auth/tablet-sign-in",
            None,
            &[("code", &s.p1_code), ("pin", PIN)],
        )
        .await;
    assert!(
        matches!(right.error(), AppError::Throttled { .. }),
        "the right PIN is refused while locked"
    );
}

/// A tablet sign-in from client address `ip`.
fn tablet_from(ip: [u8; 4], code: &str, pin: &str) -> Request<Body> {
    let mut req = Request::post("/api/auth/tablet-sign-in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(form_body(&[("code", code), ("pin", pin)])))
        .expect("request");
    req.extensions_mut()
        .insert(ConnectInfo(SocketAddr::from((ip, 40_000))));
    req
}

/// One client address trying many codes is stopped after 50 failures, even though no code
/// reached its own limit; a right PIN from there is refused too, while another address (the
/// participant's own school) still signs in.
async fn one_address_guessing_many_codes_is_stopped(app: TestApp) {
    let s = seed(&app).await;
    let attacker = [203, 0, 113, 9];
    for i in 0..50u32 {
        // 25 made-up codes, two guesses each: below each code's own limit of five.
        let code = SignInCode::from_random([i / 2, i / 2 + 3, 7, 11, 13, 17]);
        let reply = app
            .send(tablet_from(attacker, code.as_str(), "583920"))
            .await;
        // The fiftieth failure is the one that locks the address.
        let expected_lock = i == 49;
        assert_eq!(
            matches!(reply.error(), AppError::Throttled { .. }),
            expected_lock,
            "guess {i}: {}",
            reply.body
        );
    }
    let right = app.send(tablet_from(attacker, &s.p1_code, PIN)).await;
    assert!(
        matches!(right.error(), AppError::Throttled { .. }),
        "the attacker's address is locked: {}",
        right.body
    );
    let school = app.send(tablet_from([10, 1, 2, 3], &s.p1_code, PIN)).await;
    assert!(school.status.is_success(), "{}", school.body);
    assert!(session_token(&school).is_some());
}

/// When the whole site is over its limit, every sign-in is refused unchecked for a while.
async fn the_whole_site_over_its_limit_refuses_every_sign_in(app: TestApp) {
    use app::domain::credentials::OVERALL_SUBJECT;
    let s = seed(&app).await;
    let key = test_auth(false).throttle_key(OVERALL_SUBJECT);
    let now = app::db::now();
    app::db::throttle::count_attempt(&app.db, &key, now, 300)
        .await
        .expect("count");
    app::db::throttle::lock(&app.db, &key, now + 60)
        .await
        .expect("lock");
    let reply = app.send(tablet_from([10, 1, 2, 3], &s.p1_code, PIN)).await;
    assert_eq!(reply.error(), AppError::Throttled { minutes: 1 });
    let staff = app
        .call(
            "auth/sign-in",
            None,
            &[("email", COORDINATOR), ("password", PASSWORD)],
        )
        .await;
    assert!(matches!(staff.error(), AppError::Throttled { .. }));
}

/// A participant whose code is locked by wrong PINs shows so on their mentor's dashboard (and
/// only theirs); a new PIN from the mentor lifts the lock at once.
async fn a_locked_participant_shows_on_the_mentors_dashboard_until_a_new_pin(app: TestApp) {
    use app::ladder::api::Dashboard;
    let s = seed(&app).await;
    for _ in 0..5 {
        app.call(
            "auth/tablet-sign-in",
            None,
            &[("code", &s.p1_code), ("pin", "583920")],
        )
        .await;
    }
    let mentor = app.sign_in(MENTOR_A).await;
    let dash: Dashboard = app
        .call("ladder/dashboard", Some(&mentor), &[])
        .await
        .json();
    let row = dash
        .rows
        .iter()
        .find(|r| r.id == s.p1)
        .expect("P-0001 on mentor A's dashboard");
    let until = row.tablet_locked_until.expect("shown as locked");
    let now = app::state::clock::now();
    assert!(
        until > now && until <= now + chrono::Duration::minutes(16),
        "{until}"
    );
    let html = app.get("/", Some(&mentor)).await.body;
    assert!(html.contains("data-test=\"tablet-locked\""));
    let other = app.sign_in(MENTOR_B).await;
    let theirs: Dashboard = app.call("ladder/dashboard", Some(&other), &[]).await.json();
    assert!(theirs.rows.iter().all(|r| r.tablet_locked_until.is_none()));

    let p1 = s.p1.to_string();
    let set = app
        .call(
            "participants/pin",
            Some(&mentor),
            &[("id", &p1), ("pin", "583920")],
        )
        .await;
    assert!(set.status.is_success(), "{}", set.body);
    let dash: Dashboard = app
        .call("ladder/dashboard", Some(&mentor), &[])
        .await
        .json();
    assert!(dash.rows.iter().all(|r| r.tablet_locked_until.is_none()));
    let html = app.get("/", Some(&mentor)).await.body;
    assert!(html.contains("data-test=\"dash-row-P-0001\""), "{html}");
    assert!(
        !html.contains("data-test=\"tablet-locked\""),
        "the kept page follows"
    );
    let signed_in = app
        .call(
            "auth/tablet-sign-in",
            None,
            &[("code", &s.p1_code), ("pin", "583920")],
        )
        .await;
    assert!(signed_in.status.is_success(), "{}", signed_in.body);
}

/// A coordinator resets a mentor's password: the one-time password is answered once, the
/// mentor's sessions and old password stop working, and with the one-time password every page
/// and function sends to `/password` until the mentor has chosen their own.
async fn a_reset_password_must_be_changed_before_anything_else(app: TestApp) {
    use app::domain::problem::Problem;
    use app::dto::OneTimePassword;
    seed(&app).await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let old_session = app.sign_in(MENTOR_A).await;
    let mentor = app::db::users::find_by_email(&app.db, MENTOR_A)
        .await
        .expect("db")
        .expect("mentor");
    let id = mentor.id.0.to_string();
    let otp: OneTimePassword = app
        .call("staff/reset-password", Some(&coordinator), &[("user", &id)])
        .await
        .json();
    assert_eq!(otp.email, MENTOR_A);
    assert_eq!(otp.password.len(), 14);
    assert_eq!(
        app.call("home", Some(&old_session), &[]).await.error(),
        AppError::NotSignedIn
    );
    let listed: Vec<app::dto::StaffUser> =
        app.call("staff/list", Some(&coordinator), &[]).await.json();
    assert!(listed
        .iter()
        .any(|u| u.email == MENTOR_A && u.must_change_password));
    // A coordinator's own account is reset by another coordinator, not here.
    let me = app::db::users::find_by_email(&app.db, COORDINATOR)
        .await
        .expect("db")
        .expect("coordinator");
    let own = app
        .call(
            "staff/reset-password",
            Some(&coordinator),
            &[("user", &me.id.0.to_string())],
        )
        .await;
    assert_eq!(own.error().problems()[0].problem, Problem::OwnAccount);

    let signed_in = app
        .call(
            "auth/sign-in",
            None,
            &[("email", MENTOR_A), ("password", &otp.password)],
        )
        .await;
    assert_eq!(signed_in.location.as_deref(), Some("/password"));
    let session = session_token(&signed_in).expect("session");
    assert_eq!(
        app.call("home", Some(&session), &[]).await.error(),
        AppError::PasswordChangeRequired
    );
    let page = app.get("/participants", Some(&session)).await;
    assert!(
        page.status.is_redirection(),
        "{} {}",
        page.status,
        page.body
    );
    assert_eq!(page.location.as_deref(), Some("/password"));
    let me: Option<Me> = app.call("auth/me", Some(&session), &[]).await.json();
    assert!(me.is_some_and(|m| m.must_change_password));
    let changed = app
        .call(
            "auth/password",
            Some(&session),
            &[
                ("current", &otp.password),
                ("new", "my own good password"),
                ("repeat", "my own good password"),
            ],
        )
        .await;
    assert!(changed.status.is_success(), "{}", changed.body);
    assert!(app
        .call("home", Some(&session), &[])
        .await
        .status
        .is_success());
    app.sign_in_with(MENTOR_A, "my own good password").await;
}

/// Everyone changes their own password with the current one; a wrong current password, two
/// different new ones or the same one again are refused on their field; a change ends the
/// account's other sessions but not the one that made it.
async fn staff_change_their_own_password(app: TestApp) {
    use app::domain::problem::Problem;
    seed(&app).await;
    let other_tab = app.sign_in(MENTOR_A).await;
    let session = app.sign_in(MENTOR_A).await;
    let attempt = |current: &'static str, new: &'static str, repeat: &'static str| {
        let app = &app;
        let session = session.clone();
        async move {
            app.call(
                "auth/password",
                Some(&session),
                &[("current", current), ("new", new), ("repeat", repeat)],
            )
            .await
        }
    };
    let wrong = attempt(
        "not my password",
        "a brand new password",
        "a brand new password",
    )
    .await;
    assert_eq!(wrong.error().problems()[0].field, "current");
    assert_eq!(
        wrong.error().problems()[0].problem,
        Problem::WrongCurrentPassword
    );
    let differ = attempt(PASSWORD, "a brand new password", "a brand new passw0rd").await;
    assert_eq!(
        differ.error().problems()[0].problem,
        Problem::PasswordsDiffer
    );
    let same = attempt(PASSWORD, PASSWORD, PASSWORD).await;
    assert_eq!(
        same.error().problems()[0].problem,
        Problem::PasswordUnchanged
    );
    let short = attempt(PASSWORD, "short", "short").await;
    assert_eq!(short.error().problems()[0].field, "new");
    let ok = attempt(PASSWORD, "a brand new password", "a brand new password").await;
    assert!(ok.status.is_success(), "{}", ok.body);
    assert!(app
        .call("home", Some(&session), &[])
        .await
        .status
        .is_success());
    assert_eq!(
        app.call("home", Some(&other_tab), &[]).await.error(),
        AppError::NotSignedIn
    );
    app.sign_in_with(MENTOR_A, "a brand new password").await;
}

async fn signing_out_ends_the_session(app: TestApp) {
    seed(&app).await;
    let token = app.sign_in(COORDINATOR).await;
    let out = app
        .call("auth/sign-out", Some(&token), &[("to", "/sign-in")])
        .await;
    assert!(out.status.is_success(), "{}", out.body);
    assert!(out.cookies.iter().any(|c| c.contains("Max-Age=0")));
    let after = app.call("home", Some(&token), &[]).await;
    assert_eq!(after.error(), AppError::NotSignedIn);
}

async fn an_idle_session_expires(app: TestApp) {
    seed(&app).await;
    let token = app.sign_in(COORDINATOR).await;
    assert!(app
        .call("home", Some(&token), &[])
        .await
        .status
        .is_success());
    sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at - 7200")
        .execute(&app.db.pool)
        .await
        .expect("age the session");
    assert_eq!(
        app.call("home", Some(&token), &[]).await.error(),
        AppError::NotSignedIn
    );
}

/// A session ends after its lifetime however active it is (12 hours staff, 2 hours tablet), and
/// a new PIN or a participant's leaving ends the participant's sessions.
async fn sessions_end_by_lifetime_new_pin_and_leaving(app: TestApp) {
    let s = seed(&app).await;
    let staff = app.sign_in(COORDINATOR).await;
    let tablet = app.sign_in_participant(&s.p1_code).await;
    assert!(app.call("me", Some(&tablet), &[]).await.status.is_success());
    // Active all the time, but started 13 and 3 hours ago.
    sqlx::query(
        "UPDATE sessions SET created_at = created_at - CASE WHEN user_id IS NULL THEN 10800 ELSE 46800 END",
    )
    .execute(&app.db.pool)
    .await
    .expect("age the sessions");
    assert_eq!(
        app.call("home", Some(&staff), &[]).await.error(),
        AppError::NotSignedIn
    );
    assert_eq!(
        app.call("me", Some(&tablet), &[]).await.error(),
        AppError::NotSignedIn
    );
    // A new PIN ends the tablet session of the old one.
    let tablet = app.sign_in_participant(&s.p1_code).await;
    let m = app.sign_in(MENTOR_A).await;
    let reply = app
        .call(
            "participants/pin",
            Some(&m),
            &[("id", &s.p1.0.to_string()), ("pin", "583920")],
        )
        .await;
    assert!(reply.status.is_success(), "{}", reply.body);
    assert_eq!(
        app.call("me", Some(&tablet), &[]).await.error(),
        AppError::NotSignedIn
    );
    // Leaving the programme ends them too.
    let tablet = app
        .call(
            "auth/tablet-sign-in",
            None,
            &[("code", &s.p1_code), ("pin", "583920")],
        )
        .await;
    let tablet = crate::common::session_token(&tablet).expect("signed in");
    let mut tx = app.db.begin().await.expect("tx");
    app::db::participants::set_status(
        &mut tx,
        s.p1,
        app::domain::status::ParticipantStatus::LeftEarly,
        Some("2026-06-30".to_owned()),
        app::db::participants::ChangeSource {
            source: "cli",
            by: None,
        },
    )
    .await
    .expect("status");
    tx.commit().await.expect("commit");
    assert_eq!(
        app.call("me", Some(&tablet), &[]).await.error(),
        AppError::NotSignedIn
    );
}

/// A coordinator deactivates and reactivates an account and changes a role: each ends the
/// account's sessions; their own account and the last coordinator are refused.
async fn a_coordinator_deactivates_reactivates_and_changes_roles(app: TestApp) {
    use app::domain::problem::Problem;
    use app::domain::role::Role;
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let mentor = app.sign_in(MENTOR_A).await;
    let staff: Vec<app::dto::StaffUser> = app.call("staff/list", Some(&c), &[]).await.json();
    let id_of = |email: &str| {
        staff
            .iter()
            .find(|u| u.email == email)
            .map(|u| u.id.0.to_string())
            .expect("listed")
    };
    let (mentor_id, me_id) = (id_of(MENTOR_A), id_of(COORDINATOR));
    let set = |session: String, id: String, active: &'static str, role: &'static str| {
        let app = &app;
        async move {
            app.call(
                "staff/standing",
                Some(&session),
                &[("user", &id), ("active", active), ("role", role)],
            )
            .await
        }
    };
    let off = set(c.clone(), mentor_id.clone(), "false", "mentor").await;
    let user: app::dto::StaffUser = off.json();
    assert!(!user.active);
    assert_eq!(
        app.call("home", Some(&mentor), &[]).await.error(),
        AppError::NotSignedIn,
        "the deactivated account's session ended"
    );
    let refused = app
        .call(
            "auth/sign-in",
            None,
            &[("email", MENTOR_A), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(refused.error(), AppError::SignInFailed);
    // Reactivated as a teacher: signs in again, with the new role.
    let on: app::dto::StaffUser = set(c.clone(), mentor_id.clone(), "true", "teacher")
        .await
        .json();
    assert!(on.active);
    assert_eq!(on.role, Role::Teacher);
    let again = app.sign_in(MENTOR_A).await;
    let me: Option<Me> = app.call("auth/me", Some(&again), &[]).await.json();
    assert!(matches!(
        me.map(|m| m.principal),
        Some(app::domain::role::Principal::Staff {
            role: Role::Teacher,
            ..
        })
    ));
    // Not one's own account; never the last coordinator.
    let own = set(c.clone(), me_id.clone(), "false", "coordinator")
        .await
        .error();
    assert_eq!(own.problems()[0].problem, Problem::OwnAccount);
    let e = app::db::users::set_standing(
        &app.db,
        app::domain::ids::UserId(me_id.parse().expect("id")),
        true,
        Role::Mentor,
    )
    .await;
    assert!(matches!(
        e,
        Err(app::db::DbError::Conflict(ref p)) if p.problem == Problem::LastCoordinator
    ));
}

async fn health_reports_the_database(app: TestApp) {
    assert_eq!(app.get("/healthz", None).await.status, 200);
    app.db.pool.close().await;
    assert_eq!(app.get("/healthz", None).await.status, 503);
}

crate::on_both_engines! {
    staff_sign_in => super::staff_sign_in_sets_a_safe_cookie_and_a_session;
    wrong_password => super::a_wrong_password_is_refused_without_saying_which_part_was_wrong;
    throttling => super::five_failures_lock_the_account_for_a_while;
    participant_sign_in => super::a_participant_signs_in_with_code_and_pin;
    parallel_wrong_pins => super::parallel_wrong_pins_lock_the_code;
    address_limit => super::one_address_guessing_many_codes_is_stopped;
    overall_limit => super::the_whole_site_over_its_limit_refuses_every_sign_in;
    locked_on_dashboard => super::a_locked_participant_shows_on_the_mentors_dashboard_until_a_new_pin;
    password_reset => super::a_reset_password_must_be_changed_before_anything_else;
    own_password => super::staff_change_their_own_password;
    sign_out => super::signing_out_ends_the_session;
    idle_expiry => super::an_idle_session_expires;
    session_ends => super::sessions_end_by_lifetime_new_pin_and_leaving;
    staff_standing => super::a_coordinator_deactivates_reactivates_and_changes_roles;
    health => super::health_reports_the_database;
}
