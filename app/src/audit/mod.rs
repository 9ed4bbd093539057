//! The access log (issue 17): every staff read of a participant's record, every download of
//! personal data, every sign-in, sign-out and failed sign-in, every refusal is written to an
//! append-only log; coordinators read it per participant and per staff member (and that read
//! is logged too); a participant sees which staff roles looked at their record and when.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
