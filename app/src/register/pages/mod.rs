//! Pages of the register.

mod admin;
mod form;
mod home;
mod import;
mod participants;

pub use admin::{GroupPage, GroupsPage, SchoolsPage, StaffPage};
pub use home::{HomePage, MePage};
pub use import::{ImportPage, ImportReportPage};
pub use participants::{EditParticipant, NewParticipant, ParticipantPage, ParticipantsPage};

/// Translated label of a status.
pub fn status_label(s: crate::domain::status::ParticipantStatus) -> String {
    crate::ui::t(&format!("status-{}", s.as_str()))
}
