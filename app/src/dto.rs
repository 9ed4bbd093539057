//! Data carried between server and browser: the shapes of lists and pages.
//! Built by the database layer, shown by the pages.

use serde::{Deserialize, Serialize};

use chrono::{NaiveDate, NaiveTime};

use crate::domain::ids::{DistrictId, GroupId, ParticipantId, SchoolId, SfiResultId, UserId};
use crate::domain::participant::{Gender, StudyPath};
use crate::domain::role::Role;
use crate::domain::status::ParticipantStatus;
use crate::domain::time_record::AbsenceReason;
use crate::domain::weeks::TimeKind;

/// A staff member as shown in lists (never the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffUser {
    /// Id.
    pub id: UserId,
    /// Sign-in e-mail, lower case.
    pub email: String,
    /// Name shown to others.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Whether the account may sign in.
    pub active: bool,
    /// Whether its password was set by someone else and must be changed at the next sign-in.
    pub must_change_password: bool,
}

/// A one-time password just set for a staff account, shown once to the coordinator who set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneTimePassword {
    /// The account's e-mail address.
    pub email: String,
    /// The password, to be changed at the next sign-in.
    pub password: String,
}

/// A school with its district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct School {
    /// Id.
    pub id: SchoolId,
    /// Name, unique in the programme.
    pub name: String,
    /// District id.
    pub district_id: DistrictId,
    /// District name.
    pub district: String,
    /// Participants placed at the school.
    pub participants: i64,
}

/// A district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct District {
    /// Id.
    pub id: DistrictId,
    /// Name.
    pub name: String,
}

/// A group as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Id.
    pub id: GroupId,
    /// Name, unique in the programme.
    pub name: String,
    /// The teacher.
    pub teacher_id: UserId,
    /// The teacher's name.
    pub teacher_name: String,
    /// Number of members.
    pub members: i64,
}

/// A member of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// Participant id.
    pub id: ParticipantId,
    /// Participant reference.
    pub participant_ref: String,
    /// Full name.
    pub name: String,
}

/// A participant as shown on their page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantDetail {
    /// Id.
    pub id: ParticipantId,
    /// The programme's own reference, e.g. `P-0042`.
    pub participant_ref: String,
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Gender as recorded.
    pub gender: Gender,
    /// Year of birth.
    pub birth_year: Option<i64>,
    /// School id.
    pub school_id: SchoolId,
    /// School name.
    pub school: String,
    /// District name.
    pub district: String,
    /// Mentor id.
    pub mentor_id: Option<UserId>,
    /// Mentor's name.
    pub mentor_name: Option<String>,
    /// Mentor's e-mail.
    pub mentor_email: Option<String>,
    /// First day of the introduction.
    pub start_date: NaiveDate,
    /// Planned terms, 1–3.
    pub planned_terms: i64,
    /// Date of the residence permit.
    pub residence_permit_date: Option<NaiveDate>,
    /// Date of arrival in Sweden.
    pub arrival_date: Option<NaiveDate>,
    /// SFI study path, 1–3.
    pub study_path: Option<StudyPath>,
    /// ISO 639-1 codes, `ar,en`.
    pub languages: String,
    /// Status.
    pub status: ParticipantStatus,
    /// Last day, for completed or left early.
    pub end_date: Option<NaiveDate>,
    /// Personal sign-in code for the tablet.
    pub sign_in_code: String,
    /// Whether a PIN has been set.
    pub has_pin: bool,
    /// Groups the participant is in, with their teacher's name.
    pub groups: Vec<(GroupId, String, String)>,
    /// The record's latest change (its newest history entry, PIN changes aside; 0 before
    /// any): an edit form sends it back, and the save is refused if the record changed since.
    pub version: i64,
}

impl ParticipantDetail {
    /// The participant's values as their file text (the edit form starts from these, and the
    /// history and the export compare and write them).
    pub fn raw(&self) -> crate::domain::participant::RawParticipant {
        use crate::domain::participant::format_date;
        crate::domain::participant::RawParticipant {
            participant_ref: self.participant_ref.clone(),
            given_name: self.given_name.clone(),
            family_name: self.family_name.clone(),
            gender: self.gender.to_string(),
            birth_year: self.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            school: self.school.clone(),
            district: self.district.clone(),
            mentor_email: self.mentor_email.clone().unwrap_or_default(),
            start_date: format_date(self.start_date),
            planned_terms: self.planned_terms.to_string(),
            residence_permit_date: self
                .residence_permit_date
                .map(format_date)
                .unwrap_or_default(),
            arrival_date: self.arrival_date.map(format_date).unwrap_or_default(),
            study_path: self.study_path.map(|p| p.to_string()).unwrap_or_default(),
            languages: self.languages.clone(),
        }
    }
}

/// A row of the register list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantSummary {
    /// Id.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// "Given Family".
    pub name: String,
    /// School name.
    pub school: String,
    /// District name.
    pub district: String,
    /// Mentor's name.
    pub mentor_name: Option<String>,
    /// Status.
    pub status: ParticipantStatus,
    /// First day.
    pub start_date: NaiveDate,
}

/// Filters of the register list; empty or missing fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ParticipantFilter {
    /// Search in reference and names.
    pub q: String,
    /// Only this school.
    pub school: Option<SchoolId>,
    /// Only this district.
    pub district: Option<DistrictId>,
    /// Only this mentor's participants.
    pub mentor: Option<UserId>,
    /// Only this status.
    pub status: Option<ParticipantStatus>,
    /// Page, 1-based.
    pub page: u32,
}

/// One change of one field, as kept in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When (Unix seconds).
    pub changed_at: i64,
    /// Who, if a staff member.
    pub changed_by: Option<String>,
    /// `web`, `import`, `cli`, `demo`.
    pub source: String,
    /// Column name.
    pub field: String,
    /// Value before (None when the record was created).
    pub old_value: Option<String>,
    /// Value after.
    pub new_value: Option<String>,
}

/// An SFI result as stored and shown (values as their file text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SfiResultRow {
    /// Id.
    pub id: SfiResultId,
    /// Whose.
    pub participant_id: ParticipantId,
    /// Their reference.
    pub participant_ref: String,
    /// The day of the test.
    pub test_date: chrono::NaiveDate,
    /// The course.
    pub course: crate::domain::sfi::SfiCourse,
    /// Start, checkpoint or finish.
    pub occasion: crate::domain::cefr::Occasion,
    /// The course grade (it knows its scale).
    pub grade: crate::domain::sfi::Grade,
    /// Part results on the same scale: reading, listening, speaking, writing.
    pub parts: [Option<crate::domain::sfi::Grade>; 4],
    /// The teacher's e-mail, if recorded.
    pub teacher_email: Option<String>,
    /// The teacher's name, if recorded.
    pub teacher_name: Option<String>,
    /// 1 when first saved, one more for each correction.
    pub version: i64,
    /// Last saved (Unix seconds).
    pub updated_at: i64,
}

impl SfiResultRow {
    /// The grade scale of the course grade and the parts.
    pub fn grade_scale(&self) -> crate::domain::sfi::GradeScale {
        self.grade.scale()
    }

    /// A part result as the form shows it (empty when none).
    pub fn part_text(&self, i: usize) -> String {
        self.parts
            .get(i)
            .copied()
            .flatten()
            .map(|g| g.to_string())
            .unwrap_or_default()
    }
}

/// One version of an SFI result in its history: created, corrected or deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SfiVersion {
    /// The result.
    pub result_id: SfiResultId,
    /// Its version number.
    pub version: i64,
    /// `create`, `update` or `delete`.
    pub action: String,
    /// When (Unix seconds).
    pub changed_at: i64,
    /// Who, if a staff member.
    pub changed_by: Option<String>,
    /// `web`, `import`, `cli`, `demo`.
    pub source: String,
    /// The values of this version (for `delete`: the last values).
    pub values: SfiResultRow,
}

/// A comment by a staff member on a self-assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Who wrote it.
    pub author: String,
    /// When (Unix seconds).
    pub created_at: i64,
    /// The text.
    pub body: String,
}

/// One teaching block of a stored weekly plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanBlockRow {
    /// 1 (Monday) … 7 (Sunday).
    pub weekday: u32,
    /// Start.
    pub start: NaiveTime,
    /// End.
    pub end: NaiveTime,
    /// The teacher's e-mail, if set.
    pub teacher_email: Option<String>,
    /// The teacher's name, if set.
    pub teacher_name: Option<String>,
}

/// One version of a participant's weekly plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRow {
    /// Id.
    pub id: crate::domain::ids::PlanId,
    /// In force from this day until a later plan's `valid_from`.
    pub valid_from: NaiveDate,
    /// Planned self-study per week.
    pub self_study_minutes: u32,
    /// Planned teaching per week (sum of the blocks).
    pub teaching_minutes: u32,
    /// The blocks, by weekday and start.
    pub blocks: Vec<PlanBlockRow>,
    /// Unix seconds.
    pub created_at: i64,
    /// Who made it.
    pub created_by: Option<String>,
}

/// One recorded time entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRow {
    /// Id.
    pub id: crate::domain::ids::TimeEntryId,
    /// Whose.
    pub participant_id: ParticipantId,
    /// Teaching or self-study.
    pub kind: TimeKind,
    /// The day.
    pub date: NaiveDate,
    /// Start.
    pub start: NaiveTime,
    /// End.
    pub end: NaiveTime,
    /// Length.
    pub minutes: u32,
    /// The teacher's name (teaching).
    pub teacher_name: Option<String>,
    /// The entry's version (a removal from a page that showed an older one is refused).
    pub version: i64,
}

/// One absence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbsenceRow {
    /// Id.
    pub id: crate::domain::ids::AbsenceId,
    /// Whose.
    pub participant_id: ParticipantId,
    /// First day.
    pub from_date: NaiveDate,
    /// Last day.
    pub to_date: NaiveDate,
    /// Why.
    pub reason: AbsenceReason,
    /// Note (may be empty).
    pub note: String,
    /// The absence's version (a removal from a page that showed an older one is refused).
    pub version: i64,
}

/// An active participant whose plans do not cover them from today on (the plan-coverage lists
/// of the coordinator's start page, the compliance report and the mentor's start page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanGap {
    /// Id.
    pub id: ParticipantId,
    /// Reference.
    pub participant_ref: String,
    /// Given and family name.
    pub name: String,
    /// School.
    pub school: String,
    /// Mentor's name, if any.
    pub mentor: Option<String>,
    /// Why they are listed.
    pub coverage: crate::domain::weeks::PlanCoverage,
}

/// One entry of the programme's calendar, as the calendar page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarEntry {
    /// Id.
    pub id: crate::domain::ids::CalendarId,
    /// The stored version; a delete must name it.
    pub version: i64,
    /// Scope, name, days, reason and note.
    pub days: crate::domain::calendar::ClosedDays,
}

/// One week of a participant measured against the minimum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekRow {
    /// The week.
    pub week: crate::domain::weeks::IsoWeek,
    /// Required minutes of each kind.
    pub required: u32,
    /// Taught minutes.
    pub teaching: u32,
    /// Self-study minutes.
    pub self_study: u32,
    /// Teaching shortfall.
    pub teaching_short: u32,
    /// Self-study shortfall.
    pub self_study_short: u32,
    /// Met, short or excused (for the running week: so far).
    pub status: crate::domain::weeks::WeekStatus,
    /// The week is still running.
    pub current: bool,
    /// The calendar's closed days on a weekday of this week (reason and note, e.g. `Höstlov`),
    /// for the participant's programme, district or school.
    pub closed: Vec<(crate::domain::calendar::ClosedReason, String)>,
}

impl WeekRow {
    /// The row of a measured week; `current` marks the running week.
    pub fn from_week(w: &crate::domain::weeks::WeekCompliance, current: bool) -> Self {
        WeekRow {
            week: w.week,
            required: w.required_minutes,
            teaching: w.teaching_minutes,
            self_study: w.self_study_minutes,
            teaching_short: w.teaching_shortfall,
            self_study_short: w.self_study_shortfall,
            status: w.status,
            current,
            closed: Vec::new(),
        }
    }

    /// The name of the tile's state in class names and catalogue ids: `current` for the
    /// running week, else `met`, `short` or `excused`.
    pub fn state(&self) -> &'static str {
        if self.current {
            "current"
        } else {
            self.status.as_str()
        }
    }

    /// A past week that was short (the running week is never counted as short yet).
    pub fn is_short(&self) -> bool {
        !self.current && self.status == crate::domain::weeks::WeekStatus::Short
    }
}

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

/// The exit talk's outcome as the participant's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeView {
    /// The participant.
    pub participant: ParticipantId,
    /// The outcome and its version, once recorded.
    pub outcome: Option<(crate::domain::outcome::OutcomeRecord, i64)>,
    /// The viewer may record, correct or remove it.
    pub can_record: bool,
    /// Today (in Stockholm): the form's default exit date.
    pub today: NaiveDate,
}

/// The indicators page: the range of start dates and the rows of the figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorsPage {
    /// First start date counted, if bounded.
    pub from: Option<NaiveDate>,
    /// Last start date counted, if bounded.
    pub to: Option<NaiveDate>,
    /// The district or school counted (or the whole programme).
    pub place: crate::domain::indicators::Place,
    /// The districts and schools to choose from, each district before its schools.
    pub places: Vec<crate::domain::indicators::Place>,
    /// `all` first, then by gender, district and school.
    pub rows: Vec<crate::domain::indicators::IndicatorRow>,
}

/// One step of a work or matching ladder as a participant's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepLine {
    /// Which ladder.
    pub ladder: crate::domain::steps::StepLadder,
    /// The step's code.
    pub code: String,
    /// The step's name in the viewer's language.
    pub name: String,
    /// The day the participant reached it, if they have.
    pub reached: Option<NaiveDate>,
    /// Who confirmed it.
    pub confirmed_by: Option<String>,
}

/// A participant's work and matching ladders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepsView {
    /// The participant.
    pub participant: ParticipantId,
    /// Every step of both ladders, each ladder's lowest first.
    pub steps: Vec<StepLine>,
    /// The level of the language ladder: the mean of the latest self-assessed levels, rounded
    /// down (`None`: never assessed).
    pub language: Option<crate::domain::cefr::CefrLevel>,
    /// The three ladders side by side (SVG).
    pub chart_svg: String,
    /// The viewer may record steps.
    pub can_record: bool,
    /// Today (in Stockholm): the form's default date.
    pub today: NaiveDate,
}

/// The indicators page's second half: the city's targets, the weekly minimum and the
/// self-assessed levels per group, and the chart of the main figures by gender.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorTargetsPage {
    /// First start date counted, if bounded.
    pub from: Option<NaiveDate>,
    /// Last start date counted, if bounded.
    pub to: Option<NaiveDate>,
    /// The day the targets were judged on.
    pub today: NaiveDate,
    /// `all` first, then by gender, district and school.
    pub figures: Vec<crate::domain::targets::TargetFigures>,
    /// The main figures by gender as an accessible SVG.
    pub chart_svg: String,
}
