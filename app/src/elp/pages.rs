//! The self-assessment on the tablet (one statement per screen, large buttons, read-aloud,
//! answers saved as they are given) and the assessments section of a participant's page.
//!
//! The answer buttons are a plain form posted to the server function, so answering works
//! before (and without) the wasm, and each answer is stored before the next screen shows.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{
    get_assessment_home, get_assessment_skill, list_assessments, AssessmentView, CommentAssessment,
};
use super::islands::{ScreenText, SkillScreen};
use super::queue::{csrf_token, TabletQueue};
use crate::auth::pages::IdleSignOut;
use crate::domain::cefr::{Answer, Occasion, Skill};
use crate::domain::ids::ParticipantId;
use crate::ui::components::tablet_failed;
use crate::ui::components::{form_result, problem_of, ErrorNotice, Loading};
use crate::ui::{day, t, t_args, use_locale};

pub(super) fn skill_name(s: Skill) -> String {
    t(&format!("skill-{}", s.as_str()))
}

/// A picture for each skill (decorative: the name is always written beside it), as SVG
/// paths on a 24×24 grid, so it looks the same on every tablet without an emoji font.
pub fn skill_paths(s: Skill) -> &'static str {
    match s {
        Skill::Listening => {
            r#"<path d="M4 15v-3a8 8 0 0 1 16 0v3"/><rect x="3" y="14" width="4" height="6" rx="1"/><rect x="17" y="14" width="4" height="6" rx="1"/>"#
        }
        Skill::Reading => {
            r#"<path d="M2 5h7a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H2z"/><path d="M22 5h-7a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h8z"/>"#
        }
        Skill::SpokenInteraction => {
            r#"<path d="M3 4h11v8H8l-3 3v-3H3z"/><path d="M17 8h4v8h-2v3l-3-3h-5v-2"/>"#
        }
        Skill::SpokenProduction => r#"<path d="M4 4h16v11H9l-5 4z"/><path d="M8 9h8"/>"#,
        Skill::Writing => r#"<path d="M4 20l4-1 11-11-3-3L5 16z"/><path d="M14 6l3 3"/>"#,
    }
}

pub use crate::ui::icon::{icon, SPEAKER};

fn occasion_name(o: Occasion) -> String {
    t(&format!("occasion-{}", o.as_str()))
}

/// `/me/assessment`: start or continue the self-assessment, choose a skill, submit.
#[component]
pub fn AssessmentHomePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_assessment_home());
    view! {
        <Title text=t("elp-title") />
        <IdleSignOut />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let home = match data.await { Ok(h) => h, Err(e) => return tablet_failed(e) };
                let latest = home.latest.clone().map(|(date, levels)| {
                    let rows = super::finish::level_rows(&levels);
                    view! {
                        <section class="card" aria-labelledby="latest-h" data-test="elp-latest">
                            <h2 id="latest-h">{t_args("elp-latest", &[("date", day(date))])}</h2>
                            <table class="list levels"><tbody>{rows}</tbody></table>
                        </section>
                    }
                });
                let body = match home.draft {
                    None => {
                        let others: Vec<Occasion> = Occasion::ALL.into_iter().filter(|o| *o != home.suggested).collect();
                        let other_buttons = others.into_iter().map(|o| view! {
                            <button type="submit" name="occasion" value=o.as_str() class="button-secondary big">{occasion_name(o)}</button>
                        }).collect_view();
                        view! {
                            <p class="lead">{t("elp-intro")}</p>
                            <crate::audio::pages::Listen id="elp-intro" />
                            <form method="post" action="/api/assessment/start" class="stack">
                                <crate::ui::components::CsrfField />
                                <button type="submit" name="occasion" value=home.suggested.as_str() class="button-primary big" data-test="elp-start">
                                    {t("elp-start")}" ("{occasion_name(home.suggested)}")"
                                </button>
                                <details>
                                    <summary>{t("elp-other-occasion")}</summary>
                                    <div class="row-fields">{other_buttons}</div>
                                </details>
                            </form>
                        }.into_any()
                    }
                    Some((occasion, progress)) => {
                        let answered: usize = progress.iter().map(|p| p.answered).sum();
                        let total: usize = progress.iter().map(|p| p.total).sum();
                        let cards = progress.into_iter().map(|p| {
                            let href = format!("/me/assessment/{}", p.skill.as_str());
                            let count = t_args("elp-count", &[("answered", p.answered.to_string()), ("total", p.total.to_string())]);
                            view! {
                                <li>
                                    <A href=href attr:class="skill-card" attr:data-test=format!("skill-{}", p.skill.as_str())>
                                        <span class="skill-icon">{icon(skill_paths(p.skill), 40)}</span>
                                        <span class="skill-name">{skill_name(p.skill)}</span>
                                        <span class="skill-count">{count}</span>
                                    </A>
                                </li>
                            }
                        }).collect_view();
                        let resume = home.resume.map(|(s, i)| {
                            let href = format!("/me/assessment/{}?i={i}", s.as_str());
                            view! { <p><A href=href attr:class="button-primary big" attr:data-test="elp-continue">{t("elp-continue")}</A></p> }
                        });
                        let progress_text = t_args("elp-count", &[("answered", answered.to_string()), ("total", total.to_string())]);
                        view! {
                            <p class="lead">{t_args("elp-draft", &[("occasion", occasion_name(occasion))])}</p>
                            <p data-test="elp-progress">{progress_text}</p>
                            {resume}
                            <h2>{t("elp-choose-skill")}</h2>
                            <crate::audio::pages::Listen id="elp-choose-skill" />
                            <ul class="skill-cards">{cards}</ul>
                            <div class="card stack">
                                <p>{t("elp-submit-explain")}</p>
                                <crate::audio::pages::Listen id="elp-submit-explain" />
                                <A href="/me/assessment/finish" attr:class="button-primary big" attr:data-test="elp-submit">{t("elp-submit")}</A>
                            </div>
                        }.into_any()
                    }
                };
                view! {
                    <section class="tablet" data-test="elp-home">
                        <h1>{t("elp-title")}</h1>
                        {body}
                        {latest}
                        <p><A href="/me">{t("elp-back-me")}</A></p>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}

/// `/me/assessment/:skill?i=N`: one statement per screen with the three answers.
#[component]
pub fn SkillPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let locale = use_locale();
    let skill = Memo::new(move |_| params.read().get("skill").unwrap_or_default());
    let sheet = Resource::new(
        move || skill.get(),
        move |s| get_assessment_skill(s, locale.tag().to_owned()),
    );
    view! {
        <IdleSignOut />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let sheet = match sheet.await { Ok(s) => s, Err(e) => return tablet_failed(e) };
                let total = sheet.statements.len();
                if total == 0 {
                    return view! { <p>{t("elp-no-statements")}</p> }.into_any();
                }
                let first_open = sheet.statements.iter().position(|s| s.answer.is_none()).unwrap_or(0);
                let index = query.read().get("i").and_then(|i| i.parse::<usize>().ok()).unwrap_or(first_open).min(total - 1);
                let name = skill_name(sheet.skill);
                let speech = match locale.tag() { "sv" => "sv-SE", "en" => "en-GB", other => other }.to_owned();
                let text = ScreenText {
                    positions: (1..=total).map(|n| t_args("elp-position", &[("n", n.to_string()), ("total", total.to_string())])).collect(),
                    counts: (0..=total).map(|k| t_args("elp-count", &[("answered", k.to_string()), ("total", total.to_string())])).collect(),
                    answers: Answer::ALL.into_iter().map(|a| t(&format!("answer-{}", a.as_str()))).collect(),
                    goal: t("elp-goal"),
                    previous: t("elp-previous"),
                    skip: t("elp-skip"),
                    skills: t("elp-skills"),
                    nav: t("elp-nav"),
                    progress: t("elp-progress-label"),
                    queued: t("elp-queued"),
                    listen_sv: t("audio-listen-sv"),
                    speech: speech.clone(),
                };
                let owner = sheet.owner;
                view! {
                    <Title text=name.clone() />
                    <TabletQueue owner=owner />
                    <section class="tablet statement-screen" data-test="elp-statement">
                        <p class="skill-head"><span class="skill-icon">{icon(skill_paths(sheet.skill), 32)}</span>" "<strong>{name}</strong></p>
                        <SkillScreen sheet=sheet start=index owner=owner csrf=csrf_token() text=text>
                            {icon(SPEAKER, 24)}" "{t("audio-listen")}
                        </SkillScreen>
                        // Shown by `/play.js` where the tablet has a voice of its own for the
                        // language; the choice is remembered on the tablet.
                        <label class="own-voice" hidden>
                            <input type="checkbox" data-own-voice="" data-lang=speech data-test="own-voice" />
                            " "{t("audio-own-voice")}
                        </label>
                        <crate::audio::pages::PlayScript />
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}

fn assessment_card(
    a: AssessmentView,
    can_comment: bool,
    action: ServerAction<CommentAssessment>,
) -> impl IntoView {
    let levels = super::finish::level_rows(&a.levels);
    let source = if a.catalogue_version.is_some() {
        t_args(
            "elp-source-tablet",
            &[
                ("version", a.catalogue_version.clone().unwrap_or_default()),
                ("threshold", a.threshold.clone().unwrap_or_default()),
            ],
        )
    } else {
        t("elp-source-paper")
    };
    let goals = (!a.goals.is_empty()).then(|| {
        let items = a
            .goals
            .iter()
            .map(|g| view! { <li>{g.clone()}</li> })
            .collect_view();
        view! { <h4>{t("elp-goals")}</h4><ul>{items}</ul> }
    });
    let comments = a
        .comments
        .iter()
        .map(|c| {
            let when = crate::ui::moment_day(c.created_at);
            view! { <li><strong>{c.author.clone()}</strong>" ("{when}"): "{c.body.clone()}</li> }
        })
        .collect_view();
    let result = form_result(action);
    let field_id = format!("comment-{}", a.id);
    let form = can_comment.then(|| {
        let problem = Signal::derive(move || problem_of(&result.get(), "body"));
        view! {
            <ActionForm action=action attr:class="stack">
                <crate::ui::components::CsrfField />
                <input type="hidden" name="assessment" value=a.id.to_string() />
                <div class="field" class:field-invalid=move || problem.get().is_some()>
                    <label for=field_id.clone()>{t("elp-comment")}</label>
                    <textarea id=field_id.clone() name="body" rows="2"></textarea>
                    {move || problem.get().map(|p| view! { <p class="field-error">{p}</p> })}
                </div>
                <button type="submit" class="button-secondary">{t("elp-comment-add")}</button>
            </ActionForm>
        }
    });
    let heading = format!("{} · {}", day(a.assessed_on), occasion_name(a.occasion));
    view! {
        <article class="card" data-test="elp-assessment">
            <h3>{heading}</h3>
            <p class="hint">{source}</p>
            <table class="list levels"><tbody>{levels}</tbody></table>
            {goals}
            <h4>{t("elp-comments")}</h4>
            <ul>{comments}</ul>
            {form}
        </article>
    }
}

/// The self-assessments of a participant, for their page (staff) or `/me`.
#[component]
pub fn AssessmentsSection(
    /// Whose.
    participant: ParticipantId,
) -> impl IntoView {
    let comment = ServerAction::<CommentAssessment>::new();
    let data = Resource::new(move || participant, list_assessments);
    view! {
        <section aria-labelledby="elp-h" data-test="elp">
            <h2 id="elp-h">{t("elp-heading")}</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(list) if list.assessments.is_empty() => view! { <p>{t("elp-none")}</p> }.into_any(),
                        Ok(list) => {
                            let can = list.can_comment;
                            list.assessments.into_iter().rev().map(|a| assessment_card(a, can, comment)).collect_view().into_any()
                        }
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
