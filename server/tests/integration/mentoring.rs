//! The placement, development talks and checkpoint decisions (issue 15), on both engines: a
//! bad form stores nothing and names its fields, edits keep history and refuse stale versions,
//! a talk records the steps reached on its day and schedules the next talk, a checkpoint
//! decision moves the planned end, and the mentor's dashboard follows the real next date.

use app::domain::participant::PlannedTerms;
use app::domain::problem::Problem;
use app::domain::talk::{planned_end, NextKind};
use app::error::AppError;
use app::ladder::api::Dashboard;
use app::mentoring::api::MentoringView;
use chrono::{Days, NaiveDate};

use crate::common::{seed, TestApp, MENTOR_A, MENTOR_B, TEACHER_A};

fn day(d: NaiveDate) -> String {
    app::domain::participant::format_date(d)
}

async fn view(app: &TestApp, session: &str, p: &str) -> MentoringView {
    app.call("mentoring/view", Some(session), &[("participant", p)])
        .await
        .json()
}

fn fields(e: &AppError) -> Vec<String> {
    match e {
        AppError::Invalid(ps) => ps.iter().map(|p| p.field.clone()).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db.pool)
        .await
        .expect("count")
}

async fn the_placement_keeps_history_and_refuses_bad_and_stale_edits(app: TestApp) {
    let s = seed(&app).await;
    let m = app.sign_in(MENTOR_A).await;
    let p1 = s.p1.0.to_string();
    let v = view(&app, &m, &p1).await;
    assert_eq!(v.placement, None);
    assert!(v.can_record_placement && v.can_record_talk);
    let form = |phone: &'static str, email: &'static str, version: Option<&'static str>| {
        let mut f = vec![
            ("participant", p1.clone()),
            ("raw[workplace]", "Farstaskolan".to_owned()),
            ("raw[role]", "kitchen".to_owned()),
            ("raw[supervisor_name]", "Eva Ek".to_owned()),
            ("raw[supervisor_phone]", phone.to_owned()),
            ("raw[supervisor_email]", email.to_owned()),
            ("raw[agreement_start]", "2026-01-12".to_owned()),
            ("raw[agreement_end]", "2026-12-18".to_owned()),
            ("raw[job_description]", "Diskar.\nDukar.".to_owned()),
        ];
        if let Some(v) = version {
            f.push(("version", v.to_owned()));
        }
        f
    };
    let send = |f: Vec<(&'static str, String)>| {
        let m = m.clone();
        let app = &app;
        async move {
            let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call("mentoring/placement/save", Some(&m), &pairs).await
        }
    };
    let bad = send(form("call me", "not-mail", None)).await.error();
    assert_eq!(fields(&bad), ["supervisor_phone", "supervisor_email"]);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM placements").await, 0);
    send(form("08-123 45 67", "eva.ek@example.se", None))
        .await
        .json::<()>();
    let v = view(&app, &m, &p1).await;
    let (placement, version) = v.placement.expect("stored");
    assert_eq!(version, 1);
    assert_eq!(placement.job_description, "Diskar.\nDukar.");
    // A second "first" save, or a save of an old version, is refused as stale.
    let stale = send(form("08-765 43 21", "eva.ek@example.se", Some("7")))
        .await
        .error();
    assert!(
        matches!(stale, AppError::Invalid(ref p) if p[0].field == "workplace" && p[0].problem == Problem::ChangedMeanwhile)
    );
    send(form("08-765 43 21", "eva.ek@example.se", Some("1")))
        .await
        .json::<()>();
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM placement_versions").await,
        2,
        "every version kept"
    );
    // Another mentor may not; a teacher of the participant sees it but may not record.
    let other = app.sign_in(MENTOR_B).await;
    let refused = app
        .call(
            "mentoring/placement/save",
            Some(&other),
            &[
                ("participant", &p1),
                ("raw[workplace]", "X"),
                ("raw[role]", "it"),
            ],
        )
        .await
        .error();
    assert_eq!(refused, AppError::Forbidden);
    let teacher = app.sign_in(TEACHER_A).await;
    let tv = view(&app, &teacher, &p1).await;
    assert!(!tv.can_record_placement && !tv.can_record_talk);
    assert_eq!(
        tv.placement.map(|(p, _)| p.supervisor_phone).as_deref(),
        Some("08-765 43 21")
    );
}

async fn talks_and_checkpoints_set_the_next_date(app: TestApp) {
    let s = seed(&app).await;
    let m = app.sign_in(MENTOR_A).await;
    let p1 = s.p1.0.to_string();
    let today = app::state::clock::today();
    let start = NaiveDate::from_ymd_opt(2026, 1, 12).expect("date");
    let two = PlannedTerms::try_from(2).expect("terms");
    let v = view(&app, &m, &p1).await;
    assert_eq!(v.planned_end, planned_end(start, two));
    assert_eq!(
        (v.next.kind, v.next.date),
        (NextKind::PlannedEnd, v.planned_end)
    );

    // Scheduling: not in the past; a day from today on becomes the next date.
    let past = day(today - Days::new(1));
    let refused = app
        .call(
            "mentoring/talk/schedule",
            Some(&m),
            &[("participant", &p1), ("talk_date", &past)],
        )
        .await
        .error();
    assert!(matches!(refused, AppError::Invalid(ref p) if p[0].problem == Problem::DateInPast));
    let soon = today + Days::new(7);
    app.call(
        "mentoring/talk/schedule",
        Some(&m),
        &[("participant", &p1), ("talk_date", &day(soon))],
    )
    .await
    .json::<()>();
    let v = view(&app, &m, &p1).await;
    assert_eq!((v.next.kind, v.next.date), (NextKind::Talk, soon));
    assert_eq!(v.next.overdue_since, None);

    // A talk planned earlier and never recorded is overdue, on the page and the dashboard.
    let missed = today - Days::new(3);
    sqlx::query(
        "INSERT INTO development_talks (participant_id, talk_date, held, version, updated_at) \
         VALUES ($1, $2, 0, 1, 0)",
    )
    .bind(s.p1.0)
    .bind(day(missed))
    .execute(&app.db.pool)
    .await
    .expect("insert");
    let v = view(&app, &m, &p1).await;
    assert_eq!(v.next.overdue_since, Some(missed));
    let d: Dashboard = app
        .call("ladder/dashboard", Some(&m), &[("sort", "next")])
        .await
        .json();
    assert_eq!(d.rows[0].next.overdue_since, Some(missed));
    assert_eq!(d.rows[0].next.date, soon);

    // Recording the missed talk: two steps reached that day, the next talk planned.
    let talk = v
        .talks
        .iter()
        .find(|t| t.talk_date == missed)
        .expect("scheduled talk");
    let (id, version) = (talk.id.to_string(), talk.version.to_string());
    let next = today + Days::new(30);
    let record = |goal: &'static str| {
        vec![
            ("participant", p1.clone()),
            ("talk", id.clone()),
            ("version", version.clone()),
            ("raw[talk_date]", day(missed)),
            ("raw[attendees]", "Amina, Mona, Eva".to_owned()),
            ("raw[notes]", "Trivs i köket.".to_owned()),
            ("raw[goals]", "Beställa varor på svenska.".to_owned()),
            ("raw[next_date]", day(next)),
            ("steps[0]", "work:introduced".to_owned()),
            ("steps[3]", "matching:goal_set".to_owned()),
            ("goal_statements[0]", goal.to_owned()),
        ]
    };
    let bad_goal = record("v1/not-a-goal");
    let pairs: Vec<(&str, &str)> = bad_goal.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = app
        .call("mentoring/talk/record", Some(&m), &pairs)
        .await
        .error();
    assert_eq!(fields(&refused), ["goal_statements"]);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM participant_steps").await,
        0,
        "nothing stored"
    );
    let mut good = record("");
    good.retain(|(k, _)| *k != "goal_statements[0]");
    let pairs: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.call("mentoring/talk/record", Some(&m), &pairs)
        .await
        .json::<()>();
    // The same form again is stale.
    let again = app
        .call("mentoring/talk/record", Some(&m), &pairs)
        .await
        .error();
    assert!(matches!(again, AppError::Invalid(ref p) if p[0].problem == Problem::ChangedMeanwhile));
    let v = view(&app, &m, &p1).await;
    assert_eq!(v.next.overdue_since, None);
    assert_eq!((v.next.kind, v.next.date), (NextKind::Talk, soon));
    let held = v
        .talks
        .iter()
        .find(|t| t.talk_date == missed)
        .expect("held");
    let h = held.held.as_ref().expect("recorded");
    assert_eq!(h.attendees, "Amina, Mona, Eva");
    assert_eq!(held.steps.len(), 2, "{:?}", held.steps);
    assert!(
        v.talks
            .iter()
            .any(|t| t.talk_date == next && t.held.is_none()),
        "next talk planned"
    );
    let steps = app::db::steps::reached(&app.db, s.p1).await.expect("steps");
    assert!(steps.iter().all(|st| st.record.reached_date == missed
        && st.confirmed_by_name.as_deref() == Some("Mona Mentor")));
    assert!(!v.open_steps.iter().any(|o| o.key == "work:introduced"));
    // The three ladders side by side, and the passport's work step.
    let steps: app::dto::StepsView = app
        .call("binder/steps", Some(&m), &[("participant", &p1)])
        .await
        .json();
    assert!(steps
        .chart_svg
        .contains("<title id=\"three-ladders-title\">"));
    assert_eq!(
        steps.chart_svg.matches("<rect").count(),
        1 + 2 * (7 + 5 + 6)
    );
    let passport: app::ladder::api::Passport = app
        .call("ladder/passport", Some(&m), &[("participant", &p1)])
        .await
        .json();
    assert_eq!(passport.work_step.map(|(_, d)| d), Some(missed));

    // Cancelling the talk planned next week: the next date is the talk after it.
    let planned = v
        .talks
        .iter()
        .find(|t| t.talk_date == soon)
        .expect("planned");
    app.call(
        "mentoring/talk/cancel",
        Some(&m),
        &[
            ("participant", &p1),
            ("talk", &planned.id.to_string()),
            ("version", &planned.version.to_string()),
        ],
    )
    .await
    .json::<()>();
    let v = view(&app, &m, &p1).await;
    let expected = if next <= v.planned_end {
        (NextKind::Talk, next)
    } else {
        (NextKind::PlannedEnd, v.planned_end)
    };
    assert_eq!((v.next.kind, v.next.date), expected);

    // A checkpoint lengthens the introduction to three terms: the planned end moves.
    let decide = |terms: &'static str, reason: &'static str| {
        let (app, m, p1) = (&app, m.clone(), p1.clone());
        async move {
            app.call(
                "mentoring/checkpoint",
                Some(&m),
                &[
                    ("participant", &p1),
                    ("decided_on", &day(today)),
                    ("terms", terms),
                    ("reason", reason),
                ],
            )
            .await
        }
    };
    let bad = decide("2", " ").await.error();
    assert_eq!(fields(&bad), ["terms", "reason"]);
    decide("3", "Behöver mer SFI").await.json::<()>();
    let v = view(&app, &m, &p1).await;
    let three = PlannedTerms::try_from(3).expect("terms");
    assert_eq!(v.terms, three);
    assert_eq!(v.planned_end, planned_end(start, three));
    assert_eq!(v.decisions.len(), 1);
    assert_eq!(
        (v.decisions[0].previous, v.decisions[0].terms),
        (two, three)
    );
    assert_eq!(v.decisions[0].recorded_by.as_deref(), Some("Mona Mentor"));

    // Another mentor can neither see nor record; the history of the talks is kept.
    let other = app.sign_in(MENTOR_B).await;
    let refused = app
        .call("mentoring/view", Some(&other), &[("participant", &p1)])
        .await
        .error();
    assert_eq!(refused, AppError::Forbidden);
    let refused = decide_as(&app, &other, &p1).await;
    assert_eq!(refused, AppError::Forbidden);
    assert!(count(&app, "SELECT COUNT(*) FROM development_talk_versions").await >= 4);
}

async fn decide_as(app: &TestApp, session: &str, p: &str) -> AppError {
    app.call(
        "mentoring/checkpoint",
        Some(session),
        &[
            ("participant", p),
            ("decided_on", "2026-03-01"),
            ("terms", "1"),
            ("reason", "x"),
        ],
    )
    .await
    .error()
}

async fn coordinators_rename_and_add_steps_and_codes_stay(app: TestApp) {
    use app::binder::api::StepDefinitionView;
    let s = seed(&app).await;
    let c = app.sign_in(crate::common::COORDINATOR).await;
    let define = |pairs: Vec<(&'static str, &'static str)>| {
        let (app, c) = (&app, c.clone());
        async move { app.call("binder/steps/define", Some(&c), &pairs).await }
    };
    define(vec![
        ("ladder", "work"),
        ("code", "introduced"),
        ("name_sv", "Introducerad på skolan"),
    ])
    .await
    .json::<()>();
    define(vec![
        ("ladder", "work"),
        ("code", "forklift"),
        ("name_sv", "Truckkort"),
        ("name_en", "Forklift licence"),
    ])
    .await
    .json::<()>();
    let bad = define(vec![
        ("ladder", "work"),
        ("code", "Truck Kort"),
        ("name_sv", ""),
    ])
    .await
    .error();
    assert_eq!(fields(&bad), ["code"]);
    let unnamed = define(vec![("ladder", "matching"), ("code", "mentor_met")])
        .await
        .error();
    assert_eq!(fields(&unnamed), ["name_sv"]);
    let defs: Vec<StepDefinitionView> = app
        .call("binder/steps/definitions", Some(&c), &[])
        .await
        .json();
    let work: Vec<&str> = defs
        .iter()
        .filter(|d| d.ladder == app::domain::steps::StepLadder::Work)
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(
        work,
        [
            "introduced",
            "tasks_with_support",
            "tasks_independently",
            "takes_responsibility",
            "ready_for_work",
            "forklift"
        ],
        "the new step comes last, the codes stay"
    );
    assert_eq!(defs[0].name_sv, "Introducerad på skolan");
    // The new step can be reached, by its code, on the participant's page and in files.
    let m = app.sign_in(MENTOR_A).await;
    let p1 = s.p1.0.to_string();
    app.call(
        "binder/steps/save",
        Some(&m),
        &[
            ("participant", &p1),
            ("ladder", "work"),
            ("step", "forklift"),
            ("reached_date", "2026-03-02"),
        ],
    )
    .await
    .json::<()>();
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM ladder_step_definitions").await,
        12
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM ladder_step_definition_versions").await,
        2,
        "the renaming and the new step are kept; the refused ones are not"
    );
    // Mentors may not rename steps.
    let refused = app
        .call(
            "binder/steps/define",
            Some(&m),
            &[("ladder", "work"), ("code", "introduced"), ("name_sv", "X")],
        )
        .await
        .error();
    assert_eq!(refused, AppError::Forbidden);
}

async fn the_indicators_count_one_district_or_school(app: TestApp) {
    use app::dto::IndicatorsPage;
    seed(&app).await;
    let c = app.sign_in(crate::common::COORDINATOR).await;
    let page = |place: &'static str| {
        let (app, c) = (&app, c.clone());
        async move {
            app.call("binder/indicators", Some(&c), &[("place", place)])
                .await
        }
    };
    let all: IndicatorsPage = page("").await.json();
    assert_eq!(all.rows[0].tally.enrolled, 2);
    assert!(all.places.len() >= 4, "{:?}", all.places);
    let vantor: IndicatorsPage = page("district:Vantör").await.json();
    assert_eq!(vantor.rows[0].tally.enrolled, 1);
    assert!(vantor
        .rows
        .iter()
        .all(|r| r.value != "Farsta" && r.value != "Farstaskolan"));
    let school: IndicatorsPage = page("school:Farstaskolan").await.json();
    assert_eq!(school.rows[0].tally.enrolled, 1);
    assert_eq!(
        school.place,
        app::domain::indicators::Place::School("Farstaskolan".into())
    );
    let bad = page("planet:Mars").await.error();
    assert_eq!(fields(&bad), ["place"]);
    let targets = app
        .call(
            "binder/indicators/targets",
            Some(&c),
            &[("place", "school:Farstaskolan")],
        )
        .await;
    assert!(targets.status.is_success(), "{}", targets.body);
    let (status, csv) = app
        .get_bytes(
            "/export/indicators.csv?place=school%3AFarstaskolan",
            Some(&c),
        )
        .await;
    assert_eq!(status, axum::http::StatusCode::OK);
    let csv = String::from_utf8(csv).expect("utf-8");
    assert!(
        csv.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("all;all;1;")),
        "{csv}"
    );
    let (status, _) = app
        .get_bytes("/export/indicators.xlsx?place=district%3AFarsta", Some(&c))
        .await;
    assert_eq!(status, axum::http::StatusCode::OK);
}

crate::on_both_engines! {
    indicator_place => super::the_indicators_count_one_district_or_school;
    step_names => super::coordinators_rename_and_add_steps_and_codes_stay;
    placement => super::the_placement_keeps_history_and_refuses_bad_and_stale_edits;
    talks => super::talks_and_checkpoints_set_the_next_date;
}
