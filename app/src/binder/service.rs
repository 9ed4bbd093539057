//! The exit talk and the indicators (server only): parse into domain types, check against the
//! register, store through the same code as the `outcomes` file kind.

use crate::db::{self, hours::Recorder, Db};
use crate::domain::ids::ParticipantId;
use crate::domain::outcome::{OutcomeRecord, RawOutcome};
use crate::domain::participant::{format_date, parse_date};
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::role::Principal;
use crate::dto::{IndicatorsPage, OutcomeView};
use crate::error::AppError;
use crate::state::AppState;

/// The outcome of `participant` for the page.
pub async fn outcome(
    db: &Db,
    participant: ParticipantId,
    can_record: bool,
) -> Result<OutcomeView, AppError> {
    let stored = db::outcomes::of(db, participant).await?;
    Ok(OutcomeView {
        participant,
        outcome: stored.map(|s| (s.record, s.version)),
        can_record,
        today: crate::state::clock::today(),
    })
}

/// Validates and stores the exit talk typed into the form (`version`: the one the form
/// showed, so that a stale save is refused).
pub async fn save_outcome(
    state: &AppState,
    who: &Principal,
    participant: ParticipantId,
    mut raw: RawOutcome,
    version: Option<i64>,
) -> Result<(), AppError> {
    let detail = db::participants::get(&state.db, participant).await?;
    raw.participant_ref = detail.participant_ref.clone();
    let record = OutcomeRecord::validate(&raw, state.clock.today()).map_err(AppError::Invalid)?;
    if record.exit_date < detail.start_date {
        return Err(AppError::Invalid(vec![FieldProblem::new(
            "exit_date",
            raw.exit_date.clone(),
            Problem::BeforeParticipantStart {
                start: format_date(detail.start_date),
            },
        )]));
    }
    let mut tx = state.db.begin().await?;
    db::outcomes::save(&mut tx, participant, &record, version, Recorder::from(who))
        .await
        .map_err(stale_on("exit_date"))?;
    tx.commit().await.map_err(db::DbError::from)?;
    Ok(())
}

/// Removes the outcome if it still has `version`; the participant is active again.
pub async fn remove_outcome(
    state: &AppState,
    who: &Principal,
    participant: ParticipantId,
    version: i64,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    db::outcomes::remove(&mut tx, participant, version, Recorder::from(who))
        .await
        .map_err(stale_on("version"))?;
    tx.commit().await.map_err(db::DbError::from)?;
    Ok(())
}

/// A stale version becomes a problem on `field` ("someone else changed this"); other errors
/// pass.
fn stale_on(field: &'static str) -> impl FnOnce(db::DbError) -> AppError {
    move |e| {
        if matches!(&e, db::DbError::Conflict(p) if p.field == "version") {
            AppError::Invalid(vec![FieldProblem::new(
                field,
                "",
                Problem::ChangedMeanwhile,
            )])
        } else {
            e.into()
        }
    }
}

/// A start date typed into the filter (empty: no bound).
fn day(name: &str, text: &str) -> Result<Option<chrono::NaiveDate>, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_date(text)
        .map(Some)
        .map_err(|p| AppError::Invalid(vec![FieldProblem::new(name, text, p)]))
}

/// The indicators for start dates in `from`–`to`.
pub async fn indicators(db: &Db, from: &str, to: &str) -> Result<IndicatorsPage, AppError> {
    let (from, to) = (day("from", from)?, day("to", to)?);
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(AppError::Invalid(vec![FieldProblem::new(
                "to",
                format_date(t),
                Problem::EndBeforeStart,
            )]));
        }
    }
    let rows = crate::import::indicators::rows(db, from, to).await?;
    Ok(IndicatorsPage { from, to, rows })
}
