//! The binder's three ladders side by side: the language ladder (the CEFR levels, climbed to
//! the participant's level), the work ladder and the matching ladder (their steps, the reached
//! ones filled). Each ladder is a staircase; a reached step is filled with the ladder's colour
//! and outlined, a step not reached is white with a dashed-looking grey outline, so the chart
//! reads the same in greyscale. The page puts the steps as a table beside it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{accessible, GRID, INK, PALETTE};

/// One ladder: its name and its steps, lowest first, each with whether it is reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepColumn {
    /// The ladder's name.
    pub name: String,
    /// The steps' names, lowest first, and whether each is reached.
    pub steps: Vec<(String, bool)>,
    /// The caption under the ladder, e.g. "2 of 5" or "A2".
    pub caption: String,
}

/// Width and height in SVG units.
pub const THREE_SIZE: (u32, u32) = (720, 300);

const FONT: &str = "sans-serif";

/// The three ladders as an accessible SVG (`id` unique on the page).
pub fn three_ladders_svg(columns: &[StepColumn], title: &str, desc: &str, id: &str) -> String {
    let svg = draw(columns).unwrap_or_else(|e| {
        format!(
            "<svg width=\"720\" height=\"40\" viewBox=\"0 0 720 40\" xmlns=\"http://www.w3.org/2000/svg\"><text x=\"10\" y=\"20\">{}</text></svg>",
            super::escape(&e)
        )
    });
    accessible(&svg, id, title, desc)
}

fn draw(columns: &[StepColumn]) -> Result<String, String> {
    let err = |e: DrawingAreaErrorKind<std::io::Error>| e.to_string();
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, THREE_SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let n = columns.len().max(1) as i32;
        let (w, h) = (THREE_SIZE.0 as i32, THREE_SIZE.1 as i32);
        let col_w = w / n;
        let (top, bottom) = (40, h - 56);
        for (c, column) in columns.iter().enumerate() {
            let x0 = c as i32 * col_w + 16;
            let width = col_w - 32;
            let steps = column.steps.len().max(1) as i32;
            let step_w = width / steps;
            let step_h = (bottom - top) / steps;
            let colour = PALETTE[c % PALETTE.len()];
            for (i, (_, reached)) in column.steps.iter().enumerate() {
                let i = i as i32;
                let corners = [
                    (x0 + i * step_w, bottom - (i + 1) * step_h),
                    (x0 + (i + 1) * step_w - 2, bottom),
                ];
                if *reached {
                    root.draw(&Rectangle::new(corners, colour.filled()))
                        .map_err(err)?;
                    root.draw(&Rectangle::new(corners, INK.stroke_width(2)))
                        .map_err(err)?;
                } else {
                    root.draw(&Rectangle::new(corners, WHITE.filled()))
                        .map_err(err)?;
                    root.draw(&Rectangle::new(corners, GRID.stroke_width(2)))
                        .map_err(err)?;
                }
            }
            let centre = x0 + width / 2;
            let style = |size: i32| {
                (FONT, size)
                    .into_font()
                    .color(&INK)
                    .pos(Pos::new(HPos::Center, VPos::Center))
            };
            root.draw(&Text::new(column.name.clone(), (centre, 18), style(18)))
                .map_err(err)?;
            root.draw(&Text::new(
                column.caption.clone(),
                (centre, bottom + 28),
                style(20),
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

    fn column(name: &str, reached: &[bool]) -> StepColumn {
        StepColumn {
            name: name.into(),
            steps: reached
                .iter()
                .enumerate()
                .map(|(i, r)| (format!("s{i}"), *r))
                .collect(),
            caption: format!(
                "{} of {}",
                reached.iter().filter(|r| **r).count(),
                reached.len()
            ),
        }
    }

    #[test]
    fn each_ladder_is_a_staircase_with_its_name_and_caption_and_the_chart_is_labelled() {
        let cols = [
            column("Language", &[true, true, false, false, false, false, false]),
            column("Work", &[true, false, false, false, false]),
            column("Matching", &[false; 6]),
        ];
        let svg = three_ladders_svg(&cols, "Three ladders", "Language A1; work 1 of 5", "three");
        assert!(svg.contains("<title id=\"three-title\">Three ladders</title>"));
        assert!(svg.contains("role=\"img\""));
        let texts = crate::charts::texts(&svg);
        for t in ["Language", "Work", "Matching", "1 of 5", "0 of 6"] {
            assert!(texts.iter().any(|x| x == t), "{t} in {texts:?}");
        }
        // Every step is drawn: filled ones twice (fill and outline), open ones twice too.
        assert_eq!(svg.matches("<rect").count(), 1 + 2 * (7 + 5 + 6));
    }

    #[test]
    fn an_empty_ladder_still_draws() {
        let svg = three_ladders_svg(&[column("Work", &[])], "t", "d", "x");
        assert!(svg.contains("Work"));
    }
}
