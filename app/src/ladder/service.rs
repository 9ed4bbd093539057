//! The data behind the ladder views, shared by the server functions, the command line and
//! the benchmark.

use chrono::NaiveDate;

use super::api::{
    Dashboard, DashboardRow, LadderAssessmentRow, LadderSfiRow, LadderView, Passport,
};
use crate::charts::ladder::{
    ladder_svg, sparkline_svg, LadderData, LadderText, SfiMark, SkillLine,
};
use crate::charts::weekly::{weekly_svg, WeekBar, WeeklyText};
use crate::db::{Db, DbError};
use crate::domain::cefr::{CefrLevel, Skill};
use crate::domain::ids::{ParticipantId, UserId};
use crate::domain::ladder::{
    change_since_start, disagreements, guide_position, latest_levels, mean_step_tenths,
    AssessedLevels, DashboardSort,
};
use crate::dto::WeekRow;
use crate::i18n::{translate, Locale};

fn ladder_text(locale: Locale, name: &str, desc: String) -> LadderText {
    let tr = |id: &str| translate(locale, id, &[]);
    LadderText {
        title: translate(locale, "ladder-title", &[("name", name.to_owned())]),
        desc,
        levels: CefrLevel::ALL.map(|l| l.label().to_owned()),
        start: tr("occasion-start"),
        finish: tr("occasion-finish"),
        sfi: tr("ladder-sfi-legend"),
        empty: tr("ladder-empty"),
    }
}

/// The self-assessments of a participant as the ladder needs them.
pub async fn assessed(
    db: &Db,
    participant: ParticipantId,
) -> Result<Vec<(AssessedLevels, String)>, DbError> {
    Ok(crate::db::assessments::submitted(db, participant)
        .await?
        .into_iter()
        .map(|(head, levels)| {
            (
                AssessedLevels {
                    date: head.assessed_on,
                    levels,
                },
                head.occasion.as_str().to_owned(),
            )
        })
        .collect())
}

/// The ladder's data of one participant.
pub async fn ladder_data(
    db: &Db,
    participant: ParticipantId,
    locale: Locale,
    today: NaiveDate,
) -> Result<
    (
        LadderData,
        Vec<(AssessedLevels, String)>,
        Vec<crate::dto::SfiResultRow>,
    ),
    DbError,
> {
    let detail = crate::db::participants::get(db, participant).await?;
    let name = format!("{} {}", detail.given_name, detail.family_name);
    let start = Some(detail.start_date);
    let end = detail.end_date;
    let finished = end.filter(|e| *e <= today);
    let assessments = assessed(db, participant).await?;
    let results = crate::db::sfi::for_participant(db, participant).await?;
    let lines = Skill::ALL
        .iter()
        .map(|&skill| SkillLine {
            name: translate(locale, &format!("skill-{}", skill.as_str()), &[]),
            points: assessments
                .iter()
                .filter_map(|(a, _)| {
                    a.levels
                        .iter()
                        .find(|(s, _)| *s == skill)
                        .map(|(_, l)| (a.date, l.step()))
                })
                .collect(),
        })
        .collect();
    let sfi = results
        .iter()
        .map(|r| SfiMark {
            date: r.test_date,
            label: format!("{}: {}", r.course, r.grade),
            guide_level: guide_position(r.course),
        })
        .collect();
    let latest = latest_levels(
        &assessments
            .iter()
            .map(|(a, _)| a.clone())
            .collect::<Vec<_>>(),
    );
    let summary: Vec<String> = Skill::ALL
        .iter()
        .zip(latest)
        .filter_map(|(s, l)| {
            l.map(|l| {
                format!(
                    "{} {}",
                    translate(locale, &format!("skill-{}", s.as_str()), &[]),
                    l.label()
                )
            })
        })
        .collect();
    let desc = translate(
        locale,
        "ladder-desc",
        &[
            ("assessments", assessments.len().to_string()),
            ("results", results.len().to_string()),
            (
                "latest",
                if summary.is_empty() {
                    translate(locale, "none", &[])
                } else {
                    summary.join(", ")
                },
            ),
        ],
    );
    let data = LadderData {
        from: start,
        to: Some(finished.unwrap_or(today)),
        start,
        finish: finished,
        lines,
        sfi,
        text: ladder_text(locale, &name, desc),
    };
    Ok((data, assessments, results))
}

/// A participant's ladder and weekly chart with their tables and the notes to talk about.
pub async fn participant_ladder(
    db: &Db,
    participant: ParticipantId,
    locale: Locale,
    today: NaiveDate,
    weeks: Vec<WeekRow>,
) -> Result<LadderView, DbError> {
    let (data, assessments, results) = ladder_data(db, participant, locale, today).await?;
    let ladder_svg = ladder_svg(&data, "ladder-chart");
    let tr = |id: &str, args: &[(&str, String)]| translate(locale, id, args);
    let bars: Vec<WeekBar> = weeks
        .iter()
        .map(|w| WeekBar {
            label: tr("week-short", &[("week", w.week.week().to_string())]),
            teaching: w.teaching,
            self_study: w.self_study,
            required: w.required,
            short: w.is_short(),
        })
        .collect();
    let short = weeks.iter().filter(|w| w.is_short()).count();
    let weekly_text = WeeklyText {
        title: tr("weekly-chart-title", &[]),
        desc: tr(
            "weekly-chart-desc",
            &[
                ("weeks", weeks.len().to_string()),
                ("short", short.to_string()),
            ],
        ),
        teaching: tr("kind-teaching", &[]),
        self_study: tr("kind-self_study", &[]),
        required: tr("weekly-chart-required", &[]),
        short: tr("week-status-short", &[]),
        hours: tr("hours-unit", &[]),
        empty: tr("hours-no-weeks", &[]),
    };
    let weekly_svg = weekly_svg(&bars, &weekly_text, "weekly-chart");
    let levels_only: Vec<AssessedLevels> = assessments.iter().map(|(a, _)| a.clone()).collect();
    let latest = latest_levels(&levels_only);
    let latest_course = results
        .iter()
        .max_by(|a, b| a.test_date.cmp(&b.test_date))
        .map(|r| r.course);
    let notes = disagreements(&latest, latest_course)
        .into_iter()
        .map(|d| {
            tr(
                if d.steps > 0.0 {
                    "ladder-note-above"
                } else {
                    "ladder-note-below"
                },
                &[
                    ("skill", tr(&format!("skill-{}", d.skill.as_str()), &[])),
                    ("level", d.assessed.label().to_owned()),
                    ("course", d.course.as_str().to_owned()),
                    ("guide", d.course.cefr_guide().label()),
                ],
            )
        })
        .collect();
    Ok(LadderView {
        ladder_svg,
        weekly_svg,
        assessments: assessments
            .iter()
            .map(|(a, occasion)| LadderAssessmentRow {
                date: a.date.format("%Y-%m-%d").to_string(),
                occasion: occasion.clone(),
                levels: Skill::ALL.map(|s| {
                    a.levels
                        .iter()
                        .find(|(k, _)| *k == s)
                        .map(|(_, l)| l.label().to_owned())
                        .unwrap_or_default()
                }),
            })
            .collect(),
        sfi: results
            .iter()
            .map(|r| LadderSfiRow {
                date: r.test_date,
                occasion: r.occasion,
                course: r.course,
                grade: r.grade,
                guide: r.course.cefr_guide().label(),
            })
            .collect(),
        weeks,
        notes,
    })
}

/// The ladder of one participant as an SVG (the command line's `server chart ladder`).
pub async fn ladder_only(
    db: &Db,
    participant: ParticipantId,
    locale: Locale,
    today: NaiveDate,
) -> Result<String, DbError> {
    let (data, _, _) = ladder_data(db, participant, locale, today).await?;
    Ok(ladder_svg(&data, "ladder"))
}

/// A mentor's dashboard as the server keeps it: the rows without their tablet locks (those
/// change with the clock), and each participant's sign-in throttle key to look them up.
#[derive(Debug, Clone)]
pub struct KeptDashboard {
    /// The dashboard, every `tablet_locked_until` empty.
    pub dashboard: Dashboard,
    /// Each participant's throttle key (never sent to the browser).
    pub lock_keys: Vec<(ParticipantId, String)>,
}

/// The dashboard of `mentor`'s participants: a handful of queries whatever their number. The
/// tablet locks are left to [`with_tablet_locks`].
pub async fn dashboard(
    db: &Db,
    auth: &crate::state::AuthConfig,
    mentor: UserId,
    locale: Locale,
    today: NaiveDate,
    sort: DashboardSort,
) -> Result<KeptDashboard, DbError> {
    use crate::db::hours::{self, Scope};
    use crate::domain::time_record::weeks_of;
    use crate::domain::weeks::{IsoWeek, WeekStatus};
    let people = crate::db::ladder::mentor_participants(db, mentor).await?;
    let lock_keys = lock_keys(auth, &people);
    let levels = crate::db::ladder::levels_of_mentor(db, mentor).await?;
    let latest_sfi = crate::db::ladder::latest_sfi_of_mentor(db, mentor).await?;
    let last = IsoWeek::containing(today).prev();
    let first = last.prev().prev().prev();
    let minimum = hours::minimum(db).await?;
    let measured = hours::measured(db, Scope::Mentor(mentor), first, last).await?;
    let plans = crate::db::mentoring::plans(db, Some(mentor), None).await?;
    let mut rows: Vec<(DashboardRow, Option<u32>, NaiveDate)> = Vec::with_capacity(people.len());
    for p in people {
        let assessed: Vec<AssessedLevels> = levels.get(&p.id).cloned().unwrap_or_default();
        let latest = latest_levels(&assessed);
        let change = change_since_start(&assessed);
        let start = Some(p.start_date);
        let end = p.end_date;
        let name = format!("{} {}", p.given_name, p.family_name);
        let spark = LadderData {
            from: start,
            to: Some(end.filter(|e| *e <= today).unwrap_or(today)),
            start,
            finish: None,
            lines: Skill::ALL
                .iter()
                .map(|&skill| SkillLine {
                    name: String::new(),
                    points: assessed
                        .iter()
                        .filter_map(|a| {
                            a.levels
                                .iter()
                                .find(|(s, _)| *s == skill)
                                .map(|(_, l)| (a.date, l.step()))
                        })
                        .collect(),
                })
                .collect(),
            sfi: vec![],
            text: LadderText {
                title: translate(locale, "ladder-title", &[("name", name.clone())]),
                desc: translate(
                    locale,
                    "sparkline-desc",
                    &[(
                        "levels",
                        Skill::ALL
                            .iter()
                            .zip(latest)
                            .filter_map(|(s, l)| {
                                l.map(|l| {
                                    format!(
                                        "{} {}",
                                        translate(locale, &format!("skill-{}", s.as_str()), &[]),
                                        l.label()
                                    )
                                })
                            })
                            .collect::<Vec<_>>()
                            .join(", "),
                    )],
                ),
                ..LadderText::default()
            },
        };
        let short_weeks = measured
            .iter()
            .find(|m| m.id == p.id)
            .map(|m| {
                weeks_of(&m.enrolment, first, last, &minimum, &m.minutes)
                    .iter()
                    .filter(|w| w.status == WeekStatus::Short)
                    .count() as u32
            })
            .unwrap_or(0);
        let next = {
            use crate::domain::talk::{next_date, planned_end, terms_in_force};
            let (terms, scheduled) = plans.get(&p.id).map_or((None, &[][..]), |plan| {
                (
                    Some(terms_in_force(plan.enrolled_terms, &plan.decisions)),
                    &plan.scheduled[..],
                )
            });
            let end = match (terms, end) {
                (_, Some(e)) => e,
                (Some(t), None) => planned_end(p.start_date, t),
                (None, None) => p.start_date,
            };
            next_date(today, scheduled, end)
        };
        rows.push((
            DashboardRow {
                id: p.id,
                sparkline_svg: sparkline_svg(&spark, &format!("spark-{}", p.id)),
                levels: latest.map(|l| l.map(|l| l.label().to_owned()).unwrap_or_default()),
                changes: change.map(|c| match c {
                    Some(c) if c > 0 => format!("+{c}"),
                    Some(c) => c.to_string(),
                    None => String::new(),
                }),
                latest_sfi: latest_sfi
                    .get(&p.id)
                    .map(|(course, grade, d)| format!("{course}: {grade} ({d})")),
                short_weeks,
                next,
                tablet_locked_until: None,
                participant_ref: p.participant_ref,
                name,
            },
            mean_step_tenths(&latest),
            next.overdue_since.unwrap_or(next.date),
        ));
    }
    match sort {
        DashboardSort::Name => rows.sort_by(|a, b| a.0.name.cmp(&b.0.name)),
        DashboardSort::ShortWeeks => rows.sort_by(|a, b| {
            b.0.short_weeks
                .cmp(&a.0.short_weeks)
                .then_with(|| a.0.name.cmp(&b.0.name))
        }),
        DashboardSort::Level => {
            rows.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.name.cmp(&b.0.name)))
        }
        DashboardSort::Next => {
            rows.sort_by(|a, b| a.2.cmp(&b.2).then_with(|| a.0.name.cmp(&b.0.name)))
        }
    }
    Ok(KeptDashboard {
        dashboard: Dashboard {
            rows: rows.into_iter().map(|(r, _, _)| r).collect(),
            sort: sort.as_str().to_owned(),
        },
        lock_keys,
    })
}

/// Each of `people`'s sign-in throttle key.
pub fn lock_keys(
    auth: &crate::state::AuthConfig,
    people: &[crate::db::ladder::MentorParticipant],
) -> Vec<(ParticipantId, String)> {
    use crate::domain::credentials::{code_subject, SignInCode};
    people
        .iter()
        .filter_map(|p| {
            let code = SignInCode::parse(&p.sign_in_code).ok()?;
            Some((p.id, auth.throttle_key(&code_subject(&code))))
        })
        .collect()
}

/// The dashboard with the participants whom too many wrong PINs keep off the tablet now, and
/// until when (Stockholm): one query, on every request.
pub async fn with_tablet_locks(db: &Db, kept: KeptDashboard) -> Result<Dashboard, DbError> {
    let keys: Vec<String> = kept.lock_keys.iter().map(|(_, k)| k.clone()).collect();
    let locked = crate::db::throttle::locked(db, &keys, crate::db::now()).await?;
    let mut dashboard = kept.dashboard;
    if locked.is_empty() {
        return Ok(dashboard);
    }
    let until: std::collections::HashMap<ParticipantId, chrono::NaiveDateTime> = kept
        .lock_keys
        .iter()
        .filter_map(|(id, key)| {
            let until = chrono::DateTime::from_timestamp(*locked.get(key)?, 0)?;
            Some((*id, crate::state::clock::stockholm(until)))
        })
        .collect();
    for row in &mut dashboard.rows {
        row.tablet_locked_until = until.get(&row.id).copied();
    }
    Ok(dashboard)
}

/// The passport of a participant.
pub async fn passport(
    db: &Db,
    participant: ParticipantId,
    today: NaiveDate,
) -> Result<Passport, DbError> {
    let d = crate::db::participants::get(db, participant).await?;
    let assessments = assessed(db, participant).await?;
    let levels_only: Vec<AssessedLevels> = assessments.iter().map(|(a, _)| a.clone()).collect();
    let latest = latest_levels(&levels_only);
    let results = crate::db::sfi::for_participant(db, participant).await?;
    let latest_sfi = results
        .iter()
        .max_by(|a, b| a.test_date.cmp(&b.test_date))
        .map(|r| (r.course, r.grade, r.test_date));
    Ok(Passport {
        name: format!("{} {}", d.given_name, d.family_name),
        participant_ref: d.participant_ref,
        school: d.school,
        district: d.district,
        start_date: d.start_date,
        end_date: d.end_date,
        levels: latest.map(|l| l.map(|l| l.step())),
        assessed_on: levels_only.iter().map(|a| a.date).max(),
        latest_sfi,
        work_step: work_step(db, participant).await?,
        today,
    })
}

/// The highest step reached on the work ladder, by name, and the day.
async fn work_step(
    db: &Db,
    participant: ParticipantId,
) -> Result<Option<(String, NaiveDate)>, DbError> {
    use crate::domain::steps::StepLadder;
    let reached = crate::db::steps::reached(db, participant).await?;
    let locale = crate::i18n::request_locale();
    Ok(crate::db::steps::definitions(db)
        .await?
        .iter()
        .filter(|d| d.ladder == StepLadder::Work)
        .filter_map(|d| {
            reached
                .iter()
                .find(|r| r.record.ladder == d.ladder && r.record.step == d.code)
                .map(|r| (crate::i18n::step_name(d, locale), r.record.reached_date))
        })
        .next_back())
}
