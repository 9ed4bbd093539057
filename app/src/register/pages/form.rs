//! The participant form, shared by "new" and "edit".

use leptos::prelude::*;

use crate::domain::participant::RawParticipant;
use crate::error::AppError;
use crate::register::api::RegisterOptions;
use crate::ui::components::{problem_of, Field, SelectField};
use crate::ui::flash::Typed;
use crate::ui::t;

/// The fields of a participant, named `raw[…]` for the server function. `result` is the last
/// result of the form's action, so each field shows its own problem.
#[component]
pub fn ParticipantFields(
    /// Values to start from.
    raw: RawParticipant,
    /// School, district and mentor choices.
    options: RegisterOptions,
    /// The action's last result.
    #[prop(into)]
    result: Signal<Option<Result<(), AppError>>>,
    /// What was typed into this form when the server refused it (empty otherwise).
    #[prop(optional)]
    typed: Typed,
) -> impl IntoView {
    let raw = RawParticipant {
        participant_ref: typed.or("raw[participant_ref]", raw.participant_ref),
        given_name: typed.or("raw[given_name]", raw.given_name),
        family_name: typed.or("raw[family_name]", raw.family_name),
        gender: typed.or("raw[gender]", raw.gender),
        birth_year: typed.or("raw[birth_year]", raw.birth_year),
        school: typed.or("raw[school]", raw.school),
        district: typed.or("raw[district]", raw.district),
        mentor_email: typed.or("raw[mentor_email]", raw.mentor_email),
        start_date: typed.or("raw[start_date]", raw.start_date),
        planned_terms: typed.or("raw[planned_terms]", raw.planned_terms),
        residence_permit_date: typed.or("raw[residence_permit_date]", raw.residence_permit_date),
        arrival_date: typed.or("raw[arrival_date]", raw.arrival_date),
        study_path: typed.or("raw[study_path]", raw.study_path),
        languages: typed.or("raw[languages]", raw.languages),
    };
    let p = move |field: &'static str| Signal::derive(move || problem_of(&result.get(), field));
    let gender = ["female", "male", "other", "unspecified"]
        .into_iter()
        .map(|g| (g.to_owned(), t(&format!("gender-{g}"))))
        .collect::<Vec<_>>();
    let terms = ["1", "2", "3"]
        .into_iter()
        .map(|n| (n.to_owned(), n.to_owned()))
        .collect::<Vec<_>>();
    let mut paths = vec![(String::new(), t("none"))];
    paths.extend(
        ["1", "2", "3"]
            .into_iter()
            .map(|n| (n.to_owned(), n.to_owned())),
    );
    let mut mentors = vec![(String::new(), t("none"))];
    mentors.extend(
        options
            .mentors
            .iter()
            .map(|m| (m.email.clone(), format!("{} ({})", m.display_name, m.email))),
    );
    let schools = options
        .schools
        .iter()
        .map(|s| view! { <option value=s.name.clone()>{s.district.clone()}</option> })
        .collect_view();
    let districts = options
        .districts
        .iter()
        .map(|d| view! { <option value=d.name.clone()></option> })
        .collect_view();
    view! {
        <fieldset>
            <legend>{t("participant-person")}</legend>
            <Field name="raw[participant_ref]" label="field-participant_ref" value=raw.participant_ref required=true hint="hint-participant_ref" problem=p("participant_ref") />
            <Field name="raw[given_name]" label="field-given_name" value=raw.given_name required=true autocomplete="off" problem=p("given_name") />
            <Field name="raw[family_name]" label="field-family_name" value=raw.family_name required=true autocomplete="off" problem=p("family_name") />
            <SelectField name="raw[gender]" label="field-gender" options=gender selected=raw.gender problem=p("gender") />
            <Field name="raw[birth_year]" label="field-birth_year" value=raw.birth_year inputmode="numeric" problem=p("birth_year") />
            <Field name="raw[languages]" label="field-languages" value=raw.languages hint="hint-languages" problem=p("languages") />
        </fieldset>
        <fieldset>
            <legend>{t("participant-placement")}</legend>
            <div class="field" class:field-invalid=move || p("school").get().is_some()>
                <label for="raw_school_">{t("field-school")}<span class="req" aria-hidden="true">" *"</span></label>
                <input id="raw_school_" name="raw[school]" list="schools" value=raw.school required
                    aria-describedby=move || p("school").get().map(|_| "raw_school_-error") />
                <datalist id="schools">{schools}</datalist>
                {move || p("school").get().map(|e| view! { <p class="field-error" id="raw_school_-error">{e}</p> })}
            </div>
            <div class="field" class:field-invalid=move || p("district").get().is_some()>
                <label for="raw_district_">{t("field-district")}<span class="req" aria-hidden="true">" *"</span></label>
                <input id="raw_district_" name="raw[district]" list="districts" value=raw.district required
                    aria-describedby=move || p("district").get().map(|_| "raw_district_-error") />
                <datalist id="districts">{districts}</datalist>
                {move || p("district").get().map(|e| view! { <p class="field-error" id="raw_district_-error">{e}</p> })}
            </div>
            <SelectField name="raw[mentor_email]" label="field-mentor" options=mentors selected=raw.mentor_email problem=p("mentor_email") />
            <Field name="raw[start_date]" label="field-start_date" kind="date" value=raw.start_date required=true problem=p("start_date") />
            <SelectField name="raw[planned_terms]" label="field-planned_terms" options=terms selected=raw.planned_terms problem=p("planned_terms") />
            <SelectField name="raw[study_path]" label="field-study_path" options=paths selected=raw.study_path problem=p("study_path") />
        </fieldset>
        <fieldset>
            <legend>{t("participant-arrival")}</legend>
            <Field name="raw[residence_permit_date]" label="field-residence_permit_date" kind="date" value=raw.residence_permit_date problem=p("residence_permit_date") />
            <Field name="raw[arrival_date]" label="field-arrival_date" kind="date" value=raw.arrival_date problem=p("arrival_date") />
        </fieldset>
    }
}
