//! Plans that cover everyone: whether an active participant has a plan in force that reaches
//! the minimum, now and at every change already decided, so nobody's weeks go short unseen.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::MinimumHistory;

/// One version of a participant's plan as coverage needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanVersion {
    /// First day in force.
    pub valid_from: NaiveDate,
    /// Planned teaching per week, minutes.
    pub teaching_minutes: u32,
    /// Planned self-study per week, minutes.
    pub self_study_minutes: u32,
}

/// How a participant's plans cover them from today on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanCoverage {
    /// A plan is in force today and reaches the minimum now and at every decided change.
    Covered,
    /// No plan at all.
    NoPlan,
    /// No plan in force today; the first one starts on this day.
    StartsOn(NaiveDate),
    /// From this day on, the plan then in force no longer reaches the minimum then in force
    /// (the minimum was raised, or a later plan has less): the plan as it stands ends there.
    UnderMinimumFrom {
        /// The first day without a sufficient plan.
        from: NaiveDate,
        /// The minimum in force from that day, minutes per week.
        minimum: u32,
    },
}

impl PlanCoverage {
    /// The catalogue id of the situation's description.
    pub fn message_id(self) -> &'static str {
        match self {
            PlanCoverage::Covered => "coverage-covered",
            PlanCoverage::NoPlan => "coverage-no-plan",
            PlanCoverage::StartsOn(_) => "coverage-starts-on",
            PlanCoverage::UnderMinimumFrom { .. } => "coverage-under-minimum",
        }
    }
}

/// The version in force on `day`: the latest `valid_from` on or before it (of two on the same
/// day, the later in `plans`).
fn in_force(plans: &[PlanVersion], day: NaiveDate) -> Option<PlanVersion> {
    plans
        .iter()
        .filter(|p| p.valid_from <= day)
        .max_by_key(|p| p.valid_from)
        .copied()
}

/// How `plans` (every version, in the order stored) cover a participant from `today` on,
/// against the minimum's history.
pub fn plan_coverage(
    plans: &[PlanVersion],
    today: NaiveDate,
    minimum: &MinimumHistory,
) -> PlanCoverage {
    if plans.is_empty() {
        return PlanCoverage::NoPlan;
    }
    if in_force(plans, today).is_none() {
        let first = plans.iter().map(|p| p.valid_from).min().unwrap_or(today);
        return PlanCoverage::StartsOn(first);
    }
    let mut days: Vec<NaiveDate> = std::iter::once(today)
        .chain(minimum.changes().iter().map(|&(d, _)| d))
        .chain(plans.iter().map(|p| p.valid_from))
        .filter(|&d| d >= today)
        .collect();
    days.sort_unstable();
    days.dedup();
    for day in days {
        let need = minimum.on(day).minutes();
        let short = in_force(plans, day)
            .is_none_or(|p| p.teaching_minutes < need || p.self_study_minutes < need);
        if short {
            return PlanCoverage::UnderMinimumFrom {
                from: day,
                minimum: need,
            };
        }
    }
    PlanCoverage::Covered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::weeks::WeeklyMinimum;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn plan(from: &str, teaching: u32, self_study: u32) -> PlanVersion {
        PlanVersion {
            valid_from: d(from),
            teaching_minutes: teaching,
            self_study_minutes: self_study,
        }
    }

    fn minimum(changes: &[(&str, u32)]) -> MinimumHistory {
        MinimumHistory::new(
            WeeklyMinimum::default(),
            changes
                .iter()
                .map(|&(day, m)| (d(day), WeeklyMinimum::new(m).unwrap())),
        )
    }

    #[test]
    fn a_participant_without_any_plan_is_listed() {
        assert_eq!(
            plan_coverage(&[], d("2026-12-03"), &minimum(&[])),
            PlanCoverage::NoPlan
        );
    }

    #[test]
    fn a_plan_that_starts_later_leaves_the_days_before_uncovered() {
        let plans = [plan("2027-01-11", 300, 300)];
        assert_eq!(
            plan_coverage(&plans, d("2026-12-03"), &minimum(&[])),
            PlanCoverage::StartsOn(d("2027-01-11"))
        );
    }

    #[test]
    fn a_plan_in_force_that_reaches_the_minimum_covers() {
        let plans = [plan("2026-09-01", 200, 300), plan("2026-11-02", 300, 300)];
        assert_eq!(
            plan_coverage(&plans, d("2026-12-03"), &minimum(&[])),
            PlanCoverage::Covered
        );
    }

    #[test]
    fn a_decided_raise_of_the_minimum_ends_the_plan_on_its_day() {
        let plans = [plan("2026-09-01", 300, 300)];
        assert_eq!(
            plan_coverage(&plans, d("2026-12-03"), &minimum(&[("2027-01-04", 360)])),
            PlanCoverage::UnderMinimumFrom {
                from: d("2027-01-04"),
                minimum: 360
            }
        );
        // A raise that lies in the past and that the plan was made for does not count again.
        let plans = [plan("2026-09-01", 360, 360)];
        assert_eq!(
            plan_coverage(&plans, d("2026-12-03"), &minimum(&[("2026-10-05", 360)])),
            PlanCoverage::Covered
        );
    }

    #[test]
    fn a_later_plan_with_less_self_study_is_listed_from_its_first_day() {
        let plans = [plan("2026-09-01", 300, 300), plan("2027-02-01", 300, 120)];
        assert_eq!(
            plan_coverage(&plans, d("2026-12-03"), &minimum(&[])),
            PlanCoverage::UnderMinimumFrom {
                from: d("2027-02-01"),
                minimum: 300
            }
        );
    }

    proptest! {
        /// Against a day-by-day reference over the next two years: the first day whose plan in
        /// force misses that day's minimum.
        #[test]
        fn coverage_equals_a_day_by_day_walk(
            plans in proptest::collection::vec((-200i64..400, 0u32..500, 0u32..500), 1..4),
            changes in proptest::collection::vec((-200i64..400, 1u32..500), 0..3),
        ) {
            let today = d("2026-12-03");
            let at = |o: i64| today + chrono::Duration::days(o);
            let plans: Vec<PlanVersion> = plans
                .iter()
                .map(|&(o, t, s)| PlanVersion { valid_from: at(o), teaching_minutes: t, self_study_minutes: s })
                .collect();
            let m = MinimumHistory::new(
                WeeklyMinimum::default(),
                changes.iter().map(|&(o, v)| (at(o), WeeklyMinimum::new(v).unwrap())),
            );
            let got = plan_coverage(&plans, today, &m);
            let expected = if in_force(&plans, today).is_none() {
                PlanCoverage::StartsOn(plans.iter().map(|p| p.valid_from).min().unwrap())
            } else {
                let mut found = PlanCoverage::Covered;
                for o in 0..800 {
                    let day = at(o);
                    let need = m.on(day).minutes();
                    let p = in_force(&plans, day).unwrap();
                    if p.teaching_minutes < need || p.self_study_minutes < need {
                        found = PlanCoverage::UnderMinimumFrom { from: day, minimum: need };
                        break;
                    }
                }
                found
            };
            prop_assert_eq!(got, expected);
        }
    }
}
