//! The participant register: participants, schools, staff, groups, import and export.

pub mod api;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod import;
pub mod pages;
