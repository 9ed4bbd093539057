//! Pages of the language ladder: the ladder section of a participant's page (charts, notes,
//! data tables), the mentor's dashboard and the printable language passport.

use super::islands::PrintButton;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{get_dashboard, get_ladder, get_passport, Dashboard, LadderView};
use crate::domain::cefr::{CefrLevel, Skill};
use crate::domain::ids::ParticipantId;
use crate::domain::ladder::DashboardSort;
use crate::error::AppError;
use crate::ui::components::failed;
use crate::ui::components::{ErrorNotice, Loading};
use crate::ui::{day, hm, t, t_args};

fn skill_name(s: Skill) -> String {
    t(&format!("skill-{}", s.as_str()))
}

fn ladder_body(v: LadderView, participant: ParticipantId, own: bool) -> impl IntoView {
    let skills = Skill::ALL
        .iter()
        .map(|&s| view! { <th scope="col">{skill_name(s)}</th> })
        .collect_view();
    let assessment_rows = v
        .assessments
        .iter()
        .map(|a| {
            let cells = a
                .levels
                .iter()
                .map(|l| view! { <td>{if l.is_empty() { t("elp-not-assessed") } else { l.clone() }}</td> })
                .collect_view();
            view! { <tr><th scope="row">{a.date.clone()}</th><td>{t(&format!("occasion-{}", a.occasion))}</td>{cells}</tr> }
        })
        .collect_view();
    let sfi_rows = v
        .sfi
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{day(r.date)}</th>
                    <td>{t(&format!("occasion-{}", r.occasion.as_str()))}</td>
                    <td>{r.course.to_string()}</td>
                    <td>{r.grade.to_string()}</td>
                    <td>{r.guide.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let week_rows = v
        .weeks
        .iter()
        .map(|w| {
            view! {
                <tr>
                    <th scope="row">{w.week.to_string()}</th>
                    <td>{hm(w.teaching)}</td>
                    <td>{hm(w.self_study)}</td>
                    <td>{hm(w.required)}</td>
                    <td>{t(&format!("week-status-{}", w.state()))}</td>
                </tr>
            }
        })
        .collect_view();
    let notes = (!v.notes.is_empty()).then(|| {
        let items = v
            .notes
            .iter()
            .map(|n| view! { <li>{n.clone()}</li> })
            .collect_view();
        view! {
            <div class="notice notice-talk" role="note" data-test="ladder-notes">
                <p>{t("ladder-notes-heading")}</p>
                <ul>{items}</ul>
            </div>
        }
    });
    let passport = if own {
        "/me/passport".to_owned()
    } else {
        format!("/participants/{participant}/passport")
    };
    let no_assessments = v.assessments.is_empty();
    let no_sfi = v.sfi.is_empty();
    view! {
        {notes}
        <figure class="chart-figure" data-test="ladder-chart">
            <div class="chart-box" inner_html=v.ladder_svg.clone()></div>
            <figcaption class="hint">{t("ladder-caption")}</figcaption>
        </figure>
        <details class="chart-data">
            <summary>{t("ladder-data")}</summary>
            {if no_assessments {
                view! { <p>{t("elp-none")}</p> }.into_any()
            } else {
                view! {
                    <table class="list">
                        <caption>{t("ladder-data-assessments")}</caption>
                        <thead><tr><th scope="col">{t("field-date")}</th><th scope="col">{t("field-occasion")}</th>{skills}</tr></thead>
                        <tbody>{assessment_rows}</tbody>
                    </table>
                }.into_any()
            }}
            {if no_sfi {
                view! { <p>{t("sfi-none-short")}</p> }.into_any()
            } else {
                view! {
                    <table class="list">
                        <caption>{t("ladder-data-sfi")}</caption>
                        <thead><tr>
                            <th scope="col">{t("field-date")}</th>
                            <th scope="col">{t("field-occasion")}</th>
                            <th scope="col">{t("field-course")}</th>
                            <th scope="col">{t("field-grade")}</th>
                            <th scope="col">{t("ladder-guide")}</th>
                        </tr></thead>
                        <tbody>{sfi_rows}</tbody>
                    </table>
                }.into_any()
            }}
        </details>
        <h3>{t("weekly-chart-title")}</h3>
        <figure class="chart-figure" data-test="weekly-chart">
            <div class="chart-box" inner_html=v.weekly_svg.clone()></div>
        </figure>
        <details class="chart-data">
            <summary>{t("weekly-chart-data")}</summary>
            <table class="list">
                <caption>{t("weekly-chart-title")}</caption>
                <thead><tr>
                    <th scope="col">{t("week")}</th>
                    <th scope="col">{t("kind-teaching")}</th>
                    <th scope="col">{t("kind-self_study")}</th>
                    <th scope="col">{t("weekly-chart-required")}</th>
                    <th scope="col">{t("field-status")}</th>
                </tr></thead>
                <tbody>{week_rows}</tbody>
            </table>
        </details>
        <p><A href=passport attr:class="button-secondary" attr:data-test="passport-link">{t("passport-open")}</A></p>
    }
}

/// The ladder of a participant: ladder chart, notes, weekly-hours chart, data tables, passport
/// link. `own` is true on the participant's own page (`/me`).
#[component]
pub fn LadderSection(
    /// Whose.
    participant: ParticipantId,
    /// On `/me`.
    #[prop(optional)]
    own: bool,
) -> impl IntoView {
    let data = Resource::new(move || participant, get_ladder);
    view! {
        <section aria-labelledby="ladder-h" data-test="ladder">
            <h2 id="ladder-h">{t("ladder-heading")}</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(v) => ladder_body(v, participant, own).into_any(),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

fn sort_link(current: &str, sort: DashboardSort, label: String) -> impl IntoView {
    let active = current == sort.as_str();
    let href = format!("/?sort={}", sort.as_str());
    let aria = active.then_some("ascending");
    view! {
        <th scope="col" aria-sort=aria>
            <a href=href aria-current=active.then_some("true")>{label}</a>
        </th>
    }
}

/// The mentor's dashboard: their participants with sparkline, level per skill and change,
/// latest SFI result, short weeks, next date; sortable by plain links.
#[component]
pub fn MentorDashboard() -> impl IntoView {
    let query = use_query_map();
    let sort = Memo::new(move |_| query.read().get("sort").unwrap_or_default());
    let data = Resource::new(move || sort.get(), get_dashboard);
    dashboard_section(
        view! {
            <Suspense fallback=Loading>
                {move || Suspend::new(async move { dashboard_body(data.await) })}
            </Suspense>
        }
        .into_any(),
    )
}

/// The dashboard's section around `body`.
pub fn dashboard_section(body: AnyView) -> impl IntoView {
    view! {
        <section aria-labelledby="dash-h" data-test="dashboard">
            <h2 id="dash-h">{t("dashboard-heading")}</h2>
            {body}
        </section>
    }
}

/// The dashboard's table, or what went wrong.
pub fn dashboard_body(data: Result<Dashboard, AppError>) -> AnyView {
    match data {
        Ok(d) => dashboard_table(d).into_any(),
        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
    }
}

fn dashboard_table(d: Dashboard) -> impl IntoView {
    if d.rows.is_empty() {
        return view! { <p>{t("home-mentor-empty")}</p> }.into_any();
    }
    let rows = d
        .rows
        .into_iter()
        .map(|r| {
            let href = format!("/participants/{}", r.id);
            let levels = Skill::ALL
                .iter()
                .zip(r.levels.iter().zip(r.changes.iter()))
                .map(|(&s, (level, change))| {
                    let text = if level.is_empty() { t("elp-not-assessed") } else { level.clone() };
                    let change = (!change.is_empty() && change != "0")
                        .then(|| view! { <span class="change">" ("{change.clone()}")"</span> });
                    view! { <li><span class="skill">{skill_name(s)}</span>" "{text}{change}</li> }
                })
                .collect_view();
            view! {
                <tr data-test=format!("dash-row-{}", r.participant_ref)>
                    <th scope="row">
                        <A href=href>{r.name.clone()}</A><span class="cell-sub">{r.participant_ref.clone()}</span>
                        {r.tablet_locked_until.map(|until| view! {
                            <span class="badge warn" data-test="tablet-locked">{t_args("dashboard-tablet-locked", &[("time", until.format("%H:%M").to_string())])}</span>
                        })}
                    </th>
                    <td class="spark" inner_html=r.sparkline_svg.clone()></td>
                    <td><ul class="plain levels">{levels}</ul></td>
                    <td>{r.latest_sfi.clone().unwrap_or_else(|| "–".to_owned())}</td>
                    <td>{r.short_weeks}</td>
                    <td data-test="dash-next">
                        {day(r.next.date)}
                        <span class="cell-sub">{t(match r.next.kind {
                            crate::domain::talk::NextKind::Talk => "dashboard-next-talk",
                            crate::domain::talk::NextKind::PlannedEnd => "dashboard-next-end",
                        })}</span>
                        {r.next.overdue_since.map(|d| view! {
                            <span class="badge warn" data-test="dash-overdue">{t_args("dashboard-talk-overdue", &[("date", day(d))])}</span>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let s = d.sort.clone();
    view! {
        <div class="table-wrap">
            <table class="list dashboard" data-test="mentor-participants">
                <caption class="visually-hidden">{t("dashboard-heading")}</caption>
                <thead><tr>
                    {sort_link(&s, DashboardSort::Name, t("field-participant"))}
                    <th scope="col">{t("dashboard-ladder")}</th>
                    {sort_link(&s, DashboardSort::Level, t("dashboard-levels"))}
                    <th scope="col">{t("dashboard-latest-sfi")}</th>
                    {sort_link(&s, DashboardSort::ShortWeeks, t("dashboard-short-weeks"))}
                    {sort_link(&s, DashboardSort::Next, t("dashboard-next"))}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The passport of `participant` (None: the signed-in participant, `/me/passport`).
#[component]
fn PassportView(participant: Option<ParticipantId>) -> impl IntoView {
    let data = Resource::new(move || participant, get_passport);
    view! {
        <Title text=t("passport-title") />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let p = match data.await {
                    Ok(p) => p,
                    Err(AppError::NotSignedIn) if participant.is_none() => return view! { <leptos_router::components::Redirect path="/tablet" /> }.into_any(),
                    Err(e) => return failed(e),
                };
                let heads = CefrLevel::ALL.iter().map(|l| view! { <th scope="col">{l.label()}</th> }).collect_view();
                let rows = Skill::ALL.iter().zip(p.levels).map(|(&s, level)| {
                    let cells = CefrLevel::ALL.iter().map(|l| {
                        let reached = level.is_some_and(|v| l.step() <= v);
                        let current = level == Some(l.step());
                        view! {
                            <td class:reached=reached class:current=current>
                                {current.then(|| view! { <span aria-hidden="true">"●"</span><span class="visually-hidden">{t("passport-current")}</span> })}
                            </td>
                        }
                    }).collect_view();
                    let level_text = level
                        .and_then(|v| CefrLevel::ALL.get(usize::from(v)))
                        .map(|l| l.label().to_owned())
                        .unwrap_or_else(|| t("elp-not-assessed"));
                    view! { <tr><th scope="row">{skill_name(s)}</th>{cells}<td class="level-text">{level_text}</td></tr> }
                }).collect_view();
                let period = match p.end_date {
                    Some(end) => format!("{} – {}", day(p.start_date), day(end)),
                    None => format!("{} –", day(p.start_date)),
                };
                let sfi = p.latest_sfi.map(|(course, grade, date)| t_args("passport-sfi", &[("course", course.to_string()), ("grade", grade.to_string()), ("date", day(date))])).unwrap_or_else(|| t("sfi-none-short"));
                let assessed = p.assessed_on.map(|d| t_args("passport-assessed-on", &[("date", day(d))])).unwrap_or_else(|| t("elp-none"));
                view! {
                    <article class="passport" data-test="passport">
                        <h1>{t("passport-title")}</h1>
                        <dl class="facts">
                            <div><dt>{t("field-name")}</dt><dd data-test="passport-name">{p.name.clone()}</dd></div>
                            <div><dt>{t("field-participant_ref")}</dt><dd>{p.participant_ref.clone()}</dd></div>
                            <div><dt>{t("passport-programme")}</dt><dd>{t("passport-programme-name")}</dd></div>
                            <div><dt>{t("field-school")}</dt><dd>{format!("{}, {}", p.school, p.district)}</dd></div>
                            <div><dt>{t("passport-period")}</dt><dd>{period}</dd></div>
                            <div><dt>{t("passport-date")}</dt><dd>{day(p.today)}</dd></div>
                        </dl>
                        <h2>{t("passport-levels")}</h2>
                        <p class="hint">{assessed}</p>
                        <table class="passport-grid" data-test="passport-grid">
                            <caption class="visually-hidden">{t("passport-levels")}</caption>
                            <thead><tr><th scope="col">{t("passport-skill")}</th>{heads}<th scope="col">{t("passport-level")}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                        <h2>{t("passport-sfi-heading")}</h2>
                        <p data-test="passport-sfi">{sfi}</p>
                        <p class="hint">{t("passport-guide-note")}</p>
                        {p.work_step.clone().map(|(name, date)| view! {
                            <h2>{t("ladder-work")}</h2>
                            <p data-test="passport-work-step">{t_args("passport-work-step", &[("step", name), ("date", day(date))])}</p>
                        })}
                        <div class="signatures">
                            <div><span class="line"></span><span>{t("passport-sign-participant")}</span></div>
                            <div><span class="line"></span><span>{t("passport-sign-mentor")}</span></div>
                            <div><span class="line"></span><span>{t("passport-sign-coordinator")}</span></div>
                        </div>
                        <p class="no-print"><PrintButton label=t("passport-print") /></p>
                    </article>
                }.into_any()
            })}
        </Suspense>
    }
}

/// `/participants/:id/passport`.
#[component]
pub fn PassportPage() -> impl IntoView {
    let params = use_params_map();
    let id = params
        .read_untracked()
        .get("id")
        .and_then(|v| v.parse().ok())
        .map(ParticipantId);
    match id {
        Some(id) => view! { <PassportView participant=Some(id) /> }.into_any(),
        None => failed(AppError::NotFound),
    }
}

/// `/me/passport`: the participant's own passport on the tablet.
#[component]
pub fn MyPassportPage() -> impl IntoView {
    view! {
        <crate::auth::pages::IdleSignOut />
        <PassportView participant=None />
    }
}
