//! The binder's other half (issue 15): how the introduction ended (the exit talk and its
//! outcome) and the programme's indicators for the funders. Placements, development talks and
//! the work and matching ladders come next.

pub mod api;
#[cfg(feature = "ssr")]
pub mod http;
pub mod indicators_pages;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod steps_pages;
#[cfg(feature = "ssr")]
pub mod targets;
#[cfg(feature = "ssr")]
pub mod xlsx;
