//! The catalogue's statements in the participants' languages (issue 13): one file per catalogue
//! version and language, `app/catalogue/cefr-vN.<lang>.csv`, so a new language is new rows for
//! the same version (the statements' meaning does not change); a corrected Swedish wording is
//! a new version, as before.
//!
//! File format: UTF-8, `;`-separated, no quoting (texts never contain `;` or `"`), header
//! `id;text;checked`, one line per statement of the version, in any order. `checked` is `yes`
//! when a qualified translator has checked the text, `no` until then.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;

/// The languages the statements are translated into besides Swedish and English (which are
/// the catalogue's own columns), as BCP 47 tags.
pub const LANGUAGES: [&str; 5] = ["ar", "prs", "so", "ti", "uk"];

/// The shipped translations: (catalogue version, language, file text).
pub const SHIPPED: &[(&str, &str, &str)] = &[
    ("v1", "ar", include_str!("../../catalogue/cefr-v1.ar.csv")),
    ("v1", "prs", include_str!("../../catalogue/cefr-v1.prs.csv")),
    ("v1", "so", include_str!("../../catalogue/cefr-v1.so.csv")),
    ("v1", "ti", include_str!("../../catalogue/cefr-v1.ti.csv")),
    ("v1", "uk", include_str!("../../catalogue/cefr-v1.uk.csv")),
];

/// One statement's text in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslatedText {
    /// The text.
    pub text: String,
    /// Whether a qualified translator has checked it.
    pub checked: bool,
}

/// A catalogue version's statements in one language: statement id → text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    /// The catalogue version.
    pub version: String,
    /// The language (BCP 47 tag).
    pub language: String,
    /// Statement id → its text.
    pub texts: BTreeMap<String, TranslatedText>,
}

/// Why a translation file cannot be used; every variant names the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TranslationError {
    /// The first line is not `id;text;checked`.
    #[error("the first line must be id;text;checked")]
    Header,
    /// A line without exactly three fields, or with an empty one.
    #[error("line {0}: three non-empty fields expected")]
    Fields(usize),
    /// A text with `"` (the file has no quoting).
    #[error("line {0}: the text may not contain a double quote")]
    Quote(usize),
    /// `checked` is neither `yes` nor `no`.
    #[error("line {0}: checked must be yes or no")]
    Checked(usize),
    /// A statement the catalogue version does not have.
    #[error("line {0}: no statement {1} in this catalogue version")]
    UnknownStatement(usize, String),
    /// A statement given twice.
    #[error("line {0}: statement {1} is given twice")]
    Duplicate(usize, String),
    /// Statements of the version without a text.
    #[error("{} statements have no text, e.g. {}", .0.len(), .0.first().cloned().unwrap_or_default())]
    Missing(Vec<String>),
}

impl Translation {
    /// Parses and checks the translation of `catalogue` into `language`: every statement of
    /// the version exactly once, nothing else.
    pub fn parse(
        catalogue: &Catalogue,
        language: &str,
        text: &str,
    ) -> Result<Self, TranslationError> {
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, header))
                if header.trim_start_matches('\u{feff}').trim() == "id;text;checked" => {}
            _ => return Err(TranslationError::Header),
        }
        let known: HashSet<&str> = catalogue.statements.iter().map(|s| s.id.as_str()).collect();
        let mut texts = BTreeMap::new();
        for (i, line) in lines {
            let n = i + 1;
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split(';').map(str::trim).collect();
            let [id, body, checked] = fields.as_slice() else {
                return Err(TranslationError::Fields(n));
            };
            if [id, body, checked].iter().any(|f| f.is_empty()) {
                return Err(TranslationError::Fields(n));
            }
            if body.contains('"') {
                return Err(TranslationError::Quote(n));
            }
            let checked = match *checked {
                "yes" => true,
                "no" => false,
                _ => return Err(TranslationError::Checked(n)),
            };
            if !known.contains(id) {
                return Err(TranslationError::UnknownStatement(n, (*id).to_owned()));
            }
            let entry = TranslatedText {
                text: (*body).to_owned(),
                checked,
            };
            if texts.insert((*id).to_owned(), entry).is_some() {
                return Err(TranslationError::Duplicate(n, (*id).to_owned()));
            }
        }
        let missing: Vec<String> = catalogue
            .statements
            .iter()
            .filter(|s| !texts.contains_key(&s.id))
            .map(|s| s.id.clone())
            .collect();
        if !missing.is_empty() {
            return Err(TranslationError::Missing(missing));
        }
        Ok(Translation {
            version: catalogue.version.clone(),
            language: language.to_owned(),
            texts,
        })
    }

    /// The shipped translations of catalogue `catalogue`, checked.
    pub fn shipped(catalogue: &Catalogue) -> Result<Vec<Self>, TranslationError> {
        SHIPPED
            .iter()
            .filter(|(v, _, _)| *v == catalogue.version)
            .map(|(_, lang, text)| Translation::parse(catalogue, lang, text))
            .collect()
    }

    /// How many texts a translator has checked.
    pub fn checked_count(&self) -> usize {
        self.texts.values().filter(|t| t.checked).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::VERSIONS;

    fn v1() -> Catalogue {
        Catalogue::current().unwrap()
    }

    #[test]
    fn every_statement_has_a_text_in_every_language_of_every_version() {
        for (version, text) in VERSIONS {
            let catalogue = Catalogue::parse(version, text).unwrap();
            let shipped = Translation::shipped(&catalogue).unwrap();
            let languages: Vec<&str> = shipped.iter().map(|t| t.language.as_str()).collect();
            assert_eq!(languages, LANGUAGES, "{version}");
            for t in &shipped {
                assert_eq!(t.texts.len(), catalogue.statements.len(), "{}", t.language);
                for s in &catalogue.statements {
                    let own = &t.texts[&s.id].text;
                    assert_ne!(own, &s.sv, "{} {} is the Swedish text", t.language, s.id);
                }
            }
        }
    }

    #[test]
    fn shipped_translations_are_marked_unchecked_until_a_translator_checks_them() {
        for t in Translation::shipped(&v1()).unwrap() {
            assert_eq!(t.checked_count(), 0, "{}", t.language);
        }
    }

    #[test]
    fn a_translation_must_cover_every_statement_once_and_nothing_else() {
        let c = v1();
        let first = &c.statements[0].id;
        let all: String = c
            .statements
            .iter()
            .map(|s| format!("{};t {};no\n", s.id, s.id))
            .collect();
        let ok = format!("id;text;checked\n{all}");
        assert!(Translation::parse(&c, "ar", &ok).is_ok());
        let missing = ok.replacen(&format!("{first};t {first};no\n"), "", 1);
        assert!(matches!(
            Translation::parse(&c, "ar", &missing),
            Err(TranslationError::Missing(m)) if m == vec![first.clone()]
        ));
        let twice = format!("{ok}{first};again;no\n");
        assert!(matches!(
            Translation::parse(&c, "ar", &twice),
            Err(TranslationError::Duplicate(_, id)) if &id == first
        ));
        let unknown = format!("{ok}X-1;text;no\n");
        assert!(matches!(
            Translation::parse(&c, "ar", &unknown),
            Err(TranslationError::UnknownStatement(_, id)) if id == "X-1"
        ));
    }

    #[test]
    fn broken_lines_are_refused_with_their_line_number() {
        let c = v1();
        let id = &c.statements[0].id;
        let cases = [
            ("id;text\n", TranslationError::Header),
            (
                &*format!("id;text;checked\n{id};text\n"),
                TranslationError::Fields(2),
            ),
            (
                &*format!("id;text;checked\n{id};;no\n"),
                TranslationError::Fields(2),
            ),
            (
                &*format!("id;text;checked\n{id};a \"b\";no\n"),
                TranslationError::Quote(2),
            ),
            (
                &*format!("id;text;checked\n\n{id};a;maybe\n"),
                TranslationError::Checked(3),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(Translation::parse(&c, "so", text), Err(want), "{text}");
        }
    }

    proptest::proptest! {
        /// Whatever a translator's file holds, parsing never panics, and a file it accepts
        /// gives every statement exactly one text.
        #[test]
        fn parsing_any_file_never_panics_and_accepts_only_complete_ones(
            text in "(id;text;checked\n)?([A-Z0-9;-]{0,12};[a-z ;\"]{0,8};(yes|no|x)\n){0,6}"
        ) {
            let c = v1();
            if let Ok(t) = Translation::parse(&c, "uk", &text) {
                proptest::prop_assert_eq!(t.texts.len(), c.statements.len());
            }
        }
    }
}
