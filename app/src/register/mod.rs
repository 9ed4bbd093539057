//! The participant register: participants, schools, staff, groups, import and export.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
