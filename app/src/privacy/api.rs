//! Server functions of data protection: who are you → may you → service.
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use leptos::prelude::*;

use crate::domain::ids::ParticipantId;
use crate::error::AppError;

pub use crate::dto::{DataProtection, ErasureDone, ErasureTarget};

/// Whom the erasure page is about: reference, name, status (coordinators; logged as a read).
#[server(endpoint = "privacy/target")]
pub async fn get_erasure_target(participant: ParticipantId) -> Result<ErasureTarget, AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::register(&state, &who, RegisterAction::ManagePersonalData).await?;
    crate::auth::audit::read(&state, &who, participant, "record").await?;
    super::service::target(&state.db, participant).await
}

/// Erases a participant after the confirmation (their reference typed; `open_anyway` ticked
/// for an introduction still open). Coordinators; the erasure is logged.
#[server(endpoint = "privacy/erase")]
pub async fn erase_participant(
    participant: ParticipantId,
    confirm: String,
    #[server(default)] open_anyway: Option<String>,
) -> Result<ErasureDone, AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::register(&state, &who, RegisterAction::ManagePersonalData).await?;
    let done =
        super::service::erase_by(&state, &who, participant, confirm, open_anyway.is_some()).await?;
    leptos_axum::redirect("/data-protection");
    Ok(done)
}

/// The retention time, who is due for erasure under it, and how many statistical records of
/// erased participants there are (coordinators).
#[server(endpoint = "privacy/overview")]
pub async fn get_data_protection() -> Result<DataProtection, AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::register(&state, &who, RegisterAction::ManagePersonalData).await?;
    super::service::overview(&state.db, state.clock.today()).await
}
