//! Everything held about one participant beyond the file kinds (issue 17): the history and
//! version tables, the self-assessments with their answers and comments, plans, groups, and
//! the access log entries about them, each as a table of text cells.
//!
//! Secrets are left out: the PIN's hash, the sign-in code's throttle counts and session
//! tokens are not data about the person but keys to their account.

use std::collections::HashMap;

use sqlx::any::AnyRow;
use sqlx::{Column, Row};

use super::{Db, DbError};
use crate::domain::ids::ParticipantId;

/// One table of a person's data: a file name, its columns and rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The file name the table is written to (without `.csv`).
    pub name: &'static str,
    /// Column names.
    pub columns: Vec<String>,
    /// Rows of text cells.
    pub rows: Vec<Vec<String>>,
}

/// The tables of a person's data, in the archive's order.
pub const TABLE_NAMES: [&str; 19] = [
    "participant_history",
    "sfi_result_versions",
    "assessments",
    "assessment_answers",
    "assessment_levels",
    "assessment_level_history",
    "assessment_comments",
    "weekly_plans",
    "plan_blocks",
    "time_entry_versions",
    "absence_versions",
    "outcome_versions",
    "participant_step_versions",
    "placement_versions",
    "development_talk_versions",
    "development_talk_goals",
    "checkpoint_decisions",
    "teaching_groups",
    "access_log",
];

const OF_ASSESSMENTS: &str =
    "assessment_id IN (SELECT id FROM assessments WHERE participant_id = $1)";

/// The tables and the query of each (`$1` is the participant's id), oldest rows first.
fn queries() -> [(&'static str, String); 19] {
    [
        (
            "participant_history",
            "SELECT changed_at, changed_by, source, field, old_value, new_value \
             FROM participant_history WHERE participant_id = $1 ORDER BY id"
                .to_owned(),
        ),
        (
            "sfi_result_versions",
            "SELECT * FROM sfi_result_versions WHERE participant_id = $1 ORDER BY id".to_owned(),
        ),
        (
            "assessments",
            "SELECT id, occasion, assessed_on, status, source, catalogue_version, threshold, \
             created_at, updated_at, submitted_at FROM assessments WHERE participant_id = $1 \
             ORDER BY id"
                .to_owned(),
        ),
        (
            "assessment_answers",
            format!(
                "SELECT * FROM assessment_answers WHERE {OF_ASSESSMENTS} \
                 ORDER BY assessment_id, statement_id"
            ),
        ),
        (
            "assessment_levels",
            format!(
                "SELECT * FROM assessment_levels WHERE {OF_ASSESSMENTS} ORDER BY assessment_id, skill"
            ),
        ),
        (
            "assessment_level_history",
            format!("SELECT * FROM assessment_level_history WHERE {OF_ASSESSMENTS} ORDER BY id"),
        ),
        (
            "assessment_comments",
            format!(
                "SELECT assessment_id, author_id, body, created_at FROM assessment_comments \
                 WHERE {OF_ASSESSMENTS} ORDER BY id"
            ),
        ),
        (
            "weekly_plans",
            "SELECT id, valid_from, self_study_minutes, created_at, created_by, source \
             FROM weekly_plans WHERE participant_id = $1 ORDER BY id"
                .to_owned(),
        ),
        (
            "plan_blocks",
            "SELECT * FROM plan_blocks WHERE plan_id IN \
             (SELECT id FROM weekly_plans WHERE participant_id = $1) ORDER BY plan_id, position"
                .to_owned(),
        ),
        (
            "time_entry_versions",
            "SELECT * FROM time_entry_versions WHERE participant_id = $1 ORDER BY id".to_owned(),
        ),
        (
            "absence_versions",
            "SELECT * FROM absence_versions WHERE participant_id = $1 ORDER BY id".to_owned(),
        ),
        (
            "outcome_versions",
            "SELECT * FROM outcome_versions WHERE participant_id = $1 ORDER BY id".to_owned(),
        ),
        (
            "participant_step_versions",
            "SELECT * FROM participant_step_versions WHERE participant_id = $1 ORDER BY id"
                .to_owned(),
        ),
        (
            "placement_versions",
            "SELECT * FROM placement_versions WHERE participant_id = $1 ORDER BY id".to_owned(),
        ),
        (
            "development_talk_versions",
            "SELECT * FROM development_talk_versions WHERE participant_id = $1 ORDER BY id"
                .to_owned(),
        ),
        (
            "development_talk_goals",
            "SELECT * FROM development_talk_goals WHERE participant_id = $1 \
             ORDER BY talk_id, statement_id"
                .to_owned(),
        ),
        (
            "checkpoint_decisions",
            "SELECT * FROM checkpoint_decisions WHERE participant_id = $1 ORDER BY id".to_owned(),
        ),
        (
            "teaching_groups",
            "SELECT g.name, g.teacher_id FROM group_members m \
             JOIN teaching_groups g ON g.id = m.group_id WHERE m.participant_id = $1 ORDER BY g.name"
                .to_owned(),
        ),
        (
            "access_log",
            "SELECT at, actor_user_id, actor_role, event, what, row_count, address FROM access_log \
             WHERE participant_id = $1 OR actor_participant_id = $1 ORDER BY id"
                .to_owned(),
        ),
    ]
}

/// Columns that name a staff account by its id: written as the account's name and e-mail.
const USER_COLUMNS: [&str; 8] = [
    "changed_by",
    "teacher_id",
    "author_id",
    "created_by",
    "actor_user_id",
    "updated_by",
    "confirmed_by",
    "recorded_by",
];

/// Every table of `participant`'s data, in a fixed order (empty tables included, so the
/// reader sees that nothing is held there).
pub async fn tables(db: &Db, participant: ParticipantId) -> Result<Vec<Table>, DbError> {
    let staff: HashMap<i64, String> = sqlx::query("SELECT id, display_name, email FROM users")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| {
            Ok((
                super::col::<i64>(r, "id")?,
                format!(
                    "{} <{}>",
                    super::col::<String>(r, "display_name")?,
                    super::col::<String>(r, "email")?
                ),
            ))
        })
        .collect::<Result<_, DbError>>()?;
    let mut out = Vec::new();
    for (name, sql) in queries() {
        let rows = sqlx::query(&sql)
            .bind(participant.0)
            .fetch_all(&db.pool)
            .await?;
        let columns: Vec<String> = match rows.first() {
            Some(r) => r.columns().iter().map(|c| c.name().to_owned()).collect(),
            None => columns_of(&sql),
        };
        let rows = rows
            .iter()
            .map(|r| cells(r, &columns, &staff))
            .collect::<Vec<_>>();
        out.push(Table {
            name,
            columns,
            rows,
        });
    }
    Ok(out)
}

/// The column names of an explicit select list (`SELECT *` of an empty table gives none).
fn columns_of(sql: &str) -> Vec<String> {
    let list = sql
        .trim_start_matches("SELECT ")
        .split(" FROM ")
        .next()
        .unwrap_or_default();
    if list.trim() == "*" {
        return vec![];
    }
    list.split(',')
        .map(|c| {
            let c = c.trim();
            c.rsplit('.').next().unwrap_or(c).to_owned()
        })
        .collect()
}

/// A row's cells as text: instants (`…_at`) as Stockholm time, staff ids as names.
fn cells(row: &AnyRow, columns: &[String], staff: &HashMap<i64, String>) -> Vec<String> {
    columns
        .iter()
        .enumerate()
        .map(|(i, name)| {
            if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
                return match v {
                    None => String::new(),
                    Some(n) if name.ends_with("_at") => instant(n),
                    Some(n) if USER_COLUMNS.contains(&name.as_str()) => {
                        staff.get(&n).cloned().unwrap_or_else(|| n.to_string())
                    }
                    Some(n) => n.to_string(),
                };
            }
            if let Ok(v) = row.try_get::<Option<String>, _>(i) {
                return v.unwrap_or_default();
            }
            if let Ok(v) = row.try_get::<Option<f64>, _>(i) {
                return v.map(|f| f.to_string()).unwrap_or_default();
            }
            String::new()
        })
        .collect()
}

/// Unix seconds as `YYYY-MM-DD HH:MM:SS` in Stockholm.
fn instant(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| {
            t.with_timezone(&chrono_tz::Europe::Stockholm)
                .format("%Y-%m-%d %H:%M:%S")
                .to_string()
        })
        .unwrap_or_else(|| seconds.to_string())
}

#[cfg(test)]
mod tests {
    use super::columns_of;

    #[test]
    fn every_table_is_named_in_the_list_the_catalogue_is_checked_against() {
        assert_eq!(super::queries().map(|(n, _)| n), super::TABLE_NAMES);
    }

    #[test]
    fn an_empty_table_still_names_its_columns() {
        assert_eq!(
            columns_of("SELECT g.name, g.teacher_id FROM group_members m"),
            vec!["name", "teacher_id"]
        );
        assert!(columns_of("SELECT * FROM x").is_empty());
    }
}
