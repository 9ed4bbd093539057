//! The staff's start pages kept between requests (issue 18): [`mentor_view`] serves what was
//! computed from a mentor's data for as long as that data's change versions
//! ([`crate::db::versions`]) stay the same, in [`crate::state::views::ViewCache`]; the
//! server keeps the staff's whole page of a participant under [`participant_validity`].

use crate::domain::ids::UserId;
use crate::error::AppError;
use crate::state::views::Validity;
use crate::state::AppState;

/// View `view` of `mentor`'s start page in `variant`: the kept one if the mentor's data has not
/// changed since it was computed, else `compute`'s, kept. The fingerprint is read before
/// `compute` runs, so a write between the two can only make the kept view newer than its key,
/// never older.
pub async fn mentor_view<T, E, Fut>(
    state: &AppState,
    view: &'static str,
    mentor: UserId,
    variant: String,
    compute: impl FnOnce() -> Fut,
) -> Result<T, AppError>
where
    T: Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, E>>,
    AppError: From<E>,
{
    let valid = validity(state, fingerprint(state, mentor).await?);
    let key = (view, mentor.0, variant);
    if let Some(kept) = state.views.get::<T>(&key, valid) {
        return Ok(kept);
    }
    let value = compute().await?;
    state.views.put(key, valid, value.clone());
    Ok(value)
}

/// Where the staff's page of `participant` is valid: for today, this process's corrections
/// and the participant's and the programme's change versions (one read by key).
pub async fn participant_validity(
    state: &AppState,
    participant: crate::domain::ids::ParticipantId,
) -> Result<Validity, AppError> {
    let fingerprint = crate::db::versions::participant_fingerprint(&state.db, participant).await?;
    Ok(validity(state, fingerprint))
}

/// Where a view computed now from data of `fingerprint` is valid: today, with this process's
/// corrections.
pub fn validity(state: &AppState, fingerprint: u64) -> Validity {
    Validity {
        today: state.clock.today(),
        corrections: crate::i18n::overlay::generation(),
        fingerprint,
    }
}

/// The mentor's fingerprint, read once per page (the page's parts share it).
async fn fingerprint(state: &AppState, mentor: UserId) -> Result<u64, AppError> {
    let memo = crate::auth::memo::RequestMemo::current();
    if let Some(f) = memo.as_ref().and_then(|m| m.fingerprint(mentor)) {
        return Ok(f);
    }
    let f = crate::db::versions::mentor_fingerprint(&state.db, mentor).await?;
    if let Some(m) = memo {
        m.remember_fingerprint(mentor, f);
    }
    Ok(f)
}
