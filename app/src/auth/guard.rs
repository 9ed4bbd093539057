//! One authorisation guard for every feature's server functions: the rules live in
//! `domain::access`; this turns them into `Forbidden` and loads what a rule needs.

use super::audit;
use crate::auth::memo::RequestMemo;
use crate::db;
use crate::domain::access::{
    may, may_act_on, may_manage_group, ParticipantAction, ParticipantLinks, RegisterAction,
};
use crate::domain::ids::{GroupId, ParticipantId, UserId};
use crate::domain::role::Principal;
use crate::dto::Group;
use crate::error::AppError;
use crate::state::AppState;

/// The participant's links (mentor, groups), if `who` may do `action` on them. To anyone but a
/// coordinator, a participant who does not exist is `Forbidden` too (ids cannot be probed).
pub async fn participant(
    state: &AppState,
    who: &Principal,
    id: ParticipantId,
    action: ParticipantAction,
) -> Result<ParticipantLinks, AppError> {
    // A participant who does not exist is refused like one `who` may not see.
    let memo = RequestMemo::current();
    let links = match memo.as_ref().and_then(|m| m.links(id)) {
        Some(links) => links,
        None => {
            let found = db::participants::links(&state.db, id).await;
            let links =
                audit::refusals_about(state, who, Some(id), hidden_unless_coordinator(found, who))
                    .await?;
            if let Some(memo) = &memo {
                memo.remember_links(&links);
            }
            links
        }
    };
    if may_act_on(who, action, &links) {
        audit::allowed(state, who, id, action).await?;
        Ok(links)
    } else {
        Err(audit::refused(state, who, Some(id)).await)
    }
}

/// The group, if `who` is a coordinator or its teacher.
pub async fn group(state: &AppState, who: &Principal, id: GroupId) -> Result<Group, AppError> {
    let found = hidden_unless_coordinator(db::groups::get(&state.db, id).await, who);
    let group = audit::refusals(state, who, found).await?;
    if may_manage_group(who, group.teacher_id) {
        Ok(group)
    } else {
        Err(audit::refused(state, who, None).await)
    }
}

/// Whether `who` may do `action` on the register (a refusal is logged).
pub async fn register(
    state: &AppState,
    who: &Principal,
    action: RegisterAction,
) -> Result<(), AppError> {
    if may(who, action) {
        Ok(())
    } else {
        Err(audit::refused(state, who, None).await)
    }
}

/// The staff member's id (participants are refused, and the refusal logged).
pub async fn staff_user(state: &AppState, who: &Principal) -> Result<UserId, AppError> {
    match who {
        Principal::Staff { user, .. } => Ok(*user),
        Principal::Participant(_) => Err(audit::refused(state, who, None).await),
    }
}

/// A stored thing that `who` asked for by id: one that does not exist is refused like one they
/// may not see, so that ids cannot be probed (coordinators, who see everything, get "not found").
pub fn hidden_unless_coordinator<T>(
    found: Result<T, db::DbError>,
    who: &Principal,
) -> Result<T, AppError> {
    match found {
        Err(db::DbError::NotFound) if !who.is_coordinator() => Err(AppError::Forbidden),
        other => Ok(other?),
    }
}
