//! The indicators page's second half (server components only): the chart of the main figures by
//! gender, the city's targets each against its goal, the weekly minimum, and the median change
//! of self-assessed level per skill, all and by gender.

use leptos::prelude::*;

use crate::domain::cefr::Skill;
use crate::domain::indicators::format_share;
use crate::domain::targets::{format_step_tenths, Target, TargetFigures};
use crate::dto::IndicatorTargetsPage;
use crate::ui::{t, t_args};

fn share(tenths: Option<u32>) -> String {
    let s = format_share(tenths);
    if s.is_empty() {
        "–".to_owned()
    } else {
        format!("{s} %")
    }
}

fn label(f: &TargetFigures) -> String {
    match f.group.as_str() {
        "all" => t("indicators-all"),
        _ => t(&format!("gender-{}", f.value)),
    }
}

/// All and the genders, the rows the page shows.
fn by_gender(page: &IndicatorTargetsPage) -> Vec<TargetFigures> {
    page.figures
        .iter()
        .filter(|f| f.group == "all" || f.group == "gender")
        .cloned()
        .collect()
}

/// The chart of the main figures by gender, next to the table of the same figures.
pub fn chart_view(page: &IndicatorTargetsPage) -> impl IntoView {
    view! {
        <figure class="chart-box indicators-chart" data-test="indicators-chart">
            <div inner_html=page.chart_svg.clone()></div>
            <figcaption class="hint">{t("indicators-chart-caption")}</figcaption>
        </figure>
    }
}

fn verdict(f: &TargetFigures, target: Target) -> impl IntoView {
    match f.target(target).meets(target) {
        Some(true) => view! { <strong class="target-met">{t("target-met")}</strong> }.into_any(),
        Some(false) => {
            view! { <strong class="target-missed">{t("target-not-met")}</strong> }.into_any()
        }
        None => view! { <span class="hint">{t("target-not-judged")}</span> }.into_any(),
    }
}

fn target_table(target: Target, rows: &[TargetFigures]) -> impl IntoView {
    let name = target.as_str();
    let goal = (target.goal() / 10).to_string();
    let all_judged = rows.first().map_or(0, |f| f.target(target).judged);
    let counted = t_args(
        "target-counted-among",
        &[
            ("count", all_judged.to_string()),
            ("months", target.months().to_string()),
        ],
    );
    let body = rows
        .iter()
        .map(|f| {
            let tally = f.target(target);
            view! {
                <tr data-test=format!("target-{name}-{}", f.value)>
                    <th scope="row">{label(f)}</th>
                    <td>{tally.reached}</td>
                    <td>{tally.judged}</td>
                    <td>{share(tally.share())}</td>
                    <td>{verdict(f, target)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="list numbers" data-test=format!("target-{name}")>
            <caption>
                {t_args(&format!("target-{name}-caption"), &[("goal", goal)])}
            </caption>
            <thead><tr>
                <th scope="col"><span class="visually-hidden">{t("indicators-group")}</span></th>
                <th scope="col">{t("target-col-reached")}</th>
                <th scope="col">{t_args("target-col-judged-months", &[("months", target.months().to_string())])}</th>
                <th scope="col">{t("target-col-share")}</th>
                <th scope="col">{t("target-col-met")}</th>
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
        <p class="hint" data-test=format!("target-{name}-counted")>{counted}</p>
    }
}

fn weeks_table(rows: &[TargetFigures]) -> impl IntoView {
    let body = rows
        .iter()
        .map(|f| {
            view! {
                <tr data-test=format!("weeks-{}", f.value)>
                    <th scope="row">{label(f)}</th>
                    <td>{f.weeks.met}</td>
                    <td>{f.weeks.short}</td>
                    <td>{f.weeks.excused}</td>
                    <td>{share(f.weeks_met_share())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="list numbers" data-test="indicators-weeks">
            <caption>{t("weeks-caption")}</caption>
            <thead><tr>
                <th scope="col"><span class="visually-hidden">{t("indicators-group")}</span></th>
                <th scope="col">{t("weeks-col-met")}</th>
                <th scope="col">{t("weeks-col-short")}</th>
                <th scope="col">{t("weeks-col-excused")}</th>
                <th scope="col">{t("weeks-col-share")}</th>
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
        <p class="hint">{t("weeks-explained")}</p>
    }
}

fn levels_table(rows: &[TargetFigures]) -> impl IntoView {
    let head = Skill::ALL
        .iter()
        .map(|s| view! { <th scope="col">{t(&format!("skill-{}", s.as_str()))}</th> })
        .collect_view();
    let body = rows
        .iter()
        .map(|f| {
            let cells = f
                .skills
                .iter()
                .map(|m| {
                    let median = m
                        .median_tenths
                        .map_or_else(|| "–".to_owned(), format_step_tenths);
                    let n = t_args(
                        "levels-resting-on",
                        &[("count", m.participants.to_string())],
                    );
                    view! { <td>{median}<br /><span class="hint">{n}</span></td> }
                })
                .collect_view();
            view! {
                <tr data-test=format!("levels-{}", f.value)>
                    <th scope="row">{label(f)}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="list numbers" data-test="indicators-levels">
            <caption>{t("levels-caption")}</caption>
            <thead><tr>
                <th scope="col"><span class="visually-hidden">{t("indicators-group")}</span></th>
                {head}
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
        <p class="hint">{t("levels-explained")}</p>
    }
}

/// The targets, the weekly minimum and the self-assessed levels, all and by gender.
pub fn targets_view(page: &IndicatorTargetsPage) -> impl IntoView {
    let rows = by_gender(page);
    let judged_on = t_args("targets-judged-on", &[("date", crate::ui::day(page.today))]);
    let tables = Target::ALL
        .iter()
        .map(|&target| target_table(target, &rows))
        .collect_view();
    view! {
        <section class="indicators-targets" aria-labelledby="targets-h" data-test="indicators-targets">
            <h2 id="targets-h">{t("targets-heading")}</h2>
            <p class="hint">{judged_on}</p>
            {tables}
        </section>
        <section aria-labelledby="weeks-h">
            <h2 id="weeks-h">{t("weeks-heading")}</h2>
            {weeks_table(&rows)}
        </section>
        <section aria-labelledby="levels-h">
            <h2 id="levels-h">{t("levels-heading")}</h2>
            {levels_table(&rows)}
        </section>
    }
}
