//! Session cookies and resolving the signed-in principal of a request.

use axum::http::{header, HeaderMap, HeaderValue};
use rand::RngCore;

use crate::auth::memo::RequestMemo;
use crate::db::{self, sessions::SessionOwner};
use crate::domain::role::Principal;
use crate::error::AppError;
use crate::state::AppState;

pub use crate::state::{cookie, keyed_hash, AuthConfig, SECURE_SESSION_COOKIE, SESSION_COOKIE};

/// A new random session token (256 bits, hex).
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A `Set-Cookie` value for the session token (HttpOnly, SameSite=Lax, whole site; `Secure`
/// under the `__Host-` name unless secure cookies are turned off).
pub fn session_cookie(auth: &AuthConfig, token: &str) -> String {
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax{}",
        auth.session_cookie_name(),
        if auth.secure_cookies { "; Secure" } else { "" }
    )
}

/// A `Set-Cookie` value that removes the session cookie.
pub fn clear_session_cookie(auth: &AuthConfig) -> String {
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
        auth.session_cookie_name(),
        if auth.secure_cookies { "; Secure" } else { "" }
    )
}

/// A live session: whose it is, and whether its password must be changed before anything else.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// Who.
    pub principal: Principal,
    /// A staff password set by someone else, not yet changed by its owner.
    pub must_change_password: bool,
    /// The stored hash of the session's token.
    pub token_hash: String,
}

/// The session named by the request's cookie, if live, whether or not its password must be
/// changed first (for the page frame and the password change itself).
pub async fn signed_in_from_headers(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<SignedIn>, AppError> {
    let Some(token) = state.auth.session_token(headers) else {
        return Ok(None);
    };
    let hash = keyed_hash(&state.auth.session_secret, token);
    let live = db::sessions::resolve(&state.db, &hash).await?;
    Ok(match live.map(|l| (l.owner, l.staff)) {
        None => None,
        Some((SessionOwner::Participant(p), _)) => Some(SignedIn {
            principal: Principal::Participant(p),
            must_change_password: false,
            token_hash: hash,
        }),
        Some((SessionOwner::User(u), Some((role, must_change_password)))) => Some(SignedIn {
            principal: Principal::Staff { user: u, role },
            must_change_password,
            token_hash: hash,
        }),
        Some((SessionOwner::User(_), None)) => None,
    })
}

/// The principal of the session named by the request's cookie, if live. A staff member whose
/// password must be changed first gets [`AppError::PasswordChangeRequired`] for everything.
pub async fn principal_from_headers(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Principal>, AppError> {
    match signed_in_from_headers(state, headers).await? {
        Some(s) if s.must_change_password => Err(AppError::PasswordChangeRequired),
        other => Ok(other.map(|s| s.principal)),
    }
}

/// The state from context (provided for every request by the server).
pub fn state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}

/// The request's principal, if signed in.
pub async fn current() -> Result<Option<Principal>, AppError> {
    match current_signed_in().await? {
        Some(s) if s.must_change_password => Err(AppError::PasswordChangeRequired),
        other => Ok(other.map(|s| s.principal)),
    }
}

/// The request's session, whether or not its password must be changed first.
/// A page's resources share one lookup (see [`RequestMemo`]).
pub async fn current_signed_in() -> Result<Option<SignedIn>, AppError> {
    let state = state()?;
    let Some(parts) = leptos::prelude::use_context::<axum::http::request::Parts>() else {
        return Ok(None);
    };
    let memo = RequestMemo::current();
    if let Some(known) = memo.as_ref().and_then(RequestMemo::session) {
        return Ok(known);
    }
    let found = signed_in_from_headers(&state, &parts.headers).await?;
    if let Some(memo) = memo {
        memo.remember_session(found.clone());
    }
    Ok(found)
}

/// The request's principal; an error if not signed in.
pub async fn require() -> Result<(AppState, Principal), AppError> {
    let state = state()?;
    let principal = current().await?.ok_or(AppError::NotSignedIn)?;
    Ok((state, principal))
}

/// Adds a `Set-Cookie` header to the server function's response.
pub fn set_cookie(value: &str) {
    if let (Some(res), Ok(v)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(value),
    ) {
        res.append_header(header::SET_COOKIE, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auth(secure_cookies: bool) -> AuthConfig {
        AuthConfig {
            session_secret: "s".to_owned(),
            staff_idle_secs: 60,
            participant_idle_secs: 60,
            secure_cookies,
            trust_forwarded_for: false,
        }
    }

    #[test]
    fn the_session_cookie_is_http_only_and_same_site() {
        let c = session_cookie(&auth(false), "abc");
        assert!(c.starts_with("st_session=abc;"));
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && !c.contains("Secure"));
    }

    #[test]
    fn a_secure_session_cookie_is_host_prefixed_secure_and_for_the_whole_site() {
        let secure = auth(true);
        let c = session_cookie(&secure, "abc");
        assert!(c.starts_with("__Host-st_session=abc;"), "{c}");
        assert!(c.contains("; Path=/;") && c.ends_with("; Secure") && !c.contains("Domain"));
        let cleared = clear_session_cookie(&secure);
        assert!(cleared.starts_with("__Host-st_session=;") && cleared.contains("Max-Age=0"));
        // Under secure cookies a plain-named cookie (which any sibling host or plain-HTTP answer
        // could have planted) is not read.
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("st_session=planted"),
        );
        assert_eq!(secure.session_token(&h), None);
        assert_eq!(auth(false).session_token(&h), Some("planted"));
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("__Host-st_session=real"),
        );
        assert_eq!(secure.session_token(&h), Some("real"));
    }

    #[test]
    fn a_cookie_is_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("lang=en; st_session=xyz"),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("xyz"));
        assert_eq!(cookie(&h, "nope"), None);
    }

    #[test]
    fn tokens_are_random_and_hashes_keyed() {
        assert_ne!(new_token(), new_token());
        assert_ne!(keyed_hash("a", "t"), keyed_hash("b", "t"));
        assert_eq!(keyed_hash("a", "t"), keyed_hash("a", "t"));
    }
}
