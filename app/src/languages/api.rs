//! Server functions of the languages page (coordinators) and of a participant's tablet
//! language (their mentor or a coordinator).
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

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

/// The language of a participant's tablet pages when the tablet has not been given another
/// (for their mentor or a coordinator, who hand out the tablet's PIN too).
#[server(endpoint = "languages/participant")]
pub async fn get_participant_language(
    id: crate::domain::ids::ParticipantId,
) -> Result<Option<crate::domain::locale::Locale>, AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::participant(&state, &who, id, ParticipantAction::SetPin).await?;
    Ok(crate::db::participants::ui_language(&state.db, id).await?)
}

/// Sets (or, with an empty `lang`, clears) the language of a participant's tablet pages.
#[server(endpoint = "languages/participant/set")]
pub async fn set_participant_language(
    id: crate::domain::ids::ParticipantId,
    lang: String,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    use crate::domain::locale::Locale;
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::participant(&state, &who, id, ParticipantAction::SetPin).await?;
    let locale = match lang.trim() {
        "" => None,
        tag => Some(Locale::from_tag(tag).ok_or_else(|| {
            let allowed = Locale::ALL.map(Locale::tag).join(", ");
            AppError::field(
                "lang",
                tag,
                crate::domain::problem::Problem::NotOneOf { allowed },
            )
        })?),
    };
    crate::db::participants::set_ui_language(&state.db, id, locale).await?;
    Ok(())
}
