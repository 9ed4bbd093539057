use super::*;
use crate::domain::outcome::{Activity, Completion};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn person(gender: Gender, start: NaiveDate) -> Followed {
    Followed {
        gender,
        district: "Farsta".into(),
        school: "Farstaskolan".into(),
        start,
        outcome: None,
        sfi_passes: vec![],
        weeks: WeekTally::default(),
        skill_changes: [None; 5],
    }
}

fn ended(exit: NaiveDate, s: SelfSufficiency) -> Option<(NaiveDate, Ended)> {
    Some((
        exit,
        Ended {
            completion: Completion::Completed,
            activity: Activity::Work,
            self_sufficiency: s,
        },
    ))
}

#[test]
fn eighteen_months_after_the_last_day_of_august_is_the_last_day_of_february() {
    assert_eq!(months_after(d(2024, 8, 31), 18), d(2026, 2, 28));
    assert_eq!(months_after(d(2022, 8, 31), 18), d(2024, 2, 29));
    assert_eq!(months_after(d(2025, 1, 15), 12), d(2026, 1, 15));
}

#[test]
fn the_18_month_target_is_judged_from_the_day_the_18_months_end() {
    let start = d(2024, 1, 15);
    let out = Some((d(2025, 1, 10), SelfSufficiency::Full));
    assert_eq!(self_sufficient_in_time(start, out, d(2025, 7, 14)), None);
    assert_eq!(
        self_sufficient_in_time(start, out, d(2025, 7, 15)),
        Some(true)
    );
}

#[test]
fn self_sufficient_on_the_last_day_of_the_18_months_counts_and_a_day_later_does_not() {
    let start = d(2024, 1, 15);
    let today = d(2026, 6, 1);
    let on = |exit| self_sufficient_in_time(start, Some((exit, SelfSufficiency::Partial)), today);
    assert_eq!(on(d(2025, 7, 15)), Some(true));
    assert_eq!(on(d(2025, 7, 16)), Some(false));
}

#[test]
fn without_self_sufficiency_or_an_outcome_the_18_month_target_is_missed() {
    let start = d(2024, 1, 15);
    let today = d(2026, 6, 1);
    let none = Some((d(2024, 6, 1), SelfSufficiency::None));
    assert_eq!(self_sufficient_in_time(start, none, today), Some(false));
    assert_eq!(self_sufficient_in_time(start, None, today), Some(false));
}

#[test]
fn an_sfi_pass_counts_from_the_start_to_twelve_months_after_both_included() {
    let start = d(2025, 2, 10);
    let today = d(2026, 6, 1);
    assert_eq!(
        sfi_passed_in_time(start, &[d(2026, 2, 10)], today),
        Some(true)
    );
    assert_eq!(
        sfi_passed_in_time(start, &[d(2025, 2, 10)], today),
        Some(true)
    );
    assert_eq!(
        sfi_passed_in_time(start, &[d(2026, 2, 11)], today),
        Some(false)
    );
    assert_eq!(
        sfi_passed_in_time(start, &[d(2025, 2, 9)], today),
        Some(false)
    );
    assert_eq!(sfi_passed_in_time(start, &[], today), Some(false));
}

#[test]
fn the_sfi_target_is_judged_only_once_the_year_has_passed() {
    let start = d(2025, 2, 10);
    assert_eq!(
        sfi_passed_in_time(start, &[d(2025, 5, 1)], d(2026, 2, 9)),
        None
    );
    assert_eq!(
        sfi_passed_in_time(start, &[d(2025, 5, 1)], d(2026, 2, 10)),
        Some(true)
    );
}

#[test]
fn a_grade_symbol_passes_unless_it_is_ig_or_f() {
    for pass in ["G", "VG", "E", "D", "C", "B", "A", " vg "] {
        assert_eq!(grade_symbol_passes(pass), Some(true), "{pass}");
    }
    assert_eq!(grade_symbol_passes("IG"), Some(false));
    assert_eq!(grade_symbol_passes("F"), Some(false));
    assert_eq!(grade_symbol_passes("X"), None);
}

#[test]
fn a_target_of_nobody_judged_has_no_share_and_no_verdict() {
    let t = TargetTally::default();
    assert_eq!(t.share(), None);
    assert_eq!(t.meets(Target::SelfSufficient18Months), None);
}

#[test]
fn a_target_is_met_at_exactly_its_share_and_not_just_below() {
    let half = TargetTally {
        judged: 10,
        reached: 5,
    };
    assert_eq!(half.meets(Target::SelfSufficient18Months), Some(true));
    // 2999 of 10000 rounds to 30.0 % but is below 30 %.
    let below = TargetTally {
        judged: 10_000,
        reached: 2_999,
    };
    assert_eq!(below.share(), Some(300));
    assert_eq!(below.meets(Target::SfiPassed12Months), Some(false));
    let third = TargetTally {
        judged: 3,
        reached: 1,
    };
    assert_eq!(third.meets(Target::SfiPassed12Months), Some(true));
}

#[test]
fn the_median_of_an_odd_count_is_the_middle_value() {
    assert_eq!(median_tenths(&[3, -1, 1]), Some(10));
    assert_eq!(median_tenths(&[2]), Some(20));
}

#[test]
fn the_median_of_an_even_count_is_the_mean_of_the_two_middle_values() {
    assert_eq!(median_tenths(&[1, 2]), Some(15));
    assert_eq!(median_tenths(&[0, 0, 1, 3]), Some(5));
    assert_eq!(median_tenths(&[-2, -1]), Some(-15));
}

#[test]
fn the_median_of_nothing_is_none() {
    assert_eq!(median_tenths(&[]), None);
}

#[test]
fn steps_are_written_with_a_sign_and_one_decimal() {
    assert_eq!(format_step_tenths(15), "+1.5");
    assert_eq!(format_step_tenths(0), "0.0");
    assert_eq!(format_step_tenths(-5), "-0.5");
    assert_eq!(format_step_tenths(-20), "-2.0");
}

#[test]
fn a_skill_changes_from_its_first_to_its_last_assessment_and_needs_two() {
    let l = |day, order, skill, level| (day, order, skill, level);
    let levels = [
        l(d(2025, 9, 1), 2, Skill::Listening, CefrLevel::B1),
        l(d(2025, 3, 1), 1, Skill::Listening, CefrLevel::A1),
        l(d(2025, 9, 1), 2, Skill::Writing, CefrLevel::A1),
        l(d(2025, 6, 1), 3, Skill::Reading, CefrLevel::A2),
        l(d(2025, 6, 1), 4, Skill::Reading, CefrLevel::A1),
    ];
    let c = skill_changes(&levels);
    assert_eq!(c[0], Some(2)); // listening A1 → B1
    assert_eq!(c[1], Some(-1)); // reading, same day: the later order is the last
    assert_eq!(c[4], None); // writing assessed once
    assert_eq!(c[2], None);
}

#[test]
fn weeks_are_counted_to_the_last_completed_week_only() {
    let minimum = MinimumHistory::constant(crate::domain::weeks::WeeklyMinimum::default());
    let start = d(2026, 1, 5); // Monday of 2026-W02
    let mut minutes = WeekMinutes::new();
    minutes.insert(IsoWeek::containing(start), (300, 300));
    let e = Enrolment::new(start, None);
    let last = IsoWeek::containing(d(2026, 1, 19)); // W04
    let t = weeks_until(&e, &minutes, &minimum, last);
    assert_eq!((t.met, t.short, t.excused), (1, 2, 0));
    let before = IsoWeek::containing(d(2025, 12, 29));
    assert_eq!(
        weeks_until(&e, &minutes, &minimum, before),
        WeekTally::default()
    );
}

#[test]
fn groups_follow_all_then_gender_district_school_and_an_empty_cohort_has_only_all() {
    let today = d(2026, 6, 1);
    let empty = target_figures(&[], today);
    assert_eq!(empty.len(), 1);
    assert_eq!(empty[0].enrolled, 0);
    assert_eq!(empty[0].self_sufficient.share(), None);
    assert_eq!(empty[0].weeks_met_share(), None);
    assert_eq!(empty[0].skills[0], SkillMedian::default());

    let mut a = person(Gender::Female, d(2024, 1, 15));
    a.outcome = ended(d(2025, 3, 1), SelfSufficiency::Full);
    a.sfi_passes = vec![d(2024, 12, 1)];
    a.weeks = WeekTally {
        met: 3,
        short: 1,
        excused: 2,
    };
    a.skill_changes = [Some(2), None, None, None, None];
    let mut b = person(Gender::Male, d(2024, 1, 15));
    b.outcome = ended(d(2026, 1, 1), SelfSufficiency::Full);
    b.skill_changes = [Some(1), None, None, None, None];
    b.weeks = WeekTally {
        met: 0,
        short: 4,
        excused: 0,
    };
    let c = person(Gender::Female, d(2026, 1, 12)); // not judged yet
    let figures = target_figures(&[a, b, c], today);
    let keys: Vec<(&str, &str)> = figures
        .iter()
        .map(|f| (f.group.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("all", "all"),
            ("gender", "female"),
            ("gender", "male"),
            ("district", "Farsta"),
            ("school", "Farstaskolan")
        ]
    );
    let all = &figures[0];
    assert_eq!(all.enrolled, 3);
    assert_eq!(
        all.self_sufficient,
        TargetTally {
            judged: 2,
            reached: 1
        }
    );
    assert_eq!(
        all.self_sufficient.meets(Target::SelfSufficient18Months),
        Some(true)
    );
    assert_eq!(
        all.sfi,
        TargetTally {
            judged: 2,
            reached: 1
        }
    );
    assert_eq!(all.weeks_met_share(), Some(375)); // 3 of 8 weeks that counted
    assert_eq!(
        all.skills[0],
        SkillMedian {
            participants: 2,
            median_tenths: Some(15)
        }
    );
    let female = &figures[1];
    assert_eq!(
        female.self_sufficient,
        TargetTally {
            judged: 1,
            reached: 1
        }
    );
    assert_eq!(female.enrolled, 2);
}

proptest! {
    #[test]
    fn a_median_lies_between_the_smallest_and_largest_value(values in proptest::collection::vec(-6i8..=6, 1..40)) {
        let m = median_tenths(&values).unwrap();
        let lo = i32::from(*values.iter().min().unwrap()) * 10;
        let hi = i32::from(*values.iter().max().unwrap()) * 10;
        prop_assert!(lo <= m && m <= hi);
        let below = values.iter().filter(|&&v| i32::from(v) * 10 < m).count();
        let above = values.iter().filter(|&&v| i32::from(v) * 10 > m).count();
        prop_assert!(below * 2 <= values.len() && above * 2 <= values.len());
    }

    #[test]
    fn nobody_reaches_a_target_who_is_not_judged(starts in proptest::collection::vec(0i64..2000, 0..30), today in 0i64..2500) {
        let base = d(2020, 1, 1);
        let today = base + chrono::Duration::days(today);
        let mut t = TargetTally::default();
        for s in &starts {
            let start = base + chrono::Duration::days(*s);
            t.add(sfi_passed_in_time(start, &[start], today));
        }
        prop_assert!(t.reached <= t.judged);
        let judged = starts
            .iter()
            .filter(|s| months_after(base + chrono::Duration::days(**s), 12) <= today)
            .count();
        prop_assert_eq!(t.judged as usize, judged);
        prop_assert_eq!(t.reached, t.judged);
    }
}
