//! Server state handed to every request through context (never a global).

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::db::Db;

pub mod clock;
pub mod csp;
pub mod flash;
pub mod speaker;
pub mod views;

/// Settings read from the environment at start.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    /// Secret that keys the hashes of session tokens and throttle subjects.
    pub session_secret: String,
    /// Staff sessions end after this many idle seconds.
    pub staff_idle_secs: i64,
    /// Participant (tablet) sessions end after this many idle seconds.
    pub participant_idle_secs: i64,
    /// Send the session cookie with `Secure` and the `__Host-` prefix (the default; off only
    /// for plain-HTTP use on this machine).
    pub secure_cookies: bool,
    /// Take the client's address from the last `X-Forwarded-For` entry (the one the app's own
    /// reverse proxy adds) rather than from the connection.
    pub trust_forwarded_for: bool,
}

impl AuthConfig {
    /// The stored key of a sign-in throttle subject (a keyed hash: the table holds neither
    /// codes, e-mail addresses nor client addresses).
    pub fn throttle_key(&self, subject: &str) -> String {
        keyed_hash(&self.session_secret, subject)
    }

    /// The client's address: the connection's peer, or behind a trusted reverse proxy the
    /// last `X-Forwarded-For` entry. `None` when neither is known.
    pub fn client_address(&self, parts: &axum::http::request::Parts) -> Option<std::net::IpAddr> {
        if self.trust_forwarded_for {
            return parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .last()
                .and_then(|a| a.trim().parse().ok());
        }
        parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip())
    }

    /// The token a participant's tablet pages carry (issue 12): it lets the tablet report how
    /// many of that participant's answers wait on it after their session ended, and nothing
    /// else. A keyed hash of the participant's id, so it needs no storage.
    pub fn waiting_token(&self, participant: crate::domain::ids::ParticipantId) -> String {
        keyed_hash(
            &self.session_secret,
            &format!("waiting\u{0}{}", participant.0),
        )
    }

    /// The session cookie's name: `__Host-st_session` when cookies are secure (the browser then
    /// accepts it only over HTTPS, for this host and the whole site, so neither a sibling
    /// subdomain nor a plain-HTTP answer can plant or overwrite it), else `st_session`.
    pub fn session_cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            SECURE_SESSION_COOKIE
        } else {
            SESSION_COOKIE
        }
    }

    /// The anti-forgery token of a session: a keyed hash of its token, so it needs no storage,
    /// changes with every session and cannot be derived without the server's secret. Pages put
    /// it in their forms ([`CSRF_FIELD`]); it is checked when a request says neither `Origin`
    /// nor `Sec-Fetch-Site` nor a same-origin `Referer`.
    pub fn csrf_token(&self, session_token: &str) -> String {
        keyed_hash(&self.session_secret, &format!("csrf\u{0}{session_token}"))
    }

    /// The session token the request's cookie carries, under this configuration's name only.
    pub fn session_token<'a>(&self, headers: &'a axum::http::HeaderMap) -> Option<&'a str> {
        cookie(headers, self.session_cookie_name())
    }
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
    /// The static files' URLs.
    pub assets: Arc<AssetPaths>,
    /// The programme's clock (Europe/Stockholm).
    pub clock: clock::Clock,
    /// Speech for the participant's screens (`espeak-ng`, cached).
    pub speaker: Arc<speaker::Speaker>,
    /// The upload steps this server runs.
    pub imports: Arc<RunningImports>,
    /// What the staff's start pages computed from data that has not changed since.
    pub views: Arc<views::ViewCache>,
}

/// The upload steps (checks and imports) this server runs, each with the bytes it has read.
/// This server's pages read a step's progress here; the other servers read the progress it
/// writes to the database every second.
#[derive(Debug, Default)]
pub struct RunningImports(
    std::sync::Mutex<std::collections::HashMap<i64, Arc<std::sync::atomic::AtomicU64>>>,
);

impl RunningImports {
    /// Notes that upload `id`'s step runs here; returns its byte counter.
    pub fn begin(&self, id: i64) -> Arc<std::sync::atomic::AtomicU64> {
        let counter = Arc::new(std::sync::atomic::AtomicU64::new(0));
        if let Ok(mut map) = self.0.lock() {
            map.insert(id, Arc::clone(&counter));
        }
        counter
    }

    /// Notes that upload `id`'s step has ended here.
    pub fn end(&self, id: i64) {
        if let Ok(mut map) = self.0.lock() {
            map.remove(&id);
        }
    }

    /// The bytes read by upload `id`'s step if it runs here.
    pub fn progress(&self, id: i64) -> Option<u64> {
        let map = self.0.lock().ok()?;
        map.get(&id)
            .map(|c| c.load(std::sync::atomic::Ordering::Relaxed))
    }
}

/// The form field (and `X-CSRF-Token` the header) that carries the anti-forgery token.
pub const CSRF_FIELD: &str = "_csrf";

/// Whether two secrets are equal, compared in constant time.
pub fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The keyed hash under which a session token or a throttle subject is stored.
pub fn keyed_hash(secret: &str, value: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(secret.as_bytes());
    h.update([0u8]);
    h.update(value.as_bytes());
    hex::encode(h.finalize())
}

/// Name of the session cookie for plain-HTTP use on this machine (`SECURE_COOKIES=0`).
pub const SESSION_COOKIE: &str = "st_session";

/// Name of the session cookie when cookies are secure (the default).
pub const SECURE_SESSION_COOKIE: &str = "__Host-st_session";

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
