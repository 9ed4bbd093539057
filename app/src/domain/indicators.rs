//! The programme's social-accounting figures (FORMATS.md, the `indicators` export): per group
//! of participants, how many enrolled, completed, left early or are still in the programme,
//! how many are in work or education after it, and the shares the funders ask for.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::outcome::{Activity, Completion, SelfSufficiency};
use super::participant::Gender;
use super::problem::Problem;

/// The columns of the `indicators` export.
pub const INDICATOR_COLUMNS: [&str; 13] = [
    "group",
    "value",
    "enrolled",
    "completed",
    "left_early",
    "ongoing",
    "in_work",
    "in_education",
    "self_sufficient",
    "full",
    "partial",
    "share_of_enrolled",
    "share_of_completed",
];

/// How an introduction ended, as the figures count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ended {
    /// Completed or left early.
    pub completion: Completion,
    /// What the person does after it.
    pub activity: Activity,
    /// How far they support themselves.
    pub self_sufficiency: SelfSufficiency,
}

/// One participant as the figures see them (a register entry or an erased person's
/// statistical record alike).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counted {
    /// Gender.
    pub gender: Gender,
    /// District name.
    pub district: String,
    /// School name.
    pub school: String,
    /// The outcome, once the exit talk is recorded.
    pub outcome: Option<Ended>,
}

/// The counts of one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Participants in the group.
    pub enrolled: u32,
    /// With the outcome `completed`.
    pub completed: u32,
    /// With the outcome `left_early`.
    pub left_early: u32,
    /// Without an outcome.
    pub ongoing: u32,
    /// In work (`work` or `work_and_education`).
    pub in_work: u32,
    /// In education (`education`).
    pub in_education: u32,
    /// `in_work` + `in_education`.
    pub self_sufficient: u32,
    /// Fully self-supporting.
    pub full: u32,
    /// Partly self-supporting.
    pub partial: u32,
    /// The self-sufficient among those who completed.
    pub self_sufficient_completed: u32,
}

impl Tally {
    /// Counts one participant.
    pub fn add(&mut self, outcome: Option<Ended>) {
        self.enrolled += 1;
        let Some(o) = outcome else {
            self.ongoing += 1;
            return;
        };
        match o.completion {
            Completion::Completed => self.completed += 1,
            Completion::LeftEarly => self.left_early += 1,
        }
        if o.activity.in_work() {
            self.in_work += 1;
        }
        if o.activity.in_education() {
            self.in_education += 1;
        }
        if o.activity.self_sufficient() {
            self.self_sufficient += 1;
            if o.completion == Completion::Completed {
                self.self_sufficient_completed += 1;
            }
        }
        match o.self_sufficiency {
            SelfSufficiency::Full => self.full += 1,
            SelfSufficiency::Partial => self.partial += 1,
            SelfSufficiency::None => {}
        }
    }

    /// 100 × self-sufficient / enrolled, in tenths of a percent (`None` for an empty group).
    pub fn share_of_enrolled(&self) -> Option<u32> {
        per_mille(self.self_sufficient, self.enrolled)
    }

    /// 100 × self-sufficient among the completed / completed, in tenths of a percent.
    pub fn share_of_completed(&self) -> Option<u32> {
        per_mille(self.self_sufficient_completed, self.completed)
    }
}

/// `1000 × part / whole` rounded half away from zero (all counts are whole and not negative);
/// `None` when `whole` is 0.
pub fn per_mille(part: u32, whole: u32) -> Option<u32> {
    if whole == 0 {
        return None;
    }
    let x = u64::from(part) * 1000;
    let whole = u64::from(whole);
    let rounded = (x / whole) + u64::from(2 * (x % whole) >= whole);
    u32::try_from(rounded).ok()
}

/// Tenths of a percent as the export writes them: one decimal, `.` as separator; empty for
/// `None`.
pub fn format_share(tenths: Option<u32>) -> String {
    tenths.map_or_else(String::new, |t| format!("{}.{}", t / 10, t % 10))
}

/// One row of the export: a group (`all`, `gender`, `district`, `school`), its value and counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorRow {
    /// `all`, `gender`, `district` or `school`.
    pub group: String,
    /// `all`, the gender's file value, or the district's or school's name.
    pub value: String,
    /// The counts.
    pub tally: Tally,
}

impl IndicatorRow {
    /// The row's CSV fields.
    pub fn to_csv_fields(&self) -> Vec<String> {
        let t = &self.tally;
        let mut out = vec![self.group.clone(), self.value.clone()];
        out.extend(
            [
                t.enrolled,
                t.completed,
                t.left_early,
                t.ongoing,
                t.in_work,
                t.in_education,
                t.self_sufficient,
                t.full,
                t.partial,
            ]
            .iter()
            .map(u32::to_string),
        );
        out.push(format_share(t.share_of_enrolled()));
        out.push(format_share(t.share_of_completed()));
        out
    }
}

/// The rows of the export: `all;all` first, then each gender, district and school that has a
/// participant, each group sorted by value.
pub fn indicator_rows<'a>(people: impl IntoIterator<Item = &'a Counted>) -> Vec<IndicatorRow> {
    let mut all = Tally::default();
    let mut genders: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let mut districts: BTreeMap<String, Tally> = BTreeMap::new();
    let mut schools: BTreeMap<String, Tally> = BTreeMap::new();
    for p in people {
        all.add(p.outcome);
        genders.entry(p.gender.as_str()).or_default().add(p.outcome);
        districts
            .entry(p.district.clone())
            .or_default()
            .add(p.outcome);
        schools.entry(p.school.clone()).or_default().add(p.outcome);
    }
    let mut rows = vec![IndicatorRow {
        group: "all".into(),
        value: "all".into(),
        tally: all,
    }];
    let row = |group: &'static str| {
        move |(value, tally): (String, Tally)| IndicatorRow {
            group: group.to_owned(),
            value,
            tally,
        }
    };
    rows.extend(
        genders
            .into_iter()
            .map(|(g, t)| (g.to_owned(), t))
            .map(row("gender")),
    );
    rows.extend(districts.into_iter().map(row("district")));
    rows.extend(schools.into_iter().map(row("school")));
    rows
}

/// Where the indicators are counted: the whole programme, one district or one school.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Place {
    /// Every district and school.
    #[default]
    Everywhere,
    /// One district, by name.
    District(String),
    /// One school, by name.
    School(String),
}

impl Place {
    /// Parses the filter's value: empty, `district:NAME` or `school:NAME`.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(Place::Everywhere);
        }
        match s.split_once(':') {
            Some(("district", name)) if !name.trim().is_empty() => {
                Ok(Place::District(name.trim().to_owned()))
            }
            Some(("school", name)) if !name.trim().is_empty() => {
                Ok(Place::School(name.trim().to_owned()))
            }
            _ => Err(Problem::NotOneOf {
                allowed: "district:NAME, school:NAME".to_owned(),
            }),
        }
    }

    /// The filter's value (the inverse of [`Place::parse`]).
    pub fn as_param(&self) -> String {
        match self {
            Place::Everywhere => String::new(),
            Place::District(d) => format!("district:{d}"),
            Place::School(s) => format!("school:{s}"),
        }
    }

    /// Whether someone of `district` and `school` is counted here.
    pub fn includes(&self, district: &str, school: &str) -> bool {
        match self {
            Place::Everywhere => true,
            Place::District(d) => d == district,
            Place::School(s) => s == school,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ended(completion: Completion, activity: Activity) -> Option<Ended> {
        Some(Ended {
            completion,
            activity,
            self_sufficiency: if activity.self_sufficient() {
                SelfSufficiency::Full
            } else {
                SelfSufficiency::None
            },
        })
    }

    /// The original model's final report: 93 enrolled, 53 completed, 22 left early, 27 in work
    /// and 13 in education, all 40 among the completed.
    fn final_report() -> Vec<Counted> {
        let mut people = vec![];
        let mut push = |n: usize, outcome: Option<Ended>| {
            for _ in 0..n {
                people.push(Counted {
                    gender: Gender::Female,
                    district: "Farsta".into(),
                    school: "Farstaskolan".into(),
                    outcome,
                });
            }
        };
        push(27, ended(Completion::Completed, Activity::Work));
        push(13, ended(Completion::Completed, Activity::Education));
        push(13, ended(Completion::Completed, Activity::JobSeeking));
        push(22, ended(Completion::LeftEarly, Activity::Other));
        push(18, None);
        people
    }

    #[test]
    fn the_original_models_final_report_gives_43_0_and_75_5() {
        let rows = indicator_rows(&final_report());
        let all = &rows[0];
        assert_eq!((all.group.as_str(), all.value.as_str()), ("all", "all"));
        assert_eq!(all.tally.enrolled, 93);
        assert_eq!(all.tally.completed, 53);
        assert_eq!(all.tally.left_early, 22);
        assert_eq!(all.tally.ongoing, 18);
        assert_eq!(all.tally.self_sufficient, 40);
        let fields = all.to_csv_fields();
        assert_eq!(fields[11], "43.0");
        assert_eq!(fields[12], "75.5");
    }

    #[test]
    fn shares_round_half_away_from_zero_to_one_decimal() {
        assert_eq!(format_share(per_mille(1, 8)), "12.5");
        assert_eq!(format_share(per_mille(1, 16)), "6.3"); // 6.25
        assert_eq!(format_share(per_mille(1, 3)), "33.3");
        assert_eq!(format_share(per_mille(2, 3)), "66.7");
        assert_eq!(format_share(per_mille(0, 5)), "0.0");
        assert_eq!(format_share(per_mille(5, 5)), "100.0");
    }

    #[test]
    fn a_share_of_nobody_is_empty() {
        assert_eq!(per_mille(0, 0), None);
        let t = Tally::default();
        let row = IndicatorRow {
            group: "all".into(),
            value: "all".into(),
            tally: t,
        };
        assert_eq!(row.to_csv_fields()[11..], ["", ""]);
    }

    #[test]
    fn groups_follow_all_then_gender_district_school_each_sorted_and_only_when_present() {
        let p = |g: Gender, d: &str, s: &str| Counted {
            gender: g,
            district: d.into(),
            school: s.into(),
            outcome: None,
        };
        let people = [
            p(Gender::Male, "Vantör", "Vantörskolan"),
            p(Gender::Female, "Farsta", "Farstaskolan"),
            p(Gender::Male, "Farsta", "Sköndalsskolan"),
        ];
        let keys: Vec<(String, String)> = indicator_rows(&people)
            .into_iter()
            .map(|r| (r.group, r.value))
            .collect();
        let expected = [
            ("all", "all"),
            ("gender", "female"),
            ("gender", "male"),
            ("district", "Farsta"),
            ("district", "Vantör"),
            ("school", "Farstaskolan"),
            ("school", "Sköndalsskolan"),
            ("school", "Vantörskolan"),
        ];
        assert_eq!(
            keys,
            expected.map(|(g, v)| (g.to_owned(), v.to_owned())).to_vec()
        );
    }

    proptest! {
        #[test]
        fn per_mille_is_the_nearest_tenth_of_a_percent(part in 0u32..10_000, extra in 0u32..10_000) {
            let whole = part + extra + 1;
            let got = per_mille(part, whole).unwrap();
            let exact = f64::from(part) * 1000.0 / f64::from(whole);
            prop_assert!((f64::from(got) - exact).abs() <= 0.5 + 1e-9);
            prop_assert!(got <= 1000);
        }

        #[test]
        fn the_counts_of_a_group_add_up(outcomes in proptest::collection::vec(0usize..11, 0..60)) {
            let mut t = Tally::default();
            for o in &outcomes {
                let outcome = (*o < 10).then(|| Ended {
                    completion: if o % 2 == 0 { Completion::Completed } else { Completion::LeftEarly },
                    activity: Activity::ALL[o % 5],
                    self_sufficiency: SelfSufficiency::ALL[o % 3],
                });
                t.add(outcome);
            }
            prop_assert_eq!(t.enrolled as usize, outcomes.len());
            prop_assert_eq!(t.completed + t.left_early + t.ongoing, t.enrolled);
            prop_assert_eq!(t.in_work + t.in_education, t.self_sufficient);
            prop_assert!(t.self_sufficient_completed <= t.completed.min(t.self_sufficient));
            prop_assert!(t.full + t.partial <= t.completed + t.left_early);
        }
    }

    #[test]
    fn a_place_is_the_whole_programme_a_district_or_a_school() {
        assert_eq!(Place::parse(""), Ok(Place::Everywhere));
        let farsta = Place::parse("district:Farsta").unwrap();
        assert!(farsta.includes("Farsta", "Farstaskolan"));
        assert!(!farsta.includes("Vantör", "Farstaskolan"));
        let school = Place::parse(" school:Farstaskolan ").unwrap();
        assert!(school.includes("Vantör", "Farstaskolan"));
        assert!(!school.includes("Farsta", "Vantörskolan"));
        assert_eq!(Place::parse(&school.as_param()), Ok(school));
        assert!(Place::parse("city:Stockholm").is_err());
        assert!(Place::parse("school: ").is_err());
    }
}
