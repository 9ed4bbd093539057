//! Shared pieces of the interface: translation helpers, form fields, notices, navigation.

pub mod components;
pub mod flash;
pub mod icon;

use leptos::prelude::*;

use crate::i18n::{translate, Locale};

/// The page's locale (from context; Swedish if none was provided).
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// Translates a message id in the page's locale.
pub fn t(id: &str) -> String {
    translate(use_locale(), id, &[])
}

/// Translates a message id with arguments in the page's locale.
pub fn t_args(id: &str, args: &[(&str, String)]) -> String {
    translate(use_locale(), id, args)
}

/// "5 h 30 min" (or "45 min").
pub fn hm(minutes: u32) -> String {
    let h = crate::domain::weeks::HoursMinutes::from_minutes(minutes);
    if h.hours == 0 {
        t_args("minutes-short", &[("minutes", h.minutes.to_string())])
    } else {
        t_args(
            "hours-minutes-short",
            &[
                ("hours", h.hours.to_string()),
                ("minutes", h.minutes.to_string()),
            ],
        )
    }
}

/// A day as the pages show it: `YYYY-MM-DD` (ISO 8601, as Swedish forms write it).
pub fn day(date: chrono::NaiveDate) -> String {
    crate::domain::participant::format_date(date)
}

/// An optional day, empty when none.
pub fn opt_day(date: Option<chrono::NaiveDate>) -> String {
    date.map(day).unwrap_or_default()
}

/// A stretch of a day, `08:30–10:00`.
pub fn clock_span(start: chrono::NaiveTime, end: chrono::NaiveTime) -> String {
    use crate::domain::time_record::format_clock;
    format!("{}–{}", format_clock(start), format_clock(end))
}

/// A stored instant (Unix seconds) as the pages show it: Stockholm's date and time,
/// `YYYY-MM-DD HH:MM`.
pub fn moment(unix_seconds: i64) -> String {
    local_time(unix_seconds)
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// The Stockholm date of a stored instant (Unix seconds), `YYYY-MM-DD`.
pub fn moment_day(unix_seconds: i64) -> String {
    local_time(unix_seconds)
        .map(|t| day(t.date()))
        .unwrap_or_default()
}

fn local_time(unix_seconds: i64) -> Option<chrono::NaiveDateTime> {
    let instant = chrono::DateTime::from_timestamp(unix_seconds, 0)?;
    #[cfg(feature = "ssr")]
    return Some(crate::state::clock::stockholm(instant));
    #[cfg(not(feature = "ssr"))]
    Some(instant.naive_utc())
}

/// True once the island runs in the browser (an effect runs only after hydration), false in
/// the server's HTML: an island shows its control with `hidden=move || !ready.get()` so that
/// without the wasm nothing is offered that cannot act.
pub fn use_hydrated() -> leptos::prelude::ReadSignal<bool> {
    use leptos::prelude::{signal, Effect, Set};
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));
    ready
}
