//! The "newly arrived" eligibility: the programme's definition and the employment service's.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// An answer that may be unknown because a date is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// The rule is met.
    Yes,
    /// The rule is not met.
    No,
    /// A date needed to decide is missing.
    Unknown,
}

/// The time between two dates, in days and as calendar years, months and days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Start date (e.g. the residence permit date).
    pub from: NaiveDate,
    /// End date (the date assessed on).
    pub to: NaiveDate,
    /// `to - from` in days; negative when `from` is after `to`.
    pub days: i64,
    /// Whole years between the two dates (of the absolute span).
    pub years: u32,
    /// Whole months after the whole years (0–11).
    pub months: u32,
    /// Remaining days after the whole months.
    pub extra_days: u32,
}

impl Span {
    /// The span from `from` to `to`. Months are counted as in Swedish law:
    /// one month after 31 January is the last day of February.
    pub fn between(from: NaiveDate, to: NaiveDate) -> Self {
        let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
        let estimate = (hi.year() - lo.year()) * 12 + hi.month() as i32 - lo.month() as i32;
        let mut whole = u32::try_from(estimate.max(0)).unwrap_or(0);
        while whole > 0 && add_months(lo, whole) > hi {
            whole -= 1;
        }
        let extra = (hi - add_months(lo, whole)).num_days();
        Span {
            from,
            to,
            days: (to - from).num_days(),
            years: whole / 12,
            months: whole % 12,
            extra_days: u32::try_from(extra).unwrap_or(0),
        }
    }
}

/// `date` plus `months`, clamped to the month's last day; saturates at the calendar's end.
fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether someone counts as newly arrived on a date, by the programme's
/// definition and by the employment service's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Eligibility {
    /// Programme: residence permit at most 2 years and at most 4 years in Sweden.
    pub programme: Verdict,
    /// Employment service: within 3 years of the residence permit.
    pub employment_service: Verdict,
    /// The date assessed on.
    pub on: NaiveDate,
    /// Time since the residence permit, if its date is known.
    pub since_permit: Option<Span>,
    /// Time since arrival in Sweden, if its date is known.
    pub in_sweden: Option<Span>,
    /// Last day on which the permit is at most 2 years old.
    pub permit_within_2_years_until: Option<NaiveDate>,
    /// Last day on which the stay in Sweden is at most 4 years.
    pub in_sweden_within_4_years_until: Option<NaiveDate>,
    /// Last day within 3 years of the permit.
    pub employment_service_until: Option<NaiveDate>,
}

impl Eligibility {
    /// Months a permit may be old for the programme.
    pub const PROGRAMME_PERMIT_MONTHS: u32 = 24;
    /// Months in Sweden allowed for the programme.
    pub const PROGRAMME_IN_SWEDEN_MONTHS: u32 = 48;
    /// Months after the permit for the employment service.
    pub const EMPLOYMENT_SERVICE_MONTHS: u32 = 36;

    /// Assesses eligibility on `on`. A limit of N years ends on the
    /// N-year anniversary of the date (29 February → 28 February), inclusive.
    /// Dates after `on` count as within every limit.
    pub fn assess(
        residence_permit_date: Option<NaiveDate>,
        arrival_date: Option<NaiveDate>,
        on: NaiveDate,
    ) -> Self {
        let permit_until =
            residence_permit_date.map(|d| add_months(d, Self::PROGRAMME_PERMIT_MONTHS));
        let stay_until = arrival_date.map(|d| add_months(d, Self::PROGRAMME_IN_SWEDEN_MONTHS));
        let service_until =
            residence_permit_date.map(|d| add_months(d, Self::EMPLOYMENT_SERVICE_MONTHS));
        let within = |until: Option<NaiveDate>| match until {
            None => Verdict::Unknown,
            Some(until) if on <= until => Verdict::Yes,
            Some(_) => Verdict::No,
        };
        let programme = match (within(permit_until), within(stay_until)) {
            (Verdict::No, _) | (_, Verdict::No) => Verdict::No,
            (Verdict::Yes, Verdict::Yes) => Verdict::Yes,
            _ => Verdict::Unknown,
        };
        Eligibility {
            programme,
            employment_service: within(service_until),
            on,
            since_permit: residence_permit_date.map(|d| Span::between(d, on)),
            in_sweden: arrival_date.map(|d| Span::between(d, on)),
            permit_within_2_years_until: permit_until,
            in_sweden_within_4_years_until: stay_until,
            employment_service_until: service_until,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::participant::test_support::date;

    #[test]
    fn the_programme_permit_limit_ends_on_the_two_year_anniversary() {
        let permit = Some(date(2024, 3, 15));
        let arrival = Some(date(2024, 1, 1));
        let on_day = Eligibility::assess(permit, arrival, date(2026, 3, 15));
        assert_eq!(on_day.programme, Verdict::Yes);
        assert_eq!(on_day.permit_within_2_years_until, Some(date(2026, 3, 15)));
        let after = Eligibility::assess(permit, arrival, date(2026, 3, 16));
        assert_eq!(after.programme, Verdict::No);
    }

    #[test]
    fn a_permit_on_a_leap_day_expires_on_28_february() {
        let permit = Some(date(2024, 2, 29));
        let e = Eligibility::assess(permit, None, date(2026, 2, 28));
        assert_eq!(e.permit_within_2_years_until, Some(date(2026, 2, 28)));
        assert_eq!(e.programme, Verdict::Unknown);
        let e = Eligibility::assess(permit, None, date(2026, 3, 1));
        assert_eq!(e.programme, Verdict::No);
        // Three years later, 2027-02-28.
        assert_eq!(e.employment_service_until, Some(date(2027, 2, 28)));
    }

    #[test]
    fn a_permit_on_28_february_ends_before_a_leap_day() {
        let e = Eligibility::assess(Some(date(2026, 2, 28)), None, date(2028, 2, 29));
        assert_eq!(e.permit_within_2_years_until, Some(date(2028, 2, 28)));
        assert_eq!(e.programme, Verdict::No);
    }

    #[test]
    fn more_than_four_years_in_sweden_is_not_newly_arrived() {
        let permit = Some(date(2025, 6, 1));
        let yes = Eligibility::assess(permit, Some(date(2022, 3, 1)), date(2026, 3, 1));
        assert_eq!(yes.programme, Verdict::Yes);
        let no = Eligibility::assess(permit, Some(date(2022, 2, 28)), date(2026, 3, 1));
        assert_eq!(no.programme, Verdict::No);
        assert_eq!(no.employment_service, Verdict::Yes);
    }

    #[test]
    fn the_employment_service_counts_three_years_from_the_permit() {
        let permit = Some(date(2023, 3, 1));
        let e = Eligibility::assess(permit, None, date(2026, 3, 1));
        assert_eq!(e.employment_service, Verdict::Yes);
        assert_eq!(e.programme, Verdict::No);
        let e = Eligibility::assess(permit, None, date(2026, 3, 2));
        assert_eq!(e.employment_service, Verdict::No);
    }

    #[test]
    fn missing_dates_give_unknown_unless_the_known_date_decides_no() {
        let on = date(2026, 3, 1);
        let none = Eligibility::assess(None, None, on);
        assert_eq!(none.programme, Verdict::Unknown);
        assert_eq!(none.employment_service, Verdict::Unknown);
        assert_eq!(none.since_permit, None);
        let only_recent_arrival = Eligibility::assess(None, Some(date(2025, 1, 1)), on);
        assert_eq!(only_recent_arrival.programme, Verdict::Unknown);
        let only_old_arrival = Eligibility::assess(None, Some(date(2020, 1, 1)), on);
        assert_eq!(only_old_arrival.programme, Verdict::No);
        assert_eq!(only_old_arrival.employment_service, Verdict::Unknown);
    }

    #[test]
    fn the_span_since_the_permit_explains_years_months_and_days() {
        let e = Eligibility::assess(Some(date(2024, 11, 20)), None, date(2026, 3, 1));
        let span = e.since_permit.unwrap();
        assert_eq!((span.years, span.months, span.extra_days), (1, 3, 9));
        assert_eq!(span.days, 466);
        let leap = Span::between(date(2024, 2, 29), date(2025, 2, 28));
        assert_eq!((leap.years, leap.months, leap.extra_days), (1, 0, 0));
        let month_end = Span::between(date(2026, 1, 31), date(2026, 3, 1));
        assert_eq!((month_end.months, month_end.extra_days), (1, 1));
        let backwards = Span::between(date(2026, 3, 1), date(2026, 2, 1));
        assert_eq!((backwards.days, backwards.months), (-28, 1));
    }
}
