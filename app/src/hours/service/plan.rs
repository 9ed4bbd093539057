//! A new weekly plan: the blocks and self-study parsed, refused under the minimum.

use super::*;

/// Which plan the form was based on: the participant's newest plan when the page was shown
/// (0: none), or `None` from clients that do not say.
#[derive(Debug, Clone, Copy)]
pub struct BasedOn {
    /// The newest plan's id as shown.
    pub plan: Option<i64>,
    /// The editor's language, for the message about a plan saved meanwhile.
    pub locale: crate::i18n::Locale,
}

/// Parses and stores a new weekly plan; refused (nothing stored) under the minimum, or when
/// someone saved another plan after the form was shown.
pub async fn save_plan(
    db: &Db,
    who: Principal,
    participant: ParticipantId,
    valid_from: String,
    self_study_minutes: String,
    blocks: Vec<BlockInput>,
    today: chrono::NaiveDate,
    based_on: BasedOn,
) -> Result<(), AppError> {
    use crate::db::{self, DbError};

    use crate::domain::participant::{parse_date, Email};
    use crate::domain::problem::{FieldProblem, FormRow, Problem};
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
        let field = |name: &str, value: &str, p: Problem| {
            FieldProblem::new(name, value, p).in_row(FormRow::Block(i + 1))
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
            rows.push((FormRow::Block(i + 1), b.clone()));
        }
    }
    // A plan looks ahead: it must reach the minimum in force from its first day (or today, for
    // a plan entered afterwards) and every raise already decided; weeks already past are
    // measured by the time recorded, whatever the plan said.
    let from = valid_from_date.as_ref().map_or(today, |d| (*d).max(today));
    let minimum = db::hours::minimum(db).await?.highest_from(from);
    if let Err(plan_problems) = plan.validate(minimum) {
        for pp in plan_problems {
            match pp.block.and_then(|i| rows.get(i)) {
                Some((row, b)) => {
                    let name = match pp.problem {
                        crate::domain::weeks::TimeProblem::EndNotAfterStart => "end",
                        _ => "start",
                    };
                    let value = if name == "end" { &b.end } else { &b.start };
                    problems.push(
                        FieldProblem::new(name, value.as_str(), pp.problem.into())
                            .in_row(row.clone()),
                    );
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
    if let Some(shown) = based_on.plan {
        let newest = db::hours::newest_plan(&mut tx, participant).await?;
        if newest.map_or(0, |p| p.0) != shown {
            drop(tx);
            return Err(plan_saved_meanwhile(db, participant, based_on.locale).await);
        }
    }
    db::hours::save_plan(
        &mut tx,
        participant,
        valid_from_date,
        &plan,
        &teachers,
        Recorder::from(&who),
    )
    .await?;
    tx.commit().await.map_err(DbError::from)?;
    leptos_axum::redirect(&format!("/participants/{participant}#hours"));
    Ok(())
}

/// The refusal of a plan based on an older one: who saved the newest plan, when, and what it
/// says.
async fn plan_saved_meanwhile(
    db: &Db,
    participant: ParticipantId,
    locale: crate::i18n::Locale,
) -> AppError {
    use crate::i18n::translate;
    let plans = match crate::db::hours::plans(db, participant).await {
        Ok(p) => p,
        Err(e) => return e.into(),
    };
    let Some(newest) = plans.into_iter().max_by_key(|p| p.id.0) else {
        return AppError::NotFound;
    };
    let span = |minutes: u32| {
        translate(
            locale,
            "hours-minutes-short",
            &[
                ("hours", (minutes / 60).to_string()),
                ("minutes", (minutes % 60).to_string()),
            ],
        )
    };
    let value = translate(
        locale,
        "plan-summary",
        &[
            ("from", newest.valid_from.to_string()),
            ("teaching", span(newest.teaching_minutes)),
            ("self_study", span(newest.self_study_minutes)),
        ],
    );
    AppError::Invalid(vec![crate::error::changed_by(
        "valid_from",
        newest.created_by.as_deref(),
        "web",
        newest.created_at,
        value,
        locale,
    )])
}
