//! The five ELP skills, the answers to an "I can …" statement, and assessment occasions.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::problem::{parse_one_of, Problem};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
