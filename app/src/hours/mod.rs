//! The weekly minimum (issue 5): weekly plans that cannot fall under the minimum, recorded
//! time (registers, single entries), absences, the weeks against the minimum, the mentor's
//! short weeks, the compliance report and the `teaching`, `absences` and `compliance` files.

pub mod api;
pub mod islands;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
