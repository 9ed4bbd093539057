//! Server functions of an upload's page: where the upload is (progress, then its row report)
//! and its confirmation. Who are you → may you → [`super::jobs`].
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use leptos::prelude::*;

use super::ImportState;
use crate::domain::ids::PendingImportId;
use crate::error::AppError;

/// The signed-in coordinator's user id and the state.
#[cfg(feature = "ssr")]
async fn coordinator() -> Result<(crate::state::AppState, crate::domain::ids::UserId), AppError> {
    use crate::auth::guard;
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    guard::register(&state, &who, RegisterAction::ManageParticipants).await?;
    let user = guard::staff_user(&state, &who).await?;
    Ok((state, user))
}

/// Where an uploaded file of the signed-in coordinator is (their uploads only): the progress
/// of its check or import, or its row report.
#[server(endpoint = "import/report")]
pub async fn check_import(id: PendingImportId) -> Result<ImportState, AppError> {
    let (state, user) = coordinator().await?;
    super::jobs::follow(&state, id, user).await
}

/// Imports a checked file: all rows or, if any is invalid, none. A plain form post goes on to
/// the import page with what was stored, or to the upload's page while a large file imports.
#[server(endpoint = "import/confirm")]
pub async fn confirm_import(id: PendingImportId) -> Result<ImportState, AppError> {
    let (state, user) = coordinator().await?;
    let after = super::jobs::confirm(&state, id, user).await?;
    match &after {
        ImportState::Imported(r) => leptos_axum::redirect(&format!(
            "/import?created={}&updated={}&unchanged={}",
            r.created, r.updated, r.unchanged
        )),
        _ => leptos_axum::redirect(&format!("/import/{id}")),
    }
    Ok(after)
}
