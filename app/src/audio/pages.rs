//! The play buttons of the participant screens' instructions, rendered on the server: one for
//! the page's language where it has a voice, one for Swedish on a page in another language.
//! A server that cannot render speech shows none.

use leptos::prelude::*;

use super::islands::PlayButton;
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
    let own = url(locale, id).map(|url| {
        view! {
            <PlayButton url=url test=format!("listen-{id}")>
                {icon(SPEAKER, 24)}" "{t("audio-listen")}
            </PlayButton>
        }
    });
    let swedish = (locale != Locale::Sv)
        .then(|| url(Locale::Sv, id))
        .flatten()
        .map(|url| {
            view! {
                <PlayButton url=url test=format!("listen-sv-{id}")>
                    {icon(SPEAKER, 24)}" "{t("audio-listen-sv")}
                </PlayButton>
            }
        });
    view! { <div class="listen">{own}{swedish}</div> }.into_any()
}
