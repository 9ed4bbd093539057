//! Outcomes and indicators (issue 15), on both engines: the `outcomes` kind is all or nothing
//! and idempotent, sets the participant's status and end date, keeps every version; the
//! `indicators` export gives the original model's final report (43.0 % and 75.5 %) and does not
//! change when a participant is erased.

use app::domain::ids::ParticipantId;
use app::domain::status::ParticipantStatus;
use app::import::ImportKind;
use axum::http::StatusCode;

use crate::common::{place, seed, TestApp, CLI_SOURCE, COORDINATOR, MENTOR_A};

const HEADER: &str = "participant_ref;exit_date;completion;activity;self_sufficiency;note";

async fn import(app: &TestApp, kind: ImportKind, csv: &str) -> app::import::ImportReport {
    app::import::run::import(
        &app.db,
        kind,
        csv,
        app::state::clock::now(),
        CLI_SOURCE,
        false,
    )
    .await
    .expect("import")
}

async fn status_of(app: &TestApp, p: ParticipantId) -> (ParticipantStatus, Option<String>) {
    let d = app::db::participants::get(&app.db, p)
        .await
        .expect("participant");
    (
        d.status,
        d.end_date.map(app::domain::participant::format_date),
    )
}

async fn an_outcome_sets_the_status_and_end_date_with_history(app: TestApp) {
    let s = seed(&app).await;
    let file = format!(
        "{HEADER}\nP-0002;2026-06-30;left_early;job_seeking;none;\nP-0001;2026-06-30;completed;work;full;Kock\n"
    );
    let report = import(&app, ImportKind::Outcomes, &file).await;
    assert!(report.committed, "{report:?}");
    assert_eq!(report.created, 2);
    assert_eq!(
        status_of(&app, s.p1).await,
        (ParticipantStatus::Completed, Some("2026-06-30".into()))
    );
    assert_eq!(
        status_of(&app, s.p2).await,
        (ParticipantStatus::LeftEarly, Some("2026-06-30".into()))
    );
    let history = app::db::participants::history(&app.db, s.p1)
        .await
        .expect("history");
    assert!(history.iter().any(|h| h.field == "status"), "{history:?}");
    // The same file again stores nothing new; the export is the file, sorted by reference.
    let again = import(&app, ImportKind::Outcomes, &file).await;
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 2));
    let exported = app::import::run::export(&app.db, ImportKind::Outcomes)
        .await
        .expect("export");
    assert_eq!(
        exported,
        format!(
            "{HEADER}\nP-0001;2026-06-30;completed;work;full;Kock\nP-0002;2026-06-30;left_early;job_seeking;none;\n"
        )
    );
    // A corrected row is an update; the old values stay in the versions.
    let corrected =
        format!("{HEADER}\nP-0001;2026-06-15;completed;work_and_education;partial;Kock\n");
    let report = import(&app, ImportKind::Outcomes, &corrected).await;
    assert_eq!(report.updated, 1);
    assert_eq!(
        status_of(&app, s.p1).await,
        (ParticipantStatus::Completed, Some("2026-06-15".into()))
    );
    let versions: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM outcome_versions WHERE participant_id = $1")
            .bind(s.p1.0)
            .fetch_one(&app.db.pool)
            .await
            .expect("versions");
    assert_eq!(versions, 2);
    // Removing the outcome (the web) makes the participant active again, without an end date.
    let mut tx = app.db.begin().await.expect("tx");
    let who = app::db::hours::Recorder {
        source: "web",
        user: None,
        participant: None,
    };
    let stale = app::db::outcomes::remove(&mut tx, s.p1, 1, who).await;
    assert!(app::db::is_stale(&stale), "a stale version is refused");
    tx.rollback().await.expect("rollback");
    let mut tx = app.db.begin().await.expect("tx");
    app::db::outcomes::remove(&mut tx, s.p1, 2, who)
        .await
        .expect("remove");
    tx.commit().await.expect("commit");
    assert_eq!(
        status_of(&app, s.p1).await,
        (ParticipantStatus::Active, None)
    );
}

async fn a_bad_row_of_each_column_is_refused_and_nothing_is_stored(app: TestApp) {
    let s = seed(&app).await;
    let file = format!(
        "{HEADER}\n\
         P-0001;2026-06-30;completed;work;full;\n\
         P-9999;2026-06-30;completed;work;full;\n\
         P-0002;2025-12-01;completed;work;full;\n\
         P-0002;2099-01-01;done;working;yes;\n\
         P-0001;2026-06-30;completed;work;full;\n"
    );
    let report = import(&app, ImportKind::Outcomes, &file).await;
    assert!(!report.committed);
    let problems: Vec<(usize, String)> = report
        .rows
        .iter()
        .map(|(line, p)| (*line, place(p)))
        .collect();
    for expected in [
        (3, "participant_ref"),
        (5, "exit_date"),
        (5, "completion"),
        (5, "activity"),
        (5, "self_sufficiency"),
        (6, "participant_ref"),
    ] {
        assert!(
            problems.contains(&(expected.0, expected.1.to_owned())),
            "{expected:?} in {problems:?}"
        );
    }
    // An exit before the start (line 4) is found once the rows' own fields are valid.
    let before = format!("{HEADER}\nP-0002;2025-12-01;completed;work;full;\n");
    let report = import(&app, ImportKind::Outcomes, &before).await;
    assert_eq!(report.rows.len(), 1);
    assert_eq!(report.rows[0].1.field, "exit_date");
    assert!(matches!(
        report.rows[0].1.problem,
        app::domain::problem::Problem::BeforeParticipantStart { .. }
    ));
    assert_eq!(
        status_of(&app, s.p1).await,
        (ParticipantStatus::Active, None)
    );
    assert_eq!(
        status_of(&app, s.p2).await,
        (ParticipantStatus::Active, None)
    );
}

/// The original model's cohort: 93 enrolled, 53 completed, 22 left early, 27 in work and 13 in
/// education, all 40 among the completed.
async fn the_final_report_comes_out_of_the_product_and_survives_erasure(app: TestApp) {
    seed(&app).await;
    let mut people = String::from(
        "participant_ref;given_name;family_name;gender;school;district;start_date;planned_terms\n",
    );
    let mut outcomes = format!("{HEADER}\n");
    for i in 1..=93 {
        let gender = if i % 2 == 0 { "female" } else { "male" };
        people.push_str(&format!(
            "C-{i:03};Person;Nummer{i};{gender};Farstaskolan;Farsta;2025-01-13;2\n"
        ));
        let outcome = match i {
            1..=27 => Some("completed;work;full"),
            28..=40 => Some("completed;education;partial"),
            41..=53 => Some("completed;job_seeking;none"),
            54..=75 => Some("left_early;other;none"),
            _ => None,
        };
        if let Some(o) = outcome {
            outcomes.push_str(&format!("C-{i:03};2025-12-19;{o};\n"));
        }
    }
    assert!(
        import(&app, ImportKind::Participants, &people)
            .await
            .committed
    );
    assert!(
        import(&app, ImportKind::Outcomes, &outcomes)
            .await
            .committed
    );
    let from = app::domain::participant::parse_date("2025-01-01").ok();
    let to = app::domain::participant::parse_date("2025-12-31").ok();
    let csv = app::import::indicators::export(
        &app.db,
        from,
        to,
        &app::domain::indicators::Place::Everywhere,
    )
    .await
    .expect("indicators");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("group;value;enrolled;completed;left_early;ongoing;in_work;in_education;self_sufficient;full;partial;share_of_enrolled;share_of_completed")
    );
    assert_eq!(
        lines.next(),
        Some("all;all;93;53;22;18;27;13;40;27;13;43.0;75.5")
    );
    assert!(csv.contains("\ngender;female;46;"), "{csv}");
    assert!(csv.contains("\ngender;male;47;"), "{csv}");
    assert!(csv.contains("\ndistrict;Farsta;93;"), "{csv}");
    assert!(csv.contains("\nschool;Farstaskolan;93;"), "{csv}");
    // The seed's two participants started in 2026: outside the range.
    assert!(!csv.contains("Vantör"));

    // Erasing people of the cohort changes none of the figures.
    for reference in ["C-001", "C-030", "C-060", "C-090"] {
        let id = app::db::participants::id_by_ref(&app.db, reference)
            .await
            .expect("db")
            .expect("participant");
        let request = app::privacy::service::EraseRequest {
            participant: id,
            typed_reference: reference.into(),
            open_anyway: true,
            reason: app::domain::erasure::ErasureReason::Request,
        };
        app::privacy::service::erase(&app.db, "secret", &request, app.clock.today())
            .await
            .expect("erase")
            .expect("erased");
    }
    let after = app::import::indicators::export(
        &app.db,
        from,
        to,
        &app::domain::indicators::Place::Everywhere,
    )
    .await
    .expect("indicators");
    assert_eq!(after, csv);

    // The web export, for coordinators only.
    let c = app.sign_in(COORDINATOR).await;
    let web = app
        .get(
            "/export/indicators.csv?from=2025-01-01&to=2025-12-31",
            Some(&c),
        )
        .await;
    assert_eq!(web.status, StatusCode::OK);
    assert_eq!(web.body, csv);
    let bad = app
        .get("/export/indicators.csv?from=2025-13-01", Some(&c))
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let mentor = app.sign_in(MENTOR_A).await;
    let refused = app.get("/export/indicators.csv", Some(&mentor)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

const STEPS: &str = "participant_ref;ladder;step;reached_date;confirmed_by_email";

async fn ladder_steps_from_files_and_the_participant_page(app: TestApp) {
    use crate::common::{MENTOR_B, TEACHER_A};
    let s = seed(&app).await;
    let file = format!(
        "{STEPS}\nP-0002;matching;goal_set;2026-03-02;\nP-0001;work;introduced;2026-02-02;{MENTOR_A}\n\
         P-0001;matching;cv_ready;2026-03-10;{COORDINATOR}\n"
    );
    let report = import(&app, ImportKind::LadderSteps, &file).await;
    assert!(report.committed, "{report:?}");
    assert_eq!(report.created, 3);
    let again = import(&app, ImportKind::LadderSteps, &file).await;
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 3));
    let exported = app::import::run::export(&app.db, ImportKind::LadderSteps)
        .await
        .expect("export");
    assert_eq!(
        exported,
        format!(
            "{STEPS}\nP-0001;matching;cv_ready;2026-03-10;{COORDINATOR}\nP-0001;work;introduced;2026-02-02;{MENTOR_A}\n\
             P-0002;matching;goal_set;2026-03-02;\n"
        )
    );
    // Bad rows: every one reported with its line, nothing stored.
    let bad = format!(
        "{STEPS}\nP-0001;work;tasks_with_support;2026-04-01;\n\
         P-0001;work;flying;2026-04-01;\n\
         P-0002;work;introduced;2026-01-05;\n\
         P-0001;matching;applying;2026-04-01;{TEACHER_A}\n\
         P-9999;work;introduced;2026-04-01;\n\
         P-0001;language;B1;2099-01-01;x\n"
    );
    let report = import(&app, ImportKind::LadderSteps, &bad).await;
    assert!(!report.committed);
    let problems: Vec<(usize, String)> = report
        .rows
        .iter()
        .map(|(line, p)| (*line, place(p)))
        .collect();
    for expected in [
        (3, "step"),
        (4, "reached_date"),
        (5, "confirmed_by_email"),
        (6, "participant_ref"),
        (7, "ladder"),
        (7, "step"),
        (7, "reached_date"),
        (7, "confirmed_by_email"),
    ] {
        assert!(
            problems.contains(&(expected.0, expected.1.to_owned())),
            "{expected:?} in {problems:?}"
        );
    }
    let unknown = report.rows.iter().find(|(l, _)| *l == 3).expect("line 3");
    assert!(matches!(
        &unknown.1.problem,
        app::domain::problem::Problem::UnknownStep { allowed } if allowed.starts_with("introduced, tasks_with_support")
    ));
    let stored = app::db::steps::reached(&app.db, s.p1).await.expect("steps");
    assert_eq!(stored.len(), 2, "nothing of the bad file was stored");

    // The page: the mentor records a step, confirmed by them; another mentor may not.
    let mentor = app.sign_in(MENTOR_A).await;
    let p1 = s.p1.0.to_string();
    let saved = app
        .call(
            "binder/steps/save",
            Some(&mentor),
            &[
                ("participant", &p1),
                ("ladder", "work"),
                ("step", "tasks_with_support"),
                ("reached_date", "2026-04-01"),
            ],
        )
        .await;
    assert!(saved.status.is_success(), "{}", saved.body);
    let view: app::dto::StepsView = app
        .call("binder/steps", Some(&mentor), &[("participant", &p1)])
        .await
        .json();
    assert!(view.can_record);
    let line = view
        .steps
        .iter()
        .find(|l| l.code == "tasks_with_support")
        .expect("the step");
    assert_eq!(
        line.reached,
        app::domain::participant::parse_date("2026-04-01").ok()
    );
    assert_eq!(line.confirmed_by.as_deref(), Some("Mona Mentor"));
    assert_eq!(view.steps.len(), 11, "both ladders' default steps");
    let other = app.sign_in(MENTOR_B).await;
    let refused = app
        .call(
            "binder/steps/save",
            Some(&other),
            &[
                ("participant", &p1),
                ("ladder", "work"),
                ("step", "ready_for_work"),
                ("reached_date", "2026-04-01"),
            ],
        )
        .await;
    assert_eq!(refused.error(), app::error::AppError::Forbidden);
    let future = app
        .call(
            "binder/steps/save",
            Some(&mentor),
            &[
                ("participant", &p1),
                ("ladder", "work"),
                ("step", "ready_for_work"),
                ("reached_date", "2099-04-01"),
            ],
        )
        .await;
    assert!(
        matches!(future.error(), app::error::AppError::Invalid(ref p) if p[0].field == "reached_date")
    );
}

crate::on_both_engines! {
    ladder_steps => super::ladder_steps_from_files_and_the_participant_page;
    outcome_status => super::an_outcome_sets_the_status_and_end_date_with_history;
    outcome_bad_rows => super::a_bad_row_of_each_column_is_refused_and_nothing_is_stored;
    final_report => super::the_final_report_comes_out_of_the_product_and_survives_erasure;
}
