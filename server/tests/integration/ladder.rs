//! The language ladder: the participant's charts and tables, the notes where self-assessed and
//! tested levels disagree, the mentor's dashboard, the passport and `server chart ladder`.

use std::process::Command;

use app::db::participants::ChangeSource;
use app::error::AppError;
use app::ladder::api::{Dashboard, LadderView, Passport};

use crate::common::{seed, version, write_unversioned, TestApp, MENTOR_A, MENTOR_B, TEACHER_A};

const CLI: ChangeSource = ChangeSource {
    source: "cli",
    by: None,
};

fn today() -> chrono::NaiveDate {
    app::state::clock::today()
}

/// P-0001: a start assessment at A1 in every skill, a checkpoint with listening B1 and reading
/// A2, and SFI course B (≈ A1) with grade G.
async fn history(app: &TestApp) {
    let mut levels = String::from("participant_ref;date;occasion;skill;level\n");
    for skill in [
        "listening",
        "reading",
        "spoken_interaction",
        "spoken_production",
        "writing",
    ] {
        levels.push_str(&format!("P-0001;2026-01-20;start;{skill};a1\n"));
    }
    levels.push_str(
        "P-0001;2026-05-04;checkpoint;listening;b1\nP-0001;2026-05-04;checkpoint;reading;a2\n",
    );
    let r = app::import::assessments::import_file(&app.db, &levels, today(), CLI, false)
        .await
        .expect("levels");
    assert!(r.committed, "{r:?}");
    let sfi = "participant_ref;test_date;occasion;course;grade_scale;grade\n\
               P-0001;2026-02-02;start;A;ig_g_vg;G\n\
               P-0001;2026-05-11;checkpoint;B;ig_g_vg;G\n";
    let r = app::import::sfi::import_file(&app.db, sfi, today(), CLI, false)
        .await
        .expect("sfi");
    assert!(r.committed, "{r:?}");
}

async fn the_participant_ladder_has_charts_tables_and_notes(app: TestApp) {
    let s = seed(&app).await;
    history(&app).await;
    let m = app.sign_in(MENTOR_A).await;
    let v: LadderView = app
        .call(
            "ladder/participant",
            Some(&m),
            &[("participant", &s.p1.to_string())],
        )
        .await
        .json();
    assert!(v.ladder_svg.starts_with("<svg class=\"chart\""));
    assert!(v.ladder_svg.contains("<title id=\"ladder-chart-title\">"));
    assert!(v.ladder_svg.contains("\nB: G\n") && v.ladder_svg.contains("\nA: G\n"));
    assert!(v.weekly_svg.contains("<title id=\"weekly-chart-title\">"));
    let dates: Vec<(&str, &str)> = v
        .assessments
        .iter()
        .map(|a| (a.date.as_str(), a.levels[0].as_str()))
        .collect();
    assert_eq!(dates, [("2026-01-20", "A1"), ("2026-05-04", "B1")]);
    assert_eq!(v.sfi.len(), 2);
    assert_eq!(v.sfi[1].guide, "≈ A1");
    // Listening B1 is two steps above course B (≈ A1): a note; reading A2 is one step: none.
    assert_eq!(v.notes.len(), 1, "{:?}", v.notes);
    assert!(
        v.notes[0].contains("B1") && v.notes[0].contains('B'),
        "{:?}",
        v.notes
    );
    assert!(!v.weeks.is_empty());
    // Mentor B may not see it; the participant sees their own.
    let other = app.sign_in(MENTOR_B).await;
    assert_eq!(
        app.call(
            "ladder/participant",
            Some(&other),
            &[("participant", &s.p1.to_string())]
        )
        .await
        .error(),
        AppError::Forbidden
    );
    let me = app.sign_in_participant(&s.p1_code).await;
    let p: Passport = app
        .call(
            "ladder/passport",
            Some(&me),
            &[("participant", &s.p1.to_string())],
        )
        .await
        .json();
    assert_eq!(p.levels, [Some(3), Some(2), Some(1), Some(1), Some(1)]);
    assert_eq!(
        p.assessed_on.map(|d| d.to_string()).as_deref(),
        Some("2026-05-04")
    );
    assert_eq!(
        p.latest_sfi
            .map(|(c, g, d)| (c.as_str(), g.as_str(), d.format("%Y-%m-%d").to_string())),
        Some(("B", "G", "2026-05-11".to_owned()))
    );
    assert_eq!(p.name, "Amina Hassan");
}

async fn the_mentor_dashboard_shows_levels_changes_results_and_short_weeks(app: TestApp) {
    let s = seed(&app).await;
    history(&app).await;
    let m = app.sign_in(MENTOR_A).await;
    let d: Dashboard = app
        .call("ladder/dashboard", Some(&m), &[("sort", "level")])
        .await
        .json();
    assert_eq!(d.sort, "level");
    assert_eq!(d.rows.len(), 1, "only the mentor's own participants");
    let r = &d.rows[0];
    assert_eq!(r.id, s.p1);
    assert_eq!(r.levels, ["B1", "A2", "A1", "A1", "A1"].map(String::from));
    assert_eq!(r.changes, ["+2", "+1", "0", "0", "0"].map(String::from));
    assert_eq!(r.latest_sfi.as_deref(), Some("B: G (2026-05-11)"));
    assert_eq!(r.short_weeks, 4, "nothing recorded in the last four weeks");
    assert!(r.sparkline_svg.contains("<title id=\"spark-"));
    // No talk scheduled: the next date is the planned end (start + planned terms).
    assert_eq!(r.next.kind, app::domain::talk::NextKind::PlannedEnd);
    assert_eq!(r.next.overdue_since, None);
    let other = app.sign_in(MENTOR_B).await;
    let d: Dashboard = app.call("ladder/dashboard", Some(&other), &[]).await.json();
    let refs: Vec<&str> = d.rows.iter().map(|r| r.participant_ref.as_str()).collect();
    assert_eq!(refs, ["P-0002"]);
    assert_eq!(
        d.rows[0].levels,
        [""; 5].map(String::from),
        "never assessed"
    );
    let t = app.sign_in(TEACHER_A).await;
    assert_eq!(
        app.call("ladder/dashboard", Some(&t), &[]).await.error(),
        AppError::Forbidden
    );
}

async fn the_command_line_prints_the_ladder(app: TestApp) {
    seed(&app).await;
    history(&app).await;
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_server"))
            .args(args)
            .env("DATABASE_URL", &app.url)
            .env_remove("DEMO_DATA")
            .output()
            .expect("run")
    };
    let out = run(&["chart", "ladder", "P-0001"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8_lossy(&out.stdout);
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.contains("<title id=\"ladder-title\">Language ladder: Amina Hassan</title>"));
    assert!(svg.trim_end().ends_with("</svg>"));
    let out = run(&["chart", "ladder", "P-0404"]);
    assert_eq!(out.status.code(), Some(1));
}

/// The mentor's start page is kept between requests (issue 18) and follows every write to its
/// data, whoever makes it: here the command line's imports and plain SQL, as another server
/// sharing the database would.
async fn the_kept_start_page_follows_every_write_to_its_data(app: TestApp) {
    use app::hours::api::ShortWeeks;
    let s = seed(&app).await;
    let m = app.sign_in(MENTOR_A).await;
    let dash = || async {
        app.call("ladder/dashboard", Some(&m), &[])
            .await
            .json::<Dashboard>()
    };
    let short = || async {
        app.call("hours/short", Some(&m), &[])
            .await
            .json::<Vec<ShortWeeks>>()
    };
    let d = dash().await;
    assert_eq!(
        d.rows[0].levels,
        [""; 5].map(String::from),
        "never assessed"
    );
    assert_eq!(d.rows[0].latest_sfi, None);
    // Assessments and SFI results.
    history(&app).await;
    let d = dash().await;
    assert_eq!(
        d.rows[0].levels,
        ["B1", "A2", "A1", "A1", "A1"].map(String::from)
    );
    assert_eq!(d.rows[0].latest_sfi.as_deref(), Some("B: G (2026-05-11)"));
    // Time: a lesson last Monday makes that week less short.
    let before = short().await;
    let monday = app::domain::weeks::IsoWeek::containing(today())
        .prev()
        .monday();
    let lesson = format!(
        "participant_ref;date;start;end;kind;teacher_email\nP-0001;{monday};08:30;10:10;teaching;{TEACHER_A}\n"
    );
    let now = app::state::clock::now();
    let by = app::db::hours::Recorder {
        source: "cli",
        user: None,
        participant: None,
    };
    let r = app::import::time::import_teaching(&app.db, &lesson, now, by, false)
        .await
        .expect("import");
    assert!(r.committed, "{r:?}");
    assert_ne!(short().await, before, "the lesson counts at once");
    // The record itself.
    sqlx::query("UPDATE participants SET given_name = 'Amira' WHERE id = $1")
        .bind(s.p1.0)
        .execute(&app.db.pool)
        .await
        .expect("rename");
    assert_eq!(dash().await.rows[0].name, "Amira Hassan");
    let page = || async { app.get("/", Some(&m)).await.body };
    let html = page().await;
    assert!(html.contains(">Amira Hassan<") && html.contains("data-test=\"dashboard\""));
    assert!(
        html.contains("data-test=\"short-weeks\"") && html.contains("data-test=\"mentor-all\"")
    );
    // What is served is the kept page: a change that does not move the version (which no
    // write can make: the triggers move it) is not seen, and is once the version moves.
    write_unversioned(
        &app,
        s.p1.0,
        "UPDATE participants SET given_name = 'Hidden' WHERE id = $1",
    )
    .await;
    assert_eq!(dash().await.rows[0].name, "Amira Hassan", "kept");
    assert!(page().await.contains(">Amira Hassan<"), "the kept page");
    sqlx::query("UPDATE participant_versions SET version = version + 1 WHERE participant_id = $1")
        .bind(s.p1.0)
        .execute(&app.db.pool)
        .await
        .expect("version on");
    assert_eq!(dash().await.rows[0].name, "Hidden Hassan");
    let html = page().await;
    assert!(html.contains(">Hidden Hassan<") && !html.contains(">Amira Hassan<"));
    // A participant given to another mentor leaves this one's page.
    sqlx::query("UPDATE participants SET mentor_id = (SELECT mentor_id FROM participants WHERE id = $1) WHERE id = $2")
        .bind(s.p2.0)
        .bind(s.p1.0)
        .execute(&app.db.pool)
        .await
        .expect("other mentor");
    assert!(dash().await.rows.is_empty());
    // The programme's settings move participant 0's version.
    let programme = version(&app, 0).await;
    app::db::settings::set(&app.db, "weekly_minimum", "300")
        .await
        .expect("setting");
    assert!(version(&app, 0).await > programme);
}

/// Every table whose rows a staff page shows of a participant has its version triggers.
async fn every_table_the_pages_show_moves_a_version(app: TestApp) {
    let tables = [
        "participants",
        "time_entries",
        "absences",
        "assessments",
        "assessment_levels",
        "sfi_results",
        "weekly_plans",
        "plan_blocks",
        "checkpoint_decisions",
        "development_talks",
        "settings",
        "setting_history",
        "calendar_days",
        "schools",
        "districts",
        "ui_translations",
        // The whole participant page (server/src/kept_pages.rs).
        "participant_history",
        "outcomes",
        "sfi_result_versions",
        "participant_steps",
        "placements",
        "development_talk_goals",
        "group_members",
        "tablet_waiting",
        "assessment_comments",
        "assessment_answers",
        "users",
        "teaching_groups",
        "ladder_step_definitions",
        "cefr_catalogues",
        "cefr_statements",
        "cefr_statement_texts",
    ];
    let sql = match app.db.backend {
        app::db::Backend::Sqlite => {
            "SELECT tbl_name AS t, upper(name) AS e FROM sqlite_master WHERE type = 'trigger' \
             AND name LIKE '%version%'"
        }
        app::db::Backend::Postgres => {
            "SELECT event_object_table::text AS t, event_manipulation::text AS e \
             FROM information_schema.triggers WHERE trigger_name LIKE '%version%'"
        }
    };
    let rows: Vec<(String, String)> = sqlx::query_as(sql)
        .fetch_all(&app.db.pool)
        .await
        .expect("triggers");
    for t in tables {
        for op in ["INSERT", "UPDATE", "DELETE"] {
            assert!(
                rows.iter().any(|(table, e)| table == t && e.contains(op)),
                "{t}: no version trigger on {op}"
            );
        }
    }
}

crate::on_both_engines! {
    participant_ladder => super::the_participant_ladder_has_charts_tables_and_notes;
    mentor_dashboard => super::the_mentor_dashboard_shows_levels_changes_results_and_short_weeks;
    chart_cli => super::the_command_line_prints_the_ladder;
    kept_start_page => super::the_kept_start_page_follows_every_write_to_its_data;
    version_triggers => super::every_table_the_pages_show_moves_a_version;
}
