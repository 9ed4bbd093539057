//! The coordinator's languages page (issue 13): each language of the participant's pages with
//! how many statements and interface texts a qualified translator has checked, whether the
//! server has a voice for it, and how many statements lack a recorded clip; the upload of
//! clips (web and `server clips import`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod http;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use serde::{Deserialize, Serialize};

use crate::domain::locale::Locale;

/// One language's state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageRow {
    /// The language.
    pub locale: Locale,
    /// Statements of the current catalogue with a text in the language.
    pub statements: usize,
    /// Of those, checked by a qualified translator.
    pub statements_checked: usize,
    /// Interface texts of the participant's pages in the language.
    pub interface: usize,
    /// Of those, checked by a qualified translator.
    pub interface_checked: usize,
    /// Whether the server speaks the language itself (espeak-ng installed, a voice for it).
    pub voice: bool,
    /// Recorded clips of the current catalogue's statements.
    pub clips: usize,
    /// Statements of the current catalogue.
    pub total: usize,
}

impl LanguageRow {
    /// Statements without a recorded clip.
    pub fn clips_missing(&self) -> usize {
        self.total.saturating_sub(self.clips)
    }
}

/// What an upload of clips did: stored them all, or refused them all with each problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClipReport {
    /// The language of the clips.
    pub locale: Locale,
    /// How many were stored (none when refused).
    pub stored: usize,
    /// Each refused file with the message id of its problem and the statement it names.
    pub problems: Vec<(String, String)>,
}

/// Where the upload form posts.
pub const CLIPS_PATH: &str = "/languages/clips";

/// What an import of a translator's file did: stored every row, or refused the file with
/// each problem (line, column, message id, its arguments; line 0 for the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationReport {
    /// The language of the file.
    pub locale: Locale,
    /// Rows stored (none when refused).
    pub stored: usize,
    /// The problems.
    pub problems: Vec<TranslationProblem>,
}

/// One problem of a refused translators' file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationProblem {
    /// The line (0 for the file as a whole).
    pub line: usize,
    /// The column.
    pub column: String,
    /// The catalogue id of the explanation.
    pub message_id: String,
    /// Its arguments.
    pub args: Vec<(String, String)>,
}

/// Where the translators' file is imported.
pub const TRANSLATIONS_PATH: &str = "/languages/translations";
