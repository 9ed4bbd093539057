//! Typed database ids, shared by browser and server, so a school id is never passed as a user id.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )*};
}

typed_id!(
    /// A staff member (coordinator, SFI teacher, mentor).
    UserId,
    /// A participant of the introduction.
    ParticipantId,
    /// A school (workplace of participants and mentors).
    SchoolId,
    /// A city district.
    DistrictId,
    /// A teaching group: a teacher's set of participants.
    GroupId,
    /// An uploaded file waiting for confirmation.
    PendingImportId,
    /// An SFI test result.
    SfiResultId,
    /// A recorded time entry (a taught lesson or self-study).
    TimeEntryId,
    /// An absence.
    AbsenceId,
    /// A weekly plan (one version of a participant's plan).
    PlanId,
    /// An entry of the programme's calendar (closed days).
    CalendarId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_serialises_as_a_bare_number() {
        assert_eq!(serde_json_like(UserId(42)), "42");
    }

    fn serde_json_like(id: UserId) -> String {
        id.to_string()
    }
}
