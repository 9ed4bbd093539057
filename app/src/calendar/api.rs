//! Server functions of the calendar: who are you → may you → service.
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::ids::CalendarId;
pub use crate::dto::CalendarEntry;
use crate::error::AppError;

/// What the calendar page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarData {
    /// Every entry, latest first day first.
    pub entries: Vec<CalendarEntry>,
    /// The districts a district entry may name.
    pub districts: Vec<String>,
    /// The schools a school entry may name.
    pub schools: Vec<String>,
    /// The viewer may enter and remove closed days.
    pub can_manage: bool,
    /// Today in Stockholm (the form's default dates).
    pub today: chrono::NaiveDate,
}

/// The calendar (every staff member may read it).
#[server(endpoint = "calendar/list")]
pub async fn get_calendar() -> Result<CalendarData, AppError> {
    use crate::domain::access::{may, RegisterAction};
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::register(&state, &who, RegisterAction::ViewCalendar).await?;
    let can_manage = may(&who, RegisterAction::ManageCalendar);
    super::service::page(&state.db, can_manage, state.clock.today()).await
}

/// Enters closed days (coordinators). An entry with the same scope, name and first day is
/// corrected instead; the earlier version is kept.
#[server(endpoint = "calendar/save")]
pub async fn save_closed_days(
    scope: String,
    #[server(default)] name: String,
    from_date: String,
    to_date: String,
    reason: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    use crate::domain::access::RegisterAction;
    use crate::domain::calendar::RawClosedDays;
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::register(&state, &who, RegisterAction::ManageCalendar).await?;
    let raw = RawClosedDays {
        scope,
        name,
        from_date,
        to_date,
        reason,
        note,
    };
    super::service::save(&state.db, &who, &raw).await
}

/// Removes closed days (coordinators) if nobody changed them since the page was shown; the
/// history keeps them.
#[server(endpoint = "calendar/delete")]
pub async fn delete_closed_days(id: CalendarId, version: i64) -> Result<(), AppError> {
    use crate::domain::access::RegisterAction;
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::register(&state, &who, RegisterAction::ManageCalendar).await?;
    super::service::delete(&state.db, &who, id, version).await
}
