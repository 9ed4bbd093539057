//! The mentor's short-weeks list: which recent weeks of a participant fell short of the
//! minimum, and in which order participants are listed.

use std::cmp::Ordering;

use chrono::{Days, NaiveDate};

use super::{weeks_of, Enrolment, WeekMinutes};
use crate::domain::weeks::{IsoWeek, MinimumHistory, WeekCompliance, WeekStatus};

/// How many finished weeks before the running one the list looks back.
pub const SHORT_WEEKS_LOOKBACK: u32 = 4;

/// The first week the short-weeks list looks at, for `today`.
pub fn short_weeks_from(today: NaiveDate) -> IsoWeek {
    (0..SHORT_WEEKS_LOOKBACK).fold(IsoWeek::containing(today), |w, _| w.prev())
}

/// A participant's short weeks, newest first: the finished weeks of the last
/// [`SHORT_WEEKS_LOOKBACK`], and the running week measured up to yesterday (so that a Monday
/// morning is not short yet), flagged `true`.
pub fn recent_short_weeks(
    enrolment: &Enrolment,
    minutes: &WeekMinutes,
    minimum: &MinimumHistory,
    today: NaiveDate,
) -> Vec<(WeekCompliance, bool)> {
    let current = IsoWeek::containing(today);
    let mut weeks: Vec<(WeekCompliance, bool)> = weeks_of(
        enrolment,
        short_weeks_from(today),
        current.prev(),
        minimum,
        minutes,
    )
    .into_iter()
    .filter(|w| w.status == WeekStatus::Short)
    .map(|w| (w, false))
    .collect();
    if let Some(yesterday) = today.checked_sub_days(Days::new(1)) {
        if enrolment.start <= yesterday {
            let end = Some(enrolment.end.map_or(yesterday, |e| e.min(yesterday)));
            let so_far = enrolment.measure_until(
                current,
                minimum,
                minutes.get(&current).copied().unwrap_or((0, 0)),
                end,
            );
            if so_far.status == WeekStatus::Short {
                weeks.push((so_far, true));
            }
        }
    }
    weeks.reverse();
    weeks
}

/// One participant's place in the list: whether a finished week was short, the total
/// shortfall in minutes, and the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShortRank<'a> {
    /// A finished week was short (not only the running week so far).
    pub past: bool,
    /// Teaching plus self-study shortfall over the listed weeks.
    pub shortfall: u32,
    /// The participant's reference, last tie-breaker.
    pub participant_ref: &'a str,
}

impl ShortRank<'_> {
    /// The list's order: past short weeks before a running week that is merely not over
    /// yet, then the larger shortfall, then the reference.
    pub fn order(&self, other: &Self) -> Ordering {
        other
            .past
            .cmp(&self.past)
            .then(other.shortfall.cmp(&self.shortfall))
            .then_with(|| self.participant_ref.cmp(other.participant_ref))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::weeks::WeeklyMinimum;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn since(start: &str) -> Enrolment {
        Enrolment::new(day(start), None)
    }

    #[test]
    fn nothing_recorded_gives_four_short_weeks_newest_first() {
        // Wednesday 2026-03-04 is in 2026-W10; the running week so far is short too.
        let weeks = recent_short_weeks(
            &since("2026-01-05"),
            &WeekMinutes::new(),
            &MinimumHistory::constant(WeeklyMinimum::default()),
            day("2026-03-04"),
        );
        let names: Vec<(String, bool)> = weeks
            .iter()
            .map(|(w, c)| (w.week.to_string(), *c))
            .collect();
        assert_eq!(
            names,
            [
                ("2026-W10".to_owned(), true),
                ("2026-W09".to_owned(), false),
                ("2026-W08".to_owned(), false),
                ("2026-W07".to_owned(), false),
                ("2026-W06".to_owned(), false),
            ]
        );
    }

    #[test]
    fn a_monday_morning_is_not_short_yet() {
        let weeks = recent_short_weeks(
            &since("2026-01-05"),
            &WeekMinutes::new(),
            &MinimumHistory::constant(WeeklyMinimum::default()),
            day("2026-03-02"),
        );
        assert!(weeks.iter().all(|(_, current)| !current), "{weeks:?}");
        assert_eq!(weeks.len(), 4);
    }

    #[test]
    fn weeks_before_the_start_are_not_short() {
        let weeks = recent_short_weeks(
            &since("2026-03-02"),
            &WeekMinutes::new(),
            &MinimumHistory::constant(WeeklyMinimum::default()),
            day("2026-03-04"),
        );
        assert_eq!(weeks.len(), 1, "only the running week: {weeks:?}");
    }

    #[test]
    fn past_short_weeks_rank_before_a_running_week_then_by_shortfall() {
        let rank = |past, shortfall, r| ShortRank {
            past,
            shortfall,
            participant_ref: r,
        };
        let mut list = [
            rank(false, 900, "P-0001"),
            rank(true, 100, "P-0002"),
            rank(true, 600, "P-0004"),
            rank(true, 600, "P-0003"),
        ];
        list.sort_by(|a, b| a.order(b));
        let refs: Vec<&str> = list.iter().map(|r| r.participant_ref).collect();
        assert_eq!(refs, ["P-0003", "P-0004", "P-0002", "P-0001"]);
    }
}
