//! Grouped bars: per category (enrolled, completed, …) one bar per series (a gender), each
//! series in its own colour *and* its own fill pattern (solid, horizontal stripes, vertical
//! stripes, crossed stripes) with a dark outline and its count written above it, so that the
//! chart reads in greyscale print and without colour vision.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{accessible, GRID, INK, PALETTE};

/// One series: its label and a value per category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarSeries {
    /// Legend label, e.g. "Female".
    pub label: String,
    /// One value per category.
    pub values: Vec<u32>,
}

/// The translated texts of the chart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BarsText {
    /// Title.
    pub title: String,
    /// Description (the figures in words).
    pub desc: String,
    /// The categories under the bars.
    pub categories: Vec<String>,
    /// Shown when there is no series.
    pub empty: String,
}

/// Width and height in SVG units.
pub const BARS_SIZE: (u32, u32) = (760, 360);

const FONT: &str = "sans-serif";

/// Fill patterns, by series: none, horizontal, vertical, both.
const PATTERNS: [(bool, bool); 4] = [(false, false), (true, false), (false, true), (true, true)];

/// The grouped-bar chart as an accessible SVG (`id` unique on the page).
pub fn bars_svg(series: &[BarSeries], text: &BarsText, id: &str) -> String {
    let svg = draw(series, text).unwrap_or_else(|e| {
        format!(
            "<svg width=\"760\" height=\"40\" viewBox=\"0 0 760 40\" xmlns=\"http://www.w3.org/2000/svg\"><text x=\"10\" y=\"20\">{}</text></svg>",
            super::escape(&e)
        )
    });
    accessible(&svg, id, &text.title, &text.desc)
}

type Area<'a> = ChartContext<
    'a,
    SVGBackend<'a>,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// One bar with its pattern: fill, white stripes, outline.
fn bar(
    chart: &mut Area<'_>,
    (x0, x1): (f64, f64),
    top: f64,
    k: usize,
    y_max: f64,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<std::io::Error>| e.to_string();
    let colour = PALETTE[k % PALETTE.len()];
    chart
        .draw_series(std::iter::once(Rectangle::new(
            [(x0, 0.0), (x1, top)],
            colour.filled(),
        )))
        .map_err(err)?;
    let (horizontal, vertical) = PATTERNS[k % PATTERNS.len()];
    let white = WHITE.stroke_width(2);
    if horizontal {
        let step = y_max / 36.0;
        let lines = (1..)
            .map(|i| f64::from(i) * step)
            .take_while(|y| *y < top)
            .map(|y| PathElement::new(vec![(x0, y), (x1, y)], white));
        chart.draw_series(lines).map_err(err)?;
    }
    if vertical {
        let step = (x1 - x0) / 5.0;
        let lines = (1..5)
            .map(|i| x0 + f64::from(i) * step)
            .map(|x| PathElement::new(vec![(x, 0.0), (x, top)], white));
        chart.draw_series(lines).map_err(err)?;
    }
    chart
        .draw_series(std::iter::once(Rectangle::new(
            [(x0, 0.0), (x1, top)],
            INK.stroke_width(1),
        )))
        .map_err(err)?;
    Ok(())
}

fn draw(series: &[BarSeries], text: &BarsText) -> Result<String, String> {
    let err = |e: DrawingAreaErrorKind<std::io::Error>| e.to_string();
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, BARS_SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let (plot, legend) = root.split_horizontally(BARS_SIZE.0 - 150);
        let n = text.categories.len().max(1) as f64;
        let top = series
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .max()
            .unwrap_or(0)
            .max(1);
        // Room above the tallest bar for its count.
        let y_max = (f64::from(top) * 1.15).ceil().max(2.0);
        let mut chart = ChartBuilder::on(&plot)
            .margin(12)
            .margin_top(24)
            .x_label_area_size(48)
            .y_label_area_size(44)
            .build_cartesian_2d(0f64..n, 0f64..y_max)
            .map_err(err)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(6)
            .y_label_formatter(&|y| format!("{y:.0}"))
            .light_line_style(GRID.mix(0.0))
            .bold_line_style(GRID.stroke_width(1))
            .label_style((FONT, 16).into_font().color(&INK))
            .axis_style(INK.stroke_width(1))
            .draw()
            .map_err(err)?;
        let label_font = |size: i32, v: VPos| {
            (FONT, size)
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Center, v))
        };
        if series.is_empty() {
            chart
                .draw_series(std::iter::once(Text::new(
                    text.empty.clone(),
                    (n / 2.0, y_max / 2.0),
                    label_font(20, VPos::Center),
                )))
                .map_err(err)?;
        }
        let k = series.len().max(1) as f64;
        let width = 0.8 / k;
        for (s, one) in series.iter().enumerate() {
            for (c, &v) in one.values.iter().enumerate() {
                let x0 = c as f64 + 0.1 + s as f64 * width;
                bar(&mut chart, (x0, x0 + width), f64::from(v), s, y_max)?;
                chart
                    .draw_series(std::iter::once(Text::new(
                        v.to_string(),
                        (x0 + width / 2.0, f64::from(v)),
                        label_font(13, VPos::Bottom),
                    )))
                    .map_err(err)?;
            }
        }
        chart
            .draw_series(text.categories.iter().enumerate().map(|(c, label)| {
                Text::new(
                    label.clone(),
                    (c as f64 + 0.5, 0.0),
                    label_font(14, VPos::Top),
                )
            }))
            .map_err(err)?;
        for (s, one) in series.iter().enumerate() {
            let y = 42 + 34 * s as i32;
            let colour = PALETTE[s % PALETTE.len()];
            legend
                .draw(&Rectangle::new(
                    [(8, y - 10), (32, y + 10)],
                    colour.filled(),
                ))
                .map_err(err)?;
            let (horizontal, vertical) = PATTERNS[s % PATTERNS.len()];
            let white = WHITE.stroke_width(2);
            if horizontal {
                for dy in [-5, 0, 5] {
                    legend
                        .draw(&PathElement::new(vec![(8, y + dy), (32, y + dy)], white))
                        .map_err(err)?;
                }
            }
            if vertical {
                for dx in [14, 20, 26] {
                    legend
                        .draw(&PathElement::new(vec![(dx, y - 10), (dx, y + 10)], white))
                        .map_err(err)?;
                }
            }
            legend
                .draw(&Rectangle::new(
                    [(8, y - 10), (32, y + 10)],
                    INK.stroke_width(1),
                ))
                .map_err(err)?;
            legend
                .draw(&Text::new(
                    one.label.clone(),
                    (40, y),
                    (FONT, 16)
                        .into_font()
                        .color(&INK)
                        .pos(Pos::new(HPos::Left, VPos::Center)),
                ))
                .map_err(err)?;
        }
        root.present().map_err(err)?;
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> BarsText {
        BarsText {
            title: "Main figures by gender".into(),
            desc: "Female: enrolled 3".into(),
            categories: vec!["Enrolled".into(), "Completed".into()],
            empty: "Nobody in the range.".into(),
        }
    }

    #[test]
    fn every_bar_carries_its_count_and_every_series_its_legend() {
        let series = [
            BarSeries {
                label: "Female".into(),
                values: vec![7, 4],
            },
            BarSeries {
                label: "Male".into(),
                values: vec![5, 2],
            },
        ];
        let svg = bars_svg(&series, &text(), "bars");
        assert!(svg.contains("<title id=\"bars-title\">Main figures by gender</title>"));
        assert!(svg.contains("<desc id=\"bars-desc\">Female: enrolled 3</desc>"));
        let texts = crate::charts::texts(&svg);
        for t in [
            "7",
            "4",
            "5",
            "2",
            "Female",
            "Male",
            "Enrolled",
            "Completed",
        ] {
            assert!(texts.iter().any(|x| x == t), "{t} missing in {texts:?}");
        }
    }

    #[test]
    fn the_second_series_is_striped_so_it_differs_without_colour() {
        let one = |label: &str| BarSeries {
            label: label.into(),
            values: vec![10, 10],
        };
        let solid = bars_svg(&[one("A")], &text(), "b1");
        let striped = bars_svg(&[one("A"), one("B")], &text(), "b2");
        let white_lines = |s: &str| s.matches("stroke=\"#FFFFFF\"").count();
        assert_eq!(white_lines(&solid), 0);
        assert!(white_lines(&striped) > 4, "{striped}");
    }

    #[test]
    fn a_chart_without_series_says_so() {
        let svg = bars_svg(&[], &text(), "b3");
        assert!(crate::charts::texts(&svg).contains(&"Nobody in the range.".to_owned()));
    }
}
