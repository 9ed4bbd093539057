//! Recorded time: one entry, an absence, and the group register (its sheet and saving it).

use super::*;

/// Validates and stores one time entry of `participant` (whose reference replaces the one in
/// `raw`), all or nothing.
pub async fn record_time(
    db: &Db,
    who: Principal,
    participant: ParticipantId,
    mut raw: crate::domain::time_record::RawTimeEntry,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    use crate::db::DbError;
    use crate::domain::time_record::TimeRecord;
    use crate::import::ImportReport;
    raw.participant_ref = crate::db::participants::get(db, participant)
        .await?
        .participant_ref;
    let record = TimeRecord::validate(&raw, now).map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let mut report = ImportReport::default();
    crate::import::time::save_entries(
        &mut tx,
        &[(1, record)],
        now,
        Recorder::from(&who),
        &mut report,
    )
    .await?;
    if !report.rows.is_empty() {
        tx.rollback().await.map_err(DbError::from)?;
        return Err(AppError::Invalid(
            report.rows.into_iter().map(|(_, field)| field).collect(),
        ));
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// Validates and stores an absence of `participant` (whose reference replaces the one in
/// `raw`); a correction when the first day matches.
pub async fn save_absence(
    db: &Db,
    who: Principal,
    participant: ParticipantId,
    mut raw: crate::domain::time_record::RawAbsence,
) -> Result<(), AppError> {
    use crate::db::{self, DbError};
    use crate::domain::time_record::AbsenceRecord;
    raw.participant_ref = db::participants::get(db, participant)
        .await?
        .participant_ref;
    let record = AbsenceRecord::validate(&raw).map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    db::hours::save_absence(&mut tx, participant, &record, Recorder::from(&who)).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// One recorded entry, for deciding who may remove it.
pub async fn entry(
    db: &Db,
    who: &Principal,
    id: crate::domain::ids::TimeEntryId,
) -> Result<crate::dto::TimeRow, AppError> {
    crate::auth::guard::hidden_unless_coordinator(crate::db::hours::time_entry(db, id).await, who)
}

/// What a page showed of a record it asks to change: its version (`None` from clients that do
/// not say, e.g. scripts), and the viewer's language for the message about a change made
/// meanwhile.
#[derive(Debug, Clone, Copy)]
pub struct Seen {
    /// The version shown.
    pub version: Option<i64>,
    /// For the message.
    pub locale: crate::i18n::Locale,
}

/// The refusal of a stale change: who changed the record last, when, and what it says now.
fn changed_meanwhile(
    last: Result<Option<crate::db::hours::LastChange>, crate::db::DbError>,
    locale: crate::i18n::Locale,
) -> AppError {
    match last {
        Ok(Some(c)) => AppError::Invalid(vec![crate::error::changed_by(
            "version",
            c.by.as_deref(),
            &c.source,
            c.at,
            c.value,
            locale,
        )]),
        Ok(None) => AppError::NotFound,
        Err(e) => e.into(),
    }
}

/// Removes a recorded entry, unless it changed since the page showed it; the history keeps it.
pub async fn delete_time(
    db: &Db,
    who: &Principal,
    id: crate::domain::ids::TimeEntryId,
    seen: Seen,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let deleted =
        crate::db::hours::delete_time(&mut tx, id, Recorder::from(who), seen.version).await;
    if crate::db::is_stale(&deleted) {
        drop(tx);
        let last = crate::db::hours::last_time_change(db, id).await;
        return Err(changed_meanwhile(last, seen.locale));
    }
    deleted?;
    tx.commit().await.map_err(crate::db::DbError::from)?;
    Ok(())
}

/// One absence, for deciding who may remove it.
pub async fn absence(
    db: &Db,
    who: &Principal,
    id: crate::domain::ids::AbsenceId,
) -> Result<crate::dto::AbsenceRow, AppError> {
    crate::auth::guard::hidden_unless_coordinator(crate::db::hours::absence(db, id).await, who)
}

/// Removes an absence, unless it changed since the page showed it; the history keeps it.
pub async fn delete_absence(
    db: &Db,
    who: &Principal,
    id: crate::domain::ids::AbsenceId,
    seen: Seen,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let deleted =
        crate::db::hours::delete_absence(&mut tx, id, Recorder::from(who), seen.version).await;
    if crate::db::is_stale(&deleted) {
        drop(tx);
        let last = crate::db::hours::last_absence_change(db, id).await;
        return Err(changed_meanwhile(last, seen.locale));
    }
    deleted?;
    tx.commit().await.map_err(crate::db::DbError::from)?;
    Ok(())
}

/// The register of `group` for `date` (today when empty).
pub async fn register_sheet(
    db: &Db,
    group: Group,
    date: String,
    today: NaiveDate,
) -> Result<RegisterSheet, AppError> {
    use crate::db;
    use crate::domain::participant::parse_date;
    use crate::domain::time_record::{usual_lesson, DayBlock};
    let day = if date.trim().is_empty() {
        today
    } else {
        parse_date(&date).map_err(|p| AppError::field("date", &date, p))?
    };
    let members = db::groups::members(db, group.id).await?;
    let ids: Vec<ParticipantId> = members.iter().map(|m| m.id).collect();
    let planned = db::hours::blocks_on(db, &ids, day).await?;
    let recorded = db::hours::teaching_on(db, &ids, day).await?;
    let (start, end) = usual_lesson(planned.values().flatten().map(|(start, end, t)| DayBlock {
        start: *start,
        end: *end,
        by_group_teacher: *t == Some(group.teacher_id),
    }));
    let members = members
        .into_iter()
        .map(|m| RegisterMember {
            planned: planned
                .get(&m.id)
                .map(|b| b.iter().map(|(s, e, _)| (*s, *e)).collect())
                .unwrap_or_default(),
            recorded: recorded
                .get(&m.id)
                .map(|r| r.iter().map(|t| (t.start, t.end)).collect())
                .unwrap_or_default(),
            id: m.id,
            participant_ref: m.participant_ref,
            name: m.name,
        })
        .collect();
    Ok(RegisterSheet {
        group,
        date: day,
        start,
        end,
        members,
        today,
    })
}

/// Takes the register of `group`: one taught entry per ticked member, all or nothing.
pub async fn save_register(
    db: &Db,
    who: Principal,
    group: Group,
    date: String,
    start: String,
    end: String,
    present: Vec<String>,
    now: NaiveDateTime,
) -> Result<RegisterSaved, AppError> {
    use crate::db::{self, DbError};
    use crate::domain::problem::{FieldProblem, FormRow, Problem};
    use crate::domain::time_record::{RawTimeEntry, TimeRecord};
    use crate::import::ImportReport;
    let members = db::groups::members(db, group.id).await?;
    if present.is_empty() {
        return Err(AppError::field("present", "", Problem::Required));
    }
    let teacher = db::users::get(db, group.teacher_id).await?;
    let mut problems = Vec::new();
    let mut records = Vec::new();
    for (i, r) in present.iter().enumerate() {
        let Some(m) = members.iter().find(|m| &m.participant_ref == r) else {
            problems.push(FieldProblem::new(
                "present",
                r.as_str(),
                Problem::UnknownParticipant,
            ));
            continue;
        };
        let raw = RawTimeEntry {
            participant_ref: m.participant_ref.clone(),
            date: date.clone(),
            start: start.clone(),
            end: end.clone(),
            kind: "teaching".to_owned(),
            teacher_email: teacher.email.clone(),
        };
        match TimeRecord::validate(&raw, now) {
            Ok(rec) => records.push((i, rec)),
            Err(ps) => {
                // The same date/start/end problem for every row is reported once, on the field.
                for p in ps {
                    if !problems.iter().any(|q: &FieldProblem| q.field == p.field) {
                        problems.push(p);
                    }
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    let mut tx = db.begin().await?;
    let mut report = ImportReport::default();
    crate::import::time::save_entries(&mut tx, &records, now, Recorder::from(&who), &mut report)
        .await?;
    if !report.rows.is_empty() {
        tx.rollback().await.map_err(DbError::from)?;
        return Err(AppError::Invalid(
            report
                .rows
                .into_iter()
                .map(|(i, p)| {
                    p.in_row(FormRow::Participant(
                        present.get(i).cloned().unwrap_or_default(),
                    ))
                })
                .collect(),
        ));
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(RegisterSaved {
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
    })
}
