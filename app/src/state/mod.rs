//! Server state handed to every request through context (never a global).

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::db::Db;

pub mod clock;
pub mod flash;

/// Settings read from the environment at start.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    /// Secret that keys the hashes of session tokens and throttle subjects.
    pub session_secret: String,
    /// Staff sessions end after this many idle seconds.
    pub staff_idle_secs: i64,
    /// Participant (tablet) sessions end after this many idle seconds.
    pub participant_idle_secs: i64,
    /// Send cookies with `Secure` (behind HTTPS).
    pub secure_cookies: bool,
}

/// Where the browser fetches the static files: content-hashed names (cached for a year as
/// immutable) when the server found the built files, else the plain names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetPaths {
    /// The stylesheet.
    pub css: String,
    /// The wasm-bindgen JavaScript module.
    pub js: String,
    /// The wasm module with the islands.
    pub wasm: String,
}

impl AssetPaths {
    /// The plain names under `/pkg` for `output_name`.
    pub fn plain(output_name: &str) -> Self {
        Self {
            css: format!("/pkg/{output_name}.css"),
            js: format!("/pkg/{output_name}.js"),
            wasm: format!("/pkg/{output_name}.wasm"),
        }
    }
}

/// Everything a request handler needs.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Leptos settings (site root, address).
    pub leptos_options: LeptosOptions,
    /// The database.
    pub db: Db,
    /// Sign-in settings.
    pub auth: Arc<AuthConfig>,
    /// What plain form posts leave for the page they return to.
    pub flash: flash::FlashStore,
    /// The static files' URLs.
    pub assets: Arc<AssetPaths>,
    /// The programme's clock (Europe/Stockholm).
    pub clock: clock::Clock,
}

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "st_session";

/// The value of cookie `name` in the request headers.
pub fn cookie<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}
