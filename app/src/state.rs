//! Server state handed to every request through context (never a global).

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::db::Db;

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

/// Everything a request handler needs.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Leptos settings (site root, address).
    pub leptos_options: LeptosOptions,
    /// The database.
    pub db: Db,
    /// Sign-in settings.
    pub auth: Arc<AuthConfig>,
}
