//! The authorisation matrix: every server function × every role × own / someone else's
//! participant. Kept complete by a test that finds every `#[server]` endpoint in the source.

use std::collections::BTreeSet;

use app::error::AppError;

use crate::common::{date, seed, Reply, Seed, TestApp, COORDINATOR, MENTOR_A, MENTOR_B, TEACHER_A};

/// Endpoints anyone may call (signing in and out, the language, who am I).
const PUBLIC: [&str; 6] = [
    "assessment/waiting",
    "auth/me",
    "auth/sign-in",
    "auth/tablet-sign-in",
    "auth/sign-out",
    "language",
];

/// Every guarded endpoint of the matrix.
pub(crate) const GUARDED: [&str; 77] = [
    "home",
    "auth/password",
    "participants/list",
    "participants/get",
    "me",
    "participants/create",
    "participants/update",
    "participants/pin",
    "register/options",
    "schools/create",
    "staff/list",
    "staff/create",
    "staff/standing",
    "staff/reset-password",
    // Before groups/add and groups/remove, which change who teaches whom.
    "sfi/results",
    "sfi/create",
    "sfi/correct",
    "sfi/grid",
    "sfi/grid/save",
    "sfi/delete",
    "assessment/home",
    "assessment/start",
    "assessment/skill",
    "assessment/answer",
    "assessment/deliver",
    "assessment/finish",
    "assessment/submit",
    "assessment/list",
    "assessment/draft",
    "assessment/comment",
    "hours/overview",
    "hours/plan",
    "hours/time",
    "hours/time/delete",
    "hours/absence",
    "hours/absence/delete",
    "hours/register",
    "hours/register/save",
    "hours/short",
    "hours/report",
    "hours/plan-gaps",
    "calendar/list",
    "calendar/save",
    "calendar/delete",
    "ladder/participant",
    "ladder/dashboard",
    "ladder/passport",
    "binder/outcome",
    "binder/outcome/save",
    "binder/outcome/remove",
    "binder/steps",
    "binder/steps/save",
    "binder/steps/definitions",
    "languages/overview",
    "languages/participant",
    "languages/participant/set",
    "binder/steps/define",
    "mentoring/view",
    "mentoring/placement/save",
    "mentoring/talk/schedule",
    "mentoring/talk/record",
    "mentoring/talk/cancel",
    "mentoring/checkpoint",
    "groups/list",
    "groups/get",
    "groups/create",
    "groups/add",
    "groups/remove",
    "import/report",
    "import/confirm",
    "audit/log",
    "audit/mine",
    "privacy/target",
    "privacy/erase",
    "privacy/overview",
    "binder/indicators",
    "binder/indicators/targets",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Anonymous,
    Coordinator,
    Mentor,
    Teacher,
    Participant,
}

/// The other kind of a function whose rule depends on what it records: `hours/time` and its
/// removal are in `GUARDED` for self-study, here for taught time (checked first, while the
/// teachers still teach their groups).
const KINDS: [&str; 2] = ["hours/time#teaching", "hours/time/delete#teaching"];

/// The participant's own self-assessment functions (no participant argument).
fn is_tablet_only(endpoint: &str) -> bool {
    matches!(
        endpoint,
        "assessment/home"
            | "audit/mine"
            | "assessment/start"
            | "assessment/skill"
            | "assessment/answer"
            | "assessment/deliver"
            | "assessment/finish"
            | "assessment/submit"
    )
}

/// The rule, written out: may `who` call `endpoint` on their own (or someone else's) participant?
fn expected(endpoint: &str, who: Who, own: bool) -> bool {
    if endpoint.ends_with("#teaching") {
        // Taught time: coordinators, and the teachers of the participant's groups.
        return who == Who::Coordinator || (who == Who::Teacher && own);
    }
    match who {
        Who::Anonymous => false,
        // The dashboard is the mentor's own start page.
        Who::Coordinator => {
            endpoint != "me" && endpoint != "ladder/dashboard" && !is_tablet_only(endpoint)
        }
        Who::Mentor => {
            matches!(
                endpoint,
                "home"
                    | "auth/password"
                    | "participants/list"
                    | "register/options"
                    | "hours/short"
                    | "hours/plan-gaps"
                    | "calendar/list"
                    | "ladder/dashboard"
            ) || (own
                && matches!(
                    endpoint,
                    "participants/get"
                        | "participants/pin"
                        | "languages/participant"
                        | "languages/participant/set"
                        | "sfi/results"
                        | "assessment/list"
                        | "assessment/draft"
                        | "assessment/comment"
                        | "hours/overview"
                        | "hours/plan"
                        | "hours/time"
                        | "hours/time/delete"
                        | "hours/absence"
                        | "hours/absence/delete"
                        | "ladder/participant"
                        | "ladder/passport"
                        | "binder/outcome"
                        | "binder/outcome/save"
                        | "binder/outcome/remove"
                        | "binder/steps"
                        | "binder/steps/save"
                        | "mentoring/view"
                        | "mentoring/placement/save"
                        | "mentoring/talk/schedule"
                        | "mentoring/talk/record"
                        | "mentoring/talk/cancel"
                        | "mentoring/checkpoint"
                ))
        }
        Who::Teacher => {
            matches!(
                endpoint,
                "home"
                    | "auth/password"
                    | "participants/list"
                    | "register/options"
                    | "groups/list"
                    | "calendar/list"
            ) || (own
                && matches!(
                    endpoint,
                    "participants/get"
                        | "groups/get"
                        | "sfi/results"
                        | "sfi/create"
                        | "sfi/correct"
                        | "sfi/grid"
                        | "sfi/grid/save"
                        | "assessment/list"
                        | "assessment/draft"
                        | "assessment/comment"
                        | "hours/overview"
                        | "hours/register"
                        | "hours/register/save"
                        | "ladder/participant"
                        | "ladder/passport"
                        | "binder/outcome"
                        | "binder/steps"
                        | "mentoring/view"
                ))
        }
        Who::Participant => {
            // The tablet's own functions act on the signed-in participant only.
            // A delivery names the participant it was given for: only their own session.
            endpoint == "me"
                || (is_tablet_only(endpoint) && (endpoint != "assessment/deliver" || own))
                || (own
                    && matches!(
                        endpoint,
                        "participants/get"
                            | "sfi/results"
                            | "assessment/list"
                            | "assessment/draft"
                            | "hours/overview"
                            | "hours/time"
                            | "hours/time/delete"
                            | "ladder/participant"
                            | "ladder/passport"
                            | "binder/outcome"
                            | "binder/steps"
                            | "mentoring/view"
                    ))
        }
    }
}

pub(crate) fn form(
    endpoint: &str,
    s: &Seed,
    own: bool,
    group_b: i64,
    results: (i64, i64),
    assessments: (i64, i64),
    fixture: i64,
) -> Vec<(String, String)> {
    let (pid, pref, group, mentor, result, assessment) = if own {
        (
            s.p1.0,
            "P-0001",
            s.group_a.0,
            MENTOR_A,
            results.0,
            assessments.0,
        )
    } else {
        (
            s.p2.0,
            "P-0002",
            group_b,
            MENTOR_B,
            results.1,
            assessments.1,
        )
    };
    let sfi = |prefix: &str| {
        [
            ("participant_ref", ""),
            ("test_date", "2026-09-01"),
            ("occasion", "start"),
            ("course", "B"),
            ("grade_scale", "ig_g_vg"),
            ("grade", "G"),
        ]
        .iter()
        .map(|(k, v)| (format!("{prefix}[{k}]"), (*v).to_owned()))
        .collect::<Vec<_>>()
    };
    let v = |pairs: &[(&str, String)]| {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    };
    let raw = |prefix: &str| {
        vec![
            (format!("{prefix}[participant_ref]"), pref.to_owned()),
            (format!("{prefix}[given_name]"), "Same".to_owned()),
            (format!("{prefix}[family_name]"), "Person".to_owned()),
            (format!("{prefix}[gender]"), "female".to_owned()),
            (format!("{prefix}[school]"), "Farstaskolan".to_owned()),
            (format!("{prefix}[district]"), "Farsta".to_owned()),
            (format!("{prefix}[start_date]"), "2026-01-12".to_owned()),
            (format!("{prefix}[planned_terms]"), "2".to_owned()),
            (format!("{prefix}[mentor_email]"), mentor.to_owned()),
        ]
    };
    match endpoint {
        "participants/list" => v(&[("filter[q]", String::new()), ("filter[page]", "1".into())]),
        "participants/get" => v(&[("id", pid.to_string())]),
        "participants/create" => {
            let mut f = raw("raw");
            f[0].1 = format!("NEW-{pid}");
            f
        }
        "participants/update" => {
            let mut f = raw("raw");
            f.push(("id".into(), pid.to_string()));
            f.push(("status".into(), "active".into()));
            f.push(("end_date".into(), String::new()));
            f.push(("version".into(), "0".into()));
            f
        }
        "participants/pin" => v(&[("id", pid.to_string()), ("pin", "583920".into())]),
        "languages/participant" => v(&[("id", pid.to_string())]),
        "languages/participant/set" => v(&[("id", pid.to_string()), ("lang", "ti".into())]),
        "schools/create" => v(&[
            ("name", format!("Skola {pid}")),
            ("district", "Farsta".into()),
        ]),
        "staff/create" => v(&[
            ("email", format!("new{pid}@test.se")),
            ("display_name", "New Person".into()),
            ("role", "mentor".into()),
            ("password", "long enough password".into()),
        ]),
        "groups/get" => v(&[("id", group.to_string())]),
        "groups/create" => v(&[
            ("name", format!("Group {pid}")),
            ("teacher", s.teacher_a.0.to_string()),
        ]),
        "groups/add" => v(&[
            ("group", group.to_string()),
            ("participant_ref", pref.into()),
        ]),
        "groups/remove" => v(&[
            ("group", group.to_string()),
            ("participant", pid.to_string()),
        ]),
        "import/report" | "import/confirm" => v(&[("id", "999999".into())]),
        "audit/log" | "privacy/target" | "binder/outcome" | "binder/steps" | "mentoring/view" => {
            v(&[("participant", pid.to_string())])
        }
        // A date that is not one: allowed through, refused on the field, nothing stored (a
        // stored outcome would end the participant's sessions).
        "binder/outcome/save" => v(&[
            ("participant", pid.to_string()),
            ("exit_date", "not a date".into()),
            ("completion", "completed".into()),
            ("activity", "work".into()),
            ("self_sufficiency", "full".into()),
        ]),
        // A date that is not one: allowed through, refused on the field, nothing stored.
        "binder/steps/save" => v(&[
            ("participant", pid.to_string()),
            ("ladder", "work".into()),
            ("step", "introduced".into()),
            ("reached_date", "not a date".into()),
        ]),
        // Values that are not ones: allowed through, refused on the field, nothing stored.
        "mentoring/placement/save" => v(&[
            ("participant", pid.to_string()),
            ("raw[workplace]", "Farstaskolan".into()),
            ("raw[role]", "not a role".into()),
        ]),
        "mentoring/talk/schedule" => v(&[
            ("participant", pid.to_string()),
            ("talk_date", "not a date".into()),
        ]),
        "mentoring/talk/record" => v(&[
            ("participant", pid.to_string()),
            ("raw[talk_date]", "not a date".into()),
        ]),
        "mentoring/checkpoint" => v(&[
            ("participant", pid.to_string()),
            ("decided_on", "not a date".into()),
            ("terms", "3".into()),
            ("reason", "More SFI".into()),
        ]),
        // The default name of a default step, set again: allowed through, nothing changes.
        "binder/steps/define" => v(&[("ladder", "work".into()), ("code", "introduced".into())]),
        // No such talk: allowed through, not found.
        "mentoring/talk/cancel" => v(&[
            ("participant", pid.to_string()),
            ("talk", "999999".into()),
            ("version", "1".into()),
        ]),
        // No outcome to remove: allowed through, not found.
        "binder/outcome/remove" => v(&[("participant", pid.to_string()), ("version", "1".into())]),
        // The wrong reference typed: allowed through, refused on the field, nothing erased.
        "privacy/erase" => v(&[
            ("participant", pid.to_string()),
            ("confirm", "not the reference".into()),
        ]),
        "calendar/save" => v(&[
            ("scope", "district".into()),
            ("name", "Farsta".into()),
            ("from_date", "2026-10-26".into()),
            ("to_date", "2026-10-30".into()),
            ("reason", "holiday".into()),
        ]),
        "calendar/delete" => v(&[("id", "999999".into()), ("version", "1".into())]),
        // A wrong current password: allowed through, refused on the field, nothing changes.
        "auth/password" => v(&[
            ("current", "not the current password".into()),
            ("new", "a brand new password".into()),
            ("repeat", "a brand new password".into()),
        ]),
        "staff/reset-password" => v(&[("user", s.teacher_b.0.to_string())]),
        // Teacher B keeps the standing they have: the call changes nothing.
        "staff/standing" => v(&[
            ("user", s.teacher_b.0.to_string()),
            ("active", "true".into()),
            ("role", "teacher".into()),
        ]),
        "sfi/results" => v(&[("participant", pid.to_string())]),
        "sfi/create" => {
            let mut f = sfi("raw");
            f.push(("participant".into(), pid.to_string()));
            f
        }
        "sfi/correct" => {
            let mut f = sfi("raw");
            f.push(("id".into(), result.to_string()));
            f.push(("version".into(), "1".into()));
            f
        }
        "sfi/delete" => v(&[("id", result.to_string()), ("version", "1".into())]),
        "assessment/start" => v(&[("occasion", "start".into())]),
        "assessment/skill" => v(&[("skill", "listening".into()), ("lang", "en".into())]),
        "assessment/answer" => v(&[
            ("skill", "listening".into()),
            ("index", "0".into()),
            ("statement", "L-PA1-1".into()),
            ("answer", "can_do".into()),
        ]),
        "assessment/deliver" => v(&[
            ("key", "matrix-key-0001".into()),
            ("owner", pid.to_string()),
            ("skill", "listening".into()),
            ("index", "0".into()),
            ("statement", "L-PA1-1".into()),
            ("answer", "can_do".into()),
        ]),
        "assessment/list" | "assessment/draft" => v(&[("participant", pid.to_string())]),
        "assessment/comment" => v(&[
            ("assessment", assessment.to_string()),
            ("body", "Good progress".into()),
        ]),
        "sfi/grid" => v(&[("group", group.to_string())]),
        "hours/overview" | "ladder/participant" | "ladder/passport" => {
            v(&[("participant", pid.to_string())])
        }
        "hours/plan" => {
            let mut f = v(&[
                ("participant", pid.to_string()),
                ("valid_from", "2026-03-02".into()),
                ("self_study_minutes", "300".into()),
            ]);
            for (i, day) in ["1", "3", "5"].iter().enumerate() {
                f.push((format!("blocks[{i}][weekday]"), (*day).to_owned()));
                f.push((format!("blocks[{i}][start]"), "08:30".to_owned()));
                f.push((format!("blocks[{i}][end]"), "10:10".to_owned()));
                f.push((format!("blocks[{i}][teacher_email]"), String::new()));
            }
            f
        }
        "hours/time#teaching" => v(&[
            ("participant", pid.to_string()),
            ("kind", "teaching".into()),
            ("date", "2026-03-05".into()),
            ("start", "08:30".into()),
            ("end", "10:00".into()),
        ]),
        "hours/time" => v(&[
            ("participant", pid.to_string()),
            ("kind", "self_study".into()),
            ("date", "2026-03-04".into()),
            ("start", "18:00".into()),
            ("end", "19:00".into()),
        ]),
        "hours/time/delete" | "hours/time/delete#teaching" | "hours/absence/delete" => {
            v(&[("id", fixture.to_string())])
        }
        "hours/absence" => v(&[
            ("participant", pid.to_string()),
            ("from_date", "2026-04-06".into()),
            ("to_date", "2026-04-10".into()),
            ("reason", "illness".into()),
        ]),
        "hours/register" => v(&[("group", group.to_string()), ("date", "2026-03-02".into())]),
        "hours/register/save" => v(&[
            ("group", group.to_string()),
            ("date", "2026-03-02".into()),
            ("start", "08:30".into()),
            ("end", "10:10".into()),
            ("present[0]", pref.into()),
        ]),
        "sfi/grid/save" => {
            let mut f = sfi("rows[0]");
            f[0].1 = pref.to_owned();
            f.push(("group".into(), group.to_string()));
            f.push(("test_date".into(), "2026-10-01".into()));
            f.push(("teacher_email".into(), String::new()));
            f
        }
        _ => vec![],
    }
}

/// Records (again) an entry of `kind` (`self_study` or `teaching`) of `p` and returns its id.
async fn time_fixture(app: &TestApp, p: app::domain::ids::ParticipantId, kind: &str) -> i64 {
    use app::domain::time_record::{RawTimeEntry, TimeRecord};
    let r = app::db::participants::get(&app.db, p).await.expect("p");
    let raw = RawTimeEntry {
        participant_ref: r.participant_ref,
        // Each kind on its own day, so that the two never overlap.
        date: if kind == "teaching" {
            "2026-03-06"
        } else {
            "2026-03-03"
        }
        .into(),
        start: "18:00".into(),
        end: "19:00".into(),
        kind: kind.into(),
        teacher_email: String::new(),
    };
    let now = app::state::clock::now();
    let record = TimeRecord::validate(&raw, now).expect("valid");
    let mut tx = app.db.begin().await.expect("tx");
    let who = app::db::hours::Recorder {
        source: "cli",
        user: None,
        participant: None,
    };
    let saved = app::db::hours::save_time(&mut tx, p, &record, None, who)
        .await
        .expect("save");
    tx.commit().await.expect("commit");
    match saved {
        app::db::hours::Saved::Created(id)
        | app::db::hours::Saved::Updated(id)
        | app::db::hours::Saved::Unchanged(id) => id.0,
    }
}

/// Records (again) an absence of `p` from 2026-05-04 and returns its id.
async fn absence_fixture(app: &TestApp, p: app::domain::ids::ParticipantId) -> i64 {
    use app::domain::time_record::{AbsenceRecord, RawAbsence};
    let r = app::db::participants::get(&app.db, p).await.expect("p");
    let record = AbsenceRecord::validate(&RawAbsence {
        participant_ref: r.participant_ref,
        from_date: "2026-05-04".into(),
        to_date: "2026-05-05".into(),
        reason: "other".into(),
        note: String::new(),
    })
    .expect("valid");
    let mut tx = app.db.begin().await.expect("tx");
    let who = app::db::hours::Recorder {
        source: "cli",
        user: None,
        participant: None,
    };
    let saved = app::db::hours::save_absence(&mut tx, p, &record, who)
        .await
        .expect("save");
    tx.commit().await.expect("commit");
    match saved {
        app::db::hours::Saved::Created(id)
        | app::db::hours::Saved::Updated(id)
        | app::db::hours::Saved::Unchanged(id) => id.0,
    }
}

/// Whether the reply passed authorisation (it may still fail for another reason, e.g. not found).
/// How many refusals the access log holds.
async fn refusals_logged(app: &TestApp) -> usize {
    use app::domain::access_log::{AccessEvent, LogSubject};
    app::db::access_log::list(&app.db, LogSubject::All, 0, i64::MAX, 1_000_000)
        .await
        .expect("the access log")
        .iter()
        .filter(|e| e.event == AccessEvent::Refused)
        .count()
}

fn allowed(reply: &Reply) -> bool {
    if reply.status.is_success() {
        return true;
    }
    !matches!(reply.error(), AppError::Forbidden | AppError::NotSignedIn)
}

async fn matrix(app: TestApp) {
    let s = seed(&app).await;
    let group_b = app::db::groups::list(&app.db, Some(s.teacher_b))
        .await
        .expect("groups")[0]
        .id
        .0;
    let file = "participant_ref;test_date;occasion;course;grade_scale;grade\n\
                P-0001;2026-03-02;start;B;ig_g_vg;G\n\
                P-0002;2026-03-02;start;B;ig_g_vg;G\n";
    let who = app::db::participants::ChangeSource {
        source: "cli",
        by: None,
    };
    let today = app::state::clock::today();
    let report = app::import::sfi::import_file(&app.db, file, today, who, false)
        .await
        .expect("import");
    assert!(report.committed, "{report:?}");
    let result_of = |p: app::domain::ids::ParticipantId| {
        let db = app.db.clone();
        async move {
            app::db::sfi::for_participant(&db, p)
                .await
                .expect("results")[0]
                .id
                .0
        }
    };
    let results = (result_of(s.p1).await, result_of(s.p2).await);
    let submitted = |p: app::domain::ids::ParticipantId| {
        let db = app.db.clone();
        async move {
            let d = app::db::assessments::start_draft(
                &db,
                p,
                app::domain::cefr::Occasion::Start,
                date("2026-03-02"),
                "v1",
                "tablet",
            )
            .await
            .expect("draft");
            app::db::assessments::submit(&db, d.id, &[], "80 %", date("2026-03-02"))
                .await
                .expect("submit");
            d.id
        }
    };
    let assessments = (submitted(s.p1).await, submitted(s.p2).await);
    let mut sessions = [
        (Who::Anonymous, None),
        (Who::Coordinator, Some(app.sign_in(COORDINATOR).await)),
        (Who::Mentor, Some(app.sign_in(MENTOR_A).await)),
        (Who::Teacher, Some(app.sign_in(TEACHER_A).await)),
        (
            Who::Participant,
            Some(app.sign_in_participant(&s.p1_code).await),
        ),
    ];
    let mut wrong = vec![];
    for endpoint in KINDS.iter().chain(GUARDED.iter()) {
        let endpoint = *endpoint;
        for own in [true, false] {
            for i in 0..sessions.len() {
                let (who, session) = &sessions[i];
                let p = if own { s.p1 } else { s.p2 };
                // Deleting needs something to delete each time: the same entry (or absence) is
                // recorded again before every call.
                let fixture = match endpoint {
                    "hours/time/delete" => time_fixture(&app, p, "self_study").await,
                    "hours/time/delete#teaching" => time_fixture(&app, p, "teaching").await,
                    "hours/absence/delete" => absence_fixture(&app, p).await,
                    _ => 0,
                };
                let f = form(endpoint, &s, own, group_b, results, assessments, fixture);
                let pairs: Vec<(&str, &str)> =
                    f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                let function = endpoint.split('#').next().unwrap_or(endpoint);
                let refusals_before = refusals_logged(&app).await;
                let reply = app.call(function, session.as_deref(), &pairs).await;
                let got = allowed(&reply);
                // Every refusal is in the access log (issue 17).
                if !reply.status.is_success()
                    && matches!(reply.error(), AppError::Forbidden)
                    && refusals_logged(&app).await == refusals_before
                {
                    wrong.push(format!(
                        "{endpoint} as {who:?}: refused but not in the access log"
                    ));
                }
                if got != expected(endpoint, *who, own) {
                    wrong.push(format!(
                        "{endpoint} as {who:?} on {} participant: allowed={got}, expected {} ({} {})",
                        if own { "own" } else { "other" },
                        !got,
                        reply.status,
                        reply.body
                    ));
                }
                // A new PIN ends the participant's sessions: give back the known PIN and sign
                // the participant in again for the rest of the matrix.
                if endpoint == "participants/pin" && got {
                    let hash = app::auth::password::hash(crate::common::PIN.into())
                        .await
                        .expect("hash");
                    let by = app::db::participants::ChangeSource {
                        source: "cli",
                        by: None,
                    };
                    for p in [s.p1, s.p2] {
                        app::db::participants::set_pin_hash(&app.db, p, &hash, by)
                            .await
                            .expect("pin");
                    }
                    sessions[4].1 = Some(app.sign_in_participant(&s.p1_code).await);
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "authorisation matrix broken:\n{}",
        wrong.join("\n")
    );
}

async fn lists_contain_only_what_each_role_may_see(app: TestApp) {
    let s = seed(&app).await;
    let refs = |reply: Reply| -> Vec<String> {
        let page: app::domain::paging::Page<app::dto::ParticipantSummary> = reply.json();
        page.items.into_iter().map(|p| p.participant_ref).collect()
    };
    let filter = [("filter[q]", ""), ("filter[page]", "1")];
    let coordinator = app.sign_in(COORDINATOR).await;
    assert_eq!(
        refs(
            app.call("participants/list", Some(&coordinator), &filter)
                .await
        ),
        ["P-0001", "P-0002"]
    );
    let mentor = app.sign_in(MENTOR_A).await;
    assert_eq!(
        refs(app.call("participants/list", Some(&mentor), &filter).await),
        ["P-0001"]
    );
    let teacher = app.sign_in(TEACHER_A).await;
    assert_eq!(
        refs(app.call("participants/list", Some(&teacher), &filter).await),
        ["P-0001"]
    );
    let _ = s;
}

/// Every `participant_ref` anywhere in a JSON answer.
fn refs_in(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("participant_ref", serde_json::Value::String(r)) => out.push(r.clone()),
                    _ => refs_in(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| refs_in(v, out)),
        _ => {}
    }
}

/// The allowed side of the matrix gets the data it asked for and nobody else's: each reader of
/// P-0001 gets P-0001's record, results, passport and group, and the lists a mentor or a
/// teacher gets hold only their own participants.
async fn the_allowed_side_gets_the_right_data(app: TestApp) {
    let s = seed(&app).await;
    let file = "participant_ref;test_date;occasion;course;grade_scale;grade\n\
                P-0001;2026-03-02;start;B;ig_g_vg;G\n\
                P-0002;2026-03-02;start;B;ig_g_vg;VG\n";
    let who = app::db::participants::ChangeSource {
        source: "cli",
        by: None,
    };
    let today = app::state::clock::today();
    let report = app::import::sfi::import_file(&app.db, file, today, who, false)
        .await
        .expect("import");
    assert!(report.committed, "{report:?}");
    let readers = [
        ("coordinator", app.sign_in(COORDINATOR).await),
        ("mentor", app.sign_in(MENTOR_A).await),
        ("teacher", app.sign_in(TEACHER_A).await),
        ("participant", app.sign_in_participant(&s.p1_code).await),
    ];
    let p1 = s.p1.0.to_string();
    let reads: [(&str, (&str, &str)); 5] = [
        ("participants/get", ("id", &p1)),
        ("sfi/results", ("participant", &p1)),
        ("ladder/passport", ("participant", &p1)),
        ("hours/overview", ("participant", &p1)),
        ("binder/outcome", ("participant", &p1)),
    ];
    let mut wrong = vec![];
    for (role, session) in &readers {
        for (endpoint, arg) in reads {
            let reply = app.call(endpoint, Some(session), &[arg]).await;
            assert!(
                reply.status.is_success(),
                "{endpoint} as {role}: {}",
                reply.body
            );
            let json: serde_json::Value = serde_json::from_str(&reply.body).expect("a JSON answer");
            let mut refs = vec![];
            refs_in(&json, &mut refs);
            let about_p1 = if endpoint == "hours/overview" || endpoint == "binder/outcome" {
                json["participant"] == serde_json::json!(s.p1.0)
            } else {
                !refs.is_empty() && refs.iter().all(|r| r == "P-0001")
            };
            if !about_p1 {
                wrong.push(format!("{endpoint} as {role}: {refs:?} {}", reply.body));
            }
        }
    }
    // Lists: only one's own participants, and something of them.
    let (mentor, teacher) = (&readers[1].1, &readers[2].1);
    let lists = [
        ("ladder/dashboard", mentor, vec![]),
        ("groups/get", teacher, vec![("id", s.group_a.0.to_string())]),
        ("home", mentor, vec![]),
        ("home", teacher, vec![]),
    ];
    for (endpoint, session, args) in &lists {
        let pairs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let reply = app.call(endpoint, Some(session), &pairs).await;
        assert!(reply.status.is_success(), "{endpoint}: {}", reply.body);
        let json: serde_json::Value = serde_json::from_str(&reply.body).expect("JSON");
        let mut refs = vec![];
        refs_in(&json, &mut refs);
        if refs.iter().any(|r| r != "P-0001") {
            wrong.push(format!(
                "{endpoint}: someone else's participant in {refs:?}"
            ));
        }
        if *endpoint != "home" && refs.is_empty() {
            wrong.push(format!("{endpoint}: the own participant is missing"));
        }
    }
    let groups: Vec<app::dto::Group> = app.call("groups/list", Some(teacher), &[]).await.json();
    if groups.iter().map(|g| g.id).collect::<Vec<_>>() != [s.group_a] {
        wrong.push(format!("groups/list of teacher A: {groups:?}"));
    }
    assert!(
        wrong.is_empty(),
        "the allowed side got the wrong data:\n{}",
        wrong.join("\n")
    );
}

async fn file_routes_are_for_coordinators_only(app: TestApp) {
    let s = seed(&app).await;
    let mentor = app.sign_in(MENTOR_A).await;
    let participant = app.sign_in_participant(&s.p1_code).await;
    let coordinator = app.sign_in(COORDINATOR).await;
    assert_eq!(app.get("/export/participants.csv", None).await.status, 303);
    assert_eq!(
        app.get("/export/participants.csv", Some(&mentor))
            .await
            .status,
        403
    );
    assert_eq!(
        app.get("/export/participants.csv", Some(&participant))
            .await
            .status,
        403
    );
    assert_eq!(
        app.get("/export/participants.csv", Some(&coordinator))
            .await
            .status,
        200
    );
}

crate::on_both_engines! {
    the_matrix_holds => super::matrix;
    lists_are_scoped => super::lists_contain_only_what_each_role_may_see;
    file_routes_are_guarded => super::file_routes_are_for_coordinators_only;
    allowed_side_data => super::the_allowed_side_gets_the_right_data;
}

#[test]
fn the_matrix_covers_every_server_function() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/src");
    let mut found = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read app/src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read source");
                for line in text.lines() {
                    let line = line.trim();
                    if line.starts_with("#[server(default)]") {
                        continue;
                    }
                    if let Some(rest) = line.strip_prefix("#[server(") {
                        let endpoint = rest.split('"').nth(1).unwrap_or_else(|| {
                            panic!("{}: #[server] without endpoint: {line}", path.display())
                        });
                        found.insert(endpoint.to_owned());
                    } else if line.starts_with("#[server") {
                        panic!(
                            "{}: #[server] without an explicit endpoint: {line}",
                            path.display()
                        );
                    }
                }
            }
        }
    }
    let listed: BTreeSet<String> = PUBLIC
        .iter()
        .chain(GUARDED.iter())
        .map(|s| (*s).to_owned())
        .collect();
    assert_eq!(
        found, listed,
        "server functions and the authorisation matrix differ"
    );
}
