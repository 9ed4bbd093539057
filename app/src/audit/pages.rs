//! `/access-log`: the access log for coordinators (about one participant, by one staff member,
//! or everything, between two days), and the participant's own "who has looked" list.
//! Server components only.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{get_access_log, my_visits};
use crate::domain::access_log::{AccessEntry, AccessEvent, Actor};
use crate::domain::ids::{ParticipantId, UserId};
use crate::domain::role::Role;
use crate::dto::LogPage;
use crate::error::AppError;
use crate::ui::components::{failed, ErrorNotice, Loading};
use crate::ui::{day, moment, t, t_args};

fn role_label(role: Role) -> String {
    t(&format!("role-{}", role.as_str()))
}

fn event_label(event: AccessEvent) -> String {
    t(&format!("access-event-{}", event.as_str()))
}

/// Who did it, as the log shows it.
fn actor_label(e: &AccessEntry) -> String {
    match e.actor {
        Actor::Staff { role, .. } => format!(
            "{} ({})",
            e.actor_name.clone().unwrap_or_default(),
            role_label(role)
        ),
        Actor::Participant(_) => format!(
            "{} ({})",
            e.actor_name.clone().unwrap_or_default(),
            t("access-actor-participant")
        ),
        Actor::Operator => t("access-actor-operator"),
        Actor::Nobody => t("access-actor-nobody"),
    }
}

/// What it was about: the part read, the file and its rows, the page or function refused.
fn what_label(e: &AccessEntry) -> String {
    match (e.event, e.rows) {
        (AccessEvent::Read, _) => t(&format!("access-part-{}", e.what)),
        (AccessEvent::Download, Some(rows)) => t_args(
            "access-download-rows",
            &[("file", e.what.clone()), ("rows", rows.to_string())],
        ),
        _ => e.what.clone(),
    }
}

fn entry_row(e: AccessEntry) -> impl IntoView {
    let about = match (e.participant, e.participant_label.clone()) {
        (Some(p), Some(label)) => {
            let href = format!("/participants/{p}");
            view! { <a href=href>{label}</a> }.into_any()
        }
        (Some(p), None) => t_args("access-participant-gone", &[("id", p.to_string())]).into_any(),
        (None, _) => "".into_any(),
    };
    view! {
        <tr data-test="access-entry">
            <td>{moment(e.at)}</td>
            <td>{actor_label(&e)}</td>
            <td>{event_label(e.event)}</td>
            <td>{what_label(&e)}</td>
            <td>{about}</td>
            <td>{e.address.clone().unwrap_or_default()}</td>
        </tr>
    }
}

fn log_view(
    page: LogPage,
    participant: Option<ParticipantId>,
    staff: Option<UserId>,
) -> impl IntoView {
    let hidden = participant
        .map(|p| view! { <input type="hidden" name="participant" value=p.to_string() /> });
    // Whose actions: any staff member, chosen by name (typing in the list jumps to a name);
    // not offered when the log is about one participant.
    let choose_staff = participant.is_none().then(|| {
        let options = page
            .staff
            .iter()
            .map(|s| {
                let selected = staff == Some(s.id);
                view! {
                    <option value=s.id.to_string() selected=selected>
                        {format!("{} ({}, {})", s.display_name, s.email, role_label(s.role))}
                    </option>
                }
            })
            .collect_view();
        view! {
            <div class="field">
                <label for="staff">{t("access-staff-member")}</label>
                <select id="staff" name="staff" data-test="access-staff">
                    <option value="" selected=staff.is_none()>{t("access-staff-everyone")}</option>
                    {options}
                </select>
            </div>
        }
    });
    let scope = match (participant, staff) {
        (Some(_), _) => t("access-scope-participant"),
        (None, Some(_)) => t("access-scope-staff"),
        (None, None) => t("access-scope-all"),
    };
    let empty = page.entries.is_empty();
    let truncated = page
        .truncated
        .then(|| view! { <p class="hint">{t("access-truncated")}</p> });
    let rows = page.entries.into_iter().map(entry_row).collect_view();
    view! {
        <p>{scope}</p>
        <form method="get" action="/access-log" class="row-fields" data-test="access-filter">
            {hidden}
            {choose_staff}
            <div class="field">
                <label for="from">{t("field-from_date")}</label>
                <input id="from" name="from" type="date" value=day(page.from) />
            </div>
            <div class="field">
                <label for="to">{t("field-to_date")}</label>
                <input id="to" name="to" type="date" value=day(page.to) />
            </div>
            <button type="submit" class="button-secondary">{t("filter")}</button>
        </form>
        {truncated}
        {if empty {
            view! { <p data-test="access-empty">{t("access-empty")}</p> }.into_any()
        } else {
            view! {
                <table class="list" data-test="access-log">
                    <caption class="visually-hidden">{t("access-log-title")}</caption>
                    <thead><tr>
                        <th scope="col">{t("access-when")}</th>
                        <th scope="col">{t("access-who")}</th>
                        <th scope="col">{t("access-event")}</th>
                        <th scope="col">{t("access-what")}</th>
                        <th scope="col">{t("access-about")}</th>
                        <th scope="col">{t("access-from-where")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }.into_any()
        }}
    }
}

/// `/access-log?participant=ID|staff=ID&from=YYYY-MM-DD&to=YYYY-MM-DD` (coordinators).
#[component]
pub fn AccessLogPage() -> impl IntoView {
    let query = use_query_map();
    let args = Memo::new(move |_| {
        let q = query.read();
        (
            q.get("participant")
                .and_then(|v| v.parse().ok())
                .map(ParticipantId),
            q.get("staff")
                .filter(|v| !v.is_empty())
                .and_then(|v| v.parse().ok())
                .map(UserId),
            q.get("from").unwrap_or_default(),
            q.get("to").unwrap_or_default(),
        )
    });
    let data = Resource::new(
        move || args.get(),
        |(p, s, from, to)| get_access_log(p, s, from, to),
    );
    view! {
        <Title text=t("access-log-title") />
        <h1>{t("access-log-title")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let (p, s, _, _) = args.get_untracked();
                match data.await {
                    Ok(page) => log_view(page, p, s).into_any(),
                    Err(AppError::Invalid(problems)) => view! {
                        <ErrorNotice error=AppError::Invalid(problems) />
                        <p><a href="/access-log">{t("back")}</a></p>
                    }.into_any(),
                    Err(e) => failed(e),
                }
            })}
        </Suspense>
    }
}

/// On `/me`: which staff roles have looked at the participant's record, and when.
#[component]
pub fn MyVisits() -> impl IntoView {
    let data = Resource::new(|| (), |_| my_visits());
    view! {
        <section class="card" aria-labelledby="visits-h" data-test="my-visits">
            <h2 id="visits-h">{t("visits-title")}</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(visits) if visits.is_empty() => view! { <p>{t("visits-none")}</p> }.into_any(),
                        Ok(visits) => {
                            let items = visits.into_iter().map(|v| view! {
                                <li>{day(v.day)}": "{role_label(v.role)}</li>
                            }).collect_view();
                            view! { <p>{t("visits-intro")}</p><ul class="plain">{items}</ul> }.into_any()
                        }
                        Err(e) => failed(e),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// On a participant's page, for coordinators: the link to the access log about them.
#[component]
pub fn AccessLogLink(
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
                coordinator.then(|| {
                    let href = format!("/access-log?participant={participant}");
                    view! {
                        <p><a href=href data-test="participant-access-log">{t("access-log-link")}</a></p>
                    }
                })
            })}
        </Suspense>
    }
}
