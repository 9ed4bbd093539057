//! The server's short-lived memory of form posts (see `ui::flash`): what was typed into a
//! refused form, or a success's result, for the page after the redirect.

use std::sync::Arc;

pub use crate::db::flash::{Flash, TTL_SECS};

/// The query parameter that names a flash entry after a plain form post's redirect.
pub const FLASH_PARAM: &str = "__flash";

/// The flash a request's URL names, looked up by the server's middleware before the page
/// renders ([`load`]) and kept in the request's extensions.
#[derive(Debug, Clone)]
pub struct LoadedFlash(pub Option<Arc<Flash>>);

/// The flash named by `query` (a URL's query string) for the browser session of `headers`,
/// if it is still alive; a failed look-up is logged and counts as none.
pub async fn load(state: &super::AppState, query: &str, headers: &http::HeaderMap) -> LoadedFlash {
    let Some(key) = query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == FLASH_PARAM)
        .map(|(_, v)| v)
    else {
        return LoadedFlash(None);
    };
    match crate::db::flash::get(&state.db, key, &owner_of(&state.auth, headers)).await {
        Ok(found) => LoadedFlash(found.map(Arc::new)),
        Err(e) => {
            tracing::error!(error = ?e, "reading a flash entry failed");
            LoadedFlash(None)
        }
    }
}

/// Keeps `flash` for the page after the redirect and returns its key; `None` (logged) when
/// it cannot be stored, and the page then only learns what the redirect's URL says.
pub async fn put(state: &super::AppState, flash: &Flash) -> Option<String> {
    match crate::db::flash::put(&state.db, flash).await {
        Ok(key) => Some(key),
        Err(e) => {
            tracing::error!(error = ?e, "storing a flash entry failed");
            None
        }
    }
}

/// The session cookie's value in a `Cookie` header (empty without one): a flash is only
/// shown to the browser session that posted the form.
pub fn owner_of(auth: &super::AuthConfig, headers: &http::HeaderMap) -> String {
    auth.session_token(headers)
        .map(str::to_owned)
        .unwrap_or_default()
}

/// The current request's flash, looked up once per request by [`provide_current`].
#[derive(Debug, Clone)]
struct CurrentFlash(Option<Arc<Flash>>);

/// Looks up the flash named in the current request's URL once and keeps it in the context for
/// the page's forms (called at the root of the app).
pub fn provide_current() {
    leptos::prelude::provide_context(CurrentFlash(find_current()));
}

/// The flash named in the current request's URL, if any.
pub fn current() -> Option<Arc<Flash>> {
    match leptos::prelude::use_context::<CurrentFlash>() {
        Some(CurrentFlash(found)) => found,
        None => find_current(),
    }
}

fn find_current() -> Option<Arc<Flash>> {
    let parts = leptos::prelude::use_context::<http::request::Parts>()?;
    let LoadedFlash(found) = parts.extensions.get::<LoadedFlash>()?;
    found.clone()
}
