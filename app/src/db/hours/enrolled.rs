//! The one query behind the compliance views: the participants of a scope enrolled in a week
//! range with their minutes and absences, gathered by the database into one text.
//!
//! One row for the whole page rather than a row per participant, week and kind plus a row per
//! absence, because through sqlx each row costs far more than the database's own work (on
//! SQLite a row is handed from the connection's thread to the runtime's, waking it): a national
//! week (150,000 participants) took 3 s with three queries per thousand participants, of which
//! SQLite's own work was a third, and 3.3 s with a row per participant.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::measure::Scope;
use super::minutes_of;
use crate::db::{bytewise, col, Backend, Db, DbError};
use crate::domain::participant::{format_date, parse_date, Gender};
use crate::domain::time_record::{week_code, week_of_code, Enrolment, WeekMinutes};
use crate::domain::weeks::IsoWeek;

/// A participant's row: what measures their weeks.
#[derive(Debug)]
pub(super) struct Row {
    /// Id.
    pub id: i64,
    /// Reference.
    pub participant_ref: String,
    /// School.
    pub school_id: i64,
    /// Start, end and absences (no closed days yet).
    pub enrolment: Enrolment,
    /// Minutes per week of the range.
    pub minutes: WeekMinutes,
    /// Name, gender and places, when asked for.
    pub named: Option<Named>,
}

/// A participant's name, gender and places, read when the view shows them.
#[derive(Debug)]
pub(super) struct Named {
    /// Given and family name.
    pub name: String,
    /// Gender as recorded.
    pub gender: Gender,
    /// School name.
    pub school: String,
    /// District name.
    pub district: String,
}

/// The participants of `scope` enrolled on at least one day of `from`–`to`, in byte order of
/// reference; a page of them when `page` is `(after, limit)`; with their names and places
/// when `named`.
pub(super) async fn read(
    db: &Db,
    scope: Scope,
    (from, to): (IsoWeek, IsoWeek),
    page: Option<(Option<&str>, usize)>,
    named: bool,
) -> Result<Vec<Row>, DbError> {
    let reference = bytewise(db.backend, "p.participant_ref");
    let (cond, param) = scope.condition(5);
    let after_n = if param.is_some() { 6 } else { 5 };
    let (after, limit) = match page {
        Some((Some(_), limit)) => (
            format!("AND {reference} > ${after_n}"),
            format!("LIMIT {limit}"),
        ),
        Some((None, limit)) => (String::new(), format!("LIMIT {limit}")),
        None => (String::new(), String::new()),
    };
    let (agg, char_fn) = match db.backend {
        Backend::Sqlite => ("group_concat", "char"),
        Backend::Postgres => ("string_agg", "chr"),
    };
    // Fields are parted by the unit separator and participants by the record separator: no
    // stored text has control characters (references, names and places are checked for them).
    let unit = format!("{char_fn}(31)");
    let record = format!("{char_fn}(30)");
    let (names, places) = if named {
        (
            format!(
                " || {unit} || p.given_name || ' ' || p.family_name || {unit} || p.gender \
                 || {unit} || s.name || {unit} || d.name"
            ),
            "JOIN schools s ON s.id = p.school_id JOIN districts d ON d.id = s.district_id",
        )
    } else {
        (String::new(), "")
    };
    let sql = format!(
        "SELECT {agg}(line, {record}) AS page FROM (SELECT \
         CAST(p.id AS TEXT) || {unit} || p.participant_ref || {unit} || CAST(p.school_id AS TEXT) \
         || {unit} || p.start_date || {unit} || COALESCE(p.end_date, '') || {unit} || COALESCE(\
         (SELECT {agg}(CAST(w.iso_week AS TEXT) || ',' || CAST(w.teaching AS TEXT) || ',' \
          || CAST(w.self_study AS TEXT), ';') FROM (SELECT t.iso_week, \
          SUM(CASE WHEN t.kind = 'teaching' THEN t.minutes ELSE 0 END) AS teaching, \
          SUM(CASE WHEN t.kind = 'teaching' THEN 0 ELSE t.minutes END) AS self_study \
          FROM time_entries t WHERE t.participant_id = p.id AND t.iso_week >= $3 AND t.iso_week <= $4 \
          GROUP BY t.iso_week) w), '') \
         || {unit} || COALESCE((SELECT {agg}(a.from_date || ',' || a.to_date, ';') FROM absences a \
          WHERE a.participant_id = p.id AND a.to_date >= $2 AND a.from_date <= $1), ''){names} AS line \
         FROM participants p {places} \
         WHERE p.start_date <= $1 AND (p.end_date IS NULL OR p.end_date >= $2) AND {cond} {after} \
         ORDER BY {reference} {limit}) page"
    );
    let mut q = sqlx::query(&sql)
        .bind(format_date(to.sunday()))
        .bind(format_date(from.monday()))
        .bind(week_code(from))
        .bind(week_code(to));
    if let Some(v) = param {
        q = q.bind(v);
    }
    if let Some((Some(after), _)) = page {
        q = q.bind(after);
    }
    let text: Option<String> = col(&q.fetch_one(&db.pool).await?, "page")?;
    let mut rows = text
        .unwrap_or_default()
        .split('\u{1e}')
        .filter(|line| !line.is_empty())
        .map(|line| row(line, named))
        .collect::<Result<Vec<Row>, DbError>>()?;
    // The gathering keeps no order of its own.
    rows.sort_by(|a, b| a.participant_ref.cmp(&b.participant_ref));
    Ok(rows)
}

/// One participant's gathered line: id, reference, school id, start, end (or empty), minutes,
/// absences and, when `named`, name, gender, school and district.
fn row(line: &str, named: bool) -> Result<Row, DbError> {
    let fields: Vec<&str> = line.split('\u{1f}').collect();
    let ([id, participant_ref, school_id, start, end, minutes_text, absences_text], named_fields) =
        match (fields.as_slice(), named) {
            ([a, b, c, d, e, f, g], false) => ([*a, *b, *c, *d, *e, *f, *g], None),
            ([a, b, c, d, e, f, g, h, i, j, k], true) => {
                ([*a, *b, *c, *d, *e, *f, *g], Some([*h, *i, *j, *k]))
            }
            _ => return Err(corrupt("participant", line)),
        };
    let number = |s: &str| s.parse::<i64>().map_err(|_| corrupt("number", line));
    let day = |s: &str| parse_date(s).map_err(|_| corrupt("date", line));
    let mut enrolment = Enrolment::new(
        day(start)?,
        if end.is_empty() {
            None
        } else {
            Some(day(end)?)
        },
    );
    enrolment.absences = absences(absences_text)?;
    let named = match named_fields {
        Some([name, gender, school, district]) => Some(Named {
            name: name.to_owned(),
            gender: Gender::parse(gender).map_err(|_| corrupt("gender", line))?,
            school: school.to_owned(),
            district: district.to_owned(),
        }),
        None => None,
    };
    Ok(Row {
        id: number(id)?,
        participant_ref: participant_ref.to_owned(),
        school_id: number(school_id)?,
        enrolment,
        minutes: minutes(minutes_text)?,
        named,
    })
}

/// Every school's name with its district's, by school id.
pub(super) async fn places(db: &Db) -> Result<HashMap<i64, (String, String)>, DbError> {
    sqlx::query(
        "SELECT s.id, s.name AS school, d.name AS district \
         FROM schools s JOIN districts d ON d.id = s.district_id",
    )
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| Ok((col(r, "id")?, (col(r, "school")?, col(r, "district")?))))
    .collect()
}

fn corrupt(what: &str, text: &str) -> DbError {
    DbError::Other(format!("stored {what} does not parse: {text:?}"))
}

/// The minutes per week of `text`, entries `YYYYWW,teaching,self_study` joined by `;` (in
/// any order; entries of one week are added up).
fn minutes(text: &str) -> Result<WeekMinutes, DbError> {
    let mut out = WeekMinutes::new();
    for entry in text.split(';').filter(|e| !e.is_empty()) {
        let mut parts = entry.split(',');
        let (Some(week), Some(teaching), Some(self_study), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(corrupt("minutes", entry));
        };
        let week = week
            .parse::<i64>()
            .ok()
            .and_then(week_of_code)
            .ok_or_else(|| corrupt("week", entry))?;
        let number = |s: &str| {
            s.parse()
                .map(minutes_of)
                .map_err(|_| corrupt("minutes", entry))
        };
        let sums = out.entry(week).or_insert((0, 0));
        sums.0 += number(teaching)?;
        sums.1 += number(self_study)?;
    }
    Ok(out)
}

/// The absences of `text`, `from,to` joined by `;`.
fn absences(text: &str) -> Result<Vec<(NaiveDate, NaiveDate)>, DbError> {
    text.split(';')
        .filter(|e| !e.is_empty())
        .map(|span| {
            let (from, to) = span
                .split_once(',')
                .ok_or_else(|| corrupt("absence", span))?;
            match (parse_date(from), parse_date(to)) {
                (Ok(from), Ok(to)) => Ok((from, to)),
                _ => Err(corrupt("absence", span)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(code: &str) -> IsoWeek {
        IsoWeek::parse(code).expect("week")
    }

    #[test]
    fn a_weeks_minutes_are_read_in_any_order_and_added_up() {
        let m = minutes("202648,100,0;202649,0,60;202648,50,30").expect("minutes");
        assert_eq!(m.get(&week("2026-W48")), Some(&(150, 30)));
        assert_eq!(m.get(&week("2026-W49")), Some(&(0, 60)));
        assert_eq!(m.len(), 2);
        assert!(minutes("").expect("none").is_empty());
    }

    #[test]
    fn a_malformed_gathered_column_is_an_error_not_a_zero() {
        assert!(minutes("202648,100").is_err());
        assert!(minutes("202648,100,0,1").is_err());
        assert!(minutes("2026W48,100,0").is_err());
        assert!(minutes("202648,lots,0").is_err());
        assert!(absences("2026-01-05").is_err());
        assert!(absences("2026-01-05,2026-13-01").is_err());
    }

    #[test]
    fn absences_are_read_as_spans() {
        let d = |s: &str| parse_date(s).expect("date");
        assert_eq!(
            absences("2026-01-05,2026-01-09;2026-02-02,2026-02-02").expect("absences"),
            [
                (d("2026-01-05"), d("2026-01-09")),
                (d("2026-02-02"), d("2026-02-02"))
            ]
        );
        assert!(absences("").expect("none").is_empty());
    }
}
