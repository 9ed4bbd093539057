//! A participant's weeks measured from stored minutes, and weeks counted by status.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::weeks::{enrolled_in, IsoWeek, WeekCompliance, WeekStatus, WeeklyMinimum};

/// What is known about one participant for measuring weeks: the enrolment and the absences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// First day of the introduction.
    pub start: NaiveDate,
    /// Last day, if known (finished, or planned).
    pub end: Option<NaiveDate>,
    /// Absences, `(from, to)` with both days included.
    pub absences: Vec<(NaiveDate, NaiveDate)>,
}

/// Minutes recorded per week, `(teaching, self_study)`.
pub type WeekMinutes = HashMap<IsoWeek, (u32, u32)>;

/// The participant's weeks from `from` to `to` (both included) in which they were enrolled on
/// at least one day, each measured against `minimum` (the rows of the `compliance` export).
pub fn weeks_of(
    enrolment: &Enrolment,
    from: IsoWeek,
    to: IsoWeek,
    minimum: WeeklyMinimum,
    minutes: &WeekMinutes,
) -> Vec<WeekCompliance> {
    IsoWeek::range(from, to)
        .filter(|&w| enrolled_in(w, enrolment.start, enrolment.end))
        .map(|w| {
            let (teaching, self_study) = minutes.get(&w).copied().unwrap_or((0, 0));
            WeekCompliance::compute(
                w,
                minimum,
                enrolment.start,
                enrolment.end,
                &enrolment.absences,
                teaching,
                self_study,
            )
        })
        .collect()
}

/// Participant-weeks counted by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tally {
    /// Weeks met.
    pub met: u32,
    /// Weeks short.
    pub short: u32,
    /// Weeks excused.
    pub excused: u32,
}

impl Tally {
    /// Counts one week.
    pub fn add(&mut self, status: WeekStatus) {
        match status {
            WeekStatus::Met => self.met += 1,
            WeekStatus::Short => self.short += 1,
            WeekStatus::Excused => self.excused += 1,
        }
    }

    /// Adds another tally.
    pub fn merge(&mut self, other: Tally) {
        self.met += other.met;
        self.short += other.short;
        self.excused += other.excused;
    }

    /// All weeks counted.
    pub fn total(self) -> u32 {
        self.met + self.short + self.excused
    }

    /// The share of weeks met among the weeks that counted (met + short), in whole per mille
    /// (0–1000); `None` when no week counted. Excused weeks are neither met nor missed.
    pub fn share_met_permille(self) -> Option<u32> {
        let counted = self.met + self.short;
        (counted > 0).then(|| (u64::from(self.met) * 1000 / u64::from(counted)) as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_of_a_participant_cover_the_enrolled_weeks_only() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let enrolment = Enrolment {
            start: d(2026, 12, 30),
            end: Some(d(2027, 1, 13)),
            absences: vec![(d(2027, 1, 4), d(2027, 1, 8))],
        };
        let mut minutes = WeekMinutes::new();
        minutes.insert(IsoWeek::parse("2027-W02").unwrap(), (300, 200));
        let weeks = weeks_of(
            &enrolment,
            IsoWeek::parse("2026-W50").unwrap(),
            IsoWeek::parse("2027-W10").unwrap(),
            WeeklyMinimum::default(),
            &minutes,
        );
        let summary: Vec<(String, u32, WeekStatus)> = weeks
            .iter()
            .map(|w| (w.week.to_string(), w.required_minutes, w.status))
            .collect();
        assert_eq!(
            summary,
            [
                ("2026-W53".to_owned(), 180, WeekStatus::Short),
                ("2027-W01".to_owned(), 0, WeekStatus::Excused),
                ("2027-W02".to_owned(), 180, WeekStatus::Met),
            ]
        );
        assert_eq!(weeks[2].self_study_shortfall, 0);
        assert_eq!(weeks[2].teaching_shortfall, 0);
        assert_eq!(weeks[2].required_minutes, 180);
    }

    #[test]
    fn the_tally_ignores_excused_weeks_in_the_share() {
        let mut t = Tally::default();
        for s in [
            WeekStatus::Met,
            WeekStatus::Met,
            WeekStatus::Short,
            WeekStatus::Excused,
        ] {
            t.add(s);
        }
        assert_eq!(t.total(), 4);
        assert_eq!(t.share_met_permille(), Some(666));
        assert_eq!(Tally::default().share_met_permille(), None);
    }
}
