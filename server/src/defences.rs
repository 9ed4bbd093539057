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
/// (anything but `same-origin` or `none`, the user's own typing), or `Origin` names another
/// host than the one asked. A request with neither header (not a browser: the command line,
/// scripts) is let through; every current browser sends at least one on a POST.
pub fn is_cross_site(method: &Method, headers: &axum::http::HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text(header::HeaderName::from_static("sec-fetch-site")) {
        if site != "same-origin" && site != "none" {
            return true;
        }
    }
    match (text(header::ORIGIN), text(header::HOST)) {
        (Some("null"), _) => true,
        (Some(origin), Some(host)) => {
            let origin_host = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"))
                .unwrap_or(origin);
            !origin_host.eq_ignore_ascii_case(host)
        }
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// Refuses state-changing requests from other sites (cross-site request forgery), before any
/// server function, form post or upload runs.
pub async fn same_site_writes(req: Request, next: Next) -> Response {
    if is_cross_site(req.method(), req.headers()) {
        tracing::warn!(
            path = %req.uri().path(),
            origin = ?req.headers().get(header::ORIGIN),
            "cross-site request refused"
        );
        return (StatusCode::FORBIDDEN, "cross-site request refused").into_response();
    }
    next.run(req).await
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
        // Reading is never refused; a client without either header is not a browser.
        assert!(!is_cross_site(&Method::GET, &theirs));
        assert!(!is_cross_site(&post, &HeaderMap::new()));
    }
}
