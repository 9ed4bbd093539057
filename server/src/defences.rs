//! The web's defences on every response and request (issue 16, in part): security headers, no
//! caching of anything that may hold personal data, and state-changing requests only from the
//! app's own pages.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use app::state::AppState;

/// The Content-Security-Policy of every answer that did not set its own (pages set one with
/// their nonce): no inline scripts, no framing (clickjacking), no plugins, no foreign `<base>`
/// and forms that post only to this site.
pub const CSP: &str = app::state::csp::FALLBACK;

/// Whether an answer of this type may hold personal data (pages, server-function answers,
/// file exports): such answers are never stored by the browser or a proxy.
fn personal(content_type: Option<&HeaderValue>) -> bool {
    content_type.and_then(|v| v.to_str().ok()).is_some_and(|t| {
        [
            "text/html",
            "application/json",
            "text/csv",
            "text/plain",
            "application/cbor",
        ]
        .iter()
        .any(|p| t.starts_with(p))
    })
}

/// Adds the security headers to every answer and `Cache-Control: no-store` to every answer
/// that may hold personal data (the built assets under `/pkg/` keep their own caching).
pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let no_store = personal(res.headers().get(header::CONTENT_TYPE));
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    if state.auth.secure_cookies {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    if no_store {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Whether a request that changes state comes from another site: `Sec-Fetch-Site` says so
/// (anything but `same-origin` or `none`, the user's own typing), or `Origin` (else `Referer`)
/// names another host than the one asked.
pub fn is_cross_site(method: &Method, headers: &axum::http::HeaderMap) -> bool {
    if !changes_state(method) {
        return false;
    }
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text(header::HeaderName::from_static("sec-fetch-site")) {
        if site != "same-origin" && site != "none" {
            return true;
        }
    }
    let host = text(header::HOST);
    match (text(header::ORIGIN), text(header::REFERER)) {
        (Some("null"), _) => true,
        (Some(origin), _) => !same_host(origin, host),
        (None, Some(referer)) => !same_host(referer, host),
        (None, None) => false,
    }
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether the URL (or origin) `url` is on `host`.
fn same_host(url: &str, host: Option<&str>) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let url_host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    host.is_some_and(|h| url_host.eq_ignore_ascii_case(h))
}

/// Whether a state-changing request says nothing of where it comes from (no `Origin`, no
/// `Sec-Fetch-Site`, no `Referer`): then, if it acts for a session, it must carry the
/// session's anti-forgery token.
fn says_nothing_of_its_origin(method: &Method, headers: &axum::http::HeaderMap) -> bool {
    changes_state(method)
        && ![
            header::ORIGIN,
            header::REFERER,
            header::HeaderName::from_static("sec-fetch-site"),
        ]
        .iter()
        .any(|h| headers.contains_key(h))
}

use app::state::same_secret;

/// The value of the first part named `name` of a `multipart/form-data` body (the forms put the
/// token first).
fn multipart_value<'a>(body: &'a [u8], name: &str) -> Option<&'a [u8]> {
    let marker = format!("name=\"{name}\"");
    let at = body
        .windows(marker.len())
        .position(|w| w == marker.as_bytes())?;
    let rest = &body[at..];
    let start = rest.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let value = &rest[start..];
    let end = value.windows(2).position(|w| w == b"\r\n")?;
    Some(&value[..end])
}

fn refused(path: &str, why: &str) -> Response {
    tracing::warn!(%path, why, "cross-site request refused");
    (StatusCode::FORBIDDEN, "cross-site request refused").into_response()
}

/// Refuses state-changing requests from other sites (cross-site request forgery), before any
/// server function, form post or upload runs. A request that says nothing of its origin and
/// acts for a session must carry the session's token ([`app::state::CSRF_FIELD`] as a form
/// field or the `X-CSRF-Token` header); every current browser sends `Origin` or
/// `Sec-Fetch-Site`, so this fallback is for older ones.
pub async fn same_site_writes(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    if is_cross_site(req.method(), req.headers()) {
        return refused(&path, "another origin");
    }
    if !says_nothing_of_its_origin(req.method(), req.headers()) {
        return next.run(req).await;
    }
    let Some(session) = state.auth.session_token(req.headers()) else {
        // No session, nothing to act for: signing in, or a client that is not a browser.
        return next.run(req).await;
    };
    let expected = state.auth.csrf_token(session);
    let given = req
        .headers()
        .get("x-csrf-token")
        .map(|v| v.as_bytes().to_vec());
    if given.is_some_and(|g| same_secret(&g, expected.as_bytes())) {
        return next.run(req).await;
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let multipart = content_type.starts_with("multipart/form-data");
    if !multipart && !content_type.starts_with("application/x-www-form-urlencoded") {
        return refused(&path, "no origin and no token");
    }
    let limit = if multipart {
        app::import::http::MAX_UPLOAD_BYTES + 64 * 1024
    } else {
        crate::forms::MAX_FORM_BYTES
    };
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let ok = if multipart {
        multipart_value(&bytes, app::state::CSRF_FIELD)
            .is_some_and(|v| same_secret(v, expected.as_bytes()))
    } else {
        form_urlencoded::parse(&bytes).any(|(k, v)| {
            k == app::state::CSRF_FIELD && same_secret(v.as_bytes(), expected.as_bytes())
        })
    };
    if !ok {
        return refused(&path, "no origin and a missing or wrong token");
    }
    next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
        .await
}

/// The HTTP status a refusal is answered with: what the client did wrong is a 4xx, only the
/// server's own failure a 5xx (monitoring and load tests count those).
pub fn status_of(error: &app::error::AppError) -> StatusCode {
    use app::domain::problem::Problem;
    use app::error::AppError;
    match error {
        AppError::NotSignedIn | AppError::SignInFailed => StatusCode::UNAUTHORIZED,
        AppError::Forbidden | AppError::PasswordChangeRequired => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::Invalid(problems)
            if problems.iter().any(|p| {
                matches!(p.problem, Problem::ChangedMeanwhile | Problem::ChangedBy(_))
            }) =>
        {
            StatusCode::CONFLICT
        }
        AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Transport(_) => StatusCode::BAD_REQUEST,
        AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Server functions answer every error with 500 and the error as JSON; this gives a refusal its
/// own status ([`status_of`]), the body unchanged (the client reads any 4xx or 5xx as the error).
pub async fn error_statuses(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if !api || res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 1024 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<app::error::AppError>(&bytes) {
        parts.status = status_of(&error);
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(
                header::HeaderName::from_static(k),
                HeaderValue::from_static(v),
            );
        }
        h
    }

    #[test]
    fn a_post_from_another_site_is_cross_site_and_one_from_this_site_is_not() {
        let post = Method::POST;
        let ours = headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000"),
        ]);
        assert!(!is_cross_site(&post, &ours));
        let theirs = headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "https://evil.example"),
        ]);
        assert!(is_cross_site(&post, &theirs));
        let fetch = headers(&[("sec-fetch-site", "cross-site")]);
        assert!(is_cross_site(&post, &fetch));
        let same = headers(&[("sec-fetch-site", "same-origin")]);
        assert!(!is_cross_site(&post, &same));
        assert!(is_cross_site(&post, &headers(&[("origin", "null")])));
        // Reading is never refused; a request that says nothing of its origin is not
        // cross-site by its headers (it then needs the session's token, if it has a session).
        assert!(!is_cross_site(&Method::GET, &theirs));
        assert!(!is_cross_site(&post, &HeaderMap::new()));
        assert!(says_nothing_of_its_origin(&post, &HeaderMap::new()));
        assert!(!says_nothing_of_its_origin(&Method::GET, &HeaderMap::new()));
        // Without Origin, a Referer from another site is cross-site and one from here is not.
        let referred = |r: &'static str| headers(&[("host", "127.0.0.1:3000"), ("referer", r)]);
        assert!(is_cross_site(&post, &referred("https://evil.example/page")));
        assert!(!is_cross_site(
            &post,
            &referred("http://127.0.0.1:3000/participants?q=1")
        ));
        assert!(!says_nothing_of_its_origin(
            &post,
            &referred("http://127.0.0.1:3000/")
        ));
    }

    #[test]
    fn a_refusal_is_a_4xx_and_only_the_servers_failure_a_5xx() {
        use app::domain::problem::{FieldProblem, Problem};
        use app::error::AppError;
        assert_eq!(status_of(&AppError::NotSignedIn), StatusCode::UNAUTHORIZED);
        assert_eq!(status_of(&AppError::Forbidden), StatusCode::FORBIDDEN);
        assert_eq!(
            status_of(&AppError::Throttled { minutes: 1 }),
            StatusCode::TOO_MANY_REQUESTS
        );
        let field = |p| AppError::Invalid(vec![FieldProblem::new("x", "", p)]);
        assert_eq!(
            status_of(&field(Problem::Required)),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            status_of(&field(Problem::ChangedMeanwhile)),
            StatusCode::CONFLICT
        );
        assert_eq!(
            status_of(&AppError::Internal),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }

    #[test]
    fn the_token_is_found_in_a_multipart_body() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nabc123\r\n--XyZ\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nteaching\r\n--XyZ--\r\n";
        assert_eq!(multipart_value(body, "_csrf"), Some(&b"abc123"[..]));
        assert_eq!(multipart_value(body, "kind"), Some(&b"teaching"[..]));
        assert_eq!(multipart_value(body, "file"), None);
        assert!(
            same_secret(b"abc", b"abc")
                && !same_secret(b"abc", b"abd")
                && !same_secret(b"ab", b"abc")
        );
    }
}
