//! Plain HTTP endpoints for files: the upload of an import (multipart) and CSV downloads.
//! They authenticate and authorise exactly like the server functions.

use axum::extract::{Multipart, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use futures_util::StreamExt;

use crate::auth::session::principal_from_headers;
use crate::domain::access::{may, RegisterAction};
use crate::domain::access_log::{AccessEvent, Actor, NewAccess};
use crate::domain::role::Principal;
use crate::state::AppState;

use super::ImportKind;

/// Writes `entry` to the access log; a failure is in the server's log and the file route
/// goes on.
pub(crate) async fn log(state: &AppState, entry: NewAccess) {
    let _ = crate::auth::audit::record(state, entry).await;
}

/// Logs the download of `csv` as `name` by `user` (a coordinator) and returns it.
async fn logged_download(
    state: &AppState,
    user: crate::domain::ids::UserId,
    name: &str,
    csv: String,
) -> Response {
    let actor = Actor::Staff {
        user,
        role: crate::domain::role::Role::Coordinator,
    };
    let entry = NewAccess::new(actor, AccessEvent::Download, name).rows(csv_rows(&csv));
    log(state, entry).await;
    csv_download(name, csv)
}

/// The records of a CSV text, header excluded (a line break inside quotes is no new record).
pub(crate) fn csv_rows(csv: &str) -> i64 {
    let mut quoted = false;
    let mut records = 0_i64;
    let mut open_record = false;
    for c in csv.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                open_record = true;
            }
            '\n' if !quoted => {
                if open_record {
                    records += 1;
                }
                open_record = false;
            }
            '\r' => {}
            _ => open_record = true,
        }
    }
    if open_record {
        records += 1;
    }
    (records - 1).max(0)
}

/// Largest accepted upload: 96 MiB, room for a city's year of recorded time (a million rows
/// of the teaching file are about 45 MB).
pub const MAX_UPLOAD_BYTES: usize = 96 * 1024 * 1024;

async fn coordinator(
    state: &AppState,
    headers: &HeaderMap,
    what: &str,
) -> Result<crate::domain::ids::UserId, Response> {
    staff_allowed(
        state,
        headers,
        what,
        RegisterAction::ManageParticipants,
        None,
    )
    .await
}

/// The staff member of the request's session if they may do `action`; otherwise the answer
/// to send (sign in, change the password, or 403 with the refusal logged, naming `about`).
pub(crate) async fn staff_allowed(
    state: &AppState,
    headers: &HeaderMap,
    what: &str,
    action: RegisterAction,
    about: Option<crate::domain::ids::ParticipantId>,
) -> Result<crate::domain::ids::UserId, Response> {
    match principal_from_headers(state, headers).await {
        Ok(Some(p @ Principal::Staff { user, .. })) if may(&p, action) => Ok(user),
        Ok(Some(p)) => {
            let mut entry = NewAccess::new((&p).into(), AccessEvent::Refused, what);
            entry.participant = about;
            log(state, entry).await;
            Err(StatusCode::FORBIDDEN.into_response())
        }
        Ok(None) => Err(Redirect::to("/sign-in").into_response()),
        Err(crate::error::AppError::PasswordChangeRequired) => {
            Err(Redirect::to("/password").into_response())
        }
        Err(_) => Err(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    }
}

/// `POST /import/upload`: stores the file and shows its row report at `/import/{id}`.
pub async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    mut form: Multipart,
) -> Response {
    let user = match coordinator(&state, &headers, "/import/upload").await {
        Ok(u) => u,
        Err(r) => return r,
    };
    let mut kind = String::from(ImportKind::Participants.as_str());
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
    let Some(kind) = ImportKind::parse(&kind) else {
        return (StatusCode::BAD_REQUEST, "unknown kind").into_response();
    };
    let Some((file_name, bytes)) = file else {
        return Redirect::to("/import").into_response();
    };
    let text = crate::domain::csvfile::decode(&bytes);
    drop(bytes);
    match super::jobs::upload(&state, user, kind, &file_name, &text).await {
        Ok(id) => Redirect::to(&format!("/import/{id}")).into_response(),
        Err(e) => {
            tracing::error!(error = ?e, "file endpoint failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /import/{id}/problems.csv`: every row to correct of an upload's report (its uploader's
/// only), with its line, column, value and the problem in the reader's language; the page lists
/// the first [`super::pages::SHOWN_PROBLEMS`]. The download is logged (values name people).
pub async fn problems(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Response {
    let user = match coordinator(&state, &headers, "/import/problems.csv").await {
        Ok(u) => u,
        Err(r) => return r,
    };
    let locale = headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(crate::domain::locale::Locale::from_cookie_header)
        .unwrap_or_default();
    let id = crate::domain::ids::PendingImportId(id);
    match super::jobs::follow(&state, id, user).await {
        Ok(super::ImportState::Checked(report)) => {
            let mut csv = crate::domain::csvfile::header(&["line", "column", "value", "problem"]);
            for (line, p) in &report.rows {
                let text =
                    crate::i18n::translate(locale, p.problem.message_id(), &p.problem.args());
                crate::domain::csvfile::push_row(
                    &mut csv,
                    &[line.to_string(), p.field.clone(), p.value.clone(), text],
                );
            }
            logged_download(&state, user, "problems.csv", csv).await
        }
        Ok(_) | Err(crate::error::AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = ?e, "file endpoint failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /export/{kind}.csv`: the export of one file kind (`participants.csv`, …).
pub async fn export(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    let user = match coordinator(&state, &headers, &format!("/export/{file}")).await {
        Ok(user) => user,
        Err(r) => return r,
    };
    let Some(kind) = file.strip_suffix(".csv").and_then(ImportKind::parse) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match super::run::export(&state.db, kind).await {
        Ok(csv) => logged_download(&state, user, &file, csv).await,
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
    let user = match coordinator(&state, &headers, "/export/compliance.csv").await {
        Ok(user) => user,
        Err(r) => return r,
    };
    let (default_from, default_to) = super::time::default_range(state.clock.today());
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
    streamed_compliance(state, user, from, to).await
}

/// The `compliance` export as a streamed body: a task writes it a page of participants at a
/// time into a short channel, so the server holds a few pages whatever the size of the
/// programme, and logs the download with the records sent once it ends. An error before the
/// first page is a 500; a later one cuts the body short (the browser reports the download as
/// failed rather than saving a truncated file as whole).
async fn streamed_compliance(
    state: AppState,
    user: crate::domain::ids::UserId,
    from: crate::domain::weeks::IsoWeek,
    to: crate::domain::weeks::IsoWeek,
) -> Response {
    type Part = Result<String, std::io::Error>;
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Part>(2);
    let task_state = state.clone();
    tokio::spawn(async move {
        let mut sink = tx;
        let sent = super::time::stream_compliance(
            &task_state.db,
            crate::db::hours::Scope::All,
            (from, to),
            super::time::COMPLIANCE_PAGE,
            &mut sink,
        )
        .await;
        match sent {
            Ok(records) => {
                let actor = Actor::Staff {
                    user,
                    role: crate::domain::role::Role::Coordinator,
                };
                let entry = NewAccess::new(actor, AccessEvent::Download, "compliance.csv")
                    .rows(i64::try_from(records).unwrap_or(i64::MAX));
                log(&task_state, entry).await;
            }
            Err(e) => {
                tracing::error!(error = %e, "compliance export failed");
                let _ = sink.send(Err(std::io::Error::other("export failed"))).await;
            }
        }
    });
    let Some(Ok(first)) = rx.recv().await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let rest = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|part| (part, rx))
    });
    let body =
        futures_util::stream::once(async move { Ok::<_, std::io::Error>(first) }).chain(rest);
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"compliance.csv\"".to_owned(),
            ),
        ],
        axum::body::Body::from_stream(body),
    )
        .into_response()
}

/// The start-date range of the indicators export, `?from=2026-01-01&to=2026-12-31` (either may
/// be left out or empty: no bound).
#[derive(Debug, Default, serde::Deserialize)]
pub struct DateRange {
    /// First start date counted.
    #[serde(default)]
    pub from: String,
    /// Last start date counted.
    #[serde(default)]
    pub to: String,
    /// `district:NAME`, `school:NAME` or empty (the whole programme).
    #[serde(default)]
    pub place: String,
}

/// `GET /export/indicators.csv?from=…&to=…`: the `indicators` export.
pub async fn export_indicators(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(range): axum::extract::Query<DateRange>,
) -> Response {
    let user = match coordinator(&state, &headers, "/export/indicators.csv").await {
        Ok(user) => user,
        Err(r) => return r,
    };
    let day = |s: &str| {
        let s = s.trim();
        if s.is_empty() {
            Ok(None)
        } else {
            crate::domain::participant::parse_date(s).map(Some)
        }
    };
    let place = crate::domain::indicators::Place::parse(&range.place);
    let (Ok(from), Ok(to), Ok(place)) = (day(&range.from), day(&range.to), place) else {
        return (
            StatusCode::BAD_REQUEST,
            "from and to must be dates such as 2026-01-01; place district:NAME or school:NAME",
        )
            .into_response();
    };
    match super::indicators::export(&state.db, from, to, &place).await {
        Ok(csv) => logged_download(&state, user, "indicators.csv", csv).await,
        Err(e) => {
            tracing::error!(error = %e, "file endpoint failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod csv_rows_tests {
    use super::csv_rows;

    #[test]
    fn a_download_counts_its_records_without_the_header() {
        assert_eq!(csv_rows(""), 0);
        assert_eq!(csv_rows("a,b\n"), 0);
        assert_eq!(csv_rows("a,b\r\n1,2\r\n3,4\r\n"), 2);
        assert_eq!(csv_rows("a,b\n1,2"), 1);
        assert_eq!(csv_rows("a,b\n\"line\nbreak\",2\n"), 1);
    }
}
