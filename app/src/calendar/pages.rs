//! `/calendar`: the programme's closed days, and for coordinators the form to enter them, the
//! file links and removal. Server components only.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::{get_calendar, CalendarData, DeleteClosedDays, SaveClosedDays};
use crate::domain::calendar::{CalendarScope, ClosedReason};
use crate::ui::components::{
    failed, form_result, problem_of, was_refused, ErrorNotice, Field, Loading, SelectField,
};
use crate::ui::flash::typed;
use crate::ui::{day, t};

fn scope_label(scope: CalendarScope) -> String {
    t(&format!("calendar-scope-{}", scope.as_str()))
}

fn reason_label(reason: ClosedReason) -> String {
    t(&format!("calendar-reason-{}", reason.as_str()))
}

/// The form to enter closed days; it keeps what was typed when refused.
#[component]
fn ClosedDaysForm(page: CalendarData) -> impl IntoView {
    use leptos::server_fn::ServerFn;
    let action = ServerAction::<SaveClosedDays>::new();
    let result = form_result(action);
    let typed = typed(<SaveClosedDays as ServerFn>::PATH);
    let refused = was_refused(result);
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    let scopes: Vec<(String, String)> = CalendarScope::ALL
        .into_iter()
        .map(|s| (s.as_str().to_owned(), scope_label(s)))
        .collect();
    let reasons: Vec<(String, String)> = ClosedReason::ALL
        .into_iter()
        .map(|r| (r.as_str().to_owned(), reason_label(r)))
        .collect();
    let mut names = vec![(String::new(), t("calendar-name-programme"))];
    names.extend(page.districts.iter().map(|d| {
        (
            d.clone(),
            format!("{d} ({})", scope_label(CalendarScope::District)),
        )
    }));
    names.extend(page.schools.iter().map(|s| {
        (
            s.clone(),
            format!("{s} ({})", scope_label(CalendarScope::School)),
        )
    }));
    view! {
        <details class="form-card" open=refused>
            <summary>{t("calendar-new")}</summary>
            {move || match result.get() {
                Some(Err(e)) => Some(view! { <ErrorNotice error=e /> }),
                _ => None,
            }}
            <ActionForm action=action attr:class="stack" attr:data-test="calendar-form">
                <crate::ui::components::CsrfField />
                <SelectField name="scope" label="field-scope" options=scopes selected=typed.or("scope", "district") problem=p("scope") />
                <SelectField name="name" label="field-calendar-name" options=names selected=typed.or("name", "") problem=p("name") />
                <p class="hint">{t("calendar-name-hint")}</p>
                <div class="row-fields">
                    <Field name="from_date" label="field-from_date" kind="date" value=typed.or("from_date", day(page.today)) required=true problem=p("from_date") />
                    <Field name="to_date" label="field-to_date" kind="date" value=typed.or("to_date", day(page.today)) required=true problem=p("to_date") />
                </div>
                <SelectField name="reason" label="field-reason" options=reasons selected=typed.or("reason", "holiday") problem=p("reason") />
                <Field name="note" label="field-note" value=typed.or("note", "") hint="calendar-note-hint" problem=p("note") />
                <button type="submit" class="button-primary" data-test="calendar-save">{t("save")}</button>
            </ActionForm>
        </details>
    }
}

fn calendar_view(page: CalendarData) -> impl IntoView {
    let delete = ServerAction::<DeleteClosedDays>::new();
    let delete_result = form_result(delete);
    let can_manage = page.can_manage;
    let empty = page.entries.is_empty();
    let form = can_manage.then(|| view! { <ClosedDaysForm page=page.clone() /> });
    let rows = page
        .entries
        .into_iter()
        .map(|e| {
            let (id, version) = (e.id.to_string(), e.version.to_string());
            let d = e.days;
            let whom = match d.scope {
                CalendarScope::Programme => scope_label(d.scope),
                _ => format!("{} ({})", d.name, scope_label(d.scope)),
            };
            let remove = can_manage.then(|| {
                view! {
                    <ActionForm action=delete attr:class="inline">
                        <crate::ui::components::CsrfField />
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="version" value=version />
                        <button type="submit" class="button-secondary small">{t("remove")}</button>
                    </ActionForm>
                }
            });
            view! {
                <tr data-test="calendar-entry">
                    <td>{format!("{} – {}", day(d.from_date), day(d.to_date))}</td>
                    <td>{whom}</td>
                    <td>{reason_label(d.reason)}</td>
                    <td>{d.note}</td>
                    {can_manage.then(|| view! { <td>{remove}</td> })}
                </tr>
            }
        })
        .collect_view();
    let files = can_manage.then(|| {
        view! {
            <p>
                <a href="/export/calendar.csv" download="calendar.csv" data-test="export-calendar">{t("export-calendar")}</a>
                " · "
                <a href="/import">{t("calendar-import")}</a>
            </p>
        }
    });
    view! {
        <p>{t("calendar-intro")}</p>
        {move || match delete_result.get() {
            Some(Err(e)) => Some(view! { <ErrorNotice error=e /> }),
            _ => None,
        }}
        {form}
        {files}
        {if empty {
            view! { <p data-test="calendar-empty">{t("calendar-empty")}</p> }.into_any()
        } else {
            view! {
                <table class="list" data-test="calendar">
                    <caption class="visually-hidden">{t("calendar-title")}</caption>
                    <thead><tr>
                        <th scope="col">{t("calendar-days")}</th>
                        <th scope="col">{t("calendar-covers")}</th>
                        <th scope="col">{t("field-reason")}</th>
                        <th scope="col">{t("field-note")}</th>
                        {can_manage.then(|| view! { <th scope="col"><span class="visually-hidden">{t("remove")}</span></th> })}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }.into_any()
        }}
    }
}

/// `/calendar`: the closed days of the programme, its districts and schools.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_calendar());
    view! {
        <Title text=t("calendar-title") />
        <h1>{t("calendar-title")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => calendar_view(page).into_any(),
                    Err(e) => failed(e),
                }
            })}
        </Suspense>
    }
}
