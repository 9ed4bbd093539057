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

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::error::AppError;
use crate::ui::components::ErrorNotice;

/// What a page shows when its data could not be loaded: the sign-in page when signed out,
/// otherwise the translated error.
pub fn failed(error: AppError) -> AnyView {
    match error {
        AppError::NotSignedIn => view! { <Redirect path="/sign-in" /> }.into_any(),
        other => view! { <ErrorNotice error=other /> }.into_any(),
    }
}

/// Translated label of a status.
pub fn status_label(s: crate::domain::status::ParticipantStatus) -> String {
    crate::ui::t(&format!("status-{}", s.as_str()))
}
