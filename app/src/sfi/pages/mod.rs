//! Pages of SFI results: the group grid (keyboard first), and the SFI section of a
//! participant's page with start and finish, the single-result form, corrections and history.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::api::{
    get_sfi_grid, sfi_results, CorrectSfiResult, CreateSfiResult, DeleteSfiResult, GridMember,
    SaveSfiGrid, SfiOverview, SfiResultRow, SfiVersion,
};
use super::islands::{GridRowData, GridText, SfiGridTable, GRID_COLUMNS};
use crate::domain::ids::{GroupId, ParticipantId};
use crate::domain::participant::StudyPath;
use crate::domain::problem::{FieldProblem, FormRow, Problem};
use crate::domain::sfi::{path_start, GradeScale, SfiCourse, SfiProblem};
use crate::error::AppError;
use crate::ui::components::failed;
use crate::ui::components::{
    form_result, problem_of, problem_text, ErrorNotice, Field, Loading, SelectField,
};
use crate::ui::flash::{typed, Typed};
use crate::ui::{t, t_args};
use leptos::server_fn::ServerFn;

/// The four part columns, in file order.
const PARTS: [&str; 4] = ["reading", "listening", "speaking", "writing"];

fn occasion_options() -> Vec<(String, String)> {
    ["start", "checkpoint", "finish"]
        .into_iter()
        .map(|o| (o.to_owned(), t(&format!("occasion-{o}"))))
        .collect()
}

fn course_options() -> Vec<(String, String)> {
    SfiCourse::ALL
        .into_iter()
        .map(|c| (c.as_str().to_owned(), c.as_str().to_owned()))
        .collect()
}

fn scale_options() -> Vec<(String, String)> {
    GradeScale::ALL
        .into_iter()
        .map(|s| (s.as_str().to_owned(), t(&format!("scale-{}", s.as_str()))))
        .collect()
}

/// The translated text of a problem without a field.
fn problem_message(p: Problem) -> String {
    problem_text(&FieldProblem::new("", "", p))
}

fn occasion_label(o: &str) -> String {
    t(&format!("occasion-{o}"))
}

/// The part results that were given, e.g. "reading VG, speaking G".
fn parts_text(r: &SfiResultRow) -> String {
    PARTS
        .iter()
        .zip(&r.parts)
        .filter_map(|(name, v)| v.map(|v| (name, v)))
        .map(|(name, v)| format!("{} {v}", t(&format!("field-{name}")).to_lowercase()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "C: G" with the part results, e.g. "C: G (reading VG, speaking G)".
fn result_text(r: &SfiResultRow) -> String {
    let parts = parts_text(r);
    if parts.is_empty() {
        format!("{}: {}", r.course, r.grade)
    } else {
        format!("{}: {} ({parts})", r.course, r.grade)
    }
}

fn guide_text(course: &str) -> String {
    SfiCourse::parse(course)
        .map(|c| c.cefr_guide().label())
        .unwrap_or_default()
}

mod grid;
mod section;

pub use grid::SfiGridPage;
pub use section::SfiSection;
