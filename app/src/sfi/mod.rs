//! SFI test results (issue 3): the group grid, single results with corrections and history,
//! start and finish, and the `sfi-results` file kind.

pub mod api;
pub mod islands;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
