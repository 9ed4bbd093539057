//! Who someone is to the system: the three staff roles and the signed-in principal.

use serde::{Deserialize, Serialize};

use super::ids::{ParticipantId, UserId};

/// A staff role. Participants are not users; they sign in with a code and a PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// The programme office: runs the register, sees and edits everything.
    Coordinator,
    /// An SFI teacher: sees the participants of their groups.
    Teacher,
    /// A mentor at a school: sees their own participants.
    Mentor,
}

/// The text was not one of `coordinator`, `teacher`, `mentor`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}: use coordinator, teacher or mentor")]
pub struct UnknownRole(pub String);

impl Role {
    /// All roles, in the order they are listed to users.
    pub const ALL: [Role; 3] = [Role::Coordinator, Role::Teacher, Role::Mentor];

    /// Parses the stored / command-line spelling (lower case).
    pub fn parse(text: &str) -> Result<Self, UnknownRole> {
        match text.trim() {
            "coordinator" => Ok(Role::Coordinator),
            "teacher" => Ok(Role::Teacher),
            "mentor" => Ok(Role::Mentor),
            other => Err(UnknownRole(other.to_owned())),
        }
    }

    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Teacher => "teacher",
            Role::Mentor => "mentor",
        }
    }
}

/// Whoever is signed in for a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Principal {
    /// A staff member with their role.
    Staff {
        /// The user's id.
        user: UserId,
        /// The user's role.
        role: Role,
    },
    /// A participant signed in on a tablet.
    Participant(ParticipantId),
}

impl Principal {
    /// The staff role, if a staff member.
    pub fn role(&self) -> Option<Role> {
        match self {
            Principal::Staff { role, .. } => Some(*role),
            Principal::Participant(_) => None,
        }
    }

    /// True for coordinators.
    pub fn is_coordinator(&self) -> bool {
        self.role() == Some(Role::Coordinator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_parses_from_its_own_spelling() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
    }

    #[test]
    fn an_unknown_role_is_rejected() {
        assert!(Role::parse("admin").is_err());
        assert!(Role::parse("Coordinator").is_err());
    }
}
