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

/// Characters of a one-time password, without its separators.
pub const ONE_TIME_LEN: usize = 12;

impl NewPassword {
    /// A one-time password from random numbers (one per character; the caller supplies the
    /// randomness): three groups of four from the personal codes' alphabet, which has no
    /// look-alikes (`0`/`O`, `1`/`I`/`L`), e.g. `K7QM-2XPA-H9TR`. About 59 bits, read aloud or
    /// typed without mistakes, and long enough for [`NewPassword::parse`].
    pub fn one_time(random: [u32; ONE_TIME_LEN]) -> Self {
        let n = CODE_ALPHABET.len() as u32;
        let text = random
            .chunks(4)
            .map(|group| {
                group
                    .iter()
                    .map(|r| char::from(CODE_ALPHABET[(r % n) as usize]))
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("-");
        Self(text)
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(****)")
    }
}

/// How sign-in attempts are throttled: after `max_failures` failures within `window_secs`,
/// the subject (an e-mail address or a personal code, a client address, or the whole site) is
/// locked for `lock_secs`.
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
        Self::PER_SUBJECT
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

/// The throttle subject of a personal code.
pub fn code_subject(code: &SignInCode) -> String {
    code_subject_text(code.as_str())
}

/// The throttle subject of a personal code as stored in the register.
pub fn code_subject_text(code: &str) -> String {
    format!("code:{code}")
}

/// The throttle subject of a staff e-mail address (trimmed, lower case).
pub fn staff_subject(email: &str) -> String {
    format!("staff:{}", email.trim().to_lowercase())
}

/// The throttle subject of a client address.
pub fn address_subject(address: std::net::IpAddr) -> String {
    format!("addr:{address}")
}

/// The throttle subject of every attempt on the site.
pub const OVERALL_SUBJECT: &str = "overall";

/// What a counted attempt may do before its secret is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// The secret may be checked.
    Open,
    /// The subject is locked until then (Unix seconds): refuse without checking.
    Locked {
        /// End of the lock.
        until: i64,
    },
    /// The subject has just gone over its limit: lock it until then and refuse.
    LockNow {
        /// End of the new lock.
        until: i64,
    },
}

impl ThrottlePolicy {
    /// One code or e-mail address: five failures in 15 minutes lock it for 15 minutes.
    pub const PER_SUBJECT: Self = Self {
        max_failures: 5,
        window_secs: 15 * 60,
        lock_secs: 15 * 60,
    };

    /// One client address: 50 failures in 15 minutes (a school's tablets may share one
    /// address) lock it for 15 minutes, whichever codes were tried.
    pub const PER_ADDRESS: Self = Self {
        max_failures: 50,
        window_secs: 15 * 60,
        lock_secs: 15 * 60,
    };

    /// The whole site: 300 failures in 5 minutes (far above a city's mistyping, well below a
    /// spread-out guessing run) stop all sign-ins for one minute at a time, so guessing from
    /// many addresses stays slow; signed-in sessions are not affected.
    pub const OVERALL: Self = Self {
        max_failures: 300,
        window_secs: 5 * 60,
        lock_secs: 60,
    };

    /// Seconds the subject must still wait, if locked at `now`.
    pub fn locked_for(&self, state: &ThrottleState, now: i64) -> Option<i64> {
        (state.locked_until > now).then(|| state.locked_until - now)
    }

    /// Whether an attempt may be checked, given the state after counting it at `now`: no more
    /// than `max_failures` attempts are ever checked within one window, however many arrive at
    /// once.
    pub fn before_check(&self, counted: &ThrottleState, now: i64) -> Gate {
        if counted.locked_until > now {
            Gate::Locked {
                until: counted.locked_until,
            }
        } else if counted.failures > self.max_failures {
            Gate::LockNow {
                until: now + self.lock_secs,
            }
        } else {
            Gate::Open
        }
    }

    /// After a wrong secret: the end of the lock it starts, if this was the last failure
    /// allowed.
    pub fn after_wrong(&self, counted: &ThrottleState, now: i64) -> Option<i64> {
        (counted.failures >= self.max_failures).then_some(now + self.lock_secs)
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

    proptest! {
        /// A one-time password is three groups of four unambiguous characters and is itself a
        /// valid new password.
        #[test]
        fn a_one_time_password_is_three_groups_of_four_and_a_valid_password(
            r in proptest::array::uniform12(any::<u32>())
        ) {
            let otp = NewPassword::one_time(r);
            let text = otp.expose();
            let groups: Vec<&str> = text.split('-').collect();
            prop_assert_eq!(groups.len(), 3);
            prop_assert!(groups.iter().all(|g| g.len() == 4 && g.bytes().all(|b| CODE_ALPHABET.contains(&b))));
            prop_assert!(NewPassword::parse(text).is_ok());
        }
    }

    /// The state after counting attempts `1..=n` of one window starting at `t`.
    fn counted(n: i64, t: i64) -> ThrottleState {
        ThrottleState {
            failures: n,
            window_started_at: t,
            locked_until: 0,
        }
    }

    #[test]
    fn the_fifth_failure_in_the_window_locks_the_subject() {
        let policy = ThrottlePolicy::PER_SUBJECT;
        for n in 1..=4 {
            assert_eq!(policy.before_check(&counted(n, 1000), 1000 + n), Gate::Open);
            assert_eq!(policy.after_wrong(&counted(n, 1000), 1000 + n), None);
        }
        assert_eq!(policy.before_check(&counted(5, 1000), 1005), Gate::Open);
        assert_eq!(
            policy.after_wrong(&counted(5, 1000), 1005),
            Some(1005 + 15 * 60)
        );
    }

    #[test]
    fn an_attempt_over_the_limit_is_never_checked_and_starts_a_lock() {
        // Forty guesses at once are all counted before any is checked: only five reach the check.
        let policy = ThrottlePolicy::PER_SUBJECT;
        let checked = (1..=40)
            .filter(|&n| policy.before_check(&counted(n, 1000), 1000) == Gate::Open)
            .count();
        assert_eq!(checked, 5);
        assert_eq!(
            policy.before_check(&counted(6, 1000), 1001),
            Gate::LockNow {
                until: 1001 + 15 * 60
            }
        );
    }

    #[test]
    fn a_locked_subject_is_refused_until_the_lock_ends() {
        let policy = ThrottlePolicy::PER_SUBJECT;
        let locked = ThrottleState {
            failures: 1,
            window_started_at: 2000,
            locked_until: 2900,
        };
        assert_eq!(
            policy.before_check(&locked, 2000),
            Gate::Locked { until: 2900 }
        );
        assert_eq!(policy.locked_for(&locked, 2000), Some(900));
        assert_eq!(policy.before_check(&locked, 2900), Gate::Open);
        assert_eq!(policy.locked_for(&locked, 2900), None);
    }

    #[test]
    fn an_address_and_the_whole_site_allow_more_failures_than_one_code() {
        let (code, addr, all) = (
            ThrottlePolicy::PER_SUBJECT,
            ThrottlePolicy::PER_ADDRESS,
            ThrottlePolicy::OVERALL,
        );
        assert!(code.max_failures < addr.max_failures && addr.max_failures < all.max_failures);
        assert_eq!(addr.before_check(&counted(50, 0), 1), Gate::Open);
        assert!(matches!(
            addr.before_check(&counted(51, 0), 1),
            Gate::LockNow { .. }
        ));
        assert_eq!(all.after_wrong(&counted(300, 0), 10), Some(70));
        assert_eq!(ThrottlePolicy::default(), code);
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
