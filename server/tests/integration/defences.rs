//! The web's defences (issue 16, in part): a state-changing request from another site is
//! refused before anything runs; answers carry the security headers, and those that may hold
//! personal data are never cached.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use tower::ServiceExt;

use crate::common::{build_router, seed, test_auth, TestApp, COORDINATOR, PASSWORD};

async fn count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM calendar_days")
        .fetch_one(&app.db.pool)
        .await
        .expect("count")
}

fn save(session: &str, extra: &[(&'static str, &'static str)]) -> Request<Body> {
    let mut req = Request::post("/api/calendar/save")
        .header(header::HOST, "spraktrappan.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, format!("st_session={session}"));
    for (k, v) in extra {
        req = req.header(*k, *v);
    }
    req.body(Body::from(
        "scope=programme&from_date=2026-06-19&to_date=2026-06-19&reason=holiday",
    ))
    .expect("request")
}

async fn a_cross_site_post_is_refused_and_stores_nothing(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    for extra in [
        &[("origin", "https://evil.example")][..],
        &[("sec-fetch-site", "cross-site")][..],
        &[("origin", "null")][..],
    ] {
        let res = app
            .router
            .clone()
            .oneshot(save(&c, extra))
            .await
            .expect("answer");
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{extra:?}");
        assert_eq!(count(&app).await, 0);
    }
    // The same request from the app's own page is saved.
    let ours = [
        ("origin", "https://spraktrappan.example"),
        ("sec-fetch-site", "same-origin"),
    ];
    let res = app
        .router
        .clone()
        .oneshot(save(&c, &ours))
        .await
        .expect("answer");
    assert!(res.status().is_success(), "{:?}", res.status());
    assert_eq!(count(&app).await, 1);
}

async fn answers_carry_the_security_headers_and_personal_data_is_not_cached(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let get = |path: &str| {
        Request::get(path)
            .header(header::COOKIE, format!("st_session={c}"))
            .body(Body::empty())
            .expect("request")
    };
    for path in ["/participants", "/export/participants.csv", "/sign-in"] {
        let res = app.router.clone().oneshot(get(path)).await.expect("answer");
        let h = res.headers();
        let value = |name: header::HeaderName| {
            h.get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(value(header::X_CONTENT_TYPE_OPTIONS), "nosniff", "{path}");
        assert_eq!(value(header::REFERRER_POLICY), "same-origin", "{path}");
        assert!(
            value(header::CONTENT_SECURITY_POLICY).contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(value(header::CACHE_CONTROL), "no-store", "{path}");
        let csp = value(header::CONTENT_SECURITY_POLICY);
        assert!(!csp.contains("script-src 'unsafe-inline'"), "{path}: {csp}");
        if path.ends_with(".csv") {
            continue;
        }
        // A page allows inline scripts only with its own nonce, and every inline script it
        // sends carries that nonce.
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap_or_else(|| panic!("{path}: no nonce in {csp}"))
            .to_owned();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .expect("body");
        let html = String::from_utf8_lossy(&bytes);
        let scripts: Vec<&str> = html.split("<script").skip(1).collect();
        assert!(!scripts.is_empty(), "{path}: the islands' loader is inline");
        for s in scripts {
            let tag = s.split('>').next().unwrap_or_default();
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")) || tag.contains(" src="),
                "{path}: an inline script without the page's nonce: <script{tag}>"
            );
        }
    }
    // The nonce is new on every answer.
    let twice: Vec<String> = page_policies(&app, &c).await;
    assert_ne!(twice[0], twice[1]);
}

async fn page_policies(app: &TestApp, session: &str) -> Vec<String> {
    let mut out = Vec::new();
    for _ in 0..2 {
        let res = app
            .router
            .clone()
            .oneshot(
                Request::get("/participants")
                    .header(header::COOKIE, format!("st_session={session}"))
                    .body(Body::empty())
                    .expect("request"),
            )
            .await
            .expect("answer");
        out.push(
            res.headers()
                .get(header::CONTENT_SECURITY_POLICY)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned(),
        );
    }
    out
}

/// With secure cookies (the default), sign-in sets `__Host-st_session` with `Secure` and HSTS
/// is sent; the session works under that name only, and signing out clears it.
async fn secure_cookies_are_host_prefixed_and_the_plain_name_is_not_read(app: TestApp) {
    seed(&app).await;
    let router = build_router(&app.db, &app.clock, test_auth(true));
    let body = crate::common::form_body(&[("email", COORDINATOR), ("password", PASSWORD)]);
    let res = router
        .clone()
        .oneshot(
            Request::post("/api/auth/sign-in")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "application/json")
                .body(Body::from(body))
                .expect("request"),
        )
        .await
        .expect("answer");
    assert!(res.status().is_success(), "{:?}", res.status());
    assert!(res
        .headers()
        .get(header::STRICT_TRANSPORT_SECURITY)
        .is_some_and(|v| v.to_str().unwrap_or_default().contains("max-age=")));
    let cookie = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("__Host-st_session="))
        .expect("a __Host- session cookie")
        .to_owned();
    assert!(
        cookie.contains("; Secure") && cookie.contains("; Path=/") && cookie.contains("HttpOnly")
    );
    let token = cookie
        .trim_start_matches("__Host-st_session=")
        .split(';')
        .next()
        .unwrap_or_default()
        .to_owned();
    let page = |cookie: String| {
        Request::get("/participants")
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .expect("request")
    };
    let signed_in = |res: axum::response::Response| async move {
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .expect("body");
        String::from_utf8_lossy(&bytes).contains("data-test=\"sign-out\"")
    };
    let ok = router
        .clone()
        .oneshot(page(format!("__Host-st_session={token}")))
        .await
        .expect("answer");
    assert!(signed_in(ok).await, "the __Host- cookie is the session");
    // The same token under the plain name is not a session here.
    let plain = router
        .clone()
        .oneshot(page(format!("st_session={token}")))
        .await
        .expect("answer");
    assert!(!signed_in(plain).await, "the plain name is not read");
}

/// A post that says nothing of its origin (no `Origin`, `Sec-Fetch-Site` or `Referer`, as
/// some older browsers send) and acts for a session needs the session's token: without it
/// nothing is stored; with it in the form (as every page's forms carry it) or in the header, it
/// is saved.
async fn a_post_without_origin_needs_the_sessions_token(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let refused = app
        .router
        .clone()
        .oneshot(save(&c, &[]))
        .await
        .expect("answer");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(count(&app).await, 0);
    // The token the pages put in their forms.
    let page = app.get("/calendar", Some(&c)).await.body;
    let token = test_auth(false).csrf_token(&c);
    assert!(
        page.contains(&format!("name=\"_csrf\" value=\"{token}\"")),
        "the page's forms carry the session's token"
    );
    let wrong = Request::post("/api/calendar/save")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, format!("st_session={c}"))
        .body(Body::from(
            "_csrf=not-the-token&scope=programme&from_date=2026-06-19&to_date=2026-06-19&reason=holiday",
        ))
        .expect("request");
    let res = app.router.clone().oneshot(wrong).await.expect("answer");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let with_field = Request::post("/api/calendar/save")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, format!("st_session={c}"))
        .body(Body::from(format!(
            "_csrf={token}&scope=programme&from_date=2026-06-19&to_date=2026-06-19&reason=holiday"
        )))
        .expect("request");
    let res = app
        .router
        .clone()
        .oneshot(with_field)
        .await
        .expect("answer");
    assert!(res.status().is_success(), "{:?}", res.status());
    assert_eq!(count(&app).await, 1);
    let with_header = Request::post("/api/calendar/save")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, format!("st_session={c}"))
        .header("x-csrf-token", token.as_str())
        .body(Body::from(
            "scope=programme&from_date=2026-06-22&to_date=2026-06-22&reason=holiday",
        ))
        .expect("request");
    let res = app
        .router
        .clone()
        .oneshot(with_header)
        .await
        .expect("answer");
    assert!(res.status().is_success(), "{:?}", res.status());
    assert_eq!(count(&app).await, 2);
}

/// A write that loses a race for a unique key (another request inserted the same key between
/// our check and our insert) is answered as a conflict to retry, on either engine, not as an
/// internal error.
async fn a_lost_unique_key_race_is_a_conflict(app: TestApp) {
    use app::domain::problem::Problem;
    use app::error::AppError;
    seed(&app).await;
    let lost = sqlx::query(
        "INSERT INTO users (email, display_name, role, password_hash, active, created_at) \
         VALUES ($1, 'Twin', 'mentor', 'x', 1, 0)",
    )
    .bind(COORDINATOR)
    .execute(&app.db.pool)
    .await
    .expect_err("the e-mail is taken");
    let answer = AppError::from(app::db::DbError::Sqlx(lost));
    assert_eq!(answer.problems().len(), 1, "{answer:?}");
    assert_eq!(answer.problems()[0].problem, Problem::ChangedMeanwhile);
}

/// A refused server-function call answers with the status of its reason, the error as before.
async fn refusals_answer_with_their_own_status(app: TestApp) {
    use app::error::AppError;
    seed(&app).await;
    let anonymous = app
        .call("participants/list", None, &[("filter[page]", "1")])
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.error(), AppError::NotSignedIn);
    let wrong = app
        .call(
            "auth/sign-in",
            None,
            &[("email", COORDINATOR), ("password", "not the password")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let c = app.sign_in(COORDINATOR).await;
    let invalid = app
        .call(
            "calendar/save",
            Some(&c),
            &[
                ("scope", "moon"),
                ("from_date", "2026-06-19"),
                ("to_date", "2026-06-19"),
                ("reason", "holiday"),
            ],
        )
        .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!invalid.error().problems().is_empty());
    let missing = app
        .call("participants/get", Some(&c), &[("id", "999999")])
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

/// To anyone but a coordinator, an id that does not exist answers exactly like one they may not
/// see, so ids cannot be probed; a coordinator (who sees everything) learns it does not exist.
async fn a_missing_id_answers_like_a_forbidden_one(app: TestApp) {
    use app::error::AppError;
    let s = seed(&app).await;
    let mentor = app.sign_in(crate::common::MENTOR_A).await;
    let teacher = app.sign_in(crate::common::TEACHER_A).await;
    let others = s.p2.0.to_string();
    for (who, session) in [("mentor", &mentor), ("teacher", &teacher)] {
        let theirs = app
            .call("participants/get", Some(session), &[("id", &others)])
            .await;
        let missing = app
            .call("participants/get", Some(session), &[("id", "999999")])
            .await;
        assert_eq!(
            (theirs.status, theirs.error()),
            (StatusCode::FORBIDDEN, AppError::Forbidden),
            "{who}"
        );
        assert_eq!(
            (missing.status, missing.body),
            (theirs.status, theirs.body),
            "{who}"
        );
    }
    let group = app
        .call("groups/get", Some(&teacher), &[("id", "999999")])
        .await;
    assert_eq!(group.error(), AppError::Forbidden);
    let result = app
        .call("sfi/results", Some(&teacher), &[("participant", "999999")])
        .await;
    assert_eq!(result.error(), AppError::Forbidden);
    let c = app.sign_in(COORDINATOR).await;
    let missing = app
        .call("participants/get", Some(&c), &[("id", "999999")])
        .await;
    assert_eq!(missing.error(), AppError::NotFound);
}

crate::on_both_engines! {
    missing_like_forbidden => super::a_missing_id_answers_like_a_forbidden_one;
    error_statuses => super::refusals_answer_with_their_own_status;
    unique_race => super::a_lost_unique_key_race_is_a_conflict;
    csrf_token => super::a_post_without_origin_needs_the_sessions_token;
    secure_cookies => super::secure_cookies_are_host_prefixed_and_the_plain_name_is_not_read;
    cross_site_refused => super::a_cross_site_post_is_refused_and_stores_nothing;
    security_headers => super::answers_carry_the_security_headers_and_personal_data_is_not_cached;
}
