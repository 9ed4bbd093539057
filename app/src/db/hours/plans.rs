//! Plans: append-only versions of a participant's weekly blocks and self-study minutes.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};

use super::{date_col, minutes_of, time_col, Recorder};
use crate::db::{col, now, Db, DbError, Tx};
use crate::domain::ids::{ParticipantId, PlanId, UserId};
use crate::domain::participant::format_date;
use crate::domain::time_record::format_clock;
use crate::domain::weeks::WeeklyPlan;
use crate::dto::{PlanBlockRow, PlanRow};

/// Stores a new version of the participant's plan, in force from `valid_from`. `teachers` holds
/// the teacher of each block (same order as `plan.blocks`). The earlier versions stay.
pub async fn save_plan(
    tx: &mut Tx,
    participant: ParticipantId,
    valid_from: NaiveDate,
    plan: &WeeklyPlan,
    teachers: &[Option<UserId>],
    who: Recorder,
) -> Result<PlanId, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO weekly_plans (participant_id, valid_from, self_study_minutes, created_at, created_by, source) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(participant.0)
    .bind(format_date(valid_from))
    .bind(i64::from(plan.self_study_minutes))
    .bind(now())
    .bind(who.user.map(|u| u.0))
    .bind(who.source)
    .fetch_one(&mut **tx)
    .await?;
    for (position, block) in plan.blocks.iter().enumerate() {
        sqlx::query(
            "INSERT INTO plan_blocks (plan_id, position, weekday, start_time, end_time, teacher_id) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(i64::from(block.weekday.number_from_monday()))
        .bind(format_clock(block.start))
        .bind(format_clock(block.end))
        .bind(teachers.get(position).copied().flatten().map(|u| u.0))
        .execute(&mut **tx)
        .await?;
    }
    Ok(PlanId(id))
}

/// The participant's newest plan (the last saved, whatever its first day), if any.
pub async fn newest_plan(
    tx: &mut Tx,
    participant: ParticipantId,
) -> Result<Option<PlanId>, DbError> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT MAX(id) FROM weekly_plans WHERE participant_id = $1")
            .bind(participant.0)
            .fetch_one(&mut **tx)
            .await?;
    Ok(id.map(PlanId))
}

/// Every version of the participant's plan, the newest (by valid_from, then creation) first.
pub async fn plans(db: &Db, participant: ParticipantId) -> Result<Vec<PlanRow>, DbError> {
    let rows = sqlx::query(
        "SELECT w.id, w.valid_from, w.self_study_minutes, w.created_at, u.display_name AS created_by \
         FROM weekly_plans w LEFT JOIN users u ON u.id = w.created_by \
         WHERE w.participant_id = $1 ORDER BY w.valid_from DESC, w.id DESC",
    )
    .bind(participant.0)
    .fetch_all(&db.pool)
    .await?;
    let blocks = sqlx::query(
        "SELECT b.plan_id, b.weekday, b.start_time, b.end_time, u.email AS teacher_email, \
         u.display_name AS teacher_name \
         FROM plan_blocks b JOIN weekly_plans w ON w.id = b.plan_id \
         LEFT JOIN users u ON u.id = b.teacher_id \
         WHERE w.participant_id = $1 ORDER BY b.plan_id, b.weekday, b.start_time",
    )
    .bind(participant.0)
    .fetch_all(&db.pool)
    .await?;
    let mut by_plan: HashMap<i64, Vec<PlanBlockRow>> = HashMap::new();
    for b in &blocks {
        by_plan
            .entry(col(b, "plan_id")?)
            .or_default()
            .push(PlanBlockRow {
                weekday: minutes_of(col(b, "weekday")?),
                start: time_col(b, "start_time")?,
                end: time_col(b, "end_time")?,
                teacher_email: col(b, "teacher_email")?,
                teacher_name: col(b, "teacher_name")?,
            });
    }
    rows.iter()
        .map(|r| {
            let id: i64 = col(r, "id")?;
            let blocks = by_plan.remove(&id).unwrap_or_default();
            let teaching_minutes = blocks
                .iter()
                .map(|b| minutes_of((b.end - b.start).num_minutes()))
                .sum();
            Ok(PlanRow {
                id: PlanId(id),
                valid_from: date_col(r, "valid_from")?,
                self_study_minutes: minutes_of(col(r, "self_study_minutes")?),
                teaching_minutes,
                blocks,
                created_at: col(r, "created_at")?,
                created_by: col(r, "created_by")?,
            })
        })
        .collect()
}

/// The plan in force on `date` for each of `participants`: their blocks on that weekday
/// (`(start, end, teacher)`), by participant.
pub async fn blocks_on(
    db: &Db,
    participants: &[ParticipantId],
    date: NaiveDate,
) -> Result<HashMap<ParticipantId, Vec<(NaiveTime, NaiveTime, Option<UserId>)>>, DbError> {
    let weekday = i64::from(crate::domain::time_record::weekday_number(date));
    let mut out = HashMap::new();
    for &p in participants {
        let plan: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM weekly_plans WHERE participant_id = $1 AND valid_from <= $2 \
             ORDER BY valid_from DESC, id DESC LIMIT 1",
        )
        .bind(p.0)
        .bind(format_date(date))
        .fetch_optional(&db.pool)
        .await?;
        let Some(plan) = plan else { continue };
        let rows = sqlx::query(
            "SELECT start_time, end_time, teacher_id FROM plan_blocks \
             WHERE plan_id = $1 AND weekday = $2 ORDER BY start_time",
        )
        .bind(plan)
        .bind(weekday)
        .fetch_all(&db.pool)
        .await?;
        let blocks = rows
            .iter()
            .map(|r| {
                Ok((
                    time_col(r, "start_time")?,
                    time_col(r, "end_time")?,
                    col::<Option<i64>>(r, "teacher_id")?.map(UserId),
                ))
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        out.insert(p, blocks);
    }
    Ok(out)
}

/// The active participants of `scope` with every version of their plan (teaching and
/// self-study minutes per week), by family name, given name, reference: what plan coverage is
/// judged from. Three queries, whatever the number of participants.
pub async fn coverage_inputs(
    db: &Db,
    scope: super::Scope,
) -> Result<Vec<(crate::dto::PlanGap, Vec<crate::domain::weeks::PlanVersion>)>, DbError> {
    use crate::domain::weeks::{PlanCoverage, PlanVersion};
    let (cond, param) = scope.condition(1);
    let sql = format!(
        "SELECT p.id, p.participant_ref, p.given_name, p.family_name, s.name AS school, \
         u.display_name AS mentor FROM participants p JOIN schools s ON s.id = p.school_id \
         LEFT JOIN users u ON u.id = p.mentor_id WHERE p.status = 'active' AND {cond} \
         ORDER BY p.family_name, p.given_name, p.participant_ref"
    );
    let mut q = sqlx::query(&sql);
    if let Some(v) = param {
        q = q.bind(v);
    }
    let mut out: Vec<(crate::dto::PlanGap, Vec<PlanVersion>)> = Vec::new();
    let mut index: HashMap<i64, usize> = HashMap::new();
    for r in q.fetch_all(&db.pool).await? {
        let id: i64 = col(&r, "id")?;
        index.insert(id, out.len());
        out.push((
            crate::dto::PlanGap {
                id: ParticipantId(id),
                participant_ref: col(&r, "participant_ref")?,
                name: format!(
                    "{} {}",
                    col::<String>(&r, "given_name")?,
                    col::<String>(&r, "family_name")?
                ),
                school: col(&r, "school")?,
                mentor: col(&r, "mentor")?,
                coverage: PlanCoverage::NoPlan,
            },
            Vec::new(),
        ));
    }
    if out.is_empty() {
        return Ok(out);
    }
    let from = "FROM weekly_plans w JOIN participants p ON p.id = w.participant_id";
    let sql = format!(
        "SELECT w.id, w.participant_id, w.valid_from, w.self_study_minutes {from} \
         WHERE p.status = 'active' AND {cond} ORDER BY w.id"
    );
    let mut q = sqlx::query(&sql);
    if let Some(v) = param {
        q = q.bind(v);
    }
    let plans = q.fetch_all(&db.pool).await?;
    let sql = format!(
        "SELECT b.plan_id, b.start_time, b.end_time FROM plan_blocks b \
         JOIN weekly_plans w ON w.id = b.plan_id JOIN participants p ON p.id = w.participant_id \
         WHERE p.status = 'active' AND {cond}"
    );
    let mut q = sqlx::query(&sql);
    if let Some(v) = param {
        q = q.bind(v);
    }
    let mut teaching: HashMap<i64, u32> = HashMap::new();
    for b in q.fetch_all(&db.pool).await? {
        let minutes = (time_col(&b, "end_time")? - time_col(&b, "start_time")?).num_minutes();
        *teaching.entry(col(&b, "plan_id")?).or_default() += minutes_of(minutes);
    }
    for r in &plans {
        let id: i64 = col(r, "id")?;
        let Some(&i) = index.get(&col::<i64>(r, "participant_id")?) else {
            continue;
        };
        out[i].1.push(PlanVersion {
            valid_from: date_col(r, "valid_from")?,
            teaching_minutes: teaching.get(&id).copied().unwrap_or(0),
            self_study_minutes: minutes_of(col(r, "self_study_minutes")?),
        });
    }
    Ok(out)
}
