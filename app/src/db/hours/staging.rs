//! The set-based half of the `teaching` import: the file's valid rows are loaded into a
//! staging table of the import's transaction, every check that needs the database runs as
//! one statement over all of them, and the whole file is applied with `INSERT … SELECT` and
//! `UPDATE … FROM`, keeping a version of every change.
//!
//! The checks agree with checking the rows one by one in file order
//! (the forms' `save_entries` of the import module): a row is checked against the entries stored for its
//! participant, kind and day that no earlier row (nor itself) replaces, plus the earlier rows
//! of the file for that day that passed the participant and teacher checks.

use super::Recorder;
use crate::db::{col, now, value_rows, Backend, DbError, Tx};
use crate::domain::weeks::MAX_MINUTES_PER_DAY;

/// One valid row of the file, as staged.
#[derive(Debug, Clone)]
pub struct StagedTime {
    /// The file line.
    pub line: i64,
    /// The participant's reference.
    pub participant_ref: String,
    /// The `start` field as written (named by a duplicate's problem).
    pub raw_start: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`.
    pub end: String,
    /// `teaching` or `self_study`.
    pub kind: &'static str,
    /// Whole minutes.
    pub minutes: i64,
    /// `YYYYWW`.
    pub iso_week: i64,
    /// The teacher's e-mail, if given.
    pub teacher_email: Option<String>,
}

/// Rows per `INSERT` into the staging table (10 parameters each; SQLite allows 32,766).
pub const BATCH: usize = 1000;

const COLUMNS: &str = "line, participant_ref, raw_start, entry_date, start_time, end_time, \
    kind, minutes, iso_week, teacher_email";

/// Creates the (empty) staging table of this transaction.
pub async fn create(tx: &mut Tx) -> Result<(), DbError> {
    sqlx::query("DROP TABLE IF EXISTS import_time_stage")
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "CREATE TEMPORARY TABLE import_time_stage (
            line BIGINT NOT NULL PRIMARY KEY,
            participant_ref TEXT NOT NULL,
            raw_start TEXT NOT NULL,
            entry_date TEXT NOT NULL,
            start_time TEXT NOT NULL,
            end_time TEXT NOT NULL,
            kind TEXT NOT NULL,
            minutes BIGINT NOT NULL,
            iso_week BIGINT NOT NULL,
            teacher_email TEXT,
            participant_id BIGINT,
            teacher_id BIGINT,
            entry_id BIGINT,
            old_minutes BIGINT,
            old_version BIGINT,
            changed BIGINT NOT NULL DEFAULT 0,
            bad BIGINT NOT NULL DEFAULT 0
        )",
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Adds `rows` (at most [`BATCH`]) to the staging table, in one statement.
pub async fn insert(tx: &mut Tx, backend: Backend, rows: &[StagedTime]) -> Result<(), DbError> {
    if rows.is_empty() {
        return Ok(());
    }
    // The participant and the teacher are found as the rows go in (no later pass rewrites
    // every staged row, which on PostgreSQL doubles the table).
    let mut sql = format!(
        "WITH v ({COLUMNS}) AS (VALUES {}",
        value_rows(backend, 10, rows.len())
    );
    sql.push_str(&format!(
        ") INSERT INTO import_time_stage ({COLUMNS}, participant_id, teacher_id) \
         SELECT {COLUMNS}, \
         (SELECT p.id FROM participants p WHERE p.participant_ref = v.participant_ref), \
         (SELECT u.id FROM users u WHERE u.email = v.teacher_email AND u.role = 'teacher' \
          AND u.active = 1) \
         FROM v"
    ));
    let mut query = sqlx::query(&sql);
    for r in rows {
        query = query
            .bind(r.line)
            .bind(r.participant_ref.as_str())
            .bind(r.raw_start.as_str())
            .bind(r.date.as_str())
            .bind(r.start.as_str())
            .bind(r.end.as_str())
            .bind(r.kind)
            .bind(r.minutes)
            .bind(r.iso_week)
            .bind(r.teacher_email.as_deref());
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

async fn run(tx: &mut Tx, sql: &str) -> Result<(), DbError> {
    sqlx::query(sql).execute(&mut **tx).await?;
    Ok(())
}

/// Marks as bad the rows whose key an earlier row has, and returns them as
/// `(line, raw start, first line with that key)`.
pub async fn duplicates(tx: &mut Tx) -> Result<Vec<(i64, String, i64)>, DbError> {
    // Statistics for the planner: nothing analyses a temporary table by itself.
    run(tx, "ANALYZE import_time_stage").await?;
    run(
        tx,
        "CREATE INDEX import_time_stage_key ON import_time_stage \
         (participant_ref, entry_date, start_time, kind, line)",
    )
    .await?;
    let rows = sqlx::query(
        "SELECT s.line, s.raw_start, MIN(f.line) AS first_line \
         FROM import_time_stage s JOIN import_time_stage f \
         ON f.participant_ref = s.participant_ref AND f.entry_date = s.entry_date \
         AND f.start_time = s.start_time AND f.kind = s.kind AND f.line < s.line \
         GROUP BY s.line, s.raw_start",
    )
    .fetch_all(&mut **tx)
    .await?;
    let out = rows
        .iter()
        .map(|r| Ok((col(r, "line")?, col(r, "raw_start")?, col(r, "first_line")?)))
        .collect::<Result<Vec<_>, DbError>>()?;
    if !out.is_empty() {
        mark_bad(tx, out.iter().map(|(line, _, _)| *line)).await?;
    }
    Ok(out)
}

/// The good rows matching `condition` (SQL over the staging table's columns, no input),
/// as `(line, column)`, marked bad.
async fn take_bad(
    tx: &mut Tx,
    column: &str,
    condition: &str,
) -> Result<Vec<(i64, String)>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT line, {column} FROM import_time_stage WHERE bad = 0 AND {condition}"
    ))
    .fetch_all(&mut **tx)
    .await?;
    run(
        tx,
        &format!("UPDATE import_time_stage SET bad = 1 WHERE bad = 0 AND {condition}"),
    )
    .await?;
    rows.iter()
        .map(|r| Ok((col(r, "line")?, col(r, column)?)))
        .collect()
}

/// Marks the rows whose participant does not exist (found as they were staged) as bad and
/// returns them as `(line, participant_ref)`.
pub async fn unknown_participants(tx: &mut Tx) -> Result<Vec<(i64, String)>, DbError> {
    take_bad(tx, "participant_ref", "participant_id IS NULL").await
}

/// Marks the rows naming anyone but an active teacher (found as they were staged) as bad and
/// returns them as `(line, teacher_email)`.
pub async fn unknown_teachers(tx: &mut Tx) -> Result<Vec<(i64, String)>, DbError> {
    take_bad(
        tx,
        "teacher_email",
        "teacher_email IS NOT NULL AND teacher_id IS NULL",
    )
    .await
}

/// Pairs every row with the stored entry of the same key, if there is one: its id, minutes and
/// version, and whether the row changes it.
pub async fn match_stored(tx: &mut Tx) -> Result<(), DbError> {
    run(
        tx,
        "CREATE INDEX import_time_stage_day ON import_time_stage \
         (participant_id, kind, entry_date, line)",
    )
    .await?;
    run(
        tx,
        "UPDATE import_time_stage SET entry_id = t.id, old_minutes = t.minutes, \
         old_version = t.version, \
         changed = CASE WHEN t.end_time = import_time_stage.end_time \
           AND COALESCE(t.teacher_id, 0) = COALESCE(import_time_stage.teacher_id, 0) \
           THEN 0 ELSE 1 END \
         FROM time_entries t \
         WHERE import_time_stage.bad = 0 AND t.participant_id = import_time_stage.participant_id \
         AND t.entry_date = import_time_stage.entry_date \
         AND t.start_time = import_time_stage.start_time AND t.kind = import_time_stage.kind",
    )
    .await
}

/// Every overlap of a good row with an entry it must not overlap, as `(line, start, end, the
/// other entry's start, its end)`: earlier good rows of the file for the same participant,
/// kind and day, and stored entries of that day that neither the row nor an earlier good row
/// replaces. A row may appear more than once (the caller names the earliest entry).
pub async fn overlaps(tx: &mut Tx) -> Result<Vec<(i64, String, String, String, String)>, DbError> {
    let rows = sqlx::query(
        "SELECT a.line, a.start_time, a.end_time, b.start_time AS other_start, \
           b.end_time AS other_end \
         FROM import_time_stage a JOIN import_time_stage b \
         ON b.participant_id = a.participant_id AND b.kind = a.kind \
         AND b.entry_date = a.entry_date AND b.line < a.line \
         AND b.start_time < a.end_time AND a.start_time < b.end_time \
         WHERE a.bad = 0 AND b.bad = 0 \
         UNION ALL \
         SELECT a.line, a.start_time, a.end_time, t.start_time AS other_start, \
           t.end_time AS other_end \
         FROM import_time_stage a JOIN time_entries t \
         ON t.participant_id = a.participant_id AND t.entry_date = a.entry_date \
         AND t.kind = a.kind AND t.start_time <> a.start_time \
         AND t.start_time < a.end_time AND a.start_time < t.end_time \
         WHERE a.bad = 0 AND NOT EXISTS (SELECT 1 FROM import_time_stage c \
           WHERE c.participant_id = a.participant_id AND c.kind = a.kind \
           AND c.entry_date = a.entry_date AND c.start_time = t.start_time \
           AND c.line < a.line AND c.bad = 0)",
    )
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                col(r, "line")?,
                col(r, "start_time")?,
                col(r, "end_time")?,
                col(r, "other_start")?,
                col(r, "other_end")?,
            ))
        })
        .collect()
}

/// The good rows that bring their day's time of their kind over the daily limit, as
/// `(line, end, the day's minutes with the row)`: the entries stored that day, less those
/// replaced by this or an earlier row, plus this and the earlier good rows of that day.
pub async fn over_daily_limit(tx: &mut Tx) -> Result<Vec<(i64, String, i64)>, DbError> {
    // Only days whose stored time plus all the file's rows could pass the limit are summed
    // row by row (a row's total is never more than that).
    let rows = sqlx::query(
        "WITH heavy AS ( \
           SELECT s.participant_id, s.kind, s.entry_date FROM import_time_stage s \
           WHERE s.bad = 0 GROUP BY s.participant_id, s.kind, s.entry_date \
           HAVING CAST(SUM(s.minutes) AS BIGINT) \
             + CAST(COALESCE((SELECT SUM(t.minutes) FROM time_entries t \
               WHERE t.participant_id = s.participant_id AND t.entry_date = s.entry_date \
               AND t.kind = s.kind), 0) AS BIGINT) > $1) \
         SELECT line, end_time, total FROM ( \
           SELECT a.line, a.end_time, CAST(SUM(a.minutes - COALESCE(a.old_minutes, 0)) OVER ( \
             PARTITION BY a.participant_id, a.kind, a.entry_date ORDER BY a.line \
             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) \
           + CAST(COALESCE((SELECT SUM(t.minutes) FROM time_entries t \
             WHERE t.participant_id = a.participant_id AND t.entry_date = a.entry_date \
             AND t.kind = a.kind), 0) AS BIGINT) AS total \
           FROM import_time_stage a JOIN heavy h ON h.participant_id = a.participant_id \
           AND h.kind = a.kind AND h.entry_date = a.entry_date WHERE a.bad = 0) x \
         WHERE total > $1",
    )
    .bind(i64::from(MAX_MINUTES_PER_DAY))
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|r| Ok((col(r, "line")?, col(r, "end_time")?, col(r, "total")?)))
        .collect()
}

/// Marks the rows of `lines` as bad (they are neither counted nor stored).
pub async fn mark_bad(tx: &mut Tx, lines: impl IntoIterator<Item = i64>) -> Result<(), DbError> {
    let lines: Vec<i64> = lines.into_iter().collect();
    for part in lines.chunks(BATCH) {
        // Numbers only: nothing of the file reaches the SQL text.
        let list: Vec<String> = part.iter().map(i64::to_string).collect();
        run(
            tx,
            &format!(
                "UPDATE import_time_stage SET bad = 1 WHERE line IN ({})",
                list.join(",")
            ),
        )
        .await?;
    }
    Ok(())
}

/// How many good rows would create, update and leave an entry unchanged.
pub async fn counts(tx: &mut Tx) -> Result<(usize, usize, usize), DbError> {
    let row = sqlx::query(
        "SELECT \
           CAST(COALESCE(SUM(CASE WHEN entry_id IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS created, \
           CAST(COALESCE(SUM(CASE WHEN entry_id IS NOT NULL AND changed = 1 THEN 1 ELSE 0 END), 0) AS BIGINT) AS updated, \
           CAST(COALESCE(SUM(CASE WHEN entry_id IS NOT NULL AND changed = 0 THEN 1 ELSE 0 END), 0) AS BIGINT) AS unchanged \
         FROM import_time_stage WHERE bad = 0",
    )
    .fetch_one(&mut **tx)
    .await?;
    let count = |name: &str| -> Result<usize, DbError> {
        Ok(usize::try_from(col::<i64>(&row, name)?).unwrap_or(0))
    };
    Ok((count("created")?, count("updated")?, count("unchanged")?))
}

/// The head of an `INSERT` into the version history of recorded time.
const VERSION_COLUMNS: &str = "INSERT INTO time_entry_versions (entry_id, participant_id, \
    version, action, changed_at, changed_by, changed_by_participant, source, kind, entry_date, \
    start_time, end_time, teacher_id)";

/// Applies every good row: changed entries are updated and new ones created, each change
/// kept as a version (`update` or `create`) recorded by `who`.
pub async fn apply(tx: &mut Tx, backend: Backend, who: Recorder) -> Result<(), DbError> {
    let t = now();
    let user = who.user.map(|u| u.0);
    let participant = who.participant.map(|p| p.0);
    sqlx::query(&format!(
        "{VERSION_COLUMNS} SELECT entry_id, participant_id, old_version + 1, 'update', $1, $2, \
         $3, $4, kind, entry_date, start_time, end_time, teacher_id \
         FROM import_time_stage WHERE bad = 0 AND entry_id IS NOT NULL AND changed = 1 ORDER BY line"
    ))
    .bind(t)
    .bind(user)
    .bind(participant)
    .bind(who.source)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE time_entries SET end_time = s.end_time, minutes = s.minutes, \
         teacher_id = s.teacher_id, version = s.old_version + 1, updated_at = $1, \
         updated_by = $2, updated_by_participant = $3 \
         FROM import_time_stage s \
         WHERE time_entries.id = s.entry_id AND s.bad = 0 AND s.changed = 1",
    )
    .bind(t)
    .bind(user)
    .bind(participant)
    .execute(&mut **tx)
    .await?;
    let create_entries = "INSERT INTO time_entries (participant_id, kind, entry_date, start_time, \
        end_time, minutes, iso_week, teacher_id, version, created_at, updated_at, updated_by, \
        updated_by_participant) \
        SELECT participant_id, kind, entry_date, start_time, end_time, minutes, iso_week, \
          teacher_id, 1, $1, $1, $2, $3 \
        FROM import_time_stage WHERE bad = 0 AND entry_id IS NULL ORDER BY line";
    match backend {
        // The transaction holds SQLite's only write lock: the new entries are those above the
        // highest id before the insert, found without joining the staging table back.
        Backend::Sqlite => {
            let before: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM time_entries")
                .fetch_one(&mut **tx)
                .await?;
            sqlx::query(create_entries)
                .bind(t)
                .bind(user)
                .bind(participant)
                .execute(&mut **tx)
                .await?;
            sqlx::query(&format!(
                "{VERSION_COLUMNS} SELECT id, participant_id, 1, 'create', $1, $2, $3, $4, kind, \
                 entry_date, start_time, end_time, teacher_id FROM time_entries WHERE id > $5 \
                 ORDER BY id"
            ))
            .bind(t)
            .bind(user)
            .bind(participant)
            .bind(who.source)
            .bind(before)
            .execute(&mut **tx)
            .await?;
        }
        Backend::Postgres => {
            sqlx::query(&format!(
                "WITH created AS ({create_entries} RETURNING id, participant_id, kind, \
                 entry_date, start_time, end_time, teacher_id) \
                 {VERSION_COLUMNS} SELECT id, participant_id, 1, 'create', $1, $2, $3, $4, kind, \
                 entry_date, start_time, end_time, teacher_id FROM created ORDER BY id"
            ))
            .bind(t)
            .bind(user)
            .bind(participant)
            .bind(who.source)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// Drops the staging table (before the transaction ends, so a pooled connection starts the
/// next import clean).
pub async fn drop(tx: &mut Tx) -> Result<(), DbError> {
    run(tx, "DROP TABLE IF EXISTS import_time_stage").await
}
