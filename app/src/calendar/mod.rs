//! The programme's calendar (issue 14): closed days (holidays, closures, study days) entered
//! once for the whole programme, a district or a school, excused for every participant they
//! cover; the `calendar` file kind is in [`crate::import::calendar`].

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
