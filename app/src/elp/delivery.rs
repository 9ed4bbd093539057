//! Answers delivered from the tablet's queue (issue 12): the service behind
//! `assessment/deliver` and `assessment/waiting`. Plain async functions; the server functions
//! in `api` decide who may call them.

use super::api::DraftNote;
use crate::db::Db;
use crate::domain::cefr::{Answer, Skill};
use crate::domain::delivery::{DeliveryKey, TabletId, MAX_WAITING};
use crate::domain::ids::ParticipantId;
use crate::domain::problem::Problem;
use crate::error::AppError;

/// One answer as the tablet's queue sends it, fields as typed.
#[derive(Debug, Clone)]
pub struct RawDelivery {
    /// The idempotency key made on the tablet.
    pub key: String,
    /// The skill.
    pub skill: String,
    /// The statement's index in the skill (where to resume).
    pub index: usize,
    /// The statement's id in the catalogue.
    pub statement: String,
    /// `can_do`, `with_help` or `not_yet`.
    pub answer: String,
    /// Marked as "my goal".
    pub goal: bool,
}

/// Applies one delivered answer to `me`'s draft, once per key: `Ok(true)` when it was applied
/// now, `Ok(false)` when the key had already been applied (a repeated delivery). A statement
/// not in the draft's catalogue, or no draft, is `NotFound` (the tablet then drops the answer:
/// it can never apply).
pub async fn deliver(db: &Db, me: ParticipantId, raw: RawDelivery) -> Result<bool, AppError> {
    use crate::db::assessments as store;
    let key = DeliveryKey::parse(&raw.key).map_err(|p| AppError::field("key", &raw.key, p))?;
    let skill = Skill::parse(&raw.skill).map_err(|p| AppError::field("skill", &raw.skill, p))?;
    let answer =
        Answer::parse(&raw.answer).map_err(|p| AppError::field("answer", &raw.answer, p))?;
    let draft = store::draft(db, me).await?.ok_or(AppError::NotFound)?;
    let version = draft.catalogue_version.clone().ok_or(AppError::NotFound)?;
    let statements = store::statements(db, &version, skill, "sv").await?;
    if !statements.iter().any(|s| s.id == raw.statement) {
        return Err(AppError::NotFound);
    }
    let next = i64::try_from(raw.index.saturating_add(1)).unwrap_or(i64::MAX);
    let applied = store::answer_once(
        db,
        (key.as_str(), me),
        draft.id,
        &raw.statement,
        answer,
        raw.goal,
        (skill, next),
    )
    .await?;
    if !applied {
        tracing::info!(
            participant = me.0,
            key = key.as_str(),
            "a repeated delivery: applied once"
        );
    }
    Ok(applied)
}

/// Records that `tablet` holds `answers` answers of `participant` it could not send (their
/// session had ended). `token` must be the one the server put on that participant's pages
/// ([`crate::state::AuthConfig::waiting_token`]); anything else is refused, so nobody can
/// report for another person.
pub async fn report_waiting(
    state: &crate::state::AppState,
    participant: ParticipantId,
    token: &str,
    tablet: &str,
    answers: u32,
) -> Result<(), AppError> {
    let expected = state.auth.waiting_token(participant);
    if !crate::state::same_secret(token.as_bytes(), expected.as_bytes()) {
        return Err(AppError::Forbidden);
    }
    let tablet = TabletId::parse(tablet).map_err(|p| AppError::field("tablet", tablet, p))?;
    if answers > MAX_WAITING {
        return Err(AppError::field(
            "answers",
            &answers.to_string(),
            Problem::OutOfRange {
                min: 0,
                max: i64::from(MAX_WAITING),
            },
        ));
    }
    crate::db::assessments::set_waiting(&state.db, participant, tablet.as_str(), answers).await?;
    Ok(())
}

/// `participant`'s draft as staff see it: how far it is answered and how many answers wait on
/// tablets. `None` without a draft.
pub async fn draft_note(
    db: &Db,
    participant: ParticipantId,
) -> Result<Option<DraftNote>, AppError> {
    use crate::db::assessments as store;
    let Some(draft) = store::draft(db, participant).await? else {
        return Ok(None);
    };
    let mut total = 0;
    if let Some(version) = &draft.catalogue_version {
        for skill in Skill::ALL {
            total += store::statements(db, version, skill, "sv").await?.len();
        }
    }
    let answered = store::answers(db, draft.id)
        .await?
        .values()
        .filter(|(a, _)| a.is_some())
        .count();
    Ok(Some(DraftNote {
        occasion: draft.occasion,
        started_on: draft.assessed_on,
        answered,
        total,
        waiting: store::waiting(db, participant).await?,
    }))
}
