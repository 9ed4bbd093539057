//! Data protection (issue 17), on both engines: one person's data as a ZIP holds every kind
//! with their rows and nobody else's; erasure leaves no trace of the name, reference or code
//! in any text column, keeps the compliance figures of past weeks, and is a no-op the second
//! time; retention with a dry run changes nothing, and without one erases who is due.

use app::domain::access_log::{AccessEvent, LogSubject};
use app::domain::ids::ParticipantId;
use app::domain::weeks::IsoWeek;
use app::import::ImportKind;
use axum::http::StatusCode;

use crate::common::{seed, TestApp, CLI_SOURCE, COORDINATOR, MENTOR_A};

/// Files of every personal kind for both participants.
async fn give_both_participants_data(app: &TestApp) {
    let files = [
        (
            ImportKind::SfiResults,
            "participant_ref;test_date;occasion;course;grade_scale;grade\n\
             P-0001;2026-03-02;start;A;ig_g_vg;G\nP-0002;2026-03-02;start;B;ig_g_vg;VG\n",
        ),
        (
            ImportKind::Assessments,
            "participant_ref;date;occasion;skill;level\n\
             P-0001;2026-02-02;start;reading;a1\nP-0002;2026-02-09;start;writing;a2\n",
        ),
        (
            ImportKind::Teaching,
            "participant_ref;date;start;end;kind\n\
             P-0001;2026-03-03;08:30;10:00;teaching\nP-0001;2026-03-04;18:00;19:00;self_study\n\
             P-0002;2026-03-03;08:30;10:00;teaching\n",
        ),
        (
            ImportKind::Absences,
            "participant_ref;from_date;to_date;reason;note\n\
             P-0001;2026-03-09;2026-03-10;illness;Amina Hassan sjuk\nP-0002;2026-03-09;2026-03-09;other;\n",
        ),
    ];
    let now = app::state::clock::now();
    for (kind, csv) in files {
        let report = app::import::run::import(&app.db, kind, csv, now, CLI_SOURCE, false)
            .await
            .expect("import");
        assert!(report.committed, "{kind:?}: {report:?}");
    }
}

async fn the_archive_holds_every_kind_with_the_persons_rows_and_nobody_elses(app: TestApp) {
    let s = seed(&app).await;
    give_both_participants_data(&app).await;
    let outcomes = "participant_ref;exit_date;completion;activity;self_sufficiency;note\n\
                    P-0001;2026-06-30;completed;work;full;\nP-0002;2026-06-30;left_early;other;none;\n";
    let now = app::state::clock::now();
    let report = app::import::run::import(
        &app.db,
        ImportKind::Outcomes,
        outcomes,
        now,
        CLI_SOURCE,
        false,
    )
    .await
    .expect("import");
    assert!(report.committed, "{report:?}");
    let steps = "participant_ref;ladder;step;reached_date\nP-0001;work;introduced;2026-03-02\n\
                 P-0002;matching;goal_set;2026-03-02\n";
    let report = app::import::run::import(
        &app.db,
        ImportKind::LadderSteps,
        steps,
        now,
        CLI_SOURCE,
        false,
    )
    .await
    .expect("import");
    assert!(report.committed, "{report:?}");
    let c = app.sign_in(COORDINATOR).await;
    let path = format!("/participants/{}/data.zip", s.p1.0);
    let reply = app.get_bytes(&path, Some(&c)).await;
    assert_eq!(reply.0, StatusCode::OK);
    let files = app::privacy::zip::read(&reply.1).expect("a valid archive");
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for kind in app::privacy::service::PERSON_KINDS {
        let name = format!("{}.csv", kind.as_str());
        let (_, content) = files
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("{name} in {names:?}"));
        let text = String::from_utf8(content.clone()).expect("UTF-8");
        let rows: Vec<&str> = text.lines().skip(1).collect();
        assert!(!rows.is_empty(), "{name} holds the person's rows");
        assert!(
            rows.iter().all(|r| r.starts_with("P-0001;")),
            "{name} holds only P-0001's rows: {text}"
        );
    }
    for table in app::db::person::TABLE_NAMES {
        assert!(
            names.contains(&format!("historik/{table}.csv").as_str()),
            "{table} in {names:?}"
        );
    }
    let all = files
        .iter()
        .map(|(_, c)| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    for other in ["P-0002", "Yonas", "Tesfay"] {
        assert!(!all.contains(other), "{other} is someone else's");
    }
    let summary = &files[0];
    assert_eq!(summary.0, "sammanfattning.html");
    let summary = String::from_utf8_lossy(&summary.1);
    assert!(summary.contains("Amina") && summary.contains("Farstaskolan"));
    assert!(summary.contains("lang=\"sv\""));
    // The history shows who changed what (by name, not by number).
    let history = files
        .iter()
        .find(|(n, _)| n == "historik/time_entry_versions.csv")
        .map(|(_, c)| String::from_utf8_lossy(c).into_owned())
        .expect("time history");
    assert!(history.lines().count() >= 3, "{history}");
    // The download is logged with its rows; a mentor is refused and that is logged too.
    let log = app::db::access_log::list(&app.db, LogSubject::Participant(s.p1), 0, i64::MAX, 100)
        .await
        .expect("log");
    let download = log
        .iter()
        .find(|e| e.event == AccessEvent::Download && e.what == "person.zip")
        .expect("the download is logged");
    assert!(download.rows.unwrap_or(0) >= 7, "{download:?}");
    let mentor = app.sign_in(MENTOR_A).await;
    assert_eq!(
        app.get_bytes(&path, Some(&mentor)).await.0,
        StatusCode::FORBIDDEN
    );
    let log = app::db::access_log::list(&app.db, LogSubject::Participant(s.p1), 0, i64::MAX, 100)
        .await
        .expect("log");
    assert!(log
        .iter()
        .any(|e| e.event == AccessEvent::Refused && e.what == path));
    // Nobody's data for a participant who does not exist.
    let missing = app
        .get_bytes("/participants/999999/data.zip", Some(&c))
        .await;
    assert_eq!(missing.0, StatusCode::NOT_FOUND);
}

/// Every text cell of every table (but the migrations' own), as `table: text`.
async fn every_text(app: &TestApp) -> Vec<String> {
    use sqlx::Row;
    let tables: Vec<String> = match app.db.backend {
        app::db::Backend::Sqlite => {
            sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
                .fetch_all(&app.db.pool)
                .await
        }
        app::db::Backend::Postgres => sqlx::query_scalar(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
        )
        .fetch_all(&app.db.pool)
        .await,
    }
    .expect("tables");
    let mut out = vec![];
    for table in tables
        .iter()
        .filter(|t| !t.starts_with("_sqlx") && !t.starts_with("sqlite_"))
    {
        let rows = sqlx::query(&format!("SELECT * FROM {table}"))
            .fetch_all(&app.db.pool)
            .await
            .expect("rows");
        for row in &rows {
            for i in 0..row.len() {
                if let Ok(Some(text)) = row.try_get::<Option<String>, _>(i) {
                    out.push(format!("{table}: {text}"));
                }
            }
        }
    }
    out
}

/// Every `(table, column)` whose column names a participant by id (`participant_id`,
/// `changed_by_participant`, …), from the schema itself: a table added later is covered too.
async fn participant_columns(app: &TestApp) -> Vec<(String, String)> {
    use sqlx::Row;
    let sql = match app.db.backend {
        app::db::Backend::Sqlite => {
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table'"
        }
        app::db::Backend::Postgres => {
            "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
             WHERE table_schema = 'public'"
        }
    };
    sqlx::query(sql)
        .fetch_all(&app.db.pool)
        .await
        .expect("columns")
        .iter()
        .map(|r| (r.get::<String, _>("t"), r.get::<String, _>("c")))
        .filter(|(t, c)| {
            t != "participants"
                && (c == "participant_id"
                    || c.ends_with("_participant")
                    || c.ends_with("_participant_id"))
        })
        .collect()
}

async fn compliance(app: &TestApp) -> String {
    let from = IsoWeek::parse("2026-W01").expect("week");
    let to = IsoWeek::parse("2026-W20").expect("week");
    app::import::time::export_compliance(&app.db, app::db::hours::Scope::All, from, to)
        .await
        .expect("compliance")
}

fn sorted_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

async fn erasure_leaves_no_trace_and_keeps_the_figures(app: TestApp) {
    let s = seed(&app).await;
    give_both_participants_data(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    // The participant signs in on the tablet (a session and log entries of their own) and a
    // staff member reads the record (log entries about them).
    let tablet = app.sign_in_participant(&s.p1_code).await;
    app.get(&format!("/participants/{}", s.p1.0), Some(&c))
        .await;
    let before = compliance(&app).await;
    assert!(before.contains("P-0001;2026-W10"), "{before}");
    let report = |app: &TestApp| {
        let db = app.db.clone();
        let today = app.clock.today();
        async move {
            app::hours::service::compliance_report(
                &db,
                "2026-W01".into(),
                "2026-W20".into(),
                true,
                today,
            )
            .await
            .expect("report")
        }
    };
    let report_before = report(&app).await;

    // The confirmation must name the participant, and an open introduction needs consent.
    let id = s.p1.0.to_string();
    let wrong = app
        .call(
            "privacy/erase",
            Some(&c),
            &[("participant", &id), ("confirm", "P-0002")],
        )
        .await;
    assert!(
        matches!(wrong.error(), app::error::AppError::Invalid(ref p) if p[0].field == "confirm")
    );
    let open = app
        .call(
            "privacy/erase",
            Some(&c),
            &[("participant", &id), ("confirm", "P-0001")],
        )
        .await;
    assert!(
        matches!(open.error(), app::error::AppError::Invalid(ref p) if p[0].field == "open_anyway")
    );
    assert!(
        app::db::participants::get(&app.db, s.p1).await.is_ok(),
        "nothing erased yet"
    );
    let done = app
        .call(
            "privacy/erase",
            Some(&c),
            &[
                ("participant", &id),
                ("confirm", "P-0001"),
                ("open_anyway", "yes"),
            ],
        )
        .await;
    let done: app::dto::ErasureDone = done.json();
    assert!(done.rows_deleted > 10, "{done:?}");

    // No table holds the name, the reference or the code any more; the other participant
    // is untouched.
    let texts = every_text(&app).await;
    for trace in ["Amina", "Hassan", "P-0001", s.p1_code.as_str()] {
        let found: Vec<&String> = texts.iter().filter(|t| t.contains(trace)).collect();
        assert!(found.is_empty(), "{trace} is still stored: {found:#?}");
    }
    assert!(texts.iter().any(|t| t.contains("Yonas")));
    // No row of any table names the erased participant by id, but the access log's (which
    // answers who looked at the record, and is append-only).
    let columns = participant_columns(&app).await;
    assert!(columns.len() >= 10, "{columns:?}");
    for (table, column) in &columns {
        let n: i64 =
            sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE {column} = $1"))
                .bind(s.p1.0)
                .fetch_one(&app.db.pool)
                .await
                .expect("count");
        if table == "access_log" {
            assert!(n > 0, "the access log keeps its entries");
        } else {
            assert_eq!(n, 0, "{table}.{column} still names the erased participant");
        }
    }
    assert!(app::db::participants::get(&app.db, s.p1).await.is_err());
    // The tablet session ended with the record.
    let me = app.call("me", Some(&tablet), &[]).await;
    assert!(!me.status.is_success());

    // The compliance figures of the period are those of before, under a pseudonym.
    let after = compliance(&app).await;
    let expected = before.replace("P-0001;", &format!("{};", done.pseudonym));
    assert_eq!(sorted_lines(&after), sorted_lines(&expected));
    let report_after = report(&app).await;
    assert_eq!(report_after.lines, report_before.lines);

    // The erasure is in the access log, naming the erased row's number only.
    let log = app::db::access_log::list(&app.db, LogSubject::Participant(s.p1), 0, i64::MAX, 100)
        .await
        .expect("log");
    let erase = log
        .iter()
        .find(|e| e.event == AccessEvent::Erase)
        .expect("the erasure is logged");
    assert_eq!(erase.participant_label, None);
    assert!(
        log.iter().any(|e| e.event == AccessEvent::Read),
        "the log keeps its entries"
    );

    // A second erasure does nothing.
    let again = app::privacy::service::erase(
        &app.db,
        "secret",
        &app::privacy::service::EraseRequest {
            participant: s.p1,
            typed_reference: "P-0001".into(),
            open_anyway: true,
            reason: app::domain::erasure::ErasureReason::Request,
        },
        app.clock.today(),
    )
    .await
    .expect("a no-op");
    assert!(again.is_none());
    assert_eq!(
        app::db::erasure::erased_count(&app.db)
            .await
            .expect("count"),
        1
    );
    assert_eq!(
        sorted_lines(&compliance(&app).await),
        sorted_lines(&expected)
    );
}

async fn retention_lists_with_a_dry_run_and_erases_without(app: TestApp) {
    let s = seed(&app).await;
    give_both_participants_data(&app).await;
    let day = |s: &str| app::domain::participant::parse_date(s).expect("date");
    // P-0002 left in March 2026; P-0001 is still in the programme.
    sqlx::query(
        "UPDATE participants SET status = 'left_early', end_date = '2026-03-31' WHERE id = $1",
    )
    .bind(s.p2.0)
    .execute(&app.db.pool)
    .await
    .expect("end P-0002");
    let later = day("2027-06-01");
    // No retention time: nobody is due.
    let none = app::privacy::service::apply_retention(&app.db, "secret", later, false)
        .await
        .expect("retention");
    assert!(none.is_empty());
    app::db::settings::set_from(&app.db, "retention_years", day("2026-01-01"), "1")
        .await
        .expect("setting");
    let texts_before = every_text(&app).await;
    let listed = app::privacy::service::apply_retention(&app.db, "secret", later, true)
        .await
        .expect("dry run");
    let ids: Vec<ParticipantId> = listed.iter().map(|(d, _)| d.id).collect();
    assert_eq!(
        ids,
        vec![s.p2],
        "only the introduction that ended over a year ago"
    );
    assert!(listed.iter().all(|(_, e)| e.is_none()));
    assert_eq!(
        every_text(&app).await,
        texts_before,
        "a dry run changes nothing"
    );
    // The coordinator's page lists them.
    let c = app.sign_in(COORDINATOR).await;
    let page = app.call("privacy/overview", Some(&c), &[]).await;
    let page: app::dto::DataProtection = page.json();
    assert_eq!(page.retention_years, Some(1));
    assert_eq!(
        app::db::erasure::erased_count(&app.db)
            .await
            .expect("count"),
        0
    );
    let done = app::privacy::service::apply_retention(&app.db, "secret", later, false)
        .await
        .expect("apply");
    assert_eq!(done.len(), 1);
    assert!(done[0].1.is_some());
    assert!(app::db::participants::get(&app.db, s.p2).await.is_err());
    assert!(app::db::participants::get(&app.db, s.p1).await.is_ok());
    assert!(!every_text(&app).await.iter().any(|t| t.contains("Yonas")));
    // Applied again, nothing is left to do.
    let again = app::privacy::service::apply_retention(&app.db, "secret", later, false)
        .await
        .expect("again");
    assert!(again.is_empty());
}

crate::on_both_engines! {
    person_archive => super::the_archive_holds_every_kind_with_the_persons_rows_and_nobody_elses;
    erasure => super::erasure_leaves_no_trace_and_keeps_the_figures;
    retention => super::retention_lists_with_a_dry_run_and_erases_without;
}
