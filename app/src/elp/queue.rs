//! The tablet's answer queue on the participant's pages (issue 12): the plain script
//! `/tablet.js` (IndexedDB queue, sending, the service worker's registration), told whose
//! pages these are.

use leptos::prelude::*;

use crate::domain::ids::ParticipantId;

/// The session's anti-forgery token, for a form an island renders (an island cannot read the
/// request, so the page passes it).
pub fn csrf_token() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        let state = use_context::<crate::state::AppState>()?;
        let parts = use_context::<http::request::Parts>()?;
        state
            .auth
            .session_token(&parts.headers)
            .map(|t| state.auth.csrf_token(t))
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// The token with which a tablet may report `owner`'s answers it could not send.
fn waiting_token(owner: ParticipantId) -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::state::AppState>()
            .map(|s| s.auth.waiting_token(owner))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = owner;
        String::new()
    }
}

/// Loads the tablet's queue on a page of `owner`'s: it sends the answers kept on this tablet
/// for `owner` (and only theirs), and keeps the pages for a reload while offline.
#[component]
pub fn TabletQueue(
    /// The participant whose page this is.
    owner: ParticipantId,
) -> impl IntoView {
    view! {
        <div hidden data-tablet-owner=owner.0.to_string() data-waiting-token=waiting_token(owner)></div>
        <script src="/tablet.js"></script>
    }
}
