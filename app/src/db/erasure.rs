//! Erasure (issue 17): a participant's personal data is deleted from every table in one
//! transaction, and a pseudonymous statistical record takes its place (no name, reference,
//! birth year, code or link to the erased row), so that past compliance and indicator figures
//! do not change. Also the participants due for erasure under the retention setting.

use chrono::NaiveDate;
use sqlx::any::AnyRow;

use super::{col, date_col, opt_date_col, typed_col, Backend, Db, DbError, Tx};
use crate::domain::erasure::{pseudonym, status_after_erasure, ErasureReason};
use crate::domain::ids::{ParticipantId, SchoolId};
use crate::domain::participant::{format_date, Gender};
use crate::domain::status::ParticipantStatus;

/// What one erasure did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    /// The statistical record that took the participant's place.
    pub record: i64,
    /// Rows deleted, all tables together.
    pub rows_deleted: u64,
}

/// Tables holding a participant's rows by `participant_id`, children before parents. The
/// self-assessments' rows, time entries and sessions are deleted by the statements before.
const BY_PARTICIPANT: [&str; 23] = [
    "tablet_waiting",
    "sfi_result_versions",
    "sfi_results",
    "time_entry_versions",
    "time_entries",
    "absence_versions",
    "absences",
    "outcome_versions",
    "outcomes",
    "participant_step_versions",
    "participant_steps",
    "placement_versions",
    "placements",
    "development_talk_goals",
    "development_talk_versions",
    "development_talks",
    "checkpoint_decisions",
    "group_members",
    "sessions",
    "participant_history",
    "erasure_marks",
    "participants",
    // Last: every delete above moves it on.
    "participant_versions",
];

/// Erases `participant` (on `today`, for `reason`): copies the statistical record, then deletes
/// the person's rows everywhere, all in one transaction. `throttle_subject` turns the person's
/// sign-in code into the key its sign-in counts are stored under. `Ok(None)` when there is no
/// such participant (an erasure repeated is a no-op).
pub async fn erase(
    db: &Db,
    participant: ParticipantId,
    reason: ErasureReason,
    today: NaiveDate,
    throttle_subject: impl Fn(&str) -> String,
) -> Result<Option<Erased>, DbError> {
    let mut tx = db.begin().await?;
    let Some(row) = sqlx::query(
        "SELECT p.gender, p.school_id, p.start_date, p.end_date, p.planned_terms, p.study_path, \
         p.status, p.sign_in_code, p.participant_ref, o.completion, o.activity, o.self_sufficiency \
         FROM participants p LEFT JOIN outcomes o ON o.participant_id = p.id WHERE p.id = $1",
    )
    .bind(participant.0)
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(None);
    };
    let status: ParticipantStatus = typed_col(&row, "status", ParticipantStatus::parse)?;
    let end = opt_date_col(&row, "end_date")?.unwrap_or(today);
    let record: i64 = sqlx::query(
        "INSERT INTO erased_participants (gender, school_id, start_date, end_date, planned_terms, \
         study_path, status, erased_on, reason, completion, activity, self_sufficiency) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(col::<String>(&row, "gender")?)
    .bind(col::<i64>(&row, "school_id")?)
    .bind(format_date(date_col(&row, "start_date")?))
    .bind(format_date(end))
    .bind(col::<i64>(&row, "planned_terms")?)
    .bind(col::<Option<i64>>(&row, "study_path")?)
    .bind(status_after_erasure(status).as_str())
    .bind(format_date(today))
    .bind(reason.as_str())
    .bind(col::<Option<String>>(&row, "completion")?)
    .bind(col::<Option<String>>(&row, "activity")?)
    .bind(col::<Option<String>>(&row, "self_sufficiency")?)
    .fetch_one(&mut *tx)
    .await
    .and_then(|r| sqlx::Row::try_get::<i64, _>(&r, 0))?;
    keep_statistics(&mut tx, participant, record).await?;
    let code: String = col(&row, "sign_in_code")?;
    let reference: String = col(&row, "participant_ref")?;
    let rows_deleted =
        delete_everywhere(&mut tx, participant, &throttle_subject(&code), &reference).await?;
    // No page kept of the person may be served again: their own version row is gone (and on
    // SQLite their id may go to the next participant created), so the programme's moves on.
    let programme = match db.backend {
        Backend::Sqlite => {
            "INSERT INTO participant_versions (participant_id, version) VALUES (0, 1) \
             ON CONFLICT (participant_id) DO UPDATE SET version = version + 1"
        }
        Backend::Postgres => {
            "INSERT INTO participant_versions (participant_id, version) VALUES (0, 1) \
             ON CONFLICT (participant_id) DO UPDATE SET version = participant_versions.version + 1"
        }
    };
    sqlx::query(programme).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(Some(Erased {
        record,
        rows_deleted,
    }))
}

/// Copies what the statistics need: minutes per week and kind, absence spans, levels.
async fn keep_statistics(
    tx: &mut Tx,
    participant: ParticipantId,
    record: i64,
) -> Result<(), DbError> {
    let statements = [
        "INSERT INTO erased_minutes (record_id, iso_week, teaching, self_study) \
         SELECT $1, iso_week, \
         CAST(SUM(CASE WHEN kind = 'teaching' THEN minutes ELSE 0 END) AS BIGINT), \
         CAST(SUM(CASE WHEN kind = 'teaching' THEN 0 ELSE minutes END) AS BIGINT) \
         FROM time_entries WHERE participant_id = $2 GROUP BY iso_week",
        "INSERT INTO erased_absences (record_id, from_date, to_date) \
         SELECT $1, from_date, to_date FROM absences WHERE participant_id = $2",
        "INSERT INTO erased_levels (record_id, source, occasion, subject, level, on_date) \
         SELECT $1, 'sfi', occasion, course, grade, test_date FROM sfi_results WHERE participant_id = $2",
        "INSERT INTO erased_levels (record_id, source, occasion, subject, level, on_date) \
         SELECT $1, 'cefr', a.occasion, l.skill, l.level, a.assessed_on FROM assessment_levels l \
         JOIN assessments a ON a.id = l.assessment_id \
         WHERE a.participant_id = $2 AND a.status = 'submitted'",
    ];
    for sql in statements {
        sqlx::query(sql)
            .bind(record)
            .bind(participant.0)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Deletes every row about `participant`: their self-assessments with answers, levels,
/// comments and history, plans, results, time, absences and their versions, group places,
/// sessions, history, sign-in counts of their code, uploads not yet confirmed that name their
/// reference, and the record itself. The access log keeps its entries (append-only): they name
/// the erased row's number only, which nothing resolves any more.
async fn delete_everywhere(
    tx: &mut Tx,
    participant: ParticipantId,
    throttle_subject: &str,
    reference: &str,
) -> Result<u64, DbError> {
    let id = participant.0;
    let mut deleted = 0;
    sqlx::query("INSERT INTO erasure_marks (participant_id) VALUES ($1)")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    let of_assessments = "assessment_id IN (SELECT id FROM assessments WHERE participant_id = $1)";
    let of_plans = "plan_id IN (SELECT id FROM weekly_plans WHERE participant_id = $1)";
    let statements = [
        "DELETE FROM assessment_deliveries WHERE participant_id = $1".to_owned(),
        format!("DELETE FROM assessment_comments WHERE {of_assessments}"),
        format!("DELETE FROM assessment_answers WHERE {of_assessments}"),
        format!("DELETE FROM assessment_level_history WHERE {of_assessments}"),
        format!("DELETE FROM assessment_levels WHERE {of_assessments}"),
        "DELETE FROM assessments WHERE participant_id = $1".to_owned(),
        format!("DELETE FROM plan_blocks WHERE {of_plans}"),
        "DELETE FROM weekly_plans WHERE participant_id = $1".to_owned(),
    ];
    for sql in &statements {
        deleted += sqlx::query(sql)
            .bind(id)
            .execute(&mut **tx)
            .await?
            .rows_affected();
    }
    for table in BY_PARTICIPANT {
        let sql = match table {
            "participants" => "DELETE FROM participants WHERE id = $1".to_owned(),
            _ => format!("DELETE FROM {table} WHERE participant_id = $1"),
        };
        deleted += sqlx::query(&sql)
            .bind(id)
            .execute(&mut **tx)
            .await?
            .rows_affected();
    }
    deleted += sqlx::query("DELETE FROM sign_in_throttle WHERE subject = $1")
        .bind(throttle_subject)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    let pending = sqlx::query("SELECT id, content FROM pending_imports")
        .fetch_all(&mut **tx)
        .await?;
    for row in &pending {
        let content: String = col(row, "content")?;
        if names(&content, reference) {
            deleted += sqlx::query("DELETE FROM pending_imports WHERE id = $1")
                .bind(col::<i64>(row, "id")?)
                .execute(&mut **tx)
                .await?
                .rows_affected();
        }
    }
    Ok(deleted)
}

/// True when an uploaded file's text holds `reference` as a whole field.
fn names(content: &str, reference: &str) -> bool {
    content.match_indices(reference).any(|(at, _)| {
        let before = content[..at].chars().next_back();
        let after = content[at + reference.len()..].chars().next();
        let edge = |c: Option<char>| {
            c.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        };
        edge(before) && edge(after)
    })
}

/// A participant whose introduction ended before the retention cutoff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// Id.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// Given and family name.
    pub name: String,
    /// Status.
    pub status: ParticipantStatus,
    /// The day the introduction ended.
    pub end_date: NaiveDate,
}

/// The participants whose introduction ended before `cutoff` (closed ones only: an open
/// introduction is never due), oldest end first.
pub async fn due_before(db: &Db, cutoff: NaiveDate) -> Result<Vec<Due>, DbError> {
    let rows = sqlx::query(
        "SELECT id, participant_ref, given_name, family_name, status, end_date FROM participants \
         WHERE status <> 'active' AND end_date IS NOT NULL AND end_date < $1 \
         ORDER BY end_date, participant_ref",
    )
    .bind(format_date(cutoff))
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(due_from).collect()
}

fn due_from(r: &AnyRow) -> Result<Due, DbError> {
    Ok(Due {
        id: ParticipantId(col(r, "id")?),
        participant_ref: col(r, "participant_ref")?,
        name: format!(
            "{} {}",
            col::<String>(r, "given_name")?,
            col::<String>(r, "family_name")?
        ),
        status: typed_col(r, "status", ParticipantStatus::parse)?,
        end_date: date_col(r, "end_date")?,
    })
}

/// How many statistical records of erased participants there are.
pub async fn erased_count(db: &Db) -> Result<i64, DbError> {
    Ok(sqlx::query("SELECT COUNT(*) AS n FROM erased_participants")
        .fetch_one(&db.pool)
        .await
        .and_then(|r| sqlx::Row::try_get::<i64, _>(&r, 0))?)
}

/// An erased participant's statistical record, as the compliance figures need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasedRecord {
    /// The record's number.
    pub record: i64,
    /// The name it goes by in exports.
    pub pseudonym: String,
    /// Gender as recorded.
    pub gender: Gender,
    /// School.
    pub school_id: SchoolId,
    /// School name.
    pub school: String,
    /// District name.
    pub district: String,
    /// First day of the introduction.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: NaiveDate,
}

/// The numbers of the statistical records of `school` (or all) enrolled on at least one day of
/// `first`–`last`, in byte order of their pseudonym (the order of the compliance export).
pub async fn record_ids_between(
    db: &Db,
    school: Option<SchoolId>,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<i64>, DbError> {
    let school_condition = match school {
        Some(s) => format!("school_id = {}", s.0),
        None => "1 = 1".to_owned(),
    };
    let rows = sqlx::query(&format!(
        "SELECT id FROM erased_participants \
         WHERE start_date <= $1 AND end_date >= $2 AND {school_condition}"
    ))
    .bind(format_date(last))
    .bind(format_date(first))
    .fetch_all(&db.pool)
    .await?;
    let mut ids = rows
        .iter()
        .map(|r| col::<i64>(r, "id"))
        .collect::<Result<Vec<_>, _>>()?;
    ids.sort_by_cached_key(|id| pseudonym(*id));
    Ok(ids)
}

/// The statistical records numbered `ids` (at most a thousand), in no particular order.
pub async fn records_of(db: &Db, ids: &[i64]) -> Result<Vec<ErasedRecord>, DbError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let rows = sqlx::query(&format!(
        "SELECT e.id, e.gender, e.school_id, s.name AS school, d.name AS district, e.start_date, \
         e.end_date FROM erased_participants e JOIN schools s ON s.id = e.school_id \
         JOIN districts d ON d.id = s.district_id WHERE e.id IN ({list})"
    ))
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let record: i64 = col(r, "id")?;
            Ok(ErasedRecord {
                record,
                pseudonym: pseudonym(record),
                gender: typed_col(r, "gender", Gender::parse)?,
                school_id: SchoolId(col(r, "school_id")?),
                school: col(r, "school")?,
                district: col(r, "district")?,
                start_date: date_col(r, "start_date")?,
                end_date: date_col(r, "end_date")?,
            })
        })
        .collect()
}

/// Minutes `(record, YYYYWW, teaching, self_study)` of the records `ids` in weeks
/// `from`–`to` (as `YYYYWW`).
pub async fn minutes_of(
    db: &Db,
    ids: &[i64],
    from: i64,
    to: i64,
) -> Result<Vec<(i64, i64, i64, i64)>, DbError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let rows = sqlx::query(&format!(
        "SELECT record_id, iso_week, teaching, self_study FROM erased_minutes \
         WHERE iso_week >= $1 AND iso_week <= $2 AND record_id IN ({list})"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                col(r, "record_id")?,
                col(r, "iso_week")?,
                col(r, "teaching")?,
                col(r, "self_study")?,
            ))
        })
        .collect()
}

/// Absence spans `(record, from, to)` of the records `ids` that touch `first`–`last`.
pub async fn absences_of(
    db: &Db,
    ids: &[i64],
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<(i64, NaiveDate, NaiveDate)>, DbError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let rows = sqlx::query(&format!(
        "SELECT record_id, from_date, to_date FROM erased_absences \
         WHERE to_date >= $1 AND from_date <= $2 AND record_id IN ({list})"
    ))
    .bind(format_date(first))
    .bind(format_date(last))
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                col(r, "record_id")?,
                date_col(r, "from_date")?,
                date_col(r, "to_date")?,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn an_upload_names_a_reference_only_as_a_whole_field() {
        assert!(names("ref;name\nP-1;Ann\n", "P-1"));
        assert!(names("\"P-1\",Ann", "P-1"));
        assert!(!names("ref\nP-10\n", "P-1"));
        assert!(!names("ref\nXP-1\n", "P-1"));
    }
}
