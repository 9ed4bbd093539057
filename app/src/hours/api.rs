//! Server functions of the weekly minimum. Each one: who are you → may you → parse →
//! database → DTO.
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::ids::{AbsenceId, GroupId, ParticipantId, TimeEntryId};
pub use crate::dto::{AbsenceRow, Group, PlanBlockRow, PlanRow, StaffUser, TimeRow, WeekRow};
use crate::error::AppError;

/// What a participant's page shows about the weekly minimum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursOverview {
    /// The participant.
    pub participant: ParticipantId,
    /// The weekly minimum in minutes.
    pub minimum: u32,
    /// The weeks of the introduction so far, oldest first.
    pub weeks: Vec<WeekRow>,
    /// Every version of the plan, newest first.
    pub plans: Vec<PlanRow>,
    /// Absences, newest first.
    pub absences: Vec<AbsenceRow>,
    /// Time recorded in the last five weeks, newest first.
    pub recent: Vec<TimeRow>,
    /// The viewer may set a new plan.
    pub can_plan: bool,
    /// The viewer may record taught time.
    pub can_teaching: bool,
    /// The viewer may record self-study.
    pub can_self_study: bool,
    /// The viewer may record absences.
    pub can_absence: bool,
    /// Teachers to choose from (when the viewer may plan or record teaching).
    pub teachers: Vec<StaffUser>,
    /// The viewer's e-mail when the viewer is a teacher.
    pub my_email: Option<String>,
    /// Today, `YYYY-MM-DD`.
    pub today: String,
}

/// One block of a plan as submitted (`blocks[i][…]`); a row without start and end is skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BlockInput {
    /// 1 (Monday) … 7 (Sunday).
    pub weekday: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`.
    pub end: String,
    /// Optional teacher.
    pub teacher_email: String,
}

/// A member of a group on the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterMember {
    /// Participant.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// Name.
    pub name: String,
    /// Their planned blocks on that day, `HH:MM–HH:MM`.
    pub planned: Vec<String>,
    /// Teaching already recorded that day, `HH:MM–HH:MM`.
    pub recorded: Vec<String>,
}

/// The register of a group for one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterSheet {
    /// The group.
    pub group: Group,
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// Prefilled start: the most common planned start of the members that day (else 08:30).
    pub start: String,
    /// Prefilled end.
    pub end: String,
    /// Members.
    pub members: Vec<RegisterMember>,
    /// Today (the latest day a register can be taken for).
    pub today: String,
}

/// What saving a register did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterSaved {
    /// New entries.
    pub created: usize,
    /// Entries that existed with other values and were updated.
    pub updated: usize,
    /// Entries already stored.
    pub unchanged: usize,
}

/// How many participants a coordinator's short-weeks list shows at most.
pub const COORDINATOR_SHORT_LIST: usize = 30;

/// A participant with short weeks, for the mentor's start page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShortWeeks {
    /// Participant.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// Name.
    pub name: String,
    /// Their short weeks (the current week included while it runs), newest first.
    pub weeks: Vec<WeekRow>,
    /// Total shortfall in minutes (teaching + self-study) over those weeks.
    pub shortfall: u32,
}

/// One line of the compliance report: a district, a school, or the whole programme, optionally
/// for one gender.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceLine {
    /// District name (empty for the total).
    pub district: String,
    /// School name (empty for a district line or the total).
    pub school: String,
    /// Gender (empty when not split).
    pub gender: String,
    /// Participants counted.
    pub participants: u32,
    /// Participant-weeks met.
    pub met: u32,
    /// Participant-weeks short.
    pub short: u32,
    /// Participant-weeks excused.
    pub excused: u32,
    /// Share met of met + short, in per mille.
    pub share_met: Option<u32>,
}

/// The compliance report for a week range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplianceReport {
    /// First week.
    pub from: String,
    /// Last week.
    pub to: String,
    /// Split by gender.
    pub by_gender: bool,
    /// Lines: per district, then its schools; the total last.
    pub lines: Vec<ComplianceLine>,
}

#[cfg(feature = "ssr")]
use crate::auth::guard;

#[cfg(feature = "ssr")]
fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

#[cfg(feature = "ssr")]
fn recorder(who: &crate::domain::role::Principal) -> crate::db::hours::Recorder {
    use crate::domain::role::Principal;
    match who {
        Principal::Staff { user, .. } => crate::db::hours::Recorder {
            source: "web",
            user: Some(*user),
            participant: None,
        },
        Principal::Participant(p) => crate::db::hours::Recorder {
            source: "web",
            user: None,
            participant: Some(*p),
        },
    }
}

/// A participant's weeks against the minimum, plan, absences and recent time, and what the
/// viewer may do.
#[server(endpoint = "hours/overview")]
pub async fn get_hours(participant: ParticipantId) -> Result<HoursOverview, AppError> {
    use crate::db;
    use crate::domain::access::{may_act_on, ParticipantAction};
    use crate::domain::role::{Principal, Role};
    let (state, who) = crate::auth::session::require().await?;
    let links = guard::participant(&state, &who, participant, ParticipantAction::ViewHours).await?;
    let today = now().date();
    let weeks = crate::db::hours::participant_weeks(&state.db, participant, today)
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
    let can_plan = may_act_on(&who, ParticipantAction::ManagePlan, &links);
    let can_teaching = may_act_on(&who, ParticipantAction::RecordTeaching, &links);
    let my_email = match who {
        Principal::Staff {
            role: Role::Teacher,
            user,
        } => Some(db::users::get(&state.db, user).await?.email),
        _ => None,
    };
    Ok(HoursOverview {
        participant,
        minimum: db::hours::minimum(&state.db).await?.minutes(),
        weeks,
        plans: db::hours::plans(&state.db, participant).await?,
        absences: db::hours::absences_of(&state.db, participant).await?,
        recent: db::hours::time_since(&state.db, participant, since).await?,
        can_plan,
        can_teaching,
        can_self_study: may_act_on(&who, ParticipantAction::RecordSelfStudy, &links),
        can_absence: may_act_on(&who, ParticipantAction::ManageAbsence, &links),
        teachers: if can_plan || can_teaching {
            db::users::list(&state.db, Some(Role::Teacher)).await?
        } else {
            vec![]
        },
        my_email,
        today: today.format("%Y-%m-%d").to_string(),
    })
}

/// Sets a new weekly plan from `valid_from` (coordinators, the mentor). A plan under the weekly
/// minimum, in teaching or in self-study, is refused with the shortfall; the old plan stays.
#[server(endpoint = "hours/plan")]
pub async fn save_plan(
    participant: ParticipantId,
    valid_from: String,
    self_study_minutes: String,
    #[server(default)] blocks: Vec<BlockInput>,
) -> Result<(), AppError> {
    use crate::db::{self, DbError};
    use crate::domain::access::ParticipantAction;
    use crate::domain::participant::{parse_date, Email};
    use crate::domain::problem::{FieldProblem, Problem};
    use crate::domain::time_record::parse_clock;
    use crate::domain::weeks::{TeachingBlock, WeeklyPlan};
    let (state, who) = crate::auth::session::require().await?;
    guard::participant(&state, &who, participant, ParticipantAction::ManagePlan).await?;
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
    let mut tx = state.db.begin().await?;
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
    let minimum = db::hours::minimum(&state.db).await?;
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

/// Records one stretch of time: taught time (coordinators, the participant's teachers) or
/// self-study (coordinators, the mentor, the participant). Overlaps, the daily limit and time
/// in the future are refused; the same entry twice is stored once.
#[server(endpoint = "hours/time")]
pub async fn record_time(
    participant: ParticipantId,
    kind: String,
    date: String,
    start: String,
    end: String,
    #[server(default)] teacher_email: String,
) -> Result<(), AppError> {
    use crate::db::DbError;
    use crate::domain::access::ParticipantAction;
    use crate::domain::time_record::{RawTimeEntry, TimeRecord};
    use crate::domain::weeks::TimeKind;
    use crate::import::ImportReport;
    let (state, who) = crate::auth::session::require().await?;
    let action = match TimeKind::parse(&kind) {
        Ok(TimeKind::Teaching) => ParticipantAction::RecordTeaching,
        Ok(TimeKind::SelfStudy) => ParticipantAction::RecordSelfStudy,
        Err(p) => {
            // Still only for those who may see the participant's hours at all.
            guard::participant(&state, &who, participant, ParticipantAction::ViewHours).await?;
            return Err(AppError::field("kind", &kind, p));
        }
    };
    guard::participant(&state, &who, participant, action).await?;
    let detail = crate::db::participants::get(&state.db, participant).await?;
    let raw = RawTimeEntry {
        participant_ref: detail.participant_ref,
        date,
        start,
        end,
        kind,
        teacher_email,
    };
    let now = now();
    let record = TimeRecord::validate(&raw, now).map_err(AppError::Invalid)?;
    let mut tx = state.db.begin().await?;
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

/// Removes a recorded entry (whoever may record its kind); the history keeps it.
#[server(endpoint = "hours/time/delete")]
pub async fn delete_time(id: TimeEntryId) -> Result<(), AppError> {
    use crate::db::{self, DbError};
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let entry = match db::hours::time_entry(&state.db, id).await {
        Ok(e) => e,
        Err(DbError::NotFound) if !who.is_coordinator() => return Err(AppError::Forbidden),
        Err(e) => return Err(e.into()),
    };
    let action = if entry.kind == "teaching" {
        ParticipantAction::RecordTeaching
    } else {
        ParticipantAction::RecordSelfStudy
    };
    guard::participant(&state, &who, entry.participant_id, action).await?;
    let mut tx = state.db.begin().await?;
    db::hours::delete_time(&mut tx, id, recorder(&who)).await?;
    tx.commit().await.map_err(DbError::from)?;
    let back = match who {
        crate::domain::role::Principal::Participant(_) => "/me#hours".to_owned(),
        _ => format!("/participants/{}#hours", entry.participant_id),
    };
    leptos_axum::redirect(&back);
    Ok(())
}

/// Records an absence (coordinators, the mentor). An absence with the same first day is
/// corrected instead; the earlier version is kept.
#[server(endpoint = "hours/absence")]
pub async fn save_absence(
    participant: ParticipantId,
    from_date: String,
    to_date: String,
    reason: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    use crate::db::{self, DbError};
    use crate::domain::access::ParticipantAction;
    use crate::domain::time_record::{AbsenceRecord, RawAbsence};
    let (state, who) = crate::auth::session::require().await?;
    guard::participant(&state, &who, participant, ParticipantAction::ManageAbsence).await?;
    let detail = db::participants::get(&state.db, participant).await?;
    let raw = RawAbsence {
        participant_ref: detail.participant_ref,
        from_date,
        to_date,
        reason,
        note,
    };
    let record = AbsenceRecord::validate(&raw).map_err(AppError::Invalid)?;
    let mut tx = state.db.begin().await?;
    db::hours::save_absence(&mut tx, participant, &record, recorder(&who)).await?;
    tx.commit().await.map_err(DbError::from)?;
    leptos_axum::redirect(&format!("/participants/{participant}#hours"));
    Ok(())
}

/// Removes an absence (coordinators, the mentor); the history keeps it.
#[server(endpoint = "hours/absence/delete")]
pub async fn delete_absence(id: AbsenceId) -> Result<(), AppError> {
    use crate::db::{self, DbError};
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let absence = match db::hours::absence(&state.db, id).await {
        Ok(a) => a,
        Err(DbError::NotFound) if !who.is_coordinator() => return Err(AppError::Forbidden),
        Err(e) => return Err(e.into()),
    };
    guard::participant(
        &state,
        &who,
        absence.participant_id,
        ParticipantAction::ManageAbsence,
    )
    .await?;
    let mut tx = state.db.begin().await?;
    db::hours::delete_absence(&mut tx, id, recorder(&who)).await?;
    tx.commit().await.map_err(DbError::from)?;
    leptos_axum::redirect(&format!("/participants/{}#hours", absence.participant_id));
    Ok(())
}

/// The register of a group for a day (today when `date` is empty): members, their planned
/// blocks that day and teaching already recorded (the group's teacher, coordinators).
#[server(endpoint = "hours/register")]
pub async fn get_register(group: GroupId, date: String) -> Result<RegisterSheet, AppError> {
    use crate::db;
    use crate::domain::participant::parse_date;
    let (state, who) = crate::auth::session::require().await?;
    let group = guard::group(&state, &who, group).await?;
    let today = now().date();
    let day = if date.trim().is_empty() {
        today
    } else {
        parse_date(&date).map_err(|p| AppError::field("date", &date, p))?
    };
    let members = db::groups::members(&state.db, group.id).await?;
    let ids: Vec<ParticipantId> = members.iter().map(|m| m.id).collect();
    let planned = db::hours::blocks_on(&state.db, &ids, day).await?;
    let recorded = db::hours::teaching_on(&state.db, &ids, day).await?;
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

/// Takes the register: one taught entry from `start` to `end` on `date` for each ticked member
/// (`present` holds their references), with the group's teacher. All or nothing; taking the
/// same register twice stores it once.
#[server(endpoint = "hours/register/save")]
pub async fn save_register(
    group: GroupId,
    date: String,
    start: String,
    end: String,
    #[server(default)] present: Vec<String>,
) -> Result<RegisterSaved, AppError> {
    use crate::db::{self, DbError};
    use crate::domain::problem::{FieldProblem, Problem};
    use crate::domain::time_record::{RawTimeEntry, TimeRecord};
    use crate::import::ImportReport;
    let (state, who) = crate::auth::session::require().await?;
    let group = guard::group(&state, &who, group).await?;
    let members = db::groups::members(&state.db, group.id).await?;
    if present.is_empty() {
        return Err(AppError::field("present", "", Problem::Required));
    }
    let teacher = db::users::get(&state.db, group.teacher_id).await?;
    let now = now();
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
    let mut tx = state.db.begin().await?;
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

/// The mentor's participants with a short week in the last four weeks or in the running week
/// so far (measured up to yesterday), the largest shortfall first. A coordinator gets the
/// [`COORDINATOR_SHORT_LIST`] largest of the whole programme (the compliance report has the
/// rest).
#[server(endpoint = "hours/short")]
pub async fn get_short_weeks() -> Result<Vec<ShortWeeks>, AppError> {
    use crate::db::hours::{self, Scope};
    use crate::domain::role::{Principal, Role};
    use crate::domain::time_record::weeks_of;
    use crate::domain::weeks::{IsoWeek, WeekCompliance, WeekStatus};
    let (state, who) = crate::auth::session::require().await?;
    let scope = match who {
        Principal::Staff {
            role: Role::Mentor,
            user,
        } => Scope::Mentor(user),
        Principal::Staff {
            role: Role::Coordinator,
            ..
        } => Scope::All,
        _ => return Err(AppError::Forbidden),
    };
    let today = now().date();
    let current = IsoWeek::containing(today);
    let from = current.prev().prev().prev().prev();
    let minimum = hours::minimum(&state.db).await?;
    let people = hours::measured(&state.db, scope, from, current).await?;
    let mut out: Vec<ShortWeeks> = people
        .into_iter()
        .filter_map(|p| {
            let mut weeks: Vec<WeekRow> =
                weeks_of(&p.enrolment, from, current.prev(), minimum, &p.minutes)
                    .iter()
                    .filter(|w| w.status == WeekStatus::Short)
                    .map(|w| WeekRow::from_week(w, false))
                    .collect();
            // The running week so far: measured up to yesterday, so that a Monday morning
            // is not "short" yet.
            let yesterday = today - chrono::Days::new(1);
            if p.enrolment.start <= yesterday {
                let end = Some(p.enrolment.end.map_or(yesterday, |e| e.min(yesterday)));
                let (t, s) = p.minutes.get(&current).copied().unwrap_or((0, 0));
                let so_far = WeekCompliance::compute(
                    current,
                    minimum,
                    p.enrolment.start,
                    end,
                    &p.enrolment.absences,
                    t,
                    s,
                );
                if so_far.status == WeekStatus::Short {
                    weeks.push(WeekRow::from_week(&so_far, true));
                }
            }
            if weeks.is_empty() {
                return None;
            }
            weeks.reverse();
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
    // Past short weeks before a running week that is merely not over yet.
    out.sort_by(|a, b| {
        let past = |s: &ShortWeeks| s.weeks.iter().any(|w| !w.current);
        past(b)
            .cmp(&past(a))
            .then(b.shortfall.cmp(&a.shortfall))
            .then_with(|| a.participant_ref.cmp(&b.participant_ref))
    });
    if scope == Scope::All {
        out.truncate(COORDINATOR_SHORT_LIST);
    }
    Ok(out)
}

/// Compliance per district and school (optionally per gender) for a week range (coordinators).
/// Empty weeks mean the last twelve weeks.
#[server(endpoint = "hours/report")]
pub async fn get_compliance_report(
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] by_gender: bool,
) -> Result<ComplianceReport, AppError> {
    use std::collections::BTreeMap;

    use crate::db::hours::{self, Scope};
    use crate::domain::problem::Problem;
    use crate::domain::time_record::{weeks_of, Tally};
    use crate::domain::weeks::IsoWeek;
    let (state, who) = crate::auth::session::require().await?;
    if !who.is_coordinator() {
        return Err(AppError::Forbidden);
    }
    let (default_from, default_to) = crate::import::time::default_range(now().date());
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
    let minimum = hours::minimum(&state.db).await?;
    let people = hours::measured(&state.db, Scope::All, from_week, to_week).await?;
    // (district, school, gender) → (participants, tally)
    let mut cells: BTreeMap<(String, String, String), (u32, Tally)> = BTreeMap::new();
    for p in &people {
        let mut tally = Tally::default();
        for w in weeks_of(&p.enrolment, from_week, to_week, minimum, &p.minutes) {
            tally.add(w.status);
        }
        let gender = if by_gender {
            p.gender.clone()
        } else {
            String::new()
        };
        let c = cells
            .entry((p.district.clone(), p.school.clone(), gender))
            .or_default();
        c.0 += 1;
        c.1.merge(tally);
    }
    let line = |district: &str, school: &str, gender: &str, n: u32, t: Tally| ComplianceLine {
        district: district.to_owned(),
        school: school.to_owned(),
        gender: gender.to_owned(),
        participants: n,
        met: t.met,
        short: t.short,
        excused: t.excused,
        share_met: t.share_met_permille(),
    };
    let mut lines = vec![];
    let mut districts: BTreeMap<(String, String), (u32, Tally)> = BTreeMap::new();
    let mut totals: BTreeMap<String, (u32, Tally)> = BTreeMap::new();
    for ((d, _, g), (n, t)) in &cells {
        let e = districts.entry((d.clone(), g.clone())).or_default();
        e.0 += n;
        e.1.merge(*t);
        let e = totals.entry(g.clone()).or_default();
        e.0 += n;
        e.1.merge(*t);
    }
    for ((d, g), (n, t)) in &districts {
        lines.push(line(d, "", g, *n, *t));
        for ((cd, s, cg), (cn, ct)) in &cells {
            if cd == d && cg == g {
                lines.push(line(d, s, g, *cn, *ct));
            }
        }
    }
    for (g, (n, t)) in &totals {
        lines.push(line("", "", g, *n, *t));
    }
    Ok(ComplianceReport {
        from: from_week.to_string(),
        to: to_week.to_string(),
        by_gender,
        lines,
    })
}
