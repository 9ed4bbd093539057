//! Test harness: a fresh migrated database per test (SQLite file or PostgreSQL database), the
//! real router driven without a socket, and a small seeded programme.

use std::sync::Arc;

use app::db::participants::ChangeSource;
use app::db::{groups, participants, users, Db};
use app::domain::ids::{GroupId, ParticipantId, UserId};
use app::domain::role::Role;
use app::error::AppError;
use app::state::{AppState, AuthConfig};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use tower::ServiceExt;

/// Changes made from the command line.
pub const CLI_SOURCE: app::db::participants::ChangeSource = app::db::participants::ChangeSource {
    source: "cli",
    by: None,
};

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// A fresh SQLite file.
    Sqlite,
    /// A fresh database on the test PostgreSQL server (`TEST_POSTGRES_URL`).
    Postgres,
}

/// A running app on a fresh database.
pub struct TestApp {
    /// The router.
    pub router: Router,
    /// The database.
    pub db: Db,
    /// Its URL, for running the command line against it.
    pub url: String,
    /// The app's clock: the system's until a test sets it.
    pub clock: app::state::clock::Clock,
}

/// The password of every seeded staff account.
pub const PASSWORD: &str = "test-password-1";
/// The PIN of seeded participants.
pub const PIN: &str = "4321";

fn random_suffix() -> String {
    use rand::Rng;
    let n: u64 = rand::thread_rng().gen();
    format!("{n:016x}")
}

/// A new app on a fresh, migrated database of `engine`. `None` when PostgreSQL is not
/// configured and not required (so `cargo test` works without a server; the test command
/// sets `REQUIRE_POSTGRES=1`).
pub async fn spawn_app(engine: Engine) -> Option<TestApp> {
    let url = match engine {
        Engine::Sqlite => {
            let dir = std::env::temp_dir().join("spraktrappan-tests");
            std::fs::create_dir_all(&dir).ok()?;
            format!("sqlite://{}/{}.db", dir.display(), random_suffix())
        }
        Engine::Postgres => {
            let Ok(admin_url) = std::env::var("TEST_POSTGRES_URL") else {
                assert!(
                    std::env::var("REQUIRE_POSTGRES").is_err(),
                    "REQUIRE_POSTGRES is set but TEST_POSTGRES_URL is not"
                );
                eprintln!("TEST_POSTGRES_URL not set: skipping the PostgreSQL run of this test");
                return None;
            };
            let name = format!("t_{}", random_suffix());
            let admin = Db::connect(&admin_url)
                .await
                .expect("connect to TEST_POSTGRES_URL");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&admin.pool)
                .await
                .expect("create test database");
            admin.pool.close().await;
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b)
                .expect("url with a database");
            format!("{base}/{name}")
        }
    };
    let db = Db::connect(&url).await.expect("connect");
    db.migrate().await.expect("migrate");
    server::startup::load_catalogue(&db)
        .await
        .expect("load the statement catalogue");
    let clock = app::state::clock::Clock::system();
    let router = build_router(&db, &clock, test_auth(false));
    Some(TestApp {
        router,
        db,
        url,
        clock,
    })
}

/// The sign-in settings of the tests (plain-HTTP cookies unless `secure_cookies`).
pub fn test_auth(secure_cookies: bool) -> AuthConfig {
    AuthConfig {
        session_secret: "test-secret".into(),
        staff_idle_secs: 3600,
        participant_idle_secs: 600,
        secure_cookies,
        trust_forwarded_for: false,
    }
}

/// The speech renderer of the tests: `espeak-ng` from `PATH` (none on a machine without it,
/// which the audio tests then say), one cache directory per process.
pub fn speaker() -> Arc<app::state::speaker::Speaker> {
    static SPEAKER: std::sync::OnceLock<Arc<app::state::speaker::Speaker>> =
        std::sync::OnceLock::new();
    SPEAKER
        .get_or_init(|| {
            let dir =
                std::env::temp_dir().join(format!("spraktrappan-audio-{}", std::process::id()));
            Arc::new(app::state::speaker::Speaker::from_path(dir))
        })
        .clone()
}

/// The real router on `db` with sign-in settings `auth`.
pub fn build_router(db: &Db, clock: &app::state::clock::Clock, auth: AuthConfig) -> Router {
    build_router_with(db, clock, auth, speaker())
}

/// The real router with its own speech renderer.
pub fn build_router_with(
    db: &Db,
    clock: &app::state::clock::Clock,
    auth: AuthConfig,
    speaker: Arc<app::state::speaker::Speaker>,
) -> Router {
    let leptos_options = leptos::prelude::LeptosOptions::builder()
        .output_name("spraktrappan")
        .build();
    let assets = server::startup::load_assets(&leptos_options);
    let state = AppState {
        assets: Arc::new(assets.paths(&leptos_options.output_name)),
        leptos_options,
        db: db.clone(),
        auth: Arc::new(auth),
        clock: clock.clone(),
        speaker,
        imports: Arc::default(),
        views: Arc::default(),
    };
    server::startup::router(state, assets)
}

/// Runs `case` on both engines.
#[macro_export]
macro_rules! on_both_engines {
    ($($name:ident => $case:path;)*) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    if let Some(app) = $crate::common::spawn_app($crate::common::Engine::Sqlite).await {
                        let url = app.url.clone();
                        $crate::common::within_limit($case(app)).await;
                        $crate::common::remove_database(&url).await;
                    }
                }
                #[tokio::test]
                async fn postgres() {
                    if let Some(app) = $crate::common::spawn_app($crate::common::Engine::Postgres).await {
                        let url = app.url.clone();
                        $crate::common::within_limit($case(app)).await;
                        $crate::common::remove_database(&url).await;
                    }
                }
            }
        )*
    };
}

/// A property test over a database: `cases` cases of `strategy`, each checked by `case`
/// against one app on `engine` (seeded, then `prepare`d), on a runtime of its own; panics with
/// the smallest failing case. Does nothing when PostgreSQL is not configured.
pub fn check_property<S: proptest::strategy::Strategy>(
    engine: Engine,
    cases: u32,
    strategy: S,
    prepare: impl AsyncFnOnce(&TestApp),
    case: impl AsyncFn(&TestApp, S::Value) -> Result<(), proptest::test_runner::TestCaseError>,
) {
    use proptest::test_runner::{Config, TestRunner};
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let Some(app) = rt.block_on(spawn_app(engine)) else {
        return;
    };
    rt.block_on(async {
        seed(&app).await;
        prepare(&app).await;
    });
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy, |value| rt.block_on(case(&app, value)));
    rt.block_on(remove_database(&app.url));
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// How long one test case may run before it fails instead of hanging the test command.
pub const CASE_LIMIT: std::time::Duration = std::time::Duration::from_secs(300);

/// Runs a test case, failing it loudly if it has not finished within [`CASE_LIMIT`].
pub async fn within_limit(case: impl std::future::Future<Output = ()>) {
    tokio::time::timeout(CASE_LIMIT, case).await.expect(
        "the test case finished within its time limit (a hang fails, it does not stall CI)",
    );
}

/// Removes a test's database once the test has passed (a failed test keeps its database for
/// a look): the SQLite file, or the PostgreSQL database with any connection still open.
pub async fn remove_database(url: &str) {
    if let Some(path) = url.strip_prefix("sqlite://") {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
    } else if let (Ok(admin_url), Some((_, name))) =
        (std::env::var("TEST_POSTGRES_URL"), url.rsplit_once('/'))
    {
        let admin = Db::connect(&admin_url)
            .await
            .expect("connect to TEST_POSTGRES_URL");
        sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&admin.pool)
            .await
            .expect("drop the test database");
        admin.pool.close().await;
    }
}

/// A response: status, headers we care about, body text.
#[derive(Debug)]
pub struct Reply {
    /// Status.
    pub status: StatusCode,
    /// Body.
    pub body: String,
    /// `Set-Cookie` values.
    pub cookies: Vec<String>,
    /// `Location`, if any.
    pub location: Option<String>,
    /// Every header.
    pub headers: axum::http::HeaderMap,
    /// The body's bytes (a download, a sound).
    pub bytes: Vec<u8>,
}

impl Reply {
    /// The error the server function returned (panics if it succeeded).
    pub fn error(&self) -> AppError {
        assert!(
            !self.status.is_success(),
            "expected an error, got {}: {}",
            self.status,
            self.body
        );
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not an AppError ({e}): {}", self.body))
    }

    /// The decoded success value (panics on an error).
    /// The row report of an upload's answer (`import/report`, `import/confirm`): checked or
    /// imported, never still running.
    pub fn report(&self) -> app::import::ImportReport {
        match self.json::<app::import::ImportState>() {
            app::import::ImportState::Checked(r) | app::import::ImportState::Imported(r) => r,
            other => panic!("expected a report, got {other:?}"),
        }
    }

    pub fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        assert!(
            self.status.is_success(),
            "expected success, got {}: {}",
            self.status,
            self.body
        );
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("unexpected body ({e}): {}", self.body))
    }
}

impl TestApp {
    /// Sends a request through the router.
    pub async fn send(&self, req: Request<Body>) -> Reply {
        let res = self
            .router
            .clone()
            .oneshot(req)
            .await
            .expect("router answers");
        let status = res.status();
        let cookies = res
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect();
        let location = res
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let headers = res.headers().clone();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .expect("body");
        Reply {
            status,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            cookies,
            location,
            headers,
            bytes: bytes.to_vec(),
        }
    }

    /// Calls server function `endpoint` (e.g. `participants/list`) with a form body, as the
    /// browser client does.
    pub async fn call(
        &self,
        endpoint: &str,
        session: Option<&str>,
        form: &[(&str, &str)],
    ) -> Reply {
        let body = form_body(form);
        // As a browser's `fetch` from the app's own page says.
        let mut req = Request::post(format!("/api/{endpoint}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .header("sec-fetch-site", "same-origin");
        if let Some(s) = session {
            req = req.header(header::COOKIE, format!("st_session={s}"));
        }
        self.send(req.body(Body::from(body)).expect("request"))
            .await
    }

    /// A GET with an optional session, the body as bytes (a download).
    pub async fn get_bytes(&self, path: &str, session: Option<&str>) -> (StatusCode, Vec<u8>) {
        let mut req = Request::get(path);
        if let Some(s) = session {
            req = req.header(header::COOKIE, format!("st_session={s}"));
        }
        let res = self
            .router
            .clone()
            .oneshot(req.body(Body::empty()).expect("request"))
            .await
            .expect("router answers");
        let status = res.status();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .expect("body");
        (status, bytes.to_vec())
    }

    /// Uploads `csv` as a file of `kind` named `file_name` on the import page (a plain
    /// multipart post) and returns the upload's id from the redirect to its page.
    pub async fn upload(&self, session: &str, kind: &str, file_name: &str, csv: &str) -> String {
        let boundary = "XBOUNDARYX";
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n"
        );
        let req = Request::post("/import/upload")
            .header("sec-fetch-site", "same-origin")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::COOKIE, format!("st_session={session}"))
            .body(Body::from(body))
            .expect("request");
        let reply = self.send(req).await;
        reply
            .location
            .clone()
            .expect("redirect to the upload's page")
            .strip_prefix("/import/")
            .expect("upload url")
            .to_owned()
    }

    /// A GET with an optional session.
    pub async fn get(&self, path: &str, session: Option<&str>) -> Reply {
        let mut req = Request::get(path);
        if let Some(s) = session {
            req = req.header(header::COOKIE, format!("st_session={s}"));
        }
        self.send(req.body(Body::empty()).expect("request")).await
    }

    /// Signs a staff member in and returns the session token.
    pub async fn sign_in(&self, email: &str) -> String {
        self.sign_in_with(email, PASSWORD).await
    }

    /// Signs a staff member in with `password` and returns the session token.
    pub async fn sign_in_with(&self, email: &str, password: &str) -> String {
        let reply = self
            .call(
                "auth/sign-in",
                None,
                &[("email", email), ("password", password)],
            )
            .await;
        assert!(
            reply.status.is_success(),
            "sign-in of {email} failed: {} {}",
            reply.status,
            reply.body
        );
        session_token(&reply).expect("a session cookie")
    }

    /// Signs a participant in on the tablet and returns the session token.
    pub async fn sign_in_participant(&self, code: &str) -> String {
        let reply = self
            .call("auth/tablet-sign-in", None, &[("code", code), ("pin", PIN)])
            .await;
        assert!(
            reply.status.is_success(),
            "tablet sign-in failed: {} {}",
            reply.status,
            reply.body
        );
        session_token(&reply).expect("a session cookie")
    }
}

/// A form as `application/x-www-form-urlencoded` text.
pub fn form_body(form: &[(&str, &str)]) -> String {
    form.iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The session token in a reply's cookies.
pub fn session_token(reply: &Reply) -> Option<String> {
    reply
        .cookies
        .iter()
        .find_map(|c| c.strip_prefix("st_session="))
        .map(|rest| rest.split(';').next().unwrap_or_default().to_owned())
        .filter(|t| !t.is_empty())
}

/// Percent-encodes a form key or value.
pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The seeded programme: who is who.
pub struct Seed {
    /// Teacher of P-0001's group.
    pub teacher_a: UserId,
    /// Teacher of P-0002's group.
    pub teacher_b: UserId,
    /// Mentored by A, in A's group.
    pub p1: ParticipantId,
    /// Mentored by B, in B's group.
    pub p2: ParticipantId,
    /// Group of teacher A.
    pub group_a: GroupId,
    /// Personal code of P-0001.
    pub p1_code: String,
}

/// Staff e-mails of the seed.
pub const COORDINATOR: &str = "coord@test.se";
/// Mentor A.
pub const MENTOR_A: &str = "mentor.a@test.se";
/// Mentor B.
pub const MENTOR_B: &str = "mentor.b@test.se";
/// Teacher A.
pub const TEACHER_A: &str = "teacher.a@test.se";
/// Teacher B.
pub const TEACHER_B: &str = "teacher.b@test.se";

/// Seeds five staff, two participants with PINs, two groups.
pub async fn seed(app: &TestApp) -> Seed {
    let hash = users::PasswordHash(
        app::auth::password::hash(PASSWORD.into())
            .await
            .expect("hash"),
    );
    let mk = |email: &'static str, name: &'static str, role: Role| {
        let db = app.db.clone();
        let hash = hash.clone();
        async move {
            users::create(&db, email, name, role, &hash)
                .await
                .expect("user")
        }
    };
    mk(COORDINATOR, "Cora Coordinator", Role::Coordinator).await;
    mk(MENTOR_A, "Mona Mentor", Role::Mentor).await;
    mk(MENTOR_B, "Bo Mentor", Role::Mentor).await;
    let teacher_a = mk(TEACHER_A, "Tina Teacher", Role::Teacher).await;
    let teacher_b = mk(TEACHER_B, "Ture Teacher", Role::Teacher).await;
    let csv = format!(
        "participant_ref;given_name;family_name;gender;school;district;mentor_email;start_date;planned_terms\n\
         P-0001;Amina;Hassan;female;Farstaskolan;Farsta;{MENTOR_A};2026-01-12;2\n\
         P-0002;Yonas;Tesfay;male;Vantörskolan;Vantör;{MENTOR_B};2026-02-02;2\n"
    );
    let today = app::state::clock::today();
    let report = app::import::participants::participants(&app.db, &csv, today, CLI_SOURCE, false)
        .await
        .expect("import");
    assert!(
        report.committed,
        "seed import: {:?}",
        app::import::table::report_lines(&report)
    );
    let p1 = participants::id_by_ref(&app.db, "P-0001")
        .await
        .expect("db")
        .expect("P-0001");
    let p2 = participants::id_by_ref(&app.db, "P-0002")
        .await
        .expect("db")
        .expect("P-0002");
    let group_a = groups::create(&app.db, "Group A", teacher_a)
        .await
        .expect("group");
    let group_b = groups::create(&app.db, "Group B", teacher_b)
        .await
        .expect("group");
    groups::add_member(&app.db, group_a, p1)
        .await
        .expect("member");
    groups::add_member(&app.db, group_b, p2)
        .await
        .expect("member");
    let pin = app::auth::password::hash(PIN.into()).await.expect("hash");
    let by = ChangeSource {
        source: "demo",
        by: None,
    };
    participants::set_pin_hash(&app.db, p1, &pin, by)
        .await
        .expect("pin");
    participants::set_pin_hash(&app.db, p2, &pin, by)
        .await
        .expect("pin");
    let p1_code = participants::get(&app.db, p1)
        .await
        .expect("p1")
        .sign_in_code;
    Seed {
        teacher_a,
        teacher_b,
        p1,
        p2,
        group_a,
        p1_code,
    }
}

/// A problem's place written as the tests spell it: `P-0001/start` for a participant's grid
/// row, `#2/start` for the second block of a form, or just the field.
pub fn place(p: &app::domain::problem::FieldProblem) -> String {
    use app::domain::problem::FormRow;
    match &p.row {
        Some(FormRow::Participant(r)) => format!("{r}/{}", p.field),
        Some(FormRow::Block(n)) => format!("#{n}/{}", p.field),
        None => p.field.clone(),
    }
}

/// A `YYYY-MM-DD` date of a test.
pub fn date(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
}

/// The change version of `participant`'s data (0 when never written; participant 0: the
/// programme's).
pub async fn version(app: &TestApp, participant: i64) -> i64 {
    sqlx::query_scalar::<_, i64>(
        "SELECT COALESCE((SELECT version FROM participant_versions WHERE participant_id = $1), 0)",
    )
    .bind(participant)
    .fetch_one(&app.db.pool)
    .await
    .expect("version")
}

/// Runs `sql` (with `$1` = `participant`) and puts the participant's change version back, as no
/// write can (the triggers move it): what a kept view shows after this is what was kept.
pub async fn write_unversioned(app: &TestApp, participant: i64, sql: &str) {
    let before = version(app, participant).await;
    sqlx::query(sql)
        .bind(participant)
        .execute(&app.db.pool)
        .await
        .expect(sql);
    sqlx::query("UPDATE participant_versions SET version = $1 WHERE participant_id = $2")
        .bind(before)
        .bind(participant)
        .execute(&app.db.pool)
        .await
        .expect("version back");
}
