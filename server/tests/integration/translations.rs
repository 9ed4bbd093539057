//! The translators' file (issue 13): a coordinator downloads a language's statements and
//! interface texts as CSV, a translator corrects them and marks them checked, and the import
//! stores them all (the old texts kept) or, if any row is wrong, nothing; the corrections show
//! on the tablet at once and the languages page counts them as checked.

use axum::body::Body;
use axum::http::{header, Request};

use app::languages::LanguageRow;

use crate::common::{seed, Reply, TestApp, COORDINATOR, MENTOR_A};

async fn import(app: &TestApp, session: &str, language: &str, csv: &str) -> Reply {
    let boundary = "XTRANSX";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\n{language}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n"
    );
    let req = Request::post("/languages/translations")
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

/// The file's line for (kind, id) with its text and checked replaced.
fn corrected(csv: &str, kind: &str, id: &str, text: &str, checked: &str) -> String {
    let prefix = format!("{kind};{id};");
    csv.lines()
        .map(|line| {
            if line.starts_with(&prefix) {
                let mut fields: Vec<String> = line.split(';').map(str::to_owned).collect();
                let n = fields.len();
                fields[n - 2] = text.to_owned();
                fields[n - 1] = checked.to_owned();
                fields.join(";")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

async fn a_corrected_file_is_stored_whole_with_history_or_not_at_all(app: TestApp) {
    // The corrections are laid over the catalogue for the whole process: each engine's run
    // corrects its own language (the texts stay Ukrainian, which the file does not check).
    let lang = if app.url.starts_with("sqlite") {
        "uk"
    } else {
        "so"
    };
    let s = seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let file = app.get(&format!("/languages/{lang}.csv"), Some(&c)).await;
    assert!(file.status.is_success(), "{}", file.status);
    assert!(header_of(&file, "content-type").starts_with("text/csv"));
    let csv = file.body.clone();
    assert!(csv.starts_with("kind;id;swedish;english;text;checked\n"));
    let statements = csv.lines().filter(|l| l.starts_with("statement;")).count();
    let interface = csv.lines().filter(|l| l.starts_with("interface;")).count();
    assert_eq!(
        statements,
        app::domain::catalogue::Catalogue::current()
            .expect("c")
            .statements
            .len()
    );
    assert_eq!(interface, app::i18n::participant_message_count());
    assert!(csv.contains("statement;L-PA1-1;Jag förstår"));

    // One wrong row (a placeholder lost): nothing is stored.
    let good = corrected(
        &csv,
        "statement",
        "L-PA1-1",
        "Я розумію привітання (перевірено)",
        "yes",
    );
    let good = corrected(
        &good,
        "interface",
        "me-lead",
        "Що ви хочете зробити? (перевірено)",
        "yes",
    );
    let bad = corrected(&good, "interface", "me-hello", "Привіт!", "yes");
    let refused = import(&app, &c, lang, &bad).await;
    let page = refused
        .location
        .clone()
        .expect("back to the languages page");
    let shown = app.get(&page, Some(&c)).await.body;
    assert!(
        shown.contains("data-test=\"translations-refused\""),
        "{shown}"
    );
    let rows: Vec<LanguageRow> = app.call("languages/overview", Some(&c), &[]).await.json();
    let uk = rows.iter().find(|r| r.locale.tag() == lang).expect("uk");
    assert_eq!((uk.statements_checked, uk.interface_checked), (0, 0));

    // The good file: stored, counted as checked, shown on the tablet.
    let stored = import(&app, &c, lang, &good).await;
    let page = stored.location.clone().expect("back to the languages page");
    let shown = app.get(&page, Some(&c)).await.body;
    let start = shown.find("notice").unwrap_or(0);
    let near = &shown[start..(start + 3000).min(shown.len())];
    assert!(
        shown.contains("data-test=\"translations-stored\""),
        "{near}"
    );
    let rows: Vec<LanguageRow> = app.call("languages/overview", Some(&c), &[]).await.json();
    let uk = rows.iter().find(|r| r.locale.tag() == lang).expect("uk");
    assert_eq!((uk.statements_checked, uk.interface_checked), (1, 1));
    let tablet = app.sign_in_participant(&s.p1_code).await;
    app.call("assessment/start", Some(&tablet), &[("occasion", "start")])
        .await;
    let sheet: app::elp::api::SkillSheet = app
        .call(
            "assessment/skill",
            Some(&tablet),
            &[("skill", "listening"), ("lang", lang)],
        )
        .await
        .json();
    assert_eq!(
        sheet.statements[0].text,
        "Я розумію привітання (перевірено)"
    );
    let me = app
        .send(
            Request::get("/me")
                .header(header::COOKIE, format!("st_session={tablet}; lang={lang}"))
                .body(Body::empty())
                .expect("request"),
        )
        .await;
    assert!(me.body.contains("Що ви хочете зробити? (перевірено)"));
    // Only the changed rows were stored, with the old texts kept; the same file again
    // changes nothing, a new correction keeps the one before.
    import(&app, &c, lang, &good).await;
    let good = corrected(&good, "statement", "L-PA1-1", "Я розумію «hej»", "yes");
    let good = corrected(&good, "interface", "me-lead", "Що ви хочете?", "yes");
    import(&app, &c, lang, &good).await;
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cefr_statement_text_history")
        .fetch_one(&app.db.pool)
        .await
        .expect("history");
    assert_eq!(kept, 2);
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ui_translation_history")
        .fetch_one(&app.db.pool)
        .await
        .expect("history");
    assert_eq!(kept, 1);
    // The download carries the corrections back.
    let again = app
        .get(&format!("/languages/{lang}.csv"), Some(&c))
        .await
        .body;
    assert!(again.contains("Що ви хочете?;yes"));

    // Only coordinators; Swedish and English are the originals, not a translator's file.
    let m = app.sign_in(MENTOR_A).await;
    assert_eq!(
        app.get(&format!("/languages/{lang}.csv"), Some(&m))
            .await
            .status,
        403
    );
    assert_eq!(import(&app, &m, lang, &good).await.status, 403);
    assert_eq!(app.get("/languages/sv.csv", Some(&c)).await.status, 404);
}

fn header_of<'a>(reply: &'a Reply, name: &str) -> &'a str {
    reply
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

crate::on_both_engines! {
    translations_file => super::a_corrected_file_is_stored_whole_with_history_or_not_at_all;
}
