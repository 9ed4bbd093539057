//! Plain HTTP endpoints for files: the upload of an import (multipart) and CSV downloads.
//! They authenticate and authorise exactly like the server functions.

use axum::extract::{Multipart, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use crate::auth::session::principal_from_headers;
use crate::domain::access::{may, RegisterAction};
use crate::domain::role::Principal;
use crate::state::AppState;

/// The file kinds that can be imported from the web.
pub const IMPORT_KINDS: [&str; 5] = [
    "participants",
    "sfi-results",
    "assessments",
    "teaching",
    "absences",
];

/// Largest accepted upload.
pub const MAX_UPLOAD_BYTES: usize = 20 * 1024 * 1024;

async fn coordinator(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<crate::domain::ids::UserId, Response> {
    match principal_from_headers(state, headers).await {
        Ok(Some(p @ Principal::Staff { user, .. }))
            if may(&p, RegisterAction::ManageParticipants) =>
        {
            Ok(user)
        }
        Ok(Some(_)) => Err(StatusCode::FORBIDDEN.into_response()),
        Ok(None) => Err(Redirect::to("/sign-in").into_response()),
        Err(_) => Err(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    }
}

/// `POST /import/upload`: stores the file and shows its row report at `/import/{id}`.
pub async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    mut form: Multipart,
) -> Response {
    let user = match coordinator(&state, &headers).await {
        Ok(u) => u,
        Err(r) => return r,
    };
    let mut kind = String::from("participants");
    let mut file: Option<(String, Vec<u8>)> = None;
    loop {
        match form.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_owned();
                let file_name = field.file_name().unwrap_or("upload.csv").to_owned();
                match field.bytes().await {
                    Ok(bytes) if name == "file" => file = Some((file_name, bytes.to_vec())),
                    Ok(bytes) if name == "kind" => {
                        kind = String::from_utf8_lossy(&bytes).into_owned()
                    }
                    Ok(_) => {}
                    Err(e) => {
                        tracing::warn!(error = %e, "upload failed");
                        return (StatusCode::BAD_REQUEST, "upload failed").into_response();
                    }
                }
            }
            Ok(None) => break,
            Err(e) => {
                tracing::warn!(error = %e, "upload failed");
                return (StatusCode::BAD_REQUEST, "upload failed").into_response();
            }
        }
    }
    if !IMPORT_KINDS.contains(&kind.as_str()) {
        return (StatusCode::BAD_REQUEST, "unknown kind").into_response();
    }
    let Some((file_name, bytes)) = file else {
        return Redirect::to("/import").into_response();
    };
    let text = crate::domain::csvfile::decode(&bytes);
    match crate::db::imports::create(&state.db, user, &kind, &file_name, &text).await {
        Ok(id) => Redirect::to(&format!("/import/{id}")).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "file endpoint failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /export/participants.csv`: the `participants` export.
pub async fn export_participants(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(r) = coordinator(&state, &headers).await {
        return r;
    }
    match super::import::export_participants(&state.db).await {
        Ok(csv) => csv_download("participants.csv", csv),
        Err(e) => {
            tracing::error!(error = %e, "file endpoint failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /export/sfi-results.csv`: the `sfi-results` export.
pub async fn export_sfi_results(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(r) = coordinator(&state, &headers).await {
        return r;
    }
    match crate::sfi::save::export(&state.db).await {
        Ok(csv) => csv_download("sfi-results.csv", csv),
        Err(e) => {
            tracing::error!(error = %e, "file endpoint failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn csv_download(name: &str, csv: String) -> Response {
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

/// `GET /export/assessments.csv`: the `assessments` export.
pub async fn export_assessments(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(r) = coordinator(&state, &headers).await {
        return r;
    }
    match crate::elp::files::export(&state.db).await {
        Ok(csv) => csv_download("assessments.csv", csv),
        Err(e) => {
            tracing::error!(error = %e, "file endpoint failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /export/teaching.csv`: the `teaching` export.
pub async fn export_teaching(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(r) = coordinator(&state, &headers).await {
        return r;
    }
    match crate::hours::files::export_teaching(&state.db).await {
        Ok(csv) => csv_download("teaching.csv", csv),
        Err(e) => {
            tracing::error!(error = %e, "file endpoint failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /export/absences.csv`: the `absences` export.
pub async fn export_absences(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(r) = coordinator(&state, &headers).await {
        return r;
    }
    match crate::hours::files::export_absences(&state.db).await {
        Ok(csv) => csv_download("absences.csv", csv),
        Err(e) => {
            tracing::error!(error = %e, "file endpoint failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The week range of the compliance export, `?from=2026-W01&to=2026-W12`.
#[derive(Debug, Default, serde::Deserialize)]
pub struct WeekRange {
    /// First week (default: eleven weeks before the current one).
    #[serde(default)]
    pub from: String,
    /// Last week (default: the current week).
    #[serde(default)]
    pub to: String,
}

/// `GET /export/compliance.csv?from=…&to=…`: the `compliance` export.
pub async fn export_compliance(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(range): axum::extract::Query<WeekRange>,
) -> Response {
    use crate::domain::weeks::IsoWeek;
    if let Err(r) = coordinator(&state, &headers).await {
        return r;
    }
    let (default_from, default_to) =
        crate::hours::files::default_range(chrono::Local::now().date_naive());
    let parse = |s: &str, default: IsoWeek| {
        if s.trim().is_empty() {
            Ok(default)
        } else {
            IsoWeek::parse(s)
        }
    };
    let (Ok(from), Ok(to)) = (
        parse(&range.from, default_from),
        parse(&range.to, default_to),
    ) else {
        return (
            StatusCode::BAD_REQUEST,
            "from and to must be weeks such as 2026-W09",
        )
            .into_response();
    };
    match crate::hours::files::export_compliance(&state.db, crate::db::hours::Scope::All, from, to)
        .await
    {
        Ok(csv) => csv_download("compliance.csv", csv),
        Err(e) => {
            tracing::error!(error = %e, "file endpoint failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
