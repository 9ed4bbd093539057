//! The command line of FORMATS.md, run as the real binary against a fresh database:
//! `server import KIND FILE [--dry-run]` and `server export KIND`.

use std::process::{Command, Output};

use crate::common::{seed, TestApp, TEACHER_A};

fn run(app: &TestApp, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("DATABASE_URL", &app.url)
        .env_remove("DEMO_DATA")
        .output()
        .expect("run the server binary")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

async fn sfi_results_import_and_export_from_the_command_line(app: TestApp) {
    seed(&app).await;
    let dir = std::env::temp_dir().join(format!("spraktrappan-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let header = "participant_ref;test_date;occasion;course;grade_scale;grade;reading;listening;speaking;writing;teacher_email";
    let good = dir.join(format!("good-{}.csv", app.url.len()));
    let content = format!(
        "{header}\nP-0002;2026-03-02;start;B;ig_g_vg;G;;;;;\nP-0001;2026-03-02;start;B;f_a;C;B;;;;{TEACHER_A}\n"
    );
    std::fs::write(&good, &content).expect("write");
    let bad = dir.join(format!("bad-{}.csv", app.url.len()));
    std::fs::write(
        &bad,
        format!("{header}\nP-0001;2026-03-02;start;B;f_a;VG;;;;;\n"),
    )
    .expect("write");
    let good = good.to_str().expect("path");
    let bad = bad.to_str().expect("path");

    // An invalid file: exit 1, the row report in English on stderr, nothing stored.
    let out = run(&app, &["import", "sfi-results", bad]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("line 2, column grade, value \"VG\": Not a grade of the scale F–A. Allowed grades: F, E, D, C, B, A."),
        "{err}"
    );
    // A dry run stores nothing.
    let out = run(&app, &["import", "sfi-results", good, "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = run(&app, &["export", "sfi-results"]);
    assert_eq!(text(&out.stdout), format!("{header}\n"));
    // The real import, then the export sorted by key.
    let out = run(&app, &["import", "sfi-results", good]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = run(&app, &["export", "sfi-results"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{header}\nP-0001;2026-03-02;start;B;f_a;C;B;;;;{TEACHER_A}\nP-0002;2026-03-02;start;B;ig_g_vg;G;;;;;\n"
        )
    );
    // An unknown kind is a usage error.
    let out = run(&app, &["import", "sfi_results", good]);
    assert_eq!(out.status.code(), Some(2));
}

async fn assessments_and_the_threshold_setting_from_the_command_line(app: TestApp) {
    seed(&app).await;
    let dir = std::env::temp_dir().join(format!("spraktrappan-cli-a-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let header = "participant_ref;date;occasion;skill;level";
    let path = dir.join(format!("levels-{}.csv", app.url.len()));
    std::fs::write(
        &path,
        format!(
            "{header}\nP-0002;2026-09-01;start;writing;a1\nP-0001;2026-09-01;start;reading;a2\n"
        ),
    )
    .expect("write");
    let path = path.to_str().expect("path");
    let out = run(&app, &["import", "assessments", path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = run(&app, &["export", "assessments"]);
    assert_eq!(
        text(&out.stdout),
        format!(
            "{header}\nP-0001;2026-09-01;start;reading;a2\nP-0002;2026-09-01;start;writing;a1\n"
        )
    );
    let out = run(&app, &["setting", "cefr_threshold", "75%"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // In force from today (Stockholm), earlier days keep the default.
    let history = app::db::settings::history(&app.db, "cefr_threshold")
        .await
        .expect("db");
    let (from, stored) = history.last().cloned().expect("set");
    assert_eq!(from, app::state::clock::today());
    assert_eq!(
        app::domain::cefr::Threshold::parse(&stored).expect("parses"),
        app::domain::cefr::Threshold::percent(75).expect("75")
    );
    let out = run(&app, &["setting", "cefr_threshold", "180%"]);
    assert_eq!(out.status.code(), Some(1));
}

/// `server user deactivate|reactivate|set-role`: the account's standing changes and its
/// sessions end; the last coordinator stays.
async fn staff_accounts_from_the_command_line(app: TestApp) {
    seed(&app).await;
    let session = app.sign_in(crate::common::MENTOR_A).await;
    let out = run(&app, &["user", "deactivate", crate::common::MENTOR_A]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        app.call("home", Some(&session), &[]).await.error(),
        app::error::AppError::NotSignedIn
    );
    let out = run(&app, &["user", "reactivate", crate::common::MENTOR_A]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = run(
        &app,
        &["user", "set-role", crate::common::MENTOR_A, "teacher"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let u = app::db::users::find_by_email(&app.db, crate::common::MENTOR_A)
        .await
        .expect("db")
        .expect("user");
    assert!(u.active);
    assert_eq!(u.role, app::domain::role::Role::Teacher);
    let out = run(
        &app,
        &["user", "set-role", crate::common::COORDINATOR, "mentor"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("coordinator"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&app, &["user", "deactivate", "nobody@test.se"]);
    assert_eq!(out.status.code(), Some(1));

    // A one-time password on stdout (and only it): the old password and sessions stop
    // working, the new one signs in but must be changed first.
    let session = app.sign_in(crate::common::MENTOR_A).await;
    let out = run(&app, &["user", "reset-password", crate::common::MENTOR_A]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let otp = text(&out.stdout).trim().to_owned();
    assert_eq!(otp.len(), 14, "{otp}");
    assert_eq!(
        app.call("home", Some(&session), &[]).await.error(),
        app::error::AppError::NotSignedIn
    );
    let old = app
        .call(
            "auth/sign-in",
            None,
            &[
                ("email", crate::common::MENTOR_A),
                ("password", crate::common::PASSWORD),
            ],
        )
        .await;
    assert_eq!(old.error(), app::error::AppError::SignInFailed);
    let fresh = app
        .call(
            "auth/sign-in",
            None,
            &[("email", crate::common::MENTOR_A), ("password", &otp)],
        )
        .await;
    let fresh = crate::common::session_token(&fresh).expect("signed in with the one-time password");
    assert_eq!(
        app.call("home", Some(&fresh), &[]).await.error(),
        app::error::AppError::PasswordChangeRequired
    );
    let out = run(&app, &["user", "reset-password", "nobody@test.se"]);
    assert_eq!(out.status.code(), Some(1));
}

async fn personal_data_erasure_and_retention_from_the_command_line(app: TestApp) {
    use app::domain::access_log::{AccessEvent, Actor, LogSubject};
    let s = seed(&app).await;
    let dir = std::env::temp_dir().join(format!(
        "spraktrappan-cli-p-{}-{}",
        std::process::id(),
        app.url.len()
    ));
    let dir_text = dir.to_str().expect("path");
    let out = run(&app, &["person", "export", "P-0001", dir_text]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let bytes = std::fs::read(dir.join("P-0001-uppgifter.zip")).expect("the archive");
    let files = app::privacy::zip::read(&bytes).expect("a valid archive");
    assert!(files
        .iter()
        .any(|(n, c)| n == "participants.csv" && text(c).contains("P-0001;Amina;Hassan")));
    let out = run(&app, &["person", "export", "P-9999", dir_text]);
    assert_eq!(out.status.code(), Some(1));
    // The retention time is a setting of whole years.
    let out = run(&app, &["setting", "retention_years", "0"]);
    assert_eq!(out.status.code(), Some(1));
    let out = run(&app, &["setting", "retention_years", "5"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = run(&app, &["retention", "apply", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("0 participants due (dry run"),
        "{}",
        text(&out.stderr)
    );
    // An open introduction is erased only when told to.
    let out = run(&app, &["person", "erase", "P-0001"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("--open"),
        "{}",
        text(&out.stderr)
    );
    assert!(app::db::participants::get(&app.db, s.p1).await.is_ok());
    let out = run(&app, &["person", "erase", "P-0001", "--open"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("erased:"),
        "{}",
        text(&out.stderr)
    );
    assert!(app::db::participants::get(&app.db, s.p1).await.is_err());
    let log = app::db::access_log::list(&app.db, LogSubject::Participant(s.p1), 0, i64::MAX, 100)
        .await
        .expect("log");
    for event in [AccessEvent::Download, AccessEvent::Erase] {
        assert!(
            log.iter()
                .any(|e| e.event == event && e.actor == Actor::Operator),
            "{event:?} by the operator: {log:#?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

crate::on_both_engines! {
    personal_data_cli => super::personal_data_erasure_and_retention_from_the_command_line;
    user_cli => super::staff_accounts_from_the_command_line;
    sfi_cli => super::sfi_results_import_and_export_from_the_command_line;
    assessments_cli => super::assessments_and_the_threshold_setting_from_the_command_line;
}
