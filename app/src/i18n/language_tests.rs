//! The participant's seven languages: every message of the participant's pages exists in
//! each, with the same variables as English, and renders as valid Fluent.

use std::collections::BTreeSet;

use super::catalogue_tests::{ids, used_ids};
use super::*;

/// The `$variables` a message's text uses.
fn variables(locale: Locale, id: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for source in sources(locale) {
        let mut inside = false;
        for line in source.lines() {
            if let Some((name, _)) = line.split_once(" =") {
                inside = !name.starts_with([' ', '#']) && name.trim() == id;
            } else if !line.starts_with(' ') {
                inside = false;
            }
            if !inside {
                continue;
            }
            for part in line.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                out.insert(name);
            }
        }
    }
    out
}

/// The source files that render only participant pages (the tablet): every id they use
/// must exist in all seven languages. The ids of the pages' shared parts (the ladder, the
/// hours, the passport) are found by rendering every participant page in every language
/// (`server/tests/integration/languages.rs`).
const PARTICIPANT_SOURCES: [&str; 5] = [
    include_str!("../elp/pages.rs"),
    include_str!("../elp/finish.rs"),
    include_str!("../elp/islands.rs"),
    include_str!("../site/mine.rs"),
    include_str!("../auth/islands.rs"),
];

#[test]
fn every_participant_page_message_exists_in_all_seven_languages() {
    let mut wanted: BTreeSet<String> = PARTICIPANT_SOURCES
        .iter()
        .flat_map(|text| used_ids(text))
        .collect();
    wanted.extend(
        crate::domain::cefr::Skill::ALL
            .iter()
            .map(|s| format!("skill-{}", s.as_str())),
    );
    wanted.extend(
        crate::domain::cefr::Answer::ALL
            .iter()
            .map(|a| format!("answer-{}", a.as_str())),
    );
    wanted.extend(
        crate::domain::cefr::Occasion::ALL
            .iter()
            .map(|o| format!("occasion-{}", o.as_str())),
    );
    // What a participant's request can be refused with.
    wanted.extend(
        ids(Locale::En)
            .into_iter()
            .filter(|id| id.starts_with("error-") && id != "error-password-change-required"),
    );
    assert!(wanted.len() > 50, "{wanted:?}");
    for locale in Locale::ALL {
        let have = ids(locale);
        let missing: Vec<&String> = wanted.iter().filter(|id| !have.contains(*id)).collect();
        assert!(missing.is_empty(), "{locale:?} lacks {missing:?}");
    }
}

#[test]
fn the_participant_languages_have_the_same_messages_as_each_other_and_english() {
    let en = ids(Locale::En);
    let ar = ids(Locale::Ar);
    for locale in Locale::ALL.into_iter().filter(|l| !l.is_staff()) {
        let have = ids(locale);
        assert_eq!(have, ar, "{locale:?} and Arabic differ");
        let stray: Vec<&String> = have.difference(&en).collect();
        assert!(
            stray.is_empty(),
            "{locale:?} has ids English lacks: {stray:?}"
        );
        for id in &have {
            assert_eq!(
                variables(locale, id),
                variables(Locale::En, id),
                "{locale:?} {id}: other variables than English"
            );
        }
    }
}

#[test]
fn a_participant_language_renders_its_own_text_with_arguments() {
    for locale in Locale::ALL {
        let text = translate(
            locale,
            "elp-count",
            &[("answered", "3".into()), ("total", "9".into())],
        );
        assert!(
            text.contains('3') && text.contains('9'),
            "{locale:?}: {text}"
        );
        assert_eq!(
            translate(locale, "elp-count", &[]) == translate(Locale::En, "elp-count", &[]),
            locale == Locale::En,
            "{locale:?}"
        );
    }
}

#[test]
fn every_participant_message_source_is_a_valid_fluent_text_in_every_language() {
    for locale in Locale::ALL {
        for id in participant_message_ids() {
            let text = message_source(locale, &id).unwrap_or_default();
            assert!(overlay::is_valid(&text), "{locale:?} {id}: {text:?}");
        }
    }
}
