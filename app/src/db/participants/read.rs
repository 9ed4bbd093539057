//! Reading the register: one participant, who may see them, filtered pages, the export.

use super::{csv_fields, detail_from_row, Scope, DETAIL_SELECT};
use crate::db::{col, date_col, parse_col, Db, DbError};
use crate::domain::access::ParticipantLinks;
use crate::domain::ids::{GroupId, ParticipantId, UserId};
use crate::domain::paging::{Page, PAGE_SIZE};
use crate::domain::status::ParticipantStatus;
use crate::dto::{ParticipantDetail, ParticipantFilter, ParticipantSummary};

/// One participant with their groups.
pub async fn get(db: &Db, id: ParticipantId) -> Result<ParticipantDetail, DbError> {
    let row = sqlx::query(&format!("{DETAIL_SELECT} WHERE p.id = $1"))
        .bind(id.0)
        .fetch_optional(&db.pool)
        .await?
        .ok_or(DbError::NotFound)?;
    let mut detail = detail_from_row(&row)?;
    let groups = sqlx::query(
        "SELECT g.id, g.name, u.display_name FROM group_members m \
         JOIN teaching_groups g ON g.id = m.group_id JOIN users u ON u.id = g.teacher_id \
         WHERE m.participant_id = $1 ORDER BY g.name",
    )
    .bind(id.0)
    .fetch_all(&db.pool)
    .await?;
    detail.groups = groups
        .iter()
        .map(|r| {
            Ok((
                GroupId(col(r, "id")?),
                col(r, "name")?,
                col(r, "display_name")?,
            ))
        })
        .collect::<Result<_, DbError>>()?;
    Ok(detail)
}

/// The id of the participant with reference `participant_ref`.
pub async fn id_by_ref(db: &Db, participant_ref: &str) -> Result<Option<ParticipantId>, DbError> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT id FROM participants WHERE participant_ref = $1")
            .bind(participant_ref)
            .fetch_optional(&db.pool)
            .await?
            .map(ParticipantId),
    )
}

/// Who may see the participant: their mentor and the teachers of their groups (one query).
pub async fn links(db: &Db, id: ParticipantId) -> Result<ParticipantLinks, DbError> {
    let rows = sqlx::query(
        "SELECT p.mentor_id, g.teacher_id FROM participants p \
         LEFT JOIN group_members m ON m.participant_id = p.id \
         LEFT JOIN teaching_groups g ON g.id = m.group_id WHERE p.id = $1",
    )
    .bind(id.0)
    .fetch_all(&db.pool)
    .await?;
    let first = rows.first().ok_or(DbError::NotFound)?;
    let mentor: Option<i64> = col(first, "mentor_id")?;
    let mut teachers = Vec::new();
    for row in &rows {
        if let Some(t) = col::<Option<i64>>(row, "teacher_id")? {
            if !teachers.contains(&UserId(t)) {
                teachers.push(UserId(t));
            }
        }
    }
    Ok(ParticipantLinks {
        participant: id,
        mentor: mentor.map(UserId),
        teachers,
    })
}

/// A page of the register for `scope`, filtered, sorted by family name, given name, reference.
pub async fn list(
    db: &Db,
    scope: Scope,
    filter: &ParticipantFilter,
) -> Result<Page<ParticipantSummary>, DbError> {
    let (scope_mentor, scope_teacher) = match scope {
        Scope::All => (0, 0),
        Scope::MentorOf(u) => (u.0, 0),
        Scope::TeacherOf(u) => (0, u.0),
    };
    // Only the filters in use go into the statement: `($1 = 0 OR p.mentor_id = $1)` kept
    // SQLite from using any index, so a mentor's page scanned the whole register.
    enum Arg {
        Int(i64),
        Text(String),
    }
    let mut conditions: Vec<String> = vec![];
    let mut args: Vec<Arg> = vec![];
    let mut filter_by = |condition: &str, arg: Arg| {
        args.push(arg);
        conditions.push(condition.replace("$?", &format!("${}", args.len())));
    };
    if scope_mentor != 0 {
        filter_by("p.mentor_id = $?", Arg::Int(scope_mentor));
    }
    if scope_teacher != 0 {
        filter_by(
            "EXISTS (SELECT 1 FROM group_members m JOIN teaching_groups g ON g.id = m.group_id \
             WHERE m.participant_id = p.id AND g.teacher_id = $?)",
            Arg::Int(scope_teacher),
        );
    }
    let q = crate::domain::participant::like_pattern(&filter.q);
    if q != "%%" {
        filter_by("p.search_key LIKE $? ESCAPE '\\'", Arg::Text(q));
    }
    if let Some(school) = filter.school {
        filter_by("p.school_id = $?", Arg::Int(school.0));
    }
    if let Some(district) = filter.district {
        filter_by("s.district_id = $?", Arg::Int(district.0));
    }
    if let Some(mentor) = filter.mentor {
        filter_by("p.mentor_id = $?", Arg::Int(mentor.0));
    }
    if let Some(status) = filter.status {
        filter_by("p.status = $?", Arg::Text(status.as_str().to_owned()));
    }
    let where_sql = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let from_sql = "FROM participants p JOIN schools s ON s.id = p.school_id \
        JOIN districts d ON d.id = s.district_id LEFT JOIN users u ON u.id = p.mentor_id";
    let page = filter.page.max(1);
    let offset = Page::<()>::offset(page, PAGE_SIZE);
    let count_sql = format!("SELECT COUNT(*) {from_sql} {where_sql}");
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    for a in &args {
        count = match a {
            Arg::Int(i) => count.bind(*i),
            Arg::Text(t) => count.bind(t.clone()),
        };
    }
    let total: i64 = count.fetch_one(&db.pool).await?;
    let n = args.len();
    let rows_sql = format!(
        "SELECT p.id, p.participant_ref, p.given_name, p.family_name, s.name AS school, \
         d.name AS district, u.display_name AS mentor_name, p.status, p.start_date \
         {from_sql} {where_sql} ORDER BY p.family_name, p.given_name, p.participant_ref \
         LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let mut query = sqlx::query(&rows_sql);
    for a in &args {
        query = match a {
            Arg::Int(i) => query.bind(*i),
            Arg::Text(t) => query.bind(t.clone()),
        };
    }
    let rows = query
        .bind(i64::from(PAGE_SIZE))
        .bind(i64::try_from(offset).unwrap_or(i64::MAX))
        .fetch_all(&db.pool)
        .await?;
    let items = rows
        .iter()
        .map(|r| {
            let status: String = col(r, "status")?;
            let given: String = col(r, "given_name")?;
            let family: String = col(r, "family_name")?;
            Ok(ParticipantSummary {
                id: ParticipantId(col(r, "id")?),
                participant_ref: col(r, "participant_ref")?,
                name: format!("{given} {family}"),
                school: col(r, "school")?,
                district: col(r, "district")?,
                mentor_name: col(r, "mentor_name")?,
                status: parse_col(ParticipantStatus::parse(&status), "status")?,
                start_date: date_col(r, "start_date")?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    Ok(Page {
        items,
        page,
        page_size: PAGE_SIZE,
        total: u64::try_from(total).unwrap_or(0),
    })
}

/// Every participant as `participants` CSV fields, sorted by reference (the export).
pub async fn export_rows(db: &Db, whose: crate::db::Whose) -> Result<Vec<Vec<String>>, DbError> {
    let rows = sqlx::query(&format!(
        "{DETAIL_SELECT} WHERE {} ORDER BY p.participant_ref",
        whose.condition()
    ))
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| detail_from_row(r).map(|d| csv_fields(&d)))
        .collect()
}

/// Counts per status, for the coordinator's start page.
pub async fn count_by_status(db: &Db) -> Result<Vec<(ParticipantStatus, i64)>, DbError> {
    let rows = sqlx::query("SELECT status, COUNT(*) AS n FROM participants GROUP BY status")
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            let s: String = col(r, "status")?;
            Ok((
                parse_col(ParticipantStatus::parse(&s), "status")?,
                col(r, "n")?,
            ))
        })
        .collect()
}

/// The participant of `reference` with their start date, in `tx` (the checks of a file row
/// that names a participant).
pub async fn id_and_start(
    tx: &mut crate::db::Tx,
    reference: &str,
) -> Result<Option<(ParticipantId, chrono::NaiveDate)>, DbError> {
    let row = sqlx::query("SELECT id, start_date FROM participants WHERE participant_ref = $1")
        .bind(reference)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| Ok((ParticipantId(col(&r, "id")?), date_col(&r, "start_date")?)))
        .transpose()
}
