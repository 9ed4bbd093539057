//! The mentor's start page below its heading: the dashboard, the short weeks, the plan gaps and
//! every participant of the mentor (issue 18). Its HTML is rendered once and kept while the
//! mentor's data stays the same ([`crate::kept`]): for the language, the dashboard's order and
//! the tablet locks of the moment (read on every request), so a request costs the session,
//! the fingerprint and the locks, and no rendering.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::error::AppError;
use crate::ui::components::{failed, Loading};

/// The kept part of the mentor's start page.
#[component]
pub fn MentorStart() -> impl IntoView {
    let query = use_query_map();
    let sort = Memo::new(move |_| query.read().get("sort").unwrap_or_default());
    let html = Resource::new(move || sort.get(), kept_html);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match html.await {
                    Ok(h) => view! { <div class="mentor-start" inner_html=h></div> }.into_any(),
                    Err(e) => failed(e),
                }
            })}
        </Suspense>
    }
}

/// Every participant of the mentor, folded away below the sections.
#[cfg(feature = "ssr")]
fn all_participants(list: Vec<crate::dto::ParticipantSummary>) -> impl IntoView {
    use crate::register::pages::status_label;
    use crate::ui::{day, t};
    use leptos_router::components::A;
    let empty = list.is_empty();
    let rows = list
        .into_iter()
        .map(|p| {
            let href = format!("/participants/{}", p.id);
            view! {
                <tr>
                    <td><A href=href>{p.name}</A></td>
                    <td>{p.participant_ref}</td>
                    <td>{p.school}</td>
                    <td>{day(p.start_date)}</td>
                    <td>{status_label(p.status)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="chart-data">
        <summary>{t("home-mentor-all")}</summary>
        {empty.then(|| view! { <p>{t("home-mentor-empty")}</p> })}
        <table class="list" data-test="mentor-all">
            <caption class="visually-hidden">{t("home-mentor-all")}</caption>
            <thead><tr>
                <th scope="col">{t("field-name")}</th>
                <th scope="col">{t("field-participant_ref")}</th>
                <th scope="col">{t("field-school")}</th>
                <th scope="col">{t("field-start_date")}</th>
                <th scope="col">{t("field-status")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        </details>
    }
}

/// The sections' HTML in the dashboard's order `sort`: kept, or rendered and kept. A part that
/// fails fails the whole (and nothing is kept).
#[cfg(feature = "ssr")]
async fn kept_html(sort: String) -> Result<String, AppError> {
    use std::hash::{Hash, Hasher};

    use crate::domain::role::{Principal, Role};
    use crate::register::api::Home;
    let (state, who) = crate::auth::session::require().await?;
    let user = match who {
        Principal::Staff {
            role: Role::Mentor,
            user,
        } => user,
        other => return Err(crate::auth::audit::refused(&state, &other, None).await),
    };
    // Kept itself; with the tablet locks of the moment.
    let dashboard = crate::ladder::api::get_dashboard(sort).await?;
    let mut locks = std::hash::DefaultHasher::new();
    for row in &dashboard.rows {
        (row.id, row.tablet_locked_until).hash(&mut locks);
    }
    let locale = crate::i18n::request_locale();
    let variant = format!("{}/{}/{:x}", locale.tag(), dashboard.sort, locks.finish());
    crate::kept::mentor_view(&state, "start-html", user, variant, || async move {
        let short = crate::hours::api::get_short_weeks().await?;
        let gaps = crate::hours::api::get_plan_gaps().await?;
        let Home::Mentor(list) = crate::register::api::start_page().await? else {
            return Err(AppError::Forbidden);
        };
        let view = view! {
            {crate::ladder::pages::dashboard_section(crate::ladder::pages::dashboard_body(Ok(dashboard)))}
            {crate::hours::pages::short_weeks_section(crate::hours::pages::short_weeks_body(Ok(short)))}
            {crate::hours::pages::plan_gaps_section(crate::hours::pages::plan_gaps_body(Ok(gaps)))}
            {all_participants(list)}
        };
        Ok::<String, AppError>(view.to_html())
    })
    .await
}

/// Where a mentor's whole start page (`/`, in the dashboard's own order) is valid, for the
/// server's kept pages: the mentor's fingerprint, with which of their participants the tablet
/// keeps out now and until when (read on every request; the throttle keys themselves are kept
/// under the fingerprint).
#[cfg(feature = "ssr")]
pub async fn start_page_validity(
    state: &crate::state::AppState,
    mentor: crate::domain::ids::UserId,
    memo: Option<&crate::auth::memo::RequestMemo>,
) -> Result<crate::state::views::Validity, AppError> {
    use crate::db::versions::{mentor_fingerprint_and_locks, MAX_LOCK_SUBJECTS};
    use std::hash::{Hash, Hasher};
    use std::sync::Arc;
    let key = ("lock-keys", mentor.0, String::new());
    let now = crate::db::now();
    // The lock keys kept last go with the fingerprint's read: while the fingerprint stays
    // the same, as it nearly always does, that one statement is all a request reads.
    let guess: Option<(crate::state::views::Validity, Arc<Vec<String>>)> = state
        .views
        .latest(&key)
        .filter(|(_, keys): &(_, Arc<Vec<String>>)| keys.len() <= MAX_LOCK_SUBJECTS);
    let guessed = guess.as_ref().map_or(&[][..], |(_, keys)| keys.as_slice());
    let (fingerprint, guessed_locks) =
        mentor_fingerprint_and_locks(&state.db, mentor, guessed, now).await?;
    // A page rendered after all (not kept) reads it from the request's memo, not again.
    if let Some(memo) = memo {
        memo.remember_fingerprint(mentor, fingerprint);
    }
    let valid = crate::kept::validity(state, fingerprint);
    let mut locked: Vec<(String, i64)> = match guess {
        Some((was, _)) if was == valid => guessed_locks,
        _ => {
            let people = crate::db::ladder::mentor_participants(&state.db, mentor).await?;
            let keys: Vec<String> = crate::ladder::service::lock_keys(&state.auth, &people)
                .into_iter()
                .map(|(_, k)| k)
                .collect();
            let keys = Arc::new(keys);
            state.views.put(key, valid, Arc::clone(&keys));
            crate::db::throttle::locked(&state.db, &keys, now)
                .await?
                .into_iter()
                .collect()
        }
    };
    locked.sort();
    let mut h = std::hash::DefaultHasher::new();
    (fingerprint, locked).hash(&mut h);
    Ok(crate::state::views::Validity {
        fingerprint: h.finish(),
        ..valid
    })
}

/// Only the server renders this page.
#[cfg(not(feature = "ssr"))]
async fn kept_html(_sort: String) -> Result<String, AppError> {
    Err(AppError::NotFound)
}
