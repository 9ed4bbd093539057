//! Plain form posts to server functions (`/api/…` without JavaScript): the page they return to
//! keeps the values typed after a refusal and learns the result after a success.
//!
//! Leptos answers such a post with a redirect back to the page (`Referer`), with a refusal
//! encoded in the URL (`__err`). This middleware keeps the form's values (secrets removed)
//! or the server function's result under a random key for ten minutes, bound to the browser
//! session, and adds `__flash=KEY` to the redirect. See `app::ui::flash`.

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use app::state::flash::{owner_of, Flash, FLASH_PARAM};
use app::state::AppState;
use app::ui::flash::is_secret;

/// The largest form body this middleware reads (larger posts are refused).
pub const MAX_FORM_BYTES: usize = 1024 * 1024;

fn header_has(req: &Request, name: header::HeaderName, needle: &str) -> bool {
    req.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains(needle))
}

/// The middleware on the whole router; it acts on plain form posts to `/api/…` only.
pub async fn keep_form_posts(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let plain_form = req.method() == Method::POST
        && req.uri().path().starts_with("/api/")
        && header_has(&req, header::ACCEPT, "text/html")
        && header_has(
            &req,
            header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        );
    if !plain_form {
        return with_flash(&state, req, next).await;
    }
    let path = req.uri().path().to_owned();
    let owner = owner_of(&state.auth, req.headers());
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_FORM_BYTES).await else {
        return axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let values: Vec<(String, String)> = form_urlencoded::parse(&bytes)
        .filter(|(k, _)| !is_secret(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let res = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let Some(location) = res
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
    else {
        return res;
    };
    if !res.status().is_redirection() {
        return res;
    }
    let refused = location.contains("__err=");
    let (mut parts, body) = res.into_parts();
    let output = if refused {
        None
    } else {
        to_bytes(body, MAX_FORM_BYTES)
            .await
            .ok()
            .map(|b| b.to_vec())
    };
    let flash = Flash::new(
        path,
        refused,
        if refused { values } else { vec![] },
        output,
        owner,
    );
    let Some(key) = app::state::flash::put(&state, &flash).await else {
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    };
    let (base, fragment) = match location.split_once('#') {
        Some((b, f)) => (b.to_owned(), format!("#{f}")),
        None => (location.clone(), String::new()),
    };
    // A flash of an earlier post in the URL gives way to this one, and of a refusal after a
    // refusal only the last one stays.
    let (path_part, query) = base.split_once('?').unwrap_or((base.as_str(), ""));
    let mut seen = vec![];
    let mut pairs: Vec<&str> = query
        .split('&')
        .rev()
        .filter(|kv| {
            let key = kv.split_once('=').map_or(*kv, |(k, _)| k);
            if kv.is_empty() || key == FLASH_PARAM {
                return false;
            }
            if key == "__err" || key == "__path" {
                if seen.contains(&key) {
                    return false;
                }
                seen.push(key);
            }
            true
        })
        .collect();
    pairs.reverse();
    let flash = format!("{FLASH_PARAM}={key}");
    pairs.push(&flash);
    let new_location = format!("{path_part}?{}{fragment}", pairs.join("&"));
    if let Ok(v) = HeaderValue::from_str(&new_location) {
        parts.headers.insert(header::LOCATION, v);
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::empty())
}

/// Runs a request whose URL may name a flash (the page after a form post's redirect), with
/// the flash read from the database beforehand for the page to find in its extensions.
async fn with_flash(state: &AppState, mut req: Request, next: Next) -> Response {
    let query = req.uri().query().unwrap_or("");
    if req.method() == Method::GET && query.contains(FLASH_PARAM) {
        let loaded = app::state::flash::load(state, query, req.headers()).await;
        req.extensions_mut().insert(loaded);
    }
    next.run(req).await
}
