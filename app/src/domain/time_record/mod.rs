//! Recorded time and absences as entered on a page or read from a `teaching` or `absences`
//! file (FORMATS.md): the raw text fields, the valid records they parse into, and the
//! compliance of a participant's weeks computed from stored minutes.
//!
//! Two rules need other records and are checked by the caller with the values from the
//! database: overlaps and the daily limit ([`TimeRecord::check_against`], with the same
//! participant's entries of the same kind), and whether `teacher_email` belongs to a teacher.

mod absence;
mod clock;
mod compliance;
mod entry;
mod register;
mod rollup;
mod short;
#[cfg(test)]
mod test_support;

pub use absence::{AbsenceReason, AbsenceRecord, RawAbsence, ABSENCE_COLUMNS};
pub use clock::{format_clock, parse_clock, week_code, week_of_code, weekday_number};
pub use compliance::{weeks_of, Enrolment, Tally, WeekMinutes};
pub use entry::{RawTimeEntry, TimeKey, TimeRecord, TEACHING_COLUMNS};
pub use register::{default_lesson, usual_lesson, DayBlock};
pub use rollup::{roll_up, ReportCell, ReportLine};
pub use short::{recent_short_weeks, short_weeks_from, ShortRank, SHORT_WEEKS_LOOKBACK};
