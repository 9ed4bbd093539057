//! The participant's own pages on the shared tablet, behind the tiles of `/me` (issue 12):
//! short, large, one subject per page, each with the idle sign-out and the answer queue.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::auth::pages::IdleSignOut;
use crate::domain::ids::ParticipantId;
use crate::register::api::my_record;
use crate::ui::components::{tablet_failed, Loading};
use crate::ui::t;

/// A ladder (the language ladder's tile).
pub const LADDER: &str = r#"<path d="M7 3v18M17 3v18M7 7h10M7 12h10M7 17h10"/>"#;
/// A passport.
pub const PASSPORT: &str = r#"<rect x="5" y="3" width="14" height="18" rx="2"/><circle cx="12" cy="10" r="3"/><path d="M9 17h6"/>"#;
/// A clock (hours).
pub const CLOCK: &str = r#"<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 3"/>"#;

/// One of the participant's own pages: the idle sign-out, a way back to `/me`, the heading
/// `title` (a message id), `body` for the signed-in participant, and the answer queue.
fn my_page(
    title: &'static str,
    test: &'static str,
    body: fn(ParticipantId) -> AnyView,
) -> impl IntoView {
    let data = Resource::new(|| (), |_| my_record());
    view! {
        <Title text=t(title) />
        <IdleSignOut />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! {
                        <section class="tablet" data-test=test>
                            <p><A href="/me" attr:class="button-secondary" attr:data-test="back-me">{t("elp-back-me")}</A></p>
                            <h1>{t(title)}</h1>
                        </section>
                        {body(p.id)}
                        <crate::elp::queue::TabletQueue owner=p.id />
                    }
                    .into_any(),
                    Err(e) => tablet_failed(e),
                }
            })}
        </Suspense>
    }
}

/// `/me/ladder`: the participant's language ladder, SFI results, self-assessments and the
/// binder's steps.
#[component]
pub fn MyLadderPage() -> impl IntoView {
    my_page("me-tile-ladder", "my-ladder", |id| {
        view! {
            <crate::ladder::pages::LadderSection participant=id own=true />
            <crate::sfi::pages::SfiSection participant=id />
            <crate::elp::pages::AssessmentsSection participant=id />
            <crate::binder::pages::StepsSection participant=id />
        }
        .into_any()
    })
}

/// `/me/hours`: the participant's hours of Swedish, week by week.
#[component]
pub fn MyHoursPage() -> impl IntoView {
    my_page("me-tile-hours", "my-hours", |id| {
        view! { <crate::hours::pages::HoursSection participant=id /> }.into_any()
    })
}
