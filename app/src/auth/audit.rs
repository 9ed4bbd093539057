//! Writing the access log (server only): the guard logs every staff read of a participant's
//! record and every refusal; sign-ins, sign-outs and failures are logged where they happen.

use crate::auth::memo::RequestMemo;
use crate::db;
use crate::domain::access::ParticipantAction;
use crate::domain::access_log::{part_read, AccessEvent, Actor, NewAccess};
use crate::domain::ids::ParticipantId;
use crate::domain::role::Principal;
use crate::error::AppError;
use crate::state::AppState;

/// The client's address of the request being served, if known.
pub fn client_address(state: &AppState) -> Option<String> {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| state.auth.client_address(&parts))
        .map(|a| a.to_string())
}

/// The path of the request being served (a page, a server function, a file).
fn request_path() -> String {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .map(|parts| parts.uri.path().to_owned())
        .unwrap_or_default()
}

/// Writes `entry` now, with the request's client address unless it has one. A read that
/// cannot be logged is not served: the error goes back to the caller.
pub async fn record(state: &AppState, mut entry: NewAccess) -> Result<(), AppError> {
    if entry.address.is_none() {
        entry.address = client_address(state);
    }
    // Noted before the write: a page's resource may outlive its place in the page (and with it
    // the request's context) while it waits, and the page kept must write it again.
    if let Some(memo) = RequestMemo::current() {
        memo.remember_logged(&entry);
    }
    db::access_log::record(&state.db, db::now(), &entry)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "writing the access log failed");
            AppError::from(e)
        })
}

/// Logs that `who` was allowed `action` on `participant`, if it is a staff read.
pub async fn allowed(
    state: &AppState,
    who: &Principal,
    participant: ParticipantId,
    action: ParticipantAction,
) -> Result<(), AppError> {
    match part_read(action) {
        Some(part) => read(state, who, participant, part).await,
        None => Ok(()),
    }
}

/// Logs a staff read of `part` of `participant`'s record (a participant's own reads are not
/// logged): once per request and part (a page's resources share the request's memo).
pub async fn read(
    state: &AppState,
    who: &Principal,
    participant: ParticipantId,
    part: &'static str,
) -> Result<(), AppError> {
    if !matches!(who, Principal::Staff { .. }) {
        return Ok(());
    }
    if RequestMemo::current().is_some_and(|m| !m.first_read(participant, part)) {
        return Ok(());
    }
    record(
        state,
        NewAccess::new(who.into(), AccessEvent::Read, part).about(participant),
    )
    .await
}

/// Logs that `who` was refused what the request asked for (about `participant`, if one), and
/// gives the refusal back. A failure to log is logged and the refusal stands.
pub async fn refused(
    state: &AppState,
    who: &Principal,
    participant: Option<ParticipantId>,
) -> AppError {
    let mut entry = NewAccess::new(who.into(), AccessEvent::Refused, request_path());
    entry.participant = participant;
    let _ = record(state, entry).await;
    AppError::Forbidden
}

/// `result`, with a refusal in it logged (for services that refuse on their own rules).
pub async fn refusals<T>(
    state: &AppState,
    who: &Principal,
    result: Result<T, AppError>,
) -> Result<T, AppError> {
    refusals_about(state, who, None, result).await
}

/// `result`, with a refusal in it logged as being about `participant`, if one.
pub async fn refusals_about<T>(
    state: &AppState,
    who: &Principal,
    participant: Option<ParticipantId>,
    result: Result<T, AppError>,
) -> Result<T, AppError> {
    match result {
        Err(AppError::Forbidden) => Err(refused(state, who, participant).await),
        other => other,
    }
}

/// Logs a sign-in event of `actor` (`what` is `staff` or `tablet`).
pub async fn sign_in_event(
    state: &AppState,
    actor: Actor,
    event: AccessEvent,
    what: &str,
) -> Result<(), AppError> {
    record(state, NewAccess::new(actor, event, what)).await
}
