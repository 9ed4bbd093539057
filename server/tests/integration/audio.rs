//! Heard, not only read (issue 13): the audio endpoint speaks catalogue texts only, renders
//! each (voice, text) once and serves it from the cache after (without running `espeak-ng`),
//! with long-lived cache headers; without `espeak-ng` it answers 404 and the pages show no
//! play button.

use std::sync::Arc;

use app::domain::catalogue::Catalogue;
use app::state::speaker::Speaker;

use crate::common::{build_router_with, seed, test_auth, TestApp};

/// The app with a speech renderer of its own (its own cache and count of renders).
fn with_speaker(app: &TestApp, speaker: Arc<Speaker>) -> TestApp {
    TestApp {
        router: build_router_with(&app.db, &app.clock, test_auth(false), speaker),
        db: app.db.clone(),
        url: app.url.clone(),
        clock: app.clock.clone(),
    }
}

fn fresh_cache() -> std::path::PathBuf {
    use rand::Rng;
    let n: u64 = rand::thread_rng().gen();
    std::env::temp_dir().join(format!("spraktrappan-audio-test-{n:016x}"))
}

fn header<'a>(reply: &'a crate::common::Reply, name: &str) -> &'a str {
    reply
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

async fn a_statement_is_rendered_once_then_served_from_the_cache(app: TestApp) {
    let cache = fresh_cache();
    let speaker = Arc::new(Speaker::from_path(cache.clone()));
    assert!(
        speaker.available(),
        "espeak-ng and lame are needed for these tests: bash scripts/tools.sh installs them"
    );
    let after_restart = Arc::new(Speaker::from_path(cache));
    let restarted = with_speaker(&app, after_restart.clone());
    let app = with_speaker(&app, speaker.clone());
    let id = &Catalogue::current().expect("catalogue").statements[0].id;
    let path = format!("/audio/statement/ar/v1/{id}.mp3");
    let first = app.get(&path, None).await;
    assert!(first.status.is_success(), "{}", first.status);
    assert_eq!(header(&first, "content-type"), "audio/mpeg");
    assert!(header(&first, "cache-control").contains("max-age=31536000"));
    let bytes = first.bytes.clone();
    // An MP3: an ID3 tag or a frame sync, and more than a moment of sound.
    assert!(bytes.starts_with(b"ID3") || (bytes[0] == 0xff && bytes[1] & 0xe0 == 0xe0));
    assert!(bytes.len() > 2_000, "{} bytes", bytes.len());
    assert_eq!(speaker.renders(), 1);
    // The second request is the cached file: espeak-ng does not run again.
    let second = app.get(&path, None).await;
    assert_eq!(second.bytes, bytes);
    assert_eq!(speaker.renders(), 1);
    // So is it after a restart: the cache is kept on disk.
    assert_eq!(restarted.get(&path, None).await.bytes, bytes);
    assert_eq!(after_restart.renders(), 0);
    // The Swedish text is another file.
    let sv = app
        .get(&format!("/audio/statement/sv/v1/{id}.mp3"), None)
        .await;
    assert!(sv.status.is_success());
    assert_ne!(sv.bytes, bytes);
    assert_eq!(speaker.renders(), 2);
    // A browser that has it answers from its own cache.
    let etag = header(&first, "etag").to_owned();
    let req = axum::http::Request::get(&path)
        .header("if-none-match", etag)
        .body(axum::body::Body::empty())
        .expect("request");
    assert_eq!(app.send(req).await.status, 304);
    // An instruction of the participant's screens, in Ukrainian.
    let lead = app.get("/audio/message/uk/tablet-lead.mp3", None).await;
    assert!(lead.status.is_success(), "{}", lead.status);
    assert_eq!(speaker.renders(), 3);
}

async fn only_catalogue_texts_are_spoken(app: TestApp) {
    let speaker = Arc::new(Speaker::from_path(fresh_cache()));
    let app = with_speaker(&app, speaker.clone());
    let id = &Catalogue::current().expect("catalogue").statements[0].id;
    for path in [
        "/audio/statement/ar/v1/NO-SUCH-1.mp3".to_owned(),
        format!("/audio/statement/ar/v9/{id}.mp3"),
        format!("/audio/statement/xx/v1/{id}.mp3"),
        format!("/audio/statement/ar/v1/{id}.wav"),
        // Somali and Tigrinya have no voice: their sentences come from recorded clips.
        format!("/audio/statement/so/v1/{id}.mp3"),
        format!("/audio/statement/ti/v1/{id}.mp3"),
        // Messages that are not instructions of the participant's screens.
        "/audio/message/sv/error-internal.mp3".to_owned(),
        "/audio/message/sv/hej%20hej.mp3".to_owned(),
        "/audio/message/sv/..%2F..%2Fetc%2Fpasswd.mp3".to_owned(),
    ] {
        let reply = app.get(&path, None).await;
        assert_eq!(reply.status, 404, "{path}");
    }
    assert_eq!(speaker.renders(), 0);
}

async fn without_espeak_the_audio_is_404_and_the_pages_show_no_play_button(app: TestApp) {
    let speaker = Arc::new(Speaker::with_programs(None, None, fresh_cache()));
    let app = with_speaker(&app, speaker);
    let id = &Catalogue::current().expect("catalogue").statements[0].id;
    let reply = app
        .get(&format!("/audio/statement/sv/v1/{id}.mp3"), None)
        .await;
    assert_eq!(reply.status, 404);
    let page = app.get("/tablet", None).await;
    assert!(page.status.is_success());
    assert!(!page.body.contains("data-test=\"listen-tablet-lead\""));
    // The statement screen offers no server audio either.
    let s = seed(&app).await;
    let tablet = app.sign_in_participant(&s.p1_code).await;
    app.call("assessment/start", Some(&tablet), &[("occasion", "start")])
        .await;
    let sheet: app::elp::api::SkillSheet = app
        .call(
            "assessment/skill",
            Some(&tablet),
            &[("skill", "listening"), ("lang", "ar")],
        )
        .await
        .json();
    assert!(sheet
        .statements
        .iter()
        .all(|s| s.listen.is_none() && s.listen_sv.is_none()));
}

async fn with_espeak_the_pages_offer_both_languages(app: TestApp) {
    let speaker = Arc::new(Speaker::from_path(fresh_cache()));
    let app = with_speaker(&app, speaker.clone());
    let s = seed(&app).await;
    let tablet = app.sign_in_participant(&s.p1_code).await;
    app.call("assessment/start", Some(&tablet), &[("occasion", "start")])
        .await;
    for (lang, own) in [("ar", true), ("so", false), ("sv", true)] {
        let sheet: app::elp::api::SkillSheet = app
            .call(
                "assessment/skill",
                Some(&tablet),
                &[("skill", "listening"), ("lang", lang)],
            )
            .await
            .json();
        let first = &sheet.statements[0];
        assert_eq!(first.listen.is_some(), own, "{lang}");
        assert_eq!(first.listen_sv.is_some(), lang != "sv", "{lang}");
        for url in first.listen.iter().chain(&first.listen_sv) {
            let reply = app.get(url, None).await;
            assert!(reply.status.is_success(), "{url}: {}", reply.status);
        }
    }
    // Nothing was rendered to build the pages, and the Swedish sentence was rendered once
    // for all three languages: two files.
    assert_eq!(speaker.renders(), 2);
    let page = app.get("/tablet", None).await;
    assert!(page.body.contains("data-test=\"listen-tablet-lead\""));
}

crate::on_both_engines! {
    audio_cached => super::a_statement_is_rendered_once_then_served_from_the_cache;
    audio_catalogue_only => super::only_catalogue_texts_are_spoken;
    audio_without_espeak => super::without_espeak_the_audio_is_404_and_the_pages_show_no_play_button;
    audio_both_languages => super::with_espeak_the_pages_offer_both_languages;
}
