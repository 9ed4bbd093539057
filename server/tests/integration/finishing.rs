//! Finishing a self-assessment (issue 12): the summary shows the level per skill the answers
//! give and *not assessed* for a skill never started; saving stores no level for such a skill
//! (never Pre-A1); finishing with no answer at all is refused and stores nothing.

use app::db::assessments as store;
use app::domain::catalogue::Catalogue;
use app::domain::cefr::{CefrLevel, Skill};
use app::domain::problem::Problem;
use app::elp::api::FinishSummary;
use app::error::AppError;

use crate::common::{seed, TestApp};

async fn answer(app: &TestApp, tablet: &str, statement: &str, answer: &str) {
    let r = app
        .call(
            "assessment/answer",
            Some(tablet),
            &[
                ("skill", "listening"),
                ("index", "0"),
                ("statement", statement),
                ("answer", answer),
            ],
        )
        .await;
    assert!(
        r.status.is_success() || r.status.is_redirection(),
        "{}",
        r.status
    );
}

async fn a_skill_never_started_is_not_assessed_and_stores_no_level(app: TestApp) {
    let s = seed(&app).await;
    let tablet = app.sign_in_participant(&s.p1_code).await;
    app.call("assessment/start", Some(&tablet), &[("occasion", "start")])
        .await;
    let c = Catalogue::current().expect("catalogue");
    // Every Pre-A1 and A1 listening sentence "I can do this": listening A1, nothing else.
    for st in c.skill(Skill::Listening) {
        if st.level <= CefrLevel::A1 {
            answer(&app, &tablet, &st.id, "can_do").await;
        }
    }
    let summary = app
        .call("assessment/finish", Some(&tablet), &[])
        .await
        .json::<Option<FinishSummary>>()
        .expect("a draft is under way");
    assert_eq!(summary.levels.len(), Skill::ALL.len());
    assert_eq!(summary.levels[0], (Skill::Listening, Some(CefrLevel::A1)));
    assert!(
        summary.levels[1..].iter().all(|(_, l)| l.is_none()),
        "{:?}",
        summary.levels
    );
    // The summary changes nothing: the draft is still a draft.
    assert!(store::draft(&app.db, s.p1).await.expect("draft").is_some());

    let r = app.call("assessment/submit", Some(&tablet), &[]).await;
    assert!(
        r.status.is_success() || r.status.is_redirection(),
        "{}",
        r.status
    );
    let done = store::submitted(&app.db, s.p1).await.expect("list");
    let (head, levels) = done.last().expect("submitted");
    assert_eq!(levels, &vec![(Skill::Listening, CefrLevel::A1)]);
    assert_eq!(head.catalogue_version.as_deref(), Some(c.version.as_str()));
    // No draft any more: the summary says so.
    let after = app.call("assessment/finish", Some(&tablet), &[]).await;
    assert_eq!(after.json::<Option<FinishSummary>>(), None);
}

async fn finishing_with_no_answer_is_refused_and_stores_nothing(app: TestApp) {
    let s = seed(&app).await;
    let tablet = app.sign_in_participant(&s.p1_code).await;
    app.call("assessment/start", Some(&tablet), &[("occasion", "start")])
        .await;
    let before = store::submitted(&app.db, s.p1).await.expect("list").len();
    let summary = app
        .call("assessment/finish", Some(&tablet), &[])
        .await
        .json::<Option<FinishSummary>>()
        .expect("a draft is under way");
    assert!(summary.levels.iter().all(|(_, l)| l.is_none()));
    let refused = app.call("assessment/submit", Some(&tablet), &[]).await;
    match refused.error() {
        AppError::Invalid(problems) => {
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].problem, Problem::NothingAnswered);
        }
        other => panic!("expected the refusal, got {other:?}"),
    }
    assert_eq!(
        store::submitted(&app.db, s.p1).await.expect("list").len(),
        before
    );
    assert!(store::draft(&app.db, s.p1).await.expect("draft").is_some());
}

crate::on_both_engines! {
    finish_not_assessed => super::a_skill_never_started_is_not_assessed_and_stores_no_level;
    finish_nothing_answered => super::finishing_with_no_answer_is_refused_and_stores_nothing;
}
