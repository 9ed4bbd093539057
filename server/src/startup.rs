//! Building the state and the router; serving.

use std::sync::Arc;

use app::app::{shell, App};
use app::db::{settings, Db};
use app::state::{AppState, AuthConfig};
use axum::extract::{Path as UrlPath, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, handle_server_fns_with_context, LeptosRoutes};
use tower_http::trace::TraceLayer;

use crate::config::Config;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database could not be opened.
    #[error("cannot open the database: {0}")]
    Database(#[from] app::db::DbError),
    /// A migration failed; the server refuses to run on a schema it does not know.
    #[error("migrating the database failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The shipped statement catalogue does not parse (a mistake in the repository).
    #[error("the CEFR statement catalogue is broken: {0}")]
    Catalogue(String),
    /// Leptos settings are broken.
    #[error("leptos configuration: {0}")]
    Leptos(String),
    /// Demo data was asked for on an address other people can reach: its accounts have a
    /// published password.
    #[error("DEMO_DATA=1 is only allowed when the server listens on a loopback address (127.0.0.1 or ::1), not on {0}: the demo accounts have a published password")]
    DemoNotLoopback(std::net::SocketAddr),
    /// The address is taken or not ours.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        /// The address.
        addr: std::net::SocketAddr,
        /// The reason.
        source: std::io::Error,
    },
}

/// Logs to stderr; `RUST_LOG` chooses what (default: info, with request lines).
pub fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info,sqlx=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// Opens and migrates the database of `config`.
pub async fn open_database(config: &Config) -> Result<Db, StartError> {
    let db = Db::connect(&config.database_url).await?;
    db.migrate().await?;
    load_catalogue(&db).await?;
    // The interface texts translators corrected, over the shipped catalogue.
    if let Err(e) = app::languages::service::reload_overlay(&db).await {
        tracing::error!(error = ?e, "the translators' corrections could not be loaded");
    }
    Ok(db)
}

/// Loads the shipped CEFR statement catalogue into the database if its version is new.
pub async fn load_catalogue(db: &Db) -> Result<(), StartError> {
    let catalogue = app::domain::catalogue::Catalogue::current()
        .map_err(|e| StartError::Catalogue(e.to_string()))?;
    if app::db::assessments::load_catalogue(db, &catalogue).await? {
        tracing::info!(version = %catalogue.version, "CEFR statement catalogue loaded");
    }
    let translations = app::domain::translation::Translation::shipped(&catalogue)
        .map_err(|e| StartError::Catalogue(e.to_string()))?;
    for t in &translations {
        let added = app::db::assessments::load_translation(db, t).await?;
        if added > 0 {
            tracing::info!(version = %t.version, language = %t.language, added, "statement texts loaded");
        }
    }
    Ok(())
}

/// Leptos options: from cargo-leptos' variables when present, else this project's defaults, so
/// the release binary run from the repository root serves `target/site`.
pub fn leptos_options(config: &Config) -> Result<LeptosOptions, StartError> {
    let mut options = get_configuration(None)
        .map_err(|e| StartError::Leptos(e.to_string()))?
        .leptos_options;
    if options.output_name.is_empty() {
        options.output_name = "spraktrappan".into();
    }
    if std::env::var("LEPTOS_ENV").is_err() {
        options.env = leptos::config::Env::PROD;
    }
    options.site_addr = config.listen_addr;
    Ok(options)
}

/// The state for a database: the session secret comes from the config or the database.
pub async fn build_state(
    config: &Config,
    db: Db,
    leptos_options: LeptosOptions,
    assets: &crate::assets::Assets,
) -> Result<AppState, StartError> {
    let secret = match &config.session_secret {
        Some(s) => s.clone(),
        None => {
            settings::get_or_insert(&db, "session_secret", app::auth::session::new_token).await?
        }
    };
    Ok(AppState {
        db,
        auth: Arc::new(AuthConfig {
            session_secret: secret,
            staff_idle_secs: config.staff_idle_minutes * 60,
            participant_idle_secs: config.tablet_idle_minutes * 60,
            secure_cookies: config.secure_cookies,
            trust_forwarded_for: config.trust_forwarded_for,
        }),
        assets: Arc::new(assets.paths(&leptos_options.output_name)),
        clock: app::state::clock::Clock::system(),
        imports: Arc::default(),
        views: Arc::default(),
        speaker: Arc::new(app::state::speaker::Speaker::from_path(
            config.audio_cache_dir.clone(),
        )),
        leptos_options,
    })
}

/// The built static files under the site's `pkg` directory (none in tests).
pub fn load_assets(leptos_options: &LeptosOptions) -> crate::assets::Assets {
    let pkg = std::path::Path::new(leptos_options.site_root.as_ref())
        .join(leptos_options.site_pkg_dir.as_ref());
    crate::assets::Assets::load(&pkg)
}

async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.db.is_reachable().await {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
    }
}

/// The application's routes, walked once per process.
///
/// Walking the routes suppresses resource loading *process-wide* for as long as it runs
/// (leptos_server's `SuppressResourceLoad` is a global flag, leptos issue #4773): a page
/// rendering on another thread at that moment waits forever on a resource that never starts.
/// A server builds its router once, but the integration tests build one per test while
/// others are rendering, which hung about one run in thirty. Walking once and keeping the
/// list closes that window for good.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole application as a router, so tests can drive it without a socket. The built
/// static files are read from the site's `pkg` directory (none in tests: plain names).
pub fn router(state: AppState, assets: crate::assets::Assets) -> Router {
    let routes = route_list();
    let fn_state = state.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .route("/tablet.js", get(crate::tablet::tablet_js))
        .route("/sw.js", get(crate::tablet::sw_js))
        .route("/play.js", get(crate::tablet::play_js))
        .route("/progress.js", get(crate::tablet::progress_js))
        .route(
            "/audio/statement/{lang}/{version}/{file}",
            get(app::audio::http::statement),
        )
        .route(
            "/audio/message/{lang}/{file}",
            get(app::audio::http::message),
        )
        .route("/import/upload", post(app::import::http::upload))
        .route(
            app::languages::CLIPS_PATH,
            post(app::languages::http::upload),
        )
        .route(
            app::languages::TRANSLATIONS_PATH,
            post(app::languages::http::import),
        )
        .route("/languages/{file}", get(app::languages::http::download))
        .layer(axum::extract::DefaultBodyLimit::max(
            app::import::http::MAX_UPLOAD_BYTES,
        ))
        .route(
            "/export/compliance.csv",
            get(app::import::http::export_compliance),
        )
        .route(
            "/export/indicators.csv",
            get(app::import::http::export_indicators),
        )
        .route(
            "/export/indicators.xlsx",
            get(app::binder::http::export_indicators_xlsx),
        )
        .route("/export/{file}", get(app::import::http::export))
        .route(
            "/import/{id}/problems.csv",
            get(app::import::http::problems),
        )
        .route(
            "/participants/{id}/data.zip",
            get(app::privacy::http::person_data),
        )
        .route(
            "/api/{*fn_name}",
            post(move |req| {
                let s = fn_state.clone();
                handle_server_fns_with_context(move || provide_context(s.clone()), req)
            }),
        )
        .route(
            "/pkg/{file}",
            get(move |UrlPath(file): UrlPath<String>, headers: HeaderMap| {
                let assets = assets.clone();
                async move { assets.respond(&file, &headers) }
            }),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            {
                let s = state.clone();
                move || provide_context(s.clone())
            },
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        // Innermost, so the read memo's session is known and the headers below are added to a
        // kept page too.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::kept_pages::kept_pages,
        ))
        // Leptos registers each server function's own route: the form middleware wraps them all.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::forms::keep_form_posts,
        ))
        .layer(axum::middleware::from_fn(crate::defences::error_statuses))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::defences::same_site_writes,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::defences::security_headers,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            memo_for_reads,
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Gives every read (`GET`, `HEAD`) of a page or a file a memo, so that its server functions
/// share one session lookup (made here, before the page renders) and one lookup of each
/// participant's links.
async fn memo_for_reads(
    State(state): State<AppState>,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let path = req.uri().path();
    let asset = path.starts_with("/pkg/") || path == "/healthz";
    if let Some(memo) = app::auth::memo::RequestMemo::for_method(req.method()).filter(|_| !asset) {
        // A failed lookup is not remembered: the page's own lookup reports it.
        if let Ok(session) = app::auth::session::signed_in_from_headers(&state, req.headers()).await
        {
            memo.remember_session(session);
        }
        req.extensions_mut().insert(memo);
    }
    next.run(req).await
}

/// Serves until the process is stopped.
pub async fn serve(config: Config) -> Result<(), StartError> {
    if config.demo_data && !config.listen_addr.ip().is_loopback() {
        return Err(StartError::DemoNotLoopback(config.listen_addr));
    }
    let db = open_database(&config).await?;
    if config.demo_data {
        if let Err(e) = crate::demo::load_if_empty(&db).await {
            tracing::error!(error = %e, "loading demo data failed");
        }
    }
    let options = leptos_options(&config)?;
    let pkg = std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let assets = match std::env::current_exe() {
        Ok(exe) => crate::assets::Assets::load_compressed_apart(&pkg, exe),
        Err(_) => crate::assets::Assets::load(&pkg),
    };
    let state = build_state(&config, db, options, &assets).await?;
    let purge_db = state.db.clone();
    tokio::spawn(async move {
        loop {
            match app::db::housekeeping::sweep(&purge_db, app::db::now()).await {
                Ok(swept) => tracing::debug!(?swept, "housekeeping"),
                Err(e) => tracing::warn!(error = %e, "housekeeping failed"),
            }
            tokio::time::sleep(std::time::Duration::from_secs(600)).await;
        }
    });
    // Another server process on the same database may take a translators' file: its texts
    // show here within five seconds.
    let overlay_db = state.db.clone();
    tokio::spawn(async move {
        let mut seen = None;
        loop {
            if let Err(e) =
                app::languages::service::reload_overlay_if_changed(&overlay_db, &mut seen).await
            {
                tracing::warn!(error = ?e, "checking the translators' corrections failed");
            }
            tokio::time::sleep(std::time::Duration::from_secs(5)).await;
        }
    });
    let addr = config.listen_addr;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Listen { addr, source })?;
    tracing::info!("listening on http://{addr}");
    if state.auth.secure_cookies {
        tracing::info!(
            "secure cookies on: serve behind HTTPS (SECURE_COOKIES=0 only for plain HTTP on this machine)"
        );
    } else {
        tracing::warn!(
            "secure cookies off (SECURE_COOKIES=0): for plain HTTP on this machine only"
        );
    }
    axum::serve(
        listener,
        router(state, assets).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .map_err(|source| StartError::Listen { addr, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn demo_data_is_refused_on_an_address_others_can_reach() {
        let config = Config {
            database_url: "sqlite://does/not/matter.db".to_owned(),
            listen_addr: "0.0.0.0:3000".parse().unwrap_or_else(|_| unreachable!()),
            session_secret: None,
            staff_idle_minutes: 30,
            tablet_idle_minutes: 10,
            secure_cookies: false,
            trust_forwarded_for: false,
            demo_data: true,
            audio_cache_dir: "data/audio".into(),
        };
        assert!(matches!(
            serve(config).await,
            Err(StartError::DemoNotLoopback(_))
        ));
    }
}
