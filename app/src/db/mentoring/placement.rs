//! The placement agreement of a participant, every version kept.

use sqlx::any::AnyRow;

use crate::db::hours::{Recorder, Saved};
use crate::db::{col, now, opt_date_col, typed_col, Db, DbError, Tx};
use crate::domain::ids::ParticipantId;
use crate::domain::participant::{format_date, Email};
use crate::domain::placement::{Placement, PlacementRole};

/// The placement as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPlacement {
    /// The values.
    pub placement: Placement,
    /// Bumped by every change.
    pub version: i64,
}

const PLACEMENT_COLUMNS: &str = "workplace, role, supervisor_name, supervisor_phone, \
     supervisor_email, agreement_start, agreement_end, job_description, year_plan";

fn placement_of(r: &AnyRow) -> Result<StoredPlacement, DbError> {
    let email: String = col(r, "supervisor_email")?;
    Ok(StoredPlacement {
        placement: Placement {
            workplace: col(r, "workplace")?,
            role: typed_col(r, "role", PlacementRole::parse)?,
            supervisor_name: col(r, "supervisor_name")?,
            supervisor_phone: col(r, "supervisor_phone")?,
            supervisor_email: Email::parse(&email).ok(),
            agreement_start: opt_date_col(r, "agreement_start")?,
            agreement_end: opt_date_col(r, "agreement_end")?,
            job_description: col(r, "job_description")?,
            year_plan: col(r, "year_plan")?,
        },
        version: col(r, "version")?,
    })
}

/// The placement of `participant`, if recorded.
pub async fn placement(
    db: &Db,
    participant: ParticipantId,
) -> Result<Option<StoredPlacement>, DbError> {
    sqlx::query(&format!(
        "SELECT {PLACEMENT_COLUMNS}, version FROM placements WHERE participant_id = $1"
    ))
    .bind(participant.0)
    .fetch_optional(&db.pool)
    .await?
    .as_ref()
    .map(placement_of)
    .transpose()
}

/// Stores the placement of `participant` if the stored one still has `expected` (`None`: there
/// is none yet); every version is kept.
pub async fn save_placement(
    tx: &mut Tx,
    participant: ParticipantId,
    p: &Placement,
    expected: Option<i64>,
    who: Recorder,
) -> Result<Saved<i64>, DbError> {
    let existing = sqlx::query(&format!(
        "SELECT {PLACEMENT_COLUMNS}, version FROM placements WHERE participant_id = $1"
    ))
    .bind(participant.0)
    .fetch_optional(&mut **tx)
    .await?
    .as_ref()
    .map(placement_of)
    .transpose()?;
    let next = match &existing {
        Some(stored) => {
            crate::db::stale(expected, stored.version)?;
            if stored.placement == *p {
                return Ok(Saved::Unchanged(stored.version));
            }
            stored.version + 1
        }
        None if expected.is_some() => return Err(crate::db::changed_meanwhile(String::new())),
        None => 1,
    };
    let values = [
        p.workplace.clone(),
        p.role.as_str().to_owned(),
        p.supervisor_name.clone(),
        p.supervisor_phone.clone(),
        p.supervisor_email
            .as_ref()
            .map(|e| e.as_str().to_owned())
            .unwrap_or_default(),
    ];
    let dates = [p.agreement_start, p.agreement_end].map(|d| d.map(format_date));
    let texts = [p.job_description.clone(), p.year_plan.clone()];
    let sql = if existing.is_some() {
        "UPDATE placements SET workplace = $2, role = $3, supervisor_name = $4, \
         supervisor_phone = $5, supervisor_email = $6, agreement_start = $7, agreement_end = $8, \
         job_description = $9, year_plan = $10, version = $11, updated_at = $12, updated_by = $13 \
         WHERE participant_id = $1"
    } else {
        "INSERT INTO placements (participant_id, workplace, role, supervisor_name, \
         supervisor_phone, supervisor_email, agreement_start, agreement_end, job_description, \
         year_plan, version, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
    };
    let history = "INSERT INTO placement_versions (participant_id, workplace, role, \
         supervisor_name, supervisor_phone, supervisor_email, agreement_start, agreement_end, \
         job_description, year_plan, version, changed_at, changed_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
    let t = now();
    for sql in [sql, history] {
        let mut q = sqlx::query(sql).bind(participant.0);
        for v in &values {
            q = q.bind(v.clone());
        }
        for d in &dates {
            q = q.bind(d.clone());
        }
        for v in &texts {
            q = q.bind(v.clone());
        }
        q.bind(next)
            .bind(t)
            .bind(who.user.map(|u| u.0))
            .execute(&mut **tx)
            .await?;
    }
    Ok(if existing.is_some() {
        Saved::Updated(next)
    } else {
        Saved::Created(next)
    })
}
