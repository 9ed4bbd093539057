//! The HTML shell, the router and the page frame with navigation per role.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes, A},
    hooks::use_location,
    path, SsrMode,
};

use crate::auth::api::{who_am_i, SetLanguage, SignOut};
use crate::auth::pages::{StaffSignIn, TabletSignIn};
use crate::auth::{use_me, MeResource};
use crate::domain::role::{Principal, Role};
use crate::i18n::{request_locale, Locale};
use crate::import::pages::{ImportPage, ImportReportPage};
use crate::register::pages::{
    EditParticipant, GroupPage, GroupsPage, NewParticipant, ParticipantsPage, SchoolsPage,
    StaffPage,
};
use crate::site::{HomePage, MePage, ParticipantPage};
use crate::ui::t;

/// The URLs of the stylesheet, the JavaScript module and the wasm: content-hashed when the
/// server found the built files, else the build's plain names.
fn asset_urls(options: &LeptosOptions) -> (String, String, String) {
    #[cfg(feature = "ssr")]
    let paths = use_context::<crate::state::AppState>()
        .map(|s| (*s.assets).clone())
        .unwrap_or_else(|| crate::state::AssetPaths::plain(&options.output_name));
    #[cfg(not(feature = "ssr"))]
    let _ = options;
    #[cfg(feature = "ssr")]
    return (paths.css, paths.js, paths.wasm);
    #[cfg(not(feature = "ssr"))]
    (String::new(), String::new(), String::new())
}

/// The loader of the islands: on a page with islands it fetches the wasm and hydrates them;
/// elsewhere it only marks the page ready. (Leptos' `HydrationScripts islands=true` would
/// preload the wasm on every page.)
#[component]
fn IslandScripts(
    /// The JavaScript module's URL.
    js: String,
    /// The wasm's URL.
    wasm: String,
) -> impl IntoView {
    // As `HydrationScripts islands=true` does: outside islands nothing is hydrated.
    if let Some(sc) = Owner::current_shared_context() {
        sc.set_is_hydrating(false);
    }
    let script = format!("{}({js:?}, {wasm:?});", include_str!("islands.js"));
    let nonce = use_nonce();
    #[cfg(feature = "ssr")]
    send_page_policy(nonce.as_ref());
    view! { <script type="module" nonce=nonce inner_html=script></script> }
}

/// Sends the page's Content-Security-Policy with this response's nonce (the one Leptos puts on
/// its own inline scripts), so no other inline script runs.
#[cfg(feature = "ssr")]
fn send_page_policy(nonce: Option<&leptos::nonce::Nonce>) {
    use axum::http::{header, HeaderValue};
    let Some(nonce) = nonce else {
        tracing::error!(
            "no nonce for this page: its scripts will be refused by the fallback policy"
        );
        return;
    };
    let policy = crate::state::csp::page(&nonce.to_string());
    if let (Some(res), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&policy),
    ) {
        res.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

/// The whole HTML document, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = request_locale();
    let (css, js, wasm) = asset_urls(&options);
    view! {
        <!DOCTYPE html>
        <html lang=locale.tag() dir=locale.dir()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <link rel="stylesheet" href=css />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <IslandScripts js wasm />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The application: routes and frame.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(request_locale());
    #[cfg(feature = "ssr")]
    crate::state::flash::provide_current();
    let me: MeResource = Resource::new(|| (), |_| who_am_i());
    provide_context(me);
    let app_name = t("app-name");
    view! {
        <Title formatter=move |text: String| {
            if text.is_empty() { app_name.clone() } else { format!("{text} – {app_name}") }
        } />
        <Router>
            <a class="skip-link" href="#main">{t("skip-to-content")}</a>
            <Header />
            <PasswordGate />
            // Every route renders completely on the server before it is sent (SsrMode::Async):
            // streamed Suspense fragments would need JavaScript to be shown, and every page
            // must work before (and without) the wasm.
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/sign-in") view=StaffSignIn ssr=SsrMode::Async />
                    <Route path=path!("/password") view=crate::auth::pages::PasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/tablet") view=TabletSignIn ssr=SsrMode::Async />
                    <Route path=path!("/me") view=MePage ssr=SsrMode::Async />
                    <Route path=path!("/me/ladder") view=crate::site::MyLadderPage ssr=SsrMode::Async />
                    <Route path=path!("/me/hours") view=crate::site::MyHoursPage ssr=SsrMode::Async />
                    <Route path=path!("/me/passport") view=crate::ladder::pages::MyPassportPage ssr=SsrMode::Async />
                    <Route path=path!("/me/assessment") view=crate::elp::pages::AssessmentHomePage ssr=SsrMode::Async />
                    <Route path=path!("/me/assessment/finish") view=crate::elp::finish::FinishPage ssr=SsrMode::Async />
                    <Route path=path!("/me/assessment/:skill") view=crate::elp::pages::SkillPage ssr=SsrMode::Async />
                    <Route path=path!("/participants") view=ParticipantsPage ssr=SsrMode::Async />
                    <Route path=path!("/participants/new") view=NewParticipant ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id") view=ParticipantPage ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id/edit") view=EditParticipant ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id/passport") view=crate::ladder::pages::PassportPage ssr=SsrMode::Async />
                    <Route path=path!("/schools") view=SchoolsPage ssr=SsrMode::Async />
                    <Route path=path!("/staff") view=StaffPage ssr=SsrMode::Async />
                    <Route path=path!("/groups") view=GroupsPage ssr=SsrMode::Async />
                    <Route path=path!("/groups/:id") view=GroupPage ssr=SsrMode::Async />
                    <Route path=path!("/groups/:id/results") view=crate::sfi::pages::SfiGridPage ssr=SsrMode::Async />
                    <Route path=path!("/groups/:id/register") view=crate::hours::pages::RegisterPage ssr=SsrMode::Async />
                    <Route path=path!("/compliance") view=crate::hours::pages::CompliancePage ssr=SsrMode::Async />
                    <Route path=path!("/calendar") view=crate::calendar::pages::CalendarPage ssr=SsrMode::Async />
                    <Route path=path!("/import") view=ImportPage ssr=SsrMode::Async />
                    <Route path=path!("/access-log") view=crate::audit::pages::AccessLogPage ssr=SsrMode::Async />
                    <Route path=path!("/data-protection") view=crate::privacy::pages::DataProtectionPage ssr=SsrMode::Async />
                    <Route path=path!("/indicators") view=crate::binder::pages::IndicatorsPage ssr=SsrMode::Async />
                    <Route path=path!("/ladder-steps") view=crate::binder::steps_pages::StepDefinitionsPage ssr=SsrMode::Async />
                    <Route path=path!("/languages") view=crate::languages::pages::LanguagesPage ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id/erase") view=crate::privacy::pages::ErasePage ssr=SsrMode::Async />
                    <Route path=path!("/import/:id") view=ImportReportPage ssr=SsrMode::Async />
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t("not-found-title") />
        <h1>{t("not-found-title")}</h1>
        <p><A href="/">{t("nav-start")}</A></p>
    }
}

/// Navigation links for a principal: (href, catalogue id).
pub fn nav_links(principal: &Principal) -> Vec<(&'static str, &'static str)> {
    match principal {
        Principal::Participant(_) => vec![("/me", "nav-me")],
        Principal::Staff {
            role: Role::Coordinator,
            ..
        } => vec![
            ("/", "nav-start"),
            ("/participants", "nav-participants"),
            ("/schools", "nav-schools"),
            ("/staff", "nav-staff"),
            ("/groups", "nav-groups"),
            ("/compliance", "nav-compliance"),
            ("/calendar", "nav-calendar"),
            ("/import", "nav-import"),
            ("/access-log", "nav-access-log"),
            ("/indicators", "nav-indicators"),
            ("/ladder-steps", "nav-ladder-steps"),
            ("/languages", "nav-languages"),
            ("/data-protection", "nav-data-protection"),
        ],
        Principal::Staff { .. } => vec![
            ("/", "nav-start"),
            ("/participants", "nav-participants"),
            ("/calendar", "nav-calendar"),
        ],
    }
}

/// Sends a staff member whose password someone else set to `/password` from every other page
/// (the server refuses their other requests in any case).
#[component]
fn PasswordGate() -> impl IntoView {
    let me = use_me();
    let location = use_location();
    view! {
        <Suspense>
            {move || {
                let path = location.pathname.get();
                Suspend::new(async move {
                    let must = match me {
                        Some(r) => r.await.ok().flatten().is_some_and(|m| m.must_change_password),
                        None => false,
                    };
                    if must && path != "/password" {
                        // Outside the routes: the server's redirect itself, not `<Redirect>`,
                        // whatever the client accepts.
                        #[cfg(feature = "ssr")]
                        {
                            leptos_axum::redirect("/password");
                            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                                res.set_status(axum::http::StatusCode::FOUND);
                            }
                        }
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Header() -> impl IntoView {
    let me = use_me();
    let location = use_location();
    let back = move || {
        let search = location.search.get();
        if search.is_empty() {
            location.pathname.get()
        } else {
            format!("{}?{}", location.pathname.get(), search)
        }
    };
    let current = use_context::<Locale>().unwrap_or_default();
    let nav = move || {
        me.and_then(|r| r.get()).and_then(|r| r.ok()).flatten().map(|me| {
            let tablet = matches!(me.principal, Principal::Participant(_));
            let links = nav_links(&me.principal)
                .into_iter()
                .map(|(href, id)| view! { <li><A href=href>{t(id)}</A></li> })
                .collect_view();
            let to = if tablet { "/tablet" } else { "/sign-in" };
            view! {
                <nav aria-label=t("nav-label")>
                    <ul class="nav-links">{links}</ul>
                </nav>
                <div class="who">
                    <span data-test="signed-in-as">{me.name.clone()}</span>
                    {(!tablet).then(|| view! { <A href="/password" attr:class="who-link">{t("nav-password")}</A> })}
                    <form method="post" action={<SignOut as ServerFn>::PATH} class="inline">
                        <crate::ui::components::CsrfField />
                        <input type="hidden" name="to" value=to />
                        <button type="submit" class="button-secondary" data-test="sign-out">{t("sign-out")}</button>
                    </form>
                </div>
            }
        })
    };
    // The participant's pages choose among all seven languages on the pages themselves
    // (`/tablet` and `/me`); the header offers the staff pages' two.
    let staff_page = !crate::i18n::is_participant_path(&location.pathname.get_untracked());
    let languages = Locale::STAFF
        .into_iter()
        .filter(|_| staff_page)
        .map(|l| {
            let pressed = l == current;
            view! {
                <button type="submit" name="lang" value=l.tag() lang=l.tag() aria-pressed=pressed.to_string() class="lang">
                    {l.native_name()}
                </button>
            }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <a href="/" class="brand">{t("app-name")}</a>
            <Transition fallback=|| ()>{nav}</Transition>
            {staff_page.then(|| view! {
                <form method="post" action={<SetLanguage as ServerFn>::PATH} class="inline lang-switch" aria-label=t("language")>
                    <crate::ui::components::CsrfField />
                    <input type="hidden" name="back" value=back />
                    {languages}
                </form>
            })}
        </header>
    }
}
