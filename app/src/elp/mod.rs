//! The European Language Portfolio self-assessment (issue 4): "I can …" checklists on the
//! tablet, drafts saved answer by answer, submitted assessments with a level per skill, and
//! staff comments.

pub mod api;
#[cfg(feature = "ssr")]
pub mod delivery;
pub mod draft;
pub mod finish;
pub mod islands;
pub mod pages;
pub mod queue;
#[cfg(feature = "ssr")]
pub mod service;
