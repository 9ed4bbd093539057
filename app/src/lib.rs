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

/// Entry point of the browser bundle (islands mode): sets up the reactive runtime. The loader
/// in `islands.js` then hydrates each `#[island]` of the page; the rest of the page is server
/// HTML that the wasm never renders.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
