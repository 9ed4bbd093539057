//! The `indicators` export (FORMATS.md): the programme's social-accounting figures for the
//! participants whose start date lies in a range, with erased participants' statistical
//! records counted as they were.

use chrono::NaiveDate;

use crate::db::{self, Db, DbError};
use crate::domain::csvfile;
use crate::domain::indicators::{indicator_rows, IndicatorRow, Place, INDICATOR_COLUMNS};

/// The rows of the figures for start dates in `from`–`to` (both included; `None`: no bound)
/// at `place`.
pub async fn rows(
    db: &Db,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    place: &Place,
) -> Result<Vec<IndicatorRow>, DbError> {
    let mut people = db::outcomes::counted(db, from, to).await?;
    people.retain(|p| place.includes(&p.district, &p.school));
    Ok(indicator_rows(&people))
}

/// The `indicators` export as CSV.
pub async fn export(
    db: &Db,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    place: &Place,
) -> Result<String, DbError> {
    let rows = rows(db, from, to, place).await?;
    Ok(csvfile::write(
        &INDICATOR_COLUMNS,
        rows.iter().map(IndicatorRow::to_csv_fields),
    ))
}
