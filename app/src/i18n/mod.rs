//! Translation catalogue (Fluent). Every user-visible string comes from `app/locales/*/*.ftl`.
//!
//! The page language is chosen per request on the server (a cookie, else Swedish) and written
//! into `<html lang dir>`: staff pages in Swedish or English, the participant's pages (the
//! tablet) in all seven languages of [`Locale::ALL`]. Translation happens on the server only: Fluent and the catalogue are
//! never compiled into the browser's wasm, and islands receive translated strings as props.

#[cfg(feature = "ssr")]
use std::sync::LazyLock;

#[cfg(feature = "ssr")]
use fluent_bundle::concurrent::FluentBundle;
#[cfg(feature = "ssr")]
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use crate::domain::locale::{Locale, LANG_COOKIE};

#[cfg(feature = "ssr")]
pub mod overlay;

/// The `Set-Cookie` value that remembers `locale` for a year.
pub fn lang_cookie(locale: Locale) -> String {
    format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        locale.tag()
    )
}

/// Whether `path` is one of the participant's pages (the tablet), which speak all seven
/// languages; the server functions and the audio answer in the chosen language too.
pub fn is_participant_path(path: &str) -> bool {
    path == "/tablet"
        || path == "/me"
        || path.starts_with("/me/")
        || path.starts_with("/api/")
        || path.starts_with("/audio/")
}

/// The locale for a request to `path` whose `lang` cookie names `chosen`: every locale on the
/// participant's pages, Swedish or English elsewhere.
pub fn locale_for_path(chosen: Locale, path: &str) -> Locale {
    if is_participant_path(path) {
        chosen
    } else {
        chosen.for_staff()
    }
}

#[cfg(feature = "ssr")]
macro_rules! ftl_sources {
    ($lang:literal) => {
        [
            include_str!(concat!("../../locales/", $lang, "/main.ftl")),
            include_str!(concat!("../../locales/", $lang, "/validation.ftl")),
            include_str!(concat!("../../locales/", $lang, "/tablet.ftl")),
        ]
    };
}

/// The Fluent sources of a locale, one string per file. Swedish and English have the whole
/// interface; the other five the participant's pages (`participant.ftl`).
#[cfg(feature = "ssr")]
pub fn sources(locale: Locale) -> Vec<&'static str> {
    match locale {
        Locale::Sv => ftl_sources!("sv").to_vec(),
        Locale::En => ftl_sources!("en").to_vec(),
        Locale::Ar => vec![include_str!("../../locales/ar/participant.ftl")],
        Locale::Prs => vec![include_str!("../../locales/prs/participant.ftl")],
        Locale::So => vec![include_str!("../../locales/so/participant.ftl")],
        Locale::Ti => vec![include_str!("../../locales/ti/participant.ftl")],
        Locale::Uk => vec![include_str!("../../locales/uk/participant.ftl")],
    }
}

#[cfg(feature = "ssr")]
fn bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let lang =
        unic_langid::LanguageIdentifier::from_bytes(locale.tag().as_bytes()).unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Fluent's isolation marks would wrap every argument; mixed directions are isolated in the
    // markup instead (`<bdi>`, `dir="auto"`), where a screen reader and a copy see clean text.
    bundle.set_use_isolating(false);
    for source in sources(locale) {
        // A broken catalogue is caught by the tests below; at run time a bad entry is skipped.
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = bundle.add_resource(resource);
    }
    bundle
}

#[cfg(feature = "ssr")]
static CATALOGUE: LazyLock<Vec<(Locale, FluentBundle<FluentResource>)>> =
    LazyLock::new(|| Locale::ALL.into_iter().map(|l| (l, bundle(l))).collect());

/// Ids a participant-only locale lacked and took from English instead (a gap the render test
/// of the participant's pages looks for).
#[cfg(feature = "ssr")]
static FELL_BACK: LazyLock<std::sync::Mutex<std::collections::BTreeSet<(Locale, String)>>> =
    LazyLock::new(Default::default);

/// The (locale, id) pairs that were shown in English because the locale lacks them.
#[cfg(feature = "ssr")]
pub fn fell_back() -> Vec<(Locale, String)> {
    FELL_BACK
        .lock()
        .map(|set| set.iter().cloned().collect())
        .unwrap_or_default()
}

/// The message id a catalogue line starts, if it starts one.
#[cfg(feature = "ssr")]
fn message_id_of(line: &str) -> Option<&str> {
    let (id, _) = line.split_once(" =")?;
    let is_id = !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    is_id.then_some(id)
}

/// The messages of the participant's pages: those of the five participant-only languages'
/// catalogue (`participant.ftl`, the same ids in all five), in file order.
#[cfg(feature = "ssr")]
pub fn participant_message_ids() -> Vec<String> {
    sources(Locale::Ar)
        .iter()
        .flat_map(|s| s.lines())
        .filter_map(message_id_of)
        .map(str::to_owned)
        .collect()
}

/// How many messages the participant's pages have.
#[cfg(feature = "ssr")]
pub fn participant_message_count() -> usize {
    participant_message_ids().len()
}

/// The Fluent source of message `id` in `locale`'s shipped catalogue (the text after `id =`,
/// with its continuation lines), for the translators' file.
#[cfg(feature = "ssr")]
pub fn message_source(locale: Locale, id: &str) -> Option<String> {
    for source in sources(locale) {
        let mut lines = source.lines();
        while let Some(line) = lines.next() {
            if message_id_of(line) != Some(id) {
                continue;
            }
            let first = line
                .split_once(" =")
                .map(|(_, rest)| rest.trim())
                .unwrap_or_default();
            let mut out = first.to_owned();
            for next in lines.by_ref() {
                // Continuation lines are indented; a select expression's closing brace may
                // stand at the start of its line.
                if !(next.starts_with(' ') || next.starts_with('}')) || next.trim().is_empty() {
                    break;
                }
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(next);
            }
            return Some(out);
        }
    }
    None
}

/// Whether `locale`'s own catalogue has message `id`.
#[cfg(feature = "ssr")]
pub fn has_message(locale: Locale, id: &str) -> bool {
    CATALOGUE
        .iter()
        .find(|(l, _)| *l == locale)
        .is_some_and(|(_, b)| b.has_message(id))
}

/// Translates message `id` with arguments. A participant-only locale that lacks the id takes
/// the English text (and records the gap); a missing id renders as the id itself, so a gap is
/// visible rather than silent (and the catalogue tests fail).
#[cfg(feature = "ssr")]
pub fn translate(locale: Locale, id: &str, args: &[(&str, String)]) -> String {
    let locale = if locale.is_staff() || has_message(locale, id) {
        locale
    } else {
        if let Ok(mut set) = FELL_BACK.lock() {
            set.insert((locale, id.to_owned()));
        }
        Locale::En
    };
    let Some(bundle) = CATALOGUE.iter().find(|(l, _)| *l == locale).map(|(_, b)| b) else {
        return id.to_owned();
    };
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        match v.parse::<f64>() {
            Ok(n) if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) => {
                fargs.set(*k, FluentValue::from(n))
            }
            _ => fargs.set(*k, FluentValue::from(v.as_str())),
        }
    }
    // A translator's correction stored in the database comes first.
    if let Some(text) = overlay::format(locale, id, &fargs) {
        return text;
    }
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut errors = vec![];
    bundle
        .format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned()
}

/// In the browser there is no catalogue: an island that asks for a message gets its id, which
/// the catalogue tests would not let through. Islands take their texts as props instead.
#[cfg(not(feature = "ssr"))]
pub fn translate(_locale: Locale, id: &str, _args: &[(&str, String)]) -> String {
    id.to_owned()
}

/// The locale of the current request (server) or page (browser).
pub fn request_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<axum::http::request::Parts>()
            .map(|p| {
                let chosen = p
                    .headers
                    .get(axum::http::header::COOKIE)
                    .and_then(|v| v.to_str().ok())
                    .map(Locale::from_cookie_header)
                    .unwrap_or_default();
                locale_for_path(chosen, p.uri.path())
            })
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Locale::from_tag(&l))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Locale::default()
    }
}

/// The name of a step of the work or matching ladder in `locale`: the programme's own, else
/// the catalogue's for a default step, else the code.
#[cfg(feature = "ssr")]
pub fn step_name(d: &crate::db::steps::StepDefinition, locale: Locale) -> String {
    let own = match locale {
        Locale::Sv => &d.name_sv,
        _ => &d.name_en,
    };
    if !own.trim().is_empty() {
        return own.clone();
    }
    let id = format!("step-{}-{}", d.ladder.as_str(), d.code.as_str());
    let name = translate(locale, &id, &[]);
    if name == id {
        d.code.as_str().to_owned()
    } else {
        name
    }
}

#[cfg(all(test, feature = "ssr"))]
mod catalogue_tests;
#[cfg(all(test, feature = "ssr"))]
mod language_tests;

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_missing_message_renders_as_its_id() {
        assert_eq!(
            translate(Locale::En, "no-such-message", &[]),
            "no-such-message"
        );
    }

    #[test]
    fn arguments_are_substituted() {
        let text = translate(
            Locale::En,
            "problem-out-of-range",
            &[("min", "1".into()), ("max", "3".into())],
        );
        assert!(text.contains('1') && text.contains('3'), "{text}");
    }

    #[test]
    fn a_grade_scale_is_named_as_teachers_know_it_not_by_its_file_value() {
        use crate::domain::sfi::{Grade, GradeScale};
        for locale in [Locale::Sv, Locale::En] {
            let p = Grade::parse(GradeScale::FA, "VG").err();
            let text = p
                .map(|p| translate(locale, p.message_id(), &p.args()))
                .unwrap_or_default();
            assert!(text.contains("F–A") && !text.contains("f_a"), "{text}");
        }
    }

    #[test]
    fn the_language_cookie_chooses_the_locale_and_defaults_to_swedish() {
        assert_eq!(Locale::from_cookie_header("a=b; lang=en"), Locale::En);
        assert_eq!(Locale::from_cookie_header("lang=xx"), Locale::Sv);
        assert_eq!(Locale::from_cookie_header(""), Locale::Sv);
    }
}
