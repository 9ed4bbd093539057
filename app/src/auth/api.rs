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
    let me = me().await;
    // The page frame and some sections hide this error (they show nothing for it): a page
    // rendered with it is not kept.
    if let Err(e) = &me {
        crate::ui::components::hidden_error(e);
    }
    me
}

/// Who is signed in, as [`who_am_i`] answers.
#[cfg(feature = "ssr")]
async fn me() -> Result<Option<Me>, AppError> {
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

/// Staff sign-in with e-mail and password. On success the browser goes to its start page (or
/// first changes a password someone else set).
#[server(endpoint = "auth/sign-in")]
pub async fn sign_in_staff(email: String, password: String) -> Result<(), AppError> {
    let state = super::session::state()?;
    let must_change_password = super::sign_in::staff(&state, &email, password).await?;
    leptos_axum::redirect(if must_change_password {
        "/password"
    } else {
        "/"
    });
    Ok(())
}

/// Participant sign-in on a tablet with personal code and PIN.
#[server(endpoint = "auth/tablet-sign-in")]
pub async fn sign_in_participant(code: String, pin: String) -> Result<(), AppError> {
    let state = super::session::state()?;
    // A language chosen on the tablet's sign-in page holds until the sign-out.
    let chosen = use_context::<axum::http::request::Parts>().and_then(|p| {
        p.headers
            .get(axum::http::header::COOKIE)
            .and_then(|v| v.to_str().ok())
            .and_then(crate::i18n::Locale::chosen_in_cookie_header)
    });
    super::sign_in::tablet(&state, &code, pin, chosen).await?;
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
