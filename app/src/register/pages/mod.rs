//! Pages of the register.

mod admin;
mod form;
mod participants;

pub use admin::{GroupPage, GroupsPage, SchoolsPage, StaffPage};
pub use participants::{
    id_param, EditParticipant, NewParticipant, ParticipantRecord, ParticipantsPage,
};

/// Translated label of a status.
pub fn status_label(s: crate::domain::status::ParticipantStatus) -> String {
    crate::ui::t(&format!("status-{}", s.as_str()))
}
