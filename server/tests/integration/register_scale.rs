//! The `participants` import a batch at a time: problems anywhere in a long file are all
//! reported with their lines and nothing is stored, a long file is created, left alone and
//! updated across batches, and saving in batches agrees with saving row by row
//! (`db::participants::save`, which the form uses).

use app::db::participants::{self, SaveOutcome};
use app::domain::participant_import::{parse_participants, PARTICIPANT_SPEC};
use app::domain::problem::FieldProblem;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use crate::common::{seed, Engine, TestApp, CLI_SOURCE, MENTOR_A, MENTOR_B};

const HEADER: &str =
    "participant_ref;given_name;family_name;gender;school;district;mentor_email;start_date;planned_terms\n";

fn today() -> chrono::NaiveDate {
    app::state::clock::today()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db.pool)
        .await
        .expect("count")
}

/// `rows` new participants N-000000…, spread over 40 schools of 4 districts and both mentors.
fn long_file(rows: usize, given: &str) -> String {
    let mut out = String::from(HEADER);
    for i in 0..rows {
        let mentor = if i % 3 == 0 {
            ""
        } else if i % 2 == 0 {
            MENTOR_A
        } else {
            MENTOR_B
        };
        out.push_str(&format!(
            "N-{i:06};{given}{i};Family{i};female;Scale school {};Scale district {};{mentor};2026-09-01;2\n",
            i % 40,
            i % 4
        ));
    }
    out
}

async fn problems_first_and_last_of_20_000_reported_then_saved_across_batches(app: TestApp) {
    seed(&app).await;
    let before = count(&app, "SELECT COUNT(*) FROM participants").await;
    let history_before = count(&app, "SELECT COUNT(*) FROM participant_history").await;
    let good = long_file(20_000, "Given");
    // The first row names no mentor of ours; the last puts a school in another district.
    let mut text = good.replacen(
        ";Scale school 0;Scale district 0;;",
        ";Scale school 0;Scale district 0;nobody@test.se;",
        1,
    );
    text = text.replacen(
        "N-019999;Given19999;Family19999;female;Scale school 39;Scale district 3;",
        "N-019999;Given19999;Family19999;female;Scale school 39;Scale district 2;",
        1,
    );
    let r = app::import::participants::participants(&app.db, &text, today(), CLI_SOURCE, false)
        .await
        .expect("import");
    let found: Vec<(usize, &str, &str)> = r
        .rows
        .iter()
        .map(|(l, p)| (*l, p.field.as_str(), p.problem.message_id()))
        .collect();
    assert_eq!(
        found,
        [
            (2, "mentor_email", "problem-unknown-mentor"),
            (20_001, "district", "problem-school-in-other-district"),
        ]
    );
    assert!(!r.committed);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM participants").await,
        before
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM participant_history").await,
        history_before
    );

    // Mended, the file is stored whole: every row as the form would store it.
    let r = app::import::participants::participants(&app.db, &good, today(), CLI_SOURCE, false)
        .await
        .expect("import");
    assert!(r.committed && r.created == 20_000, "{:?}", r.rows.first());
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM participants").await,
        before + 20_000
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(DISTINCT sign_in_code) FROM participants"
        )
        .await,
        before + 20_000,
        "every participant has a personal code of their own"
    );
    // One history row a creation.
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM participant_history").await - history_before,
        20_000
    );
    let id = participants::id_by_ref(&app.db, "N-019999")
        .await
        .expect("db")
        .expect("stored");
    // Read back, it is one entry per field given: ref, given, family, gender, school,
    // district, start date, planned terms and (for two rows in three) a mentor.
    let fields: Vec<String> = participants::history(&app.db, id)
        .await
        .expect("history")
        .into_iter()
        .map(|h| h.field)
        .collect();
    assert_eq!(
        fields,
        [
            "planned_terms",
            "start_date",
            "mentor_email",
            "district",
            "school",
            "gender",
            "family_name",
            "given_name",
            "participant_ref"
        ]
    );
    let p = participants::get(&app.db, id).await.expect("get");
    assert_eq!(
        (
            p.given_name.as_str(),
            p.school.as_str(),
            p.mentor_email.as_deref()
        ),
        ("Given19999", "Scale school 39", Some(MENTOR_B))
    );
    let found = participants::list(
        &app.db,
        participants::Scope::All,
        &app::dto::ParticipantFilter {
            q: "given19999".into(),
            page: 1,
            ..Default::default()
        },
    )
    .await
    .expect("list");
    assert_eq!(found.total, 1, "the search text is stored with the record");

    // Again: nothing changes. Then every other row renamed: one history row each.
    let r = app::import::participants::participants(&app.db, &good, today(), CLI_SOURCE, false)
        .await
        .expect("import");
    assert_eq!((r.created, r.updated, r.unchanged), (0, 0, 20_000));
    let history = count(&app, "SELECT COUNT(*) FROM participant_history").await;
    let renamed: String = good
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let l = if i % 2 == 1 {
                l.replacen(";Given", ";Renamed", 1)
            } else {
                l.to_owned()
            };
            l + "\n"
        })
        .collect();
    let r = app::import::participants::participants(&app.db, &renamed, today(), CLI_SOURCE, false)
        .await
        .expect("import");
    assert_eq!((r.created, r.updated, r.unchanged), (0, 10_000, 10_000));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM participant_history").await - history,
        10_000
    );
    let p = participants::get(&app.db, id).await.expect("get");
    assert_eq!(p.given_name, "Given19999");
    let id = participants::id_by_ref(&app.db, "N-000000")
        .await
        .expect("db")
        .expect("stored");
    let p = participants::get(&app.db, id).await.expect("get");
    assert_eq!(p.given_name, "Renamed0");
}

crate::on_both_engines! {
    problems_first_and_last_of_a_long_register_file => super::problems_first_and_last_of_20_000_reported_then_saved_across_batches;
}

/// One row of a generated case: reference (of 4), given name (of 2), school (of 3; school 2
/// is in district 1 and the file may say otherwise), district, mentor (none, A, B or unknown).
type Row = (usize, usize, usize, usize, usize);

fn row() -> impl Strategy<Value = Row> {
    (0usize..4, 0usize..2, 0usize..3, 0usize..2, 0usize..4)
}

fn csv_row(&(r, g, s, d, m): &Row) -> String {
    let mentor = ["", MENTOR_A, MENTOR_B, "nobody@test.se"][m];
    let district = if s == 2 {
        ["Farsta", "Vantör"][d]
    } else {
        ["Farsta", "Vantör"][s]
    };
    format!(
        "Q-{r};{};Family{r};female;Property school {s};{district};{mentor};2026-09-01;2",
        ["Ada", "Bo"][g]
    )
}

fn file(rows: &[Row]) -> String {
    let mut text = String::from(HEADER);
    for r in rows {
        text.push_str(&csv_row(r));
        text.push('\n');
    }
    text
}

/// What the register holds of the generated participants: their exported fields and their
/// history (without times and codes, which differ between two runs).
async fn state(tx: &mut app::db::Tx) -> Vec<String> {
    let mut out: Vec<String> = sqlx::query_scalar(
        "SELECT p.participant_ref || '|' || p.given_name || '|' || s.name || '|' || \
         COALESCE(CAST(p.mentor_id AS TEXT), '-') || '|' || p.search_key \
         FROM participants p JOIN schools s ON s.id = p.school_id \
         WHERE p.participant_ref LIKE 'Q-%'",
    )
    .fetch_all(&mut **tx)
    .await
    .expect("participants");
    out.extend(
        sqlx::query_scalar::<_, String>(
            "SELECT p.participant_ref || '|' || h.field || '|' || COALESCE(h.old_value, '-') \
             || '|' || COALESCE(h.new_value, '-') || '|' || h.source \
             FROM participant_history h JOIN participants p ON p.id = h.participant_id \
             WHERE p.participant_ref LIKE 'Q-%'",
        )
        .fetch_all(&mut **tx)
        .await
        .expect("history"),
    );
    out.sort();
    out
}

/// The report and resulting state of saving `text` one row at a time, as before batches.
async fn row_by_row(
    app: &TestApp,
    text: &str,
) -> (
    Vec<(usize, FieldProblem)>,
    (usize, usize, usize),
    Vec<String>,
) {
    let table = app::domain::csvfile::read(text, &PARTICIPANT_SPEC).expect("table");
    let (records, mut problems) = match parse_participants(&table, today()) {
        Ok(records) => (records, vec![]),
        Err(problems) => (
            table
                .rows
                .iter()
                .filter_map(|row| {
                    app::domain::participant::ParticipantRecord::validate(
                        &app::domain::participant_import::raw_from_row(row),
                        today(),
                    )
                    .ok()
                    .map(|r| (row.line, r))
                })
                .filter(|(line, _)| {
                    !problems.iter().any(|p| {
                        p.line == *line
                            && matches!(
                                p.field.problem,
                                app::domain::problem::Problem::Duplicate { .. }
                            )
                    })
                })
                .collect(),
            problems.into_iter().map(|p| (p.line, p.field)).collect(),
        ),
    };
    let mut counts = (0, 0, 0);
    let mut tx = app.db.begin().await.expect("begin");
    for (line, record) in &records {
        match participants::save(
            &mut tx,
            record,
            CLI_SOURCE,
            false,
            app::import::participants::random_code,
        )
        .await
        {
            Ok(SaveOutcome::Created(_)) => counts.0 += 1,
            Ok(SaveOutcome::Updated(_)) => counts.1 += 1,
            Ok(SaveOutcome::Unchanged(_)) => counts.2 += 1,
            Err(app::db::DbError::Conflict(p)) => problems.push((*line, p)),
            Err(e) => panic!("{e}"),
        }
    }
    let after = state(&mut tx).await;
    tx.rollback().await.expect("rollback");
    problems.sort_by_key(|(line, _)| *line);
    (problems, counts, after)
}

async fn agree(app: &TestApp, stored: &[Row], rows: &[Row]) -> Result<(), TestCaseError> {
    for table in ["participant_history", "participants"] {
        sqlx::query(&format!(
            "DELETE FROM {table} WHERE {} IN (SELECT id FROM participants WHERE participant_ref LIKE 'Q-%')",
            if table == "participants" { "id" } else { "participant_id" }
        ))
        .execute(&app.db.pool)
        .await
        .expect("clear");
    }
    // The stored register: the file of `stored` without its refused rows.
    let mut fixture: Vec<Row> = stored
        .iter()
        .copied()
        .filter(|&(_, _, s, d, m)| m != 3 && (s != 2 || d == 1))
        .collect();
    fixture.sort_by_key(|r| r.0);
    fixture.dedup_by_key(|r| r.0);
    let r = app::import::participants::participants(
        &app.db,
        &file(&fixture),
        today(),
        CLI_SOURCE,
        false,
    )
    .await
    .expect("fixture");
    prop_assert!(r.committed, "{:?}", r.rows);
    let text = file(rows);
    let (problems, counts, expected) = row_by_row(app, &text).await;
    let batch = app::import::participants::participants(&app.db, &text, today(), CLI_SOURCE, false)
        .await
        .expect("import");
    prop_assert_eq!(&batch.rows, &problems, "file:\n{}", text);
    prop_assert_eq!(
        (batch.created, batch.updated, batch.unchanged),
        counts,
        "file:\n{}",
        text
    );
    if batch.committed {
        let mut tx = app.db.begin().await.expect("begin");
        let after = state(&mut tx).await;
        tx.rollback().await.expect("rollback");
        prop_assert_eq!(after, expected, "file:\n{}", text);
    } else {
        prop_assert!(!problems.is_empty());
    }
    Ok(())
}

fn batches_agree_with_row_by_row(engine: Engine, cases: u32) {
    crate::common::check_property(
        engine,
        cases,
        (
            prop::collection::vec(row(), 0..5),
            prop::collection::vec(row(), 0..10),
        ),
        // School 2 is in district 1 (Vantör) before any file names it.
        async |app| {
            let mut tx = app.db.begin().await.expect("begin");
            app::db::schools::ensure(&mut tx, "Property school 2", "Vantör")
                .await
                .expect("school");
            tx.commit().await.expect("commit");
        },
        async |app, (stored, rows)| agree(app, &stored, &rows).await,
    );
}

#[test]
fn saving_in_batches_agrees_with_row_by_row_on_sqlite() {
    batches_agree_with_row_by_row(Engine::Sqlite, 96);
}

#[test]
fn saving_in_batches_agrees_with_row_by_row_on_postgres() {
    batches_agree_with_row_by_row(Engine::Postgres, 32);
}
