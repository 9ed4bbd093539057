//! Heard, not only read (issue 13): every statement and every instruction on the participant's
//! screens can be played, in the chosen language and in Swedish, on every tablet, whether or
//! not it has a voice of its own. The server renders the audio with `espeak-ng`
//! ([`crate::state::speaker`])
//! and serves it from `/audio/…` ([`http`]) with long-lived cache headers; it speaks catalogue
//! texts only, never arbitrary input. The play buttons ([`pages::Listen`] and the statement
//! screen's) are plain buttons that `/play.js` plays: playing costs the wasm nothing.

#[cfg(feature = "ssr")]
pub mod http;
pub mod pages;

use crate::domain::locale::Locale;

/// The instructions of the participant's screens that can be played (message ids without
/// arguments): the server speaks these and the statements, nothing else.
pub const INSTRUCTIONS: [&str; 11] = [
    "tablet-lead",
    "me-lead",
    "me-tile-elp-hint",
    "me-tile-ladder-hint",
    "me-tile-passport-hint",
    "me-tile-hours-hint",
    "idle-warning",
    "elp-intro",
    "elp-choose-skill",
    "elp-finish-lead",
    "elp-submit-explain",
];

/// The espeak-ng voice of a locale: Dari is spoken with the Persian voice; Somali and
/// Tigrinya have none (their statements are heard from recorded clips).
pub fn voice(locale: Locale) -> Option<&'static str> {
    match locale {
        Locale::Sv => Some("sv"),
        Locale::En => Some("en-gb"),
        Locale::Ar => Some("ar"),
        Locale::Prs => Some("fa"),
        Locale::Uk => Some("uk"),
        Locale::So | Locale::Ti => None,
    }
}

/// The cache key of `text` in `voice`: a SHA-256 of both, so a changed text is a new file
/// (and a new URL, which is why the audio can be cached for a year).
#[cfg(feature = "ssr")]
pub fn audio_key(voice: &str, text: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(voice.as_bytes());
    h.update([0u8]);
    h.update(text.as_bytes());
    hex::encode(h.finalize())[..32].to_owned()
}

/// The URL of a statement's audio in `locale` (its text given so the URL changes with it).
pub fn statement_url(locale: Locale, version: &str, id: &str, version_key: &str) -> String {
    format!(
        "/audio/statement/{}/{version}/{id}.mp3?v={version_key}",
        locale.tag()
    )
}

/// The URL of an instruction's audio in `locale`.
pub fn message_url(locale: Locale, id: &str, version_key: &str) -> String {
    format!("/audio/message/{}/{id}.mp3?v={version_key}", locale.tag())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn somali_and_tigrinya_have_no_voice_and_dari_speaks_persian() {
        let without: Vec<Locale> = Locale::ALL
            .into_iter()
            .filter(|l| voice(*l).is_none())
            .collect();
        assert_eq!(without, [Locale::So, Locale::Ti]);
        assert_eq!(voice(Locale::Prs), Some("fa"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_changed_text_or_voice_is_a_new_cache_key() {
        let a = audio_key("sv", "Jag kan.");
        assert_eq!(a, audio_key("sv", "Jag kan."));
        assert_ne!(a, audio_key("sv", "Jag kan!"));
        assert_ne!(a, audio_key("en-gb", "Jag kan."));
        assert_eq!(a.len(), 32);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn every_instruction_exists_in_every_language_without_arguments() {
        for locale in Locale::ALL {
            for id in INSTRUCTIONS {
                let text = crate::i18n::translate(locale, id, &[]);
                assert!(crate::i18n::has_message(locale, id), "{locale:?} {id}");
                assert!(!text.contains('{'), "{locale:?} {id}: {text}");
            }
        }
    }
}
