//! Compliance: the participants of a scope with their enrolment and minutes per week.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{date_col, minimum, minutes_of, opt_date_col};
use crate::db::{col, Db, DbError};
use crate::domain::ids::{ParticipantId, SchoolId, UserId};
use crate::domain::participant::format_date;
use crate::domain::time_record::{week_code, Enrolment, WeekMinutes};
use crate::domain::weeks::{IsoWeek, TimeKind};
use crate::dto::WeekRow;

/// Whose weeks to measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every participant of the programme.
    All,
    /// The participants of one school.
    School(SchoolId),
    /// A mentor's participants.
    Mentor(UserId),
    /// One participant.
    Participant(ParticipantId),
}

impl Scope {
    /// The condition on `p` (participants) and its parameter, numbered `$n`.
    pub(super) fn condition(self, n: usize) -> (String, Option<i64>) {
        match self {
            Scope::All => ("1 = 1".to_owned(), None),
            Scope::School(s) => (format!("p.school_id = ${n}"), Some(s.0)),
            Scope::Mentor(u) => (format!("p.mentor_id = ${n}"), Some(u.0)),
            Scope::Participant(p) => (format!("p.id = ${n}"), Some(p.0)),
        }
    }
}

/// A participant as the compliance views need them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measured {
    /// Id.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// Given and family name.
    pub name: String,
    /// Gender as recorded.
    pub gender: crate::domain::participant::Gender,
    /// School name.
    pub school: String,
    /// District name.
    pub district: String,
    /// Start, end and absences.
    pub enrolment: Enrolment,
    /// Minutes per week in the range.
    pub minutes: WeekMinutes,
}

/// A participant's weeks from their start to the week of `today` (or their end), measured
/// against the minimum, oldest first, the running week marked, each with the calendar's closed
/// days that fall on its weekdays.
pub async fn participant_weeks(
    db: &Db,
    participant: ParticipantId,
    today: NaiveDate,
) -> Result<Vec<WeekRow>, DbError> {
    use crate::domain::time_record::weeks_of;
    let detail = crate::db::participants::get(db, participant).await?;
    let start = detail.start_date;
    let current = IsoWeek::containing(today);
    let from = IsoWeek::containing(start);
    if from > current {
        return Ok(vec![]);
    }
    let minimum = minimum(db).await?;
    let people = measured(db, Scope::Participant(participant), from, current).await?;
    let Some(p) = people.first() else {
        return Ok(vec![]);
    };
    let calendar: Vec<_> = crate::db::calendar::overlapping(db, from.monday(), current.sunday())
        .await?
        .into_iter()
        .filter(|c| c.covers(&p.district, &p.school))
        .collect();
    Ok(weeks_of(&p.enrolment, from, current, &minimum, &p.minutes)
        .iter()
        .map(|w| {
            let mut row = WeekRow::from_week(w, w.week == current);
            let friday = w.week.monday() + chrono::Days::new(4);
            row.closed = calendar
                .iter()
                .filter(|c| c.from_date <= friday && c.to_date >= w.week.monday())
                .map(|c| (c.reason, c.note.clone()))
                .collect();
            row
        })
        .collect())
}

/// The participants of `scope` enrolled on at least one day of `from`–`to`, with what is needed
/// to measure their weeks: three queries, whatever the number of participants.
pub async fn measured(
    db: &Db,
    scope: Scope,
    from: IsoWeek,
    to: IsoWeek,
) -> Result<Vec<Measured>, DbError> {
    let first_day = format_date(from.monday());
    let last_day = format_date(to.sunday());
    let (cond, param) = scope.condition(3);
    let sql = format!(
        "SELECT p.id, p.participant_ref, p.given_name, p.family_name, p.gender, p.start_date, p.end_date, \
         s.name AS school, d.name AS district \
         FROM participants p JOIN schools s ON s.id = p.school_id JOIN districts d ON d.id = s.district_id \
         WHERE p.start_date <= $1 AND (p.end_date IS NULL OR p.end_date >= $2) AND {cond} \
         ORDER BY p.participant_ref"
    );
    let mut q = sqlx::query(&sql).bind(&last_day).bind(&first_day);
    if let Some(v) = param {
        q = q.bind(v);
    }
    let rows = q.fetch_all(&db.pool).await?;
    let mut people: Vec<Measured> = Vec::with_capacity(rows.len());
    let mut index: HashMap<i64, usize> = HashMap::with_capacity(rows.len());
    for r in &rows {
        let id: i64 = col(r, "id")?;
        index.insert(id, people.len());
        people.push(Measured {
            id: ParticipantId(id),
            participant_ref: col(r, "participant_ref")?,
            name: format!(
                "{} {}",
                col::<String>(r, "given_name")?,
                col::<String>(r, "family_name")?
            ),
            gender: crate::db::typed_col(r, "gender", crate::domain::participant::Gender::parse)?,
            school: col(r, "school")?,
            district: col(r, "district")?,
            enrolment: Enrolment::new(date_col(r, "start_date")?, opt_date_col(r, "end_date")?),
            minutes: WeekMinutes::new(),
        });
    }
    if people.is_empty() {
        return Ok(people);
    }
    let (cond, param) = scope.condition(3);
    let sql = format!(
        "SELECT t.participant_id, t.iso_week, t.kind, CAST(SUM(t.minutes) AS BIGINT) AS minutes \
         FROM time_entries t JOIN participants p ON p.id = t.participant_id \
         WHERE t.iso_week >= $1 AND t.iso_week <= $2 AND {cond} \
         GROUP BY t.participant_id, t.iso_week, t.kind"
    );
    let mut q = sqlx::query(&sql).bind(week_code(from)).bind(week_code(to));
    if let Some(v) = param {
        q = q.bind(v);
    }
    for r in q.fetch_all(&db.pool).await? {
        let id: i64 = col(&r, "participant_id")?;
        let Some(&i) = index.get(&id) else { continue };
        let Some(week) = crate::domain::time_record::week_of_code(col(&r, "iso_week")?) else {
            continue;
        };
        let minutes = minutes_of(col(&r, "minutes")?);
        let entry = people[i].minutes.entry(week).or_insert((0, 0));
        if col::<String>(&r, "kind")? == TimeKind::Teaching.as_str() {
            entry.0 += minutes;
        } else {
            entry.1 += minutes;
        }
    }
    // The calendar: each entry applies to the participants its scope covers.
    let calendar = crate::db::calendar::overlapping(db, from.monday(), to.sunday()).await?;
    if !calendar.is_empty() {
        for p in &mut people {
            p.enrolment.closed.extend(
                calendar
                    .iter()
                    .filter(|c| c.covers(&p.district, &p.school))
                    .map(|c| c.span()),
            );
        }
    }
    let (cond, param) = scope.condition(3);
    let sql = format!(
        "SELECT a.participant_id, a.from_date, a.to_date \
         FROM absences a JOIN participants p ON p.id = a.participant_id \
         WHERE a.to_date >= $1 AND a.from_date <= $2 AND {cond}"
    );
    let mut q = sqlx::query(&sql).bind(&first_day).bind(&last_day);
    if let Some(v) = param {
        q = q.bind(v);
    }
    for r in q.fetch_all(&db.pool).await? {
        let id: i64 = col(&r, "participant_id")?;
        if let Some(&i) = index.get(&id) {
            people[i]
                .enrolment
                .absences
                .push((date_col(&r, "from_date")?, date_col(&r, "to_date")?));
        }
    }
    Ok(people)
}

/// The statistical records of erased participants in `scope` (the whole programme or one
/// school; none for a mentor or one participant) enrolled on at least one day of `from`–`to`,
/// measured like participants: the compliance figures of past weeks stay as they were. Each
/// goes by its pseudonym in place of a reference, with no name, and `id` is the record's
/// number negated (no participant has it).
pub async fn erased_measured(
    db: &Db,
    scope: Scope,
    from: IsoWeek,
    to: IsoWeek,
) -> Result<Vec<Measured>, DbError> {
    use crate::db::erasure;
    let school = match scope {
        Scope::All => None,
        Scope::School(s) => Some(s),
        Scope::Mentor(_) | Scope::Participant(_) => return Ok(vec![]),
    };
    let records = erasure::records_between(db, school, from.monday(), to.sunday()).await?;
    if records.is_empty() {
        return Ok(vec![]);
    }
    let ids: Vec<i64> = records.iter().map(|r| r.record).collect();
    let mut people: Vec<Measured> = records
        .into_iter()
        .map(|r| Measured {
            id: ParticipantId(-r.record),
            participant_ref: r.pseudonym,
            name: String::new(),
            gender: r.gender,
            school: r.school,
            district: r.district,
            enrolment: Enrolment::new(r.start_date, Some(r.end_date)),
            minutes: WeekMinutes::new(),
        })
        .collect();
    let index: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    for (record, week, teaching, self_study) in
        erasure::minutes_of(db, &ids, week_code(from), week_code(to)).await?
    {
        let (Some(&i), Some(week)) = (
            index.get(&record),
            crate::domain::time_record::week_of_code(week),
        ) else {
            continue;
        };
        let entry = people[i].minutes.entry(week).or_insert((0, 0));
        entry.0 += minutes_of(teaching);
        entry.1 += minutes_of(self_study);
    }
    for (record, first, last) in erasure::absences_of(db, &ids, from.monday(), to.sunday()).await? {
        if let Some(&i) = index.get(&record) {
            people[i].enrolment.absences.push((first, last));
        }
    }
    let calendar = crate::db::calendar::overlapping(db, from.monday(), to.sunday()).await?;
    for p in &mut people {
        p.enrolment.closed.extend(
            calendar
                .iter()
                .filter(|c| c.covers(&p.district, &p.school))
                .map(|c| c.span()),
        );
    }
    Ok(people)
}
