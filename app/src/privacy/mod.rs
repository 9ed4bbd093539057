//! Data protection (issue 17): each person's data on request (a ZIP of every file kind, every
//! history table and a readable summary), erasure that leaves a pseudonymous statistical record
//! so that past figures do not change, and the retention time after which introductions that
//! ended are erased.

pub mod api;
#[cfg(feature = "ssr")]
pub mod http;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod zip;
