//! Form fields, notices and the page frame.

use leptos::prelude::*;

use super::{t, use_locale};
use crate::domain::problem::{FieldProblem, FormRow};
use crate::error::AppError;
use crate::i18n::translate;

/// The translated text of a field problem.
pub fn problem_text(p: &FieldProblem) -> String {
    translate(use_locale(), p.problem.message_id(), &p.problem.args())
}

/// The problem of `field` (outside any row) in the result of an action, if any.
pub fn problem_of<T>(result: &Option<Result<T, AppError>>, field: &str) -> Option<String> {
    problem_at(result, None, field)
}

/// The problem of `field` in `row` of a grid or repeated form, in the result of an action.
pub fn problem_at<T>(
    result: &Option<Result<T, AppError>>,
    row: Option<&FormRow>,
    field: &str,
) -> Option<String> {
    match result {
        Some(Err(e)) => e
            .problems()
            .iter()
            .find(|p| p.is_at(row, field))
            .map(problem_text),
        _ => None,
    }
}

/// The label of a problem's field as the error summary names it: the row (if any), then the
/// field's translated name.
pub fn field_label(locale: crate::i18n::Locale, p: &FieldProblem) -> String {
    let field = translate(locale, &format!("field-{}", p.field), &[]);
    match &p.row {
        Some(FormRow::Participant(reference)) => format!("{reference}, {field}"),
        Some(FormRow::Block(n)) => format!("{} {n}, {field}", translate(locale, "plan-block", &[])),
        None => field,
    }
}

/// The last result of a form's server function on this page: from the action when an island
/// posted it, or, after a plain form post, the refusal leptos put in the URL or the result the
/// server kept for the page (see [`crate::ui::flash`]).
pub fn form_result<S>(action: ServerAction<S>) -> Signal<Option<Result<S::Output, AppError>>>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
{
    let ok = crate::ui::flash::outcome::<S::Output>(S::PATH);
    Signal::derive(move || action.value().get().or_else(|| ok.clone().map(Ok)))
}

/// Whether the form's last post on this page was refused (a folded form then opens, to show
/// what was typed and why it was refused).
pub fn was_refused<T: Clone + Send + Sync + 'static>(
    result: Signal<Option<Result<T, AppError>>>,
) -> bool {
    result.get_untracked().is_some_and(|r| r.is_err())
}

/// What a page shows when its data could not be loaded: the sign-in page when signed out,
/// otherwise the translated error.
pub fn failed(error: AppError) -> AnyView {
    match error {
        AppError::NotSignedIn => {
            view! { <leptos_router::components::Redirect path="/sign-in" /> }.into_any()
        }
        other => view! { <ErrorNotice error=other /> }.into_any(),
    }
}

/// Notes an error that a part of a page hides (showing nothing in its place), so the server
/// does not keep the page: the error may pass. A refusal does not pass, and is not noted.
pub fn hidden_error(error: &AppError) {
    #[cfg(feature = "ssr")]
    if !matches!(error, AppError::Forbidden | AppError::NotFound) {
        crate::state::views::ShownErrors::note();
    }
    #[cfg(not(feature = "ssr"))]
    let _ = error;
}

/// The same on the participant's own pages: signed out (or a staff session) goes to the
/// tablet sign-in instead.
pub fn tablet_failed(error: AppError) -> AnyView {
    match error {
        AppError::NotSignedIn => {
            view! { <leptos_router::components::Redirect path="/tablet" /> }.into_any()
        }
        other => failed(other),
    }
}

/// An error summary for a failed action: the message and, for invalid input, each problem.
#[component]
pub fn ErrorNotice(
    /// The error to show.
    error: AppError,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::state::views::ShownErrors::note();
    let locale = use_locale();
    let message = error.message(locale);
    let items = error
        .problems()
        .iter()
        .map(|p| {
            let label = field_label(locale, p);
            let text = problem_text(p);
            view! { <li>{label}": "{text}</li> }
        })
        .collect_view();
    view! {
        <div class="notice notice-error" role="alert" data-test="error">
            <p>{message}</p>
            <ul>{items}</ul>
        </div>
    }
}

/// A labelled input with its problem shown under it (and tied to it for screen readers).
#[component]
pub fn Field(
    /// Form name of the input (also its id).
    name: &'static str,
    /// Catalogue id of the label.
    label: &'static str,
    /// Input type.
    #[prop(default = "text")]
    kind: &'static str,
    /// Initial value.
    #[prop(optional, into)]
    value: String,
    /// Required field.
    #[prop(optional)]
    required: bool,
    /// Catalogue id of a hint under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The problem with the current value, if any.
    #[prop(into)]
    problem: Signal<Option<String>>,
    /// `autocomplete` attribute.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// `inputmode` attribute.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The input's id where the name is not unique on the page (default: the name).
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.replace(['[', ']'], "_"));
    let err_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = move || {
        let mut ids = vec![];
        if hint.is_some() {
            ids.push(hint_id.clone());
        }
        if problem.get().is_some() {
            ids.push(err_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let err_id2 = format!("{id}-error");
    let hint_id2 = format!("{id}-hint");
    view! {
        <div class="field" class:field-invalid=move || problem.get().is_some()>
            <label for=id.clone()>{t(label)}{required.then(|| view! { <span class="req" aria-hidden="true">" *"</span> })}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id2.clone()>{t(h)}</p> })}
            <input
                id=id.clone()
                name=name
                type=kind
                value=value
                required=required
                autocomplete=autocomplete
                inputmode=inputmode
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=described
            />
            {move || problem.get().map(|p| view! { <p class="field-error" id=err_id2.clone()>{p}</p> })}
        </div>
    }
}

/// A labelled text area of several lines with its problem shown under it.
#[component]
pub fn TextAreaField(
    /// Form name (also its id, brackets replaced).
    name: &'static str,
    /// Catalogue id of the label.
    label: &'static str,
    /// Initial value.
    #[prop(optional, into)]
    value: String,
    /// The problem with the current value, if any.
    #[prop(into)]
    problem: Signal<Option<String>>,
    /// The id where the name is not unique on the page (default: the name).
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.replace(['[', ']'], "_"));
    let err_id = format!("{id}-error");
    let err_id2 = err_id.clone();
    view! {
        <div class="field" class:field-invalid=move || problem.get().is_some()>
            <label for=id.clone()>{t(label)}</label>
            <textarea
                id=id
                name=name
                rows="4"
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=move || problem.get().is_some().then(|| err_id.clone())
            >{value}</textarea>
            {move || problem.get().map(|p| view! { <p class="field-error" id=err_id2.clone()>{p}</p> })}
        </div>
    }
}

/// A labelled select with options `(value, label)`.
#[component]
pub fn SelectField(
    /// Form name.
    name: &'static str,
    /// Catalogue id of the label.
    label: &'static str,
    /// Options as (value, visible text).
    options: Vec<(String, String)>,
    /// Selected value.
    #[prop(optional, into)]
    selected: String,
    /// The problem, if any.
    #[prop(into)]
    problem: Signal<Option<String>>,
    /// The id where the name is not unique on the page (default: the name).
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.replace(['[', ']'], "_"));
    let err_id = format!("{id}-error");
    let err_id2 = err_id.clone();
    let opts = options
        .into_iter()
        .map(|(v, text)| {
            let sel = v == selected;
            view! { <option value=v selected=sel>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="field" class:field-invalid=move || problem.get().is_some()>
            <label for=id.clone()>{t(label)}</label>
            <select id=id name=name aria-describedby=move || problem.get().is_some().then(|| err_id.clone())>
                {opts}
            </select>
            {move || problem.get().map(|p| view! { <p class="field-error" id=err_id2.clone()>{p}</p> })}
        </div>
    }
}

/// "Loading…" placeholder for suspended content.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" aria-live="polite">{t("loading")}</p> }
}

/// The session's anti-forgery token as a hidden field: in every form that posts, for the
/// browsers that send neither `Origin` nor `Sec-Fetch-Site` (see `server::defences`). Nothing
/// without a session.
#[component]
pub fn CsrfField() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let token = {
        let state = use_context::<crate::state::AppState>();
        let parts = use_context::<http::request::Parts>();
        state.zip(parts).and_then(|(state, parts)| {
            state
                .auth
                .session_token(&parts.headers)
                .map(|t| state.auth.csrf_token(t))
        })
    };
    #[cfg(not(feature = "ssr"))]
    let token: Option<String> = None;
    token.map(|value| view! { <input type="hidden" name="_csrf" value=value /> })
}
