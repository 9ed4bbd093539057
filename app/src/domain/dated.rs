//! Settings with a history: a value takes effect from a date and earlier dates keep the value
//! that was in force then, so a report of past weeks does not change when a setting does.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A setting's values over time: `default` before the first change, then each value from its
/// date (included) until the next change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dated<T> {
    default: T,
    /// `(from, value)`, sorted by date, one per date.
    changes: Vec<(NaiveDate, T)>,
}

impl<T: Copy> Dated<T> {
    /// The history from `default` and the changes in any order; of two changes on the same
    /// date the later one in `changes` wins.
    pub fn new(default: T, changes: impl IntoIterator<Item = (NaiveDate, T)>) -> Self {
        let mut sorted: Vec<(NaiveDate, T)> = Vec::new();
        for (from, value) in changes {
            match sorted.binary_search_by_key(&from, |&(d, _)| d) {
                Ok(i) => sorted[i].1 = value,
                Err(i) => sorted.insert(i, (from, value)),
            }
        }
        Dated {
            default,
            changes: sorted,
        }
    }

    /// A setting that never changed.
    pub fn constant(value: T) -> Self {
        Dated {
            default: value,
            changes: Vec::new(),
        }
    }

    /// The value in force on `day`: the last change on or before it, else the default.
    pub fn on(&self, day: NaiveDate) -> T {
        let after = self.changes.partition_point(|&(from, _)| from <= day);
        after
            .checked_sub(1)
            .map_or(self.default, |i| self.changes[i].1)
    }

    /// The highest value in force on `day` or on any later day (a plan made today must also
    /// reach a raise that is already decided).
    pub fn highest_from(&self, day: NaiveDate) -> T
    where
        T: Ord,
    {
        self.changes
            .iter()
            .filter(|&&(from, _)| from > day)
            .map(|&(_, v)| v)
            .fold(self.on(day), std::cmp::max)
    }

    /// The changes, oldest first.
    pub fn changes(&self) -> &[(NaiveDate, T)] {
        &self.changes
    }

    /// The value before any change.
    pub fn default_value(&self) -> T {
        self.default
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_change_takes_effect_from_its_date_and_earlier_days_keep_the_old_value() {
        let m = Dated::new(300, [(d("2027-01-04"), 240)]);
        assert_eq!(m.on(d("2027-01-03")), 300);
        assert_eq!(m.on(d("2027-01-04")), 240);
        assert_eq!(m.on(d("2030-01-01")), 240);
    }

    #[test]
    fn changes_in_any_order_and_the_last_word_on_a_date_wins() {
        let m = Dated::new(
            300,
            [
                (d("2027-06-01"), 360),
                (d("2027-01-04"), 240),
                (d("2027-06-01"), 420),
            ],
        );
        assert_eq!(
            m.changes(),
            [(d("2027-01-04"), 240), (d("2027-06-01"), 420)]
        );
        assert_eq!(m.on(d("2027-05-31")), 240);
        assert_eq!(m.on(d("2027-06-01")), 420);
        assert_eq!(Dated::constant(5).on(d("1999-01-01")), 5);
    }

    #[test]
    fn the_highest_value_from_a_day_includes_changes_already_decided() {
        let m = Dated::new(300, [(d("2027-01-04"), 360), (d("2027-06-01"), 240)]);
        assert_eq!(m.highest_from(d("2026-12-01")), 360);
        assert_eq!(m.highest_from(d("2027-06-01")), 240);
        assert_eq!(m.on(d("2026-12-01")), 300);
    }

    proptest! {
        #[test]
        fn the_value_on_a_day_equals_a_scan_of_the_changes(
            changes in proptest::collection::vec((0i64..400, 0u32..10), 0..8),
            day in 0i64..400,
        ) {
            let base = d("2026-01-01");
            let at = |o: i64| base + chrono::Duration::days(o);
            let m = Dated::new(99, changes.iter().map(|&(o, v)| (at(o), v)));
            // Reference: the last change (in input order) with the latest date on or before day.
            let mut best: Option<(NaiveDate, u32)> = None;
            for &(o, v) in &changes {
                if at(o) <= at(day) && best.is_none_or(|(bd, _)| at(o) >= bd) {
                    best = Some((at(o), v));
                }
            }
            prop_assert_eq!(m.on(at(day)), best.map_or(99, |(_, v)| v));
        }
    }
}
