//! Sign-in throttling (server only): every attempt is counted, atomically and before its
//! secret is checked, against the code or e-mail address tried, the client's address and the
//! whole site; any of the three over its limit refuses the attempt unchecked.

use crate::db;
use crate::domain::credentials::{
    address_subject, Gate, ThrottlePolicy, ThrottleState, OVERALL_SUBJECT,
};
use crate::error::AppError;
use crate::state::AppState;

/// One of the counts an attempt is made against.
struct Counted {
    key: String,
    policy: ThrottlePolicy,
    state: ThrottleState,
    /// The code or e-mail address itself (cleared on success; the others are forgiven one).
    own: bool,
}

/// Runs `check` (which answers `Some` when the secret is right) if none of the attempt's
/// counts is over its limit; locks what goes over. `subject` is the code or e-mail address.
pub async fn attempt<T>(
    state: &AppState,
    subject: &str,
    check: impl std::future::Future<Output = Result<Option<T>, AppError>>,
) -> Result<T, AppError> {
    let now = db::now();
    let address = leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| state.auth.client_address(&parts));
    let mut subjects = vec![(subject.to_owned(), ThrottlePolicy::PER_SUBJECT, true)];
    if let Some(a) = address {
        subjects.push((address_subject(a), ThrottlePolicy::PER_ADDRESS, false));
    }
    subjects.push((OVERALL_SUBJECT.to_owned(), ThrottlePolicy::OVERALL, false));
    let mut counts = Vec::with_capacity(subjects.len());
    for (subject, policy, own) in subjects {
        let key = state.auth.throttle_key(&subject);
        let counted = db::throttle::count_attempt(&state.db, &key, now, policy.window_secs).await?;
        counts.push(Counted {
            key,
            policy,
            state: counted,
            own,
        });
    }
    let mut refused_until = None;
    for c in &counts {
        let until = match c.policy.before_check(&c.state, now) {
            Gate::Open => continue,
            Gate::Locked { until } => until,
            Gate::LockNow { until } => {
                db::throttle::lock(&state.db, &c.key, until).await?;
                until
            }
        };
        refused_until = refused_until.max(Some(until));
    }
    if let Some(until) = refused_until {
        tracing::warn!(client = ?address, "sign-in refused unchecked: over a limit");
        return Err(throttled(until, now));
    }
    match check.await? {
        Some(found) => {
            for c in &counts {
                if c.own {
                    db::throttle::clear(&state.db, &c.key).await?;
                } else {
                    db::throttle::forgive(&state.db, &c.key).await?;
                }
            }
            Ok(found)
        }
        None => {
            tracing::info!(client = ?address, "failed sign-in");
            let mut locked_until = None;
            for c in &counts {
                if let Some(until) = c.policy.after_wrong(&c.state, now) {
                    db::throttle::lock(&state.db, &c.key, until).await?;
                    locked_until = locked_until.max(Some(until));
                }
            }
            Err(locked_until.map_or(AppError::SignInFailed, |u| throttled(u, now)))
        }
    }
}

fn throttled(until: i64, now: i64) -> AppError {
    AppError::Throttled {
        minutes: (until - now + 59) / 60,
    }
}
