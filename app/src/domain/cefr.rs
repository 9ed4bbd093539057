//! CEFR levels, the five ELP skills, self-assessment answers and occasions, and the ELP level
//! rule (issue 4; DOMAIN.md, "Testing language").
//!
//! The level rule: for one skill, the level is the highest level L from A1 to C2 such that the
//! share of "I can do this" answers reaches the threshold (80 % by default) at L and at every
//! level from A1 up to L; Pre-A1 if A1 does not reach it. Pre-A1 is the floor of the ladder:
//! its statements are part of the checklist (answered, stored, shown as progress), but they
//! neither gate A1 nor can lower the result below Pre-A1, since nothing lies beneath it.
//!
//! Compiled for the browser too: only serde and thiserror.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::problem::{parse_one_of, Problem};

/// A level of the Common European Framework, with the companion volume's Pre-A1 as the first
/// step. Levels order from Pre-A1 (lowest) to C2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CefrLevel {
    /// `pre_a1`: below A1 (CEFR companion volume 2020; LASLLIAM for low-literate adults).
    PreA1,
    /// `a1`
    A1,
    /// `a2`
    A2,
    /// `b1`
    B1,
    /// `b2`
    B2,
    /// `c1`
    C1,
    /// `c2`
    C2,
}

impl CefrLevel {
    /// All levels, lowest first.
    pub const ALL: [CefrLevel; 7] = [
        CefrLevel::PreA1,
        CefrLevel::A1,
        CefrLevel::A2,
        CefrLevel::B1,
        CefrLevel::B2,
        CefrLevel::C1,
        CefrLevel::C2,
    ];

    /// The file value: `pre_a1`, `a1`, `a2`, `b1`, `b2`, `c1` or `c2`.
    pub fn as_str(self) -> &'static str {
        match self {
            CefrLevel::PreA1 => "pre_a1",
            CefrLevel::A1 => "a1",
            CefrLevel::A2 => "a2",
            CefrLevel::B1 => "b1",
            CefrLevel::B2 => "b2",
            CefrLevel::C1 => "c1",
            CefrLevel::C2 => "c2",
        }
    }

    /// The label shown to people (the same in Swedish and English): `Pre-A1`, `A1`, … `C2`.
    pub fn label(self) -> &'static str {
        match self {
            CefrLevel::PreA1 => "Pre-A1",
            CefrLevel::A1 => "A1",
            CefrLevel::A2 => "A2",
            CefrLevel::B1 => "B1",
            CefrLevel::B2 => "B2",
            CefrLevel::C1 => "C1",
            CefrLevel::C2 => "C2",
        }
    }

    /// The step on the ladder: 0 for Pre-A1, 1 for A1, … 6 for C2.
    pub fn step(self) -> u8 {
        match self {
            CefrLevel::PreA1 => 0,
            CefrLevel::A1 => 1,
            CefrLevel::A2 => 2,
            CefrLevel::B1 => 3,
            CefrLevel::B2 => 4,
            CefrLevel::C1 => 5,
            CefrLevel::C2 => 6,
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored, and `-` or a
    /// space may stand for `_` (so the label `Pre-A1` is read too).
    pub fn parse(s: &str) -> Result<Self, Problem> {
        let normalised = s.trim().replace(['-', ' '], "_");
        parse_one_of(&normalised, CefrLevel::ALL, CefrLevel::as_str)
    }
}

impl fmt::Display for CefrLevel {
    /// The label, e.g. `Pre-A1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One of the five skills of the ELP self-assessment grid (and of SFI).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Skill {
    /// `listening`
    Listening,
    /// `reading`
    Reading,
    /// `spoken_interaction`
    SpokenInteraction,
    /// `spoken_production`
    SpokenProduction,
    /// `writing`
    Writing,
}

impl Skill {
    /// All skills, in the order of the ELP grid and the file format.
    pub const ALL: [Skill; 5] = [
        Skill::Listening,
        Skill::Reading,
        Skill::SpokenInteraction,
        Skill::SpokenProduction,
        Skill::Writing,
    ];

    /// The file value, e.g. `spoken_interaction`.
    pub fn as_str(self) -> &'static str {
        match self {
            Skill::Listening => "listening",
            Skill::Reading => "reading",
            Skill::SpokenInteraction => "spoken_interaction",
            Skill::SpokenProduction => "spoken_production",
            Skill::Writing => "writing",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, Skill::ALL, Skill::as_str)
    }
}

impl fmt::Display for Skill {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A participant's answer to one "I can …" statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// `can_do`: "I can do this". The only answer that counts towards a level.
    CanDo,
    /// `with_help`: "with help".
    WithHelp,
    /// `not_yet`: "not yet".
    NotYet,
}

impl Answer {
    /// All answers, in the order of the buttons.
    pub const ALL: [Answer; 3] = [Answer::CanDo, Answer::WithHelp, Answer::NotYet];

    /// The stored value: `can_do`, `with_help` or `not_yet`.
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::CanDo => "can_do",
            Answer::WithHelp => "with_help",
            Answer::NotYet => "not_yet",
        }
    }

    /// Parses a stored value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, Answer::ALL, Answer::as_str)
    }
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When an assessment or a test was done: at the start, at a checkpoint, or at the finish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Occasion {
    /// `start`
    Start,
    /// `checkpoint`
    Checkpoint,
    /// `finish`
    Finish,
}

impl Occasion {
    /// All occasions, in the order of the file format.
    pub const ALL: [Occasion; 3] = [Occasion::Start, Occasion::Checkpoint, Occasion::Finish];

    /// The file value: `start`, `checkpoint` or `finish`.
    pub fn as_str(self) -> &'static str {
        match self {
            Occasion::Start => "start",
            Occasion::Checkpoint => "checkpoint",
            Occasion::Finish => "finish",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, Occasion::ALL, Occasion::as_str)
    }
}

impl fmt::Display for Occasion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Greatest common divisor (Euclid).
fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The share of "I can do this" answers a level needs, a fraction in (0, 1]; a setting.
/// Kept as an exact, reduced fraction, so `80 %` and `4/5` are the same threshold and a share
/// exactly at the threshold passes. Serialised as text, `"4/5"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Threshold {
    /// Numerator, `1..=denominator`.
    numerator: u32,
    /// Denominator, at least 1.
    denominator: u32,
}

impl Default for Threshold {
    /// 80 %, the ELP's usual rule of thumb.
    fn default() -> Self {
        Threshold {
            numerator: 4,
            denominator: 5,
        }
    }
}

impl Threshold {
    /// `percent` %, 1 to 100.
    pub fn percent(percent: u32) -> Result<Self, Problem> {
        if (1..=100).contains(&percent) {
            Threshold::ratio(percent, 100)
        } else {
            Err(Problem::OutOfRange { min: 1, max: 100 })
        }
    }

    /// The fraction `numerator / denominator`, which must lie in (0, 1].
    pub fn ratio(numerator: u32, denominator: u32) -> Result<Self, Problem> {
        if numerator == 0 || numerator > denominator {
            return Err(Problem::OutOfRange { min: 1, max: 100 });
        }
        let g = gcd(numerator, denominator);
        Ok(Threshold {
            numerator: numerator / g,
            denominator: denominator / g,
        })
    }

    /// Parses a percentage (`80`, `80%`, `80 %`) or a fraction (`4/5`).
    pub fn parse(s: &str) -> Result<Self, Problem> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        let number = |t: &str| -> Result<u32, Problem> {
            let t = t.trim();
            if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Problem::NotAnInteger);
            }
            Ok(t.parse().unwrap_or(u32::MAX))
        };
        match s.split_once('/') {
            Some((n, d)) => Threshold::ratio(number(n)?, number(d)?),
            None => Threshold::percent(number(s.strip_suffix('%').unwrap_or(s))?),
        }
    }

    /// The reduced numerator.
    pub fn numerator(self) -> u32 {
        self.numerator
    }

    /// The reduced denominator.
    pub fn denominator(self) -> u32 {
        self.denominator
    }

    /// Whether `can_do` of `statements` reaches the threshold (exact integer comparison).
    /// A level without statements never passes; `can_do` above `statements` counts as all.
    pub fn passes(self, can_do: u32, statements: u32) -> bool {
        statements > 0
            && u64::from(can_do.min(statements)) * u64::from(self.denominator)
                >= u64::from(self.numerator) * u64::from(statements)
    }

    /// The fewest "I can do this" answers out of `statements` that pass (0 when there are none).
    pub fn needed(self, statements: u32) -> u32 {
        let needed = (u64::from(self.numerator) * u64::from(statements))
            .div_ceil(u64::from(self.denominator));
        u32::try_from(needed).unwrap_or(statements)
    }
}

impl fmt::Display for Threshold {
    /// `4/5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

impl TryFrom<String> for Threshold {
    type Error = Problem;

    fn try_from(s: String) -> Result<Self, Problem> {
        Threshold::parse(&s)
    }
}

impl From<Threshold> for String {
    fn from(threshold: Threshold) -> String {
        threshold.to_string()
    }
}

/// The count of statements and "I can do this" answers at one level of one skill.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LevelTally {
    /// Statements of the level in the checklist (answered or not).
    pub statements: u32,
    /// Statements answered "I can do this".
    pub can_do: u32,
}

/// One skill's checklist answers counted per level: the input of the level rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SkillTally {
    /// Indexed by [`CefrLevel::step`].
    levels: [LevelTally; 7],
}

impl SkillTally {
    /// Counts the statements of one skill: each item is a statement's level and its answer
    /// (`None` = not answered, which counts as not "I can do this").
    pub fn from_answers(answers: impl IntoIterator<Item = (CefrLevel, Option<Answer>)>) -> Self {
        let mut tally = SkillTally::default();
        for (level, answer) in answers {
            tally.add(level, answer);
        }
        tally
    }

    /// Counts one more statement at `level` with its answer (`None` = not answered).
    pub fn add(&mut self, level: CefrLevel, answer: Option<Answer>) {
        let entry = &mut self.levels[usize::from(level.step())];
        entry.statements = entry.statements.saturating_add(1);
        if answer == Some(Answer::CanDo) {
            entry.can_do = entry.can_do.saturating_add(1);
        }
    }

    /// Sets the counts of `level` directly (e.g. from a database `COUNT`).
    pub fn set(&mut self, level: CefrLevel, tally: LevelTally) {
        self.levels[usize::from(level.step())] = tally;
    }

    /// The counts of `level`.
    pub fn get(&self, level: CefrLevel) -> LevelTally {
        self.levels[usize::from(level.step())]
    }

    /// Statements and "I can do this" answers over all levels (for "12 of 30").
    pub fn total(&self) -> LevelTally {
        self.levels
            .iter()
            .fold(LevelTally::default(), |sum, t| LevelTally {
                statements: sum.statements.saturating_add(t.statements),
                can_do: sum.can_do.saturating_add(t.can_do),
            })
    }

    /// The level rule: the highest level L from A1 to C2 whose share of "I can do this" reaches
    /// `threshold`, as does every level from A1 up to L; Pre-A1 if A1 does not. A level with no
    /// statements does not pass, so it caps the result at the level below it.
    pub fn level(&self, threshold: Threshold) -> CefrLevel {
        CefrLevel::ALL
            .into_iter()
            .skip(1)
            .take_while(|&level| {
                let t = self.get(level);
                threshold.passes(t.can_do, t.statements)
            })
            .last()
            .unwrap_or(CefrLevel::PreA1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A tally with `(statements, can_do)` for Pre-A1, A1, … C2.
    fn tally(counts: [(u32, u32); 7]) -> SkillTally {
        let mut t = SkillTally::default();
        for (level, (statements, can_do)) in CefrLevel::ALL.into_iter().zip(counts) {
            t.set(level, LevelTally { statements, can_do });
        }
        t
    }

    #[test]
    fn levels_parse_their_file_values_and_labels() {
        assert_eq!(CefrLevel::parse("pre_a1"), Ok(CefrLevel::PreA1));
        assert_eq!(CefrLevel::parse(" B1 "), Ok(CefrLevel::B1));
        assert_eq!(CefrLevel::parse("Pre-A1"), Ok(CefrLevel::PreA1));
        for level in CefrLevel::ALL {
            assert_eq!(CefrLevel::parse(level.as_str()), Ok(level));
            assert_eq!(CefrLevel::parse(level.label()), Ok(level));
        }
        assert_eq!(
            CefrLevel::parse("a2+"),
            Err(Problem::NotOneOf {
                allowed: "pre_a1, a1, a2, b1, b2, c1, c2".into()
            })
        );
        assert_eq!(CefrLevel::parse(""), Err(Problem::Required));
    }

    #[test]
    fn levels_order_from_pre_a1_to_c2() {
        assert!(CefrLevel::ALL.windows(2).all(|w| w[0] < w[1]));
        assert!(CefrLevel::ALL
            .iter()
            .enumerate()
            .all(|(i, l)| usize::from(l.step()) == i));
        assert_eq!(CefrLevel::PreA1.to_string(), "Pre-A1");
    }

    #[test]
    fn skills_answers_and_occasions_parse_their_file_values() {
        assert_eq!(
            Skill::parse("Spoken_Interaction"),
            Ok(Skill::SpokenInteraction)
        );
        for skill in Skill::ALL {
            assert_eq!(Skill::parse(skill.as_str()), Ok(skill));
        }
        assert_eq!(
            Skill::parse("speaking"),
            Err(Problem::NotOneOf {
                allowed: "listening, reading, spoken_interaction, spoken_production, writing"
                    .into()
            })
        );
        for answer in Answer::ALL {
            assert_eq!(Answer::parse(answer.as_str()), Ok(answer));
        }
        assert_eq!(Occasion::parse(" finish"), Ok(Occasion::Finish));
        assert_eq!(
            Occasion::parse("end"),
            Err(Problem::NotOneOf {
                allowed: "start, checkpoint, finish".into()
            })
        );
    }

    #[test]
    fn the_threshold_is_80_percent_by_default_and_reads_percent_or_fraction() {
        assert_eq!(Threshold::default(), Threshold::percent(80).unwrap());
        assert_eq!(Threshold::parse("80 %"), Ok(Threshold::default()));
        assert_eq!(Threshold::parse("80"), Ok(Threshold::default()));
        assert_eq!(Threshold::parse("4/5"), Ok(Threshold::default()));
        assert_eq!(Threshold::parse("8/10").unwrap().to_string(), "4/5");
        assert_eq!(
            Threshold::parse("0"),
            Err(Problem::OutOfRange { min: 1, max: 100 })
        );
        assert_eq!(
            Threshold::parse("101%"),
            Err(Problem::OutOfRange { min: 1, max: 100 })
        );
        assert_eq!(
            Threshold::parse("6/5"),
            Err(Problem::OutOfRange { min: 1, max: 100 })
        );
        assert_eq!(Threshold::parse("0.8"), Err(Problem::NotAnInteger));
    }

    #[test]
    fn exactly_80_percent_passes_and_just_below_fails() {
        let t = Threshold::default();
        assert!(t.passes(4, 5));
        assert!(!t.passes(3, 5));
        assert!(t.passes(8, 10));
        assert!(!t.passes(7, 10));
        assert!(t.passes(6, 7)); // 85.7 %
        assert!(!t.passes(5, 7)); // 71.4 %
        assert_eq!(t.needed(7), 6);
        assert_eq!(t.needed(5), 4);
    }

    #[test]
    fn nothing_ticked_is_pre_a1() {
        let t = tally([(5, 0), (5, 0), (5, 0), (5, 0), (5, 0), (5, 0), (5, 0)]);
        assert_eq!(t.level(Threshold::default()), CefrLevel::PreA1);
        assert_eq!(
            SkillTally::default().level(Threshold::default()),
            CefrLevel::PreA1
        );
    }

    #[test]
    fn the_level_is_the_top_of_the_unbroken_run_from_a1() {
        let t = tally([(4, 4), (5, 5), (5, 4), (6, 5), (5, 3), (5, 5), (5, 5)]);
        assert_eq!(t.level(Threshold::default()), CefrLevel::B1);
    }

    #[test]
    fn a_gap_at_a_lower_level_caps_the_result() {
        let t = tally([(4, 4), (5, 5), (5, 3), (5, 5), (5, 5), (5, 5), (5, 5)]);
        assert_eq!(t.level(Threshold::default()), CefrLevel::A1);
    }

    #[test]
    fn pre_a1_statements_neither_gate_a1_nor_lower_the_floor() {
        let t = tally([(4, 0), (5, 4), (5, 0), (0, 0), (0, 0), (0, 0), (0, 0)]);
        assert_eq!(t.level(Threshold::default()), CefrLevel::A1);
    }

    #[test]
    fn a_level_without_statements_caps_the_result_below_it() {
        let t = tally([(4, 4), (5, 5), (5, 5), (0, 0), (5, 5), (5, 5), (5, 5)]);
        assert_eq!(t.level(Threshold::default()), CefrLevel::A2);
    }

    #[test]
    fn unanswered_statements_count_as_not_can_do() {
        let answers = [
            (CefrLevel::A1, Some(Answer::CanDo)),
            (CefrLevel::A1, Some(Answer::CanDo)),
            (CefrLevel::A1, Some(Answer::CanDo)),
            (CefrLevel::A1, Some(Answer::WithHelp)),
            (CefrLevel::A1, None),
        ];
        let t = SkillTally::from_answers(answers);
        assert_eq!(
            t.get(CefrLevel::A1),
            LevelTally {
                statements: 5,
                can_do: 3
            }
        );
        assert_eq!(t.level(Threshold::default()), CefrLevel::PreA1);
        assert_eq!(t.level(Threshold::percent(60).unwrap()), CefrLevel::A1);
        assert_eq!(
            t.total(),
            LevelTally {
                statements: 5,
                can_do: 3
            }
        );
    }

    #[test]
    fn all_can_do_reaches_c2() {
        let answers = CefrLevel::ALL
            .into_iter()
            .flat_map(|l| std::iter::repeat_n((l, Some(Answer::CanDo)), 3));
        assert_eq!(
            SkillTally::from_answers(answers).level(Threshold::default()),
            CefrLevel::C2
        );
    }

    // ---- properties ----

    fn any_answer() -> impl Strategy<Value = Option<Answer>> {
        prop_oneof![
            Just(None),
            Just(Some(Answer::CanDo)),
            Just(Some(Answer::WithHelp)),
            Just(Some(Answer::NotYet)),
        ]
    }

    /// A checklist: 0–8 statements per level, each with an answer.
    fn any_checklist() -> impl Strategy<Value = Vec<(CefrLevel, Option<Answer>)>> {
        proptest::collection::vec(proptest::collection::vec(any_answer(), 0..=8), 7).prop_map(
            |per_level| {
                CefrLevel::ALL
                    .into_iter()
                    .zip(per_level)
                    .flat_map(|(level, answers)| answers.into_iter().map(move |a| (level, a)))
                    .collect()
            },
        )
    }

    fn any_threshold() -> impl Strategy<Value = Threshold> {
        (1u32..=100).prop_map(|p| Threshold::percent(p).unwrap())
    }

    /// The reference: try every level from the top down; a level is reached when it and every
    /// level from A1 up to it have statements and can_do × 100 ≥ percent × statements.
    fn reference_level(checklist: &[(CefrLevel, Option<Answer>)], percent: u32) -> CefrLevel {
        let share_ok = |level: CefrLevel| {
            let statements = checklist.iter().filter(|(l, _)| *l == level).count() as u32;
            let can_do = checklist
                .iter()
                .filter(|(l, a)| *l == level && *a == Some(Answer::CanDo))
                .count() as u32;
            statements > 0 && can_do * 100 >= percent * statements
        };
        for top in CefrLevel::ALL.into_iter().rev() {
            if top != CefrLevel::PreA1
                && CefrLevel::ALL
                    .into_iter()
                    .filter(|l| *l >= CefrLevel::A1 && *l <= top)
                    .all(share_ok)
            {
                return top;
            }
        }
        CefrLevel::PreA1
    }

    proptest! {
        #[test]
        fn the_level_equals_the_reference(checklist in any_checklist(), percent in 1u32..=100) {
            let t = SkillTally::from_answers(checklist.iter().copied());
            prop_assert_eq!(t.level(Threshold::percent(percent).unwrap()), reference_level(&checklist, percent));
        }

        #[test]
        fn turning_an_answer_into_can_do_never_lowers_the_level(
            checklist in any_checklist(),
            pick in any::<proptest::sample::Index>(),
            threshold in any_threshold(),
        ) {
            prop_assume!(!checklist.is_empty());
            let before = SkillTally::from_answers(checklist.iter().copied()).level(threshold);
            let mut changed = checklist.clone();
            let i = pick.index(changed.len());
            changed[i].1 = Some(Answer::CanDo);
            let after = SkillTally::from_answers(changed).level(threshold);
            prop_assert!(after >= before);
        }

        #[test]
        fn a_level_passes_exactly_from_the_needed_count(statements in 1u32..200, threshold in any_threshold()) {
            let needed = threshold.needed(statements);
            prop_assert!(needed >= 1 && needed <= statements);
            prop_assert!(threshold.passes(needed, statements));
            prop_assert!(!threshold.passes(needed - 1, statements));
            let mut t = SkillTally::default();
            t.set(CefrLevel::A1, LevelTally { statements, can_do: needed });
            prop_assert_eq!(t.level(threshold), CefrLevel::A1);
            t.set(CefrLevel::A1, LevelTally { statements, can_do: needed - 1 });
            prop_assert_eq!(t.level(threshold), CefrLevel::PreA1);
        }

        #[test]
        fn a_failing_level_caps_the_result_below_it(checklist in any_checklist(), threshold in any_threshold()) {
            let t = SkillTally::from_answers(checklist);
            let level = t.level(threshold);
            for l in CefrLevel::ALL.into_iter().skip(1) {
                let lt = t.get(l);
                if !threshold.passes(lt.can_do, lt.statements) {
                    prop_assert!(level < l);
                }
            }
        }
    }
}
