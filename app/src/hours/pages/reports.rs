//! The mentor's short weeks and the coordinator's compliance report.

use super::*;

/// The mentor's participants with short weeks (current and last four), the largest shortfall
/// first.
#[component]
pub fn ShortWeeksSection() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_short_weeks());
    short_weeks_section(
        view! {
            <Suspense fallback=Loading>
                {move || Suspend::new(async move { short_weeks_body(data.await) })}
            </Suspense>
        }
        .into_any(),
    )
}

/// The short weeks' section around `body`.
pub fn short_weeks_section(body: AnyView) -> impl IntoView {
    view! {
        <section aria-labelledby="short-h" data-test="short-weeks">
            <h2 id="short-h">{t("short-heading")}</h2>
            {body}
        </section>
    }
}

/// The short weeks' table, or what went wrong.
pub fn short_weeks_body(data: Result<Vec<crate::hours::api::ShortWeeks>, AppError>) -> AnyView {
    match data {
        Ok(list) if list.is_empty() => view! { <p>{t("short-none")}</p> }.into_any(),
        Ok(list) => {
            let rows = list.into_iter().map(|s| {
                let href = format!("/participants/{}#hours", s.id);
                let weeks = s.weeks.iter().map(|w| {
                    let mut parts = vec![];
                    if w.teaching_short > 0 { parts.push(t_args("week-short-teaching", &[("time", hm(w.teaching_short))])); }
                    if w.self_study_short > 0 { parts.push(t_args("week-short-self-study", &[("time", hm(w.self_study_short))])); }
                    let label = if w.current { format!("{} ({})", w.week, status_text(w.state())) } else { w.week.to_string() };
                    view! { <li data-test=format!("short-{}", w.week)>{label}": "{parts.join(", ")}</li> }
                }).collect_view();
                view! {
                    <tr data-test=format!("short-row-{}", s.participant_ref)>
                        <th scope="row"><A href=href>{s.name}</A><span class="cell-sub">{s.participant_ref.clone()}</span></th>
                        <td><ul class="plain">{weeks}</ul></td>
                        <td>{hm(s.shortfall)}</td>
                    </tr>
                }
            }).collect_view();
            view! {
                <table class="list">
                    <caption class="visually-hidden">{t("short-heading")}</caption>
                    <thead><tr>
                        <th scope="col">{t("field-participant")}</th>
                        <th scope="col">{t("short-weeks")}</th>
                        <th scope="col">{t("short-total")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }
        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
    }
}

/// The situation of a listed participant's plan, in words.
fn coverage_text(coverage: crate::domain::weeks::PlanCoverage) -> String {
    use crate::domain::weeks::PlanCoverage;
    match coverage {
        PlanCoverage::StartsOn(from) => t_args(coverage.message_id(), &[("date", day(from))]),
        PlanCoverage::UnderMinimumFrom { from, minimum } => t_args(
            coverage.message_id(),
            &[("date", day(from)), ("minimum", hm(minimum))],
        ),
        PlanCoverage::Covered | PlanCoverage::NoPlan => t(coverage.message_id()),
    }
}

/// Active participants without a plan that covers them from today on (no plan yet, a plan that
/// starts later, a plan that falls under the minimum on a decided day): the coordinator's start
/// page and compliance report, the mentor's start page. A register can still be taken for them.
#[component]
pub fn PlanGapsSection() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_plan_gaps());
    plan_gaps_section(
        view! {
            <Suspense fallback=Loading>
                {move || Suspend::new(async move { plan_gaps_body(data.await) })}
            </Suspense>
        }
        .into_any(),
    )
}

/// The plan gaps' section around `body`.
pub fn plan_gaps_section(body: AnyView) -> impl IntoView {
    view! {
        <section aria-labelledby="gaps-h" data-test="plan-gaps">
            <h2 id="gaps-h">{t("coverage-heading")}</h2>
            {body}
        </section>
    }
}

/// The plan gaps' table, or what went wrong.
pub fn plan_gaps_body(data: Result<Vec<crate::dto::PlanGap>, AppError>) -> AnyView {
    match data {
        Ok(list) if list.is_empty() => view! { <p>{t("coverage-none")}</p> }.into_any(),
        Ok(list) => {
            let count = list.len();
            let rows = list.into_iter().map(|g| {
                let href = format!("/participants/{}#hours", g.id);
                view! {
                    <tr data-test=format!("gap-row-{}", g.participant_ref)>
                        <th scope="row"><A href=href>{g.name}</A><span class="cell-sub">{g.participant_ref.clone()}</span></th>
                        <td>{g.school}</td>
                        <td>{g.mentor.unwrap_or_else(|| "–".to_owned())}</td>
                        <td>{coverage_text(g.coverage)}</td>
                    </tr>
                }
            }).collect_view();
            view! {
                <p>{t_args("coverage-count", &[("count", count.to_string())])}</p>
                <table class="list">
                    <caption class="visually-hidden">{t("coverage-heading")}</caption>
                    <thead><tr>
                        <th scope="col">{t("field-participant")}</th>
                        <th scope="col">{t("field-school")}</th>
                        <th scope="col">{t("field-mentor")}</th>
                        <th scope="col">{t("coverage-why")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        }
        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
    }
}

fn share_text(line: &ComplianceLine) -> String {
    line.share_met
        .map(|p| {
            t_args(
                "percent-tenths",
                &[
                    ("whole", (p / 10).to_string()),
                    ("tenth", (p % 10).to_string()),
                ],
            )
        })
        .unwrap_or_else(|| "–".to_owned())
}

/// `/compliance?from=…&to=…&by_gender=true`: share of participant-weeks met per district and
/// school (coordinators).
#[component]
pub fn CompliancePage() -> impl IntoView {
    let query = use_query_map();
    let args = Memo::new(move |_| {
        let q = query.read();
        (
            q.get("from").unwrap_or_default(),
            q.get("to").unwrap_or_default(),
            q.get("by_gender").is_some_and(|v| v == "true" || v == "on"),
        )
    });
    let data = Resource::new(
        move || args.get(),
        |(f, t, g)| get_compliance_report(f, t, g),
    );
    view! {
        <Title text=t("compliance-title") />
        <h1>{t("compliance-title")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let r = match data.await {
                    Ok(r) => r,
                    Err(AppError::Invalid(p)) => return view! { <ErrorNotice error=AppError::Invalid(p) /> <p><a href="/compliance">{t("back")}</a></p> }.into_any(),
                    Err(e) => return failed(e),
                };
                let csv = format!("/export/compliance.csv?from={}&to={}", r.from, r.to);
                let by_gender = r.by_gender;
                let rows = r.lines.iter().map(|l| {
                    let name = if l.district.is_empty() {
                        t("compliance-total")
                    } else if l.school.is_empty() {
                        l.district.clone()
                    } else {
                        format!("– {}", l.school)
                    };
                    let class = if l.school.is_empty() { "row-sum" } else { "" };
                    let gender = l.gender.map(|g| t(&format!("gender-{}", g.as_str())));
                    view! {
                        <tr class=class>
                            <th scope="row">{name}</th>
                            {by_gender.then(|| view! { <td>{gender.clone()}</td> })}
                            <td>{l.participants}</td>
                            <td>{l.met}</td>
                            <td>{l.short}</td>
                            <td>{l.excused}</td>
                            <td data-test="share">{share_text(l)}</td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    <form method="get" action="/compliance" class="row-fields" data-test="compliance-range">
                        <Field name="from" label="field-from_week" value=r.from.to_string() hint="week-hint" problem=Signal::derive(|| None::<String>) />
                        <Field name="to" label="field-to_week" value=r.to.to_string() problem=Signal::derive(|| None::<String>) />
                        <div class="field check">
                            <input type="checkbox" id="by_gender" name="by_gender" value="true" checked=by_gender />
                            <label for="by_gender">{t("compliance-by-gender")}</label>
                        </div>
                        <button type="submit" class="button-secondary">{t("compliance-show")}</button>
                    </form>
                    <p class="hint">{t("compliance-hint")}</p>
                    <div class="table-wrap">
                        <table class="list" data-test="compliance-table">
                            <caption>{t_args("compliance-caption", &[("from", r.from.to_string()), ("to", r.to.to_string())])}</caption>
                            <thead><tr>
                                <th scope="col">{t("compliance-unit")}</th>
                                {by_gender.then(|| view! { <th scope="col">{t("field-gender")}</th> })}
                                <th scope="col">{t("compliance-participants")}</th>
                                <th scope="col">{t("week-status-met")}</th>
                                <th scope="col">{t("week-status-short")}</th>
                                <th scope="col">{t("week-status-excused")}</th>
                                <th scope="col">{t("compliance-share")}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <p><a href=csv download="compliance.csv" data-test="export-compliance">{t("export-compliance")}</a></p>
                }.into_any()
            })}
        </Suspense>
        <PlanGapsSection />
    }
}
