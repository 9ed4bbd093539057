//! The web's defences (issue 16, in part): a state-changing request from another site is
//! refused before anything runs; answers carry the security headers, and those that may hold
//! personal data are never cached.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use tower::ServiceExt;

use crate::common::{seed, TestApp, COORDINATOR};

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
    }
}

crate::on_both_engines! {
    cross_site_refused => super::a_cross_site_post_is_refused_and_stores_nothing;
    security_headers => super::answers_carry_the_security_headers_and_personal_data_is_not_cached;
}
