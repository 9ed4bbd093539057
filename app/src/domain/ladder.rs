//! The language ladder's rules: where levels and SFI courses sit on the ladder, the change
//! since start, where self-assessed and tested levels disagree by more than a step, and the
//! order of the mentor's dashboard. Pure.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cefr::{CefrLevel, Skill};
use super::sfi::SfiCourse;

/// The level's step on the ladder: 0 (Pre-A1) … 6 (C2).
pub fn step(level: CefrLevel) -> u8 {
    level.step()
}

/// Where the course→CEFR guide places an SFI course on the ladder: the guide's level, a third
/// of a step lower for "A1−" (course A). A guide, never a result.
pub fn guide_position(course: SfiCourse) -> f64 {
    let guide = course.cefr_guide();
    f64::from(step(guide.level())) - if guide.minus() { 0.3 } else { 0.0 }
}

/// One self-assessment as the ladder needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessedLevels {
    /// The day.
    pub date: NaiveDate,
    /// Level per skill (skills missing from an assessment are simply absent).
    pub levels: Vec<(Skill, CefrLevel)>,
}

/// The latest level of each skill, in [`Skill::ALL`] order (`None` when never assessed).
/// `assessments` may come in any order.
pub fn latest_levels(assessments: &[AssessedLevels]) -> [Option<CefrLevel>; 5] {
    skill_levels(assessments, |a, b| a >= b)
}

/// The first level of each skill, in [`Skill::ALL`] order.
pub fn first_levels(assessments: &[AssessedLevels]) -> [Option<CefrLevel>; 5] {
    skill_levels(assessments, |a, b| a < b)
}

fn skill_levels(
    assessments: &[AssessedLevels],
    replaces: impl Fn(NaiveDate, NaiveDate) -> bool,
) -> [Option<CefrLevel>; 5] {
    let mut out: [Option<(NaiveDate, CefrLevel)>; 5] = [None; 5];
    for a in assessments {
        for &(skill, level) in &a.levels {
            let Some(i) = Skill::ALL.iter().position(|&s| s == skill) else {
                continue;
            };
            if out[i].is_none_or(|(d, _)| replaces(a.date, d)) {
                out[i] = Some((a.date, level));
            }
        }
    }
    out.map(|o| o.map(|(_, l)| l))
}

/// Steps moved per skill from the first to the latest assessment (`None` without two dates to
/// compare is still `Some(0)` when assessed once: no change yet).
pub fn change_since_start(assessments: &[AssessedLevels]) -> [Option<i8>; 5] {
    let first = first_levels(assessments);
    let latest = latest_levels(assessments);
    std::array::from_fn(|i| match (first[i], latest[i]) {
        (Some(f), Some(l)) => Some(step(l) as i8 - step(f) as i8),
        _ => None,
    })
}

/// A skill whose self-assessed level lies more than one step from where the guide puts the
/// latest SFI course: something to talk about in the development talk.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    /// The skill.
    pub skill: Skill,
    /// The self-assessed level.
    pub assessed: CefrLevel,
    /// The latest SFI course.
    pub course: SfiCourse,
    /// Positive: self-assessed above the guide; negative: below.
    pub steps: f64,
}

/// The skills whose latest self-assessed level differs from the latest SFI course's guide
/// position by more than one step.
pub fn disagreements(
    latest: &[Option<CefrLevel>; 5],
    course: Option<SfiCourse>,
) -> Vec<Disagreement> {
    let Some(course) = course else {
        return vec![];
    };
    let guide = guide_position(course);
    Skill::ALL
        .iter()
        .zip(latest)
        .filter_map(|(&skill, level)| {
            let assessed = (*level)?;
            let steps = f64::from(step(assessed)) - guide;
            (steps.abs() > 1.0).then_some(Disagreement {
                skill,
                assessed,
                course,
                steps,
            })
        })
        .collect()
}

/// How the mentor's dashboard is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DashboardSort {
    /// By name (the default).
    #[default]
    Name,
    /// Most short weeks first.
    ShortWeeks,
    /// Lowest mean self-assessed level first (never assessed first of all).
    Level,
    /// Soonest next date (checkpoint or end) first.
    Next,
}

impl DashboardSort {
    /// All orders.
    pub const ALL: [DashboardSort; 4] = [
        DashboardSort::Name,
        DashboardSort::ShortWeeks,
        DashboardSort::Level,
        DashboardSort::Next,
    ];

    /// The query value.
    pub fn as_str(self) -> &'static str {
        match self {
            DashboardSort::Name => "name",
            DashboardSort::ShortWeeks => "short_weeks",
            DashboardSort::Level => "level",
            DashboardSort::Next => "next",
        }
    }

    /// Parses a query value; anything unknown is the default order.
    pub fn parse(s: &str) -> Self {
        DashboardSort::ALL
            .into_iter()
            .find(|o| o.as_str() == s.trim())
            .unwrap_or_default()
    }
}

/// The mean step of the assessed skills, in tenths (for sorting), `None` when none assessed.
pub fn mean_step_tenths(levels: &[Option<CefrLevel>; 5]) -> Option<u32> {
    let steps: Vec<u32> = levels
        .iter()
        .flatten()
        .map(|&l| u32::from(step(l)))
        .collect();
    (!steps.is_empty()).then(|| steps.iter().sum::<u32>() * 10 / steps.len() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn assessed(date: NaiveDate, levels: &[(Skill, CefrLevel)]) -> AssessedLevels {
        AssessedLevels {
            date,
            levels: levels.to_vec(),
        }
    }

    #[test]
    fn steps_and_guide_positions() {
        assert_eq!(step(CefrLevel::PreA1), 0);
        assert_eq!(step(CefrLevel::C2), 6);
        assert!((guide_position(SfiCourse::A) - 0.7).abs() < 1e-9);
        assert_eq!(guide_position(SfiCourse::B), 1.0);
        assert_eq!(guide_position(SfiCourse::D), 3.0);
    }

    #[test]
    fn first_latest_and_change_per_skill() {
        let list = [
            assessed(
                d(6, 1),
                &[
                    (Skill::Listening, CefrLevel::A2),
                    (Skill::Reading, CefrLevel::A1),
                ],
            ),
            assessed(d(1, 20), &[(Skill::Listening, CefrLevel::A1)]),
        ];
        assert_eq!(latest_levels(&list)[0], Some(CefrLevel::A2));
        assert_eq!(first_levels(&list)[0], Some(CefrLevel::A1));
        let change = change_since_start(&list);
        assert_eq!(change[0], Some(1));
        assert_eq!(change[1], Some(0), "assessed once: no change yet");
        assert_eq!(change[4], None, "never assessed");
    }

    #[test]
    fn disagreement_is_more_than_a_step() {
        let mut latest = [None; 5];
        latest[0] = Some(CefrLevel::B1); // 3 vs course B at 1: two steps above
        latest[1] = Some(CefrLevel::A2); // 2 vs 1: one step, fine
        latest[2] = Some(CefrLevel::PreA1); // 0 vs 1: fine
        let found = disagreements(&latest, Some(SfiCourse::B));
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].skill, found[0].steps), (Skill::Listening, 2.0));
        // Course A sits at A1−: A2 is 1.3 steps above it.
        latest[0] = None;
        let found = disagreements(&latest, Some(SfiCourse::A));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].skill, Skill::Reading);
        assert!(disagreements(&latest, None).is_empty());
    }

    #[test]
    fn sort_orders_parse_and_fall_back() {
        for o in DashboardSort::ALL {
            assert_eq!(DashboardSort::parse(o.as_str()), o);
        }
        assert_eq!(DashboardSort::parse("nonsense"), DashboardSort::Name);
    }

    #[test]
    fn the_mean_step_counts_only_assessed_skills() {
        let mut levels = [None; 5];
        assert_eq!(mean_step_tenths(&levels), None);
        levels[0] = Some(CefrLevel::A1);
        levels[1] = Some(CefrLevel::A2);
        assert_eq!(mean_step_tenths(&levels), Some(15));
    }
}
