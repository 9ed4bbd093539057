//! Recorded clips for the languages without a voice (issue 13): a coordinator uploads them on
//! the languages page (or with `server clips import`), each checked for type, length and size,
//! all stored or none; the statement's audio is then the clip, and the languages page counts
//! what is checked and what is missing.

use std::process::Command;

use axum::body::Body;
use axum::http::{header, Request};

use app::languages::LanguageRow;

use crate::common::{seed, Reply, TestApp, COORDINATOR, MENTOR_A};

/// A real MP3: the server's Swedish audio of statement `id`.
async fn an_mp3(app: &TestApp, id: &str) -> Vec<u8> {
    let reply = app
        .get(&format!("/audio/statement/sv/v1/{id}.mp3"), None)
        .await;
    assert!(
        reply.status.is_success(),
        "espeak-ng and lame are needed: {}",
        reply.status
    );
    reply.bytes
}

async fn upload(app: &TestApp, session: &str, language: &str, files: &[(&str, &[u8])]) -> Reply {
    let boundary = "XCLIPSX";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\n{language}\r\n"
    )
    .into_bytes();
    for (name, bytes) in files {
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"clips\"; filename=\"{name}\"\r\nContent-Type: audio/mpeg\r\n\r\n"
            )
            .bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").bytes());
    let req = Request::post("/languages/clips")
        .header("sec-fetch-site", "same-origin")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::COOKIE, format!("st_session={session}"))
        .body(Body::from(body))
        .expect("request");
    app.send(req).await
}

async fn overview(app: &TestApp, session: &str) -> Vec<LanguageRow> {
    app.call("languages/overview", Some(session), &[])
        .await
        .json()
}

fn row<'a>(rows: &'a [LanguageRow], tag: &str) -> &'a LanguageRow {
    rows.iter()
        .find(|r| r.locale.tag() == tag)
        .expect("language")
}

async fn clips_are_checked_stored_all_or_none_and_played(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let one = an_mp3(&app, "L-PA1-1").await;
    let two = an_mp3(&app, "L-PA1-2").await;
    let before = overview(&app, &c).await;
    assert_eq!(row(&before, "ti").clips, 0);
    assert_eq!(row(&before, "ti").clips_missing(), row(&before, "ti").total);
    assert!(!row(&before, "ti").voice && row(&before, "ar").voice);
    assert_eq!(
        row(&before, "sv").statements_checked,
        row(&before, "sv").total
    );
    assert_eq!(row(&before, "ar").statements, row(&before, "ar").total);
    assert_eq!(row(&before, "ar").statements_checked, 0);
    assert!(row(&before, "uk").interface > 100 && row(&before, "uk").interface_checked == 0);

    // One bad file among good ones: nothing is stored, every problem is named.
    let refused = upload(
        &app,
        &c,
        "ti",
        &[
            ("L-PA1-1.mp3", &one),
            ("L-PA1-2.mp3", b"not sound at all"),
            ("X-NO-1.mp3", &two),
        ],
    )
    .await;
    let page = refused
        .location
        .clone()
        .expect("back to the languages page");
    assert!(page.starts_with("/languages?__flash="), "{page}");
    let shown = app.get(&page, Some(&c)).await.body;
    assert!(shown.contains("data-test=\"clips-refused\""), "{shown}");
    assert!(shown.contains("L-PA1-2.mp3") && shown.contains("X-NO-1.mp3"));
    assert!(!shown.contains("<bdi>L-PA1-1.mp3</bdi>"));
    assert_eq!(row(&overview(&app, &c).await, "ti").clips, 0);

    // All good: stored, and the Tigrinya sentence plays the clip.
    let stored = upload(
        &app,
        &c,
        "ti",
        &[("L-PA1-1.mp3", &one), ("L-PA1-2.mp3", &two)],
    )
    .await;
    let page = stored.location.clone().expect("back to the languages page");
    assert!(app
        .get(&page, Some(&c))
        .await
        .body
        .contains("data-test=\"clips-stored\""));
    let after = overview(&app, &c).await;
    assert_eq!(row(&after, "ti").clips, 2);
    assert_eq!(
        row(&after, "ti").clips_missing(),
        row(&after, "ti").total - 2
    );
    let played = app.get("/audio/statement/ti/v1/L-PA1-1.mp3", None).await;
    assert_eq!(played.bytes, one);
    assert!(played.headers.get("cache-control").is_some());
    // A new upload replaces the clip (and the old one's facts are kept).
    upload(&app, &c, "ti", &[("L-PA1-1.mp3", &two)]).await;
    assert_eq!(
        app.get("/audio/statement/ti/v1/L-PA1-1.mp3", None)
            .await
            .bytes,
        two
    );
    let history: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audio_clip_history")
        .fetch_one(&app.db.pool)
        .await
        .expect("history");
    assert_eq!(history, 1);

    // Only coordinators upload or see the page's figures.
    let m = app.sign_in(MENTOR_A).await;
    assert_eq!(
        upload(&app, &m, "so", &[("L-PA1-1.mp3", &one)])
            .await
            .status,
        403
    );
    assert_eq!(row(&overview(&app, &c).await, "so").clips, 0);
}

async fn clips_are_imported_from_a_folder_on_the_command_line(app: TestApp) {
    seed(&app).await;
    let one = an_mp3(&app, "R-PA1-1").await;
    let dir = std::env::temp_dir().join(format!(
        "spraktrappan-clips-{}-{}",
        std::process::id(),
        app.url.len()
    ));
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("R-PA1-1.mp3"), &one).expect("write");
    std::fs::write(dir.join("R-PA1-2.mp3"), b"ID3 but nothing else").expect("write");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_server"))
            .args(args)
            .env("DATABASE_URL", &app.url)
            .env_remove("DEMO_DATA")
            .output()
            .expect("run the server binary")
    };
    let folder = dir.to_str().expect("path");
    let out = run(&["clips", "import", "--language", "so", folder]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("R-PA1-2.mp3: not an MP3 file"), "{err}");
    std::fs::remove_file(dir.join("R-PA1-2.mp3")).expect("remove");
    let out = run(&["clips", "import", "--language", "so", folder]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let counts = app::db::clips::counts(&app.db, "v1").await.expect("counts");
    assert_eq!(counts.get("so"), Some(&1));
}

crate::on_both_engines! {
    clips_web => super::clips_are_checked_stored_all_or_none_and_played;
    clips_cli => super::clips_are_imported_from_a_folder_on_the_command_line;
}
