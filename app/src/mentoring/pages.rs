//! The placement and the development talks on a participant's page (server components only).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::api::{
    get_mentoring, CancelTalk, DecideCheckpoint, MentoringView, RecordTalk, SavePlacement,
    ScheduleTalk, TalkView,
};
use crate::domain::ids::ParticipantId;
use crate::domain::placement::{Placement, PlacementRole};
use crate::domain::steps::StepLadder;
use crate::domain::talk::NextKind;
use crate::error::AppError;
use crate::ui::components::{
    form_result, problem_of, was_refused, CsrfField, ErrorNotice, Field, Loading, SelectField,
    TextAreaField,
};
use crate::ui::flash::typed;
use crate::ui::{day, t, t_args};

fn placement_facts(p: &Placement) -> impl IntoView {
    let row = |label: &'static str, value: String| {
        (!value.is_empty())
            .then(|| view! { <div><dt>{t(label)}</dt><dd class="pre-line">{value}</dd></div> })
    };
    let email = p.supervisor_email.as_ref().map(|e| {
        let href = format!("mailto:{}", e.as_str());
        view! { <div><dt>{t("field-supervisor_email")}</dt><dd><a href=href>{e.as_str().to_owned()}</a></dd></div> }
    });
    let dates = match (p.agreement_start, p.agreement_end) {
        (None, None) => String::new(),
        (s, e) => format!(
            "{} – {}",
            s.map(day).unwrap_or_default(),
            e.map(day).unwrap_or_default()
        ),
    };
    view! {
        <dl class="facts" data-test="placement">
            {row("field-workplace", p.workplace.clone())}
            {row("field-role", t(&format!("placement-role-{}", p.role.as_str())))}
            {row("field-supervisor_name", p.supervisor_name.clone())}
            {row("field-supervisor_phone", p.supervisor_phone.clone())}
            {email}
            {row("placement-agreement", dates)}
            {row("field-job_description", p.job_description.clone())}
            {row("field-year_plan", p.year_plan.clone())}
        </dl>
    }
}

#[component]
fn PlacementForm(v: MentoringView) -> impl IntoView {
    let action = ServerAction::<SavePlacement>::new();
    let result = form_result(action);
    let typed = typed(<SavePlacement as ServerFn>::PATH);
    let refused = was_refused(result);
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    let stored = v.placement.as_ref().map(|(p, _)| p.clone());
    let value = move |name: &str, f: fn(&Placement) -> String| {
        typed.or(
            &format!("raw[{name}]"),
            stored.as_ref().map(f).unwrap_or_default(),
        )
    };
    let roles: Vec<(String, String)> = PlacementRole::ALL
        .iter()
        .map(|r| {
            (
                r.as_str().to_owned(),
                t(&format!("placement-role-{}", r.as_str())),
            )
        })
        .collect();
    let version = v.placement.as_ref().map(|(_, version)| {
        view! { <input type="hidden" name="version" value=version.to_string() /> }
    });
    let summary = if v.placement.is_some() {
        "placement-correct"
    } else {
        "placement-record"
    };
    view! {
        <details class="form-card" open=refused>
            <summary>{t(summary)}</summary>
            {move || match result.get() {
                Some(Err(e)) => Some(view! { <ErrorNotice error=e /> }),
                _ => None,
            }}
            <ActionForm action=action attr:class="stack" attr:data-test="placement-form">
                <CsrfField />
                <input type="hidden" name="participant" value=v.participant.to_string() />
                {version}
                <Field name="raw[workplace]" id=format!("placement-workplace") label="field-workplace" value=value("workplace", |p| p.workplace.clone()) required=true problem=p("workplace") />
                <SelectField name="raw[role]" id=format!("placement-role") label="field-role" options=roles selected=value("role", |p| p.role.as_str().to_owned()) problem=p("role") />
                <Field name="raw[supervisor_name]" id=format!("placement-supervisor_name") label="field-supervisor_name" value=value("supervisor_name", |p| p.supervisor_name.clone()) problem=p("supervisor_name") />
                <Field name="raw[supervisor_phone]" id=format!("placement-supervisor_phone") label="field-supervisor_phone" kind="tel" value=value("supervisor_phone", |p| p.supervisor_phone.clone()) problem=p("supervisor_phone") />
                <Field name="raw[supervisor_email]" id=format!("placement-supervisor_email") label="field-supervisor_email" kind="email" value=value("supervisor_email", |p| p.supervisor_email.as_ref().map(|e| e.as_str().to_owned()).unwrap_or_default()) problem=p("supervisor_email") />
                <Field name="raw[agreement_start]" id=format!("placement-agreement_start") label="field-agreement_start" kind="date" value=value("agreement_start", |p| p.agreement_start.map(day).unwrap_or_default()) problem=p("agreement_start") />
                <Field name="raw[agreement_end]" id=format!("placement-agreement_end") label="field-agreement_end" kind="date" value=value("agreement_end", |p| p.agreement_end.map(day).unwrap_or_default()) problem=p("agreement_end") />
                <TextAreaField name="raw[job_description]" id=format!("placement-job_description") label="field-job_description" value=value("job_description", |p| p.job_description.clone()) problem=p("job_description") />
                <TextAreaField name="raw[year_plan]" id=format!("placement-year_plan") label="field-year_plan" value=value("year_plan", |p| p.year_plan.clone()) problem=p("year_plan") />
                <button type="submit" class="button-primary" data-test="placement-save">{t("placement-save")}</button>
            </ActionForm>
        </details>
    }
}

fn next_line(v: &MentoringView) -> impl IntoView {
    let what = match v.next.kind {
        NextKind::Talk => "talks-next-talk",
        NextKind::PlannedEnd => "talks-next-end",
    };
    let overdue = v.next.overdue_since.map(|d| {
        view! {
            <p class="notice notice-warning" role="status" data-test="talk-overdue">
                {t_args("talks-overdue", &[("date", day(d))])}
            </p>
        }
    });
    view! {
        <p data-test="talks-plan">
            {t_args("talks-plan", &[
                ("start", day(v.start)),
                ("terms", v.terms.to_string()),
                ("end", day(v.planned_end)),
            ])}
        </p>
        <p data-test="talks-next"><strong>{t_args(what, &[("date", day(v.next.date))])}</strong></p>
        {overdue}
    }
}

fn held_view(talk: &TalkView) -> impl IntoView {
    let Some(h) = talk.held.clone() else {
        return ().into_any();
    };
    let row = |label: &'static str, value: String| {
        (!value.is_empty())
            .then(|| view! { <div><dt>{t(label)}</dt><dd class="pre-line">{value}</dd></div> })
    };
    let list = |label: &'static str, items: Vec<String>| {
        (!items.is_empty()).then(|| {
            let lis = items
                .into_iter()
                .map(|i| view! { <li>{i}</li> })
                .collect_view();
            view! { <div><dt>{t(label)}</dt><dd><ul>{lis}</ul></dd></div> }
        })
    };
    view! {
        <article class="talk" data-test="talk-held">
            <h3>{t_args("talks-held-on", &[("date", day(h.talk_date))])}</h3>
            <dl class="facts">
                {row("field-attendees", h.attendees.clone())}
                {row("field-notes", h.notes.clone())}
                {row("field-goals", h.goals.clone())}
                {list("talks-goal-statements", talk.goal_statements.clone())}
                {list("talks-steps", talk.steps.clone())}
                {row("field-next_date", h.next_date.map(day).unwrap_or_default())}
            </dl>
        </article>
    }
    .into_any()
}

/// The form that records a talk: the scheduled talk `talk` (its id and version), or one not
/// scheduled (`None`).
#[component]
fn RecordForm(v: MentoringView, talk: Option<(i64, i64, chrono::NaiveDate)>) -> impl IntoView {
    let action = ServerAction::<RecordTalk>::new();
    let result = form_result(action);
    let which = talk.map(|(id, _, _)| id.to_string()).unwrap_or_default();
    let typed = typed(<RecordTalk as ServerFn>::PATH).only_if("talk", &which);
    let refused = was_refused(result) && !typed.is_empty();
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    let talk_day = talk.map_or(v.today, |(_, _, d)| d.min(v.today));
    let hidden = talk.map(|(id, version, _)| {
        view! {
            <input type="hidden" name="talk" value=id.to_string() />
            <input type="hidden" name="version" value=version.to_string() />
        }
    });
    let goals = v
        .goal_statements
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let name = format!("goal_statements[{i}]");
            let id = format!("goal-{which}-{i}");
            let ticked = typed.ticked(&name, false);
            view! {
                <div class="check">
                    <input type="checkbox" id=id.clone() name=name value=g.key.clone() checked=ticked />
                    <label for=id>{g.text.clone()}</label>
                </div>
            }
        })
        .collect_view();
    let goals = (!v.goal_statements.is_empty()).then(|| view! {
        <fieldset class:field-invalid=move || p("goal_statements").get().is_some()>
            <legend>{t("talks-goal-statements")}</legend>
            {goals}
            {move || p("goal_statements").get().map(|e| view! { <p class="field-error">{e}</p> })}
        </fieldset>
    });
    let steps = StepLadder::ALL
        .iter()
        .map(|&ladder| {
            let boxes = v
                .open_steps
                .iter()
                .enumerate()
                .filter(|(_, s)| s.ladder == ladder)
                .map(|(i, s)| {
                    let name = format!("steps[{i}]");
                    let id = format!("step-{which}-{i}");
                    let ticked = typed.ticked(&name, false);
                    view! {
                        <div class="check">
                            <input type="checkbox" id=id.clone() name=name value=s.key.clone() checked=ticked data-test=format!("talk-step-{}", s.key.replace(':', "-")) />
                            <label for=id>{s.name.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset>
                    <legend>{t_args("talks-steps-reached", &[("ladder", t(&format!("ladder-{}", ladder.as_str())))])}</legend>
                    {boxes}
                </fieldset>
            }
        })
        .collect_view();
    let summary = match talk {
        Some((_, _, d)) => t_args("talks-record-scheduled", &[("date", day(d))]),
        None => t("talks-record"),
    };
    let test = if talk.is_some() {
        "talk-record-scheduled"
    } else {
        "talk-record"
    };
    view! {
        <details class="form-card" open=refused>
            <summary>{summary}</summary>
            {move || match result.get() {
                Some(Err(e)) if refused => Some(view! { <ErrorNotice error=e /> }),
                _ => None,
            }}
            <ActionForm action=action attr:class="stack" attr:data-test=test>
                <CsrfField />
                <input type="hidden" name="participant" value=v.participant.to_string() />
                {hidden}
                <Field name="raw[talk_date]" id=format!("talk{which}-talk_date") label="field-talk_date" kind="date" value=typed.or("raw[talk_date]", day(talk_day)) required=true problem=p("talk_date") />
                <Field name="raw[attendees]" id=format!("talk{which}-attendees") label="field-attendees" value=typed.or("raw[attendees]", String::new()) problem=p("attendees") />
                <TextAreaField name="raw[notes]" id=format!("talk{which}-notes") label="field-notes" value=typed.or("raw[notes]", String::new()) problem=p("notes") />
                <TextAreaField name="raw[goals]" id=format!("talk{which}-goals") label="field-goals" value=typed.or("raw[goals]", String::new()) problem=p("goals") />
                {goals}
                {steps}
                {move || p("steps").get().map(|e| view! { <p class="field-error">{e}</p> })}
                <Field name="raw[next_date]" id=format!("talk{which}-next_date") label="field-next_date" kind="date" value=typed.or("raw[next_date]", String::new()) problem=p("next_date") />
                <button type="submit" class="button-primary" data-test="talk-save">{t("talks-save")}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn ScheduleForm(v: MentoringView) -> impl IntoView {
    let action = ServerAction::<ScheduleTalk>::new();
    let result = form_result(action);
    let typed = typed(<ScheduleTalk as ServerFn>::PATH);
    let refused = was_refused(result);
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    view! {
        <details class="form-card" open=refused>
            <summary>{t("talks-schedule")}</summary>
            <ActionForm action=action attr:class="stack" attr:data-test="talk-schedule">
                <CsrfField />
                <input type="hidden" name="participant" value=v.participant.to_string() />
                <Field name="talk_date" id=format!("schedule-talk_date") label="field-talk_date" kind="date" value=typed.or("talk_date", String::new()) required=true problem=p("talk_date") />
                <button type="submit" class="button-primary">{t("talks-schedule-save")}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn CheckpointForm(v: MentoringView) -> impl IntoView {
    let action = ServerAction::<DecideCheckpoint>::new();
    let result = form_result(action);
    let typed = typed(<DecideCheckpoint as ServerFn>::PATH);
    let refused = was_refused(result);
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    let options: Vec<(String, String)> = (1..=3)
        .map(|n: u8| (n.to_string(), n.to_string()))
        .collect();
    let other = if v.terms.value() == 2 { "3" } else { "2" };
    view! {
        <details class="form-card" open=refused>
            <summary>{t("checkpoint-record")}</summary>
            {move || match result.get() {
                Some(Err(e)) => Some(view! { <ErrorNotice error=e /> }),
                _ => None,
            }}
            <ActionForm action=action attr:class="stack" attr:data-test="checkpoint-form">
                <CsrfField />
                <input type="hidden" name="participant" value=v.participant.to_string() />
                <Field name="decided_on" id=format!("checkpoint-decided_on") label="field-decided_on" kind="date" value=typed.or("decided_on", day(v.today)) required=true problem=p("decided_on") />
                <SelectField name="terms" id=format!("checkpoint-terms") label="field-terms" options=options selected=typed.or("terms", other) problem=p("terms") />
                <Field name="reason" id=format!("checkpoint-reason") label="field-reason" value=typed.or("reason", String::new()) required=true problem=p("reason") />
                <button type="submit" class="button-primary" data-test="checkpoint-save">{t("checkpoint-save")}</button>
            </ActionForm>
        </details>
    }
}

fn decisions_table(v: &MentoringView) -> impl IntoView {
    (!v.decisions.is_empty()).then(|| {
        let rows = v
            .decisions
            .iter()
            .map(|d| {
                view! {
                    <tr>
                        <td>{day(d.decided_on)}</td>
                        <td>{t_args("checkpoint-change", &[("from", d.previous.to_string()), ("to", d.terms.to_string())])}</td>
                        <td>{d.reason.clone()}</td>
                        <td>{d.recorded_by.clone().unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="list" data-test="checkpoints">
                <caption>{t("checkpoint-heading")}</caption>
                <thead><tr>
                    <th scope="col">{t("field-decided_on")}</th>
                    <th scope="col">{t("field-terms")}</th>
                    <th scope="col">{t("field-reason")}</th>
                    <th scope="col">{t("checkpoint-by")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    })
}

fn scheduled_list(v: &MentoringView) -> impl IntoView {
    let cancel = ServerAction::<CancelTalk>::new();
    let items =
        v.talks
            .iter()
            .filter(|talk| talk.held.is_none())
            .map(|talk| {
                let (id, version, date) = (talk.id, talk.version, talk.talk_date);
                let overdue = talk.talk_date < v.today;
                let state = overdue
                    .then(|| view! { " " <strong class="flag">{t("talks-overdue-flag")}</strong> });
                let (owned, participant) = (v.clone(), v.participant);
                let actions = v.can_record_talk.then(move || view! {
                <RecordForm v=owned talk=Some((id, version, date)) />
                <ActionForm action=cancel attr:class="inline">
                    <CsrfField />
                    <input type="hidden" name="participant" value=participant.to_string() />
                    <input type="hidden" name="talk" value=id.to_string() />
                    <input type="hidden" name="version" value=version.to_string() />
                    <button type="submit" class="button-secondary">{t("talks-cancel")}</button>
                </ActionForm>
            });
                view! {
                    <li data-test="talk-scheduled">
                        {t_args("talks-scheduled-on", &[("date", day(talk.talk_date))])}{state}
                        {actions}
                    </li>
                }
            })
            .collect_view();
    view! { <ul class="talks-scheduled">{items}</ul> }
}

/// The placement agreement and the development talks with checkpoint decisions on a
/// participant's page; coordinators and the mentor record them.
#[component]
pub fn MentoringSections(
    /// Whose.
    participant: ParticipantId,
) -> impl IntoView {
    let data = Resource::new(move || participant, get_mentoring);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let v = match data.await {
                    Ok(v) => v,
                    Err(AppError::Forbidden) => return ().into_any(),
                    Err(e) => return view! { <ErrorNotice error=e /> }.into_any(),
                };
                let placement = match &v.placement {
                    Some((p, _)) => placement_facts(p).into_any(),
                    None => view! { <p data-test="placement-none">{t("placement-none")}</p> }.into_any(),
                };
                let placement_form = v.can_record_placement.then(|| view! { <PlacementForm v=v.clone() /> });
                let held = v.talks.iter().map(held_view).collect_view();
                let forms = v.can_record_talk.then(|| view! {
                    <ScheduleForm v=v.clone() />
                    <RecordForm v=v.clone() talk=None />
                    <CheckpointForm v=v.clone() />
                });
                view! {
                    <section id="placement" class="card" aria-labelledby="placement-h" data-test="placement-section">
                        <h2 id="placement-h">{t("placement-heading")}</h2>
                        {placement}
                        {placement_form}
                    </section>
                    <section id="talks" class="card" aria-labelledby="talks-h" data-test="talks-section">
                        <h2 id="talks-h">{t("talks-heading")}</h2>
                        {next_line(&v)}
                        {scheduled_list(&v)}
                        {forms}
                        {decisions_table(&v)}
                        {held}
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
}
