//! A participant's weeks measured from stored minutes, and weeks counted by status.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::weeks::{enrolled_in, IsoWeek, MinimumHistory, WeekCompliance, WeekStatus};

/// What is known about one participant for measuring weeks: the enrolment, the absences and
/// the closed days of the calendars that cover them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// First day of the introduction.
    pub start: NaiveDate,
    /// Last day, if known (finished, or planned).
    pub end: Option<NaiveDate>,
    /// Absences, `(from, to)` with both days included.
    pub absences: Vec<(NaiveDate, NaiveDate)>,
    /// Closed days (holidays, closures, study days) of the programme's, the district's and the
    /// school's calendar, `(from, to)` with both days included: excused like absences.
    pub closed: Vec<(NaiveDate, NaiveDate)>,
}

impl Enrolment {
    /// An enrolment from `start` to `end` without absences or closed days.
    pub fn new(start: NaiveDate, end: Option<NaiveDate>) -> Self {
        Enrolment {
            start,
            end,
            absences: Vec::new(),
            closed: Vec::new(),
        }
    }

    /// Measures `week` against the minimum in force on its Monday, with `(teaching,
    /// self_study)` minutes: weekdays covered by an absence or a closed day do not count.
    pub fn measure(
        &self,
        week: IsoWeek,
        minimum: &MinimumHistory,
        minutes: (u32, u32),
    ) -> WeekCompliance {
        self.measure_until(week, minimum, minutes, self.end)
    }

    /// Like [`Enrolment::measure`], with `end` in place of the enrolment's end (a running week
    /// measured up to yesterday).
    pub fn measure_until(
        &self,
        week: IsoWeek,
        minimum: &MinimumHistory,
        (teaching, self_study): (u32, u32),
        end: Option<NaiveDate>,
    ) -> WeekCompliance {
        let excused: Vec<(NaiveDate, NaiveDate)> =
            self.absences.iter().chain(&self.closed).copied().collect();
        WeekCompliance::compute(
            week,
            minimum.on(week.monday()),
            self.start,
            end,
            &excused,
            teaching,
            self_study,
        )
    }

    /// Whether a closed day of the calendar covers `day`.
    pub fn is_closed(&self, day: NaiveDate) -> bool {
        self.closed
            .iter()
            .any(|&(from, to)| from <= day && day <= to)
    }
}

/// Minutes recorded per week, `(teaching, self_study)`.
pub type WeekMinutes = HashMap<IsoWeek, (u32, u32)>;

/// The participant's weeks from `from` to `to` (both included) in which they were enrolled on
/// at least one day, each measured against the minimum in force on its Monday (the rows of the
/// `compliance` export).
pub fn weeks_of(
    enrolment: &Enrolment,
    from: IsoWeek,
    to: IsoWeek,
    minimum: &MinimumHistory,
    minutes: &WeekMinutes,
) -> Vec<WeekCompliance> {
    IsoWeek::range(from, to)
        .filter(|&w| enrolled_in(w, enrolment.start, enrolment.end))
        .map(|w| enrolment.measure(w, minimum, minutes.get(&w).copied().unwrap_or((0, 0))))
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
            absences: vec![(d(2027, 1, 4), d(2027, 1, 8))],
            ..Enrolment::new(d(2026, 12, 30), Some(d(2027, 1, 13)))
        };
        let mut minutes = WeekMinutes::new();
        minutes.insert(IsoWeek::parse("2027-W02").unwrap(), (300, 200));
        let weeks = weeks_of(
            &enrolment,
            IsoWeek::parse("2026-W50").unwrap(),
            IsoWeek::parse("2027-W10").unwrap(),
            &MinimumHistory::constant(crate::domain::weeks::WeeklyMinimum::default()),
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

    // ---- the calendar, against a day-by-day reference ----

    use crate::domain::calendar::{CalendarScope, ClosedDays, ClosedReason};
    use crate::domain::weeks::WeeklyMinimum;
    use chrono::{Datelike, Weekday};
    use proptest::prelude::*;

    const DISTRICTS: [&str; 2] = ["Farsta", "Vantör"];
    const SCHOOLS: [&str; 3] = ["Farstaskolan", "Sköndalsskolan", "Vantörskolan"];

    /// A participant of school `school` (index) is in its district: the first two schools in
    /// Farsta, the third in Vantör.
    fn district_of(school: usize) -> &'static str {
        if school < 2 {
            DISTRICTS[0]
        } else {
            DISTRICTS[1]
        }
    }

    proptest! {
        /// For random calendars (programme, district and school entries, some covering the
        /// participant and some not), absences, minutes and a minimum changed once, every week
        /// equals a reference that walks the days: a weekday counts when the participant is
        /// enrolled and neither an absence nor a calendar entry covering them closes it; the
        /// minimum is the one in force on the week's Monday.
        #[test]
        fn compliance_with_a_calendar_equals_the_day_by_day_reference(
            school in 0usize..3,
            start_off in 0i64..20,
            end_off in proptest::option::of(20i64..60),
            calendar in proptest::collection::vec((0usize..3, 0usize..3, 0i64..60, 0i64..10), 0..6),
            absences in proptest::collection::vec((0i64..60, 0i64..6), 0..3),
            minutes in proptest::collection::vec((0u32..400, 0u32..400), 10),
            change in (0i64..70, 1u32..=600),
        ) {
            let base = NaiveDate::from_ymd_opt(2026, 8, 3).unwrap(); // a Monday
            let at = |o: i64| base + chrono::Duration::days(o);
            let entries: Vec<ClosedDays> = calendar
                .iter()
                .map(|&(scope, which, from, len)| {
                    let scope = CalendarScope::ALL[scope];
                    let name = match scope {
                        CalendarScope::Programme => String::new(),
                        CalendarScope::District => DISTRICTS[which % 2].to_owned(),
                        CalendarScope::School => SCHOOLS[which].to_owned(),
                    };
                    ClosedDays {
                        scope,
                        name,
                        from_date: at(from),
                        to_date: at(from + len),
                        reason: ClosedReason::Holiday,
                        note: String::new(),
                    }
                })
                .collect();
            let (district, school_name) = (district_of(school), SCHOOLS[school]);
            let enrolment = Enrolment {
                absences: absences.iter().map(|&(f, l)| (at(f), at(f + l))).collect(),
                closed: entries
                    .iter()
                    .filter(|c| c.covers(district, school_name))
                    .map(ClosedDays::span)
                    .collect(),
                ..Enrolment::new(at(start_off), end_off.map(at))
            };
            let minimum = MinimumHistory::new(
                WeeklyMinimum::default(),
                [(at(change.0), WeeklyMinimum::new(change.1).unwrap())],
            );
            let first = IsoWeek::containing(base);
            let last = IsoWeek::containing(at(69));
            let mut per_week = WeekMinutes::new();
            for (i, w) in IsoWeek::range(first, last).enumerate() {
                per_week.insert(w, minutes[i % minutes.len()]);
            }
            let weeks = weeks_of(&enrolment, first, last, &minimum, &per_week);
            // The reference, written out without the week arithmetic under test.
            let mut expected = vec![];
            for w in IsoWeek::range(first, last) {
                let days: Vec<NaiveDate> = (0..7).map(|i| w.monday() + chrono::Duration::days(i)).collect();
                let enrolled = |d: NaiveDate| d >= at(start_off) && end_off.is_none_or(|e| d <= at(e));
                if !days.iter().any(|&d| enrolled(d)) {
                    continue;
                }
                let counted = days
                    .iter()
                    .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
                    .filter(|&&d| enrolled(d))
                    .filter(|&&d| !absences.iter().any(|&(f, l)| at(f) <= d && d <= at(f + l)))
                    .filter(|&&d| {
                        !entries.iter().any(|c| {
                            let covers = match c.scope {
                                CalendarScope::Programme => true,
                                CalendarScope::District => c.name == district,
                                CalendarScope::School => c.name == school_name,
                            };
                            covers && c.from_date <= d && d <= c.to_date
                        })
                    })
                    .count() as u32;
                let minimum_minutes = if w.monday() >= at(change.0) { change.1 } else { 300 };
                let mut required = 0u32;
                while 5 * required < minimum_minutes * counted {
                    required += 1;
                }
                let (t, s) = per_week[&w];
                let status = if counted == 0 {
                    WeekStatus::Excused
                } else if t >= required && s >= required {
                    WeekStatus::Met
                } else {
                    WeekStatus::Short
                };
                expected.push((w, required, status));
            }
            let got: Vec<(IsoWeek, u32, WeekStatus)> =
                weeks.iter().map(|c| (c.week, c.required_minutes, c.status)).collect();
            prop_assert_eq!(got, expected);
        }
    }
}
