//! `GET /export/indicators.xlsx?from=…&to=…`: the funders' workbook for a range of start
//! dates, for coordinators (the download is logged with its rows; a refusal is logged too).

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::domain::access::RegisterAction;
use crate::domain::access_log::{AccessEvent, Actor, NewAccess};
use crate::i18n::Locale;
use crate::import::http::{log, staff_allowed, DateRange};
use crate::state::AppState;

/// The workbook of the indicators.
pub async fn export_indicators_xlsx(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(range): Query<DateRange>,
) -> Response {
    let what = "/export/indicators.xlsx";
    let action = RegisterAction::ViewIndicators;
    let user = match staff_allowed(&state, &headers, what, action, None).await {
        Ok(user) => user,
        Err(r) => return r,
    };
    let range_and_place = super::service::start_range(&range.from, &range.to)
        .and_then(|r| super::service::place(&range.place).map(|p| (r, p)));
    let Ok(((from, to), place)) = range_and_place else {
        return (
            StatusCode::BAD_REQUEST,
            "from and to must be dates such as 2026-01-01, to not before from; place \
             district:NAME or school:NAME",
        )
            .into_response();
    };
    let locale = headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(Locale::from_cookie_header)
        .unwrap_or_default();
    let today = state.clock.today();
    let (rows, figures) = match super::targets::figures(&state.db, from, to, today, &place).await {
        Ok(f) => f,
        Err(e) => {
            tracing::error!(error = %e, "indicators workbook failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let data = super::xlsx::WorkbookData {
        rows: &rows,
        figures: &figures,
        range: (from, to),
        today,
        locale,
    };
    let bytes = match super::xlsx::workbook(&data) {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "indicators workbook failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let actor = Actor::Staff {
        user,
        role: crate::domain::role::Role::Coordinator,
    };
    let entry = NewAccess::new(actor, AccessEvent::Download, "indicators.xlsx")
        .rows(i64::try_from(rows.len()).unwrap_or(i64::MAX));
    log(&state, entry).await;
    (
        [
            (header::CONTENT_TYPE, super::xlsx::XLSX_TYPE.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"indicators.xlsx\"".to_owned(),
            ),
        ],
        bytes,
    )
        .into_response()
}
