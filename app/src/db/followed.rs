//! What the city's targets and the indicators beside them need about the participants who
//! started in a range (and erased participants' statistical records of the same range): start,
//! outcome with its exit day, passing SFI results, weeks against the minimum, self-assessed
//! levels. A fixed number of queries, whatever the number of participants.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::hours::{erased_measured, measured, minimum, Scope};
use super::{col, date_col, typed_col, Db, DbError};
use crate::domain::cefr::{CefrLevel, Occasion, Skill};
use crate::domain::participant::{format_date, Gender};
use crate::domain::sfi::{Grade, GradeScale};
use crate::domain::targets::{
    grade_symbol_passes, skill_changes, weeks_until, AssessedLevel, Followed,
};
use crate::domain::time_record::WeekMinutes;
use crate::domain::weeks::IsoWeek;

/// Live participants go by their id, statistical records by their number negated (as in
/// [`super::hours::erased_measured`]).
type Key = i64;

const PEOPLE: [&str; 2] = [
    "SELECT p.id AS key, p.gender, d.name AS district, s.name AS school, p.start_date, \
     o.exit_date, o.completion, o.activity, o.self_sufficiency FROM participants p \
     JOIN schools s ON s.id = p.school_id JOIN districts d ON d.id = s.district_id \
     LEFT JOIN outcomes o ON o.participant_id = p.id \
     WHERE p.start_date >= $1 AND p.start_date <= $2",
    "SELECT -e.id AS key, e.gender, d.name AS district, s.name AS school, e.start_date, \
     e.end_date AS exit_date, e.completion, e.activity, e.self_sufficiency \
     FROM erased_participants e JOIN schools s ON s.id = e.school_id \
     JOIN districts d ON d.id = s.district_id WHERE e.start_date >= $1 AND e.start_date <= $2",
];

const SFI: [&str; 2] = [
    "SELECT r.participant_id AS key, r.test_date AS on_date, r.grade_scale, r.grade \
     FROM sfi_results r JOIN participants p ON p.id = r.participant_id \
     WHERE p.start_date >= $1 AND p.start_date <= $2",
    "SELECT -l.record_id AS key, l.on_date, '' AS grade_scale, l.level AS grade \
     FROM erased_levels l JOIN erased_participants e ON e.id = l.record_id \
     WHERE l.source = 'sfi' AND e.start_date >= $1 AND e.start_date <= $2",
];

// The order among assessments of one day: the assessment's number, or for a statistical
// record (which keeps no number) the occasion's rank.
const LEVELS: [&str; 2] = [
    "SELECT a.participant_id AS key, a.assessed_on AS on_date, a.id AS seq, a.occasion, \
     l.skill, l.level FROM assessment_levels l JOIN assessments a ON a.id = l.assessment_id \
     JOIN participants p ON p.id = a.participant_id \
     WHERE a.status = 'submitted' AND p.start_date >= $1 AND p.start_date <= $2",
    "SELECT -l.record_id AS key, l.on_date, CAST(0 AS BIGINT) AS seq, l.occasion, \
     l.subject AS skill, l.level FROM erased_levels l \
     JOIN erased_participants e ON e.id = l.record_id \
     WHERE l.source = 'cefr' AND e.start_date >= $1 AND e.start_date <= $2",
];

fn passes(scale: &str, grade: &str) -> bool {
    match GradeScale::parse(scale) {
        Ok(scale) => Grade::parse(scale, grade).is_ok_and(Grade::is_pass),
        Err(_) => grade_symbol_passes(grade).unwrap_or(false),
    }
}

/// The participants whose start date lies in `from`–`to` (both included; `None`: no bound)
/// and the statistical records of the same range, with their weeks up to the last week
/// completed before `today`.
pub async fn followed(
    db: &Db,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Vec<Followed>, DbError> {
    let from = from.map_or_else(|| "0000-01-01".to_owned(), format_date);
    let to = to.map_or_else(|| "9999-12-31".to_owned(), format_date);
    let fetch = |sql: &'static str| {
        sqlx::query(sql)
            .bind(from.clone())
            .bind(to.clone())
            .fetch_all(&db.pool)
    };
    let mut people: Vec<Followed> = vec![];
    let mut index: HashMap<Key, usize> = HashMap::new();
    for sql in PEOPLE {
        for r in fetch(sql).await? {
            index.insert(col(&r, "key")?, people.len());
            let exit: Option<String> = col(&r, "exit_date")?;
            let exit = exit.and_then(|e| crate::domain::participant::parse_date(&e).ok());
            let outcome = super::outcomes::ended(&r)?.zip(exit).map(|(e, x)| (x, e));
            people.push(Followed {
                gender: typed_col(&r, "gender", Gender::parse)?,
                district: col(&r, "district")?,
                school: col(&r, "school")?,
                start: date_col(&r, "start_date")?,
                outcome,
                sfi_passes: vec![],
                weeks: Default::default(),
                skill_changes: [None; 5],
            });
        }
    }
    if people.is_empty() {
        return Ok(people);
    }
    for sql in SFI {
        for r in fetch(sql).await? {
            let Some(&i) = index.get(&col::<Key>(&r, "key")?) else {
                continue;
            };
            let scale: String = col(&r, "grade_scale")?;
            if passes(&scale, &col::<String>(&r, "grade")?) {
                people[i].sfi_passes.push(date_col(&r, "on_date")?);
            }
        }
    }
    let mut levels: HashMap<usize, Vec<AssessedLevel>> = HashMap::new();
    for sql in LEVELS {
        for r in fetch(sql).await? {
            let Some(&i) = index.get(&col::<Key>(&r, "key")?) else {
                continue;
            };
            let occasion = typed_col(&r, "occasion", Occasion::parse)?;
            let rank = Occasion::ALL.iter().position(|&o| o == occasion);
            let seq = col::<i64>(&r, "seq")? * 10 + rank.map_or(0, |p| p as i64);
            levels.entry(i).or_default().push((
                date_col(&r, "on_date")?,
                seq,
                typed_col(&r, "skill", Skill::parse)?,
                typed_col(&r, "level", CefrLevel::parse)?,
            ));
        }
    }
    for (i, l) in levels {
        people[i].skill_changes = skill_changes(&l);
    }
    weeks(db, &mut people, &index, today).await?;
    Ok(people)
}

/// Measures everyone's weeks from the earliest start to the last completed week with the
/// compliance views' own queries (three for participants, three for statistical records).
async fn weeks(
    db: &Db,
    people: &mut [Followed],
    index: &HashMap<Key, usize>,
    today: NaiveDate,
) -> Result<(), DbError> {
    let last = IsoWeek::containing(today).prev();
    let Some(first) = people.iter().map(|p| IsoWeek::containing(p.start)).min() else {
        return Ok(());
    };
    if first > last {
        return Ok(());
    }
    let minimum = minimum(db).await?;
    let mut measured_people = measured(db, Scope::All, first, last).await?;
    measured_people.extend(erased_measured(db, Scope::All, first, last).await?);
    for m in measured_people {
        if let Some(&i) = index.get(&m.id.0) {
            let minutes: &WeekMinutes = &m.minutes;
            people[i].weeks = weeks_until(&m.enrolment, minutes, &minimum, last);
        }
    }
    Ok(())
}
