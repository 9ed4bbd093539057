//! One dispatch by kind for the web upload, the command line and the demo data: check
//! (`dry_run`) or import a file, and export a kind.

use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDateTime;

use crate::domain::csvfile::Encoding;

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
    import_counted(db, kind, text, now, who, dry_run, &AtomicU64::new(0)).await
}

/// [`import`], adding to `read` the bytes of `text` read so far (the progress of a background
/// step). The kinds read as a stream count as they go; the others count the whole text once
/// they have read it.
pub async fn import_counted(
    db: &Db,
    kind: ImportKind,
    text: &str,
    now: NaiveDateTime,
    who: ChangeSource,
    dry_run: bool,
    read: &AtomicU64,
) -> Result<ImportReport, DbError> {
    let today = now.date();
    let stream = Counting {
        inner: text.as_bytes(),
        read,
    };
    let whole = |report| {
        read.store(text.len() as u64, Ordering::Relaxed);
        report
    };
    Ok(match kind {
        ImportKind::Participants => {
            super::participants::import_stream(db, stream, Encoding::Utf8, today, who, dry_run)
                .await?
        }
        ImportKind::Teaching => {
            super::teaching::import_stream(db, stream, Encoding::Utf8, now, who.into(), dry_run)
                .await?
        }
        ImportKind::SfiResults => {
            whole(super::sfi::import_file(db, text, today, who, dry_run).await?)
        }
        ImportKind::Assessments => {
            whole(super::assessments::import_file(db, text, today, who, dry_run).await?)
        }
        ImportKind::Absences => {
            whole(super::time::import_absences(db, text, who.into(), dry_run).await?)
        }
        ImportKind::Calendar => {
            whole(super::calendar::import_file(db, text, who.into(), dry_run).await?)
        }
        ImportKind::Outcomes => {
            whole(super::outcomes::import_file(db, text, today, who.into(), dry_run).await?)
        }
        ImportKind::LadderSteps => {
            whole(super::steps::import_file(db, text, today, who.into(), dry_run).await?)
        }
    })
}

/// A reader that adds the bytes it hands out to a shared counter.
struct Counting<'a, R> {
    inner: R,
    read: &'a AtomicU64,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
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
