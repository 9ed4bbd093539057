//! The short-weeks list and the compliance report.

use super::*;

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
            let weeks: Vec<WeekRow> = recent_short_weeks(&p.enrolment, &p.minutes, &minimum, today)
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
    let mut people = hours::measured(db, Scope::All, from_week, to_week).await?;
    people.extend(hours::erased_measured(db, Scope::All, from_week, to_week).await?);
    let lines = roll_up(people.iter().map(|p| {
        let mut tally = Tally::default();
        for w in weeks_of(&p.enrolment, from_week, to_week, &minimum, &p.minutes) {
            tally.add(w.status);
        }
        let cell = ReportCell {
            district: p.district.clone(),
            school: p.school.clone(),
            gender: by_gender.then_some(p.gender),
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
        from: from_week,
        to: to_week,
        by_gender,
        lines,
    })
}

/// The active participants of `scope` whose plans do not cover them from `today` on (no plan,
/// a plan that starts later, or one that falls under the minimum on a decided day), in name
/// order. A register can still be taken for them.
pub async fn plan_gaps(
    db: &Db,
    scope: crate::db::hours::Scope,
    today: NaiveDate,
) -> Result<Vec<crate::dto::PlanGap>, AppError> {
    use crate::domain::weeks::{plan_coverage, PlanCoverage};
    let minimum = crate::db::hours::minimum(db).await?;
    Ok(crate::db::hours::coverage_inputs(db, scope)
        .await?
        .into_iter()
        .filter_map(|(mut gap, plans)| {
            gap.coverage = plan_coverage(&plans, today, &minimum);
            (gap.coverage != PlanCoverage::Covered).then_some(gap)
        })
        .collect())
}
