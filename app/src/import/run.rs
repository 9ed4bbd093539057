//! One dispatch by kind for the web upload, the command line and the demo data: check
//! (`dry_run`) or import a file, and export a kind.

use chrono::NaiveDateTime;

use super::{ImportKind, ImportReport};
use crate::db::participants::ChangeSource;
use crate::db::{Db, DbError};

/// Checks (`dry_run`) or imports `text` as a file of `kind`, all or nothing, at `now`
/// (Stockholm time: "today" for dates that must not be in the future).
pub async fn import(
    db: &Db,
    kind: ImportKind,
    text: &str,
    now: NaiveDateTime,
    who: ChangeSource,
    dry_run: bool,
) -> Result<ImportReport, DbError> {
    let today = now.date();
    match kind {
        ImportKind::Participants => {
            super::participants::participants(db, text, today, who, dry_run).await
        }
        ImportKind::SfiResults => super::sfi::import_file(db, text, today, who, dry_run).await,
        ImportKind::Assessments => {
            super::assessments::import_file(db, text, today, who, dry_run).await
        }
        ImportKind::Teaching => {
            super::time::import_teaching(db, text, now, who.into(), dry_run).await
        }
        ImportKind::Absences => super::time::import_absences(db, text, who.into(), dry_run).await,
        ImportKind::Calendar => super::calendar::import_file(db, text, who.into(), dry_run).await,
        ImportKind::Outcomes => {
            super::outcomes::import_file(db, text, today, who.into(), dry_run).await
        }
        ImportKind::LadderSteps => {
            super::steps::import_file(db, text, today, who.into(), dry_run).await
        }
    }
}

/// The export of `kind`: header and rows in the kind's order.
pub async fn export(db: &Db, kind: ImportKind) -> Result<String, DbError> {
    export_of(db, kind, crate::db::Whose::Everyone).await
}

/// The export of one file kind, holding everyone's rows or one person's.
pub async fn export_of(
    db: &Db,
    kind: ImportKind,
    whose: crate::db::Whose,
) -> Result<String, DbError> {
    match kind {
        ImportKind::Participants => super::participants::export_participants(db, whose).await,
        ImportKind::SfiResults => super::sfi::export(db, whose).await,
        ImportKind::Assessments => super::assessments::export(db, whose).await,
        ImportKind::Teaching => super::time::export_teaching(db, whose).await,
        ImportKind::Absences => super::time::export_absences(db, whose).await,
        ImportKind::Calendar => super::calendar::export(db).await,
        ImportKind::Outcomes => super::outcomes::export(db, whose).await,
        ImportKind::LadderSteps => super::steps::export(db, whose).await,
    }
}
