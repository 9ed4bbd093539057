//! Plain form posts (no JavaScript): a refused form comes back with the values typed, a saved
//! one with its result, and only to the browser session that posted. (That PINs and passwords
//! are never kept is a unit test of `app::ui::flash`.)

use axum::body::Body;
use axum::http::{header, Request, StatusCode};

use crate::common::{form_body, seed, Reply, TestApp, COORDINATOR};
use crate::register::{pairs, raw};

/// Posts a form as a browser without JavaScript does: `Accept: text/html` and a `Referer`.
async fn post_form(
    app: &TestApp,
    endpoint: &str,
    session: &str,
    referer: &str,
    form: &[(&str, &str)],
) -> Reply {
    let body = form_body(form);
    let req = Request::post(format!("/api/{endpoint}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::HOST, "localhost")
        .header(header::REFERER, format!("http://localhost{referer}"))
        .header(header::COOKIE, format!("st_session={session}"))
        .body(Body::from(body))
        .expect("request");
    app.send(req).await
}

/// The path and query of a redirect's `Location`.
fn local(location: &str) -> String {
    location
        .strip_prefix("http://localhost")
        .unwrap_or(location)
        .to_owned()
}

async fn a_refused_form_comes_back_with_the_values_typed_for_its_session_only(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let refused = post_form(
        &app,
        "participants/create",
        &c,
        "/participants/new",
        &pairs(&raw("P-0300", "1850", "")),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FOUND, "{}", refused.body);
    let location = local(refused.location.as_deref().expect("a redirect back"));
    assert!(location.starts_with("/participants/new?"), "{location}");
    assert!(
        location.contains("__err=") && location.contains("__flash="),
        "{location}"
    );
    let page = app.get(&location, Some(&c)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(r#"value="P-0300""#),
        "the reference typed is back"
    );
    assert!(
        page.body.contains(r#"value="Nadia""#),
        "the given name typed is back"
    );
    assert!(
        page.body.contains(r#"value="1850""#),
        "the wrong year is back to be fixed"
    );
    assert!(
        page.body.contains(r#"aria-invalid="true""#),
        "the wrong field is marked"
    );
    assert!(
        app::db::participants::id_by_ref(&app.db, "P-0300")
            .await
            .expect("db")
            .is_none(),
        "nothing stored"
    );
    // Another session (another person at the same desk) does not get the values.
    let other = app.sign_in(COORDINATOR).await;
    let theirs = app.get(&location, Some(&other)).await;
    assert!(!theirs.body.contains(r#"value="Nadia""#));
}

async fn a_saved_grid_says_what_was_stored(app: TestApp) {
    let s = seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let referer = format!("/groups/{}/results", s.group_a.0);
    let saved = post_form(
        &app,
        "sfi/grid/save",
        &c,
        &referer,
        &[
            ("group", &s.group_a.0.to_string()),
            ("test_date", "2026-03-10"),
            ("teacher_email", ""),
            ("rows[0][participant_ref]", "P-0001"),
            ("rows[0][grade]", "G"),
            ("rows[0][course]", "D"),
            ("rows[0][grade_scale]", "ig_g_vg"),
            ("rows[0][occasion]", "start"),
        ],
    )
    .await;
    assert_eq!(saved.status, StatusCode::FOUND, "{}", saved.body);
    let location = local(saved.location.as_deref().expect("a redirect back"));
    assert!(!location.contains("__err="), "{location}");
    let page = app.get(&location, Some(&c)).await;
    assert!(
        page.body.contains(r#"data-test="grid-saved""#),
        "{}",
        page.body
    );
}

async fn static_files_are_hashed_compressed_and_cached(app: TestApp) {
    // The test router has no built files: the pages link the plain names, and an unknown
    // file is not found (the hashing and encodings are unit-tested in `server::assets`).
    let page = app.get("/tablet", None).await;
    assert!(
        page.body.contains(r#"href="/pkg/spraktrappan.css""#),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("modulepreload"),
        "no page preloads the wasm"
    );
    let missing = app.get("/pkg/nope.js", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

crate::on_both_engines! {
    refused_form_keeps_values => super::a_refused_form_comes_back_with_the_values_typed_for_its_session_only;
    saved_grid_says_so => super::a_saved_grid_says_what_was_stored;
    static_files => super::static_files_are_hashed_compressed_and_cached;
}
