//! How an introduction ended (the exit talk, FORMATS.md's `outcomes` kind): completed or left
//! early, what the person does after it, and how far they support themselves.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::participant::{format_date, parse_date, plain_text, ParticipantRef};
use crate::domain::problem::{parse_one_of, FieldProblem, Problem};
use crate::domain::status::ParticipantStatus;

/// The columns of the `outcomes` kind, in export order.
pub const OUTCOME_COLUMNS: [&str; 6] = [
    "participant_ref",
    "exit_date",
    "completion",
    "activity",
    "self_sufficiency",
    "note",
];

macro_rules! file_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// Every value, in the file format's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The file value.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// Parses a file value; surrounding whitespace and letter case are ignored.
            pub fn parse(s: &str) -> Result<Self, Problem> {
                parse_one_of(s, Self::ALL, Self::as_str)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

file_enum!(
    /// Whether the introduction ran its course.
    Completion {
        /// `completed`: the introduction ran its course.
        Completed => "completed",
        /// `left_early`: the person left before the planned end.
        LeftEarly => "left_early",
    }
);

file_enum!(
    /// What the person does after the introduction.
    Activity {
        /// `work`.
        Work => "work",
        /// `education`.
        Education => "education",
        /// `work_and_education`.
        WorkAndEducation => "work_and_education",
        /// `job_seeking`.
        JobSeeking => "job_seeking",
        /// `other`.
        Other => "other",
    }
);

file_enum!(
    /// How far the person supports themselves after the introduction.
    SelfSufficiency {
        /// `full`.
        Full => "full",
        /// `partial`.
        Partial => "partial",
        /// `none`.
        None => "none",
    }
);

impl Completion {
    /// The participant's status an outcome sets.
    pub fn status(self) -> ParticipantStatus {
        match self {
            Completion::Completed => ParticipantStatus::Completed,
            Completion::LeftEarly => ParticipantStatus::LeftEarly,
        }
    }
}

impl Activity {
    /// In work after the introduction (FORMATS.md: `work` or `work_and_education`).
    pub fn in_work(self) -> bool {
        matches!(self, Activity::Work | Activity::WorkAndEducation)
    }

    /// In education (and not counted as in work).
    pub fn in_education(self) -> bool {
        self == Activity::Education
    }

    /// Self-sufficient in the funders' sense: in work or in education.
    pub fn self_sufficient(self) -> bool {
        self.in_work() || self.in_education()
    }
}

/// The text fields of one `outcomes` row (or the exit-talk form); nothing checked yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct RawOutcome {
    /// `participant_ref`.
    pub participant_ref: String,
    /// `exit_date`.
    pub exit_date: String,
    /// `completion`.
    pub completion: String,
    /// `activity`.
    pub activity: String,
    /// `self_sufficiency`.
    pub self_sufficiency: String,
    /// `note` (optional).
    pub note: String,
}

impl RawOutcome {
    /// Builds the raw row from a column lookup (absent columns are empty).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let field = |column: &str| get(column).unwrap_or_default().to_owned();
        RawOutcome {
            participant_ref: field("participant_ref"),
            exit_date: field("exit_date"),
            completion: field("completion"),
            activity: field("activity"),
            self_sufficiency: field("self_sufficiency"),
            note: field("note"),
        }
    }
}

/// A valid outcome. Whether the exit date lies on or after the participant's start is checked
/// against the register when it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OutcomeRecord {
    /// Whose.
    pub participant_ref: ParticipantRef,
    /// The exit talk's day, not in the future: the introduction's end date.
    pub exit_date: NaiveDate,
    /// Completed or left early.
    pub completion: Completion,
    /// What the person does after it.
    pub activity: Activity,
    /// How far they support themselves.
    pub self_sufficiency: SelfSufficiency,
    /// A note, at most [`OutcomeRecord::MAX_NOTE`] characters (may be empty).
    pub note: String,
}

impl OutcomeRecord {
    /// Longest note, in characters.
    pub const MAX_NOTE: usize = 1000;

    /// Checks every field of `raw` on `today`; returns every problem (in column order) if any.
    pub fn validate(raw: &RawOutcome, today: NaiveDate) -> Result<Self, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut keep = |field: &str, value: &str, problem: Problem| {
            problems.push(FieldProblem::new(field, value, problem));
        };
        let participant_ref = ParticipantRef::parse(&raw.participant_ref);
        if let Err(p) = &participant_ref {
            keep("participant_ref", &raw.participant_ref, p.clone());
        }
        let exit_date = parse_date(&raw.exit_date).and_then(|d| {
            if d > today {
                Err(Problem::DateInFuture)
            } else {
                Ok(d)
            }
        });
        if let Err(p) = &exit_date {
            keep("exit_date", &raw.exit_date, p.clone());
        }
        let completion = Completion::parse(&raw.completion);
        if let Err(p) = &completion {
            keep("completion", &raw.completion, p.clone());
        }
        let activity = Activity::parse(&raw.activity);
        if let Err(p) = &activity {
            keep("activity", &raw.activity, p.clone());
        }
        let self_sufficiency = SelfSufficiency::parse(&raw.self_sufficiency);
        if let Err(p) = &self_sufficiency {
            keep("self_sufficiency", &raw.self_sufficiency, p.clone());
        }
        let note = if raw.note.trim().is_empty() {
            Ok(String::new())
        } else {
            plain_text(&raw.note, Self::MAX_NOTE)
        };
        if let Err(p) = &note {
            keep("note", &raw.note, p.clone());
        }
        match (
            participant_ref,
            exit_date,
            completion,
            activity,
            self_sufficiency,
            note,
        ) {
            (
                Ok(participant_ref),
                Ok(exit_date),
                Ok(completion),
                Ok(activity),
                Ok(self_sufficiency),
                Ok(note),
            ) if problems.is_empty() => Ok(OutcomeRecord {
                participant_ref,
                exit_date,
                completion,
                activity,
                self_sufficiency,
                note,
            }),
            _ => Err(problems),
        }
    }

    /// The natural key: one outcome per participant.
    pub fn key(&self) -> ParticipantRef {
        self.participant_ref.clone()
    }

    /// The row as the export writes it.
    pub fn to_csv_fields(&self) -> Vec<String> {
        vec![
            self.participant_ref.as_str().to_owned(),
            format_date(self.exit_date),
            self.completion.as_str().to_owned(),
            self.activity.as_str().to_owned(),
            self.self_sufficiency.as_str().to_owned(),
            self.note.clone(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
    }

    fn raw() -> RawOutcome {
        RawOutcome {
            participant_ref: "P-0042".into(),
            exit_date: "2026-06-30".into(),
            completion: "completed".into(),
            activity: "work_and_education".into(),
            self_sufficiency: "partial".into(),
            note: "Kock på Farstaskolan".into(),
        }
    }

    #[test]
    fn a_valid_outcome_round_trips_through_its_csv_fields() {
        let r = OutcomeRecord::validate(&raw(), today()).unwrap();
        assert_eq!(r.completion.status(), ParticipantStatus::Completed);
        assert_eq!(
            r.to_csv_fields(),
            vec![
                "P-0042",
                "2026-06-30",
                "completed",
                "work_and_education",
                "partial",
                "Kock på Farstaskolan"
            ]
        );
    }

    #[test]
    fn an_exit_date_in_the_future_is_refused() {
        let mut r = raw();
        r.exit_date = "2026-12-04".into();
        let problems = OutcomeRecord::validate(&r, today()).unwrap_err();
        assert_eq!(problems[0].field, "exit_date");
        assert_eq!(problems[0].problem, Problem::DateInFuture);
    }

    #[test]
    fn every_bad_column_is_reported_at_once() {
        let r = RawOutcome {
            participant_ref: "P 1".into(),
            exit_date: "30/6".into(),
            completion: "done".into(),
            activity: "working".into(),
            self_sufficiency: "yes".into(),
            note: "tab\there".into(),
        };
        let fields: Vec<String> = OutcomeRecord::validate(&r, today())
            .unwrap_err()
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(
            fields,
            [
                "participant_ref",
                "exit_date",
                "completion",
                "activity",
                "self_sufficiency",
                "note"
            ]
        );
    }

    #[test]
    fn in_work_counts_work_and_both_and_education_counts_education_only() {
        use Activity::*;
        let work: Vec<_> = Activity::ALL.iter().filter(|a| a.in_work()).collect();
        assert_eq!(work, [&Work, &WorkAndEducation]);
        let education: Vec<_> = Activity::ALL.iter().filter(|a| a.in_education()).collect();
        assert_eq!(education, [&Education]);
        assert!(!JobSeeking.self_sufficient() && !Other.self_sufficient());
    }

    proptest! {
        #[test]
        fn parsing_accepts_exactly_the_file_values(s in "[a-z_ ]{0,20}") {
            let known = Activity::ALL.iter().any(|a| a.as_str() == s.trim());
            prop_assert_eq!(Activity::parse(&s).is_ok(), known);
        }
    }
}
