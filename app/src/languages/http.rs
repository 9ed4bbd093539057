//! `POST /languages/clips`: a coordinator uploads recorded clips of the statements for one
//! language (multipart: `language` and one or more `clips` files named by their statement,
//! e.g. `L-PA1-1.mp3`). All are stored or none; the languages page shows what happened.

use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::CLIPS_PATH;
use crate::domain::access::RegisterAction;
use crate::domain::locale::Locale;
use crate::state::flash::{owner_of, Flash};
use crate::state::AppState;

/// `POST /languages/clips`.
pub async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    mut form: Multipart,
) -> Response {
    let allowed = crate::import::http::staff_allowed(
        &state,
        &headers,
        CLIPS_PATH,
        RegisterAction::ManageLanguages,
        None,
    )
    .await;
    let user = match allowed {
        Ok(user) => user,
        Err(r) => return r,
    };
    let mut locale = None;
    let mut files = vec![];
    loop {
        match form.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_owned();
                let file_name = field.file_name().unwrap_or_default().to_owned();
                match field.bytes().await {
                    Ok(bytes) if name == "language" => {
                        locale = Locale::from_tag(&String::from_utf8_lossy(&bytes));
                    }
                    // A form sent without a file has one empty, nameless part.
                    Ok(bytes) if name == "clips" && !(file_name.is_empty() && bytes.is_empty()) => {
                        files.push((file_name, bytes.to_vec()));
                    }
                    Ok(_) => {}
                    Err(e) => {
                        tracing::warn!(error = %e, "clip upload failed");
                        return (StatusCode::BAD_REQUEST, "upload failed").into_response();
                    }
                }
            }
            Ok(None) => break,
            Err(e) => {
                tracing::warn!(error = %e, "clip upload failed");
                return (StatusCode::BAD_REQUEST, "upload failed").into_response();
            }
        }
    }
    let Some(locale) = locale else {
        return (StatusCode::BAD_REQUEST, "unknown language").into_response();
    };
    let report = match super::service::upload_clips(&state.db, locale, files, Some(user)).await {
        Ok(report) => report,
        Err(e) => {
            tracing::error!(error = ?e, "storing clips failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    tracing::info!(
        language = locale.tag(),
        stored = report.stored,
        refused = report.problems.len(),
        "clips uploaded"
    );
    let output = serde_json::to_vec(&report).ok();
    let refused = !report.problems.is_empty();
    let flash = Flash::new(
        CLIPS_PATH.to_owned(),
        refused,
        vec![],
        output,
        owner_of(&state.auth, &headers),
    );
    let key = state.flash.put(flash);
    Redirect::to(&format!(
        "/languages?{}={key}",
        crate::state::flash::FLASH_PARAM
    ))
    .into_response()
}
