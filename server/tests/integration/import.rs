//! Import and export of the `participants` kind: all or nothing, idempotent, with history.

use app::domain::problem::Problem;
use app::import::participants::{export_participants, participants as import};
use app::import::ImportReport;
use axum::body::Body;
use axum::http::{header, Request};

use crate::common::{seed, TestApp, COORDINATOR, MENTOR_A};

/// Changes made from the command line.
const CLI_SOURCE: app::db::participants::ChangeSource = app::db::participants::ChangeSource {
    source: "cli",
    by: None,
};

const HEADER: &str = "participant_ref;given_name;family_name;gender;birth_year;school;district;mentor_email;start_date;planned_terms;residence_permit_date;arrival_date;study_path;languages";

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

async fn total(app: &TestApp) -> usize {
    app::db::participants::export_rows(&app.db, app::db::Whose::Everyone)
        .await
        .expect("rows")
        .len()
}

async fn history_rows(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM participant_history")
        .fetch_one(&app.db.pool)
        .await
        .expect("count")
}

async fn a_valid_file_is_imported_and_exports_back_unchanged(app: TestApp) {
    seed(&app).await;
    let csv = file(&[
        &format!("P-0200;Hodan;Warsame;female;1991;Skarpnäcksskolan;Skarpnäck;{MENTOR_A};2026-02-16;2;2025-06-01;2025-03-10;1;so,en"),
        "P-0201;Ahmad;Karimi;male;;Årstaskolan;Enskede-Årsta;;2026-02-16;3;;;;fa",
    ]);
    let report = import(&app.db, &csv, today(), CLI_SOURCE, false)
        .await
        .expect("import");
    assert!(report.committed && report.is_valid(), "{:?}", report);
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (2, 0, 0)
    );
    let exported = export_participants(&app.db, app::db::Whose::Everyone)
        .await
        .expect("export");
    let lines: Vec<&str> = exported.lines().collect();
    assert_eq!(lines[0], HEADER);
    assert_eq!(lines.len(), 5, "header + 2 seeded + 2 imported");
    assert!(lines.contains(&format!("P-0200;Hodan;Warsame;female;1991;Skarpnäcksskolan;Skarpnäck;{MENTOR_A};2026-02-16;2;2025-06-01;2025-03-10;1;so,en").as_str()));
    // The export imports again unchanged.
    let again = import(&app.db, &exported, today(), CLI_SOURCE, false)
        .await
        .expect("re-import");
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 4));
}

async fn each_kind_of_invalid_row_stores_nothing(app: TestApp) {
    seed(&app).await;
    let good = "P-0300;Good;Row;female;;Farstaskolan;Farsta;;2026-01-12;2;;;;";
    let cases: [(&str, &str, Problem); 7] = [
        (
            "P-0301;Bad;Gender;robot;;Farstaskolan;Farsta;;2026-01-12;2;;;;",
            "gender",
            Problem::NotOneOf {
                allowed: String::new(),
            },
        ),
        (
            "P-0302;Bad;Date;male;;Farstaskolan;Farsta;;2026-13-45;2;;;;",
            "start_date",
            Problem::NotADate,
        ),
        (
            "P-0303;Bad;Terms;male;;Farstaskolan;Farsta;;2026-01-12;4;;;;",
            "planned_terms",
            Problem::OutOfRange { min: 1, max: 3 },
        ),
        (
            "P-0304;Bad;Mentor;male;;Farstaskolan;Farsta;nobody@test.se;2026-01-12;2;;;;",
            "mentor_email",
            Problem::UnknownMentor,
        ),
        (
            "P-0305;Bad;District;male;;Farstaskolan;Vantör;;2026-01-12;2;;;;",
            "district",
            Problem::SchoolInOtherDistrict {
                district: "Farsta".into(),
            },
        ),
        (
            "P-0306;Bad;Permit;male;;Farstaskolan;Farsta;;2026-01-12;2;2026-02-01;;;",
            "residence_permit_date",
            Problem::DateAfterStart,
        ),
        (
            "P-0300;Twice;Listed;male;;Farstaskolan;Farsta;;2026-01-12;2;;;;",
            "participant_ref",
            Problem::Duplicate { first_line: 2 },
        ),
    ];
    let before = (total(&app).await, history_rows(&app).await);
    for (row, field, problem) in cases {
        let report = import(&app.db, &file(&[good, row]), today(), CLI_SOURCE, false)
            .await
            .expect("import");
        assert!(!report.committed, "{row}");
        let found = report
            .rows
            .iter()
            .find(|(line, p)| *line == 3 && p.field == field);
        let (_, p) = found.unwrap_or_else(|| {
            panic!(
                "no problem on line 3 in {field} for {row}: {:?}",
                report.rows
            )
        });
        assert_eq!(
            std::mem::discriminant(&p.problem),
            std::mem::discriminant(&problem),
            "{row}"
        );
        assert_eq!(
            (total(&app).await, history_rows(&app).await),
            before,
            "nothing stored for {row}"
        );
    }
}

async fn one_report_lists_value_and_database_problems_together(app: TestApp) {
    seed(&app).await;
    let csv = file(&[
        "P-0350;Bad;Gender;robot;;Farstaskolan;Farsta;;2026-01-12;2;;;;",
        "P-0351;Unknown;Mentor;male;;Farstaskolan;Farsta;nobody@test.se;2026-01-12;2;;;;",
    ]);
    let report = import(&app.db, &csv, today(), CLI_SOURCE, false)
        .await
        .expect("import");
    let found: Vec<(usize, &str)> = report
        .rows
        .iter()
        .map(|(l, p)| (*l, p.field.as_str()))
        .collect();
    assert_eq!(found, [(2, "gender"), (3, "mentor_email")]);
    assert!(!report.committed);
    assert!(app::db::participants::id_by_ref(&app.db, "P-0351")
        .await
        .expect("db")
        .is_none());
}

async fn a_file_with_wrong_columns_is_rejected_whole(app: TestApp) {
    seed(&app).await;
    let missing = "participant_ref;given_name\nP-0400;Solo\n";
    let r = import(&app.db, missing, today(), CLI_SOURCE, false)
        .await
        .expect("import");
    assert!(!r.file_problems.is_empty() && !r.committed);
    let unknown =
        format!("{HEADER};shoe_size\nP-0401;A;B;male;;Farstaskolan;Farsta;;2026-01-12;2;;;;;44\n");
    let r = import(&app.db, &unknown, today(), CLI_SOURCE, false)
        .await
        .expect("import");
    assert!(
        r.file_problems.len() == 1 && r.file_problems[0].0.contains("unknown"),
        "{r:?}"
    );
    // Every malformed line is reported, with its line, not only the first; nothing is stored.
    let ragged = format!(
        "{HEADER}\nP-0402;A\nP-0403;Rania;Khalil;female;;Farstaskolan;Farsta;;2026-01-12;2;;;;ar\nP-0404;B;C\n"
    );
    let r = import(&app.db, &ragged, today(), CLI_SOURCE, false)
        .await
        .expect("import");
    let lines: Vec<&str> = r
        .file_problems
        .iter()
        .map(|(id, args)| {
            assert_eq!(id, "file-wrong-field-count");
            args.iter()
                .find(|(k, _)| k == "line")
                .map(|(_, v)| v.as_str())
                .unwrap_or("")
        })
        .collect();
    assert_eq!(lines, ["2", "4"], "{r:?}");
    assert!(!r.committed);
    assert!(app::db::participants::id_by_ref(&app.db, "P-0403")
        .await
        .expect("db")
        .is_none());
}

async fn importing_twice_stores_nothing_new_and_a_change_keeps_history(app: TestApp) {
    seed(&app).await;
    let csv = file(&["P-0500;Rania;Khalil;female;;Farstaskolan;Farsta;;2026-01-12;2;;;;ar"]);
    import(&app.db, &csv, today(), CLI_SOURCE, false)
        .await
        .expect("first");
    let h = history_rows(&app).await;
    let second = import(&app.db, &csv, today(), CLI_SOURCE, false)
        .await
        .expect("second");
    assert_eq!(
        (second.created, second.updated, second.unchanged),
        (0, 0, 1)
    );
    assert_eq!(
        history_rows(&app).await,
        h,
        "an unchanged row adds no history"
    );
    let changed = file(&["P-0500;Rania;Khalil;female;;Farstaskolan;Farsta;;2026-01-12;3;;;;ar,en"]);
    let third = import(&app.db, &changed, today(), CLI_SOURCE, false)
        .await
        .expect("third");
    assert_eq!((third.created, third.updated), (0, 1));
    let id = app::db::participants::id_by_ref(&app.db, "P-0500")
        .await
        .expect("db")
        .expect("id");
    let history = app::db::participants::history(&app.db, id)
        .await
        .expect("history");
    assert!(history.iter().any(|e| e.field == "planned_terms"
        && e.old_value.as_deref() == Some("2")
        && e.new_value.as_deref() == Some("3")
        && e.source == "cli"));
    assert!(history
        .iter()
        .any(|e| e.field == "languages" && e.new_value.as_deref() == Some("ar,en")));
}

async fn a_dry_run_reports_and_stores_nothing(app: TestApp) {
    seed(&app).await;
    let before = total(&app).await;
    let r = import(
        &app.db,
        &file(&["P-0600;Dry;Run;other;;Farstaskolan;Farsta;;2026-01-12;1;;;;"]),
        today(),
        CLI_SOURCE,
        true,
    )
    .await
    .expect("dry");
    assert_eq!((r.created, r.committed), (1, false));
    assert_eq!(total(&app).await, before);
}

async fn an_excel_file_in_windows_1252_with_commas_is_read(app: TestApp) {
    seed(&app).await;
    let text = "participant_ref,given_name,family_name,gender,school,district,start_date,planned_terms\r\nP-0700,Åsa,Öberg,female,Älvsjöskolan,Älvsjö,2026-01-12,1\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let decoded = app::domain::csvfile::decode(&bytes);
    let r = import(&app.db, &decoded, today(), CLI_SOURCE, false)
        .await
        .expect("import");
    assert!(r.committed, "{r:?}");
    let id = app::db::participants::id_by_ref(&app.db, "P-0700")
        .await
        .expect("db")
        .expect("id");
    let p = app::db::participants::get(&app.db, id).await.expect("get");
    assert_eq!(
        (p.given_name.as_str(), p.district.as_str()),
        ("Åsa", "Älvsjö")
    );
}

async fn the_web_import_uploads_checks_and_confirms(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let csv = file(&["P-0800;Webb;Import;female;;Farstaskolan;Farsta;;2026-01-12;2;;;;"]);
    let boundary = "XBOUNDARYX";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nparticipants\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n"
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
    let location = reply.location.clone().expect("redirect to the report");
    let id = location
        .strip_prefix("/import/")
        .expect("report url")
        .to_owned();
    let report: ImportReport = app
        .call("import/report", Some(&c), &[("id", &id)])
        .await
        .report();
    assert_eq!(
        (report.created, report.committed, report.file_name.as_str()),
        (1, false, "p.csv")
    );
    assert!(
        app::db::participants::id_by_ref(&app.db, "P-0800")
            .await
            .expect("db")
            .is_none(),
        "checking stores nothing"
    );
    let done: ImportReport = app
        .call("import/confirm", Some(&c), &[("id", &id)])
        .await
        .report();
    assert!(done.committed);
    assert!(app::db::participants::id_by_ref(&app.db, "P-0800")
        .await
        .expect("db")
        .is_some());
    // The upload is gone: confirming twice imports nothing twice.
    let again = app.call("import/confirm", Some(&c), &[("id", &id)]).await;
    assert_eq!(again.error(), app::error::AppError::NotFound);
    // Someone else's upload is invisible.
    let m = app.sign_in(MENTOR_A).await;
    assert_eq!(
        app.call("import/report", Some(&m), &[("id", &id)])
            .await
            .error(),
        app::error::AppError::Forbidden
    );
}

crate::on_both_engines! {
    valid_file => super::a_valid_file_is_imported_and_exports_back_unchanged;
    invalid_rows => super::each_kind_of_invalid_row_stores_nothing;
    wrong_columns => super::a_file_with_wrong_columns_is_rejected_whole;
    all_problems_at_once => super::one_report_lists_value_and_database_problems_together;
    idempotent => super::importing_twice_stores_nothing_new_and_a_change_keeps_history;
    dry_run => super::a_dry_run_reports_and_stores_nothing;
    windows_1252 => super::an_excel_file_in_windows_1252_with_commas_is_read;
    web_import => super::the_web_import_uploads_checks_and_confirms;
}
