//! Import of a `participants` file from the web: upload, row report, confirm. And export.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::domain::ids::PendingImportId;
use crate::register::api::{check_import, ConfirmImport, ImportReport};
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
        <section class="card" aria-labelledby="upload-h">
            <h2 id="upload-h">{t("import-participants")}</h2>
            <p class="hint">{t("import-hint")}</p>
            <form method="post" action="/import/upload" enctype="multipart/form-data" class="stack" data-test="upload-form">
                <input type="hidden" name="kind" value="participants" />
                <div class="field">
                    <label for="file">{t("import-file-participants")}</label>
                    <input id="file" name="file" type="file" accept=".csv,text/csv" required />
                </div>
                <button type="submit" class="button-primary">{t("import-check")}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="upload-sfi-h">
            <h2 id="upload-sfi-h">{t("import-sfi-results")}</h2>
            <p class="hint">{t("import-sfi-hint")}</p>
            <form method="post" action="/import/upload" enctype="multipart/form-data" class="stack" data-test="upload-sfi-form">
                <input type="hidden" name="kind" value="sfi-results" />
                <div class="field">
                    <label for="sfi-file">{t("import-file-sfi")}</label>
                    <input id="sfi-file" name="file" type="file" accept=".csv,text/csv" required />
                </div>
                <button type="submit" class="button-primary">{t("import-check")}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="upload-elp-h">
            <h2 id="upload-elp-h">{t("import-assessments")}</h2>
            <p class="hint">{t("import-assessments-hint")}</p>
            <form method="post" action="/import/upload" enctype="multipart/form-data" class="stack" data-test="upload-assessments-form">
                <input type="hidden" name="kind" value="assessments" />
                <div class="field">
                    <label for="elp-file">{t("import-file-assessments")}</label>
                    <input id="elp-file" name="file" type="file" accept=".csv,text/csv" required />
                </div>
                <button type="submit" class="button-primary">{t("import-check")}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="upload-teaching-h">
            <h2 id="upload-teaching-h">{t("import-teaching")}</h2>
            <form method="post" action="/import/upload" enctype="multipart/form-data" class="stack" data-test="upload-teaching-form">
                <input type="hidden" name="kind" value="teaching" />
                <div class="field">
                    <label for="teaching-file">{t("import-file-teaching")}</label>
                    <input id="teaching-file" name="file" type="file" accept=".csv,text/csv" required />
                </div>
                <button type="submit" class="button-primary">{t("import-check")}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="upload-absences-h">
            <h2 id="upload-absences-h">{t("import-absences")}</h2>
            <form method="post" action="/import/upload" enctype="multipart/form-data" class="stack" data-test="upload-absences-form">
                <input type="hidden" name="kind" value="absences" />
                <div class="field">
                    <label for="absences-file">{t("import-file-absences")}</label>
                    <input id="absences-file" name="file" type="file" accept=".csv,text/csv" required />
                </div>
                <button type="submit" class="button-primary">{t("import-check")}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="export-h">
            <h2 id="export-h">{t("export")}</h2>
            <ul>
                <li><a href="/export/participants.csv" download="participants.csv" data-test="export-participants">{t("export-participants")}</a></li>
                <li><a href="/export/sfi-results.csv" download="sfi-results.csv" data-test="export-sfi-results">{t("export-sfi-results")}</a></li>
                <li><a href="/export/assessments.csv" download="assessments.csv" data-test="export-assessments">{t("export-assessments")}</a></li>
                <li><a href="/export/teaching.csv" download="teaching.csv" data-test="export-teaching">{t("export-teaching")}</a></li>
                <li><a href="/export/absences.csv" download="absences.csv" data-test="export-absences">{t("export-absences")}</a></li>
                <li><a href="/compliance" data-test="compliance-link">{t("compliance-title")}</a></li>
            </ul>
        </section>
    }
}

fn report_view(report: ImportReport) -> impl IntoView {
    let locale = use_locale();
    let file_problem = report.file_problem.clone().map(|(id, args)| {
        let args: Vec<(&str, String)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        view! { <p class="notice notice-error" role="alert">{crate::i18n::translate(locale, &id, &args)}</p> }
    });
    let rows = report
        .rows
        .iter()
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
        })}
        {report.is_valid().then(|| view! { <p class="notice notice-ok" role="status" data-test="import-summary">{summary}</p> })}
    }
}

/// `/import/:id`: the row report of an uploaded file, and the button that imports it.
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
    let report = Resource::new(
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
                    let r = match report.await { Ok(r) => r, Err(e) => return failed(e) };
                    let valid = r.is_valid();
                    let file = t_args("import-file-name", &[("name", r.file_name.clone())]);
                    let pid = id.get().map(|i| i.to_string()).unwrap_or_default();
                    view! {
                        <p>{file}</p>
                        {report_view(r)}
                        {valid.then(|| view! {
                            <ActionForm action=confirm>
                                <input type="hidden" name="id" value=pid />
                                <button type="submit" class="button-primary" data-test="import-confirm">{t("import-confirm")}</button>
                            </ActionForm>
                        })}
                        <p><a href="/import">{t("import-another")}</a></p>
                    }.into_any()
                })}
            </Suspense>
        </Show>
    }
}
