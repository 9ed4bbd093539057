//! An uploaded file's way from the upload to the register: it is checked (a row report, nothing
//! stored), then, once confirmed, imported. Each step runs in the background on one server,
//! which shows a sign of life every second; a step whose server has been silent for
//! [`STOPPED_AFTER_SECS`] is taken for stopped, and the next server to look at the upload runs
//! it again (a step stores nothing until it ends, so running it again is safe).

/// Where an upload is on its way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UploadPhase {
    /// Its rows are being checked.
    Checking,
    /// Its row report is ready (valid or not).
    Checked,
    /// It is being imported.
    Importing,
    /// It has been imported; only the report is kept.
    Imported,
    /// A step stopped on an error of the server (logged); nothing was stored.
    Failed,
}

impl UploadPhase {
    /// Every phase.
    pub const ALL: [UploadPhase; 5] = [
        UploadPhase::Checking,
        UploadPhase::Checked,
        UploadPhase::Importing,
        UploadPhase::Imported,
        UploadPhase::Failed,
    ];

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            UploadPhase::Checking => "checking",
            UploadPhase::Checked => "checked",
            UploadPhase::Importing => "importing",
            UploadPhase::Imported => "imported",
            UploadPhase::Failed => "failed",
        }
    }

    /// The phase stored as `s`.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// True while a step runs (checking or importing).
    pub fn is_running(self) -> bool {
        matches!(self, UploadPhase::Checking | UploadPhase::Importing)
    }
}

/// How often (seconds) a running step shows its sign of life and its progress.
pub const HEARTBEAT_SECS: u64 = 1;

/// Seconds of silence after which a running step's server is taken for stopped.
pub const STOPPED_AFTER_SECS: i64 = 20;

/// Whether a step whose last sign of life was at `heartbeat` has stopped at `now` (Unix seconds).
pub fn has_stopped(heartbeat: i64, now: i64) -> bool {
    now.saturating_sub(heartbeat) > STOPPED_AFTER_SECS
}

/// Files up to this size (bytes) are checked and imported before the answer, so the report
/// shows at once; a larger file's steps run in the background while its page follows them.
pub const IN_REQUEST_BYTES: u64 = 1024 * 1024;

/// Whether a file of `bytes` is checked and imported before the answer.
pub fn in_request(bytes: u64) -> bool {
    bytes <= IN_REQUEST_BYTES
}

/// Percent of `done` out of `total`, rounded down, 0 to 100 (an empty file is done).
pub fn percent(done: u64, total: u64) -> u8 {
    if total == 0 {
        return 100;
    }
    let p = u128::from(done.min(total)) * 100 / u128::from(total);
    u8::try_from(p).unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_phase_reads_back_from_its_stored_name() {
        for p in UploadPhase::ALL {
            assert_eq!(UploadPhase::parse(p.as_str()), Some(p));
        }
        assert_eq!(UploadPhase::parse("done"), None);
    }

    #[test]
    fn only_checking_and_importing_are_running() {
        let running: Vec<_> = UploadPhase::ALL
            .into_iter()
            .filter(|p| p.is_running())
            .collect();
        assert_eq!(running, [UploadPhase::Checking, UploadPhase::Importing]);
    }

    #[test]
    fn a_step_is_taken_for_stopped_only_after_twenty_silent_seconds() {
        assert!(!has_stopped(1_000, 1_000));
        assert!(!has_stopped(1_000, 1_020));
        assert!(has_stopped(1_000, 1_021));
        // A sign of life from a clock slightly ahead is no stop.
        assert!(!has_stopped(1_005, 1_000));
    }

    #[test]
    fn a_file_of_up_to_one_megabyte_is_handled_before_the_answer() {
        assert!(in_request(0));
        assert!(in_request(1024 * 1024));
        assert!(!in_request(1024 * 1024 + 1));
    }

    #[test]
    fn an_empty_file_is_complete() {
        assert_eq!(percent(0, 0), 100);
    }

    proptest! {
        #[test]
        fn percent_is_monotonic_and_bounded(total in 1u64..u64::MAX, a in any::<u64>(), b in any::<u64>()) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(percent(lo, total) <= percent(hi, total));
            prop_assert!(percent(hi, total) <= 100);
            prop_assert_eq!(percent(total, total), 100);
            prop_assert_eq!(percent(0, total), 0);
        }
    }
}
