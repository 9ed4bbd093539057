//! The weekly minimum: plans that cannot fall under it, registers, single entries with their
//! validation, absences, the `teaching` and `absences` files (all or nothing, idempotent, with
//! history), the `compliance` export, the mentor's short weeks and the compliance report.

use std::process::Command;

use app::db::hours::Recorder;
use app::domain::problem::Problem;
use app::domain::weeks::TimeProblem;
use app::error::AppError;
use app::hours::api::{ComplianceReport, HoursOverview, RegisterSaved, RegisterSheet, ShortWeeks};

use crate::common::{seed, TestApp, COORDINATOR, MENTOR_A, MENTOR_B, TEACHER_A, TEACHER_B};

const CLI: Recorder = Recorder {
    source: "cli",
    user: None,
    participant: None,
};

const TEACHING: &str = "participant_ref;date;start;end;kind;teacher_email";
const ABSENCES: &str = "participant_ref;from_date;to_date;reason;note";

fn now() -> chrono::NaiveDateTime {
    app::state::clock::now()
}

fn file(header: &str, rows: &[&str]) -> String {
    let mut s = String::from(header);
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.push('\n');
    s
}

/// Stretches of a day as the register shows them, `HH:MM–HH:MM`.
fn spans(s: &[(chrono::NaiveTime, chrono::NaiveTime)]) -> Vec<String> {
    s.iter()
        .map(|(a, b)| format!("{}–{}", a.format("%H:%M"), b.format("%H:%M")))
        .collect()
}

async fn count(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.db.pool)
        .await
        .expect("count")
}

fn problems(e: AppError) -> Vec<(String, Problem)> {
    match e {
        AppError::Invalid(p) => p
            .into_iter()
            .map(|p| (crate::common::place(&p), p.problem))
            .collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

fn plan_form(pid: i64, blocks: &[(&str, &str, &str)], self_study: &str) -> Vec<(String, String)> {
    let mut f = vec![
        ("participant".to_owned(), pid.to_string()),
        ("valid_from".to_owned(), "2026-03-02".to_owned()),
        ("self_study_minutes".to_owned(), self_study.to_owned()),
    ];
    for (i, (day, start, end)) in blocks.iter().enumerate() {
        f.push((format!("blocks[{i}][weekday]"), (*day).to_owned()));
        f.push((format!("blocks[{i}][start]"), (*start).to_owned()));
        f.push((format!("blocks[{i}][end]"), (*end).to_owned()));
        f.push((format!("blocks[{i}][teacher_email]"), TEACHER_A.to_owned()));
    }
    // An unused row is skipped.
    f.push(("blocks[5][weekday]".to_owned(), "2".to_owned()));
    f.push(("blocks[5][start]".to_owned(), String::new()));
    f.push(("blocks[5][end]".to_owned(), String::new()));
    f
}

fn pairs(f: &[(String, String)]) -> Vec<(&str, &str)> {
    f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

fn hm(hours: u32, minutes: u32) -> (u32, u32) {
    (hours, minutes)
}

async fn a_plan_under_the_minimum_is_refused_and_the_old_plan_kept(app: TestApp) {
    let s = seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let full = plan_form(
        s.p1.0,
        &[
            ("1", "08:30", "10:10"),
            ("3", "08:30", "10:10"),
            ("5", "08:30", "10:10"),
        ],
        "300",
    );
    let reply = app.call("hours/plan", Some(&c), &pairs(&full)).await;
    assert!(
        reply.status.is_success() || reply.status.is_redirection(),
        "{reply:?}"
    );
    // Four hours of teaching and 3 h 20 min of self-study: both shortfalls, nothing stored.
    let short = plan_form(
        s.p1.0,
        &[("1", "08:30", "10:30"), ("3", "08:30", "10:30")],
        "200",
    );
    let e = app
        .call("hours/plan", Some(&c), &pairs(&short))
        .await
        .error();
    let (h, m) = hm(1, 0);
    let (h2, m2) = hm(1, 40);
    assert_eq!(
        problems(e),
        [
            (
                "plan_teaching".to_owned(),
                Problem::Time(Box::new(TimeProblem::TeachingUnderMinimum {
                    hours: h,
                    minutes: m
                }))
            ),
            (
                "self_study_minutes".to_owned(),
                Problem::Time(Box::new(TimeProblem::SelfStudyUnderMinimum {
                    hours: h2,
                    minutes: m2
                }))
            ),
        ]
    );
    // Overlapping blocks and a bad time are named by their row.
    let bad = plan_form(
        s.p1.0,
        &[
            ("1", "08:30", "11:00"),
            ("1", "10:00", "12:00"),
            ("2", "8", "10:00"),
        ],
        "300",
    );
    let fields: Vec<String> =
        problems(app.call("hours/plan", Some(&c), &pairs(&bad)).await.error())
            .into_iter()
            .map(|(f, _)| f)
            .collect();
    assert!(fields.contains(&"#3/start".to_owned()), "{fields:?}");
    assert!(fields.contains(&"#2/start".to_owned()), "{fields:?}");
    assert_eq!(count(&app, "weekly_plans").await, 1);
    // The mentor may set a new plan; it supersedes the old one, which stays.
    let m = app.sign_in(MENTOR_A).await;
    let mut newer = plan_form(
        s.p1.0,
        &[("2", "08:00", "11:00"), ("4", "08:00", "11:00")],
        "360",
    );
    newer[1].1 = "2026-04-06".to_owned();
    let reply = app.call("hours/plan", Some(&m), &pairs(&newer)).await;
    assert!(!matches!(reply.status.as_u16(), 400..=599), "{reply:?}");
    let h: HoursOverview = app
        .call(
            "hours/overview",
            Some(&m),
            &[("participant", &s.p1.to_string())],
        )
        .await
        .json();
    let summary: Vec<(String, u32, u32, usize)> = h
        .plans
        .iter()
        .map(|p| {
            (
                p.valid_from.to_string(),
                p.teaching_minutes,
                p.self_study_minutes,
                p.blocks.len(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("2026-04-06".to_owned(), 360, 360, 2),
            ("2026-03-02".to_owned(), 300, 300, 3)
        ]
    );
    assert_eq!(
        h.plans[1].blocks[0].teacher_email.as_deref(),
        Some(TEACHER_A)
    );
    // Plans are append-only.
    assert!(
        sqlx::query("UPDATE weekly_plans SET self_study_minutes = 0")
            .execute(&app.db.pool)
            .await
            .is_err()
    );
    // A teacher may not plan.
    let t = app.sign_in(TEACHER_A).await;
    assert_eq!(
        app.call("hours/plan", Some(&t), &pairs(&full))
            .await
            .error(),
        AppError::Forbidden
    );
}

async fn a_teacher_takes_a_register_once(app: TestApp) {
    let s = seed(&app).await;
    // P-0001's plan: Monday 08:30–10:10 with teacher A.
    let c = app.sign_in(COORDINATOR).await;
    let plan = plan_form(
        s.p1.0,
        &[
            ("1", "08:30", "10:10"),
            ("3", "08:30", "10:10"),
            ("5", "08:30", "10:10"),
        ],
        "300",
    );
    app.call("hours/plan", Some(&c), &pairs(&plan)).await;
    let t = app.sign_in(TEACHER_A).await;
    let group = s.group_a.to_string();
    let sheet: RegisterSheet = app
        .call(
            "hours/register",
            Some(&t),
            &[("group", &group), ("date", "2026-03-09")],
        )
        .await
        .json();
    assert_eq!(spans(&[(sheet.start, sheet.end)]), ["08:30–10:10"]);
    assert_eq!(spans(&sheet.members[0].planned), ["08:30–10:10"]);
    let form = [
        ("group", group.as_str()),
        ("date", "2026-03-09"),
        ("start", "08:30"),
        ("end", "10:10"),
        ("present[0]", "P-0001"),
    ];
    let saved: RegisterSaved = app
        .call("hours/register/save", Some(&t), &form)
        .await
        .json();
    assert_eq!((saved.created, saved.unchanged), (1, 0));
    let again: RegisterSaved = app
        .call("hours/register/save", Some(&t), &form)
        .await
        .json();
    assert_eq!(
        (again.created, again.unchanged),
        (0, 1),
        "a double submit stores once"
    );
    // An overlapping lesson is refused, naming the participant and the time recorded.
    let overlap = [
        ("group", group.as_str()),
        ("date", "2026-03-09"),
        ("start", "09:00"),
        ("end", "11:00"),
        ("present[0]", "P-0001"),
    ];
    let p = problems(
        app.call("hours/register/save", Some(&t), &overlap)
            .await
            .error(),
    );
    assert_eq!(
        p,
        [(
            "P-0001/start".to_owned(),
            Problem::Time(Box::new(TimeProblem::Overlaps {
                start: "08:30".into(),
                end: "10:10".into()
            }))
        )]
    );
    // Nobody ticked, end before start: specific messages, nothing stored.
    let none = [
        ("group", group.as_str()),
        ("date", "2026-03-10"),
        ("start", "08:30"),
        ("end", "10:00"),
    ];
    assert_eq!(
        problems(
            app.call("hours/register/save", Some(&t), &none)
                .await
                .error()
        ),
        [("present".to_owned(), Problem::Required)]
    );
    let backwards = [
        ("group", group.as_str()),
        ("date", "2026-03-10"),
        ("start", "10:00"),
        ("end", "08:30"),
        ("present[0]", "P-0001"),
    ];
    assert_eq!(
        problems(
            app.call("hours/register/save", Some(&t), &backwards)
                .await
                .error()
        ),
        [(
            "end".to_owned(),
            Problem::Time(Box::new(TimeProblem::EndNotAfterStart))
        )]
    );
    // Someone outside the group cannot be ticked; another teacher cannot take the register.
    let outsider = [
        ("group", group.as_str()),
        ("date", "2026-03-10"),
        ("start", "08:30"),
        ("end", "10:00"),
        ("present[0]", "P-0002"),
    ];
    assert_eq!(
        problems(
            app.call("hours/register/save", Some(&t), &outsider)
                .await
                .error()
        ),
        [("present".to_owned(), Problem::UnknownParticipant)]
    );
    let other = app.sign_in(TEACHER_B).await;
    assert_eq!(
        app.call("hours/register/save", Some(&other), &form)
            .await
            .error(),
        AppError::Forbidden
    );
    assert_eq!(count(&app, "time_entries").await, 1);
    let sheet: RegisterSheet = app
        .call(
            "hours/register",
            Some(&t),
            &[("group", &group), ("date", "2026-03-09")],
        )
        .await
        .json();
    assert_eq!(spans(&sheet.members[0].recorded), ["08:30–10:10"]);
}

async fn recorded_time_is_validated_and_kept_in_history(app: TestApp) {
    let s = seed(&app).await;
    let me = app.sign_in_participant(&s.p1_code).await;
    let pid = s.p1.to_string();
    let entry = |date: &'static str, start: &'static str, end: &'static str| {
        vec![
            ("participant", pid.clone()),
            ("kind", "self_study".to_owned()),
            ("date", date.to_owned()),
            ("start", start.to_owned()),
            ("end", end.to_owned()),
        ]
    };
    let call = |f: Vec<(&'static str, String)>| {
        let app = &app;
        let me = me.clone();
        async move {
            let p: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.call("hours/time", Some(&me), &p).await
        }
    };
    // The participant records their own self-study.
    let r = call(entry("2026-03-03", "18:00", "19:30")).await;
    assert!(!matches!(r.status.as_u16(), 400..=599), "{r:?}");
    // Overlap, over 12 hours in a day, in the future, not a time: each with its message.
    let p = problems(call(entry("2026-03-03", "19:00", "20:00")).await.error());
    assert!(
        matches!(&p[..], [(f, Problem::Time(t))] if f == "start" && matches!(**t, TimeProblem::Overlaps { .. })),
        "{p:?}"
    );
    let p = problems(call(entry("2026-03-03", "06:00", "17:00")).await.error());
    assert!(
        matches!(&p[..], [(f, Problem::Time(t))] if f == "end" && **t == TimeProblem::OverDailyLimit { max_hours: 12, hours: 12, minutes: 30 }),
        "{p:?}"
    );
    let tomorrow = (app.clock.today() + chrono::Days::new(1))
        .format("%Y-%m-%d")
        .to_string();
    let mut future = entry("2026-03-03", "08:00", "09:00");
    future[2].1 = tomorrow;
    assert_eq!(
        problems(call(future).await.error()),
        [("date".to_owned(), Problem::DateInFuture)]
    );
    assert_eq!(
        problems(call(entry("2026-03-04", "18.00", "19:00")).await.error()),
        [("start".to_owned(), Problem::NotATime)]
    );
    // The participant may not record taught time; the mentor of someone else sees nothing.
    let mut taught = entry("2026-03-05", "08:00", "09:00");
    taught[1].1 = "teaching".to_owned();
    assert_eq!(call(taught).await.error(), AppError::Forbidden);
    let other_mentor = app.sign_in(MENTOR_B).await;
    assert_eq!(
        app.call(
            "hours/overview",
            Some(&other_mentor),
            &[("participant", &pid)]
        )
        .await
        .error(),
        AppError::Forbidden
    );
    assert_eq!(count(&app, "time_entries").await, 1);
    // Removing keeps the entry in the history.
    let h: HoursOverview = app
        .call("hours/overview", Some(&me), &[("participant", &pid)])
        .await
        .json();
    assert!(h.can_self_study && !h.can_teaching && !h.can_plan);
    let id = h.recent.first().map(|e| e.id.to_string());
    // (The entry is older than five weeks, so it is not in `recent`; remove it by its id.)
    let id = match id {
        Some(id) => id,
        None => sqlx::query_scalar::<_, i64>("SELECT id FROM time_entries")
            .fetch_one(&app.db.pool)
            .await
            .expect("id")
            .to_string(),
    };
    let r = app
        .call("hours/time/delete", Some(&me), &[("id", &id)])
        .await;
    assert!(!matches!(r.status.as_u16(), 400..=599), "{r:?}");
    assert_eq!(count(&app, "time_entries").await, 0);
    let actions: Vec<String> =
        sqlx::query_scalar("SELECT action FROM time_entry_versions ORDER BY version")
            .fetch_all(&app.db.pool)
            .await
            .expect("versions");
    assert_eq!(actions, ["create", "delete"]);
    let by: Option<i64> = sqlx::query_scalar(
        "SELECT changed_by_participant FROM time_entry_versions WHERE action = 'delete'",
    )
    .fetch_one(&app.db.pool)
    .await
    .expect("by");
    assert_eq!(by, Some(s.p1.0));
}

async fn the_teaching_file_is_all_or_nothing_and_idempotent(app: TestApp) {
    seed(&app).await;
    // The third row overlaps the first within the file; nothing is stored.
    let bad = file(
        TEACHING,
        &[
            &format!("P-0001;2026-03-02;08:30;10:10;teaching;{TEACHER_A}"),
            "P-0001;2026-03-03;18:00;19:40;self_study;",
            "P-0001;2026-03-02;10:00;11:00;teaching;",
            "P-0009;2026-03-02;08:30;10:10;teaching;",
            &format!("P-0002;2026-03-02;08:30;10:10;self_study;{TEACHER_A}"),
            &format!("P-0002;2026-03-02;08:30;10:10;teaching;{MENTOR_A}"),
        ],
    );
    let r = app::import::time::import_teaching(&app.db, &bad, now(), CLI, false)
        .await
        .expect("import");
    let rows: Vec<(usize, &str)> = r.rows.iter().map(|(l, p)| (*l, p.field.as_str())).collect();
    assert_eq!(
        rows,
        [
            (4, "start"),
            (5, "participant_ref"),
            (6, "teacher_email"),
            (7, "teacher_email")
        ]
    );
    assert!(!r.committed);
    assert_eq!(count(&app, "time_entries").await, 0);
    let good = file(
        TEACHING,
        &[
            "P-0002;2026-03-02;08:30;10:10;teaching;",
            &format!("P-0001;2026-03-02;08:30;10:10;teaching;{TEACHER_A}"),
            "P-0001;2026-03-03;18:00;19:40;self_study;",
        ],
    );
    let r = app::import::time::import_teaching(&app.db, &good, now(), CLI, false)
        .await
        .expect("import");
    assert!(r.committed && r.created == 3, "{r:?}");
    let r = app::import::time::import_teaching(&app.db, &good, now(), CLI, false)
        .await
        .expect("import");
    assert_eq!((r.created, r.updated, r.unchanged), (0, 0, 3));
    // A changed end is an update that keeps the old version.
    let changed = good.replace("18:00;19:40", "18:00;20:00");
    let r = app::import::time::import_teaching(&app.db, &changed, now(), CLI, false)
        .await
        .expect("import");
    assert_eq!((r.created, r.updated, r.unchanged), (0, 1, 2));
    assert_eq!(count(&app, "time_entry_versions").await, 4);
    // The export is sorted by key and reads back unchanged.
    let out = app::import::time::export_teaching(&app.db, app::db::Whose::Everyone)
        .await
        .expect("export");
    assert_eq!(
        out,
        file(
            TEACHING,
            &[
                &format!("P-0001;2026-03-02;08:30;10:10;teaching;{TEACHER_A}"),
                "P-0001;2026-03-03;18:00;20:00;self_study;",
                "P-0002;2026-03-02;08:30;10:10;teaching;",
            ]
        )
    );
    let r = app::import::time::import_teaching(&app.db, &out, now(), CLI, false)
        .await
        .expect("import");
    assert_eq!(r.unchanged, 3);
}

async fn absences_and_the_compliance_export_follow_formats_md(app: TestApp) {
    let s = seed(&app).await;
    // P-0001 starts Monday 2026-01-12 (W03). W03: 300 taught, 200 self-study → short.
    // W04: ill all week → excused (time recorded that week still counts).
    // W05: two days off (d = 3 → 180 minutes), 180 + 180 → met.
    let time = file(
        TEACHING,
        &[
            "P-0001;2026-01-12;08:00;10:30;teaching;",
            "P-0001;2026-01-14;08:00;10:30;teaching;",
            "P-0001;2026-01-13;18:00;21:20;self_study;",
            "P-0001;2026-01-20;08:00;09:00;teaching;",
            "P-0001;2026-01-28;08:00;11:00;teaching;",
            "P-0001;2026-01-31;10:00;13:00;self_study;",
        ],
    );
    let r = app::import::time::import_teaching(&app.db, &time, now(), CLI, false)
        .await
        .expect("import");
    assert!(r.committed, "{r:?}");
    let absences = file(
        ABSENCES,
        &[
            "P-0001;2026-01-19;2026-01-23;illness;",
            "P-0001;2026-01-26;2026-01-27;parental_leave;VAB",
            "P-0001;2026-01-20;2026-01-21;illness;overlapping, counted once",
        ],
    );
    let r = app::import::time::import_absences(&app.db, &absences, CLI, false)
        .await
        .expect("import");
    assert!(r.committed && r.created == 3, "{r:?}");
    let r = app::import::time::import_absences(&app.db, &absences, CLI, false)
        .await
        .expect("import");
    assert_eq!(r.unchanged, 3, "idempotent");
    let bad = file(
        ABSENCES,
        &[
            "P-0001;2026-02-10;2026-02-09;sick;",
            "P-0404;2026-02-10;2026-02-11;other;",
        ],
    );
    let r = app::import::time::import_absences(&app.db, &bad, CLI, false)
        .await
        .expect("import");
    let rows: Vec<(usize, &str)> = r.rows.iter().map(|(l, p)| (*l, p.field.as_str())).collect();
    assert_eq!(
        rows,
        [(2, "to_date"), (2, "reason"), (3, "participant_ref")]
    );
    assert_eq!(count(&app, "absences").await, 3);
    let from = app::domain::weeks::IsoWeek::parse("2026-W02").expect("week");
    let to = app::domain::weeks::IsoWeek::parse("2026-W06").expect("week");
    let csv = app::import::time::export_compliance(&app.db, app::db::hours::Scope::All, from, to)
        .await
        .expect("export");
    // P-0002 starts 2026-02-02 (W06). No week before a start.
    assert_eq!(
        csv,
        "participant_ref;iso_week;required_minutes;teaching_minutes;self_study_minutes;teaching_shortfall;self_study_shortfall;status\n\
         P-0001;2026-W03;300;300;200;0;100;short\n\
         P-0001;2026-W04;0;60;0;0;0;excused\n\
         P-0001;2026-W05;180;180;180;0;0;met\n\
         P-0001;2026-W06;300;0;0;300;300;short\n\
         P-0002;2026-W06;300;0;0;300;300;short\n"
    );
    // The absences export reads back unchanged; the mentor sees them on the page.
    let out = app::import::time::export_absences(&app.db, app::db::Whose::Everyone)
        .await
        .expect("export");
    assert!(
        out.starts_with(&format!(
            "{ABSENCES}\nP-0001;2026-01-19;2026-01-23;illness;\n"
        )),
        "{out}"
    );
    let m = app.sign_in(MENTOR_A).await;
    let h: HoursOverview = app
        .call(
            "hours/overview",
            Some(&m),
            &[("participant", &s.p1.to_string())],
        )
        .await
        .json();
    assert_eq!(h.absences.len(), 3);
    let w05 = h
        .weeks
        .iter()
        .find(|w| w.week.to_string() == "2026-W05")
        .expect("W05");
    assert_eq!((w05.required, w05.status.as_str()), (180, "met"));
    assert_eq!(
        h.weeks[0].week.to_string(),
        "2026-W03",
        "the strip starts at the start"
    );
    // The web export and the CLI export give the same file.
    let c = app.sign_in(COORDINATOR).await;
    let web = app
        .get("/export/compliance.csv?from=2026-W02&to=2026-W06", Some(&c))
        .await;
    assert_eq!(web.body, csv);
    assert_eq!(
        app.get("/export/compliance.csv?from=2026-W02&to=2026-W06", Some(&m))
            .await
            .status,
        403
    );
    let out = Command::new(env!("CARGO_BIN_EXE_server"))
        .args([
            "export",
            "compliance",
            "--from",
            "2026-W02",
            "--to",
            "2026-W06",
        ])
        .env("DATABASE_URL", &app.url)
        .env_remove("DEMO_DATA")
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), csv);
    let out = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["export", "compliance", "--from", "2026-W54"])
        .env("DATABASE_URL", &app.url)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    // The report: one school each, W03–W06, split by gender.
    let report: ComplianceReport = app
        .call(
            "hours/report",
            Some(&c),
            &[
                ("from", "2026-W03"),
                ("to", "2026-W06"),
                ("by_gender", "true"),
            ],
        )
        .await
        .json();
    let total: Vec<(&str, u32, u32, u32, Option<u32>)> = report
        .lines
        .iter()
        .filter(|l| l.district.is_empty())
        .map(|l| {
            (
                l.gender.map_or("", |g| g.as_str()),
                l.met,
                l.short,
                l.excused,
                l.share_met,
            )
        })
        .collect();
    assert_eq!(
        total,
        [("female", 1, 2, 1, Some(333)), ("male", 0, 1, 0, Some(0))]
    );
    assert_eq!(
        app.call("hours/report", Some(&m), &[]).await.error(),
        AppError::Forbidden
    );
}

async fn the_mentor_sees_short_weeks_first(app: TestApp) {
    let s = seed(&app).await;
    // Nothing recorded: every recent week of P-0001 is short.
    let m = app.sign_in(MENTOR_A).await;
    let list: Vec<ShortWeeks> = app.call("hours/short", Some(&m), &[]).await.json();
    let refs: Vec<&str> = list.iter().map(|s| s.participant_ref.as_str()).collect();
    assert_eq!(refs, ["P-0001"], "only the mentor's own participants");
    let past: Vec<String> = list[0]
        .weeks
        .iter()
        .filter(|w| w.is_short())
        .map(|w| w.week.to_string())
        .collect();
    assert_eq!(past.len(), 4, "{past:?}");
    assert!(list[0].shortfall >= 4 * 600);
    // An absence over the last four weeks and the running one excuses them.
    let today = app::state::clock::today();
    let from = app::domain::weeks::IsoWeek::containing(today)
        .prev()
        .prev()
        .prev()
        .prev()
        .monday();
    let absence = file(
        ABSENCES,
        &[&format!(
            "P-0001;{from};{};parental_leave;",
            today + chrono::Days::new(7)
        )],
    );
    let r = app::import::time::import_absences(&app.db, &absence, CLI, false)
        .await
        .expect("import");
    assert!(r.committed, "{r:?}");
    let list: Vec<ShortWeeks> = app.call("hours/short", Some(&m), &[]).await.json();
    assert!(list.is_empty(), "{list:?}");
    let t = app.sign_in(TEACHER_A).await;
    assert_eq!(
        app.call("hours/short", Some(&t), &[]).await.error(),
        AppError::Forbidden
    );
    let _ = s;
}

async fn the_web_imports_and_exports_of_time_and_absences(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let time = file(TEACHING, &["P-0001;2026-03-02;08:30;10:10;teaching;"]);
    let id = app.upload(&c, "teaching", "f.csv", &time).await;
    let report: app::import::ImportReport = app
        .call("import/report", Some(&c), &[("id", &id)])
        .await
        .report();
    assert_eq!((report.created, report.committed), (1, false));
    assert_eq!(count(&app, "time_entries").await, 0);
    let done: app::import::ImportReport = app
        .call("import/confirm", Some(&c), &[("id", &id)])
        .await
        .report();
    assert!(done.committed);
    assert_eq!(app.get("/export/teaching.csv", Some(&c)).await.body, time);
    let absences = file(ABSENCES, &["P-0002;2026-03-02;2026-03-06;closure;Sportlov"]);
    let id = app.upload(&c, "absences", "f.csv", &absences).await;
    let done: app::import::ImportReport = app
        .call("import/confirm", Some(&c), &[("id", &id)])
        .await
        .report();
    assert!(done.committed && done.created == 1, "{done:?}");
    assert_eq!(
        app.get("/export/absences.csv", Some(&c)).await.body,
        absences
    );
    let m = app.sign_in(MENTOR_A).await;
    assert_eq!(app.get("/export/teaching.csv", Some(&m)).await.status, 403);
    assert_eq!(app.get("/export/absences.csv", Some(&m)).await.status, 403);
}

fn cli(app: &TestApp, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("DATABASE_URL", &app.url)
        .env_remove("DEMO_DATA")
        .output()
        .expect("run the server binary")
}

async fn the_command_line_imports_time_and_sets_the_minimum(app: TestApp) {
    let s = seed(&app).await;
    let dir = std::env::temp_dir().join(format!("spraktrappan-hours-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let bad = dir.join(format!("bad-{}.csv", app.url.len()));
    std::fs::write(
        &bad,
        file(TEACHING, &["P-0001;2026-03-02;10:00;09:00;teaching;"]),
    )
    .expect("write");
    let out = cli(&app, &["import", "teaching", bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "line 2, column end, value \"09:00\": The end time must be after the start time."
        ),
        "{err}"
    );
    let good = dir.join(format!("good-{}.csv", app.url.len()));
    std::fs::write(
        &good,
        file(ABSENCES, &["P-0001;2026-03-02;2026-03-03;illness;"]),
    )
    .expect("write");
    let out = cli(&app, &["import", "absences", good.to_str().expect("path")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cli(&app, &["export", "absences"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        file(ABSENCES, &["P-0001;2026-03-02;2026-03-03;illness;"])
    );
    // A programme with a four-hour minimum: a four-hour plan is accepted.
    assert_eq!(
        cli(&app, &["setting", "weekly_minimum", "four"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        cli(&app, &["setting", "weekly_minimum", "240"])
            .status
            .code(),
        Some(0)
    );
    let c = app.sign_in(COORDINATOR).await;
    let plan = plan_form(
        s.p1.0,
        &[("1", "08:00", "10:00"), ("3", "08:00", "10:00")],
        "240",
    );
    let reply = app.call("hours/plan", Some(&c), &pairs(&plan)).await;
    assert!(!matches!(reply.status.as_u16(), 400..=599), "{reply:?}");
    assert_eq!(count(&app, "weekly_plans").await, 1);
}

/// Dates and times are Stockholm's, whatever the server's zone (the tests run in UTC).
async fn the_day_and_the_hour_are_stockholms(app: TestApp) {
    use chrono::TimeZone;
    let s = seed(&app).await;
    let me = app.sign_in_participant(&s.p1_code).await;
    let pid = s.p1.to_string();
    // 07:30 UTC on Tuesday 10 March 2026 is 08:30 in Stockholm (UTC+1).
    let instant = chrono::Utc.with_ymd_and_hms(2026, 3, 10, 7, 30, 0).single();
    app.clock.set(instant.expect("a valid instant"));
    let record = |end: &'static str| {
        let form = [
            ("participant", pid.as_str()),
            ("kind", "self_study"),
            ("date", "2026-03-10"),
            ("start", "07:40"),
            ("end", end),
        ];
        let (app, me) = (&app, me.clone());
        async move { app.call("hours/time", Some(&me), &form).await }
    };
    // Ended at 08:15 Stockholm time: in the past, though 08:15 UTC is still to come.
    let r = record("08:15").await;
    assert!(!matches!(r.status.as_u16(), 400..=599), "{r:?}");
    // Ending at 08:45 Stockholm time is in the future.
    let p = problems(record("08:45").await.error());
    assert!(
        matches!(&p[..], [(f, Problem::Time(t))] if f == "end" && **t == TimeProblem::TimeInFuture),
        "{p:?}"
    );
    // Just after midnight in Stockholm (23:30 UTC) it is already the next day and ISO week.
    let instant = chrono::Utc
        .with_ymd_and_hms(2026, 3, 15, 23, 30, 0)
        .single();
    app.clock.set(instant.expect("a valid instant"));
    let h: HoursOverview = app
        .call("hours/overview", Some(&me), &[("participant", &pid)])
        .await
        .json();
    assert_eq!(h.today.to_string(), "2026-03-16");
    let running = h
        .weeks
        .iter()
        .find(|w| w.current)
        .map(|w| w.week.to_string());
    assert_eq!(running.as_deref(), Some("2026-W12"));
}

/// The latest change a stale removal or plan is refused with: (field, by, value).
fn changed_by(e: AppError) -> (String, String, String) {
    match e.problems() {
        [p] => match &p.problem {
            Problem::ChangedBy(m) => (p.field.clone(), m.by.clone(), m.value.clone()),
            other => panic!("not a change made meanwhile: {other:?}"),
        },
        other => panic!("expected one problem, got {other:?}"),
    }
}

/// A removal from a page that showed an older version of a time entry or an absence, and a plan
/// based on an older newest plan, are refused with who changed it and what it says now; the
/// current version goes through.
async fn stale_removals_and_plans_are_refused(app: TestApp) {
    let s = seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let m = app.sign_in(MENTOR_A).await;
    let pid = s.p1.to_string();
    let time = |end: &'static str| {
        vec![
            ("participant", pid.as_str()),
            ("kind", "self_study"),
            ("date", "2026-03-03"),
            ("start", "18:00"),
            ("end", end),
        ]
    };
    assert!(app
        .call("hours/time", Some(&c), &time("19:00"))
        .await
        .status
        .is_success());
    assert!(app
        .call("hours/time", Some(&m), &time("19:30"))
        .await
        .status
        .is_success());
    let id: i64 = sqlx::query_scalar("SELECT id FROM time_entries")
        .fetch_one(&app.db.pool)
        .await
        .expect("id");
    let id = id.to_string();
    let stale = app
        .call(
            "hours/time/delete",
            Some(&c),
            &[("id", &id), ("version", "1")],
        )
        .await
        .error();
    assert_eq!(
        changed_by(stale),
        (
            "version".into(),
            "Mona Mentor".into(),
            "2026-03-03 18:00–19:30".into()
        )
    );
    assert_eq!(count(&app, "time_entries").await, 1);
    let ok = app
        .call(
            "hours/time/delete",
            Some(&c),
            &[("id", &id), ("version", "2")],
        )
        .await;
    assert!(
        ok.status.is_success() || ok.status.is_redirection(),
        "{ok:?}"
    );
    assert_eq!(count(&app, "time_entries").await, 0);

    let absence = |to: &'static str| {
        vec![
            ("participant", pid.as_str()),
            ("from_date", "2026-04-06"),
            ("to_date", to),
            ("reason", "illness"),
        ]
    };
    assert!(app
        .call("hours/absence", Some(&m), &absence("2026-04-10"))
        .await
        .status
        .is_success());
    assert!(app
        .call("hours/absence", Some(&c), &absence("2026-04-09"))
        .await
        .status
        .is_success());
    let aid: i64 = sqlx::query_scalar("SELECT id FROM absences")
        .fetch_one(&app.db.pool)
        .await
        .expect("id");
    let aid = aid.to_string();
    let stale = app
        .call(
            "hours/absence/delete",
            Some(&m),
            &[("id", &aid), ("version", "1")],
        )
        .await
        .error();
    assert_eq!(
        changed_by(stale),
        (
            "version".into(),
            "Cora Coordinator".into(),
            "2026-04-06 – 2026-04-09".into()
        )
    );
    let ok = app
        .call(
            "hours/absence/delete",
            Some(&m),
            &[("id", &aid), ("version", "2")],
        )
        .await;
    assert!(
        ok.status.is_success() || ok.status.is_redirection(),
        "{ok:?}"
    );
    assert_eq!(count(&app, "absences").await, 0);

    let blocks = [
        ("1", "08:30", "10:10"),
        ("3", "08:30", "10:10"),
        ("5", "08:30", "10:10"),
    ];
    let plan = |based_on: &str| {
        let mut f = plan_form(s.p1.0, &blocks, "300");
        f.push(("based_on".into(), based_on.into()));
        f
    };
    let first = app.call("hours/plan", Some(&c), &pairs(&plan("0"))).await;
    assert!(
        first.status.is_success() || first.status.is_redirection(),
        "{first:?}"
    );
    let stale = app
        .call("hours/plan", Some(&m), &pairs(&plan("0")))
        .await
        .error();
    let (field, by, value) = changed_by(stale);
    assert_eq!(
        (field.as_str(), by.as_str()),
        ("valid_from", "Cora Coordinator")
    );
    assert!(value.contains("2026-03-02"), "{value}");
    assert_eq!(count(&app, "weekly_plans").await, 1);
    let newest: i64 = sqlx::query_scalar("SELECT MAX(id) FROM weekly_plans")
        .fetch_one(&app.db.pool)
        .await
        .expect("id");
    let ok = app
        .call("hours/plan", Some(&m), &pairs(&plan(&newest.to_string())))
        .await;
    assert!(
        ok.status.is_success() || ok.status.is_redirection(),
        "{ok:?}"
    );
    assert_eq!(count(&app, "weekly_plans").await, 2);
}

crate::on_both_engines! {
    stale_changes => super::stale_removals_and_plans_are_refused;
    the_clock_is_stockholms => super::the_day_and_the_hour_are_stockholms;
    cli_files_and_setting => super::the_command_line_imports_time_and_sets_the_minimum;
    web_files => super::the_web_imports_and_exports_of_time_and_absences;
    plans_cannot_fall_under_the_minimum => super::a_plan_under_the_minimum_is_refused_and_the_old_plan_kept;
    registers_store_once => super::a_teacher_takes_a_register_once;
    time_is_validated_with_history => super::recorded_time_is_validated_and_kept_in_history;
    teaching_files_all_or_nothing => super::the_teaching_file_is_all_or_nothing_and_idempotent;
    absences_and_compliance => super::absences_and_the_compliance_export_follow_formats_md;
    mentors_see_short_weeks => super::the_mentor_sees_short_weeks_first;
}
