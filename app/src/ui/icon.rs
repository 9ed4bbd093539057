//! Decorative line icons (SVG), shared by the pages and the islands.

use leptos::prelude::*;

/// A decorative line icon from SVG `paths`.
pub fn icon(paths: &'static str, size: u32) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width=size height=size fill="none" stroke="currentColor"
            stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"
            focusable="false" inner_html=paths></svg>
    }
}

/// The speaker of the play buttons.
pub const SPEAKER: &str = r#"<path d="M4 9h4l5-4v14l-5-4H4z"/><path d="M16 9a4 4 0 0 1 0 6"/><path d="M18.5 6.5a8 8 0 0 1 0 11"/>"#;
