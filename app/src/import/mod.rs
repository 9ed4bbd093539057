//! The files of FORMATS.md, in and out: which kinds exist ([`ImportKind`]), reading a file
//! as a table, the all-or-nothing ending shared by every kind, the per-kind rules, the
//! dispatch used by the web upload and the command line, the CSV downloads, and the one
//! upload card of the import page.
//!
//! This module sits below the features: it imports `domain`, `db` and `ui`, never a feature,
//! and the features call it (the SFI grid and the register save through the same code as a
//! file).

pub mod api;
#[cfg(feature = "ssr")]
pub mod assessments;
#[cfg(feature = "ssr")]
pub mod calendar;
#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod indicators;
#[cfg(feature = "ssr")]
pub mod jobs;
#[cfg(feature = "ssr")]
pub mod outcomes;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod participants;
#[cfg(feature = "ssr")]
pub mod run;
#[cfg(feature = "ssr")]
pub mod sfi;
#[cfg(feature = "ssr")]
pub mod steps;
#[cfg(feature = "ssr")]
pub mod table;
#[cfg(feature = "ssr")]
pub mod teaching;
#[cfg(feature = "ssr")]
pub mod time;

use serde::{Deserialize, Serialize};

use crate::domain::problem::FieldProblem;

/// The file kinds that hold a participant's own rows, in the order a person's data lists them.
pub const PERSON_KINDS: [ImportKind; 7] = [
    ImportKind::Participants,
    ImportKind::SfiResults,
    ImportKind::Assessments,
    ImportKind::Teaching,
    ImportKind::Absences,
    ImportKind::Outcomes,
    ImportKind::LadderSteps,
];

/// A kind of file that can be imported (and exported) on the web and the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImportKind {
    /// `participants`.
    Participants,
    /// `sfi-results`.
    SfiResults,
    /// `assessments`.
    Assessments,
    /// `teaching`.
    Teaching,
    /// `absences`.
    Absences,
    /// `calendar`.
    Calendar,
    /// `outcomes`.
    Outcomes,
    /// `ladder-steps`.
    LadderSteps,
}

/// Each kind with its name in FORMATS.md.
const NAMES: [(ImportKind, &str); 8] = [
    (ImportKind::Participants, "participants"),
    (ImportKind::SfiResults, "sfi-results"),
    (ImportKind::Assessments, "assessments"),
    (ImportKind::Teaching, "teaching"),
    (ImportKind::Absences, "absences"),
    (ImportKind::Calendar, "calendar"),
    (ImportKind::Outcomes, "outcomes"),
    (ImportKind::LadderSteps, "ladder-steps"),
];

impl ImportKind {
    /// Every kind, in the order the import page and the usage text list them.
    pub const ALL: [ImportKind; 8] = [
        ImportKind::Participants,
        ImportKind::SfiResults,
        ImportKind::Assessments,
        ImportKind::Teaching,
        ImportKind::Absences,
        ImportKind::Calendar,
        ImportKind::Outcomes,
        ImportKind::LadderSteps,
    ];

    /// The kind named `s` as FORMATS.md spells it, if there is one.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    /// The name of FORMATS.md (`sfi-results`), also the file name of its export.
    pub fn as_str(self) -> &'static str {
        NAMES
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("", |(_, name)| name)
    }

    /// The kinds' names joined for a usage message: `participants, sfi-results, …`.
    pub fn names() -> String {
        Self::ALL.map(Self::as_str).join(", ")
    }

    /// The columns the file must and may have.
    #[cfg(feature = "ssr")]
    pub fn spec(self) -> &'static crate::domain::csvfile::ColumnSpec {
        match self {
            ImportKind::Participants => &crate::domain::participant_import::PARTICIPANT_SPEC,
            ImportKind::SfiResults => &crate::domain::sfi_import::SFI_SPEC,
            ImportKind::Assessments => &assessments::ASSESSMENT_SPEC,
            ImportKind::Teaching => &time::TEACHING_SPEC,
            ImportKind::Absences => &time::ABSENCE_SPEC,
            ImportKind::Calendar => &calendar::CALENDAR_SPEC,
            ImportKind::Outcomes => &outcomes::OUTCOME_SPEC,
            ImportKind::LadderSteps => &steps::STEP_SPEC,
        }
    }

    /// The catalogue id of the upload card's heading.
    pub fn title_id(self) -> &'static str {
        match self {
            ImportKind::Participants => "import-participants",
            ImportKind::SfiResults => "import-sfi-results",
            ImportKind::Assessments => "import-assessments",
            ImportKind::Teaching => "import-teaching",
            ImportKind::Absences => "import-absences",
            ImportKind::Calendar => "import-calendar",
            ImportKind::Outcomes => "import-outcomes",
            ImportKind::LadderSteps => "import-ladder-steps",
        }
    }

    /// The catalogue id of the file field's label.
    pub fn file_label_id(self) -> &'static str {
        match self {
            ImportKind::Participants => "import-file-participants",
            ImportKind::SfiResults => "import-file-sfi",
            ImportKind::Assessments => "import-file-assessments",
            ImportKind::Teaching => "import-file-teaching",
            ImportKind::Absences => "import-file-absences",
            ImportKind::Calendar => "import-file-calendar",
            ImportKind::Outcomes => "import-file-outcomes",
            ImportKind::LadderSteps => "import-file-ladder-steps",
        }
    }

    /// The catalogue id of the hint under the heading, for the kinds that have one.
    pub fn hint_id(self) -> Option<&'static str> {
        match self {
            ImportKind::Participants => Some("import-hint"),
            ImportKind::SfiResults => Some("import-sfi-hint"),
            ImportKind::Assessments => Some("import-assessments-hint"),
            ImportKind::Calendar => Some("import-calendar-hint"),
            ImportKind::Outcomes => Some("import-outcomes-hint"),
            ImportKind::LadderSteps => Some("import-ladder-steps-hint"),
            ImportKind::Teaching | ImportKind::Absences => None,
        }
    }

    /// The catalogue id of the export link.
    pub fn export_id(self) -> &'static str {
        match self {
            ImportKind::Participants => "export-participants",
            ImportKind::SfiResults => "export-sfi-results",
            ImportKind::Assessments => "export-assessments",
            ImportKind::Teaching => "export-teaching",
            ImportKind::Absences => "export-absences",
            ImportKind::Calendar => "export-calendar",
            ImportKind::Outcomes => "export-outcomes",
            ImportKind::LadderSteps => "export-ladder-steps",
        }
    }

    /// The short name used in catalogue ids and `data-test` names (`sfi`, `teaching`, …).
    pub fn short(self) -> &'static str {
        match self {
            ImportKind::Participants => "participants",
            ImportKind::SfiResults => "sfi",
            ImportKind::Assessments => "assessments",
            ImportKind::Teaching => "teaching",
            ImportKind::Absences => "absences",
            ImportKind::Calendar => "calendar",
            ImportKind::Outcomes => "outcomes",
            ImportKind::LadderSteps => "ladder-steps",
        }
    }
}

impl std::fmt::Display for ImportKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The result of checking or importing a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ImportReport {
    /// The uploaded file's name.
    pub file_name: String,
    /// Problems with the file as a whole (message id and arguments): one with the header, or
    /// one per malformed line; empty when the file could be read.
    pub file_problems: Vec<(String, Vec<(String, String)>)>,
    /// Problems of rows, with line numbers.
    pub rows: Vec<(usize, FieldProblem)>,
    /// Rows that would create / created a record.
    pub created: usize,
    /// Rows that would update / updated one.
    pub updated: usize,
    /// Rows equal to what is stored.
    pub unchanged: usize,
    /// True once stored.
    pub committed: bool,
}

impl ImportReport {
    /// True when nothing is wrong with the file.
    pub fn is_valid(&self) -> bool {
        self.file_problems.is_empty() && self.rows.is_empty()
    }
}

/// How far a running step has read an uploaded file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Bytes read.
    pub done: u64,
    /// Bytes of the file.
    pub total: u64,
}

impl Progress {
    /// Percent read, 0 to 100.
    pub fn percent(self) -> u8 {
        crate::domain::upload::percent(self.done, self.total)
    }
}

/// Where an uploaded file is on its way to the register, as its page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ImportState {
    /// Its rows are being checked (nothing is stored).
    Checking {
        /// The uploaded file's name.
        file_name: String,
        /// How far the check has read.
        progress: Progress,
    },
    /// Its row report is ready; a valid file can be imported.
    Checked(ImportReport),
    /// It is being imported (all or nothing).
    Importing {
        /// The uploaded file's name.
        file_name: String,
        /// How far the import has read.
        progress: Progress,
    },
    /// It has been imported: what was stored.
    Imported(ImportReport),
    /// A step stopped on an error of the server (logged); nothing was stored.
    Failed {
        /// The uploaded file's name.
        file_name: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_parses_back_from_its_name() {
        assert_eq!(NAMES.len(), ImportKind::ALL.len());
        for k in ImportKind::ALL {
            assert!(!k.as_str().is_empty(), "{k:?} has a name");
            assert_eq!(ImportKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ImportKind::parse("compliance"), None);
        assert_eq!(ImportKind::parse(""), None);
    }

    #[test]
    fn the_usage_names_follow_formats_md() {
        assert_eq!(
            ImportKind::names(),
            "participants, sfi-results, assessments, teaching, absences, calendar, outcomes, ladder-steps"
        );
    }

    #[test]
    fn every_kind_of_a_persons_data_has_a_label_in_both_languages() {
        use crate::i18n::{translate, Locale};
        for kind in PERSON_KINDS {
            let id = format!("person-kind-{}", kind.as_str());
            for locale in Locale::ALL {
                assert_ne!(translate(locale, &id, &[]), id, "{id} in {locale:?}");
            }
        }
    }
}
