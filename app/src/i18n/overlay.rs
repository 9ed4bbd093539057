//! Interface texts corrected by translators (issue 13): stored in the database
//! (`ui_translations`) and laid over the shipped catalogue, so a correction reaches the
//! tablet without a release. Loaded at start and after every import of a translator's file.

use std::sync::{LazyLock, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::Locale;

/// One bundle per language that has corrections.
type Bundles = Vec<(Locale, FluentBundle<FluentResource>)>;

static OVERLAY: LazyLock<RwLock<Bundles>> = LazyLock::new(Default::default);

/// How many times the corrections have been laid over the catalogue in this process.
static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The corrections' generation in this process: it moves on each time they are laid over the
/// catalogue, so that what was translated before keys apart from what is translated after.
pub fn generation() -> u64 {
    GENERATION.load(std::sync::atomic::Ordering::Acquire)
}

/// The Fluent source of message `id` with pattern `text`: its lines after the first indented,
/// as Fluent wants continuation lines.
pub fn entry(id: &str, text: &str) -> String {
    let mut out = format!("{id} =");
    for (i, line) in text.lines().enumerate() {
        if i == 0 {
            out.push(' ');
        } else {
            out.push('\n');
            if !line.starts_with([' ', '\t']) {
                out.push_str("    ");
            }
        }
        out.push_str(line);
    }
    out.push('\n');
    out
}

/// Whether `text` is a valid Fluent pattern (one message with a value, nothing else).
pub fn is_valid(text: &str) -> bool {
    match FluentResource::try_new(entry("checked-message", text)) {
        Ok(resource) => {
            let mut bundle = FluentBundle::new_concurrent(vec![unic_langid::langid!("en")]);
            bundle.add_resource(resource).is_ok()
                && bundle
                    .get_message("checked-message")
                    .is_some_and(|m| m.value().is_some())
        }
        Err(_) => false,
    }
}

/// Lays `texts` (locale, message id, Fluent pattern) over the catalogue: the corrections of
/// each language in `texts` replace that language's earlier ones.
pub fn set(texts: impl IntoIterator<Item = (Locale, String, String)>) {
    let mut bundles: Bundles = vec![];
    for (locale, id, text) in texts {
        let Ok(resource) = FluentResource::try_new(entry(&id, &text)) else {
            tracing::warn!(
                language = locale.tag(),
                id,
                "a stored interface text does not parse"
            );
            continue;
        };
        let position = match bundles.iter().position(|(l, _)| *l == locale) {
            Some(p) => p,
            None => {
                let lang = unic_langid::LanguageIdentifier::from_bytes(locale.tag().as_bytes())
                    .unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![lang]);
                bundle.set_use_isolating(false);
                bundles.push((locale, bundle));
                bundles.len() - 1
            }
        };
        if let Some((_, bundle)) = bundles.get_mut(position) {
            bundle.add_resource_overriding(resource);
        }
    }
    // Corrections are replaced, never removed: a language with none keeps what it had.
    if let Ok(mut overlay) = OVERLAY.write() {
        overlay.retain(|(l, _)| !bundles.iter().any(|(b, _)| b == l));
        overlay.extend(bundles);
    }
    GENERATION.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
}

/// Message `id` in `locale` as corrected by a translator, if it was.
pub(super) fn format(locale: Locale, id: &str, args: &FluentArgs<'_>) -> Option<String> {
    let overlay = OVERLAY.read().ok()?;
    let (_, bundle) = overlay.iter().find(|(l, _)| *l == locale)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = vec![];
    Some(
        bundle
            .format_pattern(pattern, Some(args), &mut errors)
            .into_owned(),
    )
}
