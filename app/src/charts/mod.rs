//! Charts as pure functions from data to an SVG string (plotters' SVG backend), rendered on the
//! server so that they print and work without JavaScript. Every chart carries `<title>` and
//! `<desc>` and is labelled by them (`role="img"`); the pages put a data table beside it.
//!
//! Colours are the Okabe–Ito palette (safe for the common colour-vision deficiencies), and
//! every series has a second cue that survives greyscale printing: its own marker shape (the
//! ladder) or a light/dark fill (the weekly hours).

pub mod bars;
pub mod ladder;
pub mod three;
pub mod weekly;

use plotters::style::RGBColor;

/// Okabe–Ito colours, dark enough on white.
pub const PALETTE: [RGBColor; 5] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(86, 180, 233),  // sky blue
];

/// Ink for text, axes and the SFI markers.
pub const INK: RGBColor = RGBColor(27, 31, 36);
/// Muted lines.
pub const GRID: RGBColor = RGBColor(201, 209, 219);

/// Escapes text for SVG/XML content and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Makes a plotters SVG accessible: `role="img"`, labelled by a `<title>` and described by a
/// `<desc>` (ids `{id}-title`, `{id}-desc`), and scalable (`viewBox`, width 100 %).
pub fn accessible(svg: &str, id: &str, title: &str, desc: &str) -> String {
    let Some(open_end) = svg.find('>') else {
        return svg.to_owned();
    };
    let (open, rest) = svg.split_at(open_end);
    // plotters writes `<svg width="W" height="H" viewBox="0 0 W H" xmlns=…`.
    let open = open.replacen("<svg ", "<svg class=\"chart\" ", 1);
    format!(
        "{open} role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" id=\"{id}\" preserveAspectRatio=\"xMinYMin meet\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{}",
        escape(title),
        escape(desc),
        &rest[1..]
    )
}

/// The text contents of an SVG's `<text>` elements, trimmed (for tests).
#[cfg(test)]
pub(crate) fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            Some(body[..body.find("</text>")?].trim().to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_the_accessible_wrapper() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        let svg = "<svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/></svg>";
        let out = accessible(svg, "c1", "Title & more", "Desc");
        assert!(
            out.starts_with("<svg class=\"chart\" width=\"10\""),
            "{out}"
        );
        assert!(out.contains("role=\"img\" aria-labelledby=\"c1-title c1-desc\""));
        assert!(out.contains(
            "<title id=\"c1-title\">Title &amp; more</title><desc id=\"c1-desc\">Desc</desc>"
        ));
        assert!(out.ends_with("<rect/></svg>"));
    }
}
