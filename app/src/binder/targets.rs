//! The city's targets, the weekly minimum, the self-assessed levels and the chart of the main
//! figures by gender (server only): the figures of the participants who started in a range.

use chrono::NaiveDate;

use crate::charts::bars::{bars_svg, BarSeries, BarsText};
use crate::db::{self, Db};
use crate::domain::indicators::IndicatorRow;
use crate::domain::targets::{target_figures, TargetFigures};
use crate::dto::IndicatorTargetsPage;
use crate::error::AppError;
use crate::i18n::{translate, Locale};

/// The counts the chart shows, with their message ids.
const CHART_FIGURES: [&str; 6] = [
    "enrolled",
    "completed",
    "left_early",
    "in_work",
    "in_education",
    "self_sufficient",
];

fn chart_value(row: &IndicatorRow, figure: &str) -> u32 {
    let t = &row.tally;
    match figure {
        "enrolled" => t.enrolled,
        "completed" => t.completed,
        "left_early" => t.left_early,
        "in_work" => t.in_work,
        "in_education" => t.in_education,
        _ => t.self_sufficient,
    }
}

/// The main figures by gender as an accessible chart; its description says every number.
pub fn gender_chart(rows: &[IndicatorRow], locale: Locale) -> String {
    let tr = |id: &str| translate(locale, id, &[]);
    let categories: Vec<String> = CHART_FIGURES
        .iter()
        .map(|f| tr(&format!("indicators-{f}")))
        .collect();
    let series: Vec<BarSeries> = rows
        .iter()
        .filter(|r| r.group == "gender")
        .map(|r| BarSeries {
            label: tr(&format!("gender-{}", r.value)),
            values: CHART_FIGURES.iter().map(|f| chart_value(r, f)).collect(),
        })
        .collect();
    let said: Vec<String> = series
        .iter()
        .map(|s| {
            let figures: Vec<String> = categories
                .iter()
                .zip(&s.values)
                .map(|(c, v)| format!("{c} {v}"))
                .collect();
            format!("{}: {}", s.label, figures.join(", "))
        })
        .collect();
    let text = BarsText {
        title: tr("indicators-chart-title"),
        desc: format!("{} {}", tr("indicators-chart-desc"), said.join("; ")),
        categories,
        empty: tr("indicators-chart-empty"),
    };
    bars_svg(&series, &text, "indicators-chart")
}

/// The counts of the `indicators` export and the targets' figures for start dates in
/// `from`–`to`, judged on `today`.
pub async fn figures(
    db: &Db,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
    place: &crate::domain::indicators::Place,
) -> Result<(Vec<IndicatorRow>, Vec<TargetFigures>), AppError> {
    let rows = crate::import::indicators::rows(db, from, to, place).await?;
    let mut people = db::followed::followed(db, from, to, today).await?;
    people.retain(|p| place.includes(&p.district, &p.school));
    Ok((rows, target_figures(&people, today)))
}

/// The page's second half for the range typed into the filter.
pub async fn targets(
    db: &Db,
    from: &str,
    to: &str,
    today: NaiveDate,
    locale: Locale,
    place: &str,
) -> Result<IndicatorTargetsPage, AppError> {
    let (from, to) = super::service::start_range(from, to)?;
    let place = super::service::place(place)?;
    let (rows, figures) = figures(db, from, to, today, &place).await?;
    Ok(IndicatorTargetsPage {
        from,
        to,
        today,
        figures,
        chart_svg: gender_chart(&rows, locale),
    })
}
