//! `GET /participants/{id}/data.zip`: everything held about one participant, for a
//! coordinator (the download is logged with its rows; a refusal is logged too).

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::domain::access::RegisterAction;
use crate::domain::access_log::{AccessEvent, Actor, NewAccess};
use crate::domain::ids::ParticipantId;
use crate::error::AppError;
use crate::import::http::{log, staff_allowed};
use crate::state::AppState;

/// The ZIP archive of one participant's data.
pub async fn person_data(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Response {
    let participant = ParticipantId(id);
    let what = format!("/participants/{id}/data.zip");
    let action = RegisterAction::ManagePersonalData;
    let user = match staff_allowed(&state, &headers, &what, action, Some(participant)).await {
        Ok(user) => user,
        Err(r) => return r,
    };
    match super::service::archive(&state.db, participant, state.clock.now()).await {
        Ok(archive) => {
            let actor = Actor::Staff {
                user,
                role: crate::domain::role::Role::Coordinator,
            };
            let entry = NewAccess::new(actor, AccessEvent::Download, "person.zip")
                .about(participant)
                .rows(archive.rows);
            log(&state, entry).await;
            (
                [
                    (header::CONTENT_TYPE, "application/zip".to_owned()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{}\"", archive.file_name),
                    ),
                    (header::CACHE_CONTROL, "no-store".to_owned()),
                ],
                archive.bytes,
            )
                .into_response()
        }
        Err(AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "person archive failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
