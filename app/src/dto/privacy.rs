//! The access log and erasure pages.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::ids::ParticipantId;
use crate::domain::status::ParticipantStatus;

use super::StaffUser;

/// What the access log's page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogPage {
    /// The events, newest first.
    pub entries: Vec<crate::domain::access_log::AccessEntry>,
    /// The first day shown.
    pub from: NaiveDate,
    /// The last day shown.
    pub to: NaiveDate,
    /// Whether more events matched than are shown.
    pub truncated: bool,
    /// Every staff account, by name: the filter's choice of whose actions to show.
    pub staff: Vec<StaffUser>,
}

/// The participant an erasure page is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureTarget {
    /// Id.
    pub id: ParticipantId,
    /// Reference (typed to confirm).
    pub participant_ref: String,
    /// Given and family name.
    pub name: String,
    /// Status.
    pub status: ParticipantStatus,
    /// The day the introduction ended, if it has.
    pub end_date: Option<NaiveDate>,
}

/// What an erasure did, shown once after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureDone {
    /// The statistical record that took the participant's place, by its pseudonym.
    pub pseudonym: String,
    /// Rows deleted, all tables together.
    pub rows_deleted: u64,
}

/// A participant due for erasure under the retention time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueForErasure {
    /// Id.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// Given and family name.
    pub name: String,
    /// Status.
    pub status: ParticipantStatus,
    /// The day the introduction ended.
    pub end_date: NaiveDate,
}

/// The data-protection page: the retention time, who is due, how many records were erased.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataProtection {
    /// Whole years kept after an introduction ended, if the programme set a retention time.
    pub retention_years: Option<u32>,
    /// Introductions that ended before this day are due (with a retention time).
    pub cutoff: Option<NaiveDate>,
    /// The participants due for erasure, oldest end first.
    pub due: Vec<DueForErasure>,
    /// Statistical records of erased participants.
    pub erased: i64,
}
