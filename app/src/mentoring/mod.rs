//! The binder's placement agreement, development talks and checkpoint decisions (issue 15):
//! mentors schedule and record talks with the steps reached and the goals agreed, a checkpoint
//! decision sets the introduction's length, and the mentor's next date follows from both.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
