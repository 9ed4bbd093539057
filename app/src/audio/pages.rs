//! The play buttons of the participant screens' instructions, rendered on the server: one for
//! the page's language where it has a voice, one for Swedish on a page in another language.
//! A server that cannot render speech shows none. `/play.js` plays them (and shows them: they
//! are hidden until a script can play).

use leptos::prelude::*;

use crate::domain::locale::Locale;
use crate::ui::icon::{icon, SPEAKER};
use crate::ui::{t, use_locale};

/// Whether this server renders speech.
fn speech_here() -> bool {
    #[cfg(feature = "ssr")]
    return use_context::<crate::state::AppState>().is_some_and(|s| s.speaker.available());
    #[cfg(not(feature = "ssr"))]
    false
}

/// The URL of instruction `id`'s audio in `locale`, if it has a voice.
fn url(locale: Locale, id: &'static str) -> Option<String> {
    let voice = super::voice(locale)?;
    #[cfg(feature = "ssr")]
    let key = super::audio_key(voice, &crate::i18n::translate(locale, id, &[]));
    #[cfg(not(feature = "ssr"))]
    let key = voice.to_owned();
    Some(super::message_url(locale, id, &key[..key.len().min(12)]))
}

/// One play button: big, an icon and a word, pressed while it plays.
fn button(url: String, test: String, label: String) -> impl IntoView {
    view! {
        <button type="button" class="button-secondary play" data-play=url data-unhide=""
            data-test=test aria-pressed="false" hidden>
            {icon(SPEAKER, 24)}" "{label}
        </button>
    }
}

/// The script that plays the buttons, once per page however many buttons it has.
#[component]
pub fn PlayScript() -> impl IntoView {
    view! { <script src="/play.js" defer></script> }
}

/// Play buttons for instruction `id` (one of [`super::INSTRUCTIONS`]).
#[component]
pub fn Listen(
    /// The instruction's message id.
    id: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    if !speech_here() {
        return ().into_any();
    }
    let own = url(locale, id).map(|url| button(url, format!("listen-{id}"), t("audio-listen")));
    let swedish = (locale != Locale::Sv)
        .then(|| url(Locale::Sv, id))
        .flatten()
        .map(|url| button(url, format!("listen-sv-{id}"), t("audio-listen-sv")));
    view! { <div class="listen">{own}{swedish}<PlayScript /></div> }.into_any()
}
