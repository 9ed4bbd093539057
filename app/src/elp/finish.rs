//! `/me/assessment/finish`: before an assessment is saved, the participant sees the level per
//! skill that their answers give, with the skills never started marked *not assessed*, and
//! saves or goes back (issue 12).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Redirect, A};

use super::api::{get_finish_summary, SubmitAssessment};
use super::pages::skill_name;
use crate::auth::pages::IdleSignOut;
use crate::domain::cefr::{CefrLevel, Skill};
use crate::ui::components::{form_result, tablet_failed, CsrfField, ErrorNotice, Loading};
use crate::ui::t;

/// One skill's row: its name and its level, or *not assessed*.
pub fn level_row(skill: Skill, level: Option<CefrLevel>) -> impl IntoView {
    let (text, assessed) = match level {
        Some(l) => (l.label().to_owned(), true),
        None => (t("elp-not-assessed"), false),
    };
    view! {
        <tr data-test=format!("level-{}", skill.as_str())>
            <th scope="row">{skill_name(skill)}</th>
            <td class="level" class:not-assessed=!assessed>{text}</td>
        </tr>
    }
}

/// Every skill's row, in the catalogue's order, from the levels stored (a skill without one
/// was not assessed).
pub fn level_rows(levels: &[(Skill, CefrLevel)]) -> impl IntoView {
    Skill::ALL
        .into_iter()
        .map(|s| level_row(s, levels.iter().find(|(k, _)| *k == s).map(|(_, l)| *l)))
        .collect_view()
}

/// `/me/assessment/finish`: the summary to confirm.
#[component]
pub fn FinishPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_finish_summary());
    let submit = ServerAction::<SubmitAssessment>::new();
    let result = form_result(submit);
    view! {
        <Title text=t("elp-finish-title") />
        <IdleSignOut />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let summary = match data.await {
                    Ok(Some(s)) => s,
                    Ok(None) => return view! { <Redirect path="/me/assessment" /> }.into_any(),
                    Err(e) => return tablet_failed(e),
                };
                let nothing = summary.levels.iter().all(|(_, l)| l.is_none());
                let rows = summary.levels.into_iter().map(|(s, l)| level_row(s, l)).collect_view();
                let refused = move || result.get().and_then(Result::err).map(|e| view! { <ErrorNotice error=e /> });
                let lead = if nothing { t("problem-nothing-answered") } else { t("elp-finish-lead") };
                let confirm = (!nothing).then(|| view! {
                    <ActionForm action=submit attr:class="stack">
                        <CsrfField />
                        <button type="submit" class="button-primary big" data-test="elp-confirm">{t("elp-confirm")}</button>
                    </ActionForm>
                });
                view! {
                    <section class="tablet" data-test="elp-finish">
                        <h1>{t("elp-finish-title")}</h1>
                        <p class="lead" data-test="elp-finish-lead">{lead}</p>
                        {(!nothing).then(|| view! { <crate::audio::pages::Listen id="elp-finish-lead" /> })}
                        <table class="list levels"><tbody>{rows}</tbody></table>
                        {refused}
                        {confirm}
                        <p><A href="/me/assessment" attr:class="button-secondary big" attr:data-test="elp-back">{t("elp-finish-back")}</A></p>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}
