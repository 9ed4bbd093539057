//! The languages page's figures and the upload of clips, for the web and the command line.

use crate::db::Db;
use crate::domain::catalogue::Catalogue;
use crate::domain::clip::Clip;
use crate::domain::ids::UserId;
use crate::domain::locale::Locale;
use crate::error::AppError;

use super::{ClipReport, LanguageRow, TranslationProblem, TranslationReport};

/// Every language's state for the current catalogue; `speech`: the server renders speech.
pub async fn overview(db: &Db, speech: bool) -> Result<Vec<LanguageRow>, AppError> {
    let catalogue = current_catalogue()?;
    let texts = crate::db::assessments::text_counts(db, &catalogue.version).await?;
    let clips = crate::db::clips::counts(db, &catalogue.version).await?;
    let interface = crate::i18n::participant_message_count();
    let stored = crate::db::translations::overrides(db).await?;
    Ok(Locale::ALL
        .into_iter()
        .map(|locale| {
            let (statements, statements_checked) =
                texts.get(locale.tag()).copied().unwrap_or_default();
            LanguageRow {
                locale,
                statements,
                statements_checked,
                interface,
                // The interface texts of Swedish and English are the product's own.
                interface_checked: if locale.is_staff() {
                    interface
                } else {
                    stored
                        .iter()
                        .filter(|((lang, _), (_, checked))| lang == locale.tag() && *checked)
                        .count()
                },
                voice: speech && crate::audio::voice(locale).is_some(),
                clips: clips
                    .get(locale.tag())
                    .and_then(|n| usize::try_from(*n).ok())
                    .unwrap_or_default(),
                total: catalogue.statements.len(),
            }
        })
        .collect())
}

/// Checks every clip of `files` (file name, bytes) and stores them all as `locale`'s clips of
/// the current catalogue, or none if any is refused.
pub async fn upload_clips(
    db: &Db,
    locale: Locale,
    files: Vec<(String, Vec<u8>)>,
    by: Option<UserId>,
) -> Result<ClipReport, AppError> {
    let catalogue = current_catalogue()?;
    let known = |id: &str| catalogue.statements.iter().any(|s| s.id == id);
    let mut clips = vec![];
    let mut problems = vec![];
    for (name, bytes) in files {
        let Some(statement) = Clip::statement_of(&name) else {
            problems.push((name, "clip-not-mp3".to_owned()));
            continue;
        };
        match Clip::parse(statement, bytes, known) {
            Ok(clip) => clips.push(clip),
            Err(p) => problems.push((name.clone(), p.message_id().to_owned())),
        }
    }
    if clips.is_empty() && problems.is_empty() {
        problems.push((String::new(), "clip-none".to_owned()));
    }
    let stored = if problems.is_empty() {
        crate::db::clips::save(db, &catalogue.version, locale.tag(), &clips, by).await?
    } else {
        0
    };
    Ok(ClipReport {
        locale,
        stored,
        problems,
    })
}

/// The current catalogue (a broken one is a bug of the release, logged).
fn current_catalogue() -> Result<Catalogue, AppError> {
    Catalogue::current().map_err(|e| {
        tracing::error!(error = %e, "the shipped catalogue is broken");
        AppError::Internal
    })
}

/// The translators' file of `locale`: every statement of the current catalogue and every
/// interface text of the participant's pages, with the Swedish and English beside.
pub async fn translator_file(db: &Db, locale: Locale) -> Result<String, AppError> {
    use crate::domain::translator_file::{write, EntryKind};
    use crate::i18n::{message_source, participant_message_ids};
    let catalogue = current_catalogue()?;
    let statements =
        crate::db::translations::statement_rows(db, &catalogue.version, locale.tag()).await?;
    let overrides = crate::db::translations::overrides(db).await?;
    let mut rows = vec![];
    for (id, sv, en, text, checked) in statements {
        rows.push((
            EntryKind::Statement,
            id,
            sv,
            en,
            text.unwrap_or_default(),
            checked,
        ));
    }
    for id in participant_message_ids() {
        let sv = message_source(Locale::Sv, &id).unwrap_or_default();
        let en = message_source(Locale::En, &id).unwrap_or_default();
        let (text, checked) = match overrides.get(&(locale.tag().to_owned(), id.clone())) {
            Some((text, checked)) => (text.clone(), *checked),
            None => (
                message_source(locale, &id).unwrap_or_default(),
                locale.is_staff(),
            ),
        };
        rows.push((EntryKind::Interface, id, sv, en, text, checked));
    }
    Ok(write(rows))
}

/// Imports a translator's corrected file for `locale` (not Swedish or English, the originals):
/// every row checked, then all stored with the old texts kept, or nothing.
pub async fn import_translations(
    db: &Db,
    locale: Locale,
    text: &str,
    by: Option<UserId>,
) -> Result<TranslationReport, AppError> {
    use crate::domain::translator_file::{parse, EntryKind, TranslatorFileError};
    use crate::i18n::{message_source, participant_message_ids};
    let catalogue = current_catalogue()?;
    let ids = participant_message_ids();
    let parsed = parse(
        text,
        |id| catalogue.statements.iter().any(|s| s.id == id),
        |id| {
            ids.iter()
                .any(|known| known == id)
                .then(|| message_source(Locale::En, id).unwrap_or_default())
        },
        crate::i18n::overlay::is_valid,
    );
    let mut report = TranslationReport {
        locale,
        stored: 0,
        problems: vec![],
    };
    match parsed {
        Ok(entries) => {
            // Only what the translator changed is stored (and the old text kept).
            let statements =
                crate::db::translations::statement_rows(db, &catalogue.version, locale.tag())
                    .await?;
            let stored = crate::db::translations::overrides(db).await?;
            let entries: Vec<_> = entries
                .into_iter()
                .filter(|e| {
                    let now = match e.kind {
                        EntryKind::Statement => statements.iter().find(|(id, ..)| *id == e.id).map(
                            |(_, _, _, text, checked)| (text.clone().unwrap_or_default(), *checked),
                        ),
                        EntryKind::Interface => stored
                            .get(&(locale.tag().to_owned(), e.id.clone()))
                            .cloned()
                            .or_else(|| message_source(locale, &e.id).map(|t| (t, false))),
                    };
                    now != Some((e.text.clone(), e.checked))
                })
                .collect();
            report.stored =
                crate::db::translations::apply(db, &catalogue.version, locale.tag(), &entries, by)
                    .await?;
            reload_overlay(db).await?;
        }
        Err(TranslatorFileError::File(problems)) => {
            report.problems = problems
                .iter()
                .map(|p| TranslationProblem {
                    line: 0,
                    column: String::new(),
                    message_id: p.message_id().to_owned(),
                    args: p
                        .args()
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect(),
                })
                .collect();
        }
        Err(TranslatorFileError::Rows(problems)) => {
            report.problems = problems
                .into_iter()
                .map(|p| TranslationProblem {
                    line: p.line,
                    column: p.column.to_owned(),
                    message_id: p.message_id.to_owned(),
                    args: vec![],
                })
                .collect();
        }
    }
    Ok(report)
}

/// Lays the stored interface texts over the shipped catalogue again if they changed since
/// `seen` (what the last call saw, `None` at first), as another server process's import
/// changes them; returns whether it did. Each server calls this every few seconds.
pub async fn reload_overlay_if_changed(db: &Db, seen: &mut Option<i64>) -> Result<bool, AppError> {
    let now = crate::db::translations::overrides_version(db).await?;
    if *seen == Some(now) {
        return Ok(false);
    }
    reload_overlay(db).await?;
    *seen = Some(now);
    Ok(true)
}

/// Lays the stored interface texts over the shipped catalogue (at start and after an import).
pub async fn reload_overlay(db: &Db) -> Result<(), AppError> {
    let stored = crate::db::translations::overrides(db).await?;
    crate::i18n::overlay::set(
        stored
            .into_iter()
            .filter_map(|((lang, id), (text, _))| Locale::from_tag(&lang).map(|l| (l, id, text))),
    );
    Ok(())
}
