//! Server functions of the import page: the row report of an uploaded file and its
//! confirmation. Who are you → may you → the dispatch of [`super::run`].
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use leptos::prelude::*;

use super::ImportReport;
use crate::domain::ids::PendingImportId;
use crate::error::AppError;

/// Checks (`dry_run`) or imports the pending file `id` of the signed-in coordinator.
#[cfg(feature = "ssr")]
async fn pending(id: PendingImportId, dry_run: bool) -> Result<ImportReport, AppError> {
    use crate::auth::guard;
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    guard::register(&state, &who, RegisterAction::ManageParticipants).await?;
    let user = guard::staff_user(&state, &who).await?;
    let pending = crate::db::imports::get(&state.db, id, user).await?;
    let Some(kind) = super::ImportKind::parse(&pending.kind) else {
        tracing::warn!(kind = pending.kind, "pending import of an unknown kind");
        return Err(AppError::NotFound);
    };
    let who = crate::db::participants::ChangeSource {
        source: "import",
        by: Some(user),
    };
    let now = state.clock.now();
    let mut report =
        super::run::import(&state.db, kind, &pending.content, now, who, dry_run).await?;
    report.file_name = pending.file_name;
    if report.committed {
        crate::db::imports::delete(&state.db, id).await?;
        leptos_axum::redirect(&format!(
            "/import?kind={kind}&created={}&updated={}&unchanged={}",
            report.created, report.updated, report.unchanged
        ));
    }
    Ok(report)
}

/// The row report of an uploaded file (its uploader only), without storing anything.
#[server(endpoint = "import/report")]
pub async fn check_import(id: PendingImportId) -> Result<ImportReport, AppError> {
    pending(id, true).await
}

/// Imports a checked file: all rows or, if any is invalid, none.
#[server(endpoint = "import/confirm")]
pub async fn confirm_import(id: PendingImportId) -> Result<ImportReport, AppError> {
    pending(id, false).await
}
