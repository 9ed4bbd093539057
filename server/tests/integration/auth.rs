//! Signing in and out, sessions, throttling, health.

use app::auth::Me;
use app::error::AppError;

use crate::common::{seed, session_token, TestApp, COORDINATOR, MENTOR_A, PASSWORD, PIN};

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
    sign_out => super::signing_out_ends_the_session;
    idle_expiry => super::an_idle_session_expires;
    session_ends => super::sessions_end_by_lifetime_new_pin_and_leaving;
    staff_standing => super::a_coordinator_deactivates_reactivates_and_changes_roles;
    health => super::health_reports_the_database;
}
