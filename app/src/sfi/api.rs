//! Server functions of SFI results. Each one: who are you → may you → parse → database → DTO.
#![expect(
    missing_docs,
    reason = "#[server] generates a struct per function whose fields are the documented arguments"
)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::ids::{GroupId, ParticipantId, SfiResultId};
use crate::domain::sfi_record::RawSfiResult;
pub use crate::dto::{Group, SfiResultRow, SfiVersion, StaffUser};
use crate::error::AppError;

/// What a participant's page shows about SFI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SfiOverview {
    /// The participant's reference.
    pub participant_ref: String,
    /// Their study path.
    pub study_path: Option<crate::domain::participant::StudyPath>,
    /// Their results, by date then course.
    pub results: Vec<SfiResultRow>,
    /// Index (in `results`) of the start and, if any, the finish.
    pub start_finish: Option<(usize, Option<usize>)>,
    /// Courses moved from start to finish.
    pub step: Option<i8>,
    /// Every version of every result, newest first (staff only).
    pub versions: Option<Vec<SfiVersion>>,
    /// The viewer may enter and correct results.
    pub can_record: bool,
    /// The viewer may delete results.
    pub can_delete: bool,
    /// Teachers to choose from (when the viewer may record).
    pub teachers: Vec<StaffUser>,
    /// The viewer's e-mail when the viewer is a teacher (the form's default teacher).
    pub my_email: Option<String>,
    /// Today, `YYYY-MM-DD` (the form's default date and the latest allowed).
    pub today: String,
}

/// One row of the group grid: a member with the values to start from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridMember {
    /// Participant.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// Name.
    pub name: String,
    /// Study path.
    pub study_path: Option<crate::domain::participant::StudyPath>,
    /// Prefilled occasion: start without earlier results, otherwise checkpoint.
    pub occasion: crate::domain::cefr::Occasion,
    /// Prefilled course: the latest result's course, or the study path's first course.
    pub course: crate::domain::sfi::SfiCourse,
    /// Prefilled scale: the latest result's scale, or IG/G/VG.
    pub grade_scale: crate::domain::sfi::GradeScale,
    /// The latest result, shown for reference.
    pub latest: Option<SfiResultRow>,
}

/// The grid of a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SfiGrid {
    /// The group.
    pub group: Group,
    /// One row per member.
    pub members: Vec<GridMember>,
    /// Teachers to choose from.
    pub teachers: Vec<StaffUser>,
    /// The prefilled teacher: the viewer if a teacher, otherwise the group's teacher.
    pub teacher_email: String,
    /// Today, the prefilled test date.
    pub today: String,
}

/// One row of the grid as submitted (`rows[i][…]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GridRow {
    /// Whose row.
    pub participant_ref: String,
    /// Occasion.
    pub occasion: String,
    /// Course.
    pub course: String,
    /// Grade scale.
    pub grade_scale: String,
    /// Grade; with no grade and no part result the row is skipped.
    pub grade: String,
    /// Reading.
    pub reading: String,
    /// Listening.
    pub listening: String,
    /// Speaking.
    pub speaking: String,
    /// Writing.
    pub writing: String,
}

/// What saving the grid did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridSaved {
    /// New results.
    pub created: usize,
    /// Corrected results.
    pub updated: usize,
    /// Results already stored with the same values.
    pub unchanged: usize,
}

#[cfg(feature = "ssr")]
use crate::auth::guard;

/// A participant's SFI results, start and finish, history (staff) and what the viewer may do.
#[server(endpoint = "sfi/results")]
pub async fn sfi_results(participant: ParticipantId) -> Result<SfiOverview, AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let links =
        guard::participant(&state, &who, participant, ParticipantAction::ViewResults).await?;
    super::service::overview(&state.db, who, &links, participant, state.clock.today()).await
}

/// Enters one result for a participant (coordinators, the participant's teachers). A result
/// with the same date and course is corrected instead; the same values twice store nothing new.
#[server(endpoint = "sfi/create")]
pub async fn create_sfi_result(
    participant: ParticipantId,
    raw: RawSfiResult,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    guard::participant(&state, &who, participant, ParticipantAction::RecordResult).await?;
    let by = guard::staff_user(&state, &who).await?;
    super::service::create(&state.db, participant, raw, by, state.clock.today()).await?;
    leptos_axum::redirect(&format!("/participants/{participant}#sfi"));
    Ok(())
}

/// Corrects a result; the earlier version stays in the history. `version` is the result's
/// version the form showed: a result changed since is not overwritten.
#[server(endpoint = "sfi/correct")]
pub async fn correct_sfi_result(
    id: SfiResultId,
    raw: RawSfiResult,
    version: i64,
) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    let owner =
        guard::hidden_unless_coordinator(crate::db::sfi::owner_of(&state.db, id).await, &who);
    let participant = crate::auth::audit::refusals(&state, &who, owner).await?;
    guard::participant(&state, &who, participant, ParticipantAction::RecordResult).await?;
    let by = guard::staff_user(&state, &who).await?;
    let seen = super::service::Seen {
        version,
        locale: crate::i18n::request_locale(),
    };
    let today = state.clock.today();
    super::service::correct(&state.db, by, id, participant, raw, today, seen).await?;
    leptos_axum::redirect(&format!("/participants/{participant}#sfi"));
    Ok(())
}

/// Deletes a result (coordinators); the history keeps its last values and who deleted it. A
/// result changed since the page showed `version` is not deleted.
#[server(endpoint = "sfi/delete")]
pub async fn delete_sfi_result(id: SfiResultId, version: i64) -> Result<(), AppError> {
    use crate::domain::access::ParticipantAction;
    let (state, who) = crate::auth::session::require().await?;
    // Only coordinators may delete at all; nobody else learns whether the id exists.
    let owner =
        guard::hidden_unless_coordinator(crate::db::sfi::owner_of(&state.db, id).await, &who);
    let participant = crate::auth::audit::refusals(&state, &who, owner).await?;
    guard::participant(&state, &who, participant, ParticipantAction::DeleteResult).await?;
    let by = guard::staff_user(&state, &who).await?;
    let seen = super::service::Seen {
        version,
        locale: crate::i18n::request_locale(),
    };
    super::service::delete(&state.db, by, id, participant, seen).await?;
    leptos_axum::redirect(&format!("/participants/{participant}#sfi"));
    Ok(())
}

/// The grid of a group (coordinators, the group's teacher): one row per member, prefilled.
#[server(endpoint = "sfi/grid")]
pub async fn get_sfi_grid(group: GroupId) -> Result<SfiGrid, AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let group = guard::group(&state, &who, group).await?;
    super::service::grid(&state.db, who, group, state.clock.today()).await
}

/// Saves the grid of a test day in one transaction: every filled row, or — if any cell is
/// invalid — none. Empty rows are skipped. Saving the same grid twice stores it once.
#[server(endpoint = "sfi/grid/save")]
pub async fn save_sfi_grid(
    group: GroupId,
    test_date: String,
    teacher_email: String,
    #[server(default)] rows: Vec<GridRow>,
) -> Result<GridSaved, AppError> {
    let (state, who) = crate::auth::session::require().await?;
    let group = guard::group(&state, &who, group).await?;
    let by = guard::staff_user(&state, &who).await?;
    let today = state.clock.today();
    let saved =
        super::service::save_grid(&state.db, by, group, test_date, teacher_email, rows, today)
            .await;
    crate::auth::audit::refusals(&state, &who, saved).await
}
