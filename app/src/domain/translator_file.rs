//! The translators' file of one language (issue 13): every statement of the current catalogue
//! and every interface text of the participant's pages, with the Swedish and English beside,
//! for a qualified translator to check and correct in a spreadsheet. A coordinator downloads
//! it from `/languages` and imports the corrected file: all or nothing, the old texts kept.
//!
//! Columns (`;`-separated, UTF-8, quoted where a field holds `;`, `"` or a line break):
//! `kind` (`statement` or `interface`), `id`, `swedish`, `english` (read only: for the
//! translator), `text` (the translation; an interface text is Fluent, with its `{ $name }`
//! placeholders), `checked` (`yes` once a qualified translator has checked it, else `no`).

use std::collections::{BTreeSet, HashSet};

use super::csvfile::{self, ColumnSpec, FileProblem};

/// The file's columns.
pub const COLUMNS: ColumnSpec = ColumnSpec {
    required: &["kind", "id", "swedish", "english", "text", "checked"],
    optional: &[],
};

/// What a row translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    /// A statement of the catalogue.
    Statement,
    /// An interface text of the participant's pages (a Fluent message).
    Interface,
}

impl EntryKind {
    /// The value in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Statement => "statement",
            EntryKind::Interface => "interface",
        }
    }
}

/// One row of an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslatorEntry {
    /// What it translates.
    pub kind: EntryKind,
    /// The statement or message id.
    pub id: String,
    /// The translation.
    pub text: String,
    /// Whether a qualified translator has checked it.
    pub checked: bool,
}

/// A refused row: its line, the column and the message id saying why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The line in the file.
    pub line: usize,
    /// The column.
    pub column: &'static str,
    /// The catalogue id of the explanation.
    pub message_id: &'static str,
}

/// Why a file is refused: the file as a whole, or its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TranslatorFileError {
    /// The header or the records could not be read.
    File(Vec<FileProblem>),
    /// Rows with problems (every one, in line order).
    Rows(Vec<RowProblem>),
}

/// The `$variables` a Fluent text uses.
pub fn variables(text: &str) -> BTreeSet<String> {
    text.split('$')
        .skip(1)
        .map(|part| {
            part.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect()
        })
        .collect()
}

/// Parses a translator's file. `statement(id)` says whether the catalogue has the statement;
/// `message(id)` gives the English text of an interface message of the participant's pages
/// (`None`: no such message); `fluent_ok(text)` whether a text is a valid Fluent pattern.
pub fn parse(
    text: &str,
    statement: impl Fn(&str) -> bool,
    message: impl Fn(&str) -> Option<String>,
    fluent_ok: impl Fn(&str) -> bool,
) -> Result<Vec<TranslatorEntry>, TranslatorFileError> {
    let table = csvfile::read(text, &COLUMNS).map_err(TranslatorFileError::File)?;
    let mut out = vec![];
    let mut problems = vec![];
    let mut seen = HashSet::new();
    for row in &table.rows {
        let line = row.line;
        let field = |c: &str| row.get(c).unwrap_or_default().trim().to_owned();
        let mut refuse = |column: &'static str, message_id: &'static str| {
            problems.push(RowProblem {
                line,
                column,
                message_id,
            });
        };
        let kind = match field("kind").as_str() {
            "statement" => EntryKind::Statement,
            "interface" => EntryKind::Interface,
            _ => {
                refuse("kind", "translation-problem-kind");
                continue;
            }
        };
        let id = field("id");
        let body = row.get("text").unwrap_or_default().trim().to_owned();
        let checked = match field("checked").as_str() {
            "yes" => true,
            "no" => false,
            _ => {
                refuse("checked", "translation-problem-checked");
                continue;
            }
        };
        if !seen.insert((kind, id.clone())) {
            refuse("id", "translation-problem-twice");
            continue;
        }
        if body.is_empty() {
            refuse("text", "translation-problem-empty");
            continue;
        }
        match kind {
            EntryKind::Statement => {
                if !statement(&id) {
                    refuse("id", "translation-problem-unknown");
                    continue;
                }
                if body.contains(['\n', '\r', ';', '"']) {
                    refuse("text", "translation-problem-statement-chars");
                    continue;
                }
            }
            EntryKind::Interface => {
                let Some(english) = message(&id) else {
                    refuse("id", "translation-problem-unknown");
                    continue;
                };
                if !fluent_ok(&body) {
                    refuse("text", "translation-problem-fluent");
                    continue;
                }
                if variables(&body) != variables(&english) {
                    refuse("text", "translation-problem-variables");
                    continue;
                }
            }
        }
        out.push(TranslatorEntry {
            kind,
            id,
            text: body,
            checked,
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(TranslatorFileError::Rows(problems))
    }
}

/// Writes a translator's file: `rows` are (kind, id, Swedish, English, text, checked).
pub fn write(
    rows: impl IntoIterator<Item = (EntryKind, String, String, String, String, bool)>,
) -> String {
    csvfile::write(
        COLUMNS.required,
        rows.into_iter().map(|(kind, id, sv, en, text, checked)| {
            vec![
                kind.as_str().to_owned(),
                id,
                sv,
                en,
                text,
                if checked { "yes" } else { "no" }.to_owned(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_with(text: &str) -> Result<Vec<TranslatorEntry>, TranslatorFileError> {
        parse(
            text,
            |id| id == "L-PA1-1",
            |id| match id {
                "me-hello" => Some("Hello, { $name }!".to_owned()),
                "me-lead" => Some("What do you want to do?".to_owned()),
                _ => None,
            },
            |t| !t.contains("{ {"),
        )
    }

    #[test]
    fn a_written_file_reads_back_unchanged() {
        let rows = vec![
            (
                EntryKind::Statement,
                "L-PA1-1".to_owned(),
                "Jag förstår; hej".to_owned(),
                "I understand".to_owned(),
                "أفهم".to_owned(),
                false,
            ),
            (
                EntryKind::Interface,
                "me-hello".to_owned(),
                "Hej { $name }!".to_owned(),
                "Hello, { $name }!".to_owned(),
                "مرحبا { $name }!".to_owned(),
                true,
            ),
            (
                EntryKind::Interface,
                "me-lead".to_owned(),
                "Vad?".to_owned(),
                "What?".to_owned(),
                "=1+1 multi\n line".to_owned(),
                false,
            ),
        ];
        let text = write(rows.clone());
        let back = parse_with(&text).unwrap();
        assert_eq!(back.len(), 3);
        assert_eq!(back[0].text, "أفهم");
        assert!(back[1].checked && !back[0].checked);
        assert_eq!(back[2].text, "=1+1 multi\n line");
    }

    #[test]
    fn every_bad_row_is_refused_with_its_line_and_column() {
        let header = "kind;id;swedish;english;text;checked\n";
        let text = format!(
            "{header}statement;L-PA1-1;;;ok;no\nwhat;x;;;t;no\nstatement;NOPE;;;t;no\ninterface;me-hello;;;Hej!;no\ninterface;me-lead;;;t;maybe\nstatement;L-PA1-1;;;again;no\ninterface;me-lead;;;;no\n"
        );
        let Err(TranslatorFileError::Rows(problems)) = parse_with(&text) else {
            panic!("refused expected");
        };
        let got: Vec<(usize, &str, &str)> = problems
            .iter()
            .map(|p| (p.line, p.column, p.message_id))
            .collect();
        assert_eq!(
            got,
            vec![
                (3, "kind", "translation-problem-kind"),
                (4, "id", "translation-problem-unknown"),
                (5, "text", "translation-problem-variables"),
                (6, "checked", "translation-problem-checked"),
                (7, "id", "translation-problem-twice"),
                (8, "text", "translation-problem-empty"),
            ]
        );
    }

    #[test]
    fn a_file_without_the_columns_is_refused_as_a_whole() {
        assert!(matches!(
            parse_with("id;text\nx;y\n"),
            Err(TranslatorFileError::File(_))
        ));
    }

    proptest::proptest! {
        /// Any text: parsing never panics, and what it accepts has known ids only.
        #[test]
        fn parsing_any_text_never_panics(body in "(kind;id;swedish;english;text;checked\n)?((statement|interface|x);(L-PA1-1|me-lead|q);[a-z ]{0,3};[a-z ]{0,3};[a-z${} ]{0,6};(yes|no)\n){0,5}") {
            if let Ok(entries) = parse_with(&body) {
                for e in entries {
                    proptest::prop_assert!(e.id == "L-PA1-1" || e.id == "me-lead");
                }
            }
        }
    }
}
