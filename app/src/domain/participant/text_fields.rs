//! Validated text fields: the participant id, person, school and district names, and email.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::parsing::plain_text;
use crate::domain::problem::Problem;

macro_rules! string_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The value as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = Problem;
            fn try_from(s: String) -> Result<Self, Problem> {
                Self::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }
    };
}

string_newtype!(
    /// The programme's own participant id, e.g. `P-0042`: 1–32 of A–Z, a–z, 0–9, `-`, `_`.
    /// Case is kept as written and compared exactly.
    ParticipantRef
);

impl ParticipantRef {
    /// Longest allowed id.
    pub const MAX_LEN: usize = 32;

    /// Trims and checks the id.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        let s = plain_text(s, Self::MAX_LEN)?;
        if s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            Ok(ParticipantRef(s))
        } else {
            Err(Problem::BadParticipantRef)
        }
    }
}

string_newtype!(
    /// A given or family name: trimmed, 1–100 characters, no control characters.
    PersonName
);

impl PersonName {
    /// Longest allowed name, in characters.
    pub const MAX_LEN: usize = 100;

    /// Trims and checks the name.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        plain_text(s, Self::MAX_LEN).map(PersonName)
    }
}

string_newtype!(
    /// A school name: trimmed, 1–100 characters, no control characters.
    SchoolName
);

impl SchoolName {
    /// Longest allowed name, in characters.
    pub const MAX_LEN: usize = 100;

    /// Trims and checks the name.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        plain_text(s, Self::MAX_LEN).map(SchoolName)
    }
}

string_newtype!(
    /// A city district name: trimmed, 1–100 characters, no control characters.
    DistrictName
);

impl DistrictName {
    /// Longest allowed name, in characters.
    pub const MAX_LEN: usize = 100;

    /// Trims and checks the name.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        plain_text(s, Self::MAX_LEN).map(DistrictName)
    }
}

string_newtype!(
    /// An email address, trimmed and lower-cased, at most 254 characters.
    Email
);

impl Email {
    /// Longest allowed address (RFC 5321 path limit).
    pub const MAX_LEN: usize = 254;

    /// Trims, lower-cases and checks the address: one `@`, a local part of
    /// 1–64 characters, a domain with at least one dot, no empty labels, no
    /// whitespace or control characters.
    pub fn parse(s: &str) -> Result<Self, Problem> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        let s = s.to_lowercase();
        if s.chars().count() > Self::MAX_LEN {
            return Err(Problem::TooLong { max: Self::MAX_LEN });
        }
        let Some((local, domain)) = s.split_once('@') else {
            return Err(Problem::BadEmail);
        };
        let sane_chars = |t: &str| {
            !t.chars()
                .any(|c| c.is_whitespace() || c.is_control() || "@,;:<>()[]\\\"".contains(c))
        };
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && sane_chars(local)
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..");
        let domain_ok = domain.contains('.')
            && sane_chars(domain)
            && domain
                .split('.')
                .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'));
        if local_ok && domain_ok {
            Ok(Email(s))
        } else {
            Err(Problem::BadEmail)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_participant_ref_like_p_0042_is_accepted_and_trimmed() {
        assert_eq!(
            ParticipantRef::parse("  P-0042 ").unwrap().as_str(),
            "P-0042"
        );
        assert!(ParticipantRef::parse("a_b-9").is_ok());
    }

    #[test]
    fn a_participant_ref_with_spaces_or_punctuation_is_rejected() {
        for bad in ["P 42", "P.42", "P/42", "Å-1", "P-42;"] {
            assert_eq!(ParticipantRef::parse(bad), Err(Problem::BadParticipantRef));
        }
    }

    #[test]
    fn a_participant_ref_longer_than_32_is_rejected() {
        assert!(ParticipantRef::parse(&"A".repeat(32)).is_ok());
        assert_eq!(
            ParticipantRef::parse(&"A".repeat(33)),
            Err(Problem::TooLong { max: 32 })
        );
    }

    #[test]
    fn an_empty_required_text_is_required() {
        assert_eq!(ParticipantRef::parse("  "), Err(Problem::Required));
        assert_eq!(PersonName::parse(""), Err(Problem::Required));
        assert_eq!(SchoolName::parse("\t "), Err(Problem::Required));
        assert_eq!(DistrictName::parse(""), Err(Problem::Required));
    }

    #[test]
    fn a_name_of_100_characters_is_accepted_and_101_rejected() {
        assert!(PersonName::parse(&"Ö".repeat(100)).is_ok());
        assert_eq!(
            PersonName::parse(&"Ö".repeat(101)),
            Err(Problem::TooLong { max: 100 })
        );
    }

    #[test]
    fn a_name_with_a_control_character_is_rejected() {
        assert_eq!(PersonName::parse("Ami\nna"), Err(Problem::ControlCharacter));
        assert_eq!(SchoolName::parse("A\tB"), Err(Problem::ControlCharacter));
    }

    #[test]
    fn an_email_is_trimmed_and_lowercased() {
        assert_eq!(
            Email::parse(" Anna.Berg@Stockholm.SE ").unwrap().as_str(),
            "anna.berg@stockholm.se"
        );
    }

    #[test]
    fn an_implausible_email_is_rejected() {
        for bad in [
            "anna",
            "anna@",
            "@stockholm.se",
            "anna@stockholm",
            "an na@stockholm.se",
            "anna@@stockholm.se",
            "anna@stockholm..se",
            ".anna@stockholm.se",
            "anna@-stockholm.se",
            "anna@stockholm.se;bo@x.se",
        ] {
            assert_eq!(Email::parse(bad), Err(Problem::BadEmail), "{bad}");
        }
    }

    #[test]
    fn an_email_longer_than_254_is_rejected() {
        let long = format!("{}@{}.se", "a".repeat(64), "b".repeat(200));
        assert_eq!(Email::parse(&long), Err(Problem::TooLong { max: 254 }));
    }

    proptest! {
        #[test]
        fn valid_names_are_kept_trimmed(name in "[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö' -]{0,98}") {
            let parsed = PersonName::parse(&format!("  {name} ")).unwrap();
            prop_assert_eq!(parsed.as_str(), name.trim());
        }
    }
}
