//! Absences: the `absences` columns, the reasons, the raw row and the valid record.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::participant::{format_date, parse_date, plain_text, ParticipantRef};
use crate::domain::problem::{parse_one_of, FieldProblem, Problem};

/// The columns of the `absences` kind, in export order.
pub const ABSENCE_COLUMNS: [&str; 5] =
    ["participant_ref", "from_date", "to_date", "reason", "note"];

/// Why a participant was absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbsenceReason {
    /// `illness`
    Illness,
    /// `parental_leave`
    ParentalLeave,
    /// `holiday` (school holidays)
    Holiday,
    /// `closure` (the school or SFI closed)
    Closure,
    /// `other`
    Other,
}

impl AbsenceReason {
    /// All reasons, in the order of the file format.
    pub const ALL: [AbsenceReason; 5] = [
        AbsenceReason::Illness,
        AbsenceReason::ParentalLeave,
        AbsenceReason::Holiday,
        AbsenceReason::Closure,
        AbsenceReason::Other,
    ];

    /// The file value.
    pub fn as_str(self) -> &'static str {
        match self {
            AbsenceReason::Illness => "illness",
            AbsenceReason::ParentalLeave => "parental_leave",
            AbsenceReason::Holiday => "holiday",
            AbsenceReason::Closure => "closure",
            AbsenceReason::Other => "other",
        }
    }

    /// Parses a file value; surrounding whitespace and letter case are ignored.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        parse_one_of(s, AbsenceReason::ALL, AbsenceReason::as_str)
    }
}

/// The text fields of one `absences` row (or the absence form); nothing checked yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RawAbsence {
    /// `participant_ref`.
    pub participant_ref: String,
    /// `from_date`.
    pub from_date: String,
    /// `to_date`.
    pub to_date: String,
    /// `reason`.
    pub reason: String,
    /// `note` (optional).
    pub note: String,
}

impl RawAbsence {
    /// Builds the raw absence from a column lookup (absent columns are empty).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let field = |column: &str| get(column).unwrap_or_default().to_owned();
        RawAbsence {
            participant_ref: field("participant_ref"),
            from_date: field("from_date"),
            to_date: field("to_date"),
            reason: field("reason"),
            note: field("note"),
        }
    }
}

/// A valid absence: both days included. Absences may lie in the future (a planned holiday or
/// parental leave).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AbsenceRecord {
    /// Whose absence.
    pub participant_ref: ParticipantRef,
    /// First day.
    pub from_date: NaiveDate,
    /// Last day, not before the first.
    pub to_date: NaiveDate,
    /// Why.
    pub reason: AbsenceReason,
    /// A note, at most [`AbsenceRecord::MAX_NOTE`] characters (may be empty).
    pub note: String,
}

impl AbsenceRecord {
    /// Longest note, in characters.
    pub const MAX_NOTE: usize = 500;

    /// Checks every field of `raw`; returns every problem (in column order) if any.
    pub fn validate(raw: &RawAbsence) -> Result<Self, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut check = |field: &str, value: &str, r: Result<(), Problem>| {
            if let Err(problem) = r {
                problems.push(FieldProblem::new(field, value, problem));
            }
        };
        let participant_ref = ParticipantRef::parse(&raw.participant_ref);
        check(
            "participant_ref",
            &raw.participant_ref,
            participant_ref.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let from_date = parse_date(&raw.from_date);
        check(
            "from_date",
            &raw.from_date,
            from_date.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let to_date = parse_date(&raw.to_date).and_then(|to| match &from_date {
            Ok(from) if to < *from => Err(Problem::EndBeforeStart),
            _ => Ok(to),
        });
        check(
            "to_date",
            &raw.to_date,
            to_date.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let reason = AbsenceReason::parse(&raw.reason);
        check(
            "reason",
            &raw.reason,
            reason.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let note = if raw.note.trim().is_empty() {
            Ok(String::new())
        } else {
            plain_text(&raw.note, Self::MAX_NOTE)
        };
        check(
            "note",
            &raw.note,
            note.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        match (participant_ref, from_date, to_date, reason, note) {
            (Ok(participant_ref), Ok(from_date), Ok(to_date), Ok(reason), Ok(note))
                if problems.is_empty() =>
            {
                Ok(AbsenceRecord {
                    participant_ref,
                    from_date,
                    to_date,
                    reason,
                    note,
                })
            }
            _ => Err(problems),
        }
    }

    /// The natural key: participant and first day.
    pub fn key(&self) -> (ParticipantRef, NaiveDate) {
        (self.participant_ref.clone(), self.from_date)
    }

    /// The row of an `absences` export, in the order of [`ABSENCE_COLUMNS`].
    pub fn to_csv_fields(&self) -> Vec<String> {
        vec![
            self.participant_ref.as_str().to_owned(),
            format_date(self.from_date),
            format_date(self.to_date),
            self.reason.as_str().to_owned(),
            self.note.clone(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time_record::test_support::fields;

    #[test]
    fn absences_check_their_dates_and_reason() {
        let ok = AbsenceRecord::validate(&RawAbsence {
            participant_ref: "P-1".into(),
            from_date: "2026-12-21".into(),
            to_date: "2027-01-06".into(),
            reason: "Holiday".into(),
            note: " jullov ".into(),
        })
        .unwrap();
        assert_eq!(
            ok.to_csv_fields(),
            ["P-1", "2026-12-21", "2027-01-06", "holiday", "jullov"]
        );
        let e = AbsenceRecord::validate(&RawAbsence {
            participant_ref: "P 1".into(),
            from_date: "2026-12-21".into(),
            to_date: "2026-12-20".into(),
            reason: "sick".into(),
            note: "a\u{7}b".into(),
        })
        .unwrap_err();
        assert_eq!(fields(&e), ["participant_ref", "to_date", "reason", "note"]);
        assert_eq!(e[1].problem, Problem::EndBeforeStart);
    }
}
