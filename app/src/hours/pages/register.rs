//! The group register: who attended, with the time prefilled from the members' plans.

use super::*;

/// `/groups/:id/register?date=…`: the teacher ticks who attended; the time is prefilled from
/// the members' plans for that weekday.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse().ok())
            .map(GroupId)
    });
    let date = Memo::new(move |_| query.read().get("date").unwrap_or_default());
    let action = ServerAction::<SaveRegister>::new();
    let typed = typed(<SaveRegister as ServerFn>::PATH);
    let sheet = Resource::new(
        move || (id.get(), date.get()),
        |(id, date)| async move { get_register(id.ok_or(AppError::NotFound)?, date).await },
    );
    let result = form_result(action);
    view! {
        <Title text=t("register-title") />
        <Suspense fallback=Loading>
            {move || Suspend::new({
                let typed = typed.clone();
                async move {
                let s = match sheet.await { Ok(s) => s, Err(e) => return failed(e) };
                let heading = format!("{}: {}", t("register-title"), s.group.name);
                let back = format!("/groups/{}", s.group.id);
                let here = format!("/groups/{}/register", s.group.id);
                let rows = s.members.iter().enumerate().map(|(i, m)| {
                    let cid = format!("present-{i}");
                    let spans = |s: &[(chrono::NaiveTime, chrono::NaiveTime)]| s.iter().map(|(a, b)| clock_span(*a, *b)).collect::<Vec<_>>().join(", ");
                    let planned = if m.planned.is_empty() { t("none") } else { spans(&m.planned) };
                    let recorded = spans(&m.recorded);
                    let row = Some(FormRow::Participant(m.participant_ref.clone()));
                    let problem = Signal::derive(move || match result.get() {
                        Some(Err(e)) => e.problems().iter().find(|p| p.row == row).map(crate::ui::components::problem_text),
                        _ => None,
                    });
                    view! {
                        <tr data-test=format!("register-row-{}", m.participant_ref)>
                            <td class="check">
                                <input type="checkbox" id=cid.clone() name=format!("present[{i}]") value=m.participant_ref.clone() data-present=""
                                    checked=typed.ticked(&format!("present[{i}]"), false) />
                            </td>
                            <th scope="row"><label for=cid>{m.name.clone()}" ("{m.participant_ref.clone()}")"</label>
                                {move || problem.get().map(|p| view! { <span class="cell-error">{p}</span> })}
                            </th>
                            <td>{planned}</td>
                            <td>{recorded}</td>
                        </tr>
                    }
                }).collect_view();
                let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
                view! {
                    <h1>{heading}</h1>
                    <form method="get" action=here class="row-fields" data-test="register-day">
                        <Field name="date" label="field-date" kind="date" value=day(s.date) problem=Signal::derive(|| None::<String>) />
                        <button type="submit" class="button-secondary">{t("register-show-day")}</button>
                    </form>
                    {move || match result.get() {
                        Some(Ok(r)) => Some(view! {
                            <p class="notice notice-ok" role="status" data-test="register-saved">
                                {t_args("register-saved", &[("created", r.created.to_string()), ("updated", r.updated.to_string()), ("unchanged", r.unchanged.to_string())])}
                            </p>
                        }.into_any()),
                        Some(Err(e)) => Some(view! { <ErrorNotice error=e /> }.into_any()),
                        None => None,
                    }}
                    {s.members.is_empty().then(|| view! { <p>{t("sfi-grid-empty")}</p> })}
                    <ActionForm action=action attr:class="stack" attr:data-test="register-form">
                        <crate::ui::components::CsrfField />
                        <input type="hidden" name="group" value=s.group.id.to_string() />
                        <input type="hidden" name="date" value=day(s.date) />
                        <div class="row-fields">
                            <Field name="start" label="field-start" kind="time" value=typed.or("start", format_clock(s.start)) required=true problem=p("start") />
                            <Field name="end" label="field-end" kind="time" value=typed.or("end", format_clock(s.end)) required=true problem=p("end") />
                        </div>
                        {move || problem_of(&result.get(), "present").map(|m| view! { <p class="field-error">{m}</p> })}
                        <TickAll label=t("register-tick-all") />
                        <div class="table-wrap">
                            <table class="list">
                                <caption>{t_args("register-caption", &[("date", day(s.date))])}</caption>
                                <thead><tr>
                                    <th scope="col">{t("register-present")}</th>
                                    <th scope="col">{t("field-participant")}</th>
                                    <th scope="col">{t("register-planned")}</th>
                                    <th scope="col">{t("register-recorded")}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                        <button type="submit" class="button-primary" data-test="register-save">{t("register-save")}</button>
                    </ActionForm>
                    <p><A href=back>{t("back")}</A></p>
                }.into_any()
            }})}
        </Suspense>
    }
}
