//! A participant's weekly plan: recurring teaching blocks and planned self-study.

use chrono::{NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::entry::hh_mm;
use super::{HoursMinutes, TimeProblem, WeeklyMinimum};

/// One recurring teaching block of a weekly plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TeachingBlock {
    /// The day of the week (weekend blocks are allowed: time on Saturdays and Sundays counts).
    pub weekday: Weekday,
    /// Start, local time.
    pub start: NaiveTime,
    /// End, local time; must be after `start` on the same day.
    pub end: NaiveTime,
}

impl TeachingBlock {
    /// Length in whole minutes; 0 for a block whose end is not after its start.
    pub fn minutes(self) -> u32 {
        u32::try_from((self.end - self.start).num_minutes()).unwrap_or(0)
    }
}

/// A participant's weekly plan: recurring teaching blocks and planned self-study.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WeeklyPlan {
    /// The teaching blocks, in the order the user entered them.
    pub blocks: Vec<TeachingBlock>,
    /// Planned self-study per week, in minutes.
    pub self_study_minutes: u32,
}

/// A problem with a weekly plan, tied to one of its blocks or to the plan as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanProblem {
    /// Index into [`WeeklyPlan::blocks`], or `None` for the plan as a whole.
    pub block: Option<usize>,
    /// What is wrong.
    pub problem: TimeProblem,
}

impl WeeklyPlan {
    /// Planned teaching per week in minutes: the sum of the blocks (blocks whose end is not
    /// after their start count 0).
    pub fn teaching_minutes(&self) -> u32 {
        self.blocks.iter().map(|b| b.minutes()).sum()
    }

    /// Refuses a plan that could miss the minimum, reporting every problem:
    /// a block whose end is not after its start ([`TimeProblem::EndNotAfterStart`], on that
    /// block); a block that overlaps an earlier-starting block of the same weekday
    /// ([`TimeProblem::BlocksOverlap`], on the later-starting block, naming the other one;
    /// blocks that only touch do not overlap); teaching under the minimum and self-study under
    /// the minimum, each with the shortfall in hours and minutes (on the plan as a whole).
    pub fn validate(&self, minimum: WeeklyMinimum) -> Result<(), Vec<PlanProblem>> {
        let mut problems = Vec::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if block.end <= block.start {
                problems.push(PlanProblem {
                    block: Some(i),
                    problem: TimeProblem::EndNotAfterStart,
                });
            }
        }
        let mut valid: Vec<(usize, TeachingBlock)> = self
            .blocks
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, b)| b.start < b.end)
            .collect();
        valid.sort_by_key(|&(i, b)| (b.weekday.num_days_from_monday(), b.start, b.end, i));
        let mut overlaps = Vec::new();
        for (n, &(i, block)) in valid.iter().enumerate() {
            if let Some(&(_, other)) = valid[..n]
                .iter()
                .find(|(_, o)| o.weekday == block.weekday && o.end > block.start)
            {
                overlaps.push(PlanProblem {
                    block: Some(i),
                    problem: TimeProblem::BlocksOverlap {
                        start: hh_mm(other.start),
                        end: hh_mm(other.end),
                    },
                });
            }
        }
        overlaps.sort_by_key(|p| p.block);
        problems.extend(overlaps);
        let teaching_short = minimum.minutes().saturating_sub(self.teaching_minutes());
        if teaching_short > 0 {
            let short = HoursMinutes::from_minutes(teaching_short);
            problems.push(PlanProblem {
                block: None,
                problem: TimeProblem::TeachingUnderMinimum {
                    hours: short.hours,
                    minutes: short.minutes,
                },
            });
        }
        let self_study_short = minimum.minutes().saturating_sub(self.self_study_minutes);
        if self_study_short > 0 {
            let short = HoursMinutes::from_minutes(self_study_short);
            problems.push(PlanProblem {
                block: None,
                problem: TimeProblem::SelfStudyUnderMinimum {
                    hours: short.hours,
                    minutes: short.minutes,
                },
            });
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::weeks::test_support::{minimum, time};

    fn block(weekday: Weekday, start: (u32, u32), end: (u32, u32)) -> TeachingBlock {
        TeachingBlock {
            weekday,
            start: time(start.0, start.1),
            end: time(end.0, end.1),
        }
    }

    fn five_hour_plan() -> WeeklyPlan {
        WeeklyPlan {
            blocks: vec![
                block(Weekday::Mon, (9, 0), (11, 30)),
                block(Weekday::Wed, (9, 0), (10, 0)),
                block(Weekday::Wed, (10, 0), (11, 30)),
            ],
            self_study_minutes: 300,
        }
    }

    #[test]
    fn a_plan_of_exactly_five_hours_of_each_is_accepted() {
        assert_eq!(five_hour_plan().teaching_minutes(), 300);
        assert_eq!(five_hour_plan().validate(minimum()), Ok(()));
    }

    #[test]
    fn a_plan_under_the_minimum_is_refused_with_the_shortfall_in_hours_and_minutes() {
        let mut plan = five_hour_plan();
        plan.blocks.pop(); // 3 h 30 min left
        plan.self_study_minutes = 299;
        assert_eq!(
            plan.validate(minimum()),
            Err(vec![
                PlanProblem {
                    block: None,
                    problem: TimeProblem::TeachingUnderMinimum {
                        hours: 1,
                        minutes: 30
                    }
                },
                PlanProblem {
                    block: None,
                    problem: TimeProblem::SelfStudyUnderMinimum {
                        hours: 0,
                        minutes: 1
                    }
                },
            ])
        );
    }

    #[test]
    fn a_plan_block_must_end_after_it_starts() {
        let mut plan = five_hour_plan();
        plan.blocks.push(block(Weekday::Fri, (10, 0), (10, 0)));
        assert_eq!(
            plan.validate(minimum()),
            Err(vec![PlanProblem {
                block: Some(3),
                problem: TimeProblem::EndNotAfterStart
            }])
        );
    }

    #[test]
    fn overlapping_blocks_on_the_same_weekday_are_refused_on_the_later_one() {
        let mut plan = five_hour_plan();
        plan.blocks.insert(0, block(Weekday::Wed, (11, 0), (12, 0)));
        plan.blocks.push(block(Weekday::Tue, (11, 0), (12, 0)));
        assert_eq!(
            plan.validate(minimum()),
            Err(vec![PlanProblem {
                block: Some(0),
                problem: TimeProblem::BlocksOverlap {
                    start: "10:00".into(),
                    end: "11:30".into()
                }
            }])
        );
    }

    #[test]
    fn a_plan_may_exceed_the_minimum() {
        let mut plan = five_hour_plan();
        plan.blocks.push(block(Weekday::Sat, (10, 0), (14, 0)));
        plan.self_study_minutes = 600;
        assert_eq!(plan.validate(minimum()), Ok(()));
    }
}
