//! The group grid: a test day's results for the whole group, keyboard first.

use super::*;

/// `/groups/:id/results`: the teacher enters a test day's results for the whole group.
#[component]
pub fn SfiGridPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse().ok())
            .map(GroupId)
    });
    let action = ServerAction::<SaveSfiGrid>::new();
    let grid = Resource::new(
        move || id.get(),
        |id| async move { get_sfi_grid(id.ok_or(AppError::NotFound)?).await },
    );
    let result = form_result(action);
    let typed = typed(<SaveSfiGrid as ServerFn>::PATH);
    view! {
        <Title text=t("sfi-grid") />
        <Suspense fallback=Loading>
            {move || Suspend::new({
                let typed = typed.clone();
                async move {
                let g = match grid.await { Ok(g) => g, Err(e) => return failed(e) };
                let heading = format!("{}: {}", t("sfi-grid"), g.group.name);
                let back = format!("/groups/{}", g.group.id);
                if g.members.is_empty() {
                    return view! { <h1>{heading}</h1><p>{t("sfi-grid-empty")}</p><p><A href=back>{t("back")}</A></p> }.into_any();
                }
                let teachers = g.teachers.iter().map(|u| (u.email.clone(), u.display_name.clone())).collect::<Vec<_>>();
                let date_problem = Signal::derive(move || problem_of(&result.get(), "test_date"));
                let teacher_problem = Signal::derive(move || problem_of(&result.get(), "teacher_email"));
                let refused = result.get_untracked().and_then(|r| r.err()).map(|e| e.problems().to_vec()).unwrap_or_default();
                let rows = g.members.into_iter().enumerate().map(|(i, m)| grid_row_data(i, m, &typed, &refused)).collect::<Vec<_>>();
                view! {
                    <h1>{heading}</h1>
                    <p class="hint" id="grid-hint">{t("sfi-grid-hint")}</p>
                    {move || match result.get() {
                        Some(Ok(s)) => Some(view! {
                            <p class="notice notice-ok" role="status" data-test="grid-saved">
                                {t_args("sfi-grid-saved", &[("created", s.created.to_string()), ("updated", s.updated.to_string()), ("unchanged", s.unchanged.to_string())])}
                            </p>
                        }.into_any()),
                        Some(Err(e)) => Some(view! { <ErrorNotice error=e /> }.into_any()),
                        None => None,
                    }}
                    <ActionForm action=action attr:class="stack" attr:data-test="sfi-grid">
                        <crate::ui::components::CsrfField />
                        <input type="hidden" name="group" value=g.group.id.to_string() />
                        <div class="row-fields">
                            <Field name="test_date" label="field-test_date" kind="date" value=typed.or("test_date", g.today.clone()) required=true problem=date_problem />
                            <SelectField name="teacher_email" label="field-teacher_email" options=teachers selected=typed.or("teacher_email", g.teacher_email.clone()) problem=teacher_problem />
                        </div>
                        <SfiGridTable rows=rows text=grid_text() />
                        <button type="submit" class="button-primary" data-test="grid-save">{t("sfi-save-all")}</button>
                    </ActionForm>
                    <p><A href=back>{t("back")}</A></p>
                }.into_any()
            }})}
        </Suspense>
    }
}

/// The translated texts of the grid's table.
fn grid_text() -> GridText {
    GridText {
        caption: t("sfi-grid"),
        participant: t("field-participant"),
        columns: GRID_COLUMNS
            .iter()
            .map(|c| t(&format!("field-{c}")))
            .collect(),
        courses: course_options(),
        scales: scale_options(),
        occasions: occasion_options(),
        required: problem_message(Problem::Required),
        not_in_scale: GradeScale::ALL
            .into_iter()
            .map(|s| {
                let p = SfiProblem::GradeNotInScale {
                    scale: s,
                    allowed: s.allowed(),
                };
                (s.as_str().to_owned(), problem_message(p.into()))
            })
            .collect(),
        below_path_start: (1..=3u8)
            .filter_map(|n| StudyPath::parse(&n.to_string()).ok())
            .map(|path| {
                let p = SfiProblem::CourseBelowPathStart {
                    path: path.value(),
                    first: path_start(path),
                };
                (path.value(), problem_message(p.into()))
            })
            .collect(),
    }
}

/// A member's row: the values typed into a refused grid (else the prefill) and the server's
/// problems of that row.
fn grid_row_data(
    index: usize,
    m: GridMember,
    typed: &Typed,
    refused: &[FieldProblem],
) -> GridRowData {
    let path = m.study_path;
    let latest = m
        .latest
        .as_ref()
        .map(|l| format!("{} · {}", l.test_date, result_text(l)))
        .unwrap_or_else(|| t("sfi-none-short"));
    let prefill = |c: &str| match c {
        "course" => m.course.as_str().to_owned(),
        "grade_scale" => m.grade_scale.as_str().to_owned(),
        "occasion" => m.occasion.as_str().to_owned(),
        _ => String::new(),
    };
    // A refused grid comes back as typed, but only for the same member in the same row.
    let same_row =
        typed.get(&format!("rows[{index}][participant_ref]")) == Some(m.participant_ref.as_str());
    let values = GRID_COLUMNS
        .iter()
        .map(|c| {
            let typed_value = same_row
                .then(|| typed.get(&format!("rows[{index}][{c}]")))
                .flatten();
            typed_value.map(str::to_owned).unwrap_or_else(|| prefill(c))
        })
        .collect();
    let row = Some(FormRow::Participant(m.participant_ref.clone()));
    let refused = refused
        .iter()
        .filter(|p| p.row == row)
        .map(|p| (p.field.clone(), p.value.clone(), problem_text(p)))
        .collect();
    GridRowData {
        sub: format!(
            "{}{}",
            m.participant_ref,
            path.map(|p| format!(" · {} {p}", t("field-study_path")))
                .unwrap_or_default()
        ),
        latest: format!("{}: {latest}", t("sfi-latest")),
        participant_ref: m.participant_ref,
        name: m.name,
        study_path: path,
        values,
        refused,
    }
}
