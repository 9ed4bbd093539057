//! Start pages: per staff role, and the participant's own page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Redirect, A};

use crate::auth::pages::IdleSignOut;
use crate::auth::use_me;
use crate::domain::cefr::Skill;
use crate::domain::role::Principal;
use crate::register::api::{my_record, start_page, Home};
use crate::ui::components::Loading;
use crate::ui::components::{failed, tablet_failed};
use crate::ui::{t, t_args};

use super::mine::{CLOCK, LADDER, PASSPORT};

/// `/`: the start page of the signed-in staff member; participants go to `/me`, others sign in.
#[component]
pub fn HomePage() -> impl IntoView {
    let me = use_me();
    let data = Resource::new(|| (), |_| start_page());
    view! {
        <Title text=t("nav-start") />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let who = match me {
                    Some(r) => r.await.ok().flatten(),
                    None => None,
                };
                match who.map(|m| m.principal) {
                    None => view! { <Redirect path="/sign-in" /> }.into_any(),
                    Some(Principal::Participant(_)) => view! { <Redirect path="/me" /> }.into_any(),
                    Some(Principal::Staff { .. }) => match data.await {
                        Ok(h) => home_view(h).into_any(),
                        Err(e) => failed(e),
                    },
                }
            })}
        </Suspense>
    }
}

fn home_view(h: Home) -> impl IntoView {
    match h {
        Home::Coordinator {
            active,
            completed,
            left_early,
            schools,
        } => view! {
            <h1 data-test="start-coordinator">{t("home-coordinator-title")}</h1>
            <dl class="stats">
                <div><dt>{t("status-active")}</dt><dd>{active}</dd></div>
                <div><dt>{t("status-completed")}</dt><dd>{completed}</dd></div>
                <div><dt>{t("status-left_early")}</dt><dd>{left_early}</dd></div>
                <div><dt>{t("nav-schools")}</dt><dd>{schools}</dd></div>
            </dl>
            <ul class="actions">
                <li><A href="/participants/new">{t("participant-new")}</A></li>
                <li><A href="/participants">{t("nav-participants")}</A></li>
                <li><A href="/import">{t("nav-import")}</A></li>
                <li><A href="/compliance">{t("nav-compliance")}</A></li>
                <li><A href="/calendar">{t("nav-calendar")}</A></li>
            </ul>
            <crate::hours::pages::ShortWeeksSection />
            <crate::hours::pages::PlanGapsSection />
        }
        .into_any(),
        Home::Mentor(_) => view! {
            <h1 data-test="start-mentor">{t("home-mentor-title")}</h1>
            <super::mentor_start::MentorStart />
        }
        .into_any(),
        Home::Teacher(groups) => {
            let empty = groups.is_empty();
            let items = groups
                .into_iter()
                .map(|g| {
                    let href = format!("/groups/{}", g.id);
                    let count = t_args("group-members-count", &[("count", g.members.to_string())]);
                    let results = format!("/groups/{}/results", g.id);
                    let register = format!("/groups/{}/register", g.id);
                    view! { <li><A href=href>{g.name}</A>" · "{count}" · "<A href=results>{t("sfi-grid")}</A>" · "<A href=register>{t("register-title")}</A></li> }
                })
                .collect_view();
            view! {
                <h1 data-test="start-teacher">{t("home-teacher-title")}</h1>
                {empty.then(|| view! { <p>{t("home-teacher-empty")}</p> })}
                <ul class="cards">{items}</ul>
            }
            .into_any()
        }
    }
}

/// One large tile of `/me`: an icon, a short name and one short sentence.
fn tile(
    href: &'static str,
    test: &'static str,
    icon: &'static str,
    name: &'static str,
    hint: &'static str,
) -> impl IntoView {
    view! {
        <li>
            <A href=href attr:class="tile" attr:data-test=test>
                <span class="tile-icon">{crate::elp::pages::icon(icon, 48)}</span>
                <span class="tile-name">{t(name)}</span>
                <span class="tile-hint">{t(hint)}</span>
            </A>
            // Beside the link, not in it: a button may not sit inside a link.
            <crate::audio::pages::Listen id=hint />
        </li>
    }
}

/// `/me`: the participant's own page on the tablet: a few large tiles.
#[component]
pub fn MePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| my_record());
    view! {
        <Title text=t("nav-me") />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => {
                        let hello = t_args("me-hello", &[("name", p.given_name.clone())]);
                        let mentor = p.mentor_name.clone().map(|name| view! {
                            <p>{t_args("me-mentor", &[("name", name)])}</p>
                        });
                        view! {
                            <IdleSignOut />
                            <section class="tablet" data-test="start-participant">
                                <h1>{hello}</h1>
                                <p class="lead">{t("me-lead")}</p>
                                <crate::audio::pages::Listen id="me-lead" />
                                <ul class="tiles">
                                    {tile("/me/assessment", "elp-open", crate::elp::pages::skill_paths(Skill::SpokenProduction), "elp-open", "me-tile-elp-hint")}
                                    {tile("/me/ladder", "tile-ladder", LADDER, "me-tile-ladder", "me-tile-ladder-hint")}
                                    {tile("/me/passport", "tile-passport", PASSPORT, "me-tile-passport", "me-tile-passport-hint")}
                                    {tile("/me/hours", "tile-hours", CLOCK, "me-tile-hours", "me-tile-hours-hint")}
                                </ul>
                                {mentor}
                            </section>
                            <section class="tablet" aria-labelledby="my-language">
                                <h2 id="my-language">{t("me-language")}</h2>
                                <crate::auth::pages::LanguageChoice back="/me" />
                            </section>
                            <crate::audit::pages::MyVisits />
                            <crate::elp::queue::TabletQueue owner=p.id />
                        }
                        .into_any()
                    }
                    Err(e) => tablet_failed(e),
                }
            })}
        </Suspense>
    }
}
