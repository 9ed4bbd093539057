//! The indicators beside the counts (issue 15), on both engines: the city's targets on a small
//! cohort, judged only for those whose window has closed and at the window's last day; the
//! share of participant-weeks that met the minimum up to the last completed week; the median
//! change of self-assessed level; none of them changing when a participant is erased; and the
//! funders' workbook.

use std::io::Read;

use app::domain::targets::{SkillMedian, TargetFigures, TargetTally};
use app::dto::IndicatorTargetsPage;
use app::import::ImportKind;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use tower::ServiceExt;

use crate::common::{seed, TestApp, CLI_SOURCE, COORDINATOR, MENTOR_A};

async fn import(app: &TestApp, kind: ImportKind, csv: &str) {
    let report = app::import::run::import(
        &app.db,
        kind,
        csv,
        app::state::clock::now(),
        CLI_SOURCE,
        false,
    )
    .await
    .expect("import");
    assert!(report.committed, "{kind:?}: {report:?}");
}

/// Five people who started in 2024, judged on Wednesday 4 March 2026 (the last completed
/// week is 2026-W09).
async fn cohort(app: &TestApp) {
    use chrono::TimeZone;
    seed(app).await;
    let instant = chrono::Utc.with_ymd_and_hms(2026, 3, 4, 10, 0, 0).single();
    app.clock.set(instant.expect("a valid instant"));
    import(
        app,
        ImportKind::Participants,
        "participant_ref;given_name;family_name;gender;school;district;start_date;planned_terms\n\
         T-01;Ann;Ett;female;Farstaskolan;Farsta;2024-01-15;2\n\
         T-02;Bea;Två;female;Farstaskolan;Farsta;2024-01-15;2\n\
         T-03;Cem;Tre;male;Farstaskolan;Farsta;2024-01-15;2\n\
         T-04;Dan;Fyra;male;Farstaskolan;Farsta;2024-01-15;2\n\
         T-05;Eva;Fem;female;Farstaskolan;Farsta;2024-12-02;2\n",
    )
    .await;
    // A pass within the year; a fail; a pass a day too late; none; a pass on the last day.
    import(
        app,
        ImportKind::SfiResults,
        "participant_ref;test_date;occasion;course;grade_scale;grade\n\
         T-01;2024-06-03;checkpoint;B;f_a;E\n\
         T-02;2024-06-03;checkpoint;B;f_a;F\n\
         T-03;2025-01-16;checkpoint;B;pass_fail;G\n\
         T-05;2025-12-02;checkpoint;C;ig_g_vg;VG\n",
    )
    .await;
    // Listening: +2, +1, +1, and T-04 assessed once; reading: −1 for T-01 only.
    import(
        app,
        ImportKind::Assessments,
        "participant_ref;date;occasion;skill;level\n\
         T-01;2024-01-20;start;listening;a1\n\
         T-01;2024-02-28;finish;listening;b1\n\
         T-01;2024-01-20;start;reading;a2\n\
         T-01;2024-02-28;finish;reading;a1\n\
         T-02;2024-01-20;start;listening;pre_a1\n\
         T-02;2025-02-20;checkpoint;listening;a1\n\
         T-03;2024-01-20;start;listening;a1\n\
         T-03;2025-07-01;finish;listening;a2\n\
         T-04;2024-01-20;start;listening;a2\n",
    )
    .await;
    // Full weeks: T-01's first (2024-W03), T-04's 2026-W09, and T-04's running week 2026-W10,
    // which does not count yet.
    let mut time = String::from("participant_ref;date;start;end;kind;teacher_email\n");
    for (who, days) in [
        ("T-01", ["2024-01-15", "2024-01-16"]),
        ("T-04", ["2026-02-23", "2026-02-24"]),
        ("T-04", ["2026-03-02", "2026-03-03"]),
    ] {
        for day in days {
            time.push_str(&format!(
                "{who};{day};09:00;11:30;teaching;\n{who};{day};13:00;15:30;self_study;\n"
            ));
        }
    }
    import(app, ImportKind::Teaching, &time).await;
    // Self-sufficient well in time; a fortnight too late; on the last day of the 18 months.
    import(
        app,
        ImportKind::Outcomes,
        "participant_ref;exit_date;completion;activity;self_sufficiency;note\n\
         T-01;2024-03-01;completed;work;full;\n\
         T-02;2025-08-01;completed;work;full;\n\
         T-03;2025-07-15;completed;education;partial;\n",
    )
    .await;
}

async fn targets(app: &TestApp, session: &str) -> IndicatorTargetsPage {
    app.call(
        "binder/indicators/targets",
        Some(session),
        &[("from", "2024-01-01"), ("to", "2024-12-31")],
    )
    .await
    .json()
}

fn group<'a>(page: &'a IndicatorTargetsPage, value: &str) -> &'a TargetFigures {
    page.figures
        .iter()
        .find(|f| f.value == value)
        .unwrap_or_else(|| panic!("no group {value}: {:?}", page.figures))
}

fn tally(judged: u32, reached: u32) -> TargetTally {
    TargetTally { judged, reached }
}

async fn the_targets_weeks_and_levels_of_a_small_cohort(app: TestApp) {
    cohort(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let page = targets(&app, &c).await;
    assert_eq!(page.figures[0].group, "all");
    let all = group(&page, "all");
    assert_eq!(all.enrolled, 5);
    // 18 months: T-05's have not passed; T-01 and T-03 (on the last day) reached it.
    assert_eq!(all.self_sufficient, tally(4, 2));
    assert_eq!(all.self_sufficient.share(), Some(500));
    assert_eq!(
        all.self_sufficient
            .meets(app::domain::targets::Target::SelfSufficient18Months),
        Some(true)
    );
    // SFI within a year: everyone judged; T-01 and T-05 (on the last day) passed.
    assert_eq!(all.sfi, tally(5, 2));
    assert_eq!(all.sfi.share(), Some(400));
    let female = group(&page, "female");
    let male = group(&page, "male");
    assert_eq!(female.self_sufficient, tally(2, 1));
    assert_eq!(male.self_sufficient, tally(2, 1));
    assert_eq!(female.sfi, tally(3, 2));
    assert_eq!(male.sfi, tally(2, 0));
    assert_eq!(
        male.sfi
            .meets(app::domain::targets::Target::SfiPassed12Months),
        Some(false)
    );
    // Weeks from each start to the exit or to 2026-W09: 7 + 81 + 79 + 111 + 65, two met.
    assert_eq!(
        (all.weeks.met, all.weeks.short, all.weeks.excused),
        (2, 341, 0)
    );
    assert_eq!(all.weeks_met_share(), Some(6));
    assert_eq!((female.weeks.met, female.weeks.short), (1, 152));
    assert_eq!((male.weeks.met, male.weeks.short), (1, 189));
    // Listening: +2, +1, +1 (T-04 assessed once); reading rests on T-01 alone.
    let listening = |f: &TargetFigures| f.skills[0];
    assert_eq!(
        listening(all),
        SkillMedian {
            participants: 3,
            median_tenths: Some(10)
        }
    );
    assert_eq!(
        listening(female),
        SkillMedian {
            participants: 2,
            median_tenths: Some(15)
        }
    );
    assert_eq!(listening(male).median_tenths, Some(10));
    assert_eq!(all.skills[1].median_tenths, Some(-10));
    assert_eq!(all.skills[4], SkillMedian::default());
    assert!(page
        .chart_svg
        .contains("<title id=\"indicators-chart-title\">"));

    // Erasing T-02 changes none of the figures: the statistical record keeps them.
    let id = app::db::participants::id_by_ref(&app.db, "T-02")
        .await
        .expect("db")
        .expect("T-02");
    let request = app::privacy::service::EraseRequest {
        participant: id,
        typed_reference: "T-02".into(),
        open_anyway: true,
        reason: app::domain::erasure::ErasureReason::Request,
    };
    app::privacy::service::erase(&app.db, "secret", &request, app.clock.today())
        .await
        .expect("erase")
        .expect("erased");
    let after = targets(&app, &c).await;
    assert_eq!(after.figures, page.figures);

    // Coordinators only.
    let mentor = app.sign_in(MENTOR_A).await;
    let refused = app
        .call("binder/indicators/targets", Some(&mentor), &[])
        .await;
    assert!(matches!(refused.error(), app::error::AppError::Forbidden));
}

async fn the_funders_workbook_downloads_with_a_sheet_per_grouping(app: TestApp) {
    cohort(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let req = Request::get("/export/indicators.xlsx?from=2024-01-01&to=2024-12-31")
        .header(header::COOKIE, format!("st_session={c}; lang=en"))
        .body(Body::empty())
        .expect("request");
    let res = app.router.clone().oneshot(req).await.expect("answer");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    );
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .expect("body");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("a zip");
    let mut read = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .read_to_string(&mut text)
            .expect("utf-8");
        text
    };
    let workbook = read("xl/workbook.xml");
    for sheet in [
        "All and by gender",
        "By district",
        "By school",
        "Targets and weeks",
        "Self-assessed levels",
    ] {
        assert!(
            workbook.contains(&format!("name=\"{sheet}\"")),
            "{sheet}: {workbook}"
        );
    }
    // The targets sheet: the first row after the header is everyone; enrolled 5, and the
    // 18-month share as the number 0.5 (formatted as a percentage).
    let targets = read("xl/worksheets/sheet4.xml");
    assert!(targets.contains("<c r=\"B2\""), "{targets}");
    assert!(targets.contains("<v>5</v>"), "{targets}");
    assert!(targets.contains("<v>0.5</v>"), "{targets}");
    assert!(!targets.contains("<f>"), "no formulas: {targets}");
    // The download is in the access log.
    let logged: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM access_log WHERE what = 'indicators.xlsx'")
            .fetch_one(&app.db.pool)
            .await
            .expect("count");
    assert_eq!(logged, 1);
    // A mentor is refused.
    let mentor = app.sign_in(MENTOR_A).await;
    let (status, _) = app
        .get_bytes("/export/indicators.xlsx", Some(&mentor))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

crate::on_both_engines! {
    indicator_targets => super::the_targets_weeks_and_levels_of_a_small_cohort;
    indicators_xlsx => super::the_funders_workbook_downloads_with_a_sheet_per_grouping;
}
