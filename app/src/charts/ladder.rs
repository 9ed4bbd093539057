//! The language ladder: time across, CEFR steps Pre-A1 … C2 up, one line per skill from the
//! self-assessments, SFI results as separate markers placed by the course→CEFR guide (and
//! marked as a guide), start and finish emphasised. Self-assessed and tested values are drawn
//! side by side, never averaged. Also the small sparkline of the same data for lists.

use chrono::NaiveDate;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{accessible, escape, GRID, INK, PALETTE};

/// One point of a skill's line: the day and the level as 0 (Pre-A1) … 6 (C2).
pub type LevelPoint = (NaiveDate, u8);

/// A skill's self-assessed levels over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillLine {
    /// The skill's name, translated.
    pub name: String,
    /// Its levels, by date.
    pub points: Vec<LevelPoint>,
}

/// An SFI result on the ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct SfiMark {
    /// Test date.
    pub date: NaiveDate,
    /// Course and grade, e.g. "B: G".
    pub label: String,
    /// Where the course→CEFR guide puts the course, on the 0 … 6 scale (e.g. course A ≈ A1−
    /// at 0.7).
    pub guide_level: f64,
}

/// The translated texts of the ladder.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LadderText {
    /// Title (`<title>`).
    pub title: String,
    /// Description (`<desc>`): what the chart shows, in words.
    pub desc: String,
    /// Names of the levels Pre-A1 … C2.
    pub levels: [String; 7],
    /// Label of the start line.
    pub start: String,
    /// Label of the finish line.
    pub finish: String,
    /// Legend entry of the SFI markers, saying they are placed by the guide.
    pub sfi: String,
    /// Shown in an empty chart.
    pub empty: String,
}

/// Everything the ladder shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LadderData {
    /// First day on the time axis (the start of the introduction).
    pub from: Option<NaiveDate>,
    /// Last day on the time axis (the finish, or today).
    pub to: Option<NaiveDate>,
    /// The start of the introduction, emphasised.
    pub start: Option<NaiveDate>,
    /// The finish, emphasised, if there is one.
    pub finish: Option<NaiveDate>,
    /// One line per skill.
    pub lines: Vec<SkillLine>,
    /// SFI results.
    pub sfi: Vec<SfiMark>,
    /// Texts.
    pub text: LadderText,
}

/// Width and height of the full ladder, in SVG units.
pub const LADDER_SIZE: (u32, u32) = (760, 400);
/// Width and height of the sparkline.
pub const SPARK_SIZE: (u32, u32) = (120, 36);

const FONT: &str = "sans-serif";

fn days(from: NaiveDate, d: NaiveDate) -> f64 {
    (d - from).num_days() as f64
}

/// Width of the legend beside the ladder.
const LEGEND_WIDTH: u32 = 210;

/// Splits `text` into lines of at most `width` characters at spaces.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![];
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// Writes a legend entry's text (wrapped) from `y` on; returns the `y` of the next entry.
fn legend_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    text: &str,
    y: i32,
) -> Result<i32, String> {
    let lines = wrap(text, 20);
    for (k, line) in lines.iter().enumerate() {
        area.draw(&Text::new(
            line.clone(),
            (42, y + 19 * k as i32),
            (FONT, 16)
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(|e| e.to_string())?;
    }
    Ok(y + 19 * lines.len().max(1) as i32 + 12)
}

/// The full ladder as an accessible SVG (`id` must be unique on the page).
pub fn ladder_svg(data: &LadderData, id: &str) -> String {
    let svg = draw_ladder(data).unwrap_or_else(|e| fallback(LADDER_SIZE, &e));
    accessible(&svg, id, &data.text.title, &data.text.desc)
}

fn fallback(size: (u32, u32), message: &str) -> String {
    format!(
        "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\"><text x=\"10\" y=\"20\">{}</text></svg>",
        escape(message),
        w = size.0,
        h = size.1
    )
}

fn draw_ladder(data: &LadderData) -> Result<String, String> {
    let err = |e: DrawingAreaErrorKind<std::io::Error>| e.to_string();
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, LADDER_SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        // The legend sits beside the plot, never over the data.
        let (plot, legend) = root.split_horizontally(LADDER_SIZE.0 - LEGEND_WIDTH);
        let has_data = !data.lines.iter().all(|l| l.points.is_empty()) || !data.sfi.is_empty();
        let dates = data
            .lines
            .iter()
            .flat_map(|l| l.points.iter().map(|p| p.0))
            .chain(data.sfi.iter().map(|m| m.date));
        let (lo, hi) = dates.fold((data.from, data.to), |(lo, hi), d| {
            (
                Some(lo.map_or(d, |l: NaiveDate| l.min(d))),
                Some(hi.map_or(d, |h: NaiveDate| h.max(d))),
            )
        });
        let from = lo.unwrap_or(NaiveDate::MIN);
        let span = hi.map_or(1.0, |h| days(from, h).max(1.0));
        // Room on the right for the last labels.
        let x_max = span * 1.04;
        let mut chart = ChartBuilder::on(&plot)
            .margin_top(36)
            .margin_right(16)
            .margin_bottom(8)
            .x_label_area_size(36)
            .y_label_area_size(72)
            .build_cartesian_2d(-span * 0.02..x_max, -0.6f64..6.6f64)
            .map_err(err)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .disable_x_mesh()
            .y_labels(0)
            .x_labels(6)
            .x_label_formatter(&|x| {
                if *x < 0.0 || *x > span {
                    String::new()
                } else {
                    (from + chrono::Days::new(x.round() as u64))
                        .format("%Y-%m-%d")
                        .to_string()
                }
            })
            .label_style((FONT, 17).into_font().color(&INK))
            .axis_style(INK.stroke_width(1))
            .draw()
            .map_err(err)?;
        // The steps: a grid line and a label per level.
        for (level, name) in data.text.levels.iter().enumerate() {
            let y = level as f64;
            chart
                .draw_series(LineSeries::new(
                    vec![(-span * 0.02, y), (x_max, y)],
                    GRID.stroke_width(1),
                ))
                .map_err(err)?;
            chart
                .draw_series(std::iter::once(Text::new(
                    name.clone(),
                    (-span * 0.02, y),
                    (FONT, 17)
                        .into_font()
                        .color(&INK)
                        .pos(Pos::new(HPos::Right, VPos::Center)),
                )))
                .map_err(err)?;
        }
        if !has_data {
            chart
                .draw_series(std::iter::once(Text::new(
                    data.text.empty.clone(),
                    (span / 2.0, 3.0),
                    (FONT, 22)
                        .into_font()
                        .color(&INK)
                        .pos(Pos::new(HPos::Center, VPos::Center)),
                )))
                .map_err(err)?;
        }
        // Start and finish, emphasised.
        for (day, label) in [
            (data.start, &data.text.start),
            (data.finish, &data.text.finish),
        ] {
            if let Some(day) = day {
                let x = days(from, day);
                chart
                    .draw_series(LineSeries::new(
                        vec![(x, -0.6), (x, 6.6)],
                        INK.stroke_width(3),
                    ))
                    .map_err(err)?;
                chart
                    .draw_series(std::iter::once(Text::new(
                        label.clone(),
                        (x, 6.6),
                        (FONT, 17)
                            .into_font()
                            .style(FontStyle::Bold)
                            .color(&INK)
                            .pos(Pos::new(HPos::Center, VPos::Bottom)),
                    )))
                    .map_err(err)?;
            }
        }
        // One line per skill, each with its own colour and marker; a small vertical offset per
        // skill keeps equal levels from hiding each other.
        let n = data.lines.len().max(1) as f64;
        let mut legend_y = 48;
        for (i, line) in data.lines.iter().enumerate() {
            let offset = (i as f64 - (n - 1.0) / 2.0) * 0.06;
            let points: Vec<(f64, f64)> = line
                .points
                .iter()
                .map(|&(d, l)| (days(from, d), f64::from(l) + offset))
                .collect();
            let color = PALETTE[i % PALETTE.len()];
            // Each skill has its own marker shape as well as its colour.
            macro_rules! skill_series {
                ($marker:expr, $legend:expr) => {{
                    chart
                        .draw_series(LineSeries::new(points.clone(), color.stroke_width(3)))
                        .map_err(err)?;
                    chart
                        .draw_series(points.iter().map(|&p| EmptyElement::at(p) + $marker))
                        .map_err(err)?;
                    if has_data {
                        legend
                            .draw(&PathElement::new(
                                vec![(6, legend_y), (34, legend_y)],
                                color.stroke_width(3),
                            ))
                            .map_err(err)?;
                        legend
                            .draw(&(EmptyElement::at((20, legend_y)) + $legend))
                            .map_err(err)?;
                        legend_y = legend_text(&legend, &line.name, legend_y)?;
                    }
                }};
            }
            match i % 5 {
                0 => skill_series!(
                    Circle::new((0, 0), 5, color.filled()),
                    Circle::new((0, 0), 4, color.filled())
                ),
                1 => skill_series!(
                    TriangleMarker::new((0, 0), 7, color.filled()),
                    TriangleMarker::new((0, 0), 6, color.filled())
                ),
                2 => skill_series!(
                    Rectangle::new([(-5, -5), (5, 5)], color.filled()),
                    Rectangle::new([(-4, -4), (4, 4)], color.filled())
                ),
                3 => skill_series!(
                    Cross::new((0, 0), 6, color.stroke_width(3)),
                    Cross::new((0, 0), 5, color.stroke_width(2))
                ),
                _ => skill_series!(
                    Circle::new((0, 0), 5, color.stroke_width(3)),
                    Circle::new((0, 0), 4, color.stroke_width(2))
                ),
            }
        }
        // SFI results: black diamonds with their course and grade.
        if !data.sfi.is_empty() {
            chart
                .draw_series(data.sfi.iter().map(|m| {
                    EmptyElement::at((days(from, m.date), m.guide_level))
                        + Polygon::new(vec![(0, -8), (8, 0), (0, 8), (-8, 0)], INK.filled())
                        + Text::new(
                            m.label.clone(),
                            (10, -10),
                            (FONT, 17).into_font().color(&INK),
                        )
                }))
                .map_err(err)?;
            legend
                .draw(
                    &(EmptyElement::at((20, legend_y))
                        + Polygon::new(vec![(0, -7), (7, 0), (0, 7), (-7, 0)], INK.filled())),
                )
                .map_err(err)?;
            legend_text(&legend, &data.text.sfi, legend_y)?;
        }
        root.present().map_err(err)?;
    }
    Ok(buf)
}

/// The small ladder for lists: the skills' lines only, no axes.
pub fn sparkline_svg(data: &LadderData, id: &str) -> String {
    let svg = draw_sparkline(data).unwrap_or_else(|e| fallback(SPARK_SIZE, &e));
    accessible(&svg, id, &data.text.title, &data.text.desc)
}

fn draw_sparkline(data: &LadderData) -> Result<String, String> {
    let err = |e: DrawingAreaErrorKind<std::io::Error>| e.to_string();
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, SPARK_SIZE).into_drawing_area();
        let from = data.from.unwrap_or(NaiveDate::MIN);
        let span = data.to.map_or(1.0, |t| days(from, t).max(1.0));
        let mut chart = ChartBuilder::on(&root)
            .margin(3)
            .build_cartesian_2d(0f64..span, -0.5f64..6.5f64)
            .map_err(err)?;
        // A faint baseline at Pre-A1 and a line at B1, so that height reads as level.
        for y in [0.0, 3.0] {
            chart
                .draw_series(LineSeries::new(
                    vec![(0.0, y), (span, y)],
                    GRID.stroke_width(1),
                ))
                .map_err(err)?;
        }
        for (i, line) in data.lines.iter().enumerate() {
            let mut points: Vec<(f64, f64)> = line
                .points
                .iter()
                .map(|&(d, l)| (days(from, d).clamp(0.0, span), f64::from(l)))
                .collect();
            // A single assessment is drawn as a level held until the end of the axis.
            if let Some(&(_, l)) = points.last() {
                points.push((span, l));
            }
            chart
                .draw_series(LineSeries::new(
                    points,
                    PALETTE[i % PALETTE.len()].stroke_width(2),
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

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn text() -> LadderText {
        LadderText {
            title: "Language ladder: Amina Hassan".into(),
            desc: "Self-assessed levels and SFI results".into(),
            levels: ["Pre-A1", "A1", "A2", "B1", "B2", "C1", "C2"].map(String::from),
            start: "Start".into(),
            finish: "Finish".into(),
            sfi: "SFI result (course → CEFR guide)".into(),
            empty: "No self-assessments or SFI results yet.".into(),
        }
    }

    fn data() -> LadderData {
        LadderData {
            from: Some(d(1, 12)),
            to: Some(d(11, 23)),
            start: Some(d(1, 12)),
            finish: None,
            lines: vec![
                SkillLine {
                    name: "Listening".into(),
                    points: vec![(d(1, 20), 1), (d(6, 1), 2)],
                },
                SkillLine {
                    name: "Reading".into(),
                    points: vec![(d(1, 20), 0), (d(6, 1), 1)],
                },
            ],
            sfi: vec![SfiMark {
                date: d(2, 2),
                label: "B: G".into(),
                guide_level: 1.0,
            }],
            text: text(),
        }
    }

    fn has(svg: &str, text: &str) -> bool {
        super::super::texts(svg).iter().any(|t| t == text)
    }

    #[test]
    fn the_ladder_has_a_line_per_skill_markers_and_the_sfi_results() {
        let svg = ladder_svg(&data(), "ladder-1");
        assert!(svg.starts_with("<svg class=\"chart\""), "{}", &svg[..80]);
        assert!(svg.contains("<title id=\"ladder-1-title\">Language ladder: Amina Hassan</title>"));
        assert!(svg.contains("<desc id=\"ladder-1-desc\">"));
        // Two skill lines with two points each: a circle and a triangle marker per point.
        assert!(svg.matches("<polyline").count() >= 2);
        assert!(has(&svg, "Listening") && has(&svg, "Reading"));
        assert!(has(&svg, "B: G"), "the SFI result is labelled");
        assert!(
            super::super::texts(&svg)
                .join(" ")
                .contains("SFI result (course → CEFR guide)"),
            "marked as a guide"
        );
        for level in ["Pre-A1", "A1", "B1", "C2"] {
            assert!(has(&svg, level), "{level}");
        }
        assert!(has(&svg, "Start"));
        assert!(!has(&svg, "Finish"), "no finish yet");
        assert!(!svg.contains("No self-assessments"));
    }

    #[test]
    fn an_empty_ladder_says_so_instead_of_failing() {
        let empty = LadderData {
            from: Some(d(1, 12)),
            to: Some(d(11, 23)),
            start: Some(d(1, 12)),
            text: text(),
            ..LadderData::default()
        };
        let svg = ladder_svg(&empty, "e");
        assert!(has(&svg, "No self-assessments or SFI results yet."));
        assert!(svg.contains("<title id=\"e-title\">"));
        // Without any date at all it still draws.
        let nothing = LadderData {
            text: text(),
            ..LadderData::default()
        };
        assert!(ladder_svg(&nothing, "n").contains("No self-assessments"));
    }

    #[test]
    fn legend_text_wraps_at_spaces() {
        assert_eq!(
            wrap("SFI result (placed by the course → CEFR guide)", 20),
            ["SFI result (placed", "by the course → CEFR", "guide)"]
        );
        assert_eq!(wrap("Listening", 20), ["Listening"]);
    }

    #[test]
    fn text_is_escaped() {
        let mut data = data();
        data.lines[0].name = "Listening <&>".into();
        let svg = ladder_svg(&data, "x");
        assert!(svg.contains("Listening &lt;&amp;&gt;"));
    }

    #[test]
    fn the_sparkline_is_small_and_labelled() {
        let svg = sparkline_svg(&data(), "s1");
        assert!(svg.contains("width=\"120\""));
        assert!(svg.contains("<title id=\"s1-title\">"));
        assert!(svg.matches("<polyline").count() >= 2);
        assert!(!svg.contains("<text"), "no text in a sparkline");
    }
}
