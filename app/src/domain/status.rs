//! Where a participant stands in the introduction.

use serde::{Deserialize, Serialize};

use super::problem::Problem;

/// The state of a participant's introduction. An end date goes with `Completed` and `LeftEarly`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ParticipantStatus {
    /// In the introduction (or about to start).
    Active,
    /// Finished the planned introduction.
    Completed,
    /// Left before the planned end.
    LeftEarly,
}

impl ParticipantStatus {
    /// All statuses in display order.
    pub const ALL: [ParticipantStatus; 3] = [
        ParticipantStatus::Active,
        ParticipantStatus::Completed,
        ParticipantStatus::LeftEarly,
    ];

    /// Parses the stored spelling.
    pub fn parse(text: &str) -> Result<Self, Problem> {
        match text.trim() {
            "active" => Ok(Self::Active),
            "completed" => Ok(Self::Completed),
            "left_early" => Ok(Self::LeftEarly),
            _ => Err(Problem::NotOneOf {
                allowed: "active, completed, left_early".to_owned(),
            }),
        }
    }

    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Completed => "completed",
            Self::LeftEarly => "left_early",
        }
    }

    /// Whether this status needs an end date.
    pub fn needs_end_date(self) -> bool {
        !matches!(self, Self::Active)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_round_trips_through_its_spelling() {
        for s in ParticipantStatus::ALL {
            assert_eq!(ParticipantStatus::parse(s.as_str()), Ok(s));
        }
    }

    #[test]
    fn only_finished_statuses_need_an_end_date() {
        assert!(!ParticipantStatus::Active.needs_end_date());
        assert!(ParticipantStatus::Completed.needs_end_date());
        assert!(ParticipantStatus::LeftEarly.needs_end_date());
    }
}
