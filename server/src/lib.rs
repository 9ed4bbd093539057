//! The Språktrappan server: configuration, router, command line, demo data.

pub mod assets;
pub mod bench;
pub mod cli;
pub mod cli_clips;
pub mod cli_privacy;
pub mod cli_reports;
pub mod cli_users;
pub mod config;
pub mod defences;
pub mod demo;
pub mod forms;
pub mod kept_pages;
pub mod startup;
pub mod tablet;
