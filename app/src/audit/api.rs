//! Server functions of the access log: who are you → may you → service.
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use leptos::prelude::*;

use crate::domain::access_log::RoleVisit;
use crate::domain::ids::{ParticipantId, UserId};
use crate::error::AppError;

pub use crate::dto::LogPage;

/// The access log between two days (default: the last thirty), about one participant, by one
/// staff member, or everything (coordinators; the read is logged too).
#[server(endpoint = "audit/log")]
pub async fn get_access_log(
    #[server(default)] participant: Option<ParticipantId>,
    #[server(default)] staff: Option<UserId>,
    #[server(default)] from: String,
    #[server(default)] to: String,
) -> Result<LogPage, AppError> {
    use crate::domain::access::RegisterAction;
    use crate::domain::access_log::LogSubject;
    let (state, who) = crate::auth::session::require().await?;
    crate::auth::guard::register(&state, &who, RegisterAction::ReadAccessLog).await?;
    let subject = match (participant, staff) {
        (Some(p), _) => LogSubject::Participant(p),
        (None, Some(u)) => LogSubject::Staff(u),
        (None, None) => LogSubject::All,
    };
    super::service::read_log(&state, &who, subject, &from, &to).await
}

/// Which staff roles looked at the signed-in participant's record, and when.
#[server(endpoint = "audit/mine")]
pub async fn my_visits() -> Result<Vec<RoleVisit>, AppError> {
    use crate::domain::role::Principal;
    let (state, who) = crate::auth::session::require().await?;
    let Principal::Participant(me) = who else {
        return Err(crate::auth::audit::refused(&state, &who, None).await);
    };
    super::service::visits(&state, me).await
}
