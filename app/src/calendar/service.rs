//! The calendar's services: the page's data, and saving and removing closed days through the
//! same checks as a `calendar` file.

use crate::db::{self, Db, DbError};
use crate::domain::calendar::{ClosedDays, RawClosedDays};
use crate::domain::ids::CalendarId;
use crate::domain::role::Principal;
use crate::error::AppError;
use crate::import::ImportReport;

use super::api::CalendarData;

/// The calendar page's data.
pub async fn page(
    db: &Db,
    can_manage: bool,
    today: chrono::NaiveDate,
) -> Result<CalendarData, AppError> {
    let districts = db::schools::districts(db).await?;
    let schools = db::schools::list(db).await?;
    Ok(CalendarData {
        entries: db::calendar::list(db).await?,
        districts: districts.into_iter().map(|d| d.name).collect(),
        schools: schools.into_iter().map(|s| s.name).collect(),
        can_manage,
        today,
    })
}

/// Checks and saves one entry (by its key: created or corrected); nothing is stored on a
/// problem.
pub async fn save(db: &Db, who: &Principal, raw: &RawClosedDays) -> Result<(), AppError> {
    let days = ClosedDays::validate(raw).map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let mut report = ImportReport::default();
    crate::import::calendar::save_days(
        &mut tx,
        &[(1, days)],
        db::hours::Recorder::from(who),
        &mut report,
    )
    .await?;
    if !report.rows.is_empty() {
        tx.rollback().await.map_err(DbError::from)?;
        return Err(AppError::Invalid(
            report.rows.into_iter().map(|(_, p)| p).collect(),
        ));
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Removes an entry that still has `version`.
pub async fn delete(
    db: &Db,
    who: &Principal,
    id: CalendarId,
    version: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    db::calendar::delete(&mut tx, id, version, db::hours::Recorder::from(who)).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}
