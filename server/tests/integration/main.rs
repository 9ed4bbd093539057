//! Integration tests: every feature against a fresh migrated database, on SQLite and on
//! PostgreSQL, through the real router.
#![expect(
    clippy::expect_used,
    reason = "a test should stop at the first surprise, loudly"
)]

mod common;
mod defences;

mod access_log;
mod assessments;
mod audio;
mod auth;
mod authz;
mod authz_edges;
mod calendar;
mod cli;
mod clips;
mod compliance_stream;
mod finishing;
mod forms;
mod hours;
mod housekeeping;
mod import;
mod indicators;
mod kept_pages;
mod ladder;
mod languages;
mod mentoring;
mod outcomes;
mod privacy;
mod register;
mod register_scale;
mod render_race;
mod scale_out;
mod schema;
mod sfi;
mod tablet;
mod teaching_scale;
mod translations;
mod uploads;
