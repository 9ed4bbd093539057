//! The tablet's plain scripts (issues 12 and 13), served from the site root: `/tablet.js`, the
//! answer queue on the participant's pages, `/play.js`, their play buttons, and `/sw.js`, the service worker that keeps the
//! tablet pages for a reload while offline (a worker's scope is its own folder and below, so
//! it must be served from `/`). All are revalidated on every load (`no-cache`), so a release
//! reaches every tablet at once.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// The queue script.
pub const TABLET_JS: &str = include_str!("tablet.js");
/// The service worker.
pub const SW_JS: &str = include_str!("sw.js");
/// The play buttons (issue 13).
pub const PLAY_JS: &str = include_str!("play.js");
/// The progress bar of an upload's running check or import (issue 18; a staff page, served
/// beside the tablet's scripts).
pub const PROGRESS_JS: &str = include_str!("progress.js");

fn script(body: &'static str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

/// `GET /tablet.js`.
pub async fn tablet_js() -> Response {
    script(TABLET_JS)
}

/// `GET /sw.js`.
pub async fn sw_js() -> Response {
    script(SW_JS)
}

/// `GET /play.js`.
pub async fn play_js() -> Response {
    script(PLAY_JS)
}

/// `GET /progress.js`.
pub async fn progress_js() -> Response {
    script(PROGRESS_JS)
}
