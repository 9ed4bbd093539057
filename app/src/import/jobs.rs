//! An upload's steps in the background (issue 18): the check that makes its row report and,
//! once confirmed, the import. Each step runs in a task of the server that started it, which
//! writes the bytes read and a sign of life to the database every second, so that the upload's
//! page follows it on any server and a step whose server stopped is run again by the next
//! server to show the page (a step stores nothing until it ends). A file of up to a megabyte
//! is handled before the answer, so its report shows at once.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;

use super::{ImportKind, ImportReport, ImportState, Progress};
use crate::db::imports::{self, PendingImport};
use crate::db::participants::ChangeSource;
use crate::db::{Db, DbError};
use crate::domain::ids::{PendingImportId, UserId};
use crate::domain::upload::{self, UploadPhase};
use crate::error::AppError;
use crate::state::{AppState, RunningImports};

/// A name for one run of one step, unique across servers (128 random bits).
fn new_worker() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Stores `text`, uploaded by `user` as a file of `kind`, and starts its check; a file of up
/// to a megabyte has been checked when this returns.
pub async fn upload(
    state: &AppState,
    user: UserId,
    kind: ImportKind,
    file_name: &str,
    text: &str,
) -> Result<PendingImportId, AppError> {
    let worker = new_worker();
    let id = imports::create(&state.db, user, kind.as_str(), file_name, text, &worker).await?;
    let step = spawn(state, id, user, kind, worker, true);
    if upload::in_request(text.len() as u64) {
        let _ = step.await;
    }
    Ok(id)
}

/// Where upload `id` of `user` is (someone else's is not found). A running step whose server
/// has stopped is started again here.
pub async fn follow(
    state: &AppState,
    id: PendingImportId,
    user: UserId,
) -> Result<ImportState, AppError> {
    // This server's count is read before the stored row: a step that ends in between has
    // stored its end before its count goes, so the row then shows the end rather than
    // progress older than the count already shown (progress never goes back).
    let counted = state.imports.progress(id.0);
    let pending = imports::get(&state.db, id, user).await?;
    let pending = resume_if_stopped(state, pending).await?;
    state_of(&pending, counted)
}

/// Imports upload `id` of `user` if its report is valid; a file of up to a megabyte has been
/// imported when this returns. An imported upload is not found (its text is gone); an upload
/// whose step runs, or whose report lists problems, is returned as it is.
pub async fn confirm(
    state: &AppState,
    id: PendingImportId,
    user: UserId,
) -> Result<ImportState, AppError> {
    let pending = imports::get(&state.db, id, user).await?;
    match pending.phase {
        UploadPhase::Imported => return Err(AppError::NotFound),
        UploadPhase::Checked => {}
        UploadPhase::Checking | UploadPhase::Importing | UploadPhase::Failed => {
            return follow(state, id, user).await
        }
    }
    let report = report_of(&pending)?;
    let kind = kind_of(&pending)?;
    if !report.is_valid() {
        return Ok(ImportState::Checked(report));
    }
    let worker = new_worker();
    let from = UploadPhase::Checked;
    if imports::start(&state.db, id, from, UploadPhase::Importing, &worker).await? {
        let step = spawn(state, id, user, kind, worker, false);
        if upload::in_request(pending.total_bytes) {
            let _ = step.await;
        }
    }
    follow(state, id, user).await
}

/// Takes over `pending`'s running step if its server has stopped (it runs nowhere here and its
/// last sign of life is older than [`upload::STOPPED_AFTER_SECS`]); returns the upload as it
/// is now.
async fn resume_if_stopped(
    state: &AppState,
    pending: PendingImport,
) -> Result<PendingImport, AppError> {
    let here = state.imports.progress(pending.id.0).is_some();
    if !pending.phase.is_running()
        || here
        || !upload::has_stopped(pending.heartbeat, crate::db::now())
    {
        return Ok(pending);
    }
    let kind = kind_of(&pending)?;
    let worker = new_worker();
    if imports::take_over(&state.db, &pending, &worker).await? {
        tracing::warn!(
            upload = pending.id.0,
            phase = pending.phase.as_str(),
            "an upload step whose server stopped runs again here"
        );
        let dry_run = pending.phase == UploadPhase::Checking;
        drop(spawn(
            state,
            pending.id,
            pending.user,
            kind,
            worker,
            dry_run,
        ));
    }
    Ok(imports::get(&state.db, pending.id, pending.user).await?)
}

/// The page's view of `pending`: progress from this server's count (`counted`, read before
/// `pending`) if the step runs here, else as last written by the server that runs it.
fn state_of(pending: &PendingImport, counted: Option<u64>) -> Result<ImportState, AppError> {
    let progress = || Progress {
        done: counted
            .unwrap_or(pending.done_bytes)
            .min(pending.total_bytes),
        total: pending.total_bytes,
    };
    let file_name = pending.file_name.clone();
    Ok(match pending.phase {
        UploadPhase::Checking => ImportState::Checking {
            file_name,
            progress: progress(),
        },
        UploadPhase::Importing => ImportState::Importing {
            file_name,
            progress: progress(),
        },
        UploadPhase::Checked => ImportState::Checked(report_of(pending)?),
        UploadPhase::Imported => ImportState::Imported(report_of(pending)?),
        UploadPhase::Failed => ImportState::Failed { file_name },
    })
}

/// The kind of file `pending` was uploaded as.
fn kind_of(pending: &PendingImport) -> Result<ImportKind, AppError> {
    ImportKind::parse(&pending.kind).ok_or_else(|| {
        tracing::error!(
            upload = pending.id.0,
            kind = pending.kind,
            "an upload of unknown kind"
        );
        AppError::Internal
    })
}

/// The stored report of the last step that ended, with the file's name.
fn report_of(pending: &PendingImport) -> Result<ImportReport, AppError> {
    let Some(json) = pending.report.as_deref() else {
        tracing::error!(upload = pending.id.0, "an ended upload step left no report");
        return Err(AppError::Internal);
    };
    let mut report: ImportReport = serde_json::from_str(json).map_err(|e| {
        tracing::error!(upload = pending.id.0, error = %e, "an upload's report does not read");
        AppError::Internal
    })?;
    report.file_name.clone_from(&pending.file_name);
    Ok(report)
}

/// Ends the bookkeeping of a step when its task ends, even by a panic: the sign of life stops
/// and this server no longer counts it as running here.
struct Running {
    imports: Arc<RunningImports>,
    id: PendingImportId,
    beat: tokio::task::JoinHandle<()>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.beat.abort();
        self.imports.end(self.id.0);
    }
}

/// Runs `worker`'s step (the check if `dry_run`, else the import) of upload `id`, a file of
/// `kind`, in a task.
fn spawn(
    state: &AppState,
    id: PendingImportId,
    user: UserId,
    kind: ImportKind,
    worker: String,
    dry_run: bool,
) -> tokio::task::JoinHandle<()> {
    let db = state.db.clone();
    let imports = Arc::clone(&state.imports);
    let now = state.clock.now();
    let read = imports.begin(id.0);
    tokio::spawn(async move {
        let beat = tokio::spawn(heartbeat(db.clone(), id, worker.clone(), Arc::clone(&read)));
        let _running = Running { imports, id, beat };
        let outcome = step(&db, id, user, kind, now, dry_run, &read).await;
        let (phase, report) = match outcome {
            Ok(report) if report.committed => (UploadPhase::Imported, Some(report)),
            Ok(report) => (UploadPhase::Checked, Some(report)),
            Err(e) => {
                tracing::error!(upload = id.0, error = %e, "an upload step failed");
                (UploadPhase::Failed, None)
            }
        };
        let json = report.and_then(|r| serde_json::to_string(&r).ok());
        match imports::finish(&db, id, &worker, phase, json.as_deref()).await {
            Ok(true) => {}
            Ok(false) => {
                tracing::warn!(upload = id.0, "another server took this upload's step over")
            }
            // Its sign of life stops: another look at the page runs the step again.
            Err(e) => tracing::error!(upload = id.0, error = %e, "an upload step's end not stored"),
        }
    })
}

/// Writes the bytes read and a sign of life every second until `worker` no longer runs the
/// step (or the task is aborted). A write that fails (SQLite's single writer is busy with the
/// import itself) is tried again at the next tick.
async fn heartbeat(db: Db, id: PendingImportId, worker: String, read: Arc<AtomicU64>) {
    let mut tick = tokio::time::interval(Duration::from_secs(upload::HEARTBEAT_SECS));
    loop {
        tick.tick().await;
        match imports::beat(&db, id, &worker, read.load(Ordering::Relaxed)).await {
            Ok(true) => {}
            Ok(false) => return,
            Err(e) => tracing::debug!(upload = id.0, error = %e, "sign of life not written"),
        }
    }
}

/// The step itself: the upload's text checked or imported as `kind`, by its uploader.
async fn step(
    db: &Db,
    id: PendingImportId,
    user: UserId,
    kind: ImportKind,
    now: NaiveDateTime,
    dry_run: bool,
    read: &AtomicU64,
) -> Result<ImportReport, DbError> {
    let text = imports::content(db, id).await?;
    let who = ChangeSource {
        source: "import",
        by: Some(user),
    };
    super::run::import_counted(db, kind, &text, now, who, dry_run, read).await
}
