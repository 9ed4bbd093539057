//! What people type to sign in: staff passwords, participants' personal codes and PINs.
//!
//! Hashing happens on the server (argon2id); these types only decide what is acceptable.

use serde::{Deserialize, Serialize};

use super::problem::Problem;

/// A new participant PIN: 6 digits that are not trivial to guess, set by their mentor or a
/// coordinator. (PINs of 4 to 6 digits set before this rule keep working until they are reset:
/// signing in checks the hash, not this type.)
#[derive(Clone, PartialEq, Eq)]
pub struct Pin(String);

/// Whether six digits are among the first a guesser tries: one digit repeated (`000000`), a
/// run up or down (`123456`, `987654`, also across 9→0), or a repeated pair or triple
/// (`121212`, `123123`).
pub fn is_trivial_pin(digits: &[u8]) -> bool {
    let step = |d: i16| {
        digits
            .windows(2)
            .all(|w| (i16::from(w[1]) - i16::from(w[0])).rem_euclid(10) == d)
    };
    let period = |p: usize| digits.iter().enumerate().all(|(i, &d)| d == digits[i % p]);
    step(0) || step(1) || step(9) || period(2) || period(3)
}

impl Pin {
    /// The number of digits of a new PIN.
    pub const DIGITS: usize = 6;

    /// Accepts exactly six ASCII digits (surrounding spaces ignored) that are not trivial
    /// ([`is_trivial_pin`]).
    pub fn parse(text: &str) -> Result<Self, Problem> {
        let t = text.trim();
        if t.len() != Self::DIGITS || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Problem::BadPin);
        }
        let digits: Vec<u8> = t.bytes().map(|b| b - b'0').collect();
        if is_trivial_pin(&digits) {
            return Err(Problem::TrivialPin);
        }
        Ok(Self(t.to_owned()))
    }

    /// The digits, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin(****)")
    }
}

/// The alphabet of personal codes: no 0/O, 1/I/L, so a code copied from a binder is read right.
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Characters in a personal code.
pub const CODE_LEN: usize = 6;

/// A participant's short personal sign-in code, printed for their binder (e.g. `K7M4QX`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SignInCode(String);

impl SignInCode {
    /// Accepts the code as people type it: any case, spaces and dashes ignored.
    pub fn parse(text: &str) -> Result<Self, Problem> {
        let norm: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if norm.len() == CODE_LEN && norm.bytes().all(|b| CODE_ALPHABET.contains(&b)) {
            Ok(Self(norm))
        } else {
            Err(Problem::BadSignInCode)
        }
    }

    /// Builds a code from random numbers (one per character); the caller supplies randomness.
    pub fn from_random(random: [u32; CODE_LEN]) -> Self {
        let n = CODE_ALPHABET.len() as u32;
        Self(
            random
                .iter()
                .map(|r| char::from(CODE_ALPHABET[(r % n) as usize]))
                .collect(),
        )
    }

    /// The normalised code.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code grouped for print, `K7M-4QX`.
    pub fn for_print(&self) -> String {
        format!("{}-{}", &self.0[..3], &self.0[3..])
    }
}

/// Shortest staff password accepted.
pub const MIN_PASSWORD_LEN: usize = 10;

/// A staff password that meets the policy: at least 10 characters, at most 200.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    /// Checks the policy. Length counts characters, not bytes.
    pub fn parse(text: &str) -> Result<Self, Problem> {
        let n = text.chars().count();
        if n < MIN_PASSWORD_LEN {
            Err(Problem::PasswordTooShort {
                min: MIN_PASSWORD_LEN,
            })
        } else if n > 200 {
            Err(Problem::TooLong { max: 200 })
        } else {
            Ok(Self(text.to_owned()))
        }
    }

    /// The password, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(****)")
    }
}

/// How sign-in attempts are throttled: after `max_failures` failures within `window_secs`,
/// the subject (an e-mail address or a personal code) is locked for `lock_secs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures allowed within the window before a lock.
    pub max_failures: i64,
    /// Length of the counting window.
    pub window_secs: i64,
    /// Length of a lock.
    pub lock_secs: i64,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        Self {
            max_failures: 5,
            window_secs: 15 * 60,
            lock_secs: 15 * 60,
        }
    }
}

/// The stored throttle state of one subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ThrottleState {
    /// Failures counted in the current window.
    pub failures: i64,
    /// When the current window started (Unix seconds).
    pub window_started_at: i64,
    /// Locked until (Unix seconds); 0 when not locked.
    pub locked_until: i64,
}

impl ThrottlePolicy {
    /// Seconds the subject must still wait, if locked at `now`.
    pub fn locked_for(&self, state: &ThrottleState, now: i64) -> Option<i64> {
        (state.locked_until > now).then(|| state.locked_until - now)
    }

    /// The state after one more failure at `now`.
    pub fn after_failure(&self, state: &ThrottleState, now: i64) -> ThrottleState {
        let fresh_window = now - state.window_started_at >= self.window_secs;
        let failures = if fresh_window { 1 } else { state.failures + 1 };
        let window_started_at = if fresh_window {
            now
        } else {
            state.window_started_at
        };
        let locked_until = if failures >= self.max_failures {
            now + self.lock_secs
        } else {
            state.locked_until
        };
        ThrottleState {
            failures: if failures >= self.max_failures {
                0
            } else {
                failures
            },
            window_started_at,
            locked_until,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_pin_of_four_to_six_digits_is_accepted() {
        assert!(Pin::parse(" 583920 ").is_ok());
        assert!(Pin::parse("104729").is_ok());
    }

    #[test]
    fn a_pin_too_short_too_long_or_with_letters_is_rejected() {
        for bad in ["123", "1234", "86420", "1234567", "12a456", "", "١٢٣٤٥٦"] {
            assert_eq!(Pin::parse(bad), Err(Problem::BadPin), "{bad}");
        }
    }

    #[test]
    fn a_pin_is_never_printed_in_debug_output() {
        let pin = Pin::parse("583920").map(|p| format!("{p:?}"));
        assert_eq!(pin.as_deref(), Ok("Pin(****)"));
    }

    #[test]
    fn a_code_is_accepted_in_any_case_with_dash_and_spaces() {
        let code = SignInCode::parse(" k7m-4qx ");
        assert_eq!(code.map(|c| c.as_str().to_owned()), Ok("K7M4QX".to_owned()));
    }

    #[test]
    fn a_code_with_ambiguous_characters_is_rejected() {
        assert_eq!(SignInCode::parse("K7M4Q0"), Err(Problem::BadSignInCode));
        assert_eq!(SignInCode::parse("K7M4QI"), Err(Problem::BadSignInCode));
    }

    #[test]
    fn a_short_password_is_rejected_with_the_minimum() {
        assert_eq!(
            NewPassword::parse("short"),
            Err(Problem::PasswordTooShort { min: 10 })
        );
        assert!(NewPassword::parse("ten chars!").is_ok());
    }

    #[test]
    fn the_fifth_failure_in_the_window_locks_the_subject() {
        let policy = ThrottlePolicy::default();
        let mut state = ThrottleState::default();
        for i in 0..4 {
            state = policy.after_failure(&state, 1000 + i);
            assert_eq!(policy.locked_for(&state, 1000 + i), None);
        }
        state = policy.after_failure(&state, 1004);
        assert_eq!(policy.locked_for(&state, 1004), Some(15 * 60));
        assert_eq!(policy.locked_for(&state, 1004 + 15 * 60), None);
    }

    #[test]
    fn failures_outside_the_window_start_a_new_count() {
        let policy = ThrottlePolicy::default();
        let mut state = ThrottleState::default();
        for i in 0..4 {
            state = policy.after_failure(&state, 1000 + i);
        }
        state = policy.after_failure(&state, 1000 + 15 * 60 + 10);
        assert_eq!(state.failures, 1);
        assert_eq!(policy.locked_for(&state, 1000 + 15 * 60 + 10), None);
    }

    proptest! {
        #[test]
        fn every_generated_code_parses_back_to_itself(r in proptest::array::uniform6(any::<u32>())) {
            let code = SignInCode::from_random(r);
            prop_assert_eq!(SignInCode::parse(code.as_str()), Ok(code.clone()));
            prop_assert_eq!(SignInCode::parse(&code.for_print().to_lowercase()), Ok(code));
        }

        #[test]
        fn pin_parse_accepts_exactly_six_digits_that_are_not_trivial(s in "\\PC{0,8}|[0-9]{6}") {
            let t = s.trim();
            let six = t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit());
            let digits: Vec<u8> = t.bytes().map(|b| b.wrapping_sub(b'0')).collect();
            prop_assert_eq!(Pin::parse(&s).is_ok(), six && !is_trivial_pin(&digits));
        }

        /// Against a list written out: the trivial PINs are exactly the repeated digits, the
        /// runs up and down (with 9→0) and the repeated pairs and triples.
        #[test]
        fn the_trivial_pins_are_the_guessable_patterns(n in 0u32..1_000_000) {
            let s = format!("{n:06}");
            let mut trivial = std::collections::BTreeSet::new();
            for a in 0..10u8 {
                let up: String = (0..6).map(|i| char::from(b'0' + (a + i) % 10)).collect();
                let down: String = (0..6).map(|i| char::from(b'0' + (a + 10 * 6 - i) % 10)).collect();
                trivial.insert(up);
                trivial.insert(down);
                for b in 0..10u8 {
                    let pair: String = (0..6).map(|i| char::from(b'0' + if i % 2 == 0 { a } else { b })).collect();
                    trivial.insert(pair);
                    for c in 0..10u8 {
                        let triple: String = (0..6).map(|i| char::from(b'0' + [a, b, c][i % 3])).collect();
                        trivial.insert(triple);
                    }
                }
            }
            prop_assert_eq!(Pin::parse(&s) == Err(Problem::TrivialPin), trivial.contains(&s));
        }
    }
}
