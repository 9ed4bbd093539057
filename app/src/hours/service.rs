//! The weekly minimum's services: plain async functions that parse what was submitted into
//! domain types, apply the domain's rules and call the database. The server functions in
//! `api` decide who may call them.
#![expect(
    clippy::too_many_arguments,
    reason = "a form's fields arrive as separate strings and are parsed here"
)]

use chrono::{NaiveDate, NaiveDateTime};

use super::api::{
    BlockInput, ComplianceLine, ComplianceReport, HoursOverview, RegisterMember, RegisterSaved,
    RegisterSheet, ShortWeeks, COORDINATOR_SHORT_LIST,
};
use crate::db::hours::{Recorder, Scope};
use crate::db::Db;
use crate::domain::access::ParticipantLinks;
use crate::domain::ids::ParticipantId;
use crate::domain::role::Principal;
use crate::dto::{Group, WeekRow};
use crate::error::AppError;

/// Who records a change made on the web: the staff member, or the participant on the tablet.
pub fn recorder(who: &Principal) -> Recorder {
    match who {
        Principal::Staff { user, .. } => Recorder {
            source: "web",
            user: Some(*user),
            participant: None,
        },
        Principal::Participant(p) => Recorder {
            source: "web",
            user: None,
            participant: Some(*p),
        },
    }
}

/// What the participant's page shows about the weekly minimum, for `who` with `links`.
pub async fn overview(
    db: &Db,
    who: Principal,
    links: &ParticipantLinks,
    participant: ParticipantId,
    now: NaiveDateTime,
) -> Result<HoursOverview, AppError> {
    use crate::db;
    use crate::domain::access::{may_act_on, ParticipantAction};
    use crate::domain::role::{Principal, Role};
    let today = now.date();
    let weeks = crate::db::hours::participant_weeks(db, participant, today)
        .await?
        .iter()
        .map(|(w, current)| WeekRow::from_week(w, *current))
        .collect();
    let since = crate::domain::weeks::IsoWeek::containing(today)
        .prev()
        .prev()
        .prev()
        .prev()
        .monday();
    let can_plan = may_act_on(&who, ParticipantAction::ManagePlan, links);
    let can_teaching = may_act_on(&who, ParticipantAction::RecordTeaching, links);
    let my_email = match who {
        Principal::Staff {
            role: Role::Teacher,
            user,
        } => Some(db::users::get(db, user).await?.email),
        _ => None,
    };
    Ok(HoursOverview {
        participant,
        minimum: db::hours::minimum(db).await?.minutes(),
        weeks,
        plans: db::hours::plans(db, participant).await?,
        absences: db::hours::absences_of(db, participant).await?,
        recent: db::hours::time_since(db, participant, since).await?,
        can_plan,
        can_teaching,
        can_self_study: may_act_on(&who, ParticipantAction::RecordSelfStudy, links),
        can_absence: may_act_on(&who, ParticipantAction::ManageAbsence, links),
        teachers: if can_plan || can_teaching {
            db::users::list(db, Some(Role::Teacher)).await?
        } else {
            vec![]
        },
        my_email,
        today: today.format("%Y-%m-%d").to_string(),
    })
}

/// Parses and stores a new weekly plan; refused (nothing stored) under the minimum.
pub async fn save_plan(
    db: &Db,
    who: Principal,
    participant: ParticipantId,
    valid_from: String,
    self_study_minutes: String,
    blocks: Vec<BlockInput>,
) -> Result<(), AppError> {
    use crate::db::{self, DbError};

    use crate::domain::participant::{parse_date, Email};
    use crate::domain::problem::{FieldProblem, Problem};
    use crate::domain::time_record::parse_clock;
    use crate::domain::weeks::{TeachingBlock, WeeklyPlan};
    let mut problems = Vec::new();
    let valid_from_date = parse_date(&valid_from);
    if let Err(p) = &valid_from_date {
        problems.push(FieldProblem::new("valid_from", &valid_from, p.clone()));
    }
    let self_study = match self_study_minutes.trim().parse::<u32>() {
        Ok(n) if n <= 7 * 24 * 60 => Ok(n),
        Ok(_) => Err(Problem::OutOfRange {
            min: 0,
            max: 7 * 24 * 60,
        }),
        Err(_) if self_study_minutes.trim().is_empty() => Err(Problem::Required),
        Err(_) => Err(Problem::NotAnInteger),
    };
    if let Err(p) = &self_study {
        problems.push(FieldProblem::new(
            "self_study_minutes",
            &self_study_minutes,
            p.clone(),
        ));
    }
    let mut plan = WeeklyPlan {
        blocks: vec![],
        self_study_minutes: self_study.clone().unwrap_or(0),
    };
    let mut teachers = vec![];
    // Row numbers as the user sees them (1-based), for the blocks that were filled in.
    let mut rows = vec![];
    let mut tx = db.begin().await?;
    for (i, b) in blocks.iter().enumerate() {
        if b.start.trim().is_empty() && b.end.trim().is_empty() {
            continue;
        }
        let row = format!("#{}", i + 1);
        let field = |name: &str, value: &str, p: Problem| {
            FieldProblem::new(format!("{row}/{name}"), value, p)
        };
        let weekday = b
            .weekday
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|d| (1..=7).contains(d))
            .and_then(|d| chrono::Weekday::try_from(d - 1).ok());
        if weekday.is_none() {
            problems.push(field(
                "weekday",
                &b.weekday,
                Problem::OutOfRange { min: 1, max: 7 },
            ));
        }
        let start = parse_clock(&b.start);
        if let Err(p) = &start {
            problems.push(field("start", &b.start, p.clone()));
        }
        let end = parse_clock(&b.end);
        if let Err(p) = &end {
            problems.push(field("end", &b.end, p.clone()));
        }
        let teacher = if b.teacher_email.trim().is_empty() {
            None
        } else {
            match Email::parse(&b.teacher_email) {
                Ok(e) => match db::sfi::teacher_id(&mut tx, e.as_str()).await? {
                    Some(t) => Some(t),
                    None => {
                        problems.push(field(
                            "teacher_email",
                            &b.teacher_email,
                            Problem::NotATeacher,
                        ));
                        None
                    }
                },
                Err(p) => {
                    problems.push(field("teacher_email", &b.teacher_email, p));
                    None
                }
            }
        };
        if let (Some(weekday), Ok(start), Ok(end)) = (weekday, start, end) {
            plan.blocks.push(TeachingBlock {
                weekday,
                start,
                end,
            });
            teachers.push(teacher);
            rows.push((row, b.clone()));
        }
    }
    let minimum = db::hours::minimum(db).await?;
    if let Err(plan_problems) = plan.validate(minimum) {
        for pp in plan_problems {
            match pp.block.and_then(|i| rows.get(i)) {
                Some((row, b)) => {
                    let name = match pp.problem {
                        crate::domain::weeks::TimeProblem::EndNotAfterStart => "end",
                        _ => "start",
                    };
                    let value = if name == "end" { &b.end } else { &b.start };
                    problems.push(FieldProblem::new(
                        format!("{row}/{name}"),
                        value.as_str(),
                        pp.problem.into(),
                    ));
                }
                None => {
                    let (name, value) = match pp.problem {
                        crate::domain::weeks::TimeProblem::SelfStudyUnderMinimum { .. } => {
                            ("self_study_minutes", self_study_minutes.clone())
                        }
                        _ => ("plan_teaching", plan.teaching_minutes().to_string()),
                    };
                    // Without a valid self-study number its shortfall says nothing new.
                    if name == "self_study_minutes" && self_study.is_err() {
                        continue;
                    }
                    problems.push(FieldProblem::new(name, value, pp.problem.into()));
                }
            }
        }
    }
    let Ok(valid_from_date) = valid_from_date else {
        return Err(AppError::Invalid(problems));
    };
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    db::hours::save_plan(
        &mut tx,
        participant,
        valid_from_date,
        &plan,
        &teachers,
        recorder(&who),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    leptos_axum::redirect(&format!("/participants/{participant}#hours"));
    Ok(())
}

/// Validates and stores one time entry, all or nothing.
pub async fn record_time(
    db: &Db,
    who: Principal,
    participant: ParticipantId,
    kind: String,
    date: String,
    start: String,
    end: String,
    teacher_email: String,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    use crate::db::DbError;

    use crate::domain::time_record::{RawTimeEntry, TimeRecord};

    use crate::import::ImportReport;
    let detail = crate::db::participants::get(db, participant).await?;
    let raw = RawTimeEntry {
        participant_ref: detail.participant_ref,
        date,
        start,
        end,
        kind,
        teacher_email,
    };
    let record = TimeRecord::validate(&raw, now).map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let mut report = ImportReport::default();
    crate::import::time::save_entries(&mut tx, &[(1, record)], now, recorder(&who), &mut report)
        .await?;
    if !report.rows.is_empty() {
        tx.rollback().await.map_err(DbError::from)?;
        return Err(AppError::Invalid(
            report.rows.into_iter().map(|(_, field)| field).collect(),
        ));
    }
    tx.commit().await.map_err(DbError::from)?;
    let back = match who {
        crate::domain::role::Principal::Participant(_) => "/me#hours".to_owned(),
        _ => format!("/participants/{participant}#hours"),
    };
    leptos_axum::redirect(&back);
    Ok(())
}

/// Validates and stores an absence (a correction when the first day matches).
pub async fn save_absence(
    db: &Db,
    who: Principal,
    participant: ParticipantId,
    from_date: String,
    to_date: String,
    reason: String,
    note: String,
) -> Result<(), AppError> {
    use crate::db::{self, DbError};

    use crate::domain::time_record::{AbsenceRecord, RawAbsence};
    let detail = db::participants::get(db, participant).await?;
    let raw = RawAbsence {
        participant_ref: detail.participant_ref,
        from_date,
        to_date,
        reason,
        note,
    };
    let record = AbsenceRecord::validate(&raw).map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    db::hours::save_absence(&mut tx, participant, &record, recorder(&who)).await?;
    tx.commit().await.map_err(DbError::from)?;
    leptos_axum::redirect(&format!("/participants/{participant}#hours"));
    Ok(())
}

/// The register of `group` for `date` (today when empty).
pub async fn register_sheet(
    db: &Db,
    group: Group,
    date: String,
    today: NaiveDate,
) -> Result<RegisterSheet, AppError> {
    use crate::db;
    use crate::domain::participant::parse_date;
    let day = if date.trim().is_empty() {
        today
    } else {
        parse_date(&date).map_err(|p| AppError::field("date", &date, p))?
    };
    let members = db::groups::members(db, group.id).await?;
    let ids: Vec<ParticipantId> = members.iter().map(|m| m.id).collect();
    let planned = db::hours::blocks_on(db, &ids, day).await?;
    let recorded = db::hours::teaching_on(db, &ids, day).await?;
    // The most common planned block of the day, preferring the group's teacher's blocks.
    let mut counts: std::collections::HashMap<(String, String), (u32, u32)> =
        std::collections::HashMap::new();
    for blocks in planned.values() {
        for (s, e, t) in blocks {
            let c = counts.entry((s.clone(), e.clone())).or_default();
            c.0 += u32::from(*t == Some(group.teacher_id));
            c.1 += 1;
        }
    }
    let (start, end) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(k, _)| k)
        .unwrap_or_else(|| ("08:30".to_owned(), "09:30".to_owned()));
    let members = members
        .into_iter()
        .map(|m| RegisterMember {
            planned: planned
                .get(&m.id)
                .map(|b| b.iter().map(|(s, e, _)| format!("{s}–{e}")).collect())
                .unwrap_or_default(),
            recorded: recorded
                .get(&m.id)
                .map(|r| r.iter().map(|t| format!("{}–{}", t.start, t.end)).collect())
                .unwrap_or_default(),
            id: m.id,
            participant_ref: m.participant_ref,
            name: m.name,
        })
        .collect();
    Ok(RegisterSheet {
        group,
        date: day.format("%Y-%m-%d").to_string(),
        start,
        end,
        members,
        today: today.format("%Y-%m-%d").to_string(),
    })
}

/// Takes the register of `group`: one taught entry per ticked member, all or nothing.
pub async fn save_register(
    db: &Db,
    who: Principal,
    group: Group,
    date: String,
    start: String,
    end: String,
    present: Vec<String>,
    now: NaiveDateTime,
) -> Result<RegisterSaved, AppError> {
    use crate::db::{self, DbError};
    use crate::domain::problem::{FieldProblem, Problem};
    use crate::domain::time_record::{RawTimeEntry, TimeRecord};
    use crate::import::ImportReport;
    let members = db::groups::members(db, group.id).await?;
    if present.is_empty() {
        return Err(AppError::field("present", "", Problem::Required));
    }
    let teacher = db::users::get(db, group.teacher_id).await?;
    let mut problems = Vec::new();
    let mut records = Vec::new();
    for (i, r) in present.iter().enumerate() {
        let Some(m) = members.iter().find(|m| &m.participant_ref == r) else {
            problems.push(FieldProblem::new(
                "present",
                r.as_str(),
                Problem::UnknownParticipant,
            ));
            continue;
        };
        let raw = RawTimeEntry {
            participant_ref: m.participant_ref.clone(),
            date: date.clone(),
            start: start.clone(),
            end: end.clone(),
            kind: "teaching".to_owned(),
            teacher_email: teacher.email.clone(),
        };
        match TimeRecord::validate(&raw, now) {
            Ok(rec) => records.push((i, rec)),
            Err(ps) => {
                // The same date/start/end problem for every row is reported once, on the field.
                for p in ps {
                    if !problems.iter().any(|q: &FieldProblem| q.field == p.field) {
                        problems.push(p);
                    }
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    let mut tx = db.begin().await?;
    let mut report = ImportReport::default();
    crate::import::time::save_entries(&mut tx, &records, now, recorder(&who), &mut report).await?;
    if !report.rows.is_empty() {
        tx.rollback().await.map_err(DbError::from)?;
        return Err(AppError::Invalid(
            report
                .rows
                .into_iter()
                .map(|(i, mut p)| {
                    let r = present.get(i).cloned().unwrap_or_default();
                    p.field = format!("{r}/{}", p.field);
                    p
                })
                .collect(),
        ));
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(RegisterSaved {
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
    })
}

/// The participants of `scope` with short weeks, the largest shortfall first.
pub async fn short_weeks(
    db: &Db,
    scope: Scope,
    today: NaiveDate,
) -> Result<Vec<ShortWeeks>, AppError> {
    use crate::db::hours::{self, Scope};

    use crate::domain::time_record::{recent_short_weeks, short_weeks_from, ShortRank};
    use crate::domain::weeks::IsoWeek;
    let minimum = hours::minimum(db).await?;
    let people = hours::measured(
        db,
        scope,
        short_weeks_from(today),
        IsoWeek::containing(today),
    )
    .await?;
    let mut out: Vec<ShortWeeks> = people
        .into_iter()
        .filter_map(|p| {
            let weeks: Vec<WeekRow> = recent_short_weeks(&p.enrolment, &p.minutes, minimum, today)
                .iter()
                .map(|(w, current)| WeekRow::from_week(w, *current))
                .collect();
            if weeks.is_empty() {
                return None;
            }
            let shortfall = weeks
                .iter()
                .map(|w| w.teaching_short + w.self_study_short)
                .sum();
            Some(ShortWeeks {
                id: p.id,
                participant_ref: p.participant_ref,
                name: p.name,
                weeks,
                shortfall,
            })
        })
        .collect();
    fn rank(s: &ShortWeeks) -> ShortRank<'_> {
        ShortRank {
            past: s.weeks.iter().any(|w| !w.current),
            shortfall: s.shortfall,
            participant_ref: &s.participant_ref,
        }
    }
    out.sort_by(|a, b| rank(a).order(&rank(b)));
    if scope == Scope::All {
        out.truncate(COORDINATOR_SHORT_LIST);
    }
    Ok(out)
}

/// Compliance per district and school (optionally per gender) for a week range.
pub async fn compliance_report(
    db: &Db,
    from: String,
    to: String,
    by_gender: bool,
    today: NaiveDate,
) -> Result<ComplianceReport, AppError> {
    use crate::db::hours::{self, Scope};
    use crate::domain::problem::Problem;
    use crate::domain::time_record::{roll_up, weeks_of, ReportCell, Tally};
    use crate::domain::weeks::IsoWeek;

    let (default_from, default_to) = crate::import::time::default_range(today);
    let mut problems = vec![];
    let mut week = |name: &str, s: &str, default: IsoWeek| {
        if s.trim().is_empty() {
            return default;
        }
        IsoWeek::parse(s).unwrap_or_else(|p| {
            problems.push(crate::domain::problem::FieldProblem::new(
                name,
                s,
                Problem::from(p),
            ));
            default
        })
    };
    let from_week = week("from", &from, default_from);
    let to_week = week("to", &to, default_to);
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    if to_week < from_week {
        return Err(AppError::field("to", &to, Problem::EndBeforeStart));
    }
    let minimum = hours::minimum(db).await?;
    let people = hours::measured(db, Scope::All, from_week, to_week).await?;
    let lines = roll_up(people.iter().map(|p| {
        let mut tally = Tally::default();
        for w in weeks_of(&p.enrolment, from_week, to_week, minimum, &p.minutes) {
            tally.add(w.status);
        }
        let cell = ReportCell {
            district: p.district.clone(),
            school: p.school.clone(),
            gender: if by_gender {
                p.gender.clone()
            } else {
                String::new()
            },
        };
        (cell, tally)
    }))
    .into_iter()
    .map(|l| ComplianceLine {
        district: l.cell.district,
        school: l.cell.school,
        gender: l.cell.gender,
        participants: l.participants,
        met: l.tally.met,
        short: l.tally.short,
        excused: l.tally.excused,
        share_met: l.tally.share_met_permille(),
    })
    .collect();
    Ok(ComplianceReport {
        from: from_week.to_string(),
        to: to_week.to_string(),
        by_gender,
        lines,
    })
}
