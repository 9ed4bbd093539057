//! The parts of the national test and the optional part results of one test.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Grade, GradeScale, SfiProblem};

/// A part of the national test whose result may be recorded beside the course grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// `reading`
    Reading,
    /// `listening`
    Listening,
    /// `speaking`
    Speaking,
    /// `writing`
    Writing,
}

impl Part {
    /// All parts, in the order of the file columns.
    pub const ALL: [Part; 4] = [
        Part::Reading,
        Part::Listening,
        Part::Speaking,
        Part::Writing,
    ];

    /// The column name: `reading`, `listening`, `speaking` or `writing`.
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Reading => "reading",
            Part::Listening => "listening",
            Part::Speaking => "speaking",
            Part::Writing => "writing",
        }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The optional part results of one test, all of the result's grade scale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PartResults {
    /// Reading.
    pub reading: Option<Grade>,
    /// Listening (course B combines listening and reading; record it in either or both).
    pub listening: Option<Grade>,
    /// Speaking.
    pub speaking: Option<Grade>,
    /// Writing.
    pub writing: Option<Grade>,
}

impl PartResults {
    /// Parses the four part fields (in the order of [`Part::ALL`]; empty = no result) with the
    /// grades of `scale`; every invalid field is reported with its part, in column order.
    pub fn parse(scale: GradeScale, fields: [&str; 4]) -> Result<Self, Vec<(Part, SfiProblem)>> {
        let mut results = PartResults::default();
        let mut problems = Vec::new();
        for (part, field) in Part::ALL.into_iter().zip(fields) {
            match Grade::parse_optional(scale, field) {
                Ok(grade) => *results.get_mut(part) = grade,
                Err(problem) => problems.push((part, problem)),
            }
        }
        if problems.is_empty() {
            Ok(results)
        } else {
            Err(problems)
        }
    }

    /// The result of `part`.
    pub fn get(&self, part: Part) -> Option<Grade> {
        match part {
            Part::Reading => self.reading,
            Part::Listening => self.listening,
            Part::Speaking => self.speaking,
            Part::Writing => self.writing,
        }
    }

    /// The result of `part`, to change.
    fn get_mut(&mut self, part: Part) -> &mut Option<Grade> {
        match part {
            Part::Reading => &mut self.reading,
            Part::Listening => &mut self.listening,
            Part::Speaking => &mut self.speaking,
            Part::Writing => &mut self.writing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_results_use_the_results_scale_and_may_be_empty() {
        let parts = PartResults::parse(GradeScale::FA, ["C", "", " e ", ""]).unwrap();
        assert_eq!(parts.get(Part::Reading).map(Grade::as_str), Some("C"));
        assert_eq!(parts.listening, None);
        assert_eq!(parts.get(Part::Speaking).map(Grade::as_str), Some("E"));
        let problems = PartResults::parse(GradeScale::PassFail, ["VG", "G", "", "A"]).unwrap_err();
        let parts: Vec<Part> = problems.iter().map(|(p, _)| *p).collect();
        assert_eq!(parts, [Part::Reading, Part::Writing]);
        assert_eq!(
            problems[0].1.to_string(),
            "Not a grade of the scale IG–G. Allowed grades: IG, G."
        );
    }
}
