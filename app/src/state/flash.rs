//! The server's short-lived memory of form posts (see `ui::flash`): what was typed into a
//! refused form, or a success's result, for the page after the redirect.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The query parameter that names a flash entry after a plain form post's redirect.
pub const FLASH_PARAM: &str = "__flash";

/// How long a flash entry lives: long enough for the redirect and a reload.
pub const TTL: Duration = Duration::from_secs(600);
/// At most this many entries; the oldest go first.
pub const CAPACITY: usize = 2000;

/// One form post's leftovers.
#[derive(Debug, Clone)]
pub struct Flash {
    /// The server function's path (`/api/…`).
    pub path: String,
    /// Whether the post was refused (then `values` matter) or succeeded (then `output`).
    pub refused: bool,
    /// The values typed, secrets removed.
    pub values: Vec<(String, String)>,
    /// The server function's JSON result after a success.
    pub output: Option<Vec<u8>>,
    /// The browser session it belongs to (the session cookie's value, or empty).
    pub owner: String,
    created: Instant,
}

impl Flash {
    /// A new entry, created now.
    pub fn new(
        path: String,
        refused: bool,
        values: Vec<(String, String)>,
        output: Option<Vec<u8>>,
        owner: String,
    ) -> Self {
        Self {
            path,
            refused,
            values,
            output,
            owner,
            created: Instant::now(),
        }
    }
}

/// The store, shared by the middleware (writes) and the pages (reads).
#[derive(Debug, Clone, Default)]
pub struct FlashStore {
    inner: Arc<Mutex<HashMap<String, Flash>>>,
}

impl FlashStore {
    /// Keeps `flash` and returns its key (random, 128 bits).
    pub fn put(&self, flash: Flash) -> String {
        use rand::RngCore;
        let mut bytes = [0u8; 16];
        rand::thread_rng().fill_bytes(&mut bytes);
        let key = hex::encode(bytes);
        if let Ok(mut map) = self.inner.lock() {
            map.retain(|_, f| f.created.elapsed() < TTL);
            if map.len() >= CAPACITY {
                if let Some(oldest) = map
                    .iter()
                    .min_by_key(|(_, f)| f.created)
                    .map(|(k, _)| k.clone())
                {
                    map.remove(&oldest);
                }
            }
            map.insert(key.clone(), flash);
        }
        key
    }

    /// The entry under `key`, if it is still alive and belongs to `owner`.
    pub fn get(&self, key: &str, owner: &str) -> Option<Flash> {
        let map = self.inner.lock().ok()?;
        map.get(key)
            .filter(|f| f.created.elapsed() < TTL && f.owner == owner)
            .cloned()
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
    leptos::prelude::provide_context(CurrentFlash(find_current().map(Arc::new)));
}

/// The flash named in the current request's URL, if any.
pub fn current() -> Option<Arc<Flash>> {
    match leptos::prelude::use_context::<CurrentFlash>() {
        Some(CurrentFlash(found)) => found,
        None => find_current().map(Arc::new),
    }
}

fn find_current() -> Option<Flash> {
    use leptos::prelude::use_context;
    let parts = use_context::<http::request::Parts>()?;
    let state = use_context::<super::AppState>()?;
    let key = parts
        .uri
        .query()?
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == FLASH_PARAM)
        .map(|(_, v)| v)?;
    state.flash.get(key, &owner_of(&state.auth, &parts.headers))
}
