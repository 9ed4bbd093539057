//! Compliance: the participants of a scope with their enrolment and minutes per week.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{enrolled, minimum, minutes_of};
use crate::db::{Db, DbError};
use crate::domain::ids::{ParticipantId, SchoolId, UserId};
use crate::domain::time_record::{week_code, Enrolment, WeekMinutes};
use crate::domain::weeks::IsoWeek;
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

/// The participants of `scope` enrolled on at least one day of `from`–`to`, in byte order of
/// their reference, with what is needed to measure their weeks: one query, with each
/// participant's minutes and absences gathered into one row (see [`super::enrolled`]).
pub async fn measured(
    db: &Db,
    scope: Scope,
    from: IsoWeek,
    to: IsoWeek,
) -> Result<Vec<Measured>, DbError> {
    let rows = enrolled::read(db, scope, (from, to), None, true).await?;
    let mut people = rows
        .into_iter()
        .map(|row| {
            let named = row
                .named
                .ok_or_else(|| DbError::Other("participant read without a name".to_owned()))?;
            Ok(Measured {
                id: ParticipantId(row.id),
                participant_ref: row.participant_ref,
                name: named.name,
                gender: named.gender,
                school: named.school,
                district: named.district,
                enrolment: row.enrolment,
                minutes: row.minutes,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
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
    Ok(people)
}

/// A participant as the `compliance` export needs them: the reference, and what measures
/// their weeks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasuredWeeks {
    /// Reference (or an erased participant's pseudonym).
    pub participant_ref: String,
    /// Start, end, absences and the calendar's closed days.
    pub enrolment: Enrolment,
    /// Minutes per week in the range.
    pub minutes: WeekMinutes,
}

impl From<Measured> for MeasuredWeeks {
    fn from(m: Measured) -> Self {
        MeasuredWeeks {
            participant_ref: m.participant_ref,
            enrolment: m.enrolment,
            minutes: m.minutes,
        }
    }
}

/// A page of the participants of `scope` enrolled in `from`–`to`, measured for the export: at
/// most `limit` whose reference comes after `after` in byte order (from the first when
/// `None`). One query a page, without the names the export does not write.
pub async fn measured_page(
    db: &Db,
    scope: Scope,
    (from, to): (IsoWeek, IsoWeek),
    after: Option<&str>,
    limit: usize,
) -> Result<Vec<MeasuredWeeks>, DbError> {
    let rows = enrolled::read(db, scope, (from, to), Some((after, limit)), false).await?;
    let mut people: Vec<(i64, MeasuredWeeks)> = rows
        .into_iter()
        .map(|row| {
            (
                row.school_id,
                MeasuredWeeks {
                    participant_ref: row.participant_ref,
                    enrolment: row.enrolment,
                    minutes: row.minutes,
                },
            )
        })
        .collect();
    let calendar = crate::db::calendar::overlapping(db, from.monday(), to.sunday()).await?;
    if !calendar.is_empty() && !people.is_empty() {
        let places = enrolled::places(db).await?;
        for (school, p) in &mut people {
            let Some((school, district)) = places.get(school) else {
                continue;
            };
            p.enrolment.closed.extend(
                calendar
                    .iter()
                    .filter(|c| c.covers(district, school))
                    .map(|c| c.span()),
            );
        }
    }
    Ok(people.into_iter().map(|(_, p)| p).collect())
}

/// At most this many ids in one `IN` list.
const ID_LIST: usize = 1000;

/// The numbers of the statistical records of erased participants in `scope` (the whole
/// programme or one school; none for a mentor or one participant) enrolled on at least one day
/// of `from`–`to`, in byte order of their pseudonym.
pub async fn erased_ids(
    db: &Db,
    scope: Scope,
    from: IsoWeek,
    to: IsoWeek,
) -> Result<Vec<i64>, DbError> {
    let school = match scope {
        Scope::All => None,
        Scope::School(s) => Some(s),
        Scope::Mentor(_) | Scope::Participant(_) => return Ok(vec![]),
    };
    crate::db::erasure::record_ids_between(db, school, from.monday(), to.sunday()).await
}

/// The statistical records of erased participants in `scope` (see [`erased_ids`]), measured
/// like participants: the compliance figures of past weeks stay as they were. Each goes by its
/// pseudonym in place of a reference, with no name, and `id` is the record's number negated
/// (no participant has it).
pub async fn erased_measured(
    db: &Db,
    scope: Scope,
    from: IsoWeek,
    to: IsoWeek,
) -> Result<Vec<Measured>, DbError> {
    let ids = erased_ids(db, scope, from, to).await?;
    erased_measured_of(db, &ids, from, to).await
}

/// The statistical records numbered `ids`, measured in `from`–`to` as [`erased_measured`]
/// measures them, in the order of `ids`.
pub async fn erased_measured_of(
    db: &Db,
    ids: &[i64],
    from: IsoWeek,
    to: IsoWeek,
) -> Result<Vec<Measured>, DbError> {
    use crate::db::erasure;
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let position: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut records = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(ID_LIST) {
        records.extend(erasure::records_of(db, chunk).await?);
    }
    records.sort_by_key(|r| position.get(&r.record).copied());
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
    let index: HashMap<i64, usize> = people
        .iter()
        .enumerate()
        .map(|(i, p)| (-p.id.0, i))
        .collect();
    for chunk in ids.chunks(ID_LIST) {
        for (record, week, teaching, self_study) in
            erasure::minutes_of(db, chunk, week_code(from), week_code(to)).await?
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
        for (record, first, last) in
            erasure::absences_of(db, chunk, from.monday(), to.sunday()).await?
        {
            if let Some(&i) = index.get(&record) {
                people[i].enrolment.absences.push((first, last));
            }
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
