//! CEFR self-assessment storage: the catalogue, drafts answer by answer, submission and the
//! rule that a submitted assessment is never changed.

use std::collections::BTreeMap;

use app::db::assessments as store;
use app::domain::catalogue::Catalogue;
use app::domain::cefr::{Answer, CefrLevel, Occasion, Skill, Threshold};

use crate::common::{date, seed, TestApp};

async fn the_catalogue_is_loaded_once_with_both_languages(app: TestApp) {
    let c = Catalogue::current().expect("catalogue");
    // Loaded when the app started; loading again changes nothing.
    assert!(!store::load_catalogue(&app.db, &c).await.expect("load"));
    let sv = store::statements(&app.db, "v1", Skill::Reading, "sv")
        .await
        .expect("statements");
    let en = store::statements(&app.db, "v1", Skill::Reading, "en")
        .await
        .expect("statements");
    assert_eq!(sv.len(), c.skill(Skill::Reading).len());
    assert_eq!(sv[0].level, CefrLevel::PreA1);
    assert!(sv[0].text.starts_with("Jag "));
    assert!(en[0].text.starts_with("I "));
    // Arabic has its own texts (issue 13), with the Swedish beside; a language without texts
    // falls back to Swedish.
    let ar = store::statements(&app.db, "v1", Skill::Reading, "ar")
        .await
        .expect("statements");
    assert_ne!(ar[0].text, sv[0].text);
    assert_eq!(ar[0].sv, sv[0].text);
    let none = store::statements(&app.db, "v1", Skill::Reading, "fi")
        .await
        .expect("statements");
    assert_eq!(none[0].text, sv[0].text);
}

async fn a_draft_keeps_every_answer_and_a_submitted_one_never_changes(app: TestApp) {
    let s = seed(&app).await;
    let c = Catalogue::current().expect("catalogue");
    let draft = store::start_draft(
        &app.db,
        s.p1,
        Occasion::Start,
        date("2026-11-20"),
        "v1",
        "tablet",
    )
    .await
    .expect("draft");
    // A second start (a double tap, another tab) gives the same draft.
    let again = store::start_draft(
        &app.db,
        s.p1,
        Occasion::Start,
        date("2026-11-20"),
        "v1",
        "tablet",
    )
    .await
    .expect("draft");
    assert_eq!(draft.id, again.id);
    let listening = c.skill(Skill::Listening);
    for (i, st) in listening.iter().enumerate().take(12) {
        let answer = if st.level <= CefrLevel::A1 {
            Answer::CanDo
        } else {
            Answer::NotYet
        };
        store::answer(
            &app.db,
            draft.id,
            &st.id,
            Some(answer),
            i == 3,
            (Skill::Listening, i as i64),
        )
        .await
        .expect("answer");
    }
    // Changing an answer replaces it.
    store::answer(
        &app.db,
        draft.id,
        &listening[0].id,
        Some(Answer::WithHelp),
        false,
        (Skill::Listening, 0),
    )
    .await
    .expect("answer");
    store::answer(
        &app.db,
        draft.id,
        &listening[0].id,
        Some(Answer::CanDo),
        false,
        (Skill::Listening, 11),
    )
    .await
    .expect("answer");
    // After a reload: the same draft, the answers and where to resume.
    let resumed = store::draft(&app.db, s.p1)
        .await
        .expect("db")
        .expect("draft");
    assert_eq!(resumed.resume, Some((Skill::Listening, 11)));
    let answers = store::answers(&app.db, draft.id).await.expect("answers");
    assert_eq!(answers.len(), 12);
    assert!(answers[&listening[3].id].1, "goal kept");
    let given: BTreeMap<String, Answer> = answers
        .iter()
        .filter_map(|(k, (a, _))| a.map(|a| (k.clone(), a)))
        .collect();
    let levels = c.levels(&given, Threshold::default());
    assert_eq!(levels[0], (Skill::Listening, CefrLevel::A1));
    assert!(
        store::submit(&app.db, draft.id, &levels, "80 %", date("2026-11-21"))
            .await
            .expect("submit")
    );
    // Submitting twice changes nothing.
    assert!(
        !store::submit(&app.db, draft.id, &levels, "80 %", date("2026-11-21"))
            .await
            .expect("submit")
    );
    let done = store::submitted(&app.db, s.p1).await.expect("list");
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].0.assessed_on.to_string(), "2026-11-21");
    assert_eq!(done[0].1.len(), 5);
    assert!(store::draft(&app.db, s.p1).await.expect("db").is_none());
    // A submitted assessment refuses answers, through the layer and below it.
    let late = store::answer(
        &app.db,
        draft.id,
        &listening[20].id,
        Some(Answer::CanDo),
        false,
        (Skill::Listening, 20),
    )
    .await;
    assert!(matches!(late, Err(app::db::DbError::NotFound)));
    let raw =
        sqlx::query("UPDATE assessment_answers SET answer = 'not_yet' WHERE assessment_id = $1")
            .bind(draft.id)
            .execute(&app.db.pool)
            .await;
    assert!(raw.is_err(), "answers of a submitted assessment are frozen");
    let raw = sqlx::query("UPDATE assessment_levels SET level = 'c2' WHERE assessment_id = $1")
        .bind(draft.id)
        .execute(&app.db.pool)
        .await;
    assert!(
        raw.is_err(),
        "levels of a submitted tablet assessment are frozen"
    );
    // The next assessment is a new draft.
    let next = store::start_draft(
        &app.db,
        s.p1,
        Occasion::Checkpoint,
        date("2026-11-22"),
        "v1",
        "tablet",
    )
    .await
    .expect("draft");
    assert_ne!(next.id, draft.id);
}

const HEADER: &str = "participant_ref;date;occasion;skill;level";

fn file(rows: &[&str]) -> String {
    let mut s = String::from(HEADER);
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.push('\n');
    s
}

const CLI: app::db::participants::ChangeSource = app::db::participants::ChangeSource {
    source: "cli",
    by: None,
};

fn today() -> chrono::NaiveDate {
    app::state::clock::today()
}

async fn count_levels(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM assessment_levels")
        .fetch_one(&app.db.pool)
        .await
        .expect("count")
}

async fn paper_levels_import_all_or_nothing_and_never_touch_the_tablet(app: TestApp) {
    use app::domain::problem::Problem;
    use app::import::assessments::{export, import_file};
    let s = seed(&app).await;
    // A tablet assessment of P-0001 on 2026-10-01 (start): listening A1, the rest Pre-A1.
    let d = store::start_draft(
        &app.db,
        s.p1,
        Occasion::Start,
        date("2026-10-01"),
        "v1",
        "tablet",
    )
    .await
    .expect("draft");
    let levels: Vec<(Skill, CefrLevel)> = Skill::ALL
        .iter()
        .map(|sk| {
            (
                *sk,
                if *sk == Skill::Listening {
                    CefrLevel::A1
                } else {
                    CefrLevel::PreA1
                },
            )
        })
        .collect();
    store::submit(&app.db, d.id, &levels, "80 %", date("2026-10-01"))
        .await
        .expect("submit");
    let before = count_levels(&app).await;
    let bad = file(&[
        "P-0002;2026-09-01;start;reading;a2",
        "P-0002;2026-09-01;start;reading;b1",
        "P-0009;2026-09-01;start;reading;a2",
        "P-0002;2026-09-01;start;reading_aloud;a2",
        "P-0001;2026-10-01;start;listening;b2",
    ]);
    let report = import_file(&app.db, &bad, today(), CLI, false)
        .await
        .expect("import");
    assert!(!report.committed);
    let rows: Vec<(usize, &str, &Problem)> = report
        .rows
        .iter()
        .map(|(l, p)| (*l, p.field.as_str(), &p.problem))
        .collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert_eq!((rows[0].0, rows[0].1), (3, "skill"));
    assert_eq!(
        rows[1],
        (4, "participant_ref", &Problem::UnknownParticipant)
    );
    assert_eq!((rows[2].0, rows[2].1), (5, "skill"));
    assert_eq!(
        rows[3],
        (
            6,
            "level",
            &Problem::FrozenAssessment { level: "a1".into() }
        )
    );
    assert_eq!(
        count_levels(&app).await,
        before,
        "nothing of an invalid file is stored"
    );
    let good = file(&[
        "P-0002;2026-09-01;start;reading;a2",
        "P-0002;2026-09-01;start;writing;a1",
        "P-0001;2026-10-01;start;listening;a1",
    ]);
    let report = import_file(&app.db, &good, today(), CLI, false)
        .await
        .expect("import");
    assert!(report.committed, "{report:?}");
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (2, 0, 1)
    );
    let again = import_file(&app.db, &good, today(), CLI, false)
        .await
        .expect("import");
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 3));
    let changed = file(&["P-0002;2026-09-01;start;reading;b1"]);
    let report = import_file(&app.db, &changed, today(), CLI, false)
        .await
        .expect("import");
    assert_eq!(report.updated, 1);
    let history: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM assessment_level_history")
        .fetch_one(&app.db.pool)
        .await
        .expect("count");
    assert_eq!(history, 3);
    let exported = export(&app.db, app::db::Whose::Everyone)
        .await
        .expect("export");
    assert_eq!(
        exported,
        file(&[
            "P-0001;2026-10-01;start;listening;a1",
            "P-0001;2026-10-01;start;reading;pre_a1",
            "P-0001;2026-10-01;start;spoken_interaction;pre_a1",
            "P-0001;2026-10-01;start;spoken_production;pre_a1",
            "P-0001;2026-10-01;start;writing;pre_a1",
            "P-0002;2026-09-01;start;reading;b1",
            "P-0002;2026-09-01;start;writing;a1",
        ])
    );
    let back = import_file(&app.db, &exported, today(), CLI, false)
        .await
        .expect("import");
    assert_eq!((back.created, back.updated, back.unchanged), (0, 0, 7));
}

crate::on_both_engines! {
    paper_levels => super::paper_levels_import_all_or_nothing_and_never_touch_the_tablet;
    catalogue_loaded => super::the_catalogue_is_loaded_once_with_both_languages;
    drafts_and_submission => super::a_draft_keeps_every_answer_and_a_submitted_one_never_changes;
}
