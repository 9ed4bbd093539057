//! Schools and the districts they are in.

use super::{col, DbError, Tx};
use crate::domain::ids::{DistrictId, SchoolId};
use crate::domain::problem::{FieldProblem, Problem};
pub use crate::dto::{District, School};

/// The id of the school `name` in `district`, creating school and district on first use.
/// A school that exists in another district is a problem on the `district` field.
pub async fn ensure(tx: &mut Tx, name: &str, district: &str) -> Result<SchoolId, DbError> {
    let existing = sqlx::query(
        "SELECT s.id, d.name AS district FROM schools s JOIN districts d ON d.id = s.district_id \
         WHERE s.name = $1",
    )
    .bind(name)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(row) = existing {
        let in_district: String = col(&row, "district")?;
        if in_district != district {
            return Err(DbError::Conflict(FieldProblem::new(
                "district",
                district,
                Problem::SchoolInOtherDistrict {
                    district: in_district,
                },
            )));
        }
        return Ok(SchoolId(col(&row, "id")?));
    }
    let district_id = ensure_district(tx, district).await?;
    let id: i64 =
        sqlx::query_scalar("INSERT INTO schools (district_id, name) VALUES ($1, $2) RETURNING id")
            .bind(district_id.0)
            .bind(name)
            .fetch_one(&mut **tx)
            .await?;
    Ok(SchoolId(id))
}

async fn ensure_district(tx: &mut Tx, name: &str) -> Result<DistrictId, DbError> {
    if let Some(id) = sqlx::query_scalar::<_, i64>("SELECT id FROM districts WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut **tx)
        .await?
    {
        return Ok(DistrictId(id));
    }
    let id: i64 = sqlx::query_scalar("INSERT INTO districts (name) VALUES ($1) RETURNING id")
        .bind(name)
        .fetch_one(&mut **tx)
        .await?;
    Ok(DistrictId(id))
}

/// All schools with their district and number of participants, by district then name.
pub async fn list(db: &super::Db) -> Result<Vec<School>, DbError> {
    let rows = sqlx::query(
        "SELECT s.id, s.name, d.id AS district_id, d.name AS district, \
                (SELECT COUNT(*) FROM participants p WHERE p.school_id = s.id) AS participants \
         FROM schools s JOIN districts d ON d.id = s.district_id ORDER BY d.name, s.name",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(School {
                id: SchoolId(col(r, "id")?),
                name: col(r, "name")?,
                district_id: DistrictId(col(r, "district_id")?),
                district: col(r, "district")?,
                participants: col(r, "participants")?,
            })
        })
        .collect()
}

/// All districts by name.
pub async fn districts(db: &super::Db) -> Result<Vec<District>, DbError> {
    let rows = sqlx::query("SELECT id, name FROM districts ORDER BY name")
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(District {
                id: DistrictId(col(r, "id")?),
                name: col(r, "name")?,
            })
        })
        .collect()
}
