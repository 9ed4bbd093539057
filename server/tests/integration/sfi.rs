//! SFI results: the group grid, single results, corrections with history, deletion, and the
//! `sfi-results` file kind (all or nothing, idempotent, exported back unchanged).

use app::db::participants::ChangeSource;
use app::domain::ids::ParticipantId;
use app::domain::problem::Problem;
use app::error::AppError;
use app::sfi::api::{GridSaved, SfiGrid, SfiOverview};
use axum::body::Body;
use axum::http::{header, Request};

use crate::common::{seed, Seed, TestApp, COORDINATOR, MENTOR_A, TEACHER_A};

/// Changes made from the command line.
const CLI_SOURCE: app::db::participants::ChangeSource = app::db::participants::ChangeSource {
    source: "cli",
    by: None,
};

const HEADER: &str = "participant_ref;test_date;occasion;course;grade_scale;grade;reading;listening;speaking;writing;teacher_email";

fn today() -> chrono::NaiveDate {
    app::state::clock::today()
}

fn file(rows: &[&str]) -> String {
    let mut s = String::from(HEADER);
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.push('\n');
    s
}

const CLI: ChangeSource = ChangeSource {
    source: "cli",
    by: None,
};

async fn results(app: &TestApp, p: ParticipantId) -> Vec<app::dto::SfiResultRow> {
    app::db::sfi::for_participant(&app.db, p)
        .await
        .expect("results")
}

async fn count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM sfi_results")
        .fetch_one(&app.db.pool)
        .await
        .expect("count")
}

/// Adds P-0003 (study path 3) and P-0004 (path 1) to teacher A's group.
async fn bigger_group(app: &TestApp, s: &Seed) {
    let csv = "participant_ref;given_name;family_name;gender;school;district;start_date;planned_terms;study_path\n\
               P-0003;Sara;Ali;female;Farstaskolan;Farsta;2026-01-12;2;3\n\
               P-0004;Omar;Nur;male;Farstaskolan;Farsta;2026-01-12;2;1\n";
    let r = app::import::participants::participants(&app.db, csv, today(), CLI_SOURCE, false)
        .await
        .expect("import");
    assert!(r.committed, "{r:?}");
    for reference in ["P-0003", "P-0004"] {
        let id = app::db::participants::id_by_ref(&app.db, reference)
            .await
            .expect("db")
            .expect("participant");
        app::db::groups::add_member(&app.db, s.group_a, id)
            .await
            .expect("member");
    }
}

fn grid_form(group: i64, date: &str, rows: &[[&str; 6]]) -> Vec<(String, String)> {
    let mut f = vec![
        ("group".to_owned(), group.to_string()),
        ("test_date".to_owned(), date.to_owned()),
        ("teacher_email".to_owned(), TEACHER_A.to_owned()),
    ];
    for (i, [r, occasion, course, scale, grade, reading]) in rows.iter().enumerate() {
        for (k, v) in [
            ("participant_ref", r),
            ("occasion", occasion),
            ("course", course),
            ("grade_scale", scale),
            ("grade", grade),
            ("reading", reading),
            ("listening", &""),
            ("speaking", &""),
            ("writing", &""),
        ] {
            f.push((format!("rows[{i}][{k}]"), (*v).to_owned()));
        }
    }
    f
}

fn pairs(f: &[(String, String)]) -> Vec<(&str, &str)> {
    f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

async fn a_teacher_saves_a_grid_once_even_when_sent_twice(app: TestApp) {
    let s = seed(&app).await;
    bigger_group(&app, &s).await;
    let t = app.sign_in(TEACHER_A).await;
    let grid: SfiGrid = app
        .call("sfi/grid", Some(&t), &[("group", &s.group_a.to_string())])
        .await
        .json();
    let refs: Vec<&str> = grid
        .members
        .iter()
        .map(|m| m.participant_ref.as_str())
        .collect();
    assert_eq!(refs.len(), 3);
    let p3 = grid
        .members
        .iter()
        .find(|m| m.participant_ref == "P-0003")
        .expect("P-0003");
    assert_eq!(
        (p3.course.as_str(), p3.occasion.as_str()),
        ("C", "start"),
        "prefilled from the study path"
    );
    assert_eq!(grid.teacher_email, TEACHER_A);
    let f = grid_form(
        s.group_a.0,
        "2026-09-14",
        &[
            ["P-0001", "start", "B", "ig_g_vg", "G", "VG"],
            ["P-0003", "start", "C", "f_a", "e", ""],
            ["P-0004", "start", "A", "ig_g_vg", "", ""],
        ],
    );
    let saved: GridSaved = app.call("sfi/grid/save", Some(&t), &pairs(&f)).await.json();
    assert_eq!(
        saved,
        GridSaved {
            created: 2,
            updated: 0,
            unchanged: 0
        },
        "the empty row is skipped"
    );
    let again: GridSaved = app.call("sfi/grid/save", Some(&t), &pairs(&f)).await.json();
    assert_eq!(
        (again.created, again.unchanged),
        (0, 2),
        "a double submit stores once"
    );
    assert_eq!(count(&app).await, 2);
    let r = results(&app, s.p1).await;
    assert_eq!(
        (
            r[0].grade.as_str(),
            r[0].parts[0].map(|g| g.as_str()).unwrap_or_default(),
            r[0].teacher_email.as_deref()
        ),
        ("G", "VG", Some(TEACHER_A))
    );
    // The grid now starts from the latest result.
    let grid: SfiGrid = app
        .call("sfi/grid", Some(&t), &[("group", &s.group_a.to_string())])
        .await
        .json();
    let p1 = grid
        .members
        .iter()
        .find(|m| m.participant_ref == "P-0001")
        .expect("P-0001");
    assert_eq!(
        (p1.occasion.as_str(), p1.course.as_str()),
        ("checkpoint", "B")
    );
}

async fn an_invalid_cell_saves_nothing_of_the_grid(app: TestApp) {
    let s = seed(&app).await;
    bigger_group(&app, &s).await;
    let t = app.sign_in(TEACHER_A).await;
    let f = grid_form(
        s.group_a.0,
        "2026-09-14",
        &[
            ["P-0001", "start", "B", "ig_g_vg", "G", ""],
            ["P-0003", "start", "B", "ig_g_vg", "G", ""],
            ["P-0004", "start", "A", "f_a", "VG", "X"],
        ],
    );
    let error = app
        .call("sfi/grid/save", Some(&t), &pairs(&f))
        .await
        .error();
    let AppError::Invalid(problems) = error else {
        panic!("expected invalid, got {error:?}");
    };
    let places: Vec<String> = problems.iter().map(crate::common::place).collect();
    let fields: Vec<(&str, &Problem)> = places
        .iter()
        .zip(&problems)
        .map(|(place, p)| (place.as_str(), &p.problem))
        .collect();
    assert_eq!(
        fields,
        [
            (
                "P-0003/course",
                &Problem::CourseBelowPathStart {
                    path: 3,
                    first: "C".into()
                }
            ),
            (
                "P-0004/grade",
                &Problem::GradeNotInScale {
                    scale: "F–A".into(),
                    allowed: "F, E, D, C, B, A".into()
                }
            ),
            (
                "P-0004/reading",
                &Problem::GradeNotInScale {
                    scale: "F–A".into(),
                    allowed: "F, E, D, C, B, A".into()
                }
            ),
        ]
    );
    assert_eq!(count(&app).await, 0, "nothing of an invalid grid is stored");
    // A date in the future is reported once, for the whole grid.
    let tomorrow = (today() + chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let f = grid_form(
        s.group_a.0,
        &tomorrow,
        &[
            ["P-0001", "start", "B", "ig_g_vg", "G", ""],
            ["P-0004", "start", "A", "ig_g_vg", "G", ""],
        ],
    );
    let error = app
        .call("sfi/grid/save", Some(&t), &pairs(&f))
        .await
        .error();
    assert_eq!(
        error
            .problems()
            .iter()
            .map(|p| p.field.as_str())
            .collect::<Vec<_>>(),
        ["test_date"]
    );
    // A participant of another group cannot be slipped into the grid.
    let f = grid_form(
        s.group_a.0,
        "2026-09-14",
        &[["P-0002", "start", "B", "ig_g_vg", "G", ""]],
    );
    assert_eq!(
        app.call("sfi/grid/save", Some(&t), &pairs(&f))
            .await
            .error(),
        AppError::Forbidden
    );
    assert_eq!(count(&app).await, 0);
}

async fn corrections_and_deletion_keep_history(app: TestApp) {
    let s = seed(&app).await;
    let t = app.sign_in(TEACHER_A).await;
    let p = s.p1.to_string();
    let form = |grade: &'static str, date: &'static str| {
        vec![
            ("raw[participant_ref]", ""),
            ("raw[test_date]", date),
            ("raw[occasion]", "start"),
            ("raw[course]", "B"),
            ("raw[grade_scale]", "ig_g_vg"),
            ("raw[grade]", grade),
            ("raw[reading]", ""),
            ("raw[listening]", ""),
            ("raw[speaking]", ""),
            ("raw[writing]", ""),
            ("raw[teacher_email]", TEACHER_A),
        ]
    };
    let mut f = form("G", "2026-03-02");
    f.push(("participant", &p));
    let reply = app.call("sfi/create", Some(&t), &f).await;
    assert!(reply.status.is_success(), "{reply:?}");
    let id = results(&app, s.p1).await[0].id.to_string();
    // Correction: the grade changes, the earlier version stays.
    let mut f = form("VG", "2026-03-02");
    f.push(("id", &id));
    f.push(("version", "1"));
    let reply = app.call("sfi/correct", Some(&t), &f).await;
    assert!(reply.status.is_success(), "{reply:?}");
    // A second correction from a form that still showed version 1 is refused, naming who
    // changed the result, and changes nothing.
    let mut stale = form("IG", "2026-03-02");
    stale.push(("id", &id));
    stale.push(("version", "1"));
    let error = app.call("sfi/correct", Some(&t), &stale).await.error();
    assert_eq!(error.problems()[0].field, "grade");
    assert!(
        matches!(&error.problems()[0].problem,
            app::domain::problem::Problem::ChangedBy(m)
                if m.by == "Tina Teacher" && m.value == "B: VG (2026-03-02)"),
        "{error:?}"
    );
    // A wrong grade is refused with its field and changes nothing.
    let mut bad = form("A", "2026-03-02");
    bad.push(("id", &id));
    bad.push(("version", "2"));
    let error = app.call("sfi/correct", Some(&t), &bad).await.error();
    assert_eq!(error.problems()[0].field, "grade");
    let r = results(&app, s.p1).await;
    assert_eq!((r.len(), r[0].grade.as_str(), r[0].version), (1, "VG", 2));
    // A mentor reads but cannot correct; the teacher cannot delete.
    let m = app.sign_in(MENTOR_A).await;
    let overview: SfiOverview = app
        .call("sfi/results", Some(&m), &[("participant", &p)])
        .await
        .json();
    assert!(!overview.can_record && !overview.can_delete);
    assert_eq!(overview.results.len(), 1);
    assert_eq!(
        app.call("sfi/delete", Some(&t), &[("id", &id), ("version", "2")])
            .await
            .error(),
        AppError::Forbidden
    );
    // The coordinator deletes (not from a page that showed an older version); the history
    // shows all three steps, newest first.
    let c = app.sign_in(COORDINATOR).await;
    let stale = app
        .call("sfi/delete", Some(&c), &[("id", &id), ("version", "1")])
        .await;
    assert!(matches!(
        &stale.error().problems()[0].problem,
        app::domain::problem::Problem::ChangedBy(_)
    ));
    let reply = app
        .call("sfi/delete", Some(&c), &[("id", &id), ("version", "2")])
        .await;
    assert!(reply.status.is_success(), "{reply:?}");
    let overview: SfiOverview = app
        .call("sfi/results", Some(&c), &[("participant", &p)])
        .await
        .json();
    assert!(overview.results.is_empty());
    let versions = overview.versions.expect("staff see the history");
    let steps: Vec<(&str, &str, i64, Option<&str>)> = versions
        .iter()
        .map(|v| {
            (
                v.action.as_str(),
                v.values.grade.as_str(),
                v.version,
                v.changed_by.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("delete", "VG", 2, Some("Cora Coordinator")),
            ("update", "VG", 2, Some("Tina Teacher")),
            ("create", "G", 1, Some("Tina Teacher")),
        ]
    );
    // The history is append-only.
    let change = sqlx::query("UPDATE sfi_result_versions SET grade = 'IG'")
        .execute(&app.db.pool)
        .await;
    assert!(change.is_err(), "history rows cannot be changed");
}

async fn start_and_finish_are_derived(app: TestApp) {
    let s = seed(&app).await;
    let csv = file(&[
        "P-0001;2026-02-02;checkpoint;B;ig_g_vg;G;;;;;",
        "P-0001;2026-06-01;checkpoint;C;ig_g_vg;G;;;;;",
        "P-0001;2026-09-01;checkpoint;D;ig_g_vg;IG;;;;;",
    ]);
    let report = app::import::sfi::import_file(&app.db, &csv, today(), CLI, false)
        .await
        .expect("import");
    assert!(report.committed, "{report:?}");
    let c = app.sign_in(COORDINATOR).await;
    let o: SfiOverview = app
        .call(
            "sfi/results",
            Some(&c),
            &[("participant", &s.p1.to_string())],
        )
        .await
        .json();
    let (start, finish) = o.start_finish.expect("results");
    assert_eq!(o.results[start].course.as_str(), "B");
    assert_eq!(o.results[finish.expect("finish")].course.as_str(), "D");
    assert_eq!(o.step, Some(2));
    // The participant reads their own results, without the staff history.
    let me = app.sign_in_participant(&s.p1_code).await;
    let own: SfiOverview = app
        .call(
            "sfi/results",
            Some(&me),
            &[("participant", &s.p1.to_string())],
        )
        .await
        .json();
    assert_eq!(own.results.len(), 3);
    assert!(own.versions.is_none() && !own.can_record);
}

async fn an_import_is_all_or_nothing_idempotent_and_exports_back(app: TestApp) {
    seed(&app).await;
    let bad = file(&[
        &format!("P-0001;2026-03-02;start;B;ig_g_vg;G;VG;;G;;{TEACHER_A}"),
        "P-0002;2026-03-02;start;B;pass_fail;VG;;;;;",
        "P-9999;2026-03-02;start;B;ig_g_vg;G;;;;;",
        &format!("P-0002;2026-03-02;start;B;ig_g_vg;G;;;;;{MENTOR_A}"),
    ]);
    let report = app::import::sfi::import_file(&app.db, &bad, today(), CLI, false)
        .await
        .expect("import");
    assert!(!report.committed);
    let rows: Vec<(usize, &str, &Problem)> = report
        .rows
        .iter()
        .map(|(l, p)| (*l, p.field.as_str(), &p.problem))
        .collect();
    assert_eq!(
        rows,
        [
            (
                3,
                "grade",
                &Problem::GradeNotInScale {
                    scale: "IG–G".into(),
                    allowed: "IG, G".into()
                }
            ),
            (4, "participant_ref", &Problem::UnknownParticipant),
            (5, "teacher_email", &Problem::UnknownTeacher),
        ]
    );
    assert_eq!(count(&app).await, 0, "nothing of an invalid file is stored");
    let good = file(&[
        &format!("P-0002;2026-03-02;start;B;ig_g_vg;G;;;;;{TEACHER_A}"),
        &format!("P-0001;2026-03-02;start;B;ig_g_vg;G;VG;;G;;{TEACHER_A}"),
        "P-0001;2026-09-01;finish;C;f_a;C;;;;;",
    ]);
    let report = app::import::sfi::import_file(&app.db, &good, today(), CLI, false)
        .await
        .expect("import");
    assert!(report.committed && report.is_valid(), "{report:?}");
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (3, 0, 0)
    );
    let again = app::import::sfi::import_file(&app.db, &good, today(), CLI, false)
        .await
        .expect("import");
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 3));
    let exported = app::import::sfi::export(&app.db, app::db::Whose::Everyone)
        .await
        .expect("export");
    assert_eq!(
        exported,
        file(&[
            &format!("P-0001;2026-03-02;start;B;ig_g_vg;G;VG;;G;;{TEACHER_A}"),
            "P-0001;2026-09-01;finish;C;f_a;C;;;;;",
            &format!("P-0002;2026-03-02;start;B;ig_g_vg;G;;;;;{TEACHER_A}"),
        ])
    );
    let back = app::import::sfi::import_file(&app.db, &exported, today(), CLI, false)
        .await
        .expect("import");
    assert_eq!((back.created, back.updated, back.unchanged), (0, 0, 3));
    // A changed grade is an update that keeps the old version.
    let changed = file(&["P-0001;2026-09-01;finish;C;f_a;B;;;;;"]);
    let report = app::import::sfi::import_file(&app.db, &changed, today(), CLI, false)
        .await
        .expect("import");
    assert_eq!(report.updated, 1);
    let versions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sfi_result_versions")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(versions, 4);
}

async fn the_web_import_and_export_of_results(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let csv = file(&["P-0001;2026-03-02;start;B;ig_g_vg;G;;;;;"]);
    let boundary = "XBOUNDARYX";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nsfi-results\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n"
    );
    let req = Request::post("/import/upload")
        .header("sec-fetch-site", "same-origin")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::COOKIE, format!("st_session={c}"))
        .body(Body::from(body))
        .expect("request");
    let reply = app.send(req).await;
    let id = reply
        .location
        .clone()
        .expect("redirect")
        .strip_prefix("/import/")
        .expect("report url")
        .to_owned();
    let report: app::import::ImportReport = app
        .call("import/report", Some(&c), &[("id", &id)])
        .await
        .report();
    assert_eq!((report.created, report.committed), (1, false));
    assert_eq!(count(&app).await, 0);
    let done: app::import::ImportReport = app
        .call("import/confirm", Some(&c), &[("id", &id)])
        .await
        .report();
    assert!(done.committed);
    assert_eq!(count(&app).await, 1);
    let export = app.get("/export/sfi-results.csv", Some(&c)).await;
    assert_eq!(export.status, 200);
    assert_eq!(export.body, csv);
    let m = app.sign_in(MENTOR_A).await;
    assert_eq!(
        app.get("/export/sfi-results.csv", Some(&m)).await.status,
        403
    );
}

crate::on_both_engines! {
    grid_saves_once => super::a_teacher_saves_a_grid_once_even_when_sent_twice;
    grid_all_or_nothing => super::an_invalid_cell_saves_nothing_of_the_grid;
    corrections_keep_history => super::corrections_and_deletion_keep_history;
    start_and_finish => super::start_and_finish_are_derived;
    sfi_import => super::an_import_is_all_or_nothing_idempotent_and_exports_back;
    sfi_web_import => super::the_web_import_and_export_of_results;
}
