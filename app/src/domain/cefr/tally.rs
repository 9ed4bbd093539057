//! One skill's checklist answers counted per level, and the ELP level rule.

use serde::{Deserialize, Serialize};

use super::{Answer, CefrLevel, Threshold};

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
