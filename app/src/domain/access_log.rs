//! The access log (issue 17): who read which participant's record, who downloaded personal
//! data, who signed in and out or failed to, and who was refused. Stored append-only; these
//! are its events and what a coordinator asks of it.

use serde::{Deserialize, Serialize};

use super::access::ParticipantAction;
use super::ids::{ParticipantId, UserId};
use super::role::Role;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccessEvent {
    /// A staff member read part of a participant's record.
    Read,
    /// Someone downloaded a file with personal data.
    Download,
    /// A sign-in succeeded.
    SignIn,
    /// A session was ended by its owner.
    SignOut,
    /// A sign-in failed (wrong secret, unknown account, or refused while locked).
    SignInFailed,
    /// Someone was refused something they asked for.
    Refused,
    /// A coordinator read the access log itself.
    LogRead,
    /// A participant's personal data was erased (the entry names the erased row's number).
    Erase,
}

impl AccessEvent {
    /// Every event, in the order the log's filter offers them.
    pub const ALL: [AccessEvent; 8] = [
        AccessEvent::Read,
        AccessEvent::Download,
        AccessEvent::SignIn,
        AccessEvent::SignOut,
        AccessEvent::SignInFailed,
        AccessEvent::Refused,
        AccessEvent::LogRead,
        AccessEvent::Erase,
    ];

    /// The stored spelling (also the catalogue id's suffix).
    pub fn as_str(self) -> &'static str {
        match self {
            AccessEvent::Read => "read",
            AccessEvent::Download => "download",
            AccessEvent::SignIn => "sign_in",
            AccessEvent::SignOut => "sign_out",
            AccessEvent::SignInFailed => "sign_in_failed",
            AccessEvent::Refused => "refused",
            AccessEvent::LogRead => "log_read",
            AccessEvent::Erase => "erase",
        }
    }

    /// Parses the stored spelling.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.as_str() == text)
    }
}

/// The language passport, read as a whole (beside the results it shows).
pub const PASSPORT: &str = "passport";

/// Every part of a record a logged read names.
pub const READ_PARTS: [&str; 5] = ["record", "history", "results", "hours", PASSPORT];

/// The part of a participant's record a staff read covers, named for what `action` reads;
/// `None` for actions that change something (those leave their own history).
pub fn part_read(action: ParticipantAction) -> Option<&'static str> {
    match action {
        ParticipantAction::View => Some("record"),
        ParticipantAction::ViewHistory => Some("history"),
        ParticipantAction::ViewResults => Some("results"),
        ParticipantAction::ViewHours => Some("hours"),
        ParticipantAction::Edit
        | ParticipantAction::SetPin
        | ParticipantAction::RecordResult
        | ParticipantAction::DeleteResult
        | ParticipantAction::RecordTeaching
        | ParticipantAction::RecordSelfStudy
        | ParticipantAction::ManagePlan
        | ParticipantAction::ManageAbsence
        | ParticipantAction::RecordOutcome
        | ParticipantAction::RecordStep
        | ParticipantAction::RecordTalk
        | ParticipantAction::RecordPlacement => None,
    }
}

/// Who did it: a staff member (with the role they had then), a participant, or nobody signed
/// in (a failed sign-in, a refused request without a session).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Actor {
    /// A staff member.
    Staff {
        /// Their account.
        user: UserId,
        /// Their role when it happened.
        role: Role,
    },
    /// A participant on the tablet.
    Participant(ParticipantId),
    /// The operator, on the server's command line.
    Operator,
    /// Nobody signed in.
    Nobody,
}

impl From<&super::role::Principal> for Actor {
    fn from(p: &super::role::Principal) -> Self {
        match *p {
            super::role::Principal::Staff { user, role } => Actor::Staff { user, role },
            super::role::Principal::Participant(id) => Actor::Participant(id),
        }
    }
}

/// One event to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccess {
    /// Who.
    pub actor: Actor,
    /// What happened.
    pub event: AccessEvent,
    /// What it was about: the part of the record read, the file downloaded, the function or
    /// page refused, `staff` or `tablet` for sign-ins.
    pub what: String,
    /// The participant it was about, if one.
    pub participant: Option<ParticipantId>,
    /// How many rows a download held.
    pub rows: Option<i64>,
    /// The client's address, when known.
    pub address: Option<String>,
}

impl NewAccess {
    /// An event by `actor` with no participant, rows or address yet.
    pub fn new(actor: Actor, event: AccessEvent, what: impl Into<String>) -> Self {
        Self {
            actor,
            event,
            what: what.into(),
            participant: None,
            rows: None,
            address: None,
        }
    }

    /// About `participant`.
    pub fn about(mut self, participant: ParticipantId) -> Self {
        self.participant = Some(participant);
        self
    }

    /// A download of `rows` rows.
    pub fn rows(mut self, rows: i64) -> Self {
        self.rows = Some(rows);
        self
    }

    /// From `address`.
    pub fn from_address(mut self, address: Option<String>) -> Self {
        self.address = address;
        self
    }
}

/// One stored event, as the log's pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessEntry {
    /// When (Unix seconds).
    pub at: i64,
    /// Who.
    pub actor: Actor,
    /// The staff member's name, or the participant's (when the actor is one).
    pub actor_name: Option<String>,
    /// What happened.
    pub event: AccessEvent,
    /// What it was about.
    pub what: String,
    /// The participant it was about.
    pub participant: Option<ParticipantId>,
    /// That participant's reference and name, when they are still in the register.
    pub participant_label: Option<String>,
    /// Rows of a download.
    pub rows: Option<i64>,
    /// The client's address.
    pub address: Option<String>,
}

/// Whose events a coordinator asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LogSubject {
    /// Everything about one participant.
    Participant(ParticipantId),
    /// Everything one staff member did.
    Staff(UserId),
    /// Everything.
    All,
}

/// The most events one page of the log shows (newest first).
pub const LOG_PAGE_LIMIT: i64 = 500;

/// A participant's own view of the log: which staff roles read their record on which day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleVisit {
    /// The day (Stockholm).
    pub day: chrono::NaiveDate,
    /// The staff role.
    pub role: Role,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_parses_back_from_its_stored_spelling() {
        for e in AccessEvent::ALL {
            assert_eq!(AccessEvent::parse(e.as_str()), Some(e));
        }
        assert_eq!(AccessEvent::parse("update"), None);
    }

    #[test]
    fn reads_are_logged_and_changes_are_left_to_their_own_history() {
        assert_eq!(part_read(ParticipantAction::View), Some("record"));
        assert_eq!(part_read(ParticipantAction::ViewHours), Some("hours"));
        assert_eq!(part_read(ParticipantAction::ViewResults), Some("results"));
        assert_eq!(part_read(ParticipantAction::ViewHistory), Some("history"));
        assert_eq!(part_read(ParticipantAction::Edit), None);
        assert_eq!(part_read(ParticipantAction::RecordTeaching), None);
        for action in ParticipantAction::ALL {
            if let Some(part) = part_read(action) {
                assert!(READ_PARTS.contains(&part), "{part}");
            }
        }
    }
}
