//! Each person's data and erasure (server only): plain functions on the database, used by the
//! web (after the guard) and by the command line alike. Logging is the caller's: the web logs
//! the signed-in coordinator, the command line the operator.

use chrono::{NaiveDate, NaiveDateTime};

use crate::db::{self, Db, Whose};
use crate::domain::erasure::{check_erasure, ErasureReason, ErasureRefusal, RetentionYears};
use crate::domain::ids::ParticipantId;
use crate::domain::problem::{FieldProblem, Problem};
use crate::dto::{DataProtection, DueForErasure, ErasureDone, ErasureTarget};
use crate::error::AppError;
use crate::i18n::{translate, Locale};

pub use crate::db::erasure::{Due, Erased};

pub use crate::import::PERSON_KINDS;

/// One person's data as a ZIP archive.
#[derive(Debug, Clone)]
pub struct PersonArchive {
    /// The archive's file name, `P-0042-uppgifter.zip`.
    pub file_name: String,
    /// The archive.
    pub bytes: Vec<u8>,
    /// Rows of data in it, all files together (for the access log).
    pub rows: i64,
}

/// The summary is in Swedish, whoever downloads it.
fn t(id: &str) -> String {
    translate(Locale::Sv, id, &[])
}

/// Everything held about `participant`: the file kinds with their rows (importable again),
/// every history and version table, the self-assessments' answers and comments, plans, groups,
/// the access log entries about them, and `sammanfattning.html`, a readable summary in Swedish.
pub async fn archive(
    db: &Db,
    participant: ParticipantId,
    now: NaiveDateTime,
) -> Result<PersonArchive, AppError> {
    let detail = db::participants::get(db, participant).await?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut listed: Vec<(String, String, i64)> = Vec::new();
    for kind in PERSON_KINDS {
        let csv = crate::import::run::export_of(db, kind, Whose::One(participant)).await?;
        let rows = crate::import::http::csv_rows(&csv);
        let name = format!("{}.csv", kind.as_str());
        listed.push((
            name.clone(),
            t(&format!("person-kind-{}", kind.as_str())),
            rows,
        ));
        files.push((name, csv.into_bytes()));
    }
    for table in db::person::tables(db, participant).await? {
        let name = format!("historik/{}.csv", table.name);
        let headers: Vec<&str> = table.columns.iter().map(String::as_str).collect();
        let rows = i64::try_from(table.rows.len()).unwrap_or(i64::MAX);
        let csv = crate::domain::csvfile::write(&headers, table.rows);
        listed.push((
            name.clone(),
            t(&format!("person-file-{}", table.name)),
            rows,
        ));
        files.push((name, csv.into_bytes()));
    }
    let rows = listed.iter().map(|(_, _, n)| n).sum();
    let summary = summary_html(&detail, &listed, now);
    files.insert(0, ("sammanfattning.html".to_owned(), summary.into_bytes()));
    Ok(PersonArchive {
        file_name: format!("{}-uppgifter.zip", detail.participant_ref),
        bytes: super::zip::archive(&files, now),
        rows,
    })
}

/// The readable summary: who, the register's fields, and what each file holds.
fn summary_html(
    detail: &crate::dto::ParticipantDetail,
    files: &[(String, String, i64)],
    now: NaiveDateTime,
) -> String {
    use crate::charts::escape;
    use crate::domain::participant::format_date;
    let date = |d: Option<NaiveDate>| d.map(format_date).unwrap_or_default();
    let fields = [
        (t("field-participant_ref"), detail.participant_ref.clone()),
        (t("field-given_name"), detail.given_name.clone()),
        (t("field-family_name"), detail.family_name.clone()),
        (
            t("field-gender"),
            t(&format!("gender-{}", detail.gender.as_str())),
        ),
        (
            t("field-birth_year"),
            detail.birth_year.map(|y| y.to_string()).unwrap_or_default(),
        ),
        (t("field-school"), detail.school.clone()),
        (t("field-district"), detail.district.clone()),
        (
            t("field-mentor_email"),
            detail.mentor_name.clone().unwrap_or_default(),
        ),
        (t("field-start_date"), format_date(detail.start_date)),
        (t("field-planned_terms"), detail.planned_terms.to_string()),
        (
            t("field-status"),
            t(&format!("status-{}", detail.status.as_str())),
        ),
        (t("field-end_date"), date(detail.end_date)),
        (t("field-languages"), detail.languages.clone()),
    ];
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <style>body{{font-family:sans-serif;max-width:50rem;margin:2rem auto;line-height:1.5}}\
         table{{border-collapse:collapse}}th,td{{border:1px solid #555;padding:.3rem .6rem;text-align:left}}</style>\
         </head><body><h1>{title}</h1><p>{intro} {made} {at}.</p><h2>{register}</h2><table>",
        title = escape(&format!(
            "{} {} {}",
            t("person-summary-title"),
            detail.given_name,
            detail.family_name
        )),
        intro = escape(&t("person-summary-intro")),
        made = escape(&t("person-summary-made")),
        at = now.format("%Y-%m-%d %H:%M"),
        register = escape(&t("person-summary-register")),
    );
    for (label, value) in fields {
        html.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            escape(&label),
            escape(&value)
        ));
    }
    html.push_str(&format!(
        "</table><h2>{}</h2><p>{}</p><table><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th></tr>",
        escape(&t("person-summary-files")),
        escape(&t("person-summary-files-intro")),
        escape(&t("person-summary-file")),
        escape(&t("person-summary-holds")),
        escape(&t("person-summary-rows")),
    ));
    for (name, what, rows) in files {
        html.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{rows}</td></tr>",
            escape(name),
            escape(what)
        ));
    }
    html.push_str("</table></body></html>\n");
    html
}

/// An erasure as asked for on the web or the command line.
#[derive(Debug, Clone)]
pub struct EraseRequest {
    /// Whom.
    pub participant: ParticipantId,
    /// The reference typed to confirm.
    pub typed_reference: String,
    /// Erase even though the introduction is still open.
    pub open_anyway: bool,
    /// Why.
    pub reason: ErasureReason,
}

/// Erases a participant after the checks (the reference typed, consent for an open
/// introduction); `secret` is the server's session secret (it keys the sign-in counts).
/// `Ok(None)`: there was no such participant any more (a repeated erasure does nothing).
pub async fn erase(
    db: &Db,
    secret: &str,
    request: &EraseRequest,
    today: NaiveDate,
) -> Result<Option<Erased>, AppError> {
    let detail = match db::participants::get(db, request.participant).await {
        Ok(d) => d,
        Err(db::DbError::NotFound) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    check_erasure(
        &detail.participant_ref,
        &request.typed_reference,
        detail.status,
        request.open_anyway,
    )
    .map_err(|refusal| match refusal {
        ErasureRefusal::NotConfirmed => AppError::Invalid(vec![FieldProblem::new(
            "confirm",
            request.typed_reference.clone(),
            Problem::NotTheReference,
        )]),
        ErasureRefusal::StillOpen => AppError::Invalid(vec![FieldProblem::new(
            "open_anyway",
            "",
            Problem::IntroductionOpen,
        )]),
    })?;
    let subject = |code: &str| {
        crate::state::keyed_hash(secret, &crate::domain::credentials::code_subject_text(code))
    };
    Ok(db::erasure::erase(db, request.participant, request.reason, today, subject).await?)
}

/// The retention time in force on `today`, if the programme set one.
pub async fn retention_years(
    db: &Db,
    today: NaiveDate,
) -> Result<Option<RetentionYears>, AppError> {
    let dated = db::settings::dated(db, RetentionYears::KEY, None, |s| {
        RetentionYears::parse(s).map(Some)
    })
    .await?;
    Ok(dated.on(today))
}

/// The retention time and the participants due for erasure under it on `today` (none when
/// no retention time is set).
pub async fn due(
    db: &Db,
    today: NaiveDate,
) -> Result<(Option<RetentionYears>, Vec<Due>), AppError> {
    let Some(years) = retention_years(db, today).await? else {
        return Ok((None, vec![]));
    };
    Ok((
        Some(years),
        db::erasure::due_before(db, years.cutoff(today)).await?,
    ))
}

/// Erases everyone due under the retention time on `today` (or, with `dry_run`, only lists
/// them): the participants erased, each with what the erasure did.
pub async fn apply_retention(
    db: &Db,
    secret: &str,
    today: NaiveDate,
    dry_run: bool,
) -> Result<Vec<(Due, Option<Erased>)>, AppError> {
    let (_, due) = due(db, today).await?;
    let mut out = Vec::with_capacity(due.len());
    for person in due {
        let erased = if dry_run {
            None
        } else {
            let request = EraseRequest {
                participant: person.id,
                typed_reference: person.participant_ref.clone(),
                open_anyway: false,
                reason: ErasureReason::Retention,
            };
            erase(db, secret, &request, today).await?
        };
        out.push((person, erased));
    }
    Ok(out)
}

/// The participant an erasure page is about.
pub async fn target(db: &Db, participant: ParticipantId) -> Result<ErasureTarget, AppError> {
    let d = db::participants::get(db, participant).await?;
    Ok(ErasureTarget {
        id: d.id,
        participant_ref: d.participant_ref,
        name: format!("{} {}", d.given_name, d.family_name),
        status: d.status,
        end_date: d.end_date,
    })
}

/// A coordinator's erasure from the web: checked, done, and logged (the entry names the
/// erased row's number and how many rows went).
pub async fn erase_by(
    state: &crate::state::AppState,
    who: &crate::domain::role::Principal,
    participant: ParticipantId,
    typed_reference: String,
    open_anyway: bool,
) -> Result<ErasureDone, AppError> {
    use crate::domain::access_log::{AccessEvent, NewAccess};
    let request = EraseRequest {
        participant,
        typed_reference,
        open_anyway,
        reason: ErasureReason::Request,
    };
    let today = state.clock.today();
    let erased = erase(&state.db, &state.auth.session_secret, &request, today)
        .await?
        .ok_or(AppError::NotFound)?;
    let rows = i64::try_from(erased.rows_deleted).unwrap_or(i64::MAX);
    let entry = NewAccess::new(
        who.into(),
        AccessEvent::Erase,
        ErasureReason::Request.as_str(),
    )
    .about(participant)
    .rows(rows);
    crate::auth::audit::record(state, entry).await?;
    Ok(ErasureDone {
        pseudonym: crate::domain::erasure::pseudonym(erased.record),
        rows_deleted: erased.rows_deleted,
    })
}

/// The data-protection page's figures on `today`.
pub async fn overview(db: &Db, today: NaiveDate) -> Result<DataProtection, AppError> {
    let (years, due) = due(db, today).await?;
    Ok(DataProtection {
        retention_years: years.map(RetentionYears::years),
        cutoff: years.map(|y| y.cutoff(today)),
        due: due
            .into_iter()
            .map(|d| DueForErasure {
                id: d.id,
                participant_ref: d.participant_ref,
                name: d.name,
                status: d.status,
                end_date: d.end_date,
            })
            .collect(),
        erased: db::erasure::erased_count(db).await?,
    })
}
