//! Data protection pages (server components only): the erasure of one participant after a
//! confirmation that names them, the data-protection overview (retention time, who is due,
//! what an erasure just did), and the links on a participant's page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::{get_data_protection, get_erasure_target, EraseParticipant};
use crate::domain::ids::ParticipantId;
use crate::domain::status::ParticipantStatus;
use crate::dto::{DataProtection, ErasureTarget};
use crate::ui::components::{failed, form_result, problem_of, ErrorNotice, Field, Loading};
use crate::ui::{day, t, t_args};

fn status_label(status: ParticipantStatus) -> String {
    t(&format!("status-{}", status.as_str()))
}

/// On a participant's page, for coordinators: their data as a ZIP, and the way to erase them.
#[component]
pub fn PersonDataLinks(
    /// The participant whose page it is.
    participant: ParticipantId,
) -> impl IntoView {
    let me = crate::auth::use_me();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let coordinator = match me {
                    Some(r) => r.await.ok().flatten().is_some_and(|m| m.principal.is_coordinator()),
                    None => false,
                };
                coordinator.then(|| view! {
                    <section class="card" aria-labelledby="person-data-h" data-test="person-data">
                        <h2 id="person-data-h">{t("person-data-title")}</h2>
                        <p>{t("person-data-intro")}</p>
                        <p class="row-fields">
                            <a class="button-secondary" href=format!("/participants/{participant}/data.zip") download data-test="person-data-zip">{t("person-data-download")}</a>
                            <a class="button-danger" href=format!("/participants/{participant}/erase") data-test="person-erase-link">{t("erase-link")}</a>
                        </p>
                    </section>
                })
            })}
        </Suspense>
    }
}

/// `/participants/:id/erase`: whom, what erasure does, and the confirmation.
#[component]
pub fn ErasePage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse().ok())
            .map(ParticipantId)
    });
    let data = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_erasure_target(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=t("erase-title") />
        <section class="card narrow" aria-labelledby="erase-h">
            <h1 id="erase-h">{t("erase-title")}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(target) => erase_form(target).into_any(),
                        Err(e) => failed(e),
                    }
                })}
            </Suspense>
        </section>
    }
}

fn erase_form(target: ErasureTarget) -> impl IntoView {
    let action = ServerAction::<EraseParticipant>::new();
    let result = form_result(action);
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    let typed = crate::ui::flash::typed(<EraseParticipant as leptos::server_fn::ServerFn>::PATH);
    let open = target.status == ParticipantStatus::Active;
    let ended = target
        .end_date
        .map(|d| view! { <div><dt>{t("field-end_date")}</dt><dd>{day(d)}</dd></div> });
    let open_box = open.then(|| {
        let problem = p("open_anyway");
        let ticked = typed.ticked("open_anyway", false);
        view! {
            <p class="notice notice-error" data-test="erase-open">{t("erase-open-warning")}</p>
            <div class="field check">
                <input id="open_anyway" name="open_anyway" type="checkbox" value="yes" checked=ticked
                    aria-describedby="open_anyway-error" />
                <label for="open_anyway">{t("erase-open-anyway")}</label>
                <p id="open_anyway-error" class="field-error" role="alert">{move || problem.get()}</p>
            </div>
        }
    });
    let reference = target.participant_ref.clone();
    view! {
        <dl class="facts" data-test="erase-target">
            <div><dt>{t("field-participant_ref")}</dt><dd><bdi>{target.participant_ref.clone()}</bdi></dd></div>
            <div><dt>{t("erase-name")}</dt><dd>{target.name.clone()}</dd></div>
            <div><dt>{t("field-status")}</dt><dd>{status_label(target.status)}</dd></div>
            {ended}
        </dl>
        <p>{t("erase-what")}</p>
        <p>{t("erase-kept")}</p>
        <p><a href=format!("/participants/{}/data.zip", target.id) download>{t("erase-download-first")}</a></p>
        {move || result.get().and_then(|r| r.err()).map(|e| view! { <ErrorNotice error=e /> })}
        <leptos::form::ActionForm action=action attr:class="stack" attr:data-test="erase-form">
            <crate::ui::components::CsrfField />
            <input type="hidden" name="participant" value=target.id.to_string() />
            {open_box}
            <Field name="confirm" label="erase-confirm" value=typed.or("confirm", "")
                hint="erase-confirm-hint" required=true autocomplete="off" problem=p("confirm") />
            <p class="hint">{t_args("erase-type-reference", &[("reference", reference)])}</p>
            <button type="submit" class="button-danger" data-test="erase-submit">{t("erase-submit")}</button>
        </leptos::form::ActionForm>
        <p><a href=format!("/participants/{}", target.id)>{t("back")}</a></p>
    }
}

/// `/data-protection`: the retention time, the participants due for erasure, and what an
/// erasure just did (coordinators).
#[component]
pub fn DataProtectionPage() -> impl IntoView {
    let action = ServerAction::<EraseParticipant>::new();
    let done = form_result(action);
    let data = Resource::new(|| (), |_| get_data_protection());
    view! {
        <Title text=t("privacy-title") />
        <h1>{t("privacy-title")}</h1>
        {move || done.get().and_then(|r| r.ok()).map(|d| view! {
            <p class="notice notice-ok" role="status" data-test="erase-done">
                {t_args("erase-done", &[("pseudonym", d.pseudonym.clone()), ("rows", d.rows_deleted.to_string())])}
            </p>
        })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => overview(page).into_any(),
                    Err(e) => failed(e),
                }
            })}
        </Suspense>
    }
}

fn overview(page: DataProtection) -> impl IntoView {
    let retention = match (page.retention_years, page.cutoff) {
        (Some(years), Some(cutoff)) => t_args(
            "privacy-retention",
            &[("years", years.to_string()), ("cutoff", day(cutoff))],
        )
        .into_any(),
        _ => t("privacy-retention-none").into_any(),
    };
    let due = if page.due.is_empty() {
        view! { <p data-test="privacy-none-due">{t("privacy-none-due")}</p> }.into_any()
    } else {
        let rows = page
            .due
            .into_iter()
            .map(|d| {
                view! {
                    <tr data-test="privacy-due">
                        <td><a href=format!("/participants/{}", d.id)><bdi>{d.participant_ref}</bdi></a></td>
                        <td>{d.name}</td>
                        <td>{status_label(d.status)}</td>
                        <td>{day(d.end_date)}</td>
                        <td><a href=format!("/participants/{}/erase", d.id)>{t("erase-link")}</a></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="list" data-test="privacy-due-list">
                <caption>{t("privacy-due")}</caption>
                <thead><tr>
                    <th scope="col">{t("field-participant_ref")}</th>
                    <th scope="col">{t("erase-name")}</th>
                    <th scope="col">{t("field-status")}</th>
                    <th scope="col">{t("field-end_date")}</th>
                    <th scope="col"><span class="visually-hidden">{t("erase-link")}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="retention-h">
            <h2 id="retention-h">{t("privacy-retention-title")}</h2>
            <p data-test="privacy-retention">{retention}</p>
            <p class="hint">{t("privacy-retention-how")}</p>
            {due}
        </section>
        <section class="card" aria-labelledby="erased-h">
            <h2 id="erased-h">{t("privacy-erased-title")}</h2>
            <p data-test="privacy-erased">{t_args("privacy-erased", &[("count", page.erased.to_string())])}</p>
        </section>
    }
}
