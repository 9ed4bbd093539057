//! Språktrappan: the language ladder of a work-placement introduction for newly arrived adults.
//!
//! `domain` holds the pure rules; `db` (server only) all SQL; the feature folders (`auth`,
//! `register`) their server functions and pages; `app` the shell and routes.
#![recursion_limit = "512"]

pub mod app;
pub mod auth;
#[cfg(feature = "ssr")]
pub mod charts;
pub mod domain;
pub mod dto;
pub mod elp;
pub mod error;
pub mod hours;
pub mod i18n;
pub mod ladder;
pub mod register;
pub mod sfi;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod state;

/// Entry point of the browser bundle: hydrates the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // Tells end-to-end tests (and anyone curious) that the page is now interactive.
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
