//! The exit talk on a participant's page and the indicators page (server components only).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{
    get_indicator_targets, get_indicators, get_outcome, get_steps, RemoveOutcome, SaveOutcome,
    SaveStep,
};
use crate::domain::ids::ParticipantId;
use crate::domain::indicators::{format_share, IndicatorRow, Place};
use crate::domain::outcome::{Activity, Completion, OutcomeRecord, SelfSufficiency};
use crate::domain::steps::StepLadder;
use crate::dto::{IndicatorTargetsPage, IndicatorsPage, OutcomeView, StepsView};
use crate::error::AppError;
use crate::ui::components::{
    failed, form_result, problem_of, was_refused, ErrorNotice, Field, Loading, SelectField,
};
use crate::ui::flash::typed;
use crate::ui::{day, t, t_args};

fn choices(values: impl IntoIterator<Item = &'static str>, prefix: &str) -> Vec<(String, String)> {
    values
        .into_iter()
        .map(|v| (v.to_owned(), t(&format!("{prefix}-{v}"))))
        .collect()
}

fn facts(o: &OutcomeRecord) -> impl IntoView {
    let note = (!o.note.is_empty()).then(|| {
        view! { <div><dt>{t("field-note")}</dt><dd>{o.note.clone()}</dd></div> }
    });
    view! {
        <dl class="facts" data-test="outcome">
            <div><dt>{t("field-exit_date")}</dt><dd>{day(o.exit_date)}</dd></div>
            <div><dt>{t("field-completion")}</dt><dd>{t(&format!("completion-{}", o.completion.as_str()))}</dd></div>
            <div><dt>{t("field-activity")}</dt><dd>{t(&format!("activity-{}", o.activity.as_str()))}</dd></div>
            <div><dt>{t("field-self_sufficiency")}</dt><dd>{t(&format!("self-sufficiency-{}", o.self_sufficiency.as_str()))}</dd></div>
            {note}
        </dl>
    }
}

#[component]
fn OutcomeForm(view_: OutcomeView) -> impl IntoView {
    let action = ServerAction::<SaveOutcome>::new();
    let result = form_result(action);
    let typed = typed(<SaveOutcome as ServerFn>::PATH);
    let refused = was_refused(result);
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    let stored = view_.outcome.clone();
    let current = |f: fn(&OutcomeRecord) -> String, default: String| {
        stored.as_ref().map_or(default, |(o, _)| f(o))
    };
    let exit = current(|o| day(o.exit_date), day(view_.today));
    let completion = current(|o| o.completion.as_str().to_owned(), "completed".into());
    let activity = current(|o| o.activity.as_str().to_owned(), "work".into());
    let sufficiency = current(|o| o.self_sufficiency.as_str().to_owned(), "full".into());
    let note = current(|o| o.note.clone(), String::new());
    let version = stored.as_ref().map(|(_, v)| {
        view! { <input type="hidden" name="version" value=v.to_string() /> }
    });
    let summary = if stored.is_some() {
        "outcome-correct"
    } else {
        "outcome-record"
    };
    view! {
        <details class="form-card" open=refused>
            <summary>{t(summary)}</summary>
            {move || match result.get() {
                Some(Err(e)) => Some(view! { <ErrorNotice error=e /> }),
                _ => None,
            }}
            <ActionForm action=action attr:class="stack" attr:data-test="outcome-form">
                <crate::ui::components::CsrfField />
                <input type="hidden" name="participant" value=view_.participant.to_string() />
                {version}
                <Field name="exit_date" label="field-exit_date" kind="date" value=typed.or("exit_date", exit) required=true problem=p("exit_date") />
                <SelectField name="completion" label="field-completion" options=choices(Completion::ALL.iter().map(|c| c.as_str()), "completion") selected=typed.or("completion", completion) problem=p("completion") />
                <SelectField name="activity" label="field-activity" options=choices(Activity::ALL.iter().map(|a| a.as_str()), "activity") selected=typed.or("activity", activity) problem=p("activity") />
                <SelectField name="self_sufficiency" label="field-self_sufficiency" options=choices(SelfSufficiency::ALL.iter().map(|s| s.as_str()), "self-sufficiency") selected=typed.or("self_sufficiency", sufficiency) problem=p("self_sufficiency") />
                <Field name="note" label="field-note" value=typed.or("note", note) problem=p("note") />
                <button type="submit" class="button-primary" data-test="outcome-save">{t("outcome-save")}</button>
            </ActionForm>
        </details>
    }
}

/// The exit talk on a participant's page: the outcome, and for coordinators and the mentor the
/// form to record, correct or remove it.
#[component]
pub fn OutcomeSection(
    /// Whose.
    participant: ParticipantId,
) -> impl IntoView {
    let remove = ServerAction::<RemoveOutcome>::new();
    let data = Resource::new(move || participant, get_outcome);
    view! {
        <section id="outcome" class="card" aria-labelledby="outcome-h" data-test="outcome-section">
            <h2 id="outcome-h">{t("outcome-heading")}</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let v = match data.await {
                        Ok(v) => v,
                        Err(AppError::Forbidden) => return ().into_any(),
                        Err(e) => return view! { <ErrorNotice error=e /> }.into_any(),
                    };
                    let shown = match &v.outcome {
                        Some((o, _)) => facts(o).into_any(),
                        None => view! { <p data-test="outcome-none">{t("outcome-none")}</p> }.into_any(),
                    };
                    let removal = v.outcome.as_ref().filter(|_| v.can_record).map(|(_, version)| *version).map(|version| view! {
                        <ActionForm action=remove attr:class="inline">
                            <crate::ui::components::CsrfField />
                            <input type="hidden" name="participant" value=participant.to_string() />
                            <input type="hidden" name="version" value=version.to_string() />
                            <button type="submit" class="button-danger" data-test="outcome-remove">{t("outcome-remove")}</button>
                        </ActionForm>
                    });
                    let form = v.can_record.then(|| view! { <OutcomeForm view_=v.clone() /> });
                    view! { {shown}{removal}{form} }.into_any()
                })}
            </Suspense>
        </section>
    }
}

fn share(tenths: Option<u32>) -> String {
    let s = format_share(tenths);
    if s.is_empty() {
        "–".to_owned()
    } else {
        format!("{s} %")
    }
}

fn group_label(row: &IndicatorRow) -> String {
    match row.group.as_str() {
        "all" => t("indicators-all"),
        "gender" => t(&format!("gender-{}", row.value)),
        _ => row.value.clone(),
    }
}

fn rows_table(caption: String, rows: Vec<IndicatorRow>, test: &'static str) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|r| {
            let c = r.tally;
            view! {
                <tr>
                    <th scope="row">{group_label(&r)}</th>
                    <td>{c.enrolled}</td><td>{c.completed}</td><td>{c.left_early}</td><td>{c.ongoing}</td>
                    <td>{c.in_work}</td><td>{c.in_education}</td><td>{c.self_sufficient}</td>
                    <td>{c.full}</td><td>{c.partial}</td>
                    <td>{share(c.share_of_enrolled())}</td><td>{share(c.share_of_completed())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="list numbers" data-test=test>
            <caption>{caption}</caption>
            <thead><tr>
                <th scope="col"><span class="visually-hidden">{t("indicators-group")}</span></th>
                <th scope="col">{t("indicators-enrolled")}</th>
                <th scope="col">{t("indicators-completed")}</th>
                <th scope="col">{t("indicators-left_early")}</th>
                <th scope="col">{t("indicators-ongoing")}</th>
                <th scope="col">{t("indicators-in_work")}</th>
                <th scope="col">{t("indicators-in_education")}</th>
                <th scope="col">{t("indicators-self_sufficient")}</th>
                <th scope="col">{t("indicators-full")}</th>
                <th scope="col">{t("indicators-partial")}</th>
                <th scope="col">{t("indicators-share_of_enrolled")}</th>
                <th scope="col">{t("indicators-share_of_completed")}</th>
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// `value` percent-encoded for a query string (letters, digits and `-_.~` kept).
fn query_value(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn indicators_view(
    page: IndicatorsPage,
    targets: Result<IndicatorTargetsPage, AppError>,
) -> impl IntoView {
    let from = page.from.map(day).unwrap_or_default();
    let to = page.to.map(day).unwrap_or_default();
    let place = page.place.as_param();
    let query = format!("from={from}&to={to}&place={}", query_value(&place));
    let csv = format!("/export/indicators.csv?{query}");
    let xlsx = format!("/export/indicators.xlsx?{query}");
    let options = page
        .places
        .iter()
        .map(|p| {
            let value = p.as_param();
            let label = match p {
                Place::Everywhere => t("indicators-everywhere"),
                Place::District(d) => t_args("indicators-district-of", &[("name", d.clone())]),
                Place::School(s) => t_args("indicators-school-of", &[("name", s.clone())]),
            };
            let selected = value == place;
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    let (chart, extra) = match &targets {
        Ok(p) => (
            Some(super::indicators_pages::chart_view(p)),
            Some(super::indicators_pages::targets_view(p)),
        ),
        Err(_) => (None, None),
    };
    let failed_extra = targets.err().map(|e| view! { <ErrorNotice error=e /> });
    let pick = |group: &str| -> Vec<IndicatorRow> {
        page.rows
            .iter()
            .filter(|r| r.group == group || (group == "gender" && r.group == "all"))
            .cloned()
            .collect()
    };
    view! {
        <form method="get" action="/indicators" class="row-fields" data-test="indicators-range">
            <div class="field">
                <label for="from">{t("indicators-from")}</label>
                <input id="from" name="from" type="date" value=from.clone() />
            </div>
            <div class="field">
                <label for="to">{t("indicators-to")}</label>
                <input id="to" name="to" type="date" value=to.clone() />
            </div>
            <div class="field">
                <label for="place">{t("indicators-place")}</label>
                <select id="place" name="place">
                    <option value="" selected=place.is_empty()>{t("indicators-everywhere")}</option>
                    {options}
                </select>
            </div>
            <button type="submit" class="button-secondary">{t("filter")}</button>
        </form>
        <p><a href=csv download data-test="indicators-csv">{t("export-indicators")}</a></p>
        <p><a href=xlsx download data-test="indicators-xlsx">{t("export-indicators-xlsx")}</a></p>
        {chart}
        {rows_table(t("indicators-by-gender"), pick("gender"), "indicators-gender")}
        {rows_table(t("indicators-by-district"), pick("district"), "indicators-district")}
        {rows_table(t("indicators-by-school"), pick("school"), "indicators-school")}
        <p class="hint">{t("indicators-explained")}</p>
        {failed_extra}
        {extra}
    }
}

/// `/indicators?from=YYYY-MM-DD&to=YYYY-MM-DD`: the programme's figures for the participants
/// who started in the range (coordinators).
#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let query = use_query_map();
    let args = Memo::new(move |_| {
        let q = query.read();
        (
            q.get("from").unwrap_or_default(),
            q.get("to").unwrap_or_default(),
            q.get("place").unwrap_or_default(),
        )
    });
    let data = Resource::new(
        move || args.get(),
        |(from, to, place)| get_indicators(from, to, place),
    );
    let targets = Resource::new(
        move || args.get(),
        |(from, to, place)| get_indicator_targets(from, to, place),
    );
    view! {
        <Title text=t("indicators-title") />
        <h1>{t("indicators-title")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => indicators_view(page, targets.await).into_any(),
                    Err(AppError::Invalid(problems)) => view! {
                        <ErrorNotice error=AppError::Invalid(problems) />
                        <p><a href="/indicators">{t("back")}</a></p>
                    }.into_any(),
                    Err(e) => failed(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StepForm(ladder: StepLadder, steps: StepsView) -> impl IntoView {
    let action = ServerAction::<SaveStep>::new();
    let result = form_result(action);
    let typed = typed(<SaveStep as ServerFn>::PATH).only_if("ladder", ladder.as_str());
    let refused = was_refused(result) && !typed.is_empty();
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    let options: Vec<(String, String)> = steps
        .steps
        .iter()
        .filter(|s| s.ladder == ladder)
        .map(|s| (s.code.clone(), s.name.clone()))
        .collect();
    let first_open = steps
        .steps
        .iter()
        .find(|s| s.ladder == ladder && s.reached.is_none())
        .map(|s| s.code.clone())
        .unwrap_or_default();
    let test = format!("step-form-{}", ladder.as_str());
    view! {
        <details class="form-card" open=refused>
            <summary>{t(&format!("steps-record-{}", ladder.as_str()))}</summary>
            {move || match result.get() {
                Some(Err(e)) if refused => Some(view! { <ErrorNotice error=e /> }),
                _ => None,
            }}
            <ActionForm action=action attr:class="stack" attr:data-test=test>
                <crate::ui::components::CsrfField />
                <input type="hidden" name="participant" value=steps.participant.to_string() />
                <input type="hidden" name="ladder" value=ladder.as_str() />
                <SelectField name="step" label="field-step" options=options selected=typed.or("step", first_open) problem=p("step") />
                <Field name="reached_date" label="field-reached_date" kind="date" value=typed.or("reached_date", day(steps.today)) required=true problem=p("reached_date") />
                <button type="submit" class="button-primary">{t("steps-save")}</button>
            </ActionForm>
        </details>
    }
}

fn ladder_list(ladder: StepLadder, v: &StepsView) -> impl IntoView {
    let items = v
        .steps
        .iter()
        .filter(|s| s.ladder == ladder)
        .map(|s| {
            let state = match s.reached {
                Some(d) => view! {
                    <span class="step-reached">{crate::ui::t_args("steps-reached-on", &[("date", day(d))])}</span>
                    {s.confirmed_by.clone().map(|by| view! { " " <span class="hint">{crate::ui::t_args("steps-confirmed-by", &[("name", by)])}</span> })}
                }.into_any(),
                None => view! { <span class="hint">{t("steps-not-yet")}</span> }.into_any(),
            };
            let reached = s.reached.is_some();
            view! {
                <li class:done=reached data-test=format!("step-{}-{}", ladder.as_str(), s.code)>
                    <strong>{s.name.clone()}</strong>" " {state}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="ladder-steps">
            <h3>{t(&format!("ladder-{}", ladder.as_str()))}</h3>
            <ol>{items}</ol>
        </div>
    }
}

/// The three ladders as a table: each ladder's level or steps reached.
fn three_table(v: &StepsView) -> impl IntoView {
    let language = v
        .language
        .map_or_else(|| "–".to_owned(), |l| l.label().to_owned());
    let rows = StepLadder::ALL
        .iter()
        .map(|&ladder| {
            let of: Vec<&crate::dto::StepLine> = v.steps.iter().filter(|s| s.ladder == ladder).collect();
            let reached: Vec<String> = of.iter().filter(|s| s.reached.is_some()).map(|s| s.name.clone()).collect();
            let count = crate::ui::t_args(
                "three-caption",
                &[("reached", reached.len().to_string()), ("steps", of.len().to_string())],
            );
            view! {
                <tr>
                    <th scope="row">{t(&format!("ladder-{}", ladder.as_str()))}</th>
                    <td>{count}{(!reached.is_empty()).then(|| format!(": {}", reached.join(", ")))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details>
            <summary>{t("three-table")}</summary>
            <table class="list">
                <caption class="visually-hidden">{t("three-title")}</caption>
                <thead><tr><th scope="col">{t("field-ladder")}</th><th scope="col">{t("three-current")}</th></tr></thead>
                <tbody>
                    <tr><th scope="row">{t("ladder-heading")}</th><td>{language}</td></tr>
                    {rows}
                </tbody>
            </table>
        </details>
    }
}

/// The work and matching ladders on a participant's page: each step with the day it was
/// reached, and for coordinators and the mentor a form per ladder to record a step.
#[component]
pub fn StepsSection(
    /// Whose.
    participant: ParticipantId,
) -> impl IntoView {
    let data = Resource::new(move || participant, get_steps);
    view! {
        <section id="steps" class="card" aria-labelledby="steps-h" data-test="steps-section">
            <h2 id="steps-h">{t("steps-heading")}</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let v = match data.await {
                        Ok(v) => v,
                        Err(AppError::Forbidden) => return ().into_any(),
                        Err(e) => return view! { <ErrorNotice error=e /> }.into_any(),
                    };
                    let lists = StepLadder::ALL.map(|l| ladder_list(l, &v)).into_iter().collect_view();
                    let chart = view! {
                        <figure class="chart-figure" data-test="three-ladders" inner_html=v.chart_svg.clone()></figure>
                        {three_table(&v)}
                    };
                    let forms = v.can_record.then(|| {
                        StepLadder::ALL
                            .map(|l| view! { <StepForm ladder=l steps=v.clone() /> })
                            .into_iter()
                            .collect_view()
                    });
                    view! { {chart}<div class="row-fields">{lists}</div>{forms} }.into_any()
                })}
            </Suspense>
        </section>
    }
}
