//! Server functions of signing in and out. Each is thin: parse, check, call the database.
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use leptos::prelude::*;

use super::Me;
use crate::error::AppError;

/// Who is signed in (None when nobody). Used by the page shell.
#[server(endpoint = "auth/me")]
pub async fn who_am_i() -> Result<Option<Me>, AppError> {
    use crate::db;
    use crate::domain::role::Principal;
    let Some(signed_in) = super::session::current_signed_in().await? else {
        return Ok(None);
    };
    let state = super::session::state()?;
    let principal = signed_in.principal;
    let name = match principal {
        Principal::Staff { user, .. } => db::users::get(&state.db, user).await?.display_name,
        Principal::Participant(p) => db::participants::get(&state.db, p).await?.given_name,
    };
    Ok(Some(Me {
        principal,
        name,
        must_change_password: signed_in.must_change_password,
    }))
}

/// Staff sign-in with e-mail and password. On success the browser goes to its start page.
#[server(endpoint = "auth/sign-in")]
pub async fn sign_in_staff(email: String, password: String) -> Result<(), AppError> {
    use super::{password as pw, session};
    use crate::db::{self, sessions::SessionOwner};
    let state = session::state()?;
    let email = email.trim().to_lowercase();
    let subject = crate::domain::credentials::staff_subject(&email);
    let user = super::throttle::attempt(&state, &subject, async {
        let found = db::users::find_for_sign_in(&state.db, &email).await?;
        let stored = found.as_ref().map(|(_, h)| h.0.clone());
        let ok = pw::verify(password, stored).await;
        Ok(found.filter(|_| ok).map(|(u, _)| u))
    })
    .await;
    let user = match user {
        Ok(user) => user,
        Err(e) => return Err(failed_sign_in(&state, e, "staff").await),
    };
    start_session(
        &state,
        SessionOwner::User(user.id),
        state.auth.staff_idle_secs,
    )
    .await?;
    let actor = crate::domain::access_log::Actor::Staff {
        user: user.id,
        role: user.role,
    };
    signed_in(&state, actor, "staff").await?;
    // A password someone else set is changed before anything else.
    leptos_axum::redirect(if user.must_change_password {
        "/password"
    } else {
        "/"
    });
    Ok(())
}

/// Participant sign-in on a tablet with personal code and PIN.
#[server(endpoint = "auth/tablet-sign-in")]
pub async fn sign_in_participant(code: String, pin: String) -> Result<(), AppError> {
    use super::{password as pw, session};
    use crate::db::{self, sessions::SessionOwner};
    use crate::domain::credentials::SignInCode;
    let state = session::state()?;
    let Ok(code) = SignInCode::parse(&code) else {
        return Err(failed_sign_in(&state, AppError::SignInFailed, "tablet").await);
    };
    let subject = crate::domain::credentials::code_subject(&code);
    let participant = super::throttle::attempt(&state, &subject, async {
        let found = db::participants::find_for_sign_in(&state.db, code.as_str()).await?;
        let stored = found.as_ref().map(|(_, h)| h.clone());
        let ok = pw::verify(pin.trim().to_owned(), stored).await;
        Ok(found.filter(|_| ok).map(|(p, _)| p))
    })
    .await;
    let participant = match participant {
        Ok(participant) => participant,
        Err(e) => return Err(failed_sign_in(&state, e, "tablet").await),
    };
    start_session(
        &state,
        SessionOwner::Participant(participant),
        state.auth.participant_idle_secs,
    )
    .await?;
    // A language chosen on the tablet's sign-in page holds until the sign-out; without one
    // the participant's own preference applies.
    let chosen = use_context::<axum::http::request::Parts>().and_then(|p| {
        p.headers
            .get(axum::http::header::COOKIE)
            .and_then(|v| v.to_str().ok())
            .and_then(crate::i18n::Locale::chosen_in_cookie_header)
    });
    if chosen.is_none() {
        if let Some(own) = db::participants::ui_language(&state.db, participant).await? {
            session::set_cookie(&crate::i18n::lang_cookie(own));
        }
    }
    let actor = crate::domain::access_log::Actor::Participant(participant);
    signed_in(&state, actor, "tablet").await?;
    leptos_axum::redirect("/me");
    Ok(())
}

/// Ends the session. `to` is where the browser goes next (`/sign-in` or `/tablet`).
#[server(endpoint = "auth/sign-out")]
pub async fn sign_out(to: String) -> Result<(), AppError> {
    use super::session;
    let state = session::state()?;
    if let Ok(Some(ending)) = session::current_signed_in().await {
        let what = if to == "/tablet" { "tablet" } else { "staff" };
        let actor = crate::domain::access_log::Actor::from(&ending.principal);
        let event = crate::domain::access_log::AccessEvent::SignOut;
        super::audit::sign_in_event(&state, actor, event, what).await?;
    }
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        if let Some(token) = state.auth.session_token(&parts.headers) {
            let hash = session::keyed_hash(&state.auth.session_secret, token);
            crate::db::sessions::delete(&state.db, &hash).await?;
        }
    }
    session::set_cookie(&session::clear_session_cookie(&state.auth));
    let to = if to == "/tablet" {
        // The next person on the shared tablet starts from the language choice.
        session::set_cookie(&format!(
            "{}=; Path=/; Max-Age=0; SameSite=Lax",
            crate::i18n::LANG_COOKIE
        ));
        "/tablet"
    } else {
        "/sign-in"
    };
    leptos_axum::redirect(to);
    Ok(())
}

/// Chooses the interface language (remembered in a cookie) and reloads the page. A signed-in
/// participant's choice is also their own preference, used at their next sign-in.
#[server(endpoint = "language")]
pub async fn set_language(lang: String, back: String) -> Result<(), AppError> {
    use crate::domain::role::Principal;
    use crate::i18n::Locale;
    let locale = Locale::from_tag(&lang).unwrap_or_default();
    super::session::set_cookie(&crate::i18n::lang_cookie(locale));
    if let Ok(Some(signed_in)) = super::session::current_signed_in().await {
        if let Principal::Participant(me) = signed_in.principal {
            let state = super::session::state()?;
            crate::db::participants::set_ui_language(&state.db, me, Some(locale)).await?;
        }
    }
    // Only same-site paths, so the form cannot be used to send people elsewhere.
    let back = if back.starts_with('/') && !back.starts_with("//") {
        back
    } else {
        "/".to_owned()
    };
    leptos_axum::redirect(&back);
    Ok(())
}

/// Changes the signed-in staff member's own password: the current one is required (and
/// throttled like a sign-in), the new one typed twice. Other sessions of the account end.
#[server(endpoint = "auth/password")]
pub async fn change_password(current: String, new: String, repeat: String) -> Result<(), AppError> {
    let state = super::session::state()?;
    let signed_in = super::session::current_signed_in()
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let crate::domain::role::Principal::Staff { user, .. } = signed_in.principal else {
        return Err(super::audit::refused(&state, &signed_in.principal, None).await);
    };
    super::service::change_password(&state, user, &signed_in.token_hash, current, new, repeat)
        .await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Logs a successful sign-in of `actor` (`what`: `staff` or `tablet`).
#[cfg(feature = "ssr")]
async fn signed_in(
    state: &crate::state::AppState,
    actor: crate::domain::access_log::Actor,
    what: &str,
) -> Result<(), AppError> {
    use crate::domain::access_log::AccessEvent;
    super::audit::sign_in_event(state, actor, AccessEvent::SignIn, what).await
}

/// Logs a failed sign-in (a wrong secret, or one refused while locked) and gives the error
/// back; other errors pass unlogged.
#[cfg(feature = "ssr")]
async fn failed_sign_in(state: &crate::state::AppState, error: AppError, what: &str) -> AppError {
    use crate::domain::access_log::{AccessEvent, Actor};
    if matches!(error, AppError::SignInFailed | AppError::Throttled { .. }) {
        let event = AccessEvent::SignInFailed;
        if let Err(e) = super::audit::sign_in_event(state, Actor::Nobody, event, what).await {
            tracing::error!(error = ?e, "logging a failed sign-in failed");
        }
    }
    error
}

#[cfg(feature = "ssr")]
async fn start_session(
    state: &crate::state::AppState,
    owner: crate::db::sessions::SessionOwner,
    idle_secs: i64,
) -> Result<(), AppError> {
    use super::session;
    let token = session::new_token();
    let hash = session::keyed_hash(&state.auth.session_secret, &token);
    crate::db::sessions::create(&state.db, &hash, owner, idle_secs).await?;
    session::set_cookie(&session::session_cookie(&state.auth, &token));
    Ok(())
}
