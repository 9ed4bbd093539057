//! The staff's page of a participant (`/participants/{id}`) and a mentor's start page (`/`),
//! kept whole between requests (issue 18). A page is rendered once and served again for as
//! long as what it shows stays the same, for the same session (its forms carry the session's
//! CSRF token), language and day: for a participant's page, the participant's change version
//! and the programme's ([`app::kept::participant_validity`]); for the start page, the mentor's
//! fingerprint and the tablet locks of the moment ([`app::site::start_page_validity`]). What does
//! not stay with it is done on every request, as for a rendered page:
//! - the session is looked up (by [`crate::startup`]'s read memo): a page is served only to a
//!   live staff session whose password need not be changed;
//! - the access-log entries the rendering wrote are written again, now, with this request's
//!   address (a read that cannot be logged is rendered instead, and fails as it would);
//! - the page's CSP nonce is a new one, in the body and the header alike.
//!
//! A page with a query (a form's result or refusal), an error shown, a cookie set or another
//! status than 200 is never kept.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use app::auth::memo::RequestMemo;
use app::domain::access_log::NewAccess;
use app::domain::ids::{ParticipantId, UserId};
use app::domain::locale::Locale;
use app::domain::role::{Principal, Role};
use app::error::AppError;
use app::state::views::{ShownErrors, Validity, ViewKey};
use app::state::AppState;

/// The largest page kept; a larger one is served but not kept.
const MAX_KEPT_BYTES: usize = 1024 * 1024;

/// A page as it was sent, with what its rendering wrote to the access log.
struct KeptPage {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    nonce: String,
    /// Where the nonce stands in the body.
    nonce_at: Vec<usize>,
    logged: Vec<NewAccess>,
}

/// The participant that `path` is the staff's page of.
fn participant_of(path: &str) -> Option<ParticipantId> {
    let id = path.strip_prefix("/participants/")?;
    if id.is_empty() || id.len() > 18 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    id.parse().ok().map(ParticipantId)
}

/// The nonce of a page's Content-Security-Policy.
fn nonce_of(policy: &str) -> Option<&str> {
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let len = policy[start..].find('\'')?;
    Some(&policy[start..start + len]).filter(|n| !n.is_empty())
}

/// Where `pattern` starts in `text`, left to right, not overlapping.
fn positions(text: &[u8], pattern: &[u8]) -> Vec<usize> {
    let mut found = vec![];
    let mut at = 0;
    while !pattern.is_empty() && at + pattern.len() <= text.len() {
        match text[at..].windows(pattern.len()).position(|w| w == pattern) {
            Some(i) => {
                found.push(at + i);
                at += i + pattern.len();
            }
            None => break,
        }
    }
    found
}

/// `text` with `len` bytes at each of `at` (ascending, apart) replaced by `to`.
fn replaced(text: &[u8], at: &[usize], len: usize, to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + at.len() * to.len());
    let mut from = 0;
    for &i in at {
        out.extend_from_slice(&text[from..i]);
        out.extend_from_slice(to);
        from = i + len;
    }
    out.extend_from_slice(&text[from..]);
    out
}

/// A page that may be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    /// The staff's page of a participant.
    Participant(ParticipantId),
    /// A mentor's start page, in the dashboard's own order.
    MentorStart,
}

impl Page {
    /// The page's name among the kept views.
    fn name(self) -> &'static str {
        match self {
            Page::Participant(_) => "participant-page",
            Page::MentorStart => "mentor-start-page",
        }
    }

    /// Where the page is valid now (what it reads for that goes into the request's memo).
    async fn validity(
        self,
        state: &AppState,
        user: UserId,
        memo: Option<&RequestMemo>,
    ) -> Result<Validity, AppError> {
        match self {
            Page::Participant(p) => app::kept::participant_validity(state, p).await,
            Page::MentorStart => app::site::start_page_validity(state, user, memo).await,
        }
    }
}

/// Whom and what a request for a keepable page is: the page, the staff member and the page's
/// variant (session, language, path).
fn candidate(req: &Request) -> Option<(Page, UserId, String)> {
    if req.method() != Method::GET || req.uri().query().is_some() {
        return None;
    }
    let path = req.uri().path();
    let signed_in = req.extensions().get::<RequestMemo>()?.session()??;
    if signed_in.must_change_password {
        return None;
    }
    let Principal::Staff { user, role } = signed_in.principal else {
        return None;
    };
    let page = match (path, role) {
        ("/", Role::Mentor) => Page::MentorStart,
        _ => Page::Participant(participant_of(path)?),
    };
    let chosen = req
        .headers()
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(Locale::from_cookie_header)
        .unwrap_or_default();
    let locale = app::i18n::locale_for_path(chosen, path);
    let variant = format!("{} {} {path}", signed_in.token_hash, locale.tag());
    Some((page, user, variant))
}

/// Serves a keepable page kept, or renders it and keeps it.
pub async fn kept_pages(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let Some((page, user, variant)) = candidate(&req) else {
        return next.run(req).await;
    };
    let memo = req.extensions().get::<RequestMemo>().cloned();
    let Ok(valid) = page.validity(&state, user, memo.as_ref()).await else {
        return next.run(req).await;
    };
    let key: ViewKey = (page.name(), user.0, variant);
    if let Some(kept) = state.views.get::<Arc<KeptPage>>(&key, valid) {
        let (parts, body) = req.into_parts();
        let address = state.auth.client_address(&parts).map(|a| a.to_string());
        let logged: Vec<NewAccess> = kept
            .logged
            .iter()
            .cloned()
            .map(|mut e| {
                e.address.clone_from(&address);
                e
            })
            .collect();
        match app::db::access_log::record_all(&state.db, app::db::now(), &logged).await {
            Ok(()) => return served(&kept),
            Err(e) => {
                tracing::error!(error = %e, "writing the access log of a kept page failed");
                req = Request::from_parts(parts, body);
            }
        }
    }
    let shown = ShownErrors::default();
    req.extensions_mut().insert(shown.clone());
    let res = next.run(req).await;
    keep(&state, key, valid, memo, &shown, res).await
}

/// A kept page with a new nonce.
fn served(kept: &KeptPage) -> Response {
    let nonce = leptos::nonce::Nonce::new().to_string();
    let body = replaced(
        &kept.body,
        &kept.nonce_at,
        kept.nonce.len(),
        nonce.as_bytes(),
    );
    let mut headers = kept.headers.clone();
    let policy = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .map(|p| p.replace(&kept.nonce, &nonce))
        .and_then(|p| HeaderValue::from_str(&p).ok());
    let Some(policy) = policy else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = kept.status;
    *res.headers_mut() = headers;
    res
}

/// `res`, kept if it may be.
async fn keep(
    state: &AppState,
    key: ViewKey,
    valid: Validity,
    memo: Option<RequestMemo>,
    shown: &ShownErrors,
    res: Response,
) -> Response {
    let headers = res.headers();
    let html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    let nonce = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .and_then(nonce_of)
        .map(str::to_owned);
    let keepable = res.status() == StatusCode::OK
        && html
        && !headers.contains_key(header::SET_COOKIE)
        && !headers.contains_key(header::CONTENT_ENCODING);
    let (Some(memo), Some(nonce), true) = (memo, nonce, keepable) else {
        return res;
    };
    let (parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "reading a rendered page failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if !shown.any() && bytes.len() <= MAX_KEPT_BYTES {
        let logged = memo
            .logged()
            .into_iter()
            .map(|mut e| {
                e.address = None;
                e
            })
            .collect();
        let kept = KeptPage {
            status: parts.status,
            headers: parts.headers.clone(),
            nonce_at: positions(&bytes, nonce.as_bytes()),
            body: bytes.clone(),
            nonce,
            logged,
        };
        state.views.put(key, valid, Arc::new(kept));
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_participants_own_page_is_kept() {
        assert_eq!(participant_of("/participants/42"), Some(ParticipantId(42)));
        for other in [
            "/participants/",
            "/participants/new",
            "/participants/42/edit",
            "/participants/42/passport",
            "/participants/-1",
            "/participants/99999999999999999999",
            "/me",
        ] {
            assert_eq!(participant_of(other), None, "{other}");
        }
    }

    #[test]
    fn the_nonce_is_read_from_the_policy() {
        let policy = "default-src 'self'; script-src 'self' 'nonce-abc_-1' 'wasm-unsafe-eval'";
        assert_eq!(nonce_of(policy), Some("abc_-1"));
        assert_eq!(nonce_of("default-src 'self'"), None);
        assert_eq!(nonce_of("script-src 'nonce-'"), None);
    }

    #[test]
    fn every_nonce_of_a_page_is_replaced() {
        let page = b"<script nonce=\"N1\">a</script><p>N</p><style nonce=\"N1\"></style>";
        let at = positions(page, b"N1");
        assert_eq!(at.len(), 2);
        assert_eq!(
            replaced(page, &at, 2, b"Z9xx"),
            b"<script nonce=\"Z9xx\">a</script><p>N</p><style nonce=\"Z9xx\"></style>".to_vec()
        );
        assert_eq!(positions(b"none here", b"N1"), Vec::<usize>::new());
        assert_eq!(positions(b"N1", b"N1"), vec![0]);
        assert_eq!(positions(b"N", b"N1"), Vec::<usize>::new());
        assert_eq!(positions(b"aaaa", b"aa"), vec![0, 2]);
    }
}
