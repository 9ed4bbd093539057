//! Server functions of the languages page (coordinators only).

use leptos::prelude::*;

use super::LanguageRow;
use crate::error::AppError;

/// Every language of the participant's pages with its translations, voice and clips.
#[server(endpoint = "languages/overview")]
pub async fn language_overview() -> Result<Vec<LanguageRow>, AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::register(&state, &who, RegisterAction::ManageLanguages).await?;
    super::service::overview(&state.db, state.speaker.available()).await
}
