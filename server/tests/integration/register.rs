//! The participant register through its server functions.

use app::domain::paging::Page;
use app::domain::problem::Problem;
use app::dto::ParticipantSummary;
use app::error::AppError;
use app::register::api::ParticipantView;

use crate::common::{seed, TestApp, COORDINATOR, MENTOR_A};

/// Changes made from the command line.
const CLI_SOURCE: app::db::participants::ChangeSource = app::db::participants::ChangeSource {
    source: "cli",
    by: None,
};

/// A participant form (`raw[…]` fields) for the register's server functions.
pub(crate) fn raw(reference: &str, birth_year: &str, permit: &str) -> Vec<(String, String)> {
    [
        ("raw[participant_ref]", reference),
        ("raw[given_name]", "Nadia"),
        ("raw[family_name]", "Noor"),
        ("raw[gender]", "female"),
        ("raw[birth_year]", birth_year),
        ("raw[school]", "Farstaskolan"),
        ("raw[district]", "Farsta"),
        ("raw[mentor_email]", MENTOR_A),
        ("raw[start_date]", "2026-03-02"),
        ("raw[planned_terms]", "2"),
        ("raw[residence_permit_date]", permit),
        ("raw[languages]", "ar,en"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect()
}

/// Borrowed pairs of a form.
pub(crate) fn pairs(f: &[(String, String)]) -> Vec<(&str, &str)> {
    f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

async fn count(app: &TestApp, session: &str) -> u64 {
    let page: Page<ParticipantSummary> = app
        .call("participants/list", Some(session), &[("filter[page]", "1")])
        .await
        .json();
    page.total
}

async fn a_coordinator_creates_a_participant_with_history(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let reply = app
        .call(
            "participants/create",
            Some(&c),
            &pairs(&raw("P-0100", "1988", "2025-11-01")),
        )
        .await;
    assert!(reply.status.is_success(), "{}", reply.body);
    let id = app::db::participants::id_by_ref(&app.db, "P-0100")
        .await
        .expect("db")
        .expect("created");
    let view: ParticipantView = app
        .call("participants/get", Some(&c), &[("id", &id.to_string())])
        .await
        .json();
    assert_eq!(view.detail.family_name, "Noor");
    assert_eq!(view.detail.mentor_email.as_deref(), Some(MENTOR_A));
    assert_eq!(view.detail.sign_in_code.len(), 6);
    let history = view.history.expect("coordinators see history");
    assert!(history.iter().any(|h| h.field == "family_name"
        && h.old_value.is_none()
        && h.new_value.as_deref() == Some("Noor")));
    // The creation reads back as one entry per field given, newest first (the last column
    // first), all at one moment by one person; it is stored as one row.
    let fields: Vec<&str> = history.iter().map(|h| h.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "languages",
            "residence_permit_date",
            "planned_terms",
            "start_date",
            "mentor_email",
            "district",
            "school",
            "birth_year",
            "gender",
            "family_name",
            "given_name",
            "participant_ref"
        ]
    );
    assert!(history.iter().all(|h| h.old_value.is_none()
        && h.changed_at == history[0].changed_at
        && h.changed_by == history[0].changed_by
        && h.source == "web"));
    let rows: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM participant_history WHERE participant_id = $1")
            .bind(id.0)
            .fetch_one(&app.db.pool)
            .await
            .expect("count");
    assert_eq!(rows, 1);
    // A creation stored the old way, a row per field, reads back as it is.
    sqlx::query(
        "INSERT INTO participant_history (participant_id, changed_at, source, field, new_value) \
         VALUES ($1, 0, 'cli', 'given_name', 'Nadja'), ($1, 0, 'cli', 'family_name', 'Nour')",
    )
    .bind(id.0)
    .execute(&app.db.pool)
    .await
    .expect("old rows");
    let history = app::db::participants::history(&app.db, id)
        .await
        .expect("history");
    let oldest: Vec<(&str, Option<&str>)> = history[12..]
        .iter()
        .map(|h| (h.field.as_str(), h.new_value.as_deref()))
        .collect();
    assert_eq!(
        oldest,
        [("family_name", Some("Nour")), ("given_name", Some("Nadja"))]
    );
}

async fn invalid_input_names_every_field_and_stores_nothing(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let before = count(&app, &c).await;
    let mut f = raw("P-0101", "1850", "2026-05-01");
    f[1].1 = "  ".into();
    let err = app
        .call("participants/create", Some(&c), &pairs(&f))
        .await
        .error();
    let fields: Vec<&str> = err.problems().iter().map(|p| p.field.as_str()).collect();
    assert!(fields.contains(&"given_name"), "{fields:?}");
    assert!(fields.contains(&"birth_year"), "{fields:?}");
    assert!(fields.contains(&"residence_permit_date"), "{fields:?}");
    assert_eq!(count(&app, &c).await, before);
}

async fn an_existing_reference_is_refused(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let err = app
        .call(
            "participants/create",
            Some(&c),
            &pairs(&raw("P-0001", "", "")),
        )
        .await
        .error();
    assert_eq!(err.problems()[0].field, "participant_ref");
    assert_eq!(err.problems()[0].problem, Problem::AlreadyTaken);
}

async fn an_edit_keeps_the_old_values_in_the_history(app: TestApp) {
    let s = seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let id = s.p1.0.to_string();
    let shown: ParticipantView = app
        .call("participants/get", Some(&c), &[("id", &id)])
        .await
        .json();
    let mut f = raw("P-0001", "", "");
    f[1].1 = "Amina".into();
    f[2].1 = "Hassan-Ali".into();
    f.push(("id".into(), id.clone()));
    f.push(("version".into(), shown.detail.version.to_string()));
    f.push(("status".into(), "completed".into()));
    f.push(("end_date".into(), String::new()));
    let err = app
        .call("participants/update", Some(&c), &pairs(&f))
        .await
        .error();
    assert_eq!(
        err.problems()[0].field,
        "end_date",
        "completing needs an end date"
    );
    let last = f.len() - 1;
    f[last].1 = "2026-06-30".into();
    let ok = app.call("participants/update", Some(&c), &pairs(&f)).await;
    assert!(ok.status.is_success(), "{}", ok.body);
    let view: ParticipantView = app
        .call("participants/get", Some(&c), &[("id", &id)])
        .await
        .json();
    assert_eq!(view.detail.family_name, "Hassan-Ali");
    assert_eq!(
        view.detail.end_date.map(|d| d.to_string()).as_deref(),
        Some("2026-06-30")
    );
    let history = view.history.expect("history");
    let change = history
        .iter()
        .find(|h| h.field == "family_name" && h.old_value.is_some())
        .expect("a change");
    assert_eq!(change.old_value.as_deref(), Some("Hassan"));
    assert_eq!(change.new_value.as_deref(), Some("Hassan-Ali"));
    assert_eq!(change.changed_by.as_deref(), Some("Cora Coordinator"));
    assert!(history
        .iter()
        .any(|h| h.field == "status" && h.new_value.as_deref() == Some("completed")));
}

async fn the_list_filters_and_pages(app: TestApp) {
    seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let mut csv = String::from(
        "participant_ref;given_name;family_name;gender;school;district;start_date;planned_terms\n",
    );
    for i in 0..30 {
        csv.push_str(&format!(
            "L-{i:03};Lista;Person{i:02};other;Listskolan;Älvsjö;2026-04-01;1\n"
        ));
    }
    let today = app::state::clock::today();
    let report = app::import::participants::participants(&app.db, &csv, today, CLI_SOURCE, false)
        .await
        .expect("import");
    assert!(report.committed);
    let page = |q: &'static str, n: &'static str| {
        let app = &app;
        let c = c.clone();
        async move {
            let p: Page<ParticipantSummary> = app
                .call(
                    "participants/list",
                    Some(&c),
                    &[("filter[q]", q), ("filter[page]", n)],
                )
                .await
                .json();
            p
        }
    };
    let first = page("lista", "1").await;
    assert_eq!(
        (first.total, first.items.len(), first.page_count()),
        (30, 25, 2)
    );
    assert_eq!(page("lista", "2").await.items.len(), 5);
    assert_eq!(
        page("person07", "1").await.items[0].participant_ref,
        "L-007"
    );
    let schools = app::db::schools::list(&app.db).await.expect("schools");
    let farsta = schools
        .iter()
        .find(|s| s.name == "Farstaskolan")
        .expect("school")
        .id
        .0
        .to_string();
    let by_school: Page<ParticipantSummary> = app
        .call(
            "participants/list",
            Some(&c),
            &[("filter[school]", &farsta), ("filter[page]", "1")],
        )
        .await
        .json();
    assert_eq!(
        by_school
            .items
            .iter()
            .map(|p| p.participant_ref.as_str())
            .collect::<Vec<_>>(),
        ["P-0001"]
    );
}

async fn a_mentor_sets_a_pin_the_participant_can_use(app: TestApp) {
    let s = seed(&app).await;
    let m = app.sign_in(MENTOR_A).await;
    let bad = app
        .call(
            "participants/pin",
            Some(&m),
            &[("id", &s.p1.0.to_string()), ("pin", "12")],
        )
        .await;
    assert_eq!(bad.error().problems()[0].problem, Problem::BadPin);
    // Four digits and guessable ones are refused for a new PIN.
    for (pin, problem) in [
        ("1234", Problem::BadPin),
        ("123456", Problem::TrivialPin),
        ("000000", Problem::TrivialPin),
        ("121212", Problem::TrivialPin),
    ] {
        let refused = app
            .call(
                "participants/pin",
                Some(&m),
                &[("id", &s.p1.0.to_string()), ("pin", pin)],
            )
            .await;
        assert_eq!(refused.error().problems()[0].problem, problem, "{pin}");
    }
    let ok = app
        .call(
            "participants/pin",
            Some(&m),
            &[("id", &s.p1.0.to_string()), ("pin", "864209")],
        )
        .await;
    assert!(ok.status.is_success(), "{}", ok.body);
    let signed_in = app
        .call(
            "auth/tablet-sign-in",
            None,
            &[("code", &s.p1_code), ("pin", "864209")],
        )
        .await;
    assert!(signed_in.status.is_success(), "{}", signed_in.body);
    let forbidden = app
        .call(
            "participants/pin",
            Some(&m),
            &[("id", &s.p2.0.to_string()), ("pin", "864209")],
        )
        .await;
    assert_eq!(forbidden.error(), AppError::Forbidden);
}

/// The personal code is half of the tablet's key: the mentor and coordinators (who hand out
/// the PIN) get it with the record, a teacher who may see the record does not.
async fn the_sign_in_code_goes_only_to_those_who_set_the_pin(app: TestApp) {
    let s = seed(&app).await;
    let id = s.p1.0.to_string();
    for (who, gets_code) in [
        (crate::common::COORDINATOR, true),
        (MENTOR_A, true),
        (crate::common::TEACHER_A, false),
    ] {
        let session = app.sign_in(who).await;
        let view: ParticipantView = app
            .call("participants/get", Some(&session), &[("id", &id)])
            .await
            .json();
        assert_eq!(view.detail.participant_ref, "P-0001", "{who}");
        assert_eq!(view.can_set_pin, gets_code, "{who}");
        assert_eq!(view.detail.sign_in_code == s.p1_code, gets_code, "{who}");
        assert_eq!(view.detail.sign_in_code.is_empty(), !gets_code, "{who}");
    }
}

/// Two tabs show the same record; the first save wins, the second is refused on each field the
/// first changed (who, when, what it says now) and stores nothing. A new PIN, set on the
/// participant page meanwhile, does not make an edit stale.
async fn a_stale_edit_is_refused_and_says_what_changed(app: TestApp) {
    let s = seed(&app).await;
    let c = app.sign_in(COORDINATOR).await;
    let id = s.p1.0.to_string();
    let get = || async {
        let v: ParticipantView = app
            .call("participants/get", Some(&c), &[("id", &id)])
            .await
            .json();
        v.detail
    };
    let form = |family: &str, version: i64| {
        let mut f = raw("P-0001", "", "");
        f[1].1 = "Amina".into();
        f[2].1 = family.into();
        f.push(("id".into(), id.clone()));
        f.push(("version".into(), version.to_string()));
        f.push(("status".into(), "active".into()));
        f.push(("end_date".into(), String::new()));
        f
    };
    let shown = get().await.version;
    let first = app
        .call(
            "participants/update",
            Some(&c),
            &pairs(&form("Hasan", shown)),
        )
        .await;
    assert!(first.status.is_success(), "{}", first.body);
    let second = app
        .call(
            "participants/update",
            Some(&c),
            &pairs(&form("Hassan-Ali", shown)),
        )
        .await
        .error();
    let family = second
        .problems()
        .iter()
        .find(|p| p.field == "family_name")
        .unwrap_or_else(|| panic!("the changed field is named: {second:?}"));
    match &family.problem {
        Problem::ChangedBy(m) => {
            assert_eq!(m.by, "Cora Coordinator");
            assert_eq!(m.value, "Hasan");
            assert_eq!(m.at.len(), "2026-12-03 10:42".len(), "{}", m.at);
        }
        other => panic!("not a change made meanwhile: {other:?}"),
    }
    assert_eq!(
        get().await.family_name,
        "Hasan",
        "the second save stored nothing"
    );

    let now = get().await.version;
    assert!(now > shown);
    let pin = app
        .call(
            "participants/pin",
            Some(&c),
            &[("id", &id), ("pin", "583920")],
        )
        .await;
    assert!(pin.status.is_success(), "{}", pin.body);
    let after_pin = app
        .call(
            "participants/update",
            Some(&c),
            &pairs(&form("Hassan-Ali", now)),
        )
        .await;
    assert!(after_pin.status.is_success(), "{}", after_pin.body);
    assert_eq!(get().await.family_name, "Hassan-Ali");
}

async fn search_key_of(app: &TestApp, reference: &str) -> String {
    sqlx::query_scalar("SELECT search_key FROM participants WHERE participant_ref = $1")
        .bind(reference)
        .fetch_one(&app.db.pool)
        .await
        .expect("search key")
}

/// The register's search text is filled once per database, after migrating: a participant
/// stored without one gets it, and later starts do not scan the register again.
async fn the_search_text_is_filled_once_per_database(app: TestApp) {
    seed(&app).await;
    let clear = "UPDATE participants SET search_key = '' WHERE participant_ref = 'P-0001'";
    // A database from before the note: its next start fills the text.
    for sql in ["DELETE FROM maintenance_done", clear] {
        sqlx::query(sql)
            .execute(&app.db.pool)
            .await
            .expect("prepare");
    }
    let filled = app::db::participants::fill_search_keys(&app.db)
        .await
        .expect("fill");
    assert_eq!(filled, 1);
    assert!(!search_key_of(&app, "P-0001").await.is_empty());
    // Noted as done: the next start reads the note, not the register.
    sqlx::query(clear)
        .execute(&app.db.pool)
        .await
        .expect("clear");
    let filled = app::db::participants::fill_search_keys(&app.db)
        .await
        .expect("fill");
    assert_eq!(filled, 0);
    assert!(search_key_of(&app, "P-0001").await.is_empty());
}

crate::on_both_engines! {
    search_key => super::the_search_text_is_filled_once_per_database;
    stale_edit => super::a_stale_edit_is_refused_and_says_what_changed;
    sign_in_code => super::the_sign_in_code_goes_only_to_those_who_set_the_pin;
    create => super::a_coordinator_creates_a_participant_with_history;
    invalid => super::invalid_input_names_every_field_and_stores_nothing;
    duplicate => super::an_existing_reference_is_refused;
    edit => super::an_edit_keeps_the_old_values_in_the_history;
    list => super::the_list_filters_and_pages;
    pin => super::a_mentor_sets_a_pin_the_participant_can_use;
}
