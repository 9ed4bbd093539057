//! Signing in, staff and participants (server only): the secret checked under the throttle,
//! the session started and its cookie set, success and failure logged.

use super::{password as pw, session};
use crate::db::{self, sessions::SessionOwner};
use crate::domain::access_log::{AccessEvent, Actor};
use crate::domain::credentials::{code_subject, staff_subject, SignInCode};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::state::AppState;

/// Signs the staff member with `email` in if `password` is theirs; whether they must change
/// their password before anything else.
pub async fn staff(state: &AppState, email: &str, password: String) -> Result<bool, AppError> {
    let email = email.trim().to_lowercase();
    let user = super::throttle::attempt(state, &staff_subject(&email), async {
        let found = db::users::find_for_sign_in(&state.db, &email).await?;
        let stored = found.as_ref().map(|(_, h)| h.0.clone());
        let ok = pw::verify(password, stored).await;
        Ok(found.filter(|_| ok).map(|(u, _)| u))
    })
    .await;
    let user = match user {
        Ok(user) => user,
        Err(e) => return Err(failed(state, e, "staff").await),
    };
    start_session(
        state,
        SessionOwner::User(user.id),
        state.auth.staff_idle_secs,
    )
    .await?;
    let actor = Actor::Staff {
        user: user.id,
        role: user.role,
    };
    super::audit::sign_in_event(state, actor, AccessEvent::SignIn, "staff").await?;
    Ok(user.must_change_password)
}

/// Signs the participant with personal code `code` in if `pin` is theirs. Without a language
/// `chosen` on the tablet's sign-in page, the participant's own preference applies.
pub async fn tablet(
    state: &AppState,
    code: &str,
    pin: String,
    chosen: Option<Locale>,
) -> Result<(), AppError> {
    let Ok(code) = SignInCode::parse(code) else {
        return Err(failed(state, AppError::SignInFailed, "tablet").await);
    };
    let participant = super::throttle::attempt(state, &code_subject(&code), async {
        let found = db::participants::find_for_sign_in(&state.db, code.as_str()).await?;
        let stored = found.as_ref().map(|(_, h)| h.clone());
        let ok = pw::verify(pin.trim().to_owned(), stored).await;
        Ok(found.filter(|_| ok).map(|(p, _)| p))
    })
    .await;
    let participant = match participant {
        Ok(participant) => participant,
        Err(e) => return Err(failed(state, e, "tablet").await),
    };
    let idle = state.auth.participant_idle_secs;
    start_session(state, SessionOwner::Participant(participant), idle).await?;
    if chosen.is_none() {
        if let Some(own) = db::participants::ui_language(&state.db, participant).await? {
            session::set_cookie(&crate::i18n::lang_cookie(own));
        }
    }
    let actor = Actor::Participant(participant);
    super::audit::sign_in_event(state, actor, AccessEvent::SignIn, "tablet").await
}

/// Logs a failed sign-in (a wrong secret, or one refused while locked) and gives the error
/// back; other errors pass unlogged.
async fn failed(state: &AppState, error: AppError, what: &str) -> AppError {
    if matches!(error, AppError::SignInFailed | AppError::Throttled { .. }) {
        let event = AccessEvent::SignInFailed;
        if let Err(e) = super::audit::sign_in_event(state, Actor::Nobody, event, what).await {
            tracing::error!(error = ?e, "logging a failed sign-in failed");
        }
    }
    error
}

/// A new session of `owner`, its cookie set on the answer.
async fn start_session(
    state: &AppState,
    owner: SessionOwner,
    idle_secs: i64,
) -> Result<(), AppError> {
    let token = session::new_token();
    let hash = session::keyed_hash(&state.auth.session_secret, &token);
    db::sessions::create(&state.db, &hash, owner, idle_secs).await?;
    session::set_cookie(&session::session_cookie(&state.auth, &token));
    Ok(())
}
