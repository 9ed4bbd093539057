//! Pure rules and types of the programme: no leptos, no sqlx, no I/O.
//!
//! Compiled for the server and the browser alike. Every type that comes from outside is built
//! through a `parse` constructor, so a value of the type is valid by construction.

pub mod access;
pub mod access_log;
pub mod assessment_record;
pub mod calendar;
pub mod catalogue;
pub mod cefr;
pub mod clip;
pub mod credentials;
pub mod dated;
pub mod delivery;
pub mod erasure;
pub mod ids;
pub mod indicators;
pub mod ladder;
pub mod locale;
pub mod outcome;
pub mod paging;
pub mod participant;
pub mod placement;
pub mod problem;
pub mod role;
pub mod sfi;
pub mod sfi_record;
pub mod status;
pub mod steps;
pub mod talk;
pub mod targets;
pub mod time_record;
pub mod translation;
pub mod upload;
pub mod weeks;

#[cfg(feature = "ssr")]
pub mod csvfile;
#[cfg(feature = "ssr")]
pub mod participant_import;
#[cfg(feature = "ssr")]
pub mod sfi_import;
#[cfg(feature = "ssr")]
pub mod translator_file;
