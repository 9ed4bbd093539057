//! Development talks and checkpoints: a talk is scheduled for a day and recorded when held (who
//! took part, notes, goals agreed, the next talk's day); a checkpoint decision sets the
//! introduction's length (1–3 terms) with its reason, and so its planned end. The mentor's next
//! date is the next scheduled talk or the planned end, whichever comes first.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::participant::{parse_date, plain_text, PlannedTerms};
use crate::domain::placement::{long_text, optional_date, optional_line, Problems, MAX_LONG_TEXT};
use crate::domain::problem::{FieldProblem, Problem};

/// A term is half a school year: the introduction's planned end is its start plus six months a
/// term (two terms: one year).
pub const MONTHS_PER_TERM: u32 = 6;

/// The planned end of an introduction of `terms` that started on `start`.
pub fn planned_end(start: NaiveDate, terms: PlannedTerms) -> NaiveDate {
    let months = Months::new(MONTHS_PER_TERM * u32::from(terms.value()));
    start.checked_add_months(months).unwrap_or(NaiveDate::MAX)
}

/// The talk form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawTalk {
    /// The day.
    pub talk_date: String,
    /// Who took part.
    pub attendees: String,
    /// What was talked about.
    pub notes: String,
    /// The goals agreed.
    pub goals: String,
    /// The next talk's day (empty: none yet).
    pub next_date: String,
}

/// A development talk that was held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldTalk {
    /// The day, not in the future.
    pub talk_date: NaiveDate,
    /// Who took part.
    pub attendees: String,
    /// What was talked about (several lines).
    pub notes: String,
    /// The goals agreed (several lines).
    pub goals: String,
    /// The next talk's day, after this one.
    pub next_date: Option<NaiveDate>,
}

/// Longest list of attendees.
pub const MAX_ATTENDEES: usize = 300;

impl HeldTalk {
    /// Checks the form of a held talk on `today`, for a participant who started on `start`.
    pub fn validate(
        raw: &RawTalk,
        start: NaiveDate,
        today: NaiveDate,
    ) -> Result<Self, Vec<FieldProblem>> {
        let mut ps = Problems::default();
        let talk_date = ps.take(
            "talk_date",
            &raw.talk_date,
            parse_date(&raw.talk_date).and_then(|d| held_day(d, start, today)),
        );
        let attendees = ps.take(
            "attendees",
            &raw.attendees,
            optional_line(&raw.attendees, MAX_ATTENDEES),
        );
        let notes = ps.take("notes", &raw.notes, long_text(&raw.notes, MAX_LONG_TEXT));
        let goals = ps.take("goals", &raw.goals, long_text(&raw.goals, MAX_LONG_TEXT));
        let next_date = ps.take(
            "next_date",
            &raw.next_date,
            optional_date(&raw.next_date).and_then(|next| match (next, talk_date) {
                (Some(n), Some(t)) if n <= t => Err(Problem::NotAfter {
                    date: crate::domain::participant::format_date(t),
                }),
                _ => Ok(next),
            }),
        );
        match (talk_date, attendees, notes, goals, next_date) {
            (Some(talk_date), Some(attendees), Some(notes), Some(goals), Some(next_date))
                if ps.0.is_empty() =>
            {
                Ok(HeldTalk {
                    talk_date,
                    attendees,
                    notes,
                    goals,
                    next_date,
                })
            }
            _ => Err(ps.0),
        }
    }
}

/// A held talk's day: not in the future, not before the start.
fn held_day(day: NaiveDate, start: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Problem> {
    if day > today {
        Err(Problem::DateInFuture)
    } else if day < start {
        Err(Problem::BeforeParticipantStart {
            start: crate::domain::participant::format_date(start),
        })
    } else {
        Ok(day)
    }
}

/// The day a talk is scheduled for: today or later.
pub fn scheduled_day(typed: &str, today: NaiveDate) -> Result<NaiveDate, Problem> {
    let day = parse_date(typed)?;
    if day < today {
        Err(Problem::DateInPast)
    } else {
        Ok(day)
    }
}

/// A checkpoint decision: the introduction's length from now on, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckpointDecision {
    /// The day of the decision.
    pub decided_on: NaiveDate,
    /// The new length, 1–3 terms.
    pub terms: PlannedTerms,
    /// Why.
    pub reason: String,
}

/// Longest reason of a checkpoint decision.
pub const MAX_REASON: usize = 1000;

impl CheckpointDecision {
    /// Checks a decision typed on `today` for an introduction of `current` terms that started on
    /// `start`: a new length (not the current one), a reason, a day between the start and today.
    pub fn validate(
        decided_on: &str,
        terms: &str,
        reason: &str,
        (start, current, today): (NaiveDate, PlannedTerms, NaiveDate),
    ) -> Result<Self, Vec<FieldProblem>> {
        let mut ps = Problems::default();
        let day = ps.take(
            "decided_on",
            decided_on,
            parse_date(decided_on).and_then(|d| held_day(d, start, today)),
        );
        let length = ps.take(
            "terms",
            terms,
            PlannedTerms::parse(terms).and_then(|t| {
                if t == current {
                    Err(Problem::Unchanged)
                } else {
                    Ok(t)
                }
            }),
        );
        let why = ps.take("reason", reason, plain_text(reason, MAX_REASON));
        match (day, length, why) {
            (Some(decided_on), Some(terms), Some(reason)) if ps.0.is_empty() => {
                Ok(CheckpointDecision {
                    decided_on,
                    terms,
                    reason,
                })
            }
            _ => Err(ps.0),
        }
    }
}

/// The length in force: the latest decision's (by day, then by order of recording), else the
/// plan at enrolment. `decisions` are in the order they were recorded.
pub fn terms_in_force(enrolled: PlannedTerms, decisions: &[CheckpointDecision]) -> PlannedTerms {
    decisions
        .iter()
        .enumerate()
        .max_by_key(|(i, d)| (d.decided_on, *i))
        .map_or(enrolled, |(_, d)| d.terms)
}

/// What the mentor prepares for next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NextKind {
    /// A scheduled development talk.
    Talk,
    /// The planned end of the introduction.
    PlannedEnd,
}

/// The mentor's next date of one participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextDate {
    /// The day.
    pub date: NaiveDate,
    /// A talk or the planned end.
    pub kind: NextKind,
    /// The earliest scheduled talk whose day has passed without being recorded.
    pub overdue_since: Option<NaiveDate>,
}

/// The next date on `today`: the next scheduled talk (today or later), or the planned end if
/// that comes first (or if no talk is scheduled); talks scheduled before today and not held are
/// overdue.
pub fn next_date(today: NaiveDate, scheduled: &[NaiveDate], planned_end: NaiveDate) -> NextDate {
    let overdue_since = scheduled.iter().copied().filter(|d| *d < today).min();
    let next_talk = scheduled.iter().copied().filter(|d| *d >= today).min();
    let (date, kind) = match next_talk {
        Some(t) if t <= planned_end || planned_end < today => (t, NextKind::Talk),
        _ => (planned_end, NextKind::PlannedEnd),
    };
    NextDate {
        date,
        kind,
        overdue_since,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn terms(n: u8) -> PlannedTerms {
        PlannedTerms::try_from(n).unwrap()
    }

    #[test]
    fn a_term_is_six_months_and_two_terms_a_year() {
        assert_eq!(planned_end(d(2026, 1, 12), terms(2)), d(2027, 1, 12));
        assert_eq!(planned_end(d(2026, 8, 31), terms(1)), d(2027, 2, 28));
        assert_eq!(planned_end(d(2026, 8, 17), terms(3)), d(2028, 2, 17));
    }

    fn raw(day: &str, next: &str) -> RawTalk {
        RawTalk {
            talk_date: day.into(),
            attendees: "Mentor, supervisor".into(),
            notes: "Went well.\nMore Swedish at lunch.".into(),
            goals: String::new(),
            next_date: next.into(),
        }
    }

    #[test]
    fn a_held_talk_lies_between_the_start_and_today_and_the_next_comes_after_it() {
        let (start, today) = (d(2026, 1, 12), d(2026, 3, 1));
        let ok = HeldTalk::validate(&raw("2026-03-01", "2026-04-01"), start, today).unwrap();
        assert_eq!(ok.next_date, Some(d(2026, 4, 1)));
        let future = HeldTalk::validate(&raw("2026-03-02", ""), start, today).unwrap_err();
        assert_eq!(future[0].problem, Problem::DateInFuture);
        let early = HeldTalk::validate(&raw("2026-01-11", ""), start, today).unwrap_err();
        assert_eq!(early[0].field, "talk_date");
        let same = HeldTalk::validate(&raw("2026-02-01", "2026-02-01"), start, today).unwrap_err();
        assert_eq!(same[0].field, "next_date");
        assert_eq!(
            same[0].problem,
            Problem::NotAfter {
                date: "2026-02-01".into()
            }
        );
    }

    #[test]
    fn a_talk_is_scheduled_for_today_or_later() {
        let today = d(2026, 3, 1);
        assert_eq!(scheduled_day("2026-03-01", today), Ok(today));
        assert_eq!(scheduled_day("2026-02-28", today), Err(Problem::DateInPast));
        assert_eq!(scheduled_day("", today), Err(Problem::Required));
    }

    #[test]
    fn a_checkpoint_changes_the_length_and_gives_a_reason() {
        let ctx = (d(2026, 1, 12), terms(2), d(2026, 3, 1));
        let ok = CheckpointDecision::validate("2026-03-01", "3", "Needs more SFI", ctx).unwrap();
        assert_eq!(ok.terms, terms(3));
        let same = CheckpointDecision::validate("2026-03-01", "2", "x", ctx).unwrap_err();
        assert_eq!(same[0].problem, Problem::Unchanged);
        let bad = CheckpointDecision::validate("2026-03-02", "4", " ", ctx).unwrap_err();
        let fields: Vec<_> = bad.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["decided_on", "terms", "reason"]);
    }

    #[test]
    fn the_latest_decision_is_in_force() {
        let dec = |day: NaiveDate, n: u8| CheckpointDecision {
            decided_on: day,
            terms: terms(n),
            reason: "r".into(),
        };
        assert_eq!(terms_in_force(terms(2), &[]), terms(2));
        let ds = [dec(d(2026, 5, 1), 3), dec(d(2026, 4, 1), 1)];
        assert_eq!(terms_in_force(terms(2), &ds), terms(3));
        let same_day = [dec(d(2026, 5, 1), 3), dec(d(2026, 5, 1), 1)];
        assert_eq!(terms_in_force(terms(2), &same_day), terms(1));
    }

    #[test]
    fn the_next_date_is_the_next_talk_or_the_planned_end_if_sooner() {
        let today = d(2026, 3, 1);
        let end = d(2026, 12, 1);
        let n = next_date(today, &[d(2026, 4, 1), d(2026, 3, 15)], end);
        assert_eq!(
            (n.date, n.kind, n.overdue_since),
            (d(2026, 3, 15), NextKind::Talk, None)
        );
        let n = next_date(today, &[], end);
        assert_eq!((n.date, n.kind), (end, NextKind::PlannedEnd));
        let n = next_date(today, &[d(2027, 1, 1)], end);
        assert_eq!((n.date, n.kind), (end, NextKind::PlannedEnd));
        // A talk today is not overdue; yesterday's is.
        let n = next_date(today, &[today, d(2026, 2, 28)], end);
        assert_eq!(n.date, today);
        assert_eq!(n.overdue_since, Some(d(2026, 2, 28)));
        // After the planned end, a scheduled talk still comes next.
        let n = next_date(d(2027, 1, 1), &[d(2027, 1, 10)], end);
        assert_eq!((n.date, n.kind), (d(2027, 1, 10), NextKind::Talk));
    }

    proptest! {
        #[test]
        fn the_next_date_is_never_before_today_unless_the_end_has_passed(
            talks in proptest::collection::vec(0i64..2000, 0..6),
            end in 0i64..2000, today in 0i64..2000,
        ) {
            let day = |n: i64| d(2024, 1, 1) + chrono::Days::new(n.unsigned_abs());
            let scheduled: Vec<_> = talks.iter().map(|&t| day(t)).collect();
            let n = next_date(day(today), &scheduled, day(end));
            prop_assert!(n.date >= day(today) || (n.kind == NextKind::PlannedEnd && day(end) < day(today)));
            if let Some(o) = n.overdue_since {
                prop_assert!(o < day(today));
                prop_assert!(scheduled.contains(&o));
            }
            prop_assert!(n.date <= day(end) || n.kind == NextKind::Talk);
        }
    }
}
