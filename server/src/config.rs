//! Configuration from environment variables, with defaults that need no setup.

use std::net::SocketAddr;

use app::db::DEFAULT_DATABASE_URL;

/// Settings of one server process.
#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://…` (default `sqlite://data/spraktrappan.db`) or `postgres://…`.
    pub database_url: String,
    /// `LISTEN_ADDR` (default `127.0.0.1:3000`).
    pub listen_addr: SocketAddr,
    /// `SESSION_SECRET`; when unset, one is generated and kept in the database.
    pub session_secret: Option<String>,
    /// `STAFF_IDLE_MINUTES` (default 30).
    pub staff_idle_minutes: i64,
    /// `TABLET_IDLE_MINUTES` (default 10).
    pub tablet_idle_minutes: i64,
    /// `SECURE_COOKIES` (default on): the session cookie is `Secure` and `__Host-`-prefixed and
    /// HSTS is sent; `SECURE_COOKIES=0` only for plain HTTP on this machine.
    pub secure_cookies: bool,
    /// `TRUST_FORWARDED_FOR=1` behind the app's own reverse proxy: the client's address (for
    /// the sign-in limits) is the last `X-Forwarded-For` entry.
    pub trust_forwarded_for: bool,
    /// `DEMO_DATA=1`: load demo data into an empty database on start.
    pub demo_data: bool,
    /// `AUDIO_CACHE_DIR` (default `data/audio`): the rendered speech, kept across restarts.
    pub audio_cache_dir: std::path::PathBuf,
}

/// A variable held a value that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("{name}={value:?} is not valid: {why}")]
pub struct ConfigError {
    name: &'static str,
    value: String,
    why: &'static str,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn minutes(name: &'static str, default: i64) -> Result<i64, ConfigError> {
    match var(name) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|m| (1..=24 * 60).contains(m))
            .ok_or(ConfigError {
                name,
                value: v,
                why: "minutes from 1 to 1440",
            }),
    }
}

fn flag(name: &str) -> bool {
    var(name).is_some_and(|v| matches!(v.trim(), "1" | "true" | "yes"))
}

/// A flag that is on unless set to `0`, `false` or `no`.
fn flag_on_unless_off(name: &str) -> bool {
    !var(name).is_some_and(|v| matches!(v.trim(), "0" | "false" | "no"))
}

impl Config {
    /// Reads the environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        let listen_addr = match var("LISTEN_ADDR") {
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
            Some(v) => v.trim().parse().map_err(|_| ConfigError {
                name: "LISTEN_ADDR",
                value: v,
                why: "an address like 127.0.0.1:3000",
            })?,
        };
        Ok(Self {
            database_url: var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            listen_addr,
            session_secret: var("SESSION_SECRET"),
            staff_idle_minutes: minutes("STAFF_IDLE_MINUTES", 30)?,
            tablet_idle_minutes: minutes("TABLET_IDLE_MINUTES", 10)?,
            secure_cookies: flag_on_unless_off("SECURE_COOKIES"),
            trust_forwarded_for: flag("TRUST_FORWARDED_FOR"),
            demo_data: flag("DEMO_DATA"),
            audio_cache_dir: var("AUDIO_CACHE_DIR")
                .map(std::path::PathBuf::from)
                .unwrap_or_else(|| std::path::PathBuf::from("data/audio")),
        })
    }
}
