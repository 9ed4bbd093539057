//! Språktrappan: the language ladder of a work-placement introduction for newly arrived adults.
//!
//! Layers, each importing only those below it:
//! - `app`: the shell and the routes; `site`: pages that compose several features;
//! - the features, siblings that never import each other: `register`, `sfi`, `elp`, `hours`,
//!   `ladder` (each `api` → `service` → `db`/`domain`, `pages`, `islands`);
//! - shared below the features: `import` (the files of FORMATS.md), `auth`, `ui`, `i18n`,
//!   `charts`, `dto`, `error`, `state`;
//! - `db` (server only): all SQL; `domain`: the pure rules.
#![recursion_limit = "512"]

pub mod app;
#[cfg(test)]
mod architecture;
pub mod audio;
pub mod audit;
pub mod auth;
pub mod binder;
pub mod calendar;
#[cfg(feature = "ssr")]
pub mod charts;
pub mod domain;
pub mod dto;
pub mod elp;
pub mod error;
pub mod hours;
pub mod i18n;
pub mod import;
#[cfg(feature = "ssr")]
pub mod kept;
pub mod ladder;
pub mod languages;
pub mod mentoring;
pub mod privacy;
pub mod register;
pub mod sfi;
pub mod site;
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
