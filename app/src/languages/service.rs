//! The languages page's figures and the upload of clips, for the web and the command line.

use crate::db::Db;
use crate::domain::catalogue::Catalogue;
use crate::domain::clip::Clip;
use crate::domain::ids::UserId;
use crate::domain::locale::Locale;
use crate::error::AppError;

use super::{ClipReport, LanguageRow};

/// Every language's state for the current catalogue; `speech`: the server renders speech.
pub async fn overview(db: &Db, speech: bool) -> Result<Vec<LanguageRow>, AppError> {
    let catalogue = Catalogue::current().map_err(|e| {
        tracing::error!(error = %e, "the shipped catalogue is broken");
        AppError::Internal
    })?;
    let texts = crate::db::assessments::text_counts(db, &catalogue.version).await?;
    let clips = crate::db::clips::counts(db, &catalogue.version).await?;
    let interface = crate::i18n::participant_message_count();
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
                interface_checked: if locale.is_staff() { interface } else { 0 },
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
    let catalogue = Catalogue::current().map_err(|e| {
        tracing::error!(error = %e, "the shipped catalogue is broken");
        AppError::Internal
    })?;
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
