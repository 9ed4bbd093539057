//! Reading the access log (server only): a coordinator's view and the participant's own.

use crate::auth::audit::record;
use crate::db;
use crate::domain::access_log::{AccessEvent, LogSubject, NewAccess, RoleVisit, LOG_PAGE_LIMIT};
use crate::domain::ids::ParticipantId;
use crate::domain::problem::FieldProblem;
use crate::domain::role::Principal;
use crate::dto::LogPage;
use crate::error::AppError;
use crate::state::AppState;

/// The first instant of `day` in Stockholm (Unix seconds).
fn start_of(day: chrono::NaiveDate) -> i64 {
    use chrono::TimeZone;
    let midnight = day.and_time(chrono::NaiveTime::MIN);
    crate::state::clock::ZONE
        .from_local_datetime(&midnight)
        .earliest()
        .map_or_else(|| midnight.and_utc().timestamp(), |t| t.timestamp())
}

/// A date typed into the log's filter (`YYYY-MM-DD`), or `default` when empty.
fn date_field(
    name: &str,
    text: &str,
    default: chrono::NaiveDate,
) -> Result<chrono::NaiveDate, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(default);
    }
    crate::domain::participant::parse_date(text)
        .map_err(|problem| AppError::Invalid(vec![FieldProblem::new(name, text, problem)]))
}

/// The log of `subject` between the days typed (default: the last thirty days), read by the
/// coordinator `who`; the read itself is logged.
pub async fn read_log(
    state: &AppState,
    who: &Principal,
    subject: LogSubject,
    from: &str,
    to: &str,
) -> Result<LogPage, AppError> {
    let today = state.clock.today();
    let to = date_field("to", to, today)?;
    let from = date_field("from", from, to - chrono::Duration::days(30))?;
    if from > to {
        return Err(AppError::Invalid(vec![FieldProblem::new(
            "to",
            crate::domain::participant::format_date(to),
            crate::domain::problem::Problem::EndBeforeStart,
        )]));
    }
    let end = start_of(to + chrono::Duration::days(1));
    let mut entries =
        db::access_log::list(&state.db, subject, start_of(from), end, LOG_PAGE_LIMIT + 1).await?;
    let truncated = entries.len() as i64 > LOG_PAGE_LIMIT;
    entries.truncate(LOG_PAGE_LIMIT as usize);
    let (what, participant) = match subject {
        LogSubject::Participant(p) => ("participant".to_owned(), Some(p)),
        LogSubject::Staff(u) => (format!("staff {u}"), None),
        LogSubject::All => ("all".to_owned(), None),
    };
    let mut read = NewAccess::new(who.into(), AccessEvent::LogRead, what);
    read.participant = participant;
    record(state, read).await?;
    let mut staff = db::users::list(&state.db, None).await?;
    staff.sort_by(|a, b| a.display_name.cmp(&b.display_name));
    Ok(LogPage {
        entries,
        from,
        to,
        truncated,
        staff,
    })
}

/// How many of a participant's own visits the tablet lists.
const VISITS_SHOWN: i64 = 200;

/// Which staff roles read `participant`'s record on which days (one line per day and role),
/// newest first: what the participant sees of the log.
pub async fn visits(
    state: &AppState,
    participant: ParticipantId,
) -> Result<Vec<RoleVisit>, AppError> {
    let reads = db::access_log::staff_reads_of(&state.db, participant, VISITS_SHOWN).await?;
    let mut out: Vec<RoleVisit> = Vec::new();
    for (at, role) in reads {
        let Some(instant) = chrono::DateTime::from_timestamp(at, 0) else {
            continue;
        };
        let day = crate::state::clock::stockholm(instant).date();
        if !out.iter().any(|v| v.day == day && v.role == role) {
            out.push(RoleVisit { day, role });
        }
    }
    Ok(out)
}
