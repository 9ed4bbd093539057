//! The SFI section of a participant's page: start and finish, every result, the single-result form, corrections and history.

use super::*;

/// The fields of one result (new or correction), named `raw[…]`.
#[component]
fn ResultFields(
    /// Prefix for element ids, unique on the page.
    id_prefix: String,
    /// Values to start from.
    row: Option<SfiResultRow>,
    /// Teachers to choose from.
    teachers: Vec<(String, String)>,
    /// Default teacher e-mail.
    teacher: String,
    /// Today.
    today: String,
    /// The action's last result.
    result: Signal<Option<Result<(), AppError>>>,
    /// What was typed into this form when the server refused it (empty otherwise).
    typed: Typed,
) -> impl IntoView {
    let p = move |field: &'static str| Signal::derive(move || problem_of(&result.get(), field));
    let get = |f: fn(&SfiResultRow) -> String, default: String| row.as_ref().map_or(default, f);
    let get = |name: &str, f: fn(&SfiResultRow) -> String, default: String| {
        typed.or(&format!("raw[{name}]"), get(f, default))
    };
    let date = get("test_date", |r| crate::ui::day(r.test_date), today);
    let occasion = get(
        "occasion",
        |r| r.occasion.as_str().to_owned(),
        "checkpoint".into(),
    );
    let course = get("course", |r| r.course.as_str().to_owned(), String::new());
    let scale = get(
        "grade_scale",
        |r| r.grade_scale().as_str().to_owned(),
        "ig_g_vg".into(),
    );
    let grade = get("grade", |r| r.grade.to_string(), String::new());
    let teacher = typed.or(
        "raw[teacher_email]",
        row.as_ref()
            .map_or(teacher, |r| r.teacher_email.clone().unwrap_or_default()),
    );
    let mut teacher_opts = vec![(String::new(), t("none"))];
    teacher_opts.extend(teachers);
    let parts: [String; 4] = row
        .as_ref()
        .map(|r| std::array::from_fn(|i| r.part_text(i)))
        .unwrap_or_default();
    let part_fields = PARTS
        .iter()
        .zip(parts)
        .map(|(name, value)| {
            let value = typed.or(&format!("raw[{name}]"), value);
            let id = format!("{id_prefix}-{name}");
            let field_name = format!("raw[{name}]");
            let problem = p(name);
            let err = format!("{id}-error");
            let err2 = err.clone();
            view! {
                <div class="field field-narrow" class:field-invalid=move || problem.get().is_some()>
                    <label for=id.clone()>{t(&format!("field-{name}"))}</label>
                    <input id=id.clone() name=field_name value=value size="3" autocomplete="off"
                        aria-describedby=move || problem.get().is_some().then(|| err.clone()) />
                    {move || problem.get().map(|e| view! { <p class="field-error" id=err2.clone()>{e}</p> })}
                </div>
            }
        })
        .collect_view();
    let mut courses = vec![(String::new(), "–".to_owned())];
    courses.extend(course_options());
    let prefix = id_prefix.clone();
    let select = move |name: &'static str,
                       label: &'static str,
                       options: Vec<(String, String)>,
                       selected: String| {
        let id = format!("{prefix}-{name}");
        let problem = p(name);
        let err = format!("{id}-error");
        let err2 = err.clone();
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
                <select id=id.clone() name=format!("raw[{name}]") aria-describedby=move || problem.get().is_some().then(|| err.clone())>{opts}</select>
                {move || problem.get().map(|e| view! { <p class="field-error" id=err2.clone()>{e}</p> })}
            </div>
        }
    };
    let date_id = format!("{}-test_date", id_prefix);
    let grade_id = format!("{}-grade", id_prefix);
    let date_problem = p("test_date");
    let grade_problem = p("grade");
    view! {
        <div class="row-fields">
            <div class="field" class:field-invalid=move || date_problem.get().is_some()>
                <label for=date_id.clone()>{t("field-test_date")}</label>
                <input id=date_id.clone() type="date" name="raw[test_date]" value=date required />
                {move || date_problem.get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            {select("occasion", "field-occasion", occasion_options(), occasion)}
            {select("course", "field-course", courses, course)}
            {select("grade_scale", "field-grade_scale", scale_options(), scale)}
            <div class="field field-narrow" class:field-invalid=move || grade_problem.get().is_some()>
                <label for=grade_id.clone()>{t("field-grade")}</label>
                <input id=grade_id.clone() name="raw[grade]" value=grade size="3" required autocomplete="off" />
                {move || grade_problem.get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
        </div>
        <div class="row-fields">{part_fields}</div>
        {select("teacher_email", "field-teacher_email", teacher_opts, teacher)}
        <input type="hidden" name="raw[participant_ref]" value="" />
    }
}

/// The SFI section of a participant's page: start and finish side by side, every result,
/// the form for a new one, corrections, deletion and the history (as the viewer may).
#[component]
pub fn SfiSection(
    /// Whose results.
    participant: ParticipantId,
) -> impl IntoView {
    let create = ServerAction::<CreateSfiResult>::new();
    let correct = ServerAction::<CorrectSfiResult>::new();
    let delete = ServerAction::<DeleteSfiResult>::new();
    let data = Resource::new(move || participant, sfi_results);
    view! {
        <section id="sfi" aria-labelledby="sfi-h" data-test="sfi">
            <h2 id="sfi-h">{t("sfi-heading")}</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(o) => sfi_view(o, participant, create, correct, delete).into_any(),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

fn sfi_view(
    o: SfiOverview,
    participant: ParticipantId,
    create: ServerAction<CreateSfiResult>,
    correct: ServerAction<CorrectSfiResult>,
    delete: ServerAction<DeleteSfiResult>,
) -> impl IntoView {
    let start = o.start_finish.and_then(|(s, _)| o.results.get(s).cloned());
    let finish = o
        .start_finish
        .and_then(|(_, f)| f)
        .and_then(|f| o.results.get(f).cloned());
    let cell = |r: &Option<SfiResultRow>, none: &str| {
        r.as_ref().map_or_else(
            || t(none),
            |r| format!("{} · {}", r.test_date, result_text(r)),
        )
    };
    let step = o.step.map_or_else(
        || "–".to_owned(),
        |s| t_args("sfi-step-value", &[("step", format!("{s:+}"))]),
    );
    let guide = |r: &Option<SfiResultRow>| {
        r.as_ref()
            .map(|r| guide_text(r.course.as_str()))
            .unwrap_or_default()
    };
    let summary = (!o.results.is_empty()).then(|| {
        view! {
            <table class="list start-finish" data-test="sfi-start-finish">
                <caption>{t("sfi-start-finish")}</caption>
                <thead><tr>
                    <th scope="col">{t("sfi-start")}</th>
                    <th scope="col">{t("sfi-finish")}</th>
                    <th scope="col">{t("sfi-step")}</th>
                </tr></thead>
                <tbody>
                    <tr>
                        <td data-test="sfi-start">{cell(&start, "sfi-none-short")}</td>
                        <td data-test="sfi-finish">{cell(&finish, "sfi-no-finish")}</td>
                        <td data-test="sfi-step">{step}</td>
                    </tr>
                    <tr class="guide-row">
                        <td>{t("sfi-guide")}": "{guide(&start)}</td>
                        <td>{t("sfi-guide")}": "{guide(&finish)}</td>
                        <td></td>
                    </tr>
                </tbody>
            </table>
            <p class="hint">{t("sfi-guide-note")}</p>
        }
    });
    let teachers: Vec<(String, String)> = o
        .teachers
        .iter()
        .map(|u| (u.email.clone(), u.display_name.clone()))
        .collect();
    let my_email = o.my_email.clone().unwrap_or_default();
    let correct_result = form_result(correct);
    let (can_record, can_delete, today) = (o.can_record, o.can_delete, o.today.clone());
    let rows = o
        .results
        .clone()
        .into_iter()
        .map(|r| {
            let teacher = r.teacher_name.clone().unwrap_or_else(|| "–".into());
            let (teachers, my_email, today) = (teachers.clone(), my_email.clone(), today.clone());
            let row = r.clone();
            let fix = can_record.then(move || {
                let rid = row.id.to_string();
                let version = row.version.to_string();
                let typed_fix = typed(<CorrectSfiResult as ServerFn>::PATH).only_if("id", &rid);
                let prefix = format!("fix{}", row.id);
                let open = !typed_fix.is_empty();
                view! {
                    <details class="inline-details" open=open>
                        <summary>{t("sfi-correct")}</summary>
                        <ActionForm action=correct attr:class="stack" attr:data-test="sfi-correct-form">
                            <crate::ui::components::CsrfField />
                            <input type="hidden" name="id" value=rid />
                            <input type="hidden" name="version" value=version />
                            <ResultFields id_prefix=prefix row=Some(row) teachers=teachers teacher=my_email today=today result=correct_result typed=typed_fix.clone() />
                            <button type="submit" class="button-primary">{t("save")}</button>
                        </ActionForm>
                    </details>
                }
            });
            let remove = can_delete.then(|| {
                let rid = r.id.to_string();
                let version = r.version.to_string();
                view! {
                    <details class="inline-details">
                        <summary>{t("sfi-delete")}</summary>
                        <p>{t("sfi-delete-explain")}</p>
                        <ActionForm action=delete attr:class="inline-form">
                            <crate::ui::components::CsrfField />
                            <input type="hidden" name="id" value=rid />
                            <input type="hidden" name="version" value=version />
                            <button type="submit" class="button-danger" data-test="sfi-delete">{t("sfi-delete-confirm")}</button>
                        </ActionForm>
                    </details>
                }
            });
            let actions = (can_record || can_delete).then(|| view! { <td>{fix}{remove}</td> });
            view! {
                <tr>
                    <td>{crate::ui::day(r.test_date)}</td>
                    <td>{occasion_label(r.occasion.as_str())}</td>
                    <td>{r.course.to_string()}</td>
                    <td><strong>{r.grade.to_string()}</strong></td>
                    <td>{parts_text(&r)}</td>
                    <td>{teacher}</td>
                    {actions}
                </tr>
            }
        })
        .collect_view();
    let has_actions = o.can_record || o.can_delete;
    let list = if o.results.is_empty() {
        view! { <p data-test="sfi-none">{t("sfi-none")}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="sfi-all-h">
            <table class="list" data-test="sfi-results">
                <caption id="sfi-all-h">{t("sfi-all-results")}</caption>
                <thead><tr>
                    <th scope="col">{t("field-test_date")}</th>
                    <th scope="col">{t("field-occasion")}</th>
                    <th scope="col">{t("field-course")}</th>
                    <th scope="col">{t("field-grade")}</th>
                    <th scope="col">{t("sfi-parts")}</th>
                    <th scope="col">{t("field-teacher_email")}</th>
                    {has_actions.then(|| view! { <th scope="col">{t("actions")}</th> })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
        }
        .into_any()
    };
    let create_result = form_result(create);
    let new_form = o.can_record.then(|| {
        view! {
            <details class="card" open=move || create_result.get().is_some_and(|r| r.is_err())>
                <summary data-test="sfi-enter">{t("sfi-enter")}</summary>
                {move || create_result.get().and_then(|r| r.err()).map(|e| view! { <ErrorNotice error=e /> })}
                <ActionForm action=create attr:class="stack" attr:data-test="sfi-form">
                    <crate::ui::components::CsrfField />
                    <input type="hidden" name="participant" value=participant.to_string() />
                    <ResultFields id_prefix="new".to_owned() row=None teachers=teachers.clone() teacher=my_email.clone() today=o.today.clone() result=create_result typed=typed(<CreateSfiResult as ServerFn>::PATH) />
                    <button type="submit" class="button-primary">{t("save")}</button>
                </ActionForm>
            </details>
        }
    });
    let errors = move || {
        correct
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| delete.value().get().and_then(|r| r.err()))
            .map(|e| view! { <ErrorNotice error=e /> })
    };
    let versions = o.versions.map(versions_view);
    view! {
        {errors}
        {summary}
        {list}
        {new_form}
        {versions}
    }
}

fn versions_view(versions: Vec<SfiVersion>) -> impl IntoView {
    let rows = versions
        .into_iter()
        .map(|v| {
            let when = crate::ui::moment(v.changed_at);
            let by = v
                .changed_by
                .clone()
                .unwrap_or_else(|| t(&format!("source-{}", v.source)));
            view! {
                <tr>
                    <td>{when}</td>
                    <td>{by}</td>
                    <td>{t(&format!("sfi-action-{}", v.action))}</td>
                    <td>{v.version}</td>
                    <td>{crate::ui::day(v.values.test_date)}</td>
                    <td>{occasion_label(v.values.occasion.as_str())}</td>
                    <td>{result_text(&v.values)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="card" data-test="sfi-history">
            <summary id="sfi-history-h">{t("sfi-history")}</summary>
            <table class="list" aria-labelledby="sfi-history-h">
                <thead><tr>
                    <th scope="col">{t("history-when")}</th>
                    <th scope="col">{t("history-who")}</th>
                    <th scope="col">{t("sfi-change")}</th>
                    <th scope="col">{t("sfi-version")}</th>
                    <th scope="col">{t("field-test_date")}</th>
                    <th scope="col">{t("field-occasion")}</th>
                    <th scope="col">{t("sfi-result")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}
