//! The `compliance` export as it streams (issue 18): a page of participants at a time in byte
//! order of reference, whatever the database's collation, with the statistical records of
//! erased participants merged in. Every page size gives the same file, the file agrees with the
//! week rule applied to the data written, and the web download is that file, logged with its
//! rows once it has been sent.

use std::collections::HashMap;

use app::db::hours::{Recorder, Scope};
use app::domain::access_log::AccessEvent;
use app::domain::time_record::{weeks_of, Enrolment, WeekMinutes};
use app::domain::weeks::{IsoWeek, COMPLIANCE_COLUMNS};
use chrono::{Datelike, Days, NaiveDate};

use crate::common::{date, seed, TestApp, COORDINATOR};

const CLI: Recorder = Recorder {
    source: "cli",
    user: None,
    participant: None,
};

/// References that the byte order and a language's order sort differently (case, `_`, digits),
/// and that fall on both sides of the pseudonyms `erased:N` and between them.
const REFS: [&str; 14] = [
    "a-01", "B-02", "b-03", "Z-04", "_-05", "9-06", "erase", "erased", "erasedx", "erased_1",
    "zz-09", "X-gone-1", "X-gone-2", "X-gone-3",
];

const FIRST_MONDAY: &str = "2026-01-12";

/// What was written for one participant: school, absences and each entry `(day, minutes,
/// teaching)`.
struct Written {
    school: &'static str,
    absences: Vec<(NaiveDate, NaiveDate)>,
    entries: Vec<(NaiveDate, u32, bool)>,
}

fn written(i: usize) -> Written {
    let monday = date(FIRST_MONDAY);
    let mut entries = Vec::new();
    for week in 0..4_u64 {
        for day in 0..6_u64 {
            if (i as u64 * 7 + week * 3 + day).is_multiple_of(4) {
                continue;
            }
            let on = monday + Days::new(week * 7 + day);
            let teaching = on.weekday().number_from_monday() % 2 == 1;
            entries.push((on, if teaching { 100 } else { 60 }, teaching));
        }
    }
    Written {
        school: if i.is_multiple_of(2) {
            "Farstaskolan"
        } else {
            "Vantörskolan"
        },
        absences: if i.is_multiple_of(3) {
            vec![(date("2026-01-20"), date("2026-01-22"))]
        } else {
            vec![]
        },
        entries,
    }
}

async fn write_data(app: &TestApp) {
    let mut people = String::from(
        "participant_ref;given_name;family_name;gender;school;district;mentor_email;start_date;planned_terms\n",
    );
    let mut teaching = String::from("participant_ref;date;start;end;kind;teacher_email\n");
    let mut absences = String::from("participant_ref;from_date;to_date;reason;note\n");
    for (i, r) in REFS.iter().enumerate() {
        let w = written(i);
        let district = if w.school == "Farstaskolan" {
            "Farsta"
        } else {
            "Vantör"
        };
        people.push_str(&format!(
            "{r};Given{i};Family{i};female;{};{district};;{FIRST_MONDAY};2\n",
            w.school
        ));
        for (on, _, is_teaching) in &w.entries {
            let (start, end, kind) = if *is_teaching {
                ("08:30", "10:10", "teaching")
            } else {
                ("18:00", "19:00", "self_study")
            };
            teaching.push_str(&format!("{r};{on};{start};{end};{kind};\n"));
        }
        for (from, to) in &w.absences {
            absences.push_str(&format!("{r};{from};{to};illness;\n"));
        }
    }
    let r = app::import::participants::participants(
        &app.db,
        &people,
        app::state::clock::today(),
        crate::common::CLI_SOURCE,
        false,
    )
    .await
    .expect("participants");
    assert!(r.committed, "{:?}", r.rows);
    let r = app::import::time::import_teaching(
        &app.db,
        &teaching,
        app::state::clock::now(),
        CLI,
        false,
    )
    .await
    .expect("teaching");
    assert!(r.committed, "{:?}", r.rows);
    let r = app::import::time::import_absences(&app.db, &absences, CLI, false)
        .await
        .expect("absences");
    assert!(r.committed, "{:?}", r.rows);
    let calendar = "scope;name;from_date;to_date;reason;note\nschool;Farstaskolan;2026-01-30;2026-01-30;study_day;\n";
    let r = app::import::calendar::import_file(&app.db, calendar, CLI, false)
        .await
        .expect("calendar");
    assert!(r.committed, "{:?}", r.rows);
}

/// The file the week rule gives for the data written, computed here without the database.
async fn expected(app: &TestApp, from: IsoWeek, to: IsoWeek) -> String {
    let minimum = app::db::hours::minimum(&app.db).await.expect("minimum");
    let mut refs: Vec<(usize, &str)> = REFS.iter().copied().enumerate().collect();
    refs.sort_by(|a, b| a.1.cmp(b.1));
    let mut rows = Vec::new();
    for (i, r) in refs {
        let w = written(i);
        let mut enrolment = Enrolment::new(date(FIRST_MONDAY), None);
        enrolment.absences = w.absences.clone();
        if w.school == "Farstaskolan" {
            enrolment
                .closed
                .push((date("2026-01-30"), date("2026-01-30")));
        }
        let mut minutes = WeekMinutes::new();
        for (on, m, is_teaching) in &w.entries {
            let sums = minutes.entry(IsoWeek::containing(*on)).or_insert((0, 0));
            if *is_teaching {
                sums.0 += m;
            } else {
                sums.1 += m;
            }
        }
        for week in weeks_of(&enrolment, from, to, &minimum, &minutes) {
            rows.push(week.to_csv_fields(r));
        }
    }
    app::domain::csvfile::write(&COMPLIANCE_COLUMNS, rows)
}

async fn streamed(app: &TestApp, from: IsoWeek, to: IsoWeek, page: usize) -> String {
    let mut out = String::new();
    let records =
        app::import::time::stream_compliance(&app.db, Scope::All, (from, to), page, &mut out)
            .await
            .expect("export");
    assert_eq!(records as usize, out.lines().count() - 1, "page {page}");
    out
}

async fn every_page_size_gives_the_file_of_the_week_rule(app: TestApp) {
    seed(&app).await;
    write_data(&app).await;
    let from = IsoWeek::parse("2026-W02").expect("week");
    let to = IsoWeek::parse("2026-W06").expect("week");
    // The seed's own two participants are in the file too; the model covers only ours.
    let ours = |text: &str| -> String {
        text.lines()
            .filter(|l| !l.starts_with("P-000"))
            .map(|l| format!("{l}\n"))
            .collect()
    };
    let want = expected(&app, from, to).await;
    assert!(want.contains("\n_-05;2026-W03;"), "{want}");
    for page in [1, 2, 3, 5, 2000] {
        assert_eq!(
            ours(&streamed(&app, from, to, page).await),
            want,
            "page {page}"
        );
    }

    // Three are erased: their statistical records go by `erased:N` and keep their figures.
    let before = streamed(&app, from, to, 2000).await;
    let mut renamed = HashMap::new();
    for gone in ["X-gone-1", "X-gone-2", "X-gone-3"] {
        let id = app::db::participants::id_by_ref(&app.db, gone)
            .await
            .expect("db")
            .expect("participant");
        let erased = app::db::erasure::erase(
            &app.db,
            id,
            app::domain::erasure::ErasureReason::Request,
            app::state::clock::today(),
            |s| s.to_owned(),
        )
        .await
        .expect("erase")
        .expect("erased");
        renamed.insert(gone, app::domain::erasure::pseudonym(erased.record));
    }
    let mut rows: Vec<(String, String)> = before
        .lines()
        .skip(1)
        .map(|l| {
            let (r, rest) = l.split_once(';').expect("row");
            let r = renamed.get(r).cloned().unwrap_or_else(|| r.to_owned());
            (r, rest.to_owned())
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut after = app::domain::csvfile::header(&COMPLIANCE_COLUMNS);
    for (r, rest) in rows {
        after.push_str(&format!("{r};{rest}\n"));
    }
    assert!(
        after.contains("\nerased;") && after.contains("\nerased:"),
        "{after}"
    );
    for page in [1, 2, 3, 4, 7, 2000] {
        assert_eq!(streamed(&app, from, to, page).await, after, "page {page}");
    }

    // The web download is the same file, and is logged with its rows once sent.
    let c = app.sign_in(COORDINATOR).await;
    let web = app
        .get(
            &format!("/export/compliance.csv?from={}&to={}", from, to),
            Some(&c),
        )
        .await;
    assert_eq!(web.status, 200);
    assert_eq!(web.body, after);
    let logged = app::db::access_log::list(
        &app.db,
        app::domain::access_log::LogSubject::All,
        0,
        i64::MAX,
        1_000,
    )
    .await
    .expect("log");
    let download = logged
        .iter()
        .find(|e| e.event == AccessEvent::Download && e.what == "compliance.csv")
        .expect("the download is logged");
    assert_eq!(download.rows, Some(after.lines().count() as i64 - 1));
}

crate::on_both_engines! {
    every_page_size_gives_the_file_of_the_week_rule => super::every_page_size_gives_the_file_of_the_week_rule;
}
