//! Two server processes on one database, as behind a round-robin proxy: each listens on its
//! own port with its own pool and state, and a browser that goes from one to the other keeps
//! its session, the values of a refused form and its sign-out, and sees the translators'
//! corrections either one stored.

use std::net::SocketAddr;

use axum::Router;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common::{build_router, form_body, seed, test_auth, TestApp, COORDINATOR, PASSWORD};
use crate::register::{pairs, raw};

/// Serves `router` on a free port of 127.0.0.1, as `server serve` does.
async fn serve(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(async move {
        let service = router.into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, service).await.expect("serve");
    });
    addr
}

/// A response read off the wire.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn session(&self) -> Option<String> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
            .find_map(|(_, v)| v.strip_prefix("st_session="))
            .map(|rest| rest.split(';').next().unwrap_or_default().to_owned())
            .filter(|t| !t.is_empty())
    }
}

/// One HTTP/1.1 exchange over a fresh connection.
async fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Answer {
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).await.expect("send");
    let mut raw = vec![];
    stream.read_to_end(&mut raw).await.expect("receive");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = vec![];
    while let Some(end) = rest.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&rest[..end])
                .split(';')
                .next()
                .unwrap_or("0")
                .trim(),
            16,
        )
        .expect("a chunk size");
        if size == 0 {
            break;
        }
        out.extend_from_slice(&rest[end + 2..end + 2 + size]);
        rest = &rest[end + 2 + size + 2..];
    }
    out
}

/// The path and query of a redirect's `Location`.
fn local(location: &str) -> String {
    location
        .strip_prefix("http://localhost")
        .unwrap_or(location)
        .to_owned()
}

async fn two_servers_on_one_database_serve_the_same_browser(app: TestApp) {
    seed(&app).await;
    // The second process: its own pool on the same database and its own state.
    let other_db = app::db::Db::connect(&app.url).await.expect("connect");
    let a = serve(app.router.clone()).await;
    let b = serve(build_router(&other_db, &app.clock, test_auth(false))).await;
    assert_ne!(a, b);

    // Signed in on A…
    let json = [
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("Accept", "application/json"),
        ("Sec-Fetch-Site", "same-origin"),
    ];
    let signed_in = http(
        a,
        "POST",
        "/api/auth/sign-in",
        &json,
        &form_body(&[("email", COORDINATOR), ("password", PASSWORD)]),
    )
    .await;
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
    let session = signed_in.session().expect("a session cookie");
    let cookie = format!("st_session={session}");

    // …the register is B's page for the same browser, and nobody else's.
    let page = http(b, "GET", "/participants", &[("Cookie", &cookie)], "").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("P-0001") && page.body.contains("Amina"),
        "B shows the register"
    );
    let stranger = http(b, "GET", "/participants", &[], "").await;
    assert!(!stranger.body.contains("Amina"), "not without the session");

    // A refused form posted to A comes back from B with the values typed.
    let html = [
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("Accept", "text/html,application/xhtml+xml"),
        ("Referer", "http://localhost/participants/new"),
        ("Cookie", cookie.as_str()),
    ];
    let refused = http(
        a,
        "POST",
        "/api/participants/create",
        &html,
        &form_body(&pairs(&raw("P-0300", "1850", ""))),
    )
    .await;
    assert_eq!(refused.status, 302, "{}", refused.body);
    let location = local(refused.header("location").expect("a redirect back"));
    assert!(location.contains("__flash="), "{location}");
    let back = http(b, "GET", &location, &[("Cookie", &cookie)], "").await;
    assert_eq!(back.status, 200);
    assert!(
        back.body.contains(r#"value="P-0300""#),
        "the reference typed is back on B"
    );
    assert!(
        back.body.contains(r#"value="1850""#),
        "the wrong year is back on B"
    );
    let other_browser = http(b, "GET", &location, &[], "").await;
    assert!(
        !other_browser.body.contains(r#"value="P-0300""#),
        "only for its browser"
    );

    // Signed out on B, the session is over on A too.
    let out = http(
        b,
        "POST",
        "/api/auth/sign-out",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Accept", "application/json"),
            ("Sec-Fetch-Site", "same-origin"),
            ("Cookie", cookie.as_str()),
        ],
        &form_body(&[("to", "/sign-in")]),
    )
    .await;
    assert!(out.status < 400, "{} {}", out.status, out.body);
    let after = http(a, "GET", "/participants", &[("Cookie", &cookie)], "").await;
    assert!(
        !after.body.contains("Amina"),
        "A no longer knows the session"
    );

    // A translators' correction stored through A shows on B at its next check.
    let mut seen = None;
    let check = |seen: &mut Option<i64>| {
        let db = other_db.clone();
        let mut s = *seen;
        async move {
            let changed = app::languages::service::reload_overlay_if_changed(&db, &mut s)
                .await
                .expect("check");
            (changed, s)
        }
    };
    let (changed, now) = check(&mut seen).await;
    assert!(changed, "the first check loads");
    seen = now;
    assert!(!check(&mut seen).await.0, "nothing changed since");
    // (A message no page uses, in a language no other test corrects: the corrections are
    // laid over the catalogue for the whole test process.)
    let lang = if app.url.starts_with("sqlite") {
        "ti"
    } else {
        "prs"
    };
    sqlx::query(
        "INSERT INTO ui_translations (language, message_id, text, checked, changed_at) \
         VALUES ($1, 'scale-out-probe', 'B sees this', 1, 0)",
    )
    .bind(lang)
    .execute(&app.db.pool)
    .await
    .expect("a correction on A");
    let (changed, now) = check(&mut seen).await;
    assert!(changed, "B notices the correction");
    seen = now;
    sqlx::query("DELETE FROM ui_translations WHERE message_id = 'scale-out-probe'")
        .execute(&app.db.pool)
        .await
        .expect("cleared");
    assert!(check(&mut seen).await.0, "and its removal");
    other_db.pool.close().await;
}

crate::on_both_engines! {
    two_servers_on_one_database => super::two_servers_on_one_database_serve_the_same_browser;
}
