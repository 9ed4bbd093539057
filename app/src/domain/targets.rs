//! The city's targets of the period and the figures beside the social-accounting counts
//! (issue 15; DOMAIN.md, "What the funders and the city measure"): self-sufficient within 18
//! months of the start (target 50 %), an SFI course passed within a year of the start (target
//! 30 %), the share of participant-weeks that met the weekly minimum, and the median change of
//! self-assessed level per skill. Every figure per group: all, gender, district, school.
//!
//! A target is judged only for the participants whose window has closed by today: someone who
//! started eleven months ago has not yet failed to pass SFI within a year.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::cefr::{CefrLevel, Skill};
use super::indicators::{per_mille, Ended};
use super::ladder::step;
use super::outcome::SelfSufficiency;
use super::participant::Gender;
use super::sfi::GradeScale;
use super::time_record::{weeks_of, Enrolment, Tally as WeekTally, WeekMinutes};
use super::weeks::{IsoWeek, MinimumHistory};

/// One of the city's targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// Self-sufficient (fully or partly) within 18 months of the start.
    SelfSufficient18Months,
    /// A passing SFI result within 12 months of the start.
    SfiPassed12Months,
}

impl Target {
    /// Both targets, in the order the page and the workbook show them.
    pub const ALL: [Target; 2] = [Target::SelfSufficient18Months, Target::SfiPassed12Months];

    /// A stable name, e.g. for message ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::SelfSufficient18Months => "self_sufficient_18_months",
            Target::SfiPassed12Months => "sfi_passed_12_months",
        }
    }

    /// The window after the start, in months.
    pub fn months(self) -> u32 {
        match self {
            Target::SelfSufficient18Months => 18,
            Target::SfiPassed12Months => 12,
        }
    }

    /// The city's target share, in tenths of a percent (50 % and 30 %).
    pub fn goal(self) -> u32 {
        match self {
            Target::SelfSufficient18Months => 500,
            Target::SfiPassed12Months => 300,
        }
    }
}

/// The day `months` calendar months after `start` (the month's last day when it is shorter:
/// 31 August + 18 months is 28 or 29 February).
pub fn months_after(start: NaiveDate, months: u32) -> NaiveDate {
    start
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether someone who started on `start` and ended with `outcome` (exit day and
/// self-sufficiency) was self-sufficient, fully or partly, within 18 months of the start;
/// `None` while those 18 months have not passed by `today` (not judged yet).
pub fn self_sufficient_in_time(
    start: NaiveDate,
    outcome: Option<(NaiveDate, SelfSufficiency)>,
    today: NaiveDate,
) -> Option<bool> {
    let end = months_after(start, Target::SelfSufficient18Months.months());
    (end <= today)
        .then(|| outcome.is_some_and(|(exit, s)| s != SelfSufficiency::None && exit <= end))
}

/// Whether someone who started on `start` passed an SFI course (a passing result, on any day
/// from the start to 12 months after it) given the days of their passing results; `None` while
/// the year has not passed by `today`.
pub fn sfi_passed_in_time(
    start: NaiveDate,
    passes: &[NaiveDate],
    today: NaiveDate,
) -> Option<bool> {
    let end = months_after(start, Target::SfiPassed12Months.months());
    (end <= today).then(|| passes.iter().any(|&d| start <= d && d <= end))
}

/// Whether a grade written without its scale is a pass (the statistical records of erased
/// participants keep the symbol only; every symbol belongs to one meaning): `None` for an
/// unknown symbol.
pub fn grade_symbol_passes(symbol: &str) -> Option<bool> {
    let symbol = symbol.trim();
    GradeScale::ALL
        .iter()
        .flat_map(|s| s.marks())
        .find(|m| m.as_str().eq_ignore_ascii_case(symbol))
        .map(|m| m.is_pass())
}

/// Participants judged for a target and how many of them reached it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetTally {
    /// Those whose window has closed.
    pub judged: u32,
    /// Of them, those who reached the target.
    pub reached: u32,
}

impl TargetTally {
    /// Counts one participant (`None`: not judged yet).
    pub fn add(&mut self, reached: Option<bool>) {
        if let Some(r) = reached {
            self.judged += 1;
            self.reached += u32::from(r);
        }
    }

    /// 100 × reached / judged in tenths of a percent; `None` when nobody is judged.
    pub fn share(&self) -> Option<u32> {
        per_mille(self.reached, self.judged)
    }

    /// Whether the share reaches `target`'s goal (exactly, not after rounding); `None` when
    /// nobody is judged.
    pub fn meets(&self, target: Target) -> Option<bool> {
        (self.judged > 0).then(|| {
            u64::from(self.reached) * 1000 >= u64::from(target.goal()) * u64::from(self.judged)
        })
    }
}

/// The median of `values` in tenths of a step: the middle value of an odd count, the mean of
/// the two middle values of an even count; `None` for no values.
pub fn median_tenths(values: &[i8]) -> Option<i32> {
    let mut v: Vec<i32> = values.iter().map(|&x| i32::from(x) * 10).collect();
    v.sort_unstable();
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some((v[n / 2 - 1] + v[n / 2]) / 2),
    }
}

/// Tenths of a step with a sign and one decimal, e.g. `+1.5`, `0.0`, `-0.5`.
pub fn format_step_tenths(tenths: i32) -> String {
    let sign = match tenths.signum() {
        1 => "+",
        -1 => "-",
        _ => "",
    };
    let a = tenths.unsigned_abs();
    format!("{sign}{}.{}", a / 10, a % 10)
}

/// One self-assessed level: the day, an order among assessments of the same day, the skill,
/// the level.
pub type AssessedLevel = (NaiveDate, i64, Skill, CefrLevel);

/// Steps moved per skill, in [`Skill::ALL`] order, from the first to the last submitted
/// self-assessment that assessed the skill; `None` for a skill assessed fewer than twice.
pub fn skill_changes(levels: &[AssessedLevel]) -> [Option<i8>; 5] {
    let mut sorted: Vec<&AssessedLevel> = levels.iter().collect();
    sorted.sort_by_key(|(d, order, _, _)| (*d, *order));
    Skill::ALL.map(|skill| {
        let mut of_skill = sorted.iter().filter(|l| l.2 == skill).map(|l| step(l.3));
        let first = of_skill.next()?;
        let last = of_skill.next_back()?;
        Some(last as i8 - first as i8)
    })
}

/// The weeks of an introduction from its start to `last_week` (the last completed week)
/// counted by status against the minimum (excused weeks are counted, but neither met nor
/// missed).
pub fn weeks_until(
    enrolment: &Enrolment,
    minutes: &WeekMinutes,
    minimum: &MinimumHistory,
    last_week: IsoWeek,
) -> WeekTally {
    let mut tally = WeekTally::default();
    let first = IsoWeek::containing(enrolment.start);
    if first <= last_week {
        for w in weeks_of(enrolment, first, last_week, minimum, minutes) {
            tally.add(w.status);
        }
    }
    tally
}

/// One participant (or an erased participant's statistical record) as these figures see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Followed {
    /// Gender.
    pub gender: Gender,
    /// District name.
    pub district: String,
    /// School name.
    pub school: String,
    /// First day of the introduction.
    pub start: NaiveDate,
    /// The outcome and the exit day, once the exit talk is recorded.
    pub outcome: Option<(NaiveDate, Ended)>,
    /// The days of passing SFI results.
    pub sfi_passes: Vec<NaiveDate>,
    /// Weeks to the last completed one, by status.
    pub weeks: WeekTally,
    /// Steps moved per skill between the first and last self-assessment.
    pub skill_changes: [Option<i8>; 5],
}

/// The median change of one skill in a group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillMedian {
    /// The participants it rests on (those with the skill assessed at least twice).
    pub participants: u32,
    /// The median in tenths of a step.
    pub median_tenths: Option<i32>,
}

/// The figures of one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetFigures {
    /// `all`, `gender`, `district` or `school` (as the `indicators` export).
    pub group: String,
    /// `all`, the gender's file value, or the district's or school's name.
    pub value: String,
    /// Participants of the group.
    pub enrolled: u32,
    /// Self-sufficient within 18 months.
    pub self_sufficient: TargetTally,
    /// SFI passed within 12 months.
    pub sfi: TargetTally,
    /// Participant-weeks by status.
    pub weeks: WeekTally,
    /// Per skill, in [`Skill::ALL`] order.
    pub skills: [SkillMedian; 5],
}

impl TargetFigures {
    /// The tally of `target`.
    pub fn target(&self, target: Target) -> TargetTally {
        match target {
            Target::SelfSufficient18Months => self.self_sufficient,
            Target::SfiPassed12Months => self.sfi,
        }
    }

    /// The share of weeks met among the weeks that counted (met + short), in tenths of a
    /// percent, rounded like the other shares; `None` when no week counted.
    pub fn weeks_met_share(&self) -> Option<u32> {
        per_mille(self.weeks.met, self.weeks.met + self.weeks.short)
    }
}

#[derive(Default)]
struct Gathered {
    enrolled: u32,
    self_sufficient: TargetTally,
    sfi: TargetTally,
    weeks: WeekTally,
    changes: [Vec<i8>; 5],
}

impl Gathered {
    fn add(&mut self, p: &Followed, today: NaiveDate) {
        self.enrolled += 1;
        let ended = p.outcome.map(|(exit, e)| (exit, e.self_sufficiency));
        self.self_sufficient
            .add(self_sufficient_in_time(p.start, ended, today));
        self.sfi
            .add(sfi_passed_in_time(p.start, &p.sfi_passes, today));
        self.weeks.merge(p.weeks);
        for (i, c) in p.skill_changes.iter().enumerate() {
            if let Some(c) = c {
                self.changes[i].push(*c);
            }
        }
    }

    fn figures(self, group: &str, value: String) -> TargetFigures {
        TargetFigures {
            group: group.to_owned(),
            value,
            enrolled: self.enrolled,
            self_sufficient: self.self_sufficient,
            sfi: self.sfi,
            weeks: self.weeks,
            skills: self.changes.map(|c| SkillMedian {
                participants: u32::try_from(c.len()).unwrap_or(u32::MAX),
                median_tenths: median_tenths(&c),
            }),
        }
    }
}

/// The figures on `today`: `all` first, then each gender, district and school that has a
/// participant, each sorted by value (the groups of the `indicators` export).
pub fn target_figures(people: &[Followed], today: NaiveDate) -> Vec<TargetFigures> {
    let mut all = Gathered::default();
    let mut genders: BTreeMap<&'static str, Gathered> = BTreeMap::new();
    let mut districts: BTreeMap<String, Gathered> = BTreeMap::new();
    let mut schools: BTreeMap<String, Gathered> = BTreeMap::new();
    for p in people {
        all.add(p, today);
        genders.entry(p.gender.as_str()).or_default().add(p, today);
        districts
            .entry(p.district.clone())
            .or_default()
            .add(p, today);
        schools.entry(p.school.clone()).or_default().add(p, today);
    }
    let mut out = vec![all.figures("all", "all".to_owned())];
    out.extend(
        genders
            .into_iter()
            .map(|(g, x)| x.figures("gender", g.to_owned())),
    );
    out.extend(districts.into_iter().map(|(d, x)| x.figures("district", d)));
    out.extend(schools.into_iter().map(|(s, x)| x.figures("school", s)));
    out
}

#[cfg(test)]
#[path = "targets_tests.rs"]
mod tests;
