//! Sign-in pages: staff at a desk, participants on the shared tablet.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::api::{SetLanguage, SignInParticipant, SignInStaff};
use crate::error::AppError;
use crate::ui::{t, use_locale};

fn error_view(value: Option<Result<(), AppError>>) -> impl IntoView {
    let locale = use_locale();
    value.and_then(|r| r.err()).map(|e| {
        view! { <p class="notice notice-error" role="alert" data-test="error">{e.message(locale)}</p> }
    })
}

/// Staff sign-in. A plain form: it works before (and without) the wasm, and a successful
/// sign-in reloads the whole page so nothing of a previous session stays in memory.
#[component]
pub fn StaffSignIn() -> impl IntoView {
    let action = ServerAction::<SignInStaff>::new();
    view! {
        <Title text=t("sign-in-title") />
        <section class="card narrow">
            <h1>{t("sign-in-title")}</h1>
            {move || error_view(action.value().get())}
            <form method="post" action={<SignInStaff as ServerFn>::PATH} class="stack">
                <crate::ui::components::CsrfField />
                <div class="field">
                    <label for="email">{t("field-email")}</label>
                    <input id="email" name="email" type="email" autocomplete="username" required />
                </div>
                <div class="field">
                    <label for="password">{t("field-password")}</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required />
                </div>
                <button type="submit" class="button-primary">{t("sign-in")}</button>
            </form>
            <p><a href="/tablet">{t("sign-in-tablet-link")}</a></p>
        </section>
    }
}

/// The seven languages of the participant's pages as large buttons, each named in its own
/// language and script; the chosen one is pressed. A plain form: it works without the wasm.
#[component]
pub fn LanguageChoice(
    /// Where the browser goes after the choice.
    back: &'static str,
) -> impl IntoView {
    let current = use_locale();
    let buttons = crate::i18n::Locale::ALL
        .into_iter()
        .map(|l| {
            view! {
                <button type="submit" name="lang" value=l.tag() lang=l.tag() dir=l.dir()
                    aria-pressed=(l == current).to_string() data-test=format!("lang-{}", l.tag())>
                    {l.native_name()}
                </button>
            }
        })
        .collect_view();
    view! {
        <form method="post" action={<SetLanguage as ServerFn>::PATH} class="language-choice"
            aria-label=t("language") data-test="language-choice">
            <crate::ui::components::CsrfField />
            <input type="hidden" name="back" value=back />
            {buttons}
        </form>
    }
}

/// Participant sign-in on the shared tablet: the language first, then personal code and PIN,
/// large targets.
#[component]
pub fn TabletSignIn() -> impl IntoView {
    let action = ServerAction::<SignInParticipant>::new();
    view! {
        <Title text=t("tablet-title") />
        <section class="card narrow tablet">
            <LanguageChoice back="/tablet" />
            <h1>{t("tablet-title")}</h1>
            <p class="lead">{t("tablet-lead")}</p>
            <crate::audio::pages::Listen id="tablet-lead" />
            {move || error_view(action.value().get())}
            <form method="post" action={<SignInParticipant as ServerFn>::PATH} class="stack">
                <crate::ui::components::CsrfField />
                <div class="field">
                    <label for="code">{t("field-code")}</label>
                    <input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters"
                        spellcheck="false" required class="big" data-test="code" />
                </div>
                <div class="field">
                    <label for="pin">{t("field-pin")}</label>
                    <input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off"
                        pattern="[0-9]{4,6}" required class="big" data-test="pin" />
                </div>
                <button type="submit" class="button-primary big" data-test="tablet-sign-in">{t("tablet-sign-in")}</button>
            </form>
            <p><a href="/sign-in">{t("sign-in-staff-link")}</a></p>
        </section>
        // The tablet's queue: reports answers kept here for someone whose session ended, and
        // keeps this page for a reload while offline.
        <script src="/tablet.js"></script>
    }
}

/// `/password`: a staff member changes their own password (current one required, the new one
/// twice). After a coordinator's reset, every staff page sends here until it is done.
#[component]
pub fn PasswordPage() -> impl IntoView {
    use crate::ui::components::{form_result, problem_of, ErrorNotice, Field};
    let action = ServerAction::<super::api::ChangePassword>::new();
    let result = form_result(action);
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    let me = super::use_me();
    let must_change = move || {
        Suspend::new(async move {
            let must = match me {
                Some(r) => r
                    .await
                    .ok()
                    .flatten()
                    .is_some_and(|m| m.must_change_password),
                None => false,
            };
            must.then(|| view! {
                <p class="notice notice-error" role="alert" data-test="must-change-password">{t("password-must-change")}</p>
            })
        })
    };
    view! {
        <Title text=t("password-title") />
        <section class="card narrow" aria-labelledby="password-h">
            <h1 id="password-h">{t("password-title")}</h1>
            <Suspense>{must_change}</Suspense>
            {move || result.get().and_then(|r| r.err()).map(|e| view! { <ErrorNotice error=e /> })}
            <leptos::form::ActionForm action=action attr:class="stack" attr:data-test="password-form">
                <crate::ui::components::CsrfField />
                <Field name="current" label="field-current" kind="password" autocomplete="current-password" required=true problem=p("current") />
                <Field name="new" label="field-new" kind="password" autocomplete="new-password" hint="hint-new-password" required=true problem=p("new") />
                <Field name="repeat" label="field-repeat" kind="password" autocomplete="new-password" required=true problem=p("repeat") />
                <button type="submit" class="button-primary">{t("password-save")}</button>
            </leptos::form::ActionForm>
        </section>
    }
}

/// On every participant page of the shared tablet: a warning with a *Continue* button a
/// minute before the sign-out for lack of activity, then the sign-out (see [`IdleGuard`]).
///
/// [`IdleGuard`]: super::islands::IdleGuard
#[component]
pub fn IdleSignOut() -> impl IntoView {
    view! {
        <super::islands::IdleGuard warning=t("idle-warning") keep=t("idle-continue")>
            <crate::audio::pages::Listen id="idle-warning" />
        </super::islands::IdleGuard>
    }
}
