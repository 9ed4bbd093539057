//! The programme's calendar (issue 14): the `calendar` kind (all or nothing, idempotent, with
//! history), closed days excused for the participants they cover, the web page's save and
//! delete, the weekly minimum's history, the plan-coverage lists and search that ignores case
//! and accents.

use app::db::hours::{Recorder, Scope};
use app::domain::problem::Problem;
use app::domain::weeks::{IsoWeek, PlanCoverage};
use app::error::AppError;

use crate::common::{date, seed, TestApp, COORDINATOR, MENTOR_A, MENTOR_B, TEACHER_A};

const CLI: Recorder = Recorder {
    source: "cli",
    user: None,
    participant: None,
};

const HEADER: &str = "scope;name;from_date;to_date;reason;note";

fn file(rows: &[&str]) -> String {
    let mut s = String::from(HEADER);
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.push('\n');
    s
}

async fn count(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.db.pool)
        .await
        .expect("count")
}

/// The compliance rows of one week, `ref;week;required;…;status` without the header.
async fn compliance_rows(app: &TestApp, week: &str) -> Vec<String> {
    let w = IsoWeek::parse(week).expect("week");
    let csv = app::import::time::export_compliance(&app.db, Scope::All, w, w)
        .await
        .expect("export");
    csv.lines().skip(1).map(str::to_owned).collect()
}

async fn the_calendar_file_is_all_or_nothing_idempotent_and_kept_in_history(app: TestApp) {
    seed(&app).await;
    let good = file(&[
        "school;Farstaskolan;2026-03-06;2026-03-06;study_day;Studiedag",
        "programme;;2026-12-21;2027-01-08;holiday;Jullov",
        "district;farsta;2026-10-26;2026-10-30;holiday;Höstlov",
    ]);
    let r = app::import::calendar::import_file(&app.db, &good, CLI, false)
        .await
        .expect("import");
    assert!(r.committed, "{:?}", app::import::table::report_lines(&r));
    assert_eq!((r.created, r.updated, r.unchanged), (3, 0, 0));
    // The export is sorted by key, and names are written as the district is registered.
    let export = app::import::calendar::export(&app.db)
        .await
        .expect("export");
    assert_eq!(
        export,
        file(&[
            "programme;;2026-12-21;2027-01-08;holiday;Jullov",
            "district;Farsta;2026-10-26;2026-10-30;holiday;Höstlov",
            "school;Farstaskolan;2026-03-06;2026-03-06;study_day;Studiedag",
        ])
    );
    // The export imports back as unchanged.
    let again = app::import::calendar::import_file(&app.db, &export, CLI, false)
        .await
        .expect("import");
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 3));
    // A changed row is an update; the earlier version stays in the history.
    let changed = file(&["district;Farsta;2026-10-26;2026-10-30;closure;Höstlov, stängt"]);
    let r = app::import::calendar::import_file(&app.db, &changed, CLI, false)
        .await
        .expect("import");
    assert_eq!((r.created, r.updated), (0, 1));
    assert_eq!(count(&app, "calendar_versions").await, 4);
    // Every problem of a bad file is reported with its line, and nothing is stored.
    let bad = file(&[
        "programme;Farsta;2027-02-22;2027-02-26;holiday;",
        "district;Atlantis;2027-02-22;2027-02-26;holiday;",
        "school;Farstaskolan;2027-02-26;2027-02-22;holiday;",
        "programme;;2027-03-29;2027-04-02;lov;",
        "programme;;2027-05-06;2027-05-07;holiday;Kristi himmelsfärd",
    ]);
    let r = app::import::calendar::import_file(&app.db, &bad, CLI, false)
        .await
        .expect("import");
    assert!(!r.committed);
    let found: Vec<(usize, String, Problem)> = r
        .rows
        .iter()
        .map(|(line, p)| (*line, p.field.clone(), p.problem.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (2, "name".to_owned(), Problem::NameNotForProgramme),
            (
                3,
                "name".to_owned(),
                Problem::UnknownDistrict {
                    allowed: "Farsta, Vantör".into()
                }
            ),
            (4, "to_date".to_owned(), Problem::EndBeforeStart),
            (
                5,
                "reason".to_owned(),
                Problem::NotOneOf {
                    allowed: "holiday, closure, study_day, other".into()
                }
            ),
        ]
    );
    assert_eq!(count(&app, "calendar_days").await, 3);
}

async fn closed_days_are_excused_for_the_participants_they_cover(app: TestApp) {
    let s = seed(&app).await;
    // 2026-W10 (2 – 6 March): both participants enrolled, nothing recorded: short.
    let before = compliance_rows(&app, "2026-W10").await;
    assert_eq!(
        before,
        [
            "P-0001;2026-W10;300;0;0;300;300;short",
            "P-0002;2026-W10;300;0;0;300;300;short"
        ]
    );
    // Farsta (P-0001's district) closed all week; Vantörskolan (P-0002's school) one day,
    // which overlaps P-0002's own absence on Thursday–Friday: each day counts once.
    let cal = file(&[
        "district;Farsta;2026-03-02;2026-03-06;holiday;Sportlov",
        "school;Vantörskolan;2026-03-04;2026-03-05;study_day;",
    ]);
    let r = app::import::calendar::import_file(&app.db, &cal, CLI, false)
        .await
        .expect("import");
    assert!(r.committed, "{:?}", app::import::table::report_lines(&r));
    let absences =
        "participant_ref;from_date;to_date;reason;note\nP-0002;2026-03-05;2026-03-06;illness;\n";
    let r = app::import::time::import_absences(&app.db, absences, CLI, false)
        .await
        .expect("absences");
    assert!(r.committed);
    assert_eq!(
        compliance_rows(&app, "2026-W10").await,
        [
            "P-0001;2026-W10;0;0;0;0;0;excused",
            "P-0002;2026-W10;120;0;0;120;120;short"
        ]
    );
    // The participant's week strip says why.
    let c = app.sign_in(COORDINATOR).await;
    let h: app::hours::api::HoursOverview = app
        .call(
            "hours/overview",
            Some(&c),
            &[("participant", &s.p1.to_string())],
        )
        .await
        .json();
    let w10 = h
        .weeks
        .iter()
        .find(|w| w.week.to_string() == "2026-W10")
        .expect("W10 on the strip");
    assert_eq!(w10.status, app::domain::weeks::WeekStatus::Excused);
    assert_eq!(
        w10.closed,
        [(
            app::domain::calendar::ClosedReason::Holiday,
            "Sportlov".to_owned()
        )]
    );
    // The compliance report counts the week as excused.
    let report: app::hours::api::ComplianceReport = app
        .call(
            "hours/report",
            Some(&c),
            &[("from", "2026-W10"), ("to", "2026-W10")],
        )
        .await
        .json();
    let farsta = report
        .lines
        .iter()
        .find(|l| l.district == "Farsta" && l.school.is_empty())
        .expect("Farsta");
    assert_eq!((farsta.met, farsta.short, farsta.excused), (0, 0, 1));
}

async fn the_calendar_page_saves_refuses_and_removes_only_the_version_shown(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let form = [
        ("scope", "district"),
        ("name", "Vantör"),
        ("from_date", "2026-10-26"),
        ("to_date", "2026-10-30"),
        ("reason", "holiday"),
        ("note", "Höstlov"),
    ];
    let reply = app.call("calendar/save", Some(&c), &form).await;
    assert!(
        reply.status.is_success() || reply.status.is_redirection(),
        "{reply:?}"
    );
    // A school name under the district scope is refused, naming the districts.
    let mut wrong = form;
    wrong[1] = ("name", "Vantörskolan");
    wrong[2] = ("from_date", "2026-11-02");
    wrong[3] = ("to_date", "2026-11-02");
    let e = app.call("calendar/save", Some(&c), &wrong).await.error();
    let AppError::Invalid(problems) = e else {
        panic!("expected invalid input, got {e:?}");
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, "name");
    assert_eq!(
        problems[0].problem,
        Problem::UnknownDistrict {
            allowed: "Farsta, Vantör".into()
        }
    );
    // Everyone on the staff sees the calendar; only the coordinator may change it.
    let t = app.sign_in(TEACHER_A).await;
    let page: app::calendar::api::CalendarData =
        app.call("calendar/list", Some(&t), &[]).await.json();
    assert!(!page.can_manage);
    assert_eq!(page.entries.len(), 1);
    let entry = page.entries[0].clone();
    assert_eq!(entry.days.note, "Höstlov");
    assert_eq!(page.districts, ["Farsta", "Vantör"]);
    let id = entry.id.to_string();
    assert_eq!(
        app.call(
            "calendar/delete",
            Some(&t),
            &[("id", &id), ("version", "1")]
        )
        .await
        .error(),
        AppError::Forbidden
    );
    // The coordinator corrects it (version 2); removing version 1 is refused as stale.
    let mut corrected = form;
    corrected[5] = ("note", "Höstlov (v. 44)");
    let reply = app.call("calendar/save", Some(&c), &corrected).await;
    assert!(!matches!(reply.status.as_u16(), 400..=599), "{reply:?}");
    let e = app
        .call(
            "calendar/delete",
            Some(&c),
            &[("id", &id), ("version", "1")],
        )
        .await
        .error();
    let AppError::Invalid(problems) = e else {
        panic!("expected a stale version, got {e:?}");
    };
    assert_eq!(problems[0].problem, Problem::ChangedMeanwhile);
    let reply = app
        .call(
            "calendar/delete",
            Some(&c),
            &[("id", &id), ("version", "2")],
        )
        .await;
    assert!(!matches!(reply.status.as_u16(), 400..=599), "{reply:?}");
    assert_eq!(count(&app, "calendar_days").await, 0);
    // create, update, delete
    assert_eq!(count(&app, "calendar_versions").await, 3);
}

async fn past_weeks_keep_the_minimum_in_force_then(app: TestApp) {
    let s = seed(&app).await;
    let _ = s;
    assert_eq!(
        compliance_rows(&app, "2026-W10").await[0],
        "P-0001;2026-W10;300;0;0;300;300;short"
    );
    // The programme lowers the minimum to four hours from Monday 2026-03-09 (W11).
    app::db::settings::set_from(&app.db, "weekly_minimum", date("2026-03-09"), "240")
        .await
        .expect("set");
    assert_eq!(
        compliance_rows(&app, "2026-W10").await[0],
        "P-0001;2026-W10;300;0;0;300;300;short",
        "a past week keeps its minimum"
    );
    assert_eq!(
        compliance_rows(&app, "2026-W11").await[0],
        "P-0001;2026-W11;240;0;0;240;240;short"
    );
    // A change from a Wednesday applies from the next week: the week's Monday decides.
    app::db::settings::set_from(&app.db, "weekly_minimum", date("2026-03-18"), "360")
        .await
        .expect("set");
    assert_eq!(
        compliance_rows(&app, "2026-W12").await[0],
        "P-0001;2026-W12;240;0;0;240;240;short"
    );
    assert_eq!(
        compliance_rows(&app, "2026-W13").await[0],
        "P-0001;2026-W13;360;0;0;360;360;short"
    );
}

async fn plan_coverage_lists_who_has_no_plan_for_coordinators_and_mentors(app: TestApp) {
    let s = seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let gaps = |session: String| {
        let app = &app;
        async move {
            let list: Vec<app::dto::PlanGap> = app
                .call("hours/plan-gaps", Some(&session), &[])
                .await
                .json();
            list.into_iter()
                .map(|g| (g.participant_ref, g.coverage))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        gaps(c.clone()).await,
        [
            ("P-0001".to_owned(), PlanCoverage::NoPlan),
            ("P-0002".to_owned(), PlanCoverage::NoPlan)
        ]
    );
    // The mentor sees only their own.
    let m = app.sign_in(MENTOR_B).await;
    assert_eq!(gaps(m).await, [("P-0002".to_owned(), PlanCoverage::NoPlan)]);
    // A register can still be taken for a participant without a plan.
    let t = app.sign_in(TEACHER_A).await;
    let saved = app
        .call(
            "hours/register/save",
            Some(&t),
            &[
                ("group", &s.group_a.to_string()),
                ("date", "2026-03-02"),
                ("start", "08:30"),
                ("end", "10:10"),
                ("present[0]", "P-0001"),
            ],
        )
        .await;
    assert!(saved.status.is_success(), "{saved:?}");
    // P-0001 gets a plan from today; P-0002 one that starts in a month.
    let today = app::state::clock::today();
    let plan = |pid: i64, from: chrono::NaiveDate| {
        let mut f = vec![
            ("participant".to_owned(), pid.to_string()),
            ("valid_from".to_owned(), from.to_string()),
            ("self_study_minutes".to_owned(), "300".to_owned()),
        ];
        for (i, day) in ["1", "3", "5"].iter().enumerate() {
            f.push((format!("blocks[{i}][weekday]"), (*day).to_owned()));
            f.push((format!("blocks[{i}][start]"), "08:30".to_owned()));
            f.push((format!("blocks[{i}][end]"), "10:10".to_owned()));
            f.push((format!("blocks[{i}][teacher_email]"), String::new()));
        }
        f
    };
    let later = today + chrono::Days::new(30);
    for (pid, from) in [(s.p1.0, today), (s.p2.0, later)] {
        let f = plan(pid, from);
        let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let reply = app.call("hours/plan", Some(&c), &pairs).await;
        assert!(!matches!(reply.status.as_u16(), 400..=599), "{reply:?}");
    }
    assert_eq!(
        gaps(c.clone()).await,
        [("P-0002".to_owned(), PlanCoverage::StartsOn(later))]
    );
    // A raise of the minimum already decided ends P-0001's plan on its day.
    let raise = today + chrono::Days::new(60);
    app::db::settings::set_from(&app.db, "weekly_minimum", raise, "360")
        .await
        .expect("set");
    assert_eq!(
        gaps(c.clone()).await,
        [
            (
                "P-0001".to_owned(),
                PlanCoverage::UnderMinimumFrom {
                    from: raise,
                    minimum: 360
                }
            ),
            ("P-0002".to_owned(), PlanCoverage::StartsOn(later))
        ]
    );
    // Teachers and participants have no such list.
    let t = app.sign_in(TEACHER_A).await;
    assert_eq!(
        app.call("hours/plan-gaps", Some(&t), &[]).await.error(),
        AppError::Forbidden
    );
    let _ = MENTOR_A;
}

async fn search_finds_names_whatever_the_case_and_accents(app: TestApp) {
    seed(&app).await;
    let csv =
        "participant_ref;given_name;family_name;gender;school;district;start_date;planned_terms\n\
               P-0100;Åsa;Öberg;female;Farstaskolan;Farsta;2026-01-12;2\n\
               P-0101;André;Ängström;male;Farstaskolan;Farsta;2026-01-12;2\n";
    let who = app::db::participants::ChangeSource {
        source: "cli",
        by: None,
    };
    let r = app::import::participants::participants(
        &app.db,
        csv,
        app::state::clock::today(),
        who,
        false,
    )
    .await
    .expect("import");
    assert!(r.committed);
    let c = app.sign_in(COORDINATOR).await;
    let search = |q: &'static str| {
        let app = &app;
        let c = c.clone();
        async move {
            let page: app::domain::paging::Page<app::dto::ParticipantSummary> = app
                .call(
                    "participants/list",
                    Some(&c),
                    &[("filter[q]", q), ("filter[page]", "1")],
                )
                .await
                .json();
            page.items
                .into_iter()
                .map(|p| p.participant_ref)
                .collect::<Vec<_>>()
        }
    };
    for q in [
        "åsa",
        "ÅSA",
        "asa",
        "öberg",
        "OBERG",
        "Åsa Öberg",
        "öberg åsa",
        "p-0100",
    ] {
        assert_eq!(search(q).await, ["P-0100"], "search {q:?}");
    }
    for q in ["andre", "ANDRÉ", "ängström", "angstrom"] {
        assert_eq!(search(q).await, ["P-0101"], "search {q:?}");
    }
    // Wildcards are taken literally.
    assert!(search("%").await.is_empty());
    assert!(search("å_a").await.is_empty());
}

/// FORMATS.md's "No formulas": a text a spreadsheet would run is exported with a leading `'`,
/// and the export imports back unchanged.
async fn exports_write_no_formulas_and_import_back(app: TestApp) {
    seed(&app).await;
    let r = app::import::calendar::import_file(
        &app.db,
        &file(&["programme;;2026-06-19;2026-06-19;holiday;=HYPERLINK(\"http://x\")"]),
        CLI,
        false,
    )
    .await
    .expect("import");
    assert!(r.committed);
    let export = app::import::calendar::export(&app.db)
        .await
        .expect("export");
    assert!(
        export.contains(";\"'=HYPERLINK(\"\"http://x\"\")\""),
        "{export}"
    );
    let again = app::import::calendar::import_file(&app.db, &export, CLI, false)
        .await
        .expect("import");
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 1));
}

/// Two writers at once on SQLite (read then write in one transaction each) both succeed: the
/// second waits for the first instead of failing with "busy".
async fn concurrent_writers_both_succeed(app: TestApp) {
    seed(&app).await;
    let mut tasks = Vec::new();
    for i in 0..8u32 {
        let db = app.db.clone();
        tasks.push(tokio::spawn(async move {
            let row = format!(
                "programme;;2027-0{}-01;2027-0{}-02;closure;writer {i}",
                i + 1,
                i + 1
            );
            app::import::calendar::import_file(&db, &file(&[&row]), CLI, false).await
        }));
    }
    for t in tasks {
        let r = t.await.expect("task").expect("no busy error");
        assert!(r.committed, "{:?}", app::import::table::report_lines(&r));
    }
    assert_eq!(count(&app, "calendar_days").await, 8);
}

crate::on_both_engines! {
    no_formulas => super::exports_write_no_formulas_and_import_back;
    concurrent_writers => super::concurrent_writers_both_succeed;
    calendar_file => super::the_calendar_file_is_all_or_nothing_idempotent_and_kept_in_history;
    closed_days_excused => super::closed_days_are_excused_for_the_participants_they_cover;
    calendar_page => super::the_calendar_page_saves_refuses_and_removes_only_the_version_shown;
    minimum_history => super::past_weeks_keep_the_minimum_in_force_then;
    plan_coverage => super::plan_coverage_lists_who_has_no_plan_for_coordinators_and_mentors;
    search_folds => super::search_finds_names_whatever_the_case_and_accents;
}
