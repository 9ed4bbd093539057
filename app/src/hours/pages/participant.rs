//! The hours section of a participant's page: the weeks strip, the plan, recorded time and absences, each with its form.

use super::*;

/// The strip of weeks: one tile per week, status in words (not only colour), minutes as text.
#[component]
pub fn WeekStrip(
    /// Weeks, oldest first.
    weeks: Vec<WeekRow>,
) -> impl IntoView {
    if weeks.is_empty() {
        return view! { <p>{t("hours-no-weeks")}</p> }.into_any();
    }
    let tiles = weeks
        .into_iter()
        .map(|w| {
            let title = format!("{} ({})", w.week, day(w.week.monday()));
            let detail = t_args(
                "week-detail",
                &[
                    ("teaching", hm(w.teaching)),
                    ("self_study", hm(w.self_study)),
                    ("required", hm(w.required)),
                ],
            );
            let short = (w.status == WeekStatus::Short || w.current)
                .then(|| {
                    let mut parts = vec![];
                    if w.teaching_short > 0 {
                        parts.push(t_args("week-short-teaching", &[("time", hm(w.teaching_short))]));
                    }
                    if w.self_study_short > 0 {
                        parts.push(t_args("week-short-self-study", &[("time", hm(w.self_study_short))]));
                    }
                    parts.join(" · ")
                })
                .filter(|s| !s.is_empty());
            let closed = (!w.closed.is_empty()).then(|| {
                let what: Vec<String> = w
                    .closed
                    .iter()
                    .map(|(reason, note)| {
                        if note.is_empty() {
                            t(&format!("calendar-reason-{}", reason.as_str()))
                        } else {
                            note.clone()
                        }
                    })
                    .collect();
                t_args("week-closed", &[("what", what.join(", "))])
            });
            view! {
                <li class=format!("week week-{}", w.state()) data-test=format!("week-{}", w.week) title=title>
                    <span class="week-name">{week_label(w.week)}</span>
                    <span class="week-status">{status_text(w.state())}</span>
                    {closed.map(|s| view! { <span class="week-closed" data-test="week-closed">{s}</span> })}
                    <span class="week-minutes">{detail}</span>
                    {short.map(|s| view! { <span class="week-shortfall">{s}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="week-strip" aria-label=t("hours-weeks")>{tiles}</ol> }.into_any()
}

fn plan_view(p: &PlanRow) -> impl IntoView {
    let blocks = p
        .blocks
        .iter()
        .map(|b| {
            let teacher = b.teacher_name.clone().unwrap_or_default();
            view! { <tr><td>{weekday_name(b.weekday)}</td><td>{clock_span(b.start, b.end)}</td><td>{teacher}</td></tr> }
        })
        .collect_view();
    let summary = t_args(
        "plan-summary",
        &[
            ("from", day(p.valid_from)),
            ("teaching", hm(p.teaching_minutes)),
            ("self_study", hm(p.self_study_minutes)),
        ],
    );
    view! {
        <p data-test="plan-summary">{summary}</p>
        <table class="list">
            <caption class="visually-hidden">{t("plan-blocks")}</caption>
            <thead><tr><th scope="col">{t("field-weekday")}</th><th scope="col">{t("field-time")}</th><th scope="col">{t("field-teacher")}</th></tr></thead>
            <tbody>{blocks}</tbody>
        </table>
    }
}

/// The form for a new plan: five block rows (prefilled from the plan in force) and self-study.
#[component]
fn PlanForm(h: HoursOverview) -> impl IntoView {
    let action = ServerAction::<SavePlan>::new();
    let result = form_result(action);
    let typed = typed(<SavePlan as ServerFn>::PATH);
    let refused = was_refused(result);
    let current = h.plans.first().cloned();
    let teachers: Vec<(String, String)> = std::iter::once((String::new(), t("none")))
        .chain(
            h.teachers
                .iter()
                .map(|u| (u.email.clone(), u.display_name.clone())),
        )
        .collect();
    let rows = (0..6)
        .map(|i| {
            let b = current.as_ref().and_then(|p| p.blocks.get(i)).cloned();
            let weekday = b.as_ref().map(|b| b.weekday).unwrap_or((i as u32 % 5) + 1);
            let (start, end) = b
                .as_ref()
                .map(|b| (format_clock(b.start), format_clock(b.end)))
                .unwrap_or_default();
            let teacher = b
                .as_ref()
                .and_then(|b| b.teacher_email.clone())
                .or_else(|| h.my_email.clone())
                .unwrap_or_default();
            let weekday = typed.or(&format!("blocks[{i}][weekday]"), weekday.to_string());
            let start = typed.or(&format!("blocks[{i}][start]"), start);
            let end = typed.or(&format!("blocks[{i}][end]"), end);
            let teacher = typed.or(&format!("blocks[{i}][teacher_email]"), teacher);
            let row = FormRow::Block(i + 1);
            let problem = move |name: &'static str| {
                let row = row.clone();
                Signal::derive(move || problem_at(&result.get(), Some(&row), name))
            };
            let day_opts = weekday_options()
                .into_iter()
                .map(|(v, l)| {
                    let sel = v == weekday;
                    view! { <option value=v selected=sel>{l}</option> }
                })
                .collect_view();
            let teacher_opts = teachers
                .iter()
                .map(|(v, l)| {
                    let sel = *v == teacher;
                    view! { <option value=v.clone() selected=sel>{l.clone()}</option> }
                })
                .collect_view();
            let label = |f: &str| format!("{} {}: {}", t("plan-block"), i + 1, t(f));
            let (ps, pe) = (problem("start"), problem("end"));
            view! {
                <tr>
                    <td><select name=format!("blocks[{i}][weekday]") aria-label=label("field-weekday")>{day_opts}</select></td>
                    <td class:cell-invalid=move || ps.get().is_some()>
                        <input name=format!("blocks[{i}][start]") type="time" value=start aria-label=label("field-start") data-test=format!("block-{i}-start") />
                        {move || ps.get().map(|p| view! { <span class="cell-error">{p}</span> })}
                    </td>
                    <td class:cell-invalid=move || pe.get().is_some()>
                        <input name=format!("blocks[{i}][end]") type="time" value=end aria-label=label("field-end") data-test=format!("block-{i}-end") />
                        {move || pe.get().map(|p| view! { <span class="cell-error">{p}</span> })}
                    </td>
                    <td><select name=format!("blocks[{i}][teacher_email]") aria-label=label("field-teacher")>{teacher_opts}</select></td>
                </tr>
            }
        })
        .collect_view();
    let self_study = typed.or(
        "self_study_minutes",
        current
            .as_ref()
            .map(|p| p.self_study_minutes)
            .unwrap_or(h.minimum)
            .to_string(),
    );
    let teaching_problem = Signal::derive(move || problem_of(&result.get(), "plan_teaching"));
    let based_on = h
        .plans
        .iter()
        .map(|p| p.id.0)
        .max()
        .unwrap_or(0)
        .to_string();
    let minimum = t_args("plan-minimum", &[("time", hm(h.minimum))]);
    view! {
        <details class="form-card" open=h.plans.is_empty() || refused>
            <summary>{t("plan-new")}</summary>
            <p class="hint">{minimum}</p>
            {move || match result.get() {
                Some(Err(e)) => Some(view! { <ErrorNotice error=e /> }),
                _ => None,
            }}
            <ActionForm action=action attr:class="stack" attr:data-test="plan-form">
                <crate::ui::components::CsrfField />
                <input type="hidden" name="participant" value=h.participant.to_string() />
                <input type="hidden" name="based_on" value=based_on />
                <Field name="valid_from" label="field-valid_from" kind="date" value=typed.or("valid_from", day(h.today)) required=true problem=Signal::derive(move || problem_of(&result.get(), "valid_from")) />
                <div class="table-wrap">
                    <table class="list grid">
                        <caption>{t("plan-blocks")}</caption>
                        <thead><tr>
                            <th scope="col">{t("field-weekday")}</th>
                            <th scope="col">{t("field-start")}</th>
                            <th scope="col">{t("field-end")}</th>
                            <th scope="col">{t("field-teacher")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {move || teaching_problem.get().map(|p| view! { <p class="field-error" data-test="plan-teaching-error">{p}</p> })}
                <Field name="self_study_minutes" label="field-self_study_minutes" kind="number" inputmode="numeric" value=self_study required=true problem=Signal::derive(move || problem_of(&result.get(), "self_study_minutes")) />
                <button type="submit" class="button-primary" data-test="plan-save">{t("plan-save")}</button>
            </ActionForm>
        </details>
    }
}

/// The form to record time.
#[component]
fn TimeForm(h: HoursOverview) -> impl IntoView {
    let action = ServerAction::<RecordTime>::new();
    let result = form_result(action);
    let typed = typed(<RecordTime as ServerFn>::PATH);
    let refused = was_refused(result);
    let mut kinds = vec![];
    if h.can_teaching {
        kinds.push(("teaching".to_owned(), t("kind-teaching")));
    }
    if h.can_self_study {
        kinds.push(("self_study".to_owned(), t("kind-self_study")));
    }
    let first = kinds.first().map(|k| k.0.clone()).unwrap_or_default();
    let teachers: Vec<(String, String)> = std::iter::once((String::new(), t("none")))
        .chain(
            h.teachers
                .iter()
                .map(|u| (u.email.clone(), u.display_name.clone())),
        )
        .collect();
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    view! {
        <details class="form-card" open=refused>
            <summary>{t("time-record")}</summary>
            {move || match result.get() {
                Some(Err(e)) => Some(view! { <ErrorNotice error=e /> }),
                _ => None,
            }}
            <ActionForm action=action attr:class="stack" attr:data-test="time-form">
                <crate::ui::components::CsrfField />
                <input type="hidden" name="participant" value=h.participant.to_string() />
                <SelectField name="kind" label="field-kind" options=kinds selected=typed.or("kind", first) problem=p("kind") />
                <Field name="date" label="field-date" kind="date" value=typed.or("date", day(h.today)) required=true problem=p("date") />
                <div class="row-fields">
                    <Field name="start" label="field-start" kind="time" value=typed.or("start", "") required=true problem=p("start") />
                    <Field name="end" label="field-end" kind="time" value=typed.or("end", "") required=true problem=p("end") />
                </div>
                {h.can_teaching.then(|| view! {
                    <SelectField name="teacher_email" label="field-teacher_email" options=teachers.clone() selected=typed.or("teacher_email", h.my_email.clone().unwrap_or_default()) problem=p("teacher_email") />
                    <p class="hint">{t("time-teacher-hint")}</p>
                })}
                <button type="submit" class="button-primary" data-test="time-save">{t("time-save")}</button>
            </ActionForm>
        </details>
    }
}

/// The form to record an absence.
#[component]
fn AbsenceForm(h: HoursOverview) -> impl IntoView {
    let action = ServerAction::<SaveAbsence>::new();
    let result = form_result(action);
    let typed = typed(<SaveAbsence as ServerFn>::PATH);
    let refused = was_refused(result);
    let reasons: Vec<(String, String)> = crate::domain::time_record::AbsenceReason::ALL
        .into_iter()
        .map(|r| (r.as_str().to_owned(), t(&format!("reason-{}", r.as_str()))))
        .collect();
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    view! {
        <details class="form-card" open=refused>
            <summary>{t("absence-new")}</summary>
            {move || match result.get() {
                Some(Err(e)) => Some(view! { <ErrorNotice error=e /> }),
                _ => None,
            }}
            <ActionForm action=action attr:class="stack" attr:data-test="absence-form">
                <crate::ui::components::CsrfField />
                <input type="hidden" name="participant" value=h.participant.to_string() />
                <div class="row-fields">
                    <Field name="from_date" label="field-from_date" kind="date" value=typed.or("from_date", day(h.today)) required=true problem=p("from_date") />
                    <Field name="to_date" label="field-to_date" kind="date" value=typed.or("to_date", day(h.today)) required=true problem=p("to_date") />
                </div>
                <SelectField name="reason" label="field-reason" options=reasons selected=typed.or("reason", "illness") problem=p("reason") />
                <Field name="note" label="field-note" value=typed.or("note", "") problem=p("note") />
                <button type="submit" class="button-primary" data-test="absence-save">{t("absence-save")}</button>
            </ActionForm>
        </details>
    }
}

/// The hours of a participant: weeks, plan, time, absences. `id="hours"` is the anchor the
/// forms return to.
#[component]
pub fn HoursSection(
    /// Whose.
    participant: ParticipantId,
) -> impl IntoView {
    let delete_time = ServerAction::<DeleteTime>::new();
    let delete_absence = ServerAction::<DeleteAbsence>::new();
    // Server components render once per request: a post reloads the page, so the data needs
    // no key beyond whose it is.
    let data = Resource::new(move || participant, get_hours);
    view! {
        <section id="hours" aria-labelledby="hours-h" data-test="hours">
            <h2 id="hours-h">{t("hours-heading")}</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let h = match data.await { Ok(h) => h, Err(e) => return view! { <ErrorNotice error=e /> }.into_any() };
                    let minimum = t_args("hours-minimum", &[("time", hm(h.minimum))]);
                    let plan = match h.plans.first() {
                        Some(p) => plan_view(p).into_any(),
                        None => view! { <p data-test="plan-none">{t("plan-none")}</p> }.into_any(),
                    };
                    let older = h.plans.iter().skip(1).map(|p| {
                        let text = t_args("plan-summary", &[("from", day(p.valid_from)), ("teaching", hm(p.teaching_minutes)), ("self_study", hm(p.self_study_minutes))]);
                        view! { <li>{text}</li> }
                    }).collect_view();
                    let has_older = h.plans.len() > 1;
                    let (can_t, can_s, can_a) = (h.can_teaching, h.can_self_study, h.can_absence);
                    let entries = h.recent.iter().map(|e| {
                        let deletable = match e.kind { TimeKind::Teaching => can_t, TimeKind::SelfStudy => can_s };
                        let id = e.id.to_string();
                        let version = e.version.to_string();
                        let del = deletable.then(|| view! {
                            <ActionForm action=delete_time attr:class="inline">
                                <crate::ui::components::CsrfField />
                                <input type="hidden" name="id" value=id />
                                <input type="hidden" name="version" value=version />
                                <button type="submit" class="button-secondary small">{t("remove")}</button>
                            </ActionForm>
                        });
                        view! {
                            <tr>
                                <td>{day(e.date)}</td>
                                <td>{clock_span(e.start, e.end)}</td>
                                <td>{t(&format!("kind-{}", e.kind))}</td>
                                <td>{hm(e.minutes)}</td>
                                <td>{e.teacher_name.clone().unwrap_or_default()}</td>
                                <td>{del}</td>
                            </tr>
                        }
                    }).collect_view();
                    let no_entries = h.recent.is_empty();
                    let absences = h.absences.iter().map(|a| {
                        let id = a.id.to_string();
                        let version = a.version.to_string();
                        let del = can_a.then(|| view! {
                            <ActionForm action=delete_absence attr:class="inline">
                                <crate::ui::components::CsrfField />
                                <input type="hidden" name="id" value=id />
                                <input type="hidden" name="version" value=version />
                                <button type="submit" class="button-secondary small">{t("remove")}</button>
                            </ActionForm>
                        });
                        view! {
                            <tr>
                                <td>{format!("{} – {}", day(a.from_date), day(a.to_date))}</td>
                                <td>{t(&format!("reason-{}", a.reason.as_str()))}</td>
                                <td>{a.note.clone()}</td>
                                <td>{del}</td>
                            </tr>
                        }
                    }).collect_view();
                    let no_absences = h.absences.is_empty();
                    let record = (h.can_teaching || h.can_self_study).then(|| view! { <TimeForm h=h.clone() /> });
                    let plan_form = h.can_plan.then(|| view! { <PlanForm h=h.clone() /> });
                    let absence_form = h.can_absence.then(|| view! { <AbsenceForm h=h.clone() /> });
                    view! {
                        <p class="hint">{minimum}</p>
                        <WeekStrip weeks=h.weeks.clone() />
                        <h3>{t("plan-heading")}</h3>
                        {plan}
                        {has_older.then(|| view! { <details><summary>{t("plan-history")}</summary><ul>{older}</ul></details> })}
                        {plan_form}
                        <h3>{t("time-heading")}</h3>
                        {record}
                        {if no_entries {
                            view! { <p>{t("time-none")}</p> }.into_any()
                        } else {
                            view! {
                                <table class="list" data-test="time-list">
                                    <caption class="visually-hidden">{t("time-heading")}</caption>
                                    <thead><tr>
                                        <th scope="col">{t("field-date")}</th>
                                        <th scope="col">{t("field-time")}</th>
                                        <th scope="col">{t("field-kind")}</th>
                                        <th scope="col">{t("field-length")}</th>
                                        <th scope="col">{t("field-teacher")}</th>
                                        <th scope="col"><span class="visually-hidden">{t("actions")}</span></th>
                                    </tr></thead>
                                    <tbody>{entries}</tbody>
                                </table>
                            }.into_any()
                        }}
                        <h3>{t("absence-heading")}</h3>
                        {absence_form}
                        {if no_absences {
                            view! { <p>{t("absence-none")}</p> }.into_any()
                        } else {
                            view! {
                                <table class="list" data-test="absence-list">
                                    <caption class="visually-hidden">{t("absence-heading")}</caption>
                                    <thead><tr>
                                        <th scope="col">{t("field-period")}</th>
                                        <th scope="col">{t("field-reason")}</th>
                                        <th scope="col">{t("field-note")}</th>
                                        <th scope="col"><span class="visually-hidden">{t("actions")}</span></th>
                                    </tr></thead>
                                    <tbody>{absences}</tbody>
                                </table>
                            }.into_any()
                        }}
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
