//! The import page: one upload card per kind, the row report, the confirmation, and the
//! export links.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::{check_import, ConfirmImport};
use super::{ImportKind, ImportReport, ImportState, Progress};
use crate::domain::ids::PendingImportId;
use crate::ui::components::failed;
use crate::ui::components::{problem_text, Loading};
use crate::ui::{t, t_args, use_locale};

/// `/import`: upload a file (a plain multipart form: works without the wasm) and export.
/// After a confirmed import it shows what was stored (from the query string).
#[component]
pub fn ImportPage() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let done = move || {
        let q = query.read();
        let n = |k: &str| q.get(k).unwrap_or_default();
        q.get("created").map(|_| {
            let text = t_args("import-done", &[("created", n("created")), ("updated", n("updated")), ("unchanged", n("unchanged"))]);
            view! { <p class="notice notice-ok" role="status" data-test="import-summary">{text}</p> }
        })
    };
    view! {
        <Title text=t("nav-import") />
        <h1>{t("nav-import")}</h1>
        {done}
        {ImportKind::ALL.map(|kind| view! { <UploadCard kind /> }).collect_view()}
        <section class="card" aria-labelledby="export-h">
            <h2 id="export-h">{t("export")}</h2>
            <ul>
                {ImportKind::ALL.map(|kind| {
                    let file = format!("{kind}.csv");
                    view! { <li><a href=format!("/export/{file}") download=file.clone() data-test=format!("export-{kind}")>{t(kind.export_id())}</a></li> }
                }).collect_view()}
                <li><a href="/compliance" data-test="compliance-link">{t("compliance-title")}</a></li>
            </ul>
        </section>
    }
}

/// The upload form of one kind: a plain multipart form (works without the wasm) whose file
/// is checked, and shown as a row report, before anything is stored.
#[component]
fn UploadCard(kind: ImportKind) -> impl IntoView {
    let short = kind.short();
    let heading = format!("upload-{short}-h");
    let heading_id = heading.clone();
    let input = format!("{short}-file");
    // The participants' form kept its first name: end-to-end tests and bookmarks use it.
    let test = match kind {
        ImportKind::Participants => "upload-form".to_owned(),
        _ => format!("upload-{short}-form"),
    };
    view! {
        <section class="card" aria-labelledby=heading>
            <h2 id=heading_id>{t(kind.title_id())}</h2>
            {kind.hint_id().map(|id| view! { <p class="hint">{t(id)}</p> })}
            <form method="post" action="/import/upload" enctype="multipart/form-data" class="stack" data-test=test>
                <crate::ui::components::CsrfField />
                <input type="hidden" name="kind" value=kind.as_str() />
                <div class="field">
                    <label for=input.clone()>{t(kind.file_label_id())}</label>
                    <input id=input name="file" type="file" accept=".csv,text/csv" required />
                </div>
                <button type="submit" class="button-primary">{t("import-check")}</button>
            </form>
        </section>
    }
}

/// The most rows to correct the page lists; all of them are in the upload's problems file.
pub const SHOWN_PROBLEMS: usize = 1000;

fn report_view(report: ImportReport, id: PendingImportId) -> impl IntoView {
    let locale = use_locale();
    let file_problems = report.file_problems.clone();
    let file_problem = (!file_problems.is_empty()).then(|| {
        let items = file_problems
            .iter()
            .map(|(id, args)| {
                let args: Vec<(&str, String)> =
                    args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                view! { <li>{crate::i18n::translate(locale, id, &args)}</li> }
            })
            .collect_view();
        view! {
            <div class="notice notice-error" role="alert" data-test="import-file-problems">
                <ul>{items}</ul>
            </div>
        }
    });
    let rows = report
        .rows
        .iter()
        .take(SHOWN_PROBLEMS)
        .map(|(line, p)| {
            view! {
                <tr>
                    <td>{*line}</td>
                    <td>{p.field.clone()}</td>
                    <td>{p.value.clone()}</td>
                    <td>{problem_text(p)}</td>
                </tr>
            }
        })
        .collect_view();
    let has_rows = !report.rows.is_empty();
    let summary = t_args(
        "import-would",
        &[
            ("created", report.created.to_string()),
            ("updated", report.updated.to_string()),
            ("unchanged", report.unchanged.to_string()),
        ],
    );
    view! {
        {file_problem}
        {has_rows.then(|| view! {
            <p class="notice notice-error" role="alert">{t_args("import-invalid", &[("count", report.rows.len().to_string())])}</p>
            <table class="list" data-test="import-problems">
                <caption>{t("import-problems")}</caption>
                <thead><tr>
                    <th scope="col">{t("import-line")}</th>
                    <th scope="col">{t("import-column")}</th>
                    <th scope="col">{t("import-value")}</th>
                    <th scope="col">{t("import-why")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {(report.rows.len() > SHOWN_PROBLEMS).then(|| view! {
                <p data-test="import-more">
                    {t_args("import-problems-more", &[("shown", SHOWN_PROBLEMS.to_string()), ("count", report.rows.len().to_string())])}" "
                    <a href=format!("/import/{id}/problems.csv") download="problems.csv" data-test="import-problems-file">{t("import-problems-download")}</a>
                </p>
            })}
        })}
        {report.is_valid().then(|| view! { <p class="notice notice-ok" role="status" data-test="import-summary">{summary}</p> })}
    }
}

/// `/import/:id`: where an uploaded file is: the progress of its check (or import), then its
/// row report and the button that imports it, then what was stored.
#[component]
pub fn ImportReportPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse().ok())
            .map(PendingImportId)
    });
    let confirm = ServerAction::<ConfirmImport>::new();
    let state = Resource::new(
        move || id.get(),
        |id| async move { check_import(id.ok_or(crate::error::AppError::NotFound)?).await },
    );
    view! {
        <Title text=t("import-report") />
        <h1>{t("import-report")}</h1>
        {move || confirm.value().get().and_then(|r| r.err()).map(failed)}
        <Show when=move || confirm.value().get().is_none()>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let s = match state.await { Ok(s) => s, Err(e) => return failed(e) };
                    let pid = id.get().unwrap_or(PendingImportId(0));
                    state_view(pid, s, confirm)
                })}
            </Suspense>
        </Show>
    }
}

/// The page's body for upload `id` in state `s`.
fn state_view(
    id: PendingImportId,
    s: ImportState,
    confirm: ServerAction<ConfirmImport>,
) -> AnyView {
    let file = |name: &str| t_args("import-file-name", &[("name", name.to_owned())]);
    let another = view! { <p><a href="/import">{t("import-another")}</a></p> };
    match s {
        ImportState::Checking { file_name, progress } => {
            running(id, &file(&file_name), progress, "import-checking").into_any()
        }
        ImportState::Importing { file_name, progress } => {
            running(id, &file(&file_name), progress, "import-importing").into_any()
        }
        ImportState::Checked(r) => {
            let valid = r.is_valid();
            let name = file(&r.file_name);
            view! {
                <p>{name}</p>
                {report_view(r, id)}
                {valid.then(|| view! {
                    <ActionForm action=confirm>
                        <crate::ui::components::CsrfField />
                        <input type="hidden" name="id" value=id.to_string() />
                        <button type="submit" class="button-primary" data-test="import-confirm">{t("import-confirm")}</button>
                    </ActionForm>
                })}
                {another}
            }
            .into_any()
        }
        ImportState::Imported(r) => {
            let text = t_args(
                "import-done",
                &[
                    ("created", r.created.to_string()),
                    ("updated", r.updated.to_string()),
                    ("unchanged", r.unchanged.to_string()),
                ],
            );
            let name = file(&r.file_name);
            view! {
                <p>{name}</p>
                <p class="notice notice-ok" role="status" data-test="import-summary">{text}</p>
                {another}
            }
            .into_any()
        }
        ImportState::Failed { file_name } => view! {
            <p>{file(&file_name)}</p>
            <p class="notice notice-error" role="alert" data-test="import-failed">{t("import-failed")}</p>
            {another}
        }
        .into_any(),
    }
}

/// A running step: its progress bar, which `/progress.js` (a plain script served beside the
/// tablet's) moves every second and which reloads the page when the step ends; a link that
/// shows the progress again without the script; and the note that leaving the page stops
/// nothing.
fn running(id: PendingImportId, file: &str, progress: Progress, label: &str) -> impl IntoView {
    let template = t_args("import-percent", &[("percent", "{percent}".to_owned())]);
    let text = template.replace("{percent}", &progress.percent().to_string());
    view! {
        <p>{file.to_owned()}</p>
        <div class="stack" data-test="import-progress">
            <label for="import-progress-bar">{t(label)}</label>
            <progress id="import-progress-bar" max=progress.total.max(1) value=progress.done.min(progress.total)
                data-upload=id.to_string() data-percent-text=template></progress>
            <p role="status" aria-live="polite" data-test="import-percent">{text}</p>
        </div>
        <p class="hint">{t("import-running-hint")}</p>
        <p><a href=format!("/import/{id}") data-test="import-refresh">{t("import-refresh")}</a></p>
        <script src="/progress.js" defer></script>
    }
}
