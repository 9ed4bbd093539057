//! The participant's own language on the tablet (issue 13): every participant page renders in
//! all seven languages with nothing taken from English (the ids the pages really use, found by
//! rendering them), Arabic and Dari right to left, the Swedish sentence above its translation;
//! staff pages stay Swedish or English; the tablet's choice holds until the sign-out, then
//! the participant's own preference applies.

use axum::body::Body;
use axum::http::{header, Request};

use app::db::participants;
use app::domain::locale::Locale;

use crate::common::{seed, Reply, TestApp, COORDINATOR};

/// A GET with the session and the language cookie.
async fn get_in(app: &TestApp, path: &str, session: Option<&str>, lang: Locale) -> Reply {
    let cookie = match session {
        Some(s) => format!("st_session={s}; lang={}", lang.tag()),
        None => format!("lang={}", lang.tag()),
    };
    let req = Request::get(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .expect("request");
    app.send(req).await
}

/// The participant's pages, in the order a participant meets them.
const PAGES: [&str; 8] = [
    "/tablet",
    "/me",
    "/me/assessment",
    "/me/assessment/listening",
    "/me/assessment/finish",
    "/me/ladder",
    "/me/hours",
    "/me/passport",
];

async fn every_participant_page_speaks_every_language(app: TestApp) {
    let s = seed(&app).await;
    let tablet = app.sign_in_participant(&s.p1_code).await;
    // A submitted assessment (ladder, passport) and a draft under way (finish summary).
    let c = app::domain::catalogue::Catalogue::current().expect("catalogue");
    let first = &c.statements[0];
    for _ in 0..2 {
        app.call("assessment/start", Some(&tablet), &[("occasion", "start")])
            .await;
        app.call(
            "assessment/answer",
            Some(&tablet),
            &[
                ("skill", "listening"),
                ("index", "0"),
                ("statement", &first.id),
                ("answer", "can_do"),
            ],
        )
        .await;
        if app::db::assessments::submitted(&app.db, s.p1)
            .await
            .expect("list")
            .is_empty()
        {
            app.call("assessment/submit", Some(&tablet), &[]).await;
        }
    }
    let arabic = app::domain::translation::Translation::shipped(&c)
        .expect("translations")
        .into_iter()
        .find(|t| t.language == "ar")
        .expect("arabic");
    for locale in Locale::ALL {
        for path in PAGES {
            let session = (path != "/tablet").then_some(tablet.as_str());
            let page = get_in(&app, path, session, locale).await;
            assert!(
                page.status.is_success(),
                "{path} {locale:?}: {}",
                page.status
            );
            let html = format!("<html lang=\"{}\" dir=\"{}\"", locale.tag(), locale.dir());
            assert!(page.body.contains(&html), "{path} {locale:?}: no {html}");
        }
        let screen = get_in(&app, "/me/assessment/listening?i=0", Some(&tablet), locale).await;
        // The Swedish sentence is on every statement screen, whatever the language.
        assert!(
            screen.body.contains(&first.sv),
            "{locale:?}: no Swedish sentence"
        );
        if locale == Locale::Ar {
            assert!(screen.body.contains(&arabic.texts[&first.id].text));
        }
    }
    let gaps: Vec<(Locale, String)> = app::i18n::fell_back();
    assert!(
        gaps.is_empty(),
        "participant pages took these from English: {gaps:?}"
    );
    // Staff pages stay Swedish or English whatever the tablet chose.
    let staff = app.sign_in(COORDINATOR).await;
    let page = get_in(&app, "/participants", Some(&staff), Locale::Ar).await;
    assert!(page.body.contains("<html lang=\"sv\" dir=\"ltr\""));
}

fn sets_lang(reply: &Reply) -> Option<String> {
    reply
        .cookies
        .iter()
        .find(|c| c.starts_with("lang="))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
}

async fn the_tablet_choice_holds_until_sign_out_then_the_own_preference_applies(app: TestApp) {
    let s = seed(&app).await;
    // Nobody chose: no language is set at sign-in.
    let first = app
        .call(
            "auth/tablet-sign-in",
            None,
            &[("code", &s.p1_code), ("pin", crate::common::PIN)],
        )
        .await;
    assert_eq!(sets_lang(&first), None);
    let tablet = crate::common::session_token(&first).expect("session");
    // The participant chooses Ukrainian on /me: remembered as their own.
    let chose = app
        .call(
            "language",
            Some(&tablet),
            &[("lang", "uk"), ("back", "/me")],
        )
        .await;
    assert_eq!(sets_lang(&chose).as_deref(), Some("lang=uk"));
    assert_eq!(
        participants::ui_language(&app.db, s.p1).await.expect("db"),
        Some(Locale::Uk)
    );
    // The sign-out forgets the tablet's choice.
    let out = app
        .call("auth/sign-out", Some(&tablet), &[("to", "/tablet")])
        .await;
    let cleared = out
        .cookies
        .iter()
        .any(|c| c.starts_with("lang=;") && c.contains("Max-Age=0"));
    assert!(cleared, "{:?}", out.cookies);
    // The next sign-in without a choice takes the participant's own language.
    let again = app
        .call(
            "auth/tablet-sign-in",
            None,
            &[("code", &s.p1_code), ("pin", crate::common::PIN)],
        )
        .await;
    assert_eq!(sets_lang(&again).as_deref(), Some("lang=uk"));
    // A choice made on the sign-in page holds over the preference.
    let req = Request::post("/api/auth/tablet-sign-in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, "lang=ti")
        .body(Body::from(crate::common::form_body(&[
            ("code", &s.p1_code),
            ("pin", crate::common::PIN),
        ])))
        .expect("request");
    let chosen = app.send(req).await;
    assert!(chosen.status.is_success(), "{}", chosen.status);
    assert_eq!(sets_lang(&chosen), None);
    // A choice made before signing in is not stored as a preference.
    assert_eq!(
        participants::ui_language(&app.db, s.p1).await.expect("db"),
        Some(Locale::Uk)
    );
    // The mentor or a coordinator sets it on the participant's page; a wrong code is refused.
    let staff = app.sign_in(COORDINATOR).await;
    let id = s.p1.0.to_string();
    let set = app
        .call(
            "languages/participant/set",
            Some(&staff),
            &[("id", &id), ("lang", "so")],
        )
        .await;
    assert!(set.status.is_success(), "{}", set.status);
    let shown: Option<Locale> = app
        .call("languages/participant", Some(&staff), &[("id", &id)])
        .await
        .json();
    assert_eq!(shown, Some(Locale::So));
    let wrong = app
        .call(
            "languages/participant/set",
            Some(&staff),
            &[("id", &id), ("lang", "xx")],
        )
        .await;
    assert!(matches!(wrong.error(), app::error::AppError::Invalid(_)));
    let next = app
        .call(
            "auth/tablet-sign-in",
            None,
            &[("code", &s.p1_code), ("pin", crate::common::PIN)],
        )
        .await;
    assert_eq!(sets_lang(&next).as_deref(), Some("lang=so"));
    // An unknown language is refused quietly: Swedish.
    let odd = app
        .call("language", None, &[("lang", "xx"), ("back", "/tablet")])
        .await;
    assert_eq!(sets_lang(&odd).as_deref(), Some("lang=sv"));
}

crate::on_both_engines! {
    languages_every_page => super::every_participant_page_speaks_every_language;
    languages_choice => super::the_tablet_choice_holds_until_sign_out_then_the_own_preference_applies;
}
