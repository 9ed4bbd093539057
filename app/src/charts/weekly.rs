//! Weekly hours: per week, a dark bar of taught minutes and a light bar of self-study, the
//! required minutes as a line, and short weeks marked with "!" above their bars.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{accessible, GRID, INK, PALETTE};

/// One week of the chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekBar {
    /// Label under the bars, e.g. "W9".
    pub label: String,
    /// Taught minutes.
    pub teaching: u32,
    /// Self-study minutes.
    pub self_study: u32,
    /// Required minutes of each kind.
    pub required: u32,
    /// The week fell short.
    pub short: bool,
}

/// The translated texts of the chart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WeeklyText {
    /// Title.
    pub title: String,
    /// Description.
    pub desc: String,
    /// Legend: taught.
    pub teaching: String,
    /// Legend: self-study.
    pub self_study: String,
    /// Legend: required.
    pub required: String,
    /// Legend: short week.
    pub short: String,
    /// Unit of the axis, e.g. "h".
    pub hours: String,
    /// Shown when there are no weeks.
    pub empty: String,
}

/// Width and height in SVG units.
pub const WEEKLY_SIZE: (u32, u32) = (760, 320);

const FONT: &str = "sans-serif";

/// The weekly-hours chart as an accessible SVG (`id` unique on the page).
pub fn weekly_svg(weeks: &[WeekBar], text: &WeeklyText, id: &str) -> String {
    let svg = draw(weeks, text).unwrap_or_else(|e| {
        format!(
            "<svg width=\"760\" height=\"40\" viewBox=\"0 0 760 40\" xmlns=\"http://www.w3.org/2000/svg\"><text x=\"10\" y=\"20\">{}</text></svg>",
            super::escape(&e)
        )
    });
    accessible(&svg, id, &text.title, &text.desc)
}

fn draw(weeks: &[WeekBar], text: &WeeklyText) -> Result<String, String> {
    let err = |e: DrawingAreaErrorKind<std::io::Error>| e.to_string();
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, WEEKLY_SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        // The legend sits beside the bars, never over them.
        let (plot, legend) = root.split_horizontally(WEEKLY_SIZE.0 - 150);
        let n = weeks.len().max(1) as f64;
        let top = weeks
            .iter()
            .map(|w| w.teaching.max(w.self_study).max(w.required))
            .max()
            .unwrap_or(300)
            .max(300);
        // Hours, rounded up to a whole hour, with room for the "!" marks.
        let y_max = (f64::from(top) / 60.0).ceil() + 1.0;
        let hours = text.hours.clone();
        let mut chart = ChartBuilder::on(&plot)
            .margin(12)
            .margin_top(40)
            .x_label_area_size(30)
            .y_label_area_size(48)
            .build_cartesian_2d(0f64..n, 0f64..y_max)
            .map_err(err)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(y_max as usize + 1)
            .y_label_formatter(&|y| format!("{y:.0} {hours}"))
            .light_line_style(GRID.mix(0.0))
            .bold_line_style(GRID.stroke_width(1))
            .label_style((FONT, 17).into_font().color(&INK))
            .axis_style(INK.stroke_width(1))
            .draw()
            .map_err(err)?;
        if weeks.is_empty() {
            chart
                .draw_series(std::iter::once(Text::new(
                    text.empty.clone(),
                    (n / 2.0, y_max / 2.0),
                    (FONT, 22)
                        .into_font()
                        .color(&INK)
                        .pos(Pos::new(HPos::Center, VPos::Center)),
                )))
                .map_err(err)?;
            root.present().map_err(err)?;
            drop(chart);
            drop(plot);
            drop(legend);
            drop(root);
            return Ok(buf);
        }
        let h = |m: u32| f64::from(m) / 60.0;
        let dark = PALETTE[0];
        let light = PALETTE[4];
        chart
            .draw_series(weeks.iter().enumerate().map(|(i, w)| {
                let x = i as f64;
                Rectangle::new([(x + 0.12, 0.0), (x + 0.48, h(w.teaching))], dark.filled())
            }))
            .map_err(err)?;
        chart
            .draw_series(weeks.iter().enumerate().flat_map(|(i, w)| {
                let x = i as f64;
                [
                    Rectangle::new(
                        [(x + 0.52, 0.0), (x + 0.88, h(w.self_study))],
                        light.filled(),
                    ),
                    Rectangle::new(
                        [(x + 0.52, 0.0), (x + 0.88, h(w.self_study))],
                        INK.stroke_width(1),
                    ),
                ]
            }))
            .map_err(err)?;
        // The required minutes as a step line.
        let steps: Vec<(f64, f64)> = weeks
            .iter()
            .enumerate()
            .flat_map(|(i, w)| [(i as f64, h(w.required)), (i as f64 + 1.0, h(w.required))])
            .collect();
        chart
            .draw_series(LineSeries::new(steps, INK.stroke_width(3)))
            .map_err(err)?;
        // Short weeks: "!" above the bars, in the second colour and bold.
        let marks: Vec<_> = weeks
            .iter()
            .enumerate()
            .filter(|(_, w)| w.short)
            .map(|(i, w)| {
                let y = h(w.teaching.max(w.self_study).max(w.required));
                Text::new(
                    "!".to_owned(),
                    (i as f64 + 0.5, y + 0.15),
                    (FONT, 24)
                        .into_font()
                        .style(FontStyle::Bold)
                        .color(&PALETTE[1])
                        .pos(Pos::new(HPos::Center, VPos::Bottom)),
                )
            })
            .collect();
        let any_short = !marks.is_empty();
        chart.draw_series(marks).map_err(err)?;
        // Week labels under the bars: every week if they fit, else every k-th.
        let every = weeks.len().div_ceil(16).max(1);
        chart
            .draw_series(
                weeks
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % every == 0)
                    .map(|(i, w)| {
                        Text::new(
                            w.label.clone(),
                            (i as f64 + 0.5, 0.0),
                            (FONT, 16)
                                .into_font()
                                .color(&INK)
                                .pos(Pos::new(HPos::Center, VPos::Top)),
                        )
                    }),
            )
            .map_err(err)?;
        // The legend: swatch, then the label.
        let label = |s: &str, y: i32| {
            Text::new(
                s.to_owned(),
                (36, y),
                (FONT, 16)
                    .into_font()
                    .color(&INK)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            )
        };
        legend
            .draw(&Rectangle::new([(12, 42), (28, 58)], dark.filled()))
            .map_err(err)?;
        legend.draw(&label(&text.teaching, 50)).map_err(err)?;
        legend
            .draw(&Rectangle::new([(12, 72), (28, 88)], light.filled()))
            .map_err(err)?;
        legend
            .draw(&Rectangle::new([(12, 72), (28, 88)], INK.stroke_width(1)))
            .map_err(err)?;
        legend.draw(&label(&text.self_study, 80)).map_err(err)?;
        legend
            .draw(&PathElement::new(
                vec![(10, 110), (30, 110)],
                INK.stroke_width(3),
            ))
            .map_err(err)?;
        legend.draw(&label(&text.required, 110)).map_err(err)?;
        if any_short {
            legend
                .draw(&Text::new(
                    "!".to_owned(),
                    (20, 140),
                    (FONT, 24)
                        .into_font()
                        .style(FontStyle::Bold)
                        .color(&PALETTE[1])
                        .pos(Pos::new(HPos::Center, VPos::Center)),
                ))
                .map_err(err)?;
            legend.draw(&label(&text.short, 140)).map_err(err)?;
        }
        root.present().map_err(err)?;
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> WeeklyText {
        WeeklyText {
            title: "Weekly hours".into(),
            desc: "Taught and self-study minutes per week".into(),
            teaching: "Teaching".into(),
            self_study: "Self-study".into(),
            required: "Required".into(),
            short: "Short week".into(),
            hours: "h".into(),
            empty: "No weeks yet.".into(),
        }
    }

    fn week(label: &str, teaching: u32, self_study: u32, short: bool) -> WeekBar {
        WeekBar {
            label: label.into(),
            teaching,
            self_study,
            required: 300,
            short,
        }
    }

    fn has(svg: &str, text: &str) -> bool {
        super::super::texts(svg).iter().any(|t| t == text)
    }

    #[test]
    fn bars_the_required_line_and_short_weeks_are_drawn() {
        let weeks = [
            week("W1", 300, 300, false),
            week("W2", 300, 200, true),
            week("W3", 360, 300, false),
        ];
        let svg = weekly_svg(&weeks, &text(), "w");
        assert!(svg.contains("<title id=\"w-title\">Weekly hours</title>"));
        // Three teaching bars, three self-study bars (fill and outline) and the legend's.
        assert!(svg.matches("<rect").count() >= 3 + 6);
        assert!(has(&svg, "W1") && has(&svg, "W3"));
        assert_eq!(
            super::super::texts(&svg)
                .iter()
                .filter(|t| *t == "!")
                .count(),
            2,
            "one short week and its legend"
        );
        assert!(has(&svg, "Required") && has(&svg, "Short week"));
        assert!(svg.contains("<polyline"), "the required line");
    }

    #[test]
    fn no_weeks_gives_a_helpful_empty_chart() {
        let svg = weekly_svg(&[], &text(), "e");
        assert!(has(&svg, "No weeks yet."));
        assert!(svg.contains("role=\"img\""));
    }

    #[test]
    fn many_weeks_label_every_kth() {
        let weeks: Vec<WeekBar> = (1..=40)
            .map(|i| week(&format!("W{i}"), 300, 300, false))
            .collect();
        let svg = weekly_svg(&weeks, &text(), "m");
        assert!(has(&svg, "W1") && !has(&svg, "W2"));
        assert!(!has(&svg, "!"), "no short week, no mark");
    }
}
