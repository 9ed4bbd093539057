//! Answers delivered from the tablet (issue 12): each carries an idempotency key made on the
//! tablet when the answer is given, and each tablet names itself with a random id, so that a
//! delivery repeated after a dropped connection is applied once and a report of answers
//! waiting on a tablet replaces that tablet's earlier report.

use serde::{Deserialize, Serialize};

use crate::domain::problem::Problem;

/// The shortest key accepted: a random key is far longer; a short one is a client's mistake.
pub const MIN_LEN: usize = 8;
/// The longest key accepted (a UUID has 36 characters).
pub const MAX_LEN: usize = 64;

fn token(raw: &str) -> Result<String, Problem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Problem::Required);
    }
    if raw.chars().count() > MAX_LEN {
        return Err(Problem::TooLong { max: MAX_LEN });
    }
    if raw.len() < MIN_LEN
        || !raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(Problem::BadParticipantRef);
    }
    Ok(raw.to_owned())
}

/// The idempotency key of one delivered answer: 8–64 characters of `A–Z a–z 0–9 - _`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DeliveryKey(String);

impl DeliveryKey {
    /// Parses a key as the tablet sent it.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        token(raw).map(Self)
    }

    /// The key as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The random name a tablet gives itself (kept in its storage): 8–64 characters of
/// `A–Z a–z 0–9 - _`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TabletId(String);

impl TabletId {
    /// Parses a tablet's id as it sent it.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        token(raw).map(Self)
    }

    /// The id as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The most answers one tablet may report as waiting for one participant: more than the whole
/// catalogue is a client's mistake.
pub const MAX_WAITING: u32 = 10_000;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_uuid_is_a_key() {
        let k = DeliveryKey::parse("3f2b8c1e-9a0d-4c57-8e21-5b7f4a9c0d13").map(|k| k.0);
        assert_eq!(k.as_deref(), Ok("3f2b8c1e-9a0d-4c57-8e21-5b7f4a9c0d13"));
    }

    #[test]
    fn a_key_is_required_and_short_or_odd_keys_are_refused() {
        assert_eq!(DeliveryKey::parse("  "), Err(Problem::Required));
        assert_eq!(DeliveryKey::parse("abc"), Err(Problem::BadParticipantRef));
        assert_eq!(
            DeliveryKey::parse("abcdefgh; DROP"),
            Err(Problem::BadParticipantRef)
        );
        assert_eq!(
            TabletId::parse(&"a".repeat(65)),
            Err(Problem::TooLong { max: 64 })
        );
    }

    proptest! {
        #[test]
        fn a_key_parses_exactly_when_it_has_8_to_64_allowed_characters(raw in "\\PC{0,80}") {
            let ok = DeliveryKey::parse(&raw).is_ok();
            let t = raw.trim();
            let expected = (MIN_LEN..=MAX_LEN).contains(&t.chars().count())
                && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            prop_assert_eq!(ok, expected);
        }

        #[test]
        fn a_parsed_key_keeps_its_text(raw in "[A-Za-z0-9_-]{8,64}") {
            prop_assert_eq!(DeliveryKey::parse(&raw).map(|k| k.as_str().to_owned()), Ok(raw));
        }
    }
}
