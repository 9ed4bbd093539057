//! The product's own "I can …" statements for the ELP self-assessment (issue 4), kept as
//! versioned data in `app/catalogue/cefr-vN.csv` and loaded into the database at start, so
//! every assessment records which catalogue version it used.
//!
//! File format: UTF-8, `;`-separated, no quoting (texts never contain `;` or `"`), header
//! `id;skill;level;sv;en`, one statement per line, grouped by skill and level.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::cefr::{Answer, CefrLevel, Skill, SkillTally, Threshold};

/// The catalogue the product ships with now.
pub const CURRENT_VERSION: &str = "v1";

/// The text of the current catalogue.
pub const CURRENT_TEXT: &str = include_str!("../../catalogue/cefr-v1.csv");

/// Every catalogue version the product has shipped (name and text), oldest first: an
/// assessment is scored with the version its draft was begun on, even after a newer one ships.
pub const VERSIONS: &[(&str, &str)] = &[(CURRENT_VERSION, CURRENT_TEXT)];

/// Fewest and most statements per skill and level.
pub const STATEMENTS_PER_CELL: std::ops::RangeInclusive<usize> = 3..=8;

/// One "I can …" statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Stable id within the catalogue, e.g. `SI-B1-3`.
    pub id: String,
    /// The skill it belongs to.
    pub skill: Skill,
    /// The level it describes.
    pub level: CefrLevel,
    /// Swedish text.
    pub sv: String,
    /// English text.
    pub en: String,
}

/// A version of the catalogue: every statement, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    /// Version name, e.g. `v1`.
    pub version: String,
    /// The statements, grouped by skill then level.
    pub statements: Vec<Statement>,
}

/// Why a catalogue file cannot be used (a mistake in the repository, caught by its tests).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    /// The first line is not `id;skill;level;sv;en`.
    #[error("the first line must be id;skill;level;sv;en")]
    Header,
    /// A line without exactly five fields, or with an empty one.
    #[error("line {0}: five non-empty fields expected")]
    Fields(usize),
    /// An unknown skill or level.
    #[error("line {0}: unknown skill or level")]
    Value(usize),
    /// An id used twice.
    #[error("line {0}: the id is used twice")]
    DuplicateId(usize),
    /// A skill and level with too few or too many statements.
    #[error("{skill:?} {level:?} has {count} statements, allowed 3 to 8")]
    CellSize {
        /// The skill.
        skill: Skill,
        /// The level.
        level: CefrLevel,
        /// How many it has.
        count: usize,
    },
    /// A version the product never shipped.
    #[error("no catalogue version {0}")]
    UnknownVersion(String),
}

impl Catalogue {
    /// Parses and checks a catalogue file.
    pub fn parse(version: &str, text: &str) -> Result<Self, CatalogueError> {
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, header))
                if header.trim_start_matches('\u{feff}') == "id;skill;level;sv;en" => {}
            _ => return Err(CatalogueError::Header),
        }
        let mut statements = vec![];
        let mut ids = HashSet::new();
        for (i, line) in lines {
            let n = i + 1;
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split(';').map(str::trim).collect();
            let [id, skill, level, sv, en] = fields.as_slice() else {
                return Err(CatalogueError::Fields(n));
            };
            if [id, skill, level, sv, en].iter().any(|f| f.is_empty()) {
                return Err(CatalogueError::Fields(n));
            }
            let (Ok(skill), Ok(level)) = (Skill::parse(skill), CefrLevel::parse(level)) else {
                return Err(CatalogueError::Value(n));
            };
            if !ids.insert((*id).to_owned()) {
                return Err(CatalogueError::DuplicateId(n));
            }
            statements.push(Statement {
                id: (*id).to_owned(),
                skill,
                level,
                sv: (*sv).to_owned(),
                en: (*en).to_owned(),
            });
        }
        let catalogue = Catalogue {
            version: version.to_owned(),
            statements,
        };
        for skill in Skill::ALL {
            for level in CefrLevel::ALL {
                let count = catalogue.cell(skill, level).count();
                if !STATEMENTS_PER_CELL.contains(&count) {
                    return Err(CatalogueError::CellSize {
                        skill,
                        level,
                        count,
                    });
                }
            }
        }
        Ok(catalogue)
    }

    /// The catalogue the product ships with.
    pub fn current() -> Result<Self, CatalogueError> {
        Catalogue::parse(CURRENT_VERSION, CURRENT_TEXT)
    }

    /// The shipped catalogue `name` (see [`VERSIONS`]).
    pub fn version(name: &str) -> Result<Self, CatalogueError> {
        VERSIONS
            .iter()
            .find(|(v, _)| *v == name)
            .ok_or_else(|| CatalogueError::UnknownVersion(name.to_owned()))
            .and_then(|(v, text)| Catalogue::parse(v, text))
    }

    /// The level per skill when finishing: a skill none of whose statements has an answer is
    /// not assessed (`None`), never Pre-A1; the others by the level rule.
    pub fn finishing_levels(
        &self,
        answers: &BTreeMap<String, Answer>,
        threshold: Threshold,
    ) -> Vec<(Skill, Option<CefrLevel>)> {
        self.levels(answers, threshold)
            .into_iter()
            .map(|(skill, level)| {
                let started = self
                    .skill(skill)
                    .iter()
                    .any(|s| answers.contains_key(&s.id));
                (skill, started.then_some(level))
            })
            .collect()
    }

    /// The statements of one skill and level, in file order.
    pub fn cell(&self, skill: Skill, level: CefrLevel) -> impl Iterator<Item = &Statement> {
        self.statements
            .iter()
            .filter(move |s| s.skill == skill && s.level == level)
    }

    /// The statements of one skill, lowest level first.
    pub fn skill(&self, skill: Skill) -> Vec<&Statement> {
        let mut out: Vec<&Statement> = self
            .statements
            .iter()
            .filter(|s| s.skill == skill)
            .collect();
        out.sort_by_key(|s| s.level);
        out
    }

    /// The level of every skill by the level rule, from the answers given so far (statement
    /// id → answer; statements without an answer count as not "I can do this").
    pub fn levels(
        &self,
        answers: &BTreeMap<String, Answer>,
        threshold: Threshold,
    ) -> Vec<(Skill, CefrLevel)> {
        Skill::ALL
            .into_iter()
            .map(|skill| {
                let tally = SkillTally::from_answers(
                    self.skill(skill)
                        .into_iter()
                        .map(|s| (s.level, answers.get(&s.id).copied())),
                );
                (skill, tally.level(threshold))
            })
            .collect()
    }

    /// Number of statements per skill.
    pub fn counts(&self) -> BTreeMap<Skill, usize> {
        let mut out = BTreeMap::new();
        for s in &self.statements {
            *out.entry(s.skill).or_insert(0) += 1;
        }
        out
    }
}

/// The levels to store when finishing: those of the skills assessed. Finishing with no answer
/// at all is refused ([`Problem::NothingAnswered`]).
pub fn levels_to_store(
    levels: &[(Skill, Option<CefrLevel>)],
) -> Result<Vec<(Skill, CefrLevel)>, super::problem::Problem> {
    let out: Vec<(Skill, CefrLevel)> = levels
        .iter()
        .filter_map(|(s, l)| l.map(|l| (*s, l)))
        .collect();
    if out.is_empty() {
        return Err(super::problem::Problem::NothingAnswered);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_catalogue_is_complete_and_valid() {
        let c = Catalogue::current().unwrap();
        assert_eq!(c.version, "v1");
        for skill in Skill::ALL {
            for level in CefrLevel::ALL {
                let n = c.cell(skill, level).count();
                assert!(STATEMENTS_PER_CELL.contains(&n), "{skill:?} {level:?}: {n}");
            }
        }
        assert!(c
            .statements
            .iter()
            .all(|s| s.sv.starts_with("Jag ") && s.en.starts_with("I ")));
        assert!(c.statements.iter().all(|s| s.sv.chars().count() <= 120));
    }

    #[test]
    fn a_skill_lists_its_statements_lowest_level_first() {
        let c = Catalogue::current().unwrap();
        let listening = c.skill(Skill::Listening);
        assert_eq!(listening.first().unwrap().level, CefrLevel::PreA1);
        assert_eq!(listening.last().unwrap().level, CefrLevel::C2);
        assert!(listening.windows(2).all(|w| w[0].level <= w[1].level));
        assert_eq!(c.counts()[&Skill::Listening], listening.len());
    }

    #[test]
    fn levels_follow_the_rule_per_skill() {
        let c = Catalogue::current().unwrap();
        let mut answers = BTreeMap::new();
        // Every listening statement up to A2 "I can do this"; nothing else answered.
        for s in c.skill(Skill::Listening) {
            if s.level <= CefrLevel::A2 {
                answers.insert(s.id.clone(), Answer::CanDo);
            }
        }
        let levels = c.levels(&answers, Threshold::default());
        assert_eq!(levels[0], (Skill::Listening, CefrLevel::A2));
        assert!(levels[1..].iter().all(|(_, l)| *l == CefrLevel::PreA1));
        // One "with help" at A2 of five statements: 4/5 = 80 % still reaches the threshold.
        let a2 = c.cell(Skill::Listening, CefrLevel::A2).next().unwrap();
        answers.insert(a2.id.clone(), Answer::WithHelp);
        assert_eq!(c.levels(&answers, Threshold::default())[0].1, CefrLevel::A2);
        let second = c.cell(Skill::Listening, CefrLevel::A2).nth(1).unwrap();
        answers.insert(second.id.clone(), Answer::NotYet);
        assert_eq!(c.levels(&answers, Threshold::default())[0].1, CefrLevel::A1);
    }

    #[test]
    fn broken_files_are_refused_with_the_line() {
        let header = "id;skill;level;sv;en\n";
        assert_eq!(
            Catalogue::parse("x", "id;skill;sv\n"),
            Err(CatalogueError::Header)
        );
        assert_eq!(
            Catalogue::parse("x", &format!("{header}A;listening;a1;Jag\n")),
            Err(CatalogueError::Fields(2))
        );
        assert_eq!(
            Catalogue::parse("x", &format!("{header}A;hearing;a1;Jag;I\n")),
            Err(CatalogueError::Value(2))
        );
        assert_eq!(
            Catalogue::parse(
                "x",
                &format!("{header}A;listening;a1;Jag;I\nA;listening;a1;Jag;I\n")
            ),
            Err(CatalogueError::DuplicateId(3))
        );
        assert!(matches!(
            Catalogue::parse("x", &format!("{header}A;listening;a1;Jag;I\n")),
            Err(CatalogueError::CellSize { .. })
        ));
    }

    #[test]
    fn a_skill_never_started_is_not_assessed_never_pre_a1() {
        let c = Catalogue::current().unwrap();
        let mut answers = BTreeMap::new();
        // Listening: one "not yet" at Pre-A1 (started, so Pre-A1); writing: nothing at all.
        let first = c.skill(Skill::Listening)[0].id.clone();
        answers.insert(first, Answer::NotYet);
        let levels = c.finishing_levels(&answers, Threshold::default());
        assert_eq!(levels.len(), Skill::ALL.len());
        assert_eq!(levels[0], (Skill::Listening, Some(CefrLevel::PreA1)));
        assert!(levels[1..].iter().all(|(_, l)| l.is_none()), "{levels:?}");
        assert_eq!(
            levels_to_store(&levels),
            Ok(vec![(Skill::Listening, CefrLevel::PreA1)])
        );
    }

    #[test]
    fn finishing_with_no_answer_at_all_is_refused() {
        let c = Catalogue::current().unwrap();
        let levels = c.finishing_levels(&BTreeMap::new(), Threshold::default());
        assert!(levels.iter().all(|(_, l)| l.is_none()));
        assert_eq!(
            levels_to_store(&levels),
            Err(super::super::problem::Problem::NothingAnswered)
        );
    }

    #[test]
    fn an_assessment_is_scored_with_the_version_its_draft_used() {
        for (name, _) in VERSIONS {
            assert_eq!(Catalogue::version(name).unwrap().version, *name);
        }
        assert_eq!(Catalogue::version(CURRENT_VERSION), Catalogue::current());
        assert_eq!(
            Catalogue::version("v0"),
            Err(CatalogueError::UnknownVersion("v0".into()))
        );
    }

    proptest::proptest! {
        /// Whatever was answered, a skill has a level exactly when one of its statements has
        /// an answer, and that level is the level rule's.
        #[test]
        fn finishing_levels_agree_with_the_rule_for_started_skills(
            picks in proptest::collection::vec((0usize..400, 0usize..3), 0..60)
        ) {
            let c = Catalogue::current().unwrap();
            let mut answers = BTreeMap::new();
            for (i, a) in picks {
                let s = &c.statements[i % c.statements.len()];
                answers.insert(s.id.clone(), Answer::ALL[a]);
            }
            let rule = c.levels(&answers, Threshold::default());
            let finishing = c.finishing_levels(&answers, Threshold::default());
            for ((skill, level), (skill2, maybe)) in rule.into_iter().zip(finishing) {
                proptest::prop_assert_eq!(skill, skill2);
                let started = c.skill(skill).iter().any(|s| answers.contains_key(&s.id));
                proptest::prop_assert_eq!(maybe, started.then_some(level));
            }
        }
    }
}
