//! `/languages`: the coordinator's view of the participant's languages and the clip upload.

use leptos::prelude::*;
use leptos_meta::Title;

use super::api::language_overview;
use super::{ClipReport, LanguageRow, TranslationReport, CLIPS_PATH, TRANSLATIONS_PATH};
use crate::domain::locale::Locale;
use crate::ui::components::{failed, Loading};
use crate::ui::{t, t_args};

/// The report of the upload just made, if the page follows one.
fn last_upload() -> Option<ClipReport> {
    #[cfg(feature = "ssr")]
    return crate::state::flash::current()
        .filter(|f| f.path == CLIPS_PATH)
        .and_then(|f| {
            f.output
                .as_deref()
                .and_then(|o| serde_json::from_slice(o).ok())
        });
    #[cfg(not(feature = "ssr"))]
    None
}

/// The report of the translators' file just imported, if the page follows one.
fn last_import() -> Option<TranslationReport> {
    #[cfg(feature = "ssr")]
    return crate::state::flash::current()
        .filter(|f| f.path == TRANSLATIONS_PATH)
        .and_then(|f| {
            f.output
                .as_deref()
                .and_then(|o| serde_json::from_slice(o).ok())
        });
    #[cfg(not(feature = "ssr"))]
    None
}

fn import_view(r: TranslationReport) -> impl IntoView {
    let name = r.locale.native_name();
    if r.problems.is_empty() {
        let text = t_args(
            "translations-stored",
            &[
                ("count", r.stored.to_string()),
                ("language", name.to_owned()),
            ],
        );
        return view! { <p class="notice notice-success" role="status" data-test="translations-stored">{text}</p> }.into_any();
    }
    let items = r
        .problems
        .into_iter()
        .map(|p| {
            let (line, column) = (p.line, p.column);
            let args: Vec<(&str, String)> = p
                .args
                .iter()
                .map(|(k, v)| (k.as_str(), v.clone()))
                .collect();
            let why = t_args(&p.message_id, &args);
            let place = (line > 0).then(|| {
                format!(
                    "{} ",
                    t_args(
                        "translations-place",
                        &[("line", line.to_string()), ("column", column)]
                    )
                )
            });
            view! { <li>{place}{why}</li> }
        })
        .collect_view();
    view! {
        <div class="notice notice-error" role="alert" data-test="translations-refused">
            <p>{t("translations-refused")}</p>
            <ul>{items}</ul>
        </div>
    }
    .into_any()
}

fn report_view(r: ClipReport) -> impl IntoView {
    let name = r.locale.native_name();
    if r.problems.is_empty() {
        let text = t_args(
            "clips-stored",
            &[
                ("count", r.stored.to_string()),
                ("language", name.to_owned()),
            ],
        );
        return view! { <p class="notice notice-success" role="status" data-test="clips-stored">{text}</p> }.into_any();
    }
    let items = r
        .problems
        .into_iter()
        .map(|(file, id)| view! { <li><bdi>{file}</bdi>": "{t(&id)}</li> })
        .collect_view();
    view! {
        <div class="notice notice-error" role="alert" data-test="clips-refused">
            <p>{t("clips-refused")}</p>
            <ul>{items}</ul>
        </div>
    }
    .into_any()
}

fn row(r: LanguageRow) -> impl IntoView {
    let missing = r.clips_missing();
    let voice = if r.voice {
        t("languages-voice-yes")
    } else {
        t("languages-voice-no")
    };
    view! {
        <tr data-test=format!("language-{}", r.locale.tag())>
            <th scope="row"><span lang=r.locale.tag() dir=r.locale.dir()>{r.locale.native_name()}</span></th>
            <td>{format!("{} / {}", r.statements_checked, r.statements)}</td>
            <td>{format!("{} / {}", r.interface_checked, r.interface)}</td>
            <td>{voice}</td>
            <td data-test="clips-missing">{format!("{} / {}", r.clips, r.total)}" "
                {(missing > 0).then(|| t_args("languages-clips-missing", &[("count", missing.to_string())]))}</td>
            <td>{(!r.locale.is_staff()).then(|| view! {
                <a href=format!("/languages/{}.csv", r.locale.tag()) download="" data-test=format!("download-{}", r.locale.tag())>
                    {t("translations-download")}
                </a>
            })}</td>
        </tr>
    }
}

/// `/languages` (coordinators).
#[component]
pub fn LanguagesPage() -> impl IntoView {
    let rows = Resource::new(|| (), |_| language_overview());
    let options = || {
        Locale::ALL
            .into_iter()
            .filter(|l| !l.is_staff())
            .map(|l| view! { <option value=l.tag()>{l.native_name()}</option> })
            .collect_view()
    };
    view! {
        <Title text=t("languages-title") />
        <h1>{t("languages-title")}</h1>
        <p class="lead">{t("languages-lead")}</p>
        {last_upload().map(report_view)}
        {last_import().map(import_view)}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(rows) => view! {
                        <table class="list" data-test="languages">
                            <caption class="visually-hidden">{t("languages-title")}</caption>
                            <thead><tr>
                                <th scope="col">{t("languages-col-language")}</th>
                                <th scope="col">{t("languages-col-statements")}</th>
                                <th scope="col">{t("languages-col-interface")}</th>
                                <th scope="col">{t("languages-col-voice")}</th>
                                <th scope="col">{t("languages-col-clips")}</th>
                                <th scope="col">{t("languages-col-file")}</th>
                            </tr></thead>
                            <tbody>{rows.into_iter().map(row).collect_view()}</tbody>
                        </table>
                    }.into_any(),
                    Err(e) => failed(e),
                }
            })}
        </Suspense>
        <section class="card" aria-labelledby="translations-h">
            <h2 id="translations-h">{t("translations-title")}</h2>
            <p>{t("translations-explain")}</p>
            <form method="post" action=TRANSLATIONS_PATH enctype="multipart/form-data" class="stack" data-test="translations-form">
                <crate::ui::components::CsrfField />
                <div class="field">
                    <label for="translation-language">{t("field-language")}</label>
                    <select id="translation-language" name="language">{options()}</select>
                </div>
                <div class="field">
                    <label for="translation-file">{t("translations-file")}</label>
                    <input id="translation-file" name="file" type="file" accept=".csv,text/csv" required />
                </div>
                <button type="submit" class="button-primary">{t("translations-import")}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="clips-h">
            <h2 id="clips-h">{t("clips-title")}</h2>
            <p>{t("clips-explain")}</p>
            <form method="post" action=CLIPS_PATH enctype="multipart/form-data" class="stack" data-test="clips-form">
                <crate::ui::components::CsrfField />
                <div class="field">
                    <label for="clip-language">{t("field-language")}</label>
                    <select id="clip-language" name="language">{options()}</select>
                </div>
                <div class="field">
                    <label for="clip-files">{t("clips-files")}</label>
                    <input id="clip-files" name="clips" type="file" multiple accept=".mp3,audio/mpeg" required />
                </div>
                <button type="submit" class="button-primary">{t("clips-upload")}</button>
            </form>
        </section>
    }
}

/// On the participant's page, for their mentor or a coordinator: the language of the
/// participant's tablet pages when the tablet has not been given another.
#[component]
pub fn TabletLanguageSection(
    /// The participant.
    participant: crate::domain::ids::ParticipantId,
) -> impl IntoView {
    use super::api::{get_participant_language, SetParticipantLanguage};
    let action = ServerAction::<SetParticipantLanguage>::new();
    let current = Resource::new(
        move || action.version().get(),
        move |_| get_participant_language(participant),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                // Those who may not hand out the tablet's PIN see nothing here.
                let chosen = match current.await {
                    Ok(chosen) => chosen,
                    Err(e) => {
                        crate::ui::components::hidden_error(&e);
                        return ().into_any();
                    }
                };
                let options = Locale::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.tag() selected=chosen == Some(l)>{l.native_name()}</option> })
                    .collect_view();
                view! {
                    <section class="card" aria-labelledby="tablet-language-h" data-test="tablet-language">
                        <h2 id="tablet-language-h">{t("tablet-language")}</h2>
                        <p class="hint">{t("tablet-language-hint")}</p>
                        {move || matches!(action.value().get(), Some(Ok(()))).then(|| view! {
                            <p class="notice notice-ok" role="status">{t("tablet-language-saved")}</p>
                        })}
                        <leptos::form::ActionForm action=action attr:class="inline-form">
                            <crate::ui::components::CsrfField />
                            <input type="hidden" name="id" value=participant.to_string() />
                            <div class="field">
                                <label for="tablet-language-select">{t("field-language")}</label>
                                <select id="tablet-language-select" name="lang">
                                    <option value="" selected=chosen.is_none()>{t("tablet-language-none")}</option>
                                    {options}
                                </select>
                            </div>
                            <button type="submit" class="button-primary">{t("tablet-language-save")}</button>
                        </leptos::form::ActionForm>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}
