//! `server bench generate`: the synthetic city, written straight into the tables.

use std::time::Instant;

use chrono::{Datelike, Days};

use app::db::Db;
use app::domain::time_record::week_code;
use app::domain::weeks::IsoWeek;

use super::{exec, scalar};

/// A small deterministic generator (xorshift64*), so every run builds the same city.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Inserts `rows` (already formatted `(…)` tuples) in statements of `chunk` rows, in one
/// transaction per statement batch.
async fn insert_all(db: &Db, head: &str, rows: &[String], chunk: usize) -> Result<(), String> {
    let mut tx = db.pool.begin().await.map_err(|e| e.to_string())?;
    for part in rows.chunks(chunk) {
        let sql = format!("{head} VALUES {}", part.join(","));
        sqlx::query(&sql)
            .execute(&mut *tx)
            .await
            .map_err(|e| e.to_string())?;
    }
    tx.commit().await.map_err(|e| e.to_string())
}

/// A city of `participants` participants in 10 districts and 100 schools, started over the
/// `weeks` weeks up to today, each with a year's plan of three taught lessons (100 minutes)
/// and three self-study sessions a week; about one week in eight misses a session, one
/// participant in twenty has a week of illness, and school holidays close two weeks.
pub(super) async fn generate(db: &Db, participants: usize, weeks: u32) -> Result<(), String> {
    if scalar(db, "SELECT COUNT(*) FROM participants").await? > 0 {
        return Err("bench generate needs an empty database (no participants)".to_owned());
    }
    let started = Instant::now();
    let mut rng = Rng(0x5EED_CAFE_F00D_1234);
    let today = app::state::clock::today();
    let first_monday = IsoWeek::containing(today - Days::new(u64::from(weeks) * 7)).monday();
    let t0 = app::db::now();
    let district_ids: Vec<i64> = (1..=10).map(|i| 1000 + i).collect();
    insert_all(
        db,
        "INSERT INTO districts (id, name)",
        &district_ids
            .iter()
            .map(|d| format!("({d}, 'Bench district {d}')"))
            .collect::<Vec<_>>(),
        500,
    )
    .await?;
    let school_ids: Vec<i64> = (1..=100).map(|i| 2000 + i).collect();
    insert_all(
        db,
        "INSERT INTO schools (id, district_id, name)",
        &school_ids
            .iter()
            .enumerate()
            .map(|(i, s)| format!("({s}, {}, 'Bench school {s}')", district_ids[i % 10]))
            .collect::<Vec<_>>(),
        500,
    )
    .await?;
    // Staff: 300 mentors, 60 teachers (they cannot sign in: the hash is not a password hash).
    let staff: Vec<String> = (1..=360)
        .map(|i| {
            let role = if i <= 300 { "mentor" } else { "teacher" };
            format!(
                "({}, 'bench{i}@bench.invalid', 'Bench {role} {i}', '{role}', '!', {t0})",
                5000 + i
            )
        })
        .collect();
    insert_all(
        db,
        "INSERT INTO users (id, email, display_name, role, password_hash, created_at)",
        &staff,
        500,
    )
    .await?;
    let genders = ["female", "male", "other", "unspecified"];
    let mut people = Vec::with_capacity(participants);
    let mut starts = Vec::with_capacity(participants);
    for i in 0..participants {
        let id = 100_000 + i as i64;
        // Most started before the range; the rest spread over it.
        let offset = if rng.chance(60) {
            0
        } else {
            rng.below(u64::from(weeks) * 7)
        };
        let start = first_monday + Days::new(offset);
        starts.push((id, start));
        let school = school_ids[rng.below(school_ids.len() as u64) as usize];
        let mentor = 5001 + rng.below(300) as i64;
        let gender = genders[rng.below(4) as usize];
        people.push(format!(
            "({id}, 'B-{i:05}', 'Given{i}', 'Family{i}', '{gender}', {school}, {mentor}, '{}', 3, 'Z{i:07}', {t0}, {t0}, '{}')",
            start.format("%Y-%m-%d"),
            app::domain::participant::search_key(
                &format!("B-{i:05}"),
                &format!("Given{i}"),
                &format!("Family{i}")
            )
        ));
    }
    insert_all(
        db,
        "INSERT INTO participants (id, participant_ref, given_name, family_name, gender, school_id, mentor_id, start_date, planned_terms, sign_in_code, created_at, updated_at, search_key)",
        &people,
        500,
    )
    .await?;
    // Absences: a week of illness for one in twenty; the whole city has two holiday weeks.
    let mut absences = Vec::new();
    let holiday = first_monday + Days::new((u64::from(weeks) / 2) * 7);
    for &(id, start) in &starts {
        absences.push(format!(
            "({id}, '{}', '{}', 'holiday', '', 1, {t0}, {t0})",
            holiday.format("%Y-%m-%d"),
            (holiday + Days::new(11)).format("%Y-%m-%d")
        ));
        if rng.chance(5) {
            let from = start + Days::new(rng.below(200));
            if from < today && from != holiday {
                absences.push(format!(
                    "({id}, '{}', '{}', 'illness', '', 1, {t0}, {t0})",
                    from.format("%Y-%m-%d"),
                    (from + Days::new(4)).format("%Y-%m-%d")
                ));
            }
        }
    }
    // Self-assessed levels (paper portfolios) a week after the start and at twelve weeks, and
    // SFI results two weeks after the start and at sixteen weeks.
    let levels = ["pre_a1", "a1", "a2", "b1", "b2"];
    let skills = [
        "listening",
        "reading",
        "spoken_interaction",
        "spoken_production",
        "writing",
    ];
    let mut assessments = Vec::new();
    let mut assessment_levels = Vec::new();
    let mut sfi = Vec::new();
    for (n, &(id, start)) in starts.iter().enumerate() {
        let base = rng.below(3) as usize;
        for (k, (weeks_in, occasion)) in [(1u64, "start"), (12, "checkpoint")]
            .into_iter()
            .enumerate()
        {
            let on = start + Days::new(weeks_in * 7);
            if on >= today {
                continue;
            }
            let aid = 1_000_000 + (n as i64) * 2 + k as i64;
            assessments.push(format!(
                "({aid}, {id}, '{occasion}', '{}', 'submitted', 'import', {t0}, {t0}, {t0})",
                on.format("%Y-%m-%d")
            ));
            for (s, skill) in skills.iter().enumerate() {
                let level = levels[(base + k + (s % 2)).min(levels.len() - 1)];
                assessment_levels.push(format!("({aid}, '{skill}', '{level}')"));
            }
        }
        let courses = ["A", "B", "C", "D"];
        for (k, (weeks_in, occasion)) in [(2u64, "start"), (16, "checkpoint")]
            .into_iter()
            .enumerate()
        {
            let on = start + Days::new(weeks_in * 7);
            if on >= today {
                continue;
            }
            sfi.push(format!(
                "({id}, '{}', '{}', '{occasion}', 'f_a', 'E', 1, {t0}, {t0})",
                on.format("%Y-%m-%d"),
                courses[(base + k).min(3)]
            ));
        }
    }
    insert_all(
        db,
        "INSERT INTO assessments (id, participant_id, occasion, assessed_on, status, source, created_at, updated_at, submitted_at)",
        &assessments,
        500,
    )
    .await?;
    insert_all(
        db,
        "INSERT INTO assessment_levels (assessment_id, skill, level)",
        &assessment_levels,
        1000,
    )
    .await?;
    insert_all(
        db,
        "INSERT INTO sfi_results (participant_id, test_date, course, occasion, grade_scale, grade, version, created_at, updated_at)",
        &sfi,
        1000,
    )
    .await?;
    insert_all(
        db,
        "INSERT INTO absences (participant_id, from_date, to_date, reason, note, version, created_at, updated_at)",
        &absences,
        500,
    )
    .await?;
    eprintln!(
        "{participants} participants, {} absences in {:.1} s; now the time entries …",
        absences.len(),
        started.elapsed().as_secs_f64()
    );
    // Time: Mon/Wed/Fri 08:30–10:10 taught, Tue/Thu/Sat 18:00–19:40 self-study.
    let head = "INSERT INTO time_entries (participant_id, kind, entry_date, start_time, end_time, minutes, iso_week, teacher_id, version, created_at, updated_at)";
    let mut batch = Vec::with_capacity(20_000);
    let mut total = 0usize;
    for &(id, start) in &starts {
        let teacher = 5301 + (id % 60);
        let mut day = start;
        while day < today {
            let wd = day.weekday().number_from_monday();
            let in_holiday = day >= holiday && day <= holiday + Days::new(11);
            let kind = match wd {
                1 | 3 | 5 => Some(("teaching", "08:30", "10:10", teacher.to_string())),
                2 | 4 | 6 => Some(("self_study", "18:00", "19:40", "NULL".to_owned())),
                _ => None,
            };
            if let Some((kind, s, e, t)) = kind {
                if !in_holiday && !rng.chance(4) {
                    batch.push(format!(
                        "({id}, '{kind}', '{}', '{s}', '{e}', 100, {}, {t}, 1, {t0}, {t0})",
                        day.format("%Y-%m-%d"),
                        week_code(IsoWeek::containing(day))
                    ));
                }
            }
            day = day + Days::new(1);
            if batch.len() >= 20_000 {
                insert_all(db, head, &batch, 1000).await?;
                total += batch.len();
                batch.clear();
            }
        }
    }
    insert_all(db, head, &batch, 1000).await?;
    total += batch.len();
    if db.backend == app::db::Backend::Postgres {
        // Explicit ids were inserted; move the identity sequences past them.
        for table in [
            "districts",
            "schools",
            "users",
            "participants",
            "assessments",
        ] {
            exec(
                db,
                &format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"),
            )
            .await?;
        }
    }
    exec(db, "ANALYZE").await?;
    eprintln!(
        "generated {participants} participants, {total} time entries, {} absences in {:.1} s",
        absences.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
