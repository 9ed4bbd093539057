//! One participant-week measured against the weekly minimum (the `compliance` export).

use std::fmt;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{IsoWeek, WeeklyMinimum};
use crate::domain::problem::{parse_one_of, Problem};

/// Whether a participant enrolled from `start` to `end` (both included; `None` = still
/// enrolled) was enrolled on at least one day (Monday–Sunday) of `week`. This chooses the weeks
/// that appear in the `compliance` export.
pub fn enrolled_in(week: IsoWeek, start: NaiveDate, end: Option<NaiveDate>) -> bool {
    let last = end.map_or(week.sunday(), |end| end.min(week.sunday()));
    start.max(week.monday()) <= last
}

/// The number *d* of FORMATS.md: the weekdays (Monday–Friday) of `week` on or after `start`,
/// not after `end` (if any) and not covered by any absence. Absences are `(from, to)` with both
/// days included; overlapping absences count each day once, and an absence whose `to` is
/// before its `from` covers nothing.
pub fn weekdays_counted(
    week: IsoWeek,
    start: NaiveDate,
    end: Option<NaiveDate>,
    absences: &[(NaiveDate, NaiveDate)],
) -> u8 {
    let friday = week.monday() + Days::new(4);
    // Bit i stands for the weekday `monday + i`.
    let span = |from: NaiveDate, to: NaiveDate| -> u8 {
        let from = from.max(week.monday());
        let to = to.min(friday);
        if from > to {
            return 0;
        }
        let offset = |d: NaiveDate| d.weekday().num_days_from_monday();
        let width = offset(to) - offset(from) + 1;
        (((1u16 << width) - 1) << offset(from)) as u8
    };
    let enrolled = span(start, end.unwrap_or(friday));
    let absent = absences
        .iter()
        .fold(0u8, |bits, &(from, to)| bits | span(from, to));
    // `count_ones` of a u8 is at most 8; here at most 5.
    (enrolled & !absent).count_ones() as u8
}

/// How one participant-week turned out against the minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WeekStatus {
    /// Both taught and self-study minutes reached the required minutes (and *d* > 0).
    Met,
    /// At least one kind fell short.
    Short,
    /// No weekday counted (*d* = 0): absence, holiday, or not enrolled on any weekday.
    Excused,
}

impl WeekStatus {
    /// All values, in the order of the file format.
    pub const ALL: [WeekStatus; 3] = [WeekStatus::Met, WeekStatus::Short, WeekStatus::Excused];

    /// The file value: `met`, `short` or `excused`.
    pub fn as_str(self) -> &'static str {
        match self {
            WeekStatus::Met => "met",
            WeekStatus::Short => "short",
            WeekStatus::Excused => "excused",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, WeekStatus::ALL, WeekStatus::as_str)
    }
}

impl fmt::Display for WeekStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The columns of the `compliance` export, in order.
pub const COMPLIANCE_COLUMNS: [&str; 8] = [
    "participant_ref",
    "iso_week",
    "required_minutes",
    "teaching_minutes",
    "self_study_minutes",
    "teaching_shortfall",
    "self_study_shortfall",
    "status",
];

/// One participant-week measured against the weekly minimum, exactly as FORMATS.md defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WeekCompliance {
    /// The week.
    pub week: IsoWeek,
    /// *d*: weekdays of the week on/after the start, not after the end, not absent (0–5).
    pub weekdays_counted: u8,
    /// `minimum × d / 5`, rounded up.
    pub required_minutes: u32,
    /// Taught minutes recorded in the week (any day, absence days included).
    pub teaching_minutes: u32,
    /// Self-study minutes recorded in the week (any day, absence days included).
    pub self_study_minutes: u32,
    /// `max(0, required − teaching)`.
    pub teaching_shortfall: u32,
    /// `max(0, required − self-study)`.
    pub self_study_shortfall: u32,
    /// Met, short or excused.
    pub status: WeekStatus,
}

impl WeekCompliance {
    /// Measures one participant-week. `start`/`end` are the participant's first and (if known)
    /// last day; `absences` are `(from, to)` with both days included; the minutes are all time
    /// of each kind recorded on any day (Monday–Sunday) of `week`.
    pub fn compute(
        week: IsoWeek,
        minimum: WeeklyMinimum,
        start: NaiveDate,
        end: Option<NaiveDate>,
        absences: &[(NaiveDate, NaiveDate)],
        teaching_minutes: u32,
        self_study_minutes: u32,
    ) -> Self {
        let d = weekdays_counted(week, start, end, absences);
        let required = minimum.required_minutes(d);
        let teaching_shortfall = required.saturating_sub(teaching_minutes);
        let self_study_shortfall = required.saturating_sub(self_study_minutes);
        let status = if d == 0 {
            WeekStatus::Excused
        } else if teaching_shortfall == 0 && self_study_shortfall == 0 {
            WeekStatus::Met
        } else {
            WeekStatus::Short
        };
        WeekCompliance {
            week,
            weekdays_counted: d,
            required_minutes: required,
            teaching_minutes,
            self_study_minutes,
            teaching_shortfall,
            self_study_shortfall,
            status,
        }
    }

    /// The row of the `compliance` export, in the order of [`COMPLIANCE_COLUMNS`].
    pub fn to_csv_fields(&self, participant_ref: &str) -> Vec<String> {
        vec![
            participant_ref.to_owned(),
            self.week.to_string(),
            self.required_minutes.to_string(),
            self.teaching_minutes.to_string(),
            self.self_study_minutes.to_string(),
            self.teaching_shortfall.to_string(),
            self.self_study_shortfall.to_string(),
            self.status.as_str().to_owned(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::weeks::test_support::{any_date, date, minimum, week};
    use crate::domain::weeks::TimeKind;
    use chrono::Weekday;
    use proptest::prelude::*;

    #[test]
    fn enrolment_counts_any_day_of_the_week_including_weekends() {
        let w = week("2026-W09"); // Mon 2026-02-23 .. Sun 2026-03-01
        assert!(enrolled_in(w, date(2026, 3, 1), None));
        assert!(!enrolled_in(w, date(2026, 3, 2), None));
        assert!(enrolled_in(w, date(2026, 1, 1), Some(date(2026, 2, 23))));
        assert!(!enrolled_in(w, date(2026, 1, 1), Some(date(2026, 2, 22))));
        assert!(!enrolled_in(w, date(2026, 2, 25), Some(date(2026, 2, 24))));
    }

    #[test]
    fn a_full_week_with_five_hours_of_each_kind_is_met() {
        let c = WeekCompliance::compute(
            week("2026-W09"),
            minimum(),
            date(2026, 1, 12),
            None,
            &[],
            300,
            300,
        );
        assert_eq!(c.weekdays_counted, 5);
        assert_eq!(c.required_minutes, 300);
        assert_eq!(c.status, WeekStatus::Met);
        assert_eq!((c.teaching_shortfall, c.self_study_shortfall), (0, 0));
    }

    #[test]
    fn either_kind_short_makes_the_week_short_with_the_shortfall_per_kind() {
        let c = WeekCompliance::compute(
            week("2026-W09"),
            minimum(),
            date(2026, 1, 12),
            None,
            &[],
            420,
            210,
        );
        assert_eq!(c.status, WeekStatus::Short);
        assert_eq!((c.teaching_shortfall, c.self_study_shortfall), (0, 90));
        assert_eq!(
            c.to_csv_fields("P-0042"),
            ["P-0042", "2026-W09", "300", "420", "210", "0", "90", "short"]
        );
    }

    #[test]
    fn a_start_on_wednesday_requires_three_fifths() {
        let c = WeekCompliance::compute(
            week("2026-W09"),
            minimum(),
            date(2026, 2, 25),
            None,
            &[],
            180,
            170,
        );
        assert_eq!(c.weekdays_counted, 3);
        assert_eq!(c.required_minutes, 180);
        assert_eq!(c.self_study_shortfall, 10);
    }

    #[test]
    fn an_end_on_tuesday_requires_two_fifths() {
        let c = WeekCompliance::compute(
            week("2026-W09"),
            minimum(),
            date(2026, 1, 12),
            Some(date(2026, 2, 24)),
            &[],
            120,
            120,
        );
        assert_eq!(c.weekdays_counted, 2);
        assert_eq!(c.status, WeekStatus::Met);
    }

    #[test]
    fn overlapping_absences_count_each_day_once() {
        let absences = [
            (date(2026, 2, 23), date(2026, 2, 25)),
            (date(2026, 2, 24), date(2026, 2, 24)),
            (date(2026, 2, 25), date(2026, 2, 26)),
        ];
        assert_eq!(
            weekdays_counted(week("2026-W09"), date(2026, 1, 1), None, &absences),
            1
        );
    }

    #[test]
    fn a_week_of_absence_is_excused_and_its_time_still_counts() {
        let absences = [(date(2026, 2, 20), date(2026, 3, 10))];
        let c = WeekCompliance::compute(
            week("2026-W09"),
            minimum(),
            date(2026, 1, 12),
            None,
            &absences,
            45,
            0,
        );
        assert_eq!(c.weekdays_counted, 0);
        assert_eq!(c.required_minutes, 0);
        assert_eq!(c.teaching_minutes, 45);
        assert_eq!(c.status, WeekStatus::Excused);
    }

    #[test]
    fn a_week_with_only_weekend_enrolment_is_excused() {
        let c = WeekCompliance::compute(
            week("2026-W09"),
            minimum(),
            date(2026, 2, 28),
            None,
            &[],
            0,
            0,
        );
        assert_eq!(c.status, WeekStatus::Excused);
        assert!(enrolled_in(week("2026-W09"), date(2026, 2, 28), None));
    }

    #[test]
    fn a_backwards_absence_covers_nothing() {
        let absences = [(date(2026, 2, 26), date(2026, 2, 24))];
        assert_eq!(
            weekdays_counted(week("2026-W09"), date(2026, 1, 1), None, &absences),
            5
        );
    }

    #[test]
    fn week_status_and_time_kind_parse_their_file_values() {
        assert_eq!(WeekStatus::parse("Excused"), Ok(WeekStatus::Excused));
        assert_eq!(
            WeekStatus::parse("ok"),
            Err(Problem::NotOneOf {
                allowed: "met, short, excused".into()
            })
        );
        assert_eq!(TimeKind::parse(" self_study "), Ok(TimeKind::SelfStudy));
        assert_eq!(
            TimeKind::parse("study"),
            Err(Problem::NotOneOf {
                allowed: "teaching, self_study".into()
            })
        );
    }

    // ---- properties against a straightforward reference ----

    /// The reference: walk the seven days, keep Monday–Friday ones that are enrolled and not
    /// covered by any absence.
    fn reference_d(
        w: IsoWeek,
        start: NaiveDate,
        end: Option<NaiveDate>,
        absences: &[(NaiveDate, NaiveDate)],
    ) -> u8 {
        let mut d = 0;
        let mut day = w.monday();
        for _ in 0..7 {
            let weekday = !matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            let enrolled = day >= start && end.is_none_or(|e| day <= e);
            let absent = absences.iter().any(|&(f, t)| f <= day && day <= t);
            if weekday && enrolled && !absent {
                d += 1;
            }
            day = day.succ_opt().unwrap();
        }
        d
    }

    proptest! {
        #[test]
        fn compliance_equals_the_day_by_day_reference(
            w in any_date().prop_map(IsoWeek::containing),
            start_off in -10i64..10,
            end_off in proptest::option::of(-10i64..10),
            absences in proptest::collection::vec((-10i64..10, -2i64..8), 0..4),
            minimum_minutes in 1u32..=3600,
            teaching in 0u32..700,
            self_study in 0u32..700,
        ) {
            let base = w.monday();
            let start = base + chrono::Duration::days(start_off);
            let end = end_off.map(|o| base + chrono::Duration::days(o));
            let absences: Vec<(NaiveDate, NaiveDate)> = absences
                .iter()
                .map(|&(from, len)| (base + chrono::Duration::days(from), base + chrono::Duration::days(from + len)))
                .collect();
            let m = WeeklyMinimum::new(minimum_minutes).unwrap();
            let c = WeekCompliance::compute(w, m, start, end, &absences, teaching, self_study);
            let d = reference_d(w, start, end, &absences);
            prop_assert_eq!(c.weekdays_counted, d);
            // Reference rounding: the smallest whole number r with 5r >= minimum × d.
            let mut required = 0u32;
            while 5 * required < minimum_minutes * u32::from(d) {
                required += 1;
            }
            prop_assert_eq!(c.required_minutes, required);
            prop_assert_eq!(c.teaching_shortfall, required.saturating_sub(teaching));
            prop_assert_eq!(c.self_study_shortfall, required.saturating_sub(self_study));
            let status = if d == 0 {
                WeekStatus::Excused
            } else if teaching >= required && self_study >= required {
                WeekStatus::Met
            } else {
                WeekStatus::Short
            };
            prop_assert_eq!(c.status, status);
        }

        #[test]
        fn enrolment_equals_the_day_by_day_reference(
            w in any_date().prop_map(IsoWeek::containing),
            start_off in -10i64..10,
            end_off in proptest::option::of(-10i64..10),
        ) {
            let start = w.monday() + chrono::Duration::days(start_off);
            let end = end_off.map(|o| w.monday() + chrono::Duration::days(o));
            let reference = w.days().iter().any(|&day| day >= start && end.is_none_or(|e| day <= e));
            prop_assert_eq!(enrolled_in(w, start, end), reference);
        }
    }
}
