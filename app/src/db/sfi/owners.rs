//! Whom a result belongs to: the participant (with the study path the course rule needs), the
//! teacher, and the members of a group.

use sqlx::any::AnyRow;

use super::ResultOwner;
use crate::db::{col, Db, DbError, Tx};
use crate::domain::ids::{ParticipantId, UserId};
use crate::domain::participant::StudyPath;
use crate::domain::problem::{FieldProblem, Problem};
use crate::domain::sfi_record::SfiRecord;

/// The participant with reference `participant_ref` and their study path.
pub async fn owner_by_ref(
    tx: &mut Tx,
    participant_ref: &str,
) -> Result<Option<ResultOwner>, DbError> {
    let row = sqlx::query("SELECT id, study_path FROM participants WHERE participant_ref = $1")
        .bind(participant_ref)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| owner_from(&r)).transpose()
}

/// The participant `id` and their study path.
pub async fn owner(tx: &mut Tx, id: ParticipantId) -> Result<ResultOwner, DbError> {
    let row = sqlx::query("SELECT id, study_path FROM participants WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::NotFound)?;
    owner_from(&row)
}

fn owner_from(r: &AnyRow) -> Result<ResultOwner, DbError> {
    let path: Option<i64> = col(r, "study_path")?;
    let study_path = match path {
        Some(n) => Some(
            StudyPath::parse(&n.to_string())
                .map_err(|e| DbError::Other(format!("stored study path does not parse: {e:?}")))?,
        ),
        None => None,
    };
    Ok(ResultOwner {
        id: ParticipantId(col(r, "id")?),
        study_path,
    })
}

/// The id of the active teacher with this e-mail.
pub async fn teacher_id(tx: &mut Tx, email: &str) -> Result<Option<UserId>, DbError> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT id FROM users WHERE email = $1 AND role = 'teacher' AND active = 1",
    )
    .bind(email)
    .fetch_optional(&mut **tx)
    .await?
    .map(UserId))
}

/// Checks the rules that need the database (participant exists, course suits the study
/// path, teacher exists) and returns the owner and teacher, or the problems.
pub async fn resolve(
    tx: &mut Tx,
    record: &SfiRecord,
) -> Result<Result<(ResultOwner, Option<UserId>), Vec<FieldProblem>>, DbError> {
    let mut problems = vec![];
    let owner = owner_by_ref(tx, record.participant_ref.as_str()).await?;
    match owner {
        None => problems.push(FieldProblem::new(
            "participant_ref",
            record.participant_ref.as_str(),
            Problem::UnknownParticipant,
        )),
        Some(o) => {
            if let Err(p) = record.check_course(o.study_path) {
                problems.push(p);
            }
        }
    }
    let teacher = match &record.teacher_email {
        Some(email) => {
            let id = teacher_id(tx, email.as_str()).await?;
            if id.is_none() {
                problems.push(FieldProblem::new(
                    "teacher_email",
                    email.as_str(),
                    Problem::UnknownTeacher,
                ));
            }
            id
        }
        None => None,
    };
    Ok(match owner {
        Some(owner) if problems.is_empty() => Ok((owner, teacher)),
        _ => Err(problems),
    })
}

/// The members of a group with their study paths, by family name, given name.
pub async fn group_members(
    db: &Db,
    group: crate::domain::ids::GroupId,
) -> Result<Vec<(ParticipantId, String, String, Option<i64>)>, DbError> {
    let rows = sqlx::query(
        "SELECT p.id, p.participant_ref, p.given_name, p.family_name, p.study_path \
         FROM group_members m JOIN participants p ON p.id = m.participant_id \
         WHERE m.group_id = $1 ORDER BY p.family_name, p.given_name, p.participant_ref",
    )
    .bind(group.0)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let given: String = col(r, "given_name")?;
            let family: String = col(r, "family_name")?;
            Ok((
                ParticipantId(col(r, "id")?),
                col(r, "participant_ref")?,
                format!("{given} {family}"),
                col(r, "study_path")?,
            ))
        })
        .collect()
}
