//! `POST /languages/clips`: a coordinator uploads recorded clips of the statements for one
//! language (multipart: `language` and one or more `clips` files named by their statement,
//! e.g. `L-PA1-1.mp3`). All are stored or none; the languages page shows what happened.

use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::{CLIPS_PATH, TRANSLATIONS_PATH};
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
    flash_redirect(&state, &flash).await
}

/// `GET /languages/{lang}.csv`: the translators' file of one of the five languages besides
/// Swedish and English (coordinators; the download is logged).
pub async fn download(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    use axum::http::header;
    let what = format!("/languages/{file}");
    let allowed = crate::import::http::staff_allowed(
        &state,
        &headers,
        &what,
        RegisterAction::ManageLanguages,
        None,
    )
    .await;
    let user = match allowed {
        Ok(user) => user,
        Err(r) => return r,
    };
    let Some(locale) = file
        .strip_suffix(".csv")
        .and_then(Locale::from_tag)
        .filter(|l| !l.is_staff())
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match super::service::translator_file(&state.db, locale).await {
        Ok(csv) => {
            let actor = crate::domain::access_log::Actor::Staff {
                user,
                role: crate::domain::role::Role::Coordinator,
            };
            let entry = crate::domain::access_log::NewAccess::new(
                actor,
                crate::domain::access_log::AccessEvent::Download,
                &what,
            );
            crate::import::http::log(&state, entry).await;
            let name = format!("translation-{}.csv", locale.tag());
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{name}\""),
                    ),
                ],
                csv,
            )
                .into_response()
        }
        Err(e) => {
            tracing::error!(error = ?e, "the translators' file failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `POST /languages/translations`: a coordinator imports a translator's corrected file
/// (multipart: `language` and `file`); all rows are stored or none.
pub async fn import(
    State(state): State<AppState>,
    headers: HeaderMap,
    mut form: Multipart,
) -> Response {
    let allowed = crate::import::http::staff_allowed(
        &state,
        &headers,
        TRANSLATIONS_PATH,
        RegisterAction::ManageLanguages,
        None,
    )
    .await;
    let user = match allowed {
        Ok(user) => user,
        Err(r) => return r,
    };
    let mut locale = None;
    let mut text = String::new();
    loop {
        match form.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_owned();
                match field.bytes().await {
                    Ok(bytes) if name == "language" => {
                        locale = Locale::from_tag(&String::from_utf8_lossy(&bytes))
                            .filter(|l| !l.is_staff());
                    }
                    Ok(bytes) if name == "file" => {
                        text = crate::domain::csvfile::decode(&bytes);
                    }
                    Ok(_) => {}
                    Err(e) => {
                        tracing::warn!(error = %e, "translation upload failed");
                        return (StatusCode::BAD_REQUEST, "upload failed").into_response();
                    }
                }
            }
            Ok(None) => break,
            Err(e) => {
                tracing::warn!(error = %e, "translation upload failed");
                return (StatusCode::BAD_REQUEST, "upload failed").into_response();
            }
        }
    }
    let Some(locale) = locale else {
        return (StatusCode::BAD_REQUEST, "unknown language").into_response();
    };
    let report =
        match super::service::import_translations(&state.db, locale, &text, Some(user)).await {
            Ok(report) => report,
            Err(e) => {
                tracing::error!(error = ?e, "storing translations failed");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        };
    let refused = !report.problems.is_empty();
    let output = serde_json::to_vec(&report).ok();
    let owner = owner_of(&state.auth, &headers);
    let flash = Flash::new(TRANSLATIONS_PATH.to_owned(), refused, vec![], output, owner);
    flash_redirect(&state, &flash).await
}

/// Back to the languages page with `flash` kept for it (or without, if it cannot be kept).
async fn flash_redirect(state: &AppState, flash: &Flash) -> Response {
    match crate::state::flash::put(state, flash).await {
        Some(key) => Redirect::to(&format!(
            "/languages?{}={key}",
            crate::state::flash::FLASH_PARAM
        ))
        .into_response(),
        None => Redirect::to("/languages").into_response(),
    }
}
