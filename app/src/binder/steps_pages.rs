//! `/ladder-steps`: the coordinators rename the steps of the work and matching ladders and add
//! steps of the programme's own (server components only).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::api::{get_step_definitions, DefineStep, StepDefinitionView};
use crate::domain::steps::StepLadder;
use crate::error::AppError;
use crate::ui::components::{
    failed, form_result, problem_of, was_refused, CsrfField, ErrorNotice, Field, Loading,
};
use crate::ui::flash::typed;
use crate::ui::{t, t_args};

/// One step's row: its code, the name shown, and a form to rename it.
fn step_row(d: StepDefinitionView) -> impl IntoView {
    let action = ServerAction::<DefineStep>::new();
    let prefix = format!("{}-{}", d.ladder.as_str(), d.code);
    let sv_id = format!("sv-{prefix}");
    let en_id = format!("en-{prefix}");
    let label_sv = t_args("steps-name-sv-of", &[("step", d.shown.clone())]);
    let label_en = t_args("steps-name-en-of", &[("step", d.shown.clone())]);
    view! {
        <tr data-test=format!("step-def-{prefix}")>
            <th scope="row">{d.shown.clone()}<span class="cell-sub"><code>{d.code.clone()}</code></span></th>
            <td colspan="3">
                <ActionForm action=action attr:class="row-fields">
                    <CsrfField />
                    <input type="hidden" name="ladder" value=d.ladder.as_str() />
                    <input type="hidden" name="code" value=d.code.clone() />
                    <div class="field">
                        <label for=sv_id.clone() class="visually-hidden">{label_sv}</label>
                        <input id=sv_id name="name_sv" value=d.name_sv.clone() placeholder=t("steps-default-name") />
                    </div>
                    <div class="field">
                        <label for=en_id.clone() class="visually-hidden">{label_en}</label>
                        <input id=en_id name="name_en" value=d.name_en.clone() placeholder=t("steps-default-name") />
                    </div>
                    <button type="submit" class="button-secondary">{t("steps-rename")}</button>
                </ActionForm>
            </td>
        </tr>
    }
}

#[component]
fn AddStep(ladder: StepLadder) -> impl IntoView {
    let action = ServerAction::<DefineStep>::new();
    let result = form_result(action);
    let typed = typed(<DefineStep as ServerFn>::PATH).only_if("ladder", ladder.as_str());
    let refused = was_refused(result) && !typed.is_empty();
    let p = move |f: &'static str| Signal::derive(move || problem_of(&result.get(), f));
    view! {
        <details class="form-card" open=refused>
            <summary>{t(&format!("steps-add-{}", ladder.as_str()))}</summary>
            {move || match result.get() {
                Some(Err(e)) if refused => Some(view! { <ErrorNotice error=e /> }),
                _ => None,
            }}
            <ActionForm action=action attr:class="stack" attr:data-test=format!("step-add-{}", ladder.as_str())>
                <CsrfField />
                <input type="hidden" name="ladder" value=ladder.as_str() />
                <Field name="code" id=format!("{}-code", ladder.as_str()) label="field-step_code" value=typed.or("code", String::new()) required=true hint="hint-step_code" problem=p("code") />
                <Field name="name_sv" id=format!("{}-name_sv", ladder.as_str()) label="field-name_sv" value=typed.or("name_sv", String::new()) required=true problem=p("name_sv") />
                <Field name="name_en" id=format!("{}-name_en", ladder.as_str()) label="field-name_en" value=typed.or("name_en", String::new()) problem=p("name_en") />
                <button type="submit" class="button-primary">{t("steps-add")}</button>
            </ActionForm>
        </details>
    }
}

fn ladder_table(ladder: StepLadder, all: &[StepDefinitionView]) -> impl IntoView {
    let rows = all
        .iter()
        .filter(|d| d.ladder == ladder)
        .cloned()
        .map(step_row)
        .collect_view();
    view! {
        <section class="card" aria-labelledby=format!("h-{}", ladder.as_str())>
            <h2 id=format!("h-{}", ladder.as_str())>{t(&format!("ladder-{}", ladder.as_str()))}</h2>
            <table class="list" data-test=format!("step-defs-{}", ladder.as_str())>
                <thead><tr>
                    <th scope="col">{t("field-step")}</th>
                    <th scope="col" colspan="3">{t("steps-own-names")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <AddStep ladder />
        </section>
    }
}

/// `/ladder-steps`: every step of both ladders; coordinators rename them and add steps.
#[component]
pub fn StepDefinitionsPage() -> impl IntoView {
    let data = Resource::new(|| (), |()| get_step_definitions());
    view! {
        <Title text=t("steps-definitions-title") />
        <h1>{t("steps-definitions-title")}</h1>
        <p class="hint">{t("steps-definitions-explained")}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(all) => StepLadder::ALL.map(|l| ladder_table(l, &all)).into_iter().collect_view().into_any(),
                    Err(AppError::Invalid(problems)) => view! { <ErrorNotice error=AppError::Invalid(problems) /> }.into_any(),
                    Err(e) => failed(e),
                }
            })}
        </Suspense>
    }
}
