//! The register list, a participant's page, and the new/edit forms.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::form::ParticipantFields;
use super::status_label;
use crate::domain::credentials::SignInCode;
use crate::domain::ids::{DistrictId, ParticipantId, SchoolId, UserId};
use crate::domain::participant::RawParticipant;
use crate::domain::participant::Verdict;
use crate::domain::status::ParticipantStatus;
use crate::register::api::{
    get_participant, get_register_options, list_participants, CreateParticipant, ParticipantFilter,
    ParticipantView, SetPin, UpdateParticipant,
};
use crate::ui::components::failed;
use crate::ui::components::{form_result, problem_of, ErrorNotice, Field, Loading, SelectField};
use crate::ui::flash::typed;
use crate::ui::{day, opt_day, t, t_args};
use leptos::server_fn::ServerFn;

/// The participant of the `:id` route parameter.
pub fn id_param() -> Memo<Option<ParticipantId>> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse().ok())
            .map(ParticipantId)
    })
}

/// `/participants`: search, filter and page through the register.
#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        let num = |k: &str| {
            q.get(k)
                .and_then(|v| v.parse::<i64>().ok())
                .filter(|n| *n > 0)
        };
        ParticipantFilter {
            q: q.get("q").unwrap_or_default(),
            school: num("school").map(SchoolId),
            district: num("district").map(DistrictId),
            mentor: num("mentor").map(UserId),
            status: q
                .get("status")
                .and_then(|s| ParticipantStatus::parse(&s).ok()),
            page: q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
        }
    });
    let page = Resource::new(move || filter.get(), list_participants);
    let options = Resource::new(|| (), |_| get_register_options());
    view! {
        <Title text=t("nav-participants") />
        <h1>{t("nav-participants")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let f = filter.get();
                let opts = match options.await { Ok(o) => o, Err(e) => return failed(e) };
                let sel = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
                let mut schools = vec![(String::new(), t("all"))];
                schools.extend(opts.schools.iter().map(|s| (s.id.to_string(), s.name.clone())));
                let mut districts = vec![(String::new(), t("all"))];
                districts.extend(opts.districts.iter().map(|d| (d.id.to_string(), d.name.clone())));
                let mut mentors = vec![(String::new(), t("all"))];
                mentors.extend(opts.mentors.iter().map(|m| (m.id.to_string(), m.display_name.clone())));
                let mut statuses = vec![(String::new(), t("all"))];
                statuses.extend(ParticipantStatus::ALL.iter().map(|s| (s.as_str().to_owned(), status_label(*s))));
                let none = Signal::stored(None::<String>);
                let result = match page.await { Ok(p) => p, Err(e) => return failed(e) };
                let total = result.total;
                let pages = result.page_count();
                let current = result.page;
                let link = move |n: u32| {
                    let f = filter.get();
                    format!(
                        "/participants?q={}&school={}&district={}&mentor={}&status={}&page={n}",
                        urlencode(&f.q), sel(f.school.map(|s| s.0)), sel(f.district.map(|d| d.0)),
                        sel(f.mentor.map(|m| m.0)), f.status.map(|s| s.as_str()).unwrap_or("")
                    )
                };
                let rows = result.items.into_iter().map(|p| {
                    let href = format!("/participants/{}", p.id);
                    view! {
                        <tr>
                            <td><A href=href>{p.name}</A></td>
                            <td>{p.participant_ref}</td>
                            <td>{p.school}</td>
                            <td>{p.district}</td>
                            <td>{p.mentor_name.unwrap_or_default()}</td>
                            <td>{status_label(p.status)}</td>
                            <td>{day(p.start_date)}</td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    <Form method="GET" action="" attr:class="filters" attr:role="search">
                        <div class="field">
                            <label for="q">{t("search")}</label>
                            <input id="q" name="q" type="search" value=f.q.clone() />
                        </div>
                        <SelectField name="school" label="field-school" options=schools selected=sel(f.school.map(|s| s.0)) problem=none />
                        <SelectField name="district" label="field-district" options=districts selected=sel(f.district.map(|d| d.0)) problem=none />
                        <SelectField name="mentor" label="field-mentor" options=mentors selected=sel(f.mentor.map(|m| m.0)) problem=none />
                        <SelectField name="status" label="field-status" options=statuses selected=f.status.map(|s| s.as_str().to_owned()).unwrap_or_default() problem=none />
                        <button type="submit" class="button-primary">{t("filter")}</button>
                    </Form>
                    <p aria-live="polite" data-test="result-count">{t_args("results-count", &[("count", total.to_string())])}</p>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=t("nav-participants")>
                    <table class="list" data-test="participants">
                        <caption class="visually-hidden">{t("nav-participants")}</caption>
                        <thead><tr>
                            <th scope="col">{t("field-name")}</th>
                            <th scope="col">{t("field-participant_ref")}</th>
                            <th scope="col">{t("field-school")}</th>
                            <th scope="col">{t("field-district")}</th>
                            <th scope="col">{t("field-mentor")}</th>
                            <th scope="col">{t("field-status")}</th>
                            <th scope="col">{t("field-start_date")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    </div>
                    <nav class="pager" aria-label=t("pages")>
                        {(current > 1).then(|| view! { <A href=link(current - 1)>{t("previous")}</A> })}
                        <span>{t_args("page-of", &[("page", current.to_string()), ("pages", pages.to_string())])}</span>
                        {(current < pages).then(|| view! { <A href=link(current + 1)>{t("next")}</A> })}
                    </nav>
                }.into_any()
            })}
        </Suspense>
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `/participants/new`: the coordinator adds a participant.
#[component]
pub fn NewParticipant() -> impl IntoView {
    let action = ServerAction::<CreateParticipant>::new();
    let options = Resource::new(|| (), |_| get_register_options());
    let result = form_result(action);
    view! {
        <Title text=t("participant-new") />
        <h1>{t("participant-new")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let opts = match options.await { Ok(o) => o, Err(e) => return failed(e) };
                let raw = RawParticipant { planned_terms: "2".into(), gender: "unspecified".into(), ..Default::default() };
                view! {
                    {move || result.get().and_then(|r| r.err()).map(|e| view! { <ErrorNotice error=e /> })}
                    <ActionForm action=action attr:class="stack" attr:data-test="participant-form">
                        <crate::ui::components::CsrfField />
                        <ParticipantFields raw=raw options=opts result=result typed=typed(<CreateParticipant as ServerFn>::PATH) />
                        <button type="submit" class="button-primary">{t("save")}</button>
                    </ActionForm>
                }.into_any()
            })}
        </Suspense>
    }
}

/// `/participants/:id/edit`: the coordinator edits a record; the history keeps old values.
#[component]
pub fn EditParticipant() -> impl IntoView {
    let id = id_param();
    let action = ServerAction::<UpdateParticipant>::new();
    let data = Resource::new(
        move || id.get(),
        |id| async move {
            let id = id.ok_or(crate::error::AppError::NotFound)?;
            Ok::<_, crate::error::AppError>((
                get_participant(id).await?,
                get_register_options().await?,
            ))
        },
    );
    let result = form_result(action);
    view! {
        <Title text=t("participant-edit") />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let (view_, opts) = match data.await { Ok(d) => d, Err(e) => return failed(e) };
                let d = view_.detail;
                let raw = d.raw();
                let typed = typed(<UpdateParticipant as ServerFn>::PATH).only_if("id", &d.id.to_string());
                let statuses = ParticipantStatus::ALL.iter().map(|s| (s.as_str().to_owned(), status_label(*s))).collect::<Vec<_>>();
                let status_problem = Signal::derive(move || problem_of(&result.get(), "status"));
                let end_problem = Signal::derive(move || problem_of(&result.get(), "end_date"));
                view! {
                    <h1>{t("participant-edit")}": "{format!("{} {}", d.given_name, d.family_name)}</h1>
                    {move || result.get().and_then(|r| r.err()).map(|e| view! { <ErrorNotice error=e /> })}
                    <ActionForm action=action attr:class="stack" attr:data-test="participant-form">
                        <crate::ui::components::CsrfField />
                        <input type="hidden" name="id" value=d.id.to_string() />
                        <input type="hidden" name="version" value=d.version.to_string() />
                        <ParticipantFields raw=raw options=opts result=result typed=typed.clone() />
                        <fieldset>
                            <legend>{t("participant-status")}</legend>
                            <SelectField name="status" label="field-status" options=statuses selected=typed.or("status", d.status.as_str()) problem=status_problem />
                            <Field name="end_date" label="field-end_date" kind="date" value=typed.or("end_date", opt_day(d.end_date)) problem=end_problem />
                        </fieldset>
                        <button type="submit" class="button-primary">{t("save")}</button>
                    </ActionForm>
                }.into_any()
            })}
        </Suspense>
    }
}

fn verdict_text(v: Verdict) -> String {
    t(match v {
        Verdict::Yes => "eligibility-yes",
        Verdict::No => "eligibility-no",
        Verdict::Unknown => "eligibility-unknown",
    })
}

/// A participant's record: name, facts, eligibility and groups, then `children` (the other
/// features' sections, which the page above composes), then the PIN and the history.
#[component]
pub fn ParticipantRecord(children: ChildrenFn) -> impl IntoView {
    let id = id_param();
    let pin_action = ServerAction::<SetPin>::new();
    let data = Resource::new(
        move || id.get(),
        |id| async move { get_participant(id.ok_or(crate::error::AppError::NotFound)?).await },
    );
    view! {
        <Suspense fallback=Loading>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                match data.await {
                    Ok(v) => participant_view(v, pin_action, children()).into_any(),
                    Err(e) => failed(e),
                }
            })
            }}
        </Suspense>
    }
}

fn participant_view(
    v: ParticipantView,
    pin_action: ServerAction<SetPin>,
    sections: AnyView,
) -> impl IntoView {
    let d = v.detail;
    let name = format!("{} {}", d.given_name, d.family_name);
    let opt = |s: Option<String>| {
        s.filter(|s| !s.is_empty())
            .unwrap_or_else(|| "–".to_owned())
    };
    let edit = v.can_edit.then(|| {
        let href = format!("/participants/{}/edit", d.id);
        view! { <A href=href attr:class="button-secondary">{t("participant-edit")}</A> }
    });
    let groups = d
        .groups
        .clone()
        .into_iter()
        .map(|(gid, gname, teacher)| {
            let href = format!("/groups/{gid}");
            view! { <li><A href=href>{gname}</A>" · "{teacher}</li> }
        })
        .collect_view();
    let pin_result = form_result(pin_action);
    let pin_problem = Signal::derive(move || problem_of(&pin_result.get(), "pin"));
    let pin = v.can_set_pin.then(|| {
        let printable = SignInCode::parse(&d.sign_in_code)
            .map(|c| c.for_print())
            .unwrap_or_else(|_| d.sign_in_code.clone());
        view! {
            <section class="card" aria-labelledby="tablet-h">
                <h2 id="tablet-h">{t("tablet-access")}</h2>
                <p>{t("field-code")}": "<strong class="code" data-test="sign-in-code">{printable}</strong></p>
                <p>{if d.has_pin { t("pin-is-set") } else { t("pin-not-set") }}</p>
                {move || matches!(pin_result.get(), Some(Ok(()))).then(|| view! { <p class="notice notice-ok" role="status">{t("pin-saved")}</p> })}
                <ActionForm action=pin_action attr:class="inline-form">
                    <crate::ui::components::CsrfField />
                    <input type="hidden" name="id" value=d.id.to_string() />
                    <Field name="pin" label="field-new-pin" kind="password" inputmode="numeric" autocomplete="new-password" hint="hint-pin" problem=pin_problem />
                    <button type="submit" class="button-primary">{t("pin-set")}</button>
                </ActionForm>
            </section>
        }
    });
    let history = v.history.map(|entries| {
        let rows = entries.into_iter().map(|h| {
            let when = crate::ui::moment(h.changed_at);
            let by = h.changed_by.unwrap_or_else(|| t(&format!("source-{}", h.source)));
            view! {
                <tr>
                    <td>{when}</td><td>{by}</td><td>{t(&format!("field-{}", h.field))}</td>
                    <td>{h.old_value.unwrap_or_default()}</td><td>{h.new_value.unwrap_or_default()}</td>
                </tr>
            }
        }).collect_view();
        view! {
            <section aria-labelledby="history-h">
                <h2 id="history-h">{t("history")}</h2>
                <table class="list" data-test="history">
                    <thead><tr>
                        <th scope="col">{t("history-when")}</th><th scope="col">{t("history-who")}</th>
                        <th scope="col">{t("history-field")}</th><th scope="col">{t("history-old")}</th>
                        <th scope="col">{t("history-new")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        }
    });
    let e = v.eligibility;
    view! {
        <Title text=name.clone() />
        <div class="page-head">
            <h1 data-test="participant-name">{name}</h1>
            {edit}
        </div>
        <dl class="facts">
            <div><dt>{t("field-participant_ref")}</dt><dd>{d.participant_ref.clone()}</dd></div>
            <div><dt>{t("field-status")}</dt><dd>{status_label(d.status)}{d.end_date.map(|e| format!(" ({})", day(e)))}</dd></div>
            <div><dt>{t("field-gender")}</dt><dd>{t(&format!("gender-{}", d.gender.as_str()))}</dd></div>
            <div><dt>{t("field-birth_year")}</dt><dd>{opt(d.birth_year.map(|y| y.to_string()))}</dd></div>
            <div><dt>{t("field-school")}</dt><dd>{d.school.clone()}</dd></div>
            <div><dt>{t("field-district")}</dt><dd>{d.district.clone()}</dd></div>
            <div><dt>{t("field-mentor")}</dt><dd>{opt(d.mentor_name.clone())}</dd></div>
            <div><dt>{t("field-start_date")}</dt><dd>{day(d.start_date)}</dd></div>
            <div><dt>{t("field-planned_terms")}</dt><dd>{d.planned_terms}</dd></div>
            <div><dt>{t("field-study_path")}</dt><dd>{opt(d.study_path.map(|p| p.to_string()))}</dd></div>
            <div><dt>{t("field-languages")}</dt><dd>{opt(Some(d.languages.clone()))}</dd></div>
            <div><dt>{t("field-residence_permit_date")}</dt><dd>{opt(d.residence_permit_date.map(day))}</dd></div>
            <div><dt>{t("field-arrival_date")}</dt><dd>{opt(d.arrival_date.map(day))}</dd></div>
        </dl>
        <section class="card" aria-labelledby="elig-h" data-test="eligibility">
            <h2 id="elig-h">{t("eligibility")}</h2>
            <p class="hint">{t("eligibility-info")}</p>
            <dl class="facts">
                <div><dt>{t("eligibility-programme")}</dt><dd>{verdict_text(e.programme)}</dd></div>
                <div><dt>{t("eligibility-employment-service")}</dt><dd>{verdict_text(e.employment_service)}</dd></div>
            </dl>
        </section>
        <section aria-labelledby="groups-h">
            <h2 id="groups-h">{t("nav-groups")}</h2>
            {if d.groups.is_empty() { Some(view! { <p>{t("none")}</p> }) } else { None }}
            <ul>{groups}</ul>
        </section>
        {sections}
        {pin}
        {history}
    }
}
