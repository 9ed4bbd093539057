//! The binder's other half: outcomes, indicators and the work and matching ladders.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::ids::ParticipantId;

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
