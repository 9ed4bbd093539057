//! SFI results' services: plain async functions that parse what was submitted into domain
//! types, apply the domain's rules and call the database. The server functions in `api`
//! decide who may call them.

use chrono::NaiveDate;

use super::api::{GridMember, GridRow, GridSaved, SfiGrid, SfiOverview};
use crate::db::Db;
use crate::domain::access::ParticipantLinks;
use crate::domain::cefr::Occasion;
use crate::domain::ids::{ParticipantId, SfiResultId, UserId};
use crate::domain::problem::{FieldProblem, FormRow, RowProblem};
use crate::domain::role::Principal;
use crate::domain::sfi::GradeScale;
use crate::domain::sfi_record::RawSfiResult;
use crate::dto::{Group, SfiResultRow};
use crate::error::AppError;

/// A participant's SFI results with versions, start and finish, and what `who` may do.
pub async fn overview(
    db: &Db,
    who: Principal,
    links: &ParticipantLinks,
    participant: ParticipantId,
    today: NaiveDate,
) -> Result<SfiOverview, AppError> {
    use crate::db;
    use crate::domain::access::{may_act_on, ParticipantAction};
    use crate::domain::role::{Principal, Role};
    use crate::domain::sfi::{start_and_finish, SfiResult};
    let detail = db::participants::get(db, participant).await?;
    let results = db::sfi::for_participant(db, participant).await?;
    let parsed: Vec<SfiResult> = results
        .iter()
        .filter_map(|r| {
            crate::domain::sfi_record::SfiRecord::validate(
                &db::sfi::raw_of(r),
                chrono::NaiveDate::MAX,
            )
            .ok()
            .map(|rec| SfiResult {
                date: rec.test_date,
                course: rec.course,
                occasion: Some(rec.occasion),
                grade: rec.grade,
            })
        })
        .collect();
    let sf = if parsed.len() == results.len() {
        start_and_finish(&parsed)
    } else {
        None
    };
    let can_record = may_act_on(&who, ParticipantAction::RecordResult, links);
    let staff = matches!(who, Principal::Staff { .. });
    let versions = if staff && may_act_on(&who, ParticipantAction::ViewHistory, links) {
        Some(db::sfi::versions(db, participant).await?)
    } else {
        None
    };
    let my_email = match who {
        Principal::Staff {
            role: Role::Teacher,
            user,
        } => Some(db::users::get(db, user).await?.email),
        _ => None,
    };
    Ok(SfiOverview {
        participant_ref: detail.participant_ref,
        study_path: detail.study_path,
        start_finish: sf.map(|s| (s.start_index, s.finish_index)),
        step: sf.and_then(|s| s.step()),
        results,
        versions,
        can_record,
        can_delete: may_act_on(&who, ParticipantAction::DeleteResult, links),
        teachers: if can_record {
            db::users::list(db, Some(Role::Teacher)).await?
        } else {
            vec![]
        },
        my_email,
        today: today.format("%Y-%m-%d").to_string(),
    })
}

/// The grid of `group`: each member's latest result and the courses they may take.
pub async fn grid(
    db: &Db,
    who: Principal,
    group: Group,
    today: NaiveDate,
) -> Result<SfiGrid, AppError> {
    use crate::db;
    use crate::domain::participant::StudyPath;
    use crate::domain::role::{Principal, Role};
    use crate::domain::sfi::{path_start, SfiCourse};
    let members = db::sfi::group_members(db, group.id).await?;
    let ids: Vec<ParticipantId> = members.iter().map(|m| m.0).collect();
    let results = db::sfi::for_participants(db, &ids).await?;
    let members = members
        .into_iter()
        .map(|(id, participant_ref, name, study_path)| {
            let latest = results
                .iter()
                .filter(|r| r.participant_id == id)
                .max_by(|a, b| (&a.test_date, &a.course).cmp(&(&b.test_date, &b.course)))
                .cloned();
            let study_path = study_path.and_then(|p| StudyPath::parse(&p.to_string()).ok());
            let first = study_path.map_or(SfiCourse::A, path_start);
            GridMember {
                id,
                participant_ref,
                name,
                study_path,
                occasion: if latest.is_some() {
                    Occasion::Checkpoint
                } else {
                    Occasion::Start
                },
                course: latest.as_ref().map_or(first, |r| r.course),
                grade_scale: latest
                    .as_ref()
                    .map_or(GradeScale::IgGVg, SfiResultRow::grade_scale),
                latest,
            }
        })
        .collect();
    let teacher_email = match who {
        Principal::Staff {
            role: Role::Teacher,
            user,
        } => db::users::get(db, user).await?.email,
        _ => db::users::get(db, group.teacher_id).await?.email,
    };
    Ok(SfiGrid {
        group,
        members,
        teachers: db::users::list(db, Some(Role::Teacher)).await?,
        teacher_email,
        today: today.format("%Y-%m-%d").to_string(),
    })
}

/// Stores the filled rows of the grid of `group`, all or nothing.
pub async fn save_grid(
    db: &Db,
    by: UserId,
    group: Group,
    test_date: String,
    teacher_email: String,
    rows: Vec<GridRow>,
    today: NaiveDate,
) -> Result<GridSaved, AppError> {
    use crate::db::{self, participants::ChangeSource};
    let members: Vec<String> = db::sfi::group_members(db, group.id)
        .await?
        .into_iter()
        .map(|m| m.1)
        .collect();
    let mut numbered = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        let raw = RawSfiResult {
            participant_ref: row.participant_ref,
            test_date: test_date.clone(),
            occasion: row.occasion,
            course: row.course,
            grade_scale: row.grade_scale,
            grade: row.grade,
            reading: row.reading,
            listening: row.listening,
            speaking: row.speaking,
            writing: row.writing,
            teacher_email: teacher_email.clone(),
        };
        if !raw.is_blank() && !members.contains(&raw.participant_ref) {
            return Err(AppError::Forbidden);
        }
        numbered.push((i, raw));
    }
    let refs: Vec<String> = numbered
        .iter()
        .map(|(_, r)| r.participant_ref.clone())
        .collect();
    let source = ChangeSource {
        source: "web",
        by: Some(by),
    };
    let stored = crate::import::sfi::store_raw(db, numbered, today, source).await?;
    if !stored.problems.is_empty() {
        // Date and teacher are shared by all rows: report them once, as the form's own fields.
        let mut shared = vec![];
        let mut problems = vec![];
        for p in stored.problems {
            if p.field.field == "test_date" || p.field.field == "teacher_email" {
                if !shared
                    .iter()
                    .any(|s: &FieldProblem| s.field == p.field.field)
                {
                    shared.push(p.field);
                }
            } else {
                problems.push(p);
            }
        }
        shared.extend(in_rows(problems, |i| {
            refs.get(i).cloned().map(FormRow::Participant)
        }));
        return Err(AppError::Invalid(shared));
    }
    Ok(GridSaved {
        created: stored.created,
        updated: stored.updated,
        unchanged: stored.unchanged,
    })
}

/// Corrects result `id` of `participant`; the earlier version is kept.
pub async fn correct(
    db: &Db,
    by: UserId,
    id: SfiResultId,
    participant: ParticipantId,
    raw: RawSfiResult,
    today: NaiveDate,
    seen: Seen,
) -> Result<(), AppError> {
    use crate::db::{self, participants::ChangeSource, DbError};

    use crate::domain::sfi_record::SfiRecord;
    let mut raw = raw;
    raw.participant_ref = db::participants::get(db, participant)
        .await?
        .participant_ref;
    let record = SfiRecord::validate(&raw, today).map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let (owner, teacher) = match db::sfi::resolve(&mut tx, &record).await? {
        Ok(found) => found,
        Err(problems) => return Err(AppError::Invalid(problems)),
    };
    let source = ChangeSource {
        source: "web",
        by: Some(by),
    };
    let saved = db::sfi::correct(
        &mut tx,
        id,
        owner.id,
        &record,
        teacher,
        source,
        seen.version,
    )
    .await;
    if crate::db::is_stale(&saved) {
        drop(tx);
        return Err(changed_meanwhile(db, participant, id, seen.locale).await);
    }
    saved?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// The version of a result that a form showed, and the editor's language.
#[derive(Debug, Clone, Copy)]
pub struct Seen {
    /// [`crate::dto::SfiResultRow::version`] as shown.
    pub version: i64,
    /// For the message about a change made meanwhile.
    pub locale: crate::i18n::Locale,
}

/// The refusal of a stale correction or deletion of result `id`: who changed it last, when, and
/// what it says now.
async fn changed_meanwhile(
    db: &Db,
    participant: ParticipantId,
    id: SfiResultId,
    locale: crate::i18n::Locale,
) -> AppError {
    let latest = match crate::db::sfi::versions(db, participant).await {
        Ok(v) => v.into_iter().find(|v| v.result_id == id),
        Err(e) => return e.into(),
    };
    let Some(v) = latest else {
        return AppError::NotFound;
    };
    let value = format!(
        "{}: {} ({})",
        v.values.course, v.values.grade, v.values.test_date
    );
    AppError::Invalid(vec![crate::error::changed_by(
        "grade",
        v.changed_by.as_deref(),
        &v.source,
        v.changed_at,
        value,
        locale,
    )])
}

/// Deletes result `id` of `participant` (a coordinator `by`), unless it changed since `seen`.
pub async fn delete(
    db: &Db,
    by: UserId,
    id: SfiResultId,
    participant: ParticipantId,
    seen: Seen,
) -> Result<(), AppError> {
    use crate::db::{self, participants::ChangeSource, DbError};
    let mut tx = db.begin().await?;
    let source = ChangeSource {
        source: "web",
        by: Some(by),
    };
    let deleted = db::sfi::delete(&mut tx, id, participant, source, seen.version).await;
    if crate::db::is_stale(&deleted) {
        drop(tx);
        return Err(changed_meanwhile(db, participant, id, seen.locale).await);
    }
    deleted?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Enters one result for a participant; a result with the same date and course is corrected
/// instead, and the same values twice store nothing new.
pub async fn create(
    db: &Db,
    participant: ParticipantId,
    mut raw: RawSfiResult,
    by: UserId,
    today: NaiveDate,
) -> Result<(), AppError> {
    use crate::db::participants::ChangeSource;
    raw.participant_ref = crate::db::participants::get(db, participant)
        .await?
        .participant_ref;
    let source = ChangeSource {
        source: "web",
        by: Some(by),
    };
    let stored = crate::import::sfi::store_raw(db, vec![(1, raw)], today, source).await?;
    if stored.problems.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(in_rows(stored.problems, |_| None)))
    }
}

/// Stored problems as the form shows them, each in the grid row `row_of` names for its line
/// (if any).
fn in_rows(
    problems: Vec<RowProblem>,
    row_of: impl Fn(usize) -> Option<FormRow>,
) -> Vec<FieldProblem> {
    problems
        .into_iter()
        .map(|p| match row_of(p.line) {
            Some(row) => p.field.in_row(row),
            None => p.field,
        })
        .collect()
}
