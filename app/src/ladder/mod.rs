//! The language ladder (issue 6): the participant's ladder and weekly-hours charts with their
//! data tables, the mentor's dashboard with sparklines, and the printable language passport.

pub mod api;
pub mod islands;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
