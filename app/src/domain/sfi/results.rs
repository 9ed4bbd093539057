//! A participant's SFI results: the test-date rule and the derivation of start and finish.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Grade, SfiCourse};
use crate::domain::cefr::Occasion;
use crate::domain::problem::Problem;

/// Refuses a test date after `today`.
pub fn check_test_date(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Problem> {
    if date > today {
        Err(Problem::DateInFuture)
    } else {
        Ok(date)
    }
}

/// One SFI result of a participant, as far as start and finish are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SfiResult {
    /// The test date.
    pub date: NaiveDate,
    /// The course.
    pub course: SfiCourse,
    /// The occasion, if one was set explicitly.
    pub occasion: Option<Occasion>,
    /// The course grade.
    pub grade: Grade,
}

/// A participant's SFI start and finish, shown side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StartFinish {
    /// Index of the start result in the slice given to [`start_and_finish`].
    pub start_index: usize,
    /// The start result.
    pub start: SfiResult,
    /// Index of the finish result, if there is one.
    pub finish_index: Option<usize>,
    /// The finish result, if there is one.
    pub finish: Option<SfiResult>,
}

impl StartFinish {
    /// Courses moved from start to finish (B → D is +2); `None` without a finish.
    pub fn step(&self) -> Option<i8> {
        self.finish.map(|f| self.start.course.step_to(f.course))
    }
}

/// Derives start and finish from one participant's results; `None` without results.
///
/// Start: the earliest result marked `start`; without one, the earliest result. Finish: the
/// latest result marked `finish`; without one, the latest result other than the start that is
/// not dated before it — so a single result has no finish yet. Results on the same date are
/// ordered by course (the lower course is the earlier), then by position in the slice.
pub fn start_and_finish(results: &[SfiResult]) -> Option<StartFinish> {
    let key = |&(i, r): &(usize, &SfiResult)| (r.date, r.course, i);
    let marked = |occasion: Occasion| {
        results
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.occasion == Some(occasion))
    };
    let (start_index, start) = marked(Occasion::Start)
        .min_by_key(key)
        .or_else(|| results.iter().enumerate().min_by_key(key))?;
    let finish = marked(Occasion::Finish).max_by_key(key).or_else(|| {
        results
            .iter()
            .enumerate()
            .filter(|&(i, r)| i != start_index && r.date >= start.date)
            .max_by_key(key)
    });
    Some(StartFinish {
        start_index,
        start: *start,
        finish_index: finish.map(|(i, _)| i),
        finish: finish.map(|(_, r)| *r),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sfi::test_support::{any_course, g};
    use crate::domain::sfi::GradeScale;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn result(day: u32, course: SfiCourse, occasion: Option<Occasion>) -> SfiResult {
        SfiResult {
            date: date(2026, 1, day),
            course,
            occasion,
            grade: g(GradeScale::FA, "E"),
        }
    }

    #[test]
    fn a_test_date_may_be_today_but_not_later() {
        let today = date(2026, 3, 2);
        assert_eq!(check_test_date(today, today), Ok(today));
        assert_eq!(
            check_test_date(date(2026, 3, 3), today),
            Err(Problem::DateInFuture)
        );
    }

    #[test]
    fn start_and_finish_are_first_and_last_by_date() {
        let results = [
            result(20, SfiCourse::C, Some(Occasion::Checkpoint)),
            result(5, SfiCourse::B, None),
            result(28, SfiCourse::D, None),
        ];
        let sf = start_and_finish(&results).unwrap();
        assert_eq!((sf.start_index, sf.finish_index), (1, Some(2)));
        assert_eq!(sf.start.course, SfiCourse::B);
        assert_eq!(sf.step(), Some(2));
    }

    #[test]
    fn an_explicit_start_or_finish_occasion_wins_over_the_date() {
        let results = [
            result(2, SfiCourse::A, None),
            result(10, SfiCourse::B, Some(Occasion::Start)),
            result(20, SfiCourse::C, Some(Occasion::Finish)),
            result(28, SfiCourse::D, Some(Occasion::Checkpoint)),
        ];
        let sf = start_and_finish(&results).unwrap();
        assert_eq!((sf.start_index, sf.finish_index), (1, Some(2)));
        assert_eq!(sf.step(), Some(1));
    }

    #[test]
    fn a_single_result_is_a_start_without_a_finish() {
        let sf = start_and_finish(&[result(5, SfiCourse::B, None)]).unwrap();
        assert_eq!((sf.start_index, sf.finish, sf.step()), (0, None, None));
        assert_eq!(start_and_finish(&[]), None);
    }

    #[test]
    fn a_single_explicit_finish_is_both_start_and_finish() {
        let sf = start_and_finish(&[result(5, SfiCourse::C, Some(Occasion::Finish))]).unwrap();
        assert_eq!(
            (sf.start_index, sf.finish_index, sf.step()),
            (0, Some(0), Some(0))
        );
    }

    #[test]
    fn an_implied_finish_is_never_before_an_explicit_start() {
        let results = [
            result(3, SfiCourse::A, None),
            result(10, SfiCourse::B, Some(Occasion::Start)),
        ];
        let sf = start_and_finish(&results).unwrap();
        assert_eq!((sf.start_index, sf.finish_index), (1, None));
    }

    #[test]
    fn results_on_one_day_order_by_course() {
        let results = [result(5, SfiCourse::C, None), result(5, SfiCourse::B, None)];
        let sf = start_and_finish(&results).unwrap();
        assert_eq!(
            (sf.start_index, sf.finish_index, sf.step()),
            (1, Some(0), Some(1))
        );
    }

    fn any_occasion() -> impl Strategy<Value = Option<Occasion>> {
        prop::option::of(prop::sample::select(Occasion::ALL.to_vec()))
    }

    proptest! {
        #[test]
        fn start_and_finish_pick_per_the_rule(
            rows in prop::collection::vec((1u32..=28, any_course(), any_occasion()), 1..8)
        ) {
            let results: Vec<SfiResult> = rows.iter().map(|&(d, c, o)| result(d, c, o)).collect();
            let sf = start_and_finish(&results).unwrap();
            let starts: Vec<&SfiResult> = results.iter().filter(|r| r.occasion == Some(Occasion::Start)).collect();
            let earliest = |rs: &[&SfiResult]| rs.iter().map(|r| (r.date, r.course)).min();
            let pool: Vec<&SfiResult> = if starts.is_empty() { results.iter().collect() } else { starts };
            prop_assert_eq!(Some((sf.start.date, sf.start.course)), earliest(&pool));
            let finishes: Vec<&SfiResult> = results.iter().filter(|r| r.occasion == Some(Occasion::Finish)).collect();
            if let Some(latest) = finishes.iter().map(|r| (r.date, r.course)).max() {
                prop_assert_eq!(sf.finish.map(|f| (f.date, f.course)), Some(latest));
            } else if let Some(finish) = sf.finish {
                prop_assert!(finish.date >= sf.start.date);
                prop_assert!(sf.finish_index != Some(sf.start_index));
            } else {
                prop_assert!(results.iter().enumerate().all(|(i, r)| i == sf.start_index || r.date < sf.start.date));
            }
        }
    }
}
