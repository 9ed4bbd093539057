//! `server bench charts`: the timing of the charts and of a mentor's dashboard.

use std::time::Instant;

use chrono::Days;

use app::db::Db;

use super::{scalar, stats};

/// Times the charts: one ladder (5 skills × 4 self-assessments, 3 SFI results), one sparkline
/// and one weekly chart (40 weeks) as pure renders; then the dashboard of the mentor with the
/// most participants, from the database to the finished rows.
pub(super) async fn charts(db: &Db) -> Result<(), String> {
    use app::charts::ladder::{
        ladder_svg, sparkline_svg, LadderData, LadderText, SfiMark, SkillLine,
    };
    use app::charts::weekly::{weekly_svg, WeekBar, WeeklyText};
    let day =
        |d: u64| chrono::NaiveDate::from_ymd_opt(2026, 1, 12).unwrap_or_default() + Days::new(d);
    let data = LadderData {
        from: Some(day(0)),
        to: Some(day(300)),
        start: Some(day(0)),
        finish: Some(day(300)),
        lines: (0..5u8)
            .map(|s| SkillLine {
                name: format!("Skill {s}"),
                points: (0..4u8)
                    .map(|k| (day(u64::from(k) * 84 + 7), (k + s % 2).min(6)))
                    .collect(),
            })
            .collect(),
        sfi: (0..3u32)
            .map(|k| SfiMark {
                date: day(u64::from(k) * 100 + 14),
                label: format!("{}: G", ["A", "B", "C"][k as usize]),
                guide_level: f64::from(k) + 0.7,
            })
            .collect(),
        text: LadderText {
            title: "Language ladder".into(),
            desc: "Bench".into(),
            levels: ["Pre-A1", "A1", "A2", "B1", "B2", "C1", "C2"].map(String::from),
            start: "Start".into(),
            finish: "Finish".into(),
            sfi: "SFI".into(),
            empty: "Empty".into(),
        },
    };
    let weeks: Vec<WeekBar> = (1..=40u32)
        .map(|w| WeekBar {
            label: format!("W{w}"),
            teaching: 300 - (w % 7) * 20,
            self_study: 300 - (w % 5) * 30,
            required: 300,
            short: w % 5 != 0,
        })
        .collect();
    let weekly_text = WeeklyText::default();
    let time = |name: &str, runs: u32, f: &dyn Fn() -> usize| {
        let _ = f();
        let t = Instant::now();
        let mut bytes = 0;
        for _ in 0..runs {
            bytes = f();
        }
        let per = t.elapsed().as_secs_f64() * 1e6 / f64::from(runs);
        println!("{name}: {per:.0} µs per chart ({bytes} bytes of SVG, mean of {runs})");
    };
    time("ladder chart", 1000, &|| ladder_svg(&data, "l").len());
    time("sparkline", 1000, &|| sparkline_svg(&data, "s").len());
    time("weekly chart, 40 weeks", 1000, &|| {
        weekly_svg(&weeks, &weekly_text, "w").len()
    });
    let mentor = scalar(
        db,
        "SELECT mentor_id FROM participants WHERE mentor_id IS NOT NULL AND status = 'active' \
         GROUP BY mentor_id ORDER BY COUNT(*) DESC, mentor_id LIMIT 1",
    )
    .await?;
    let today = app::state::clock::today();
    let auth = app::state::AuthConfig {
        session_secret: "bench".to_owned(),
        staff_idle_secs: 1800,
        participant_idle_secs: 600,
        secure_cookies: false,
        trust_forwarded_for: false,
    };
    let mut runs = Vec::new();
    let mut rows = 0;
    for i in 0..11 {
        let t = Instant::now();
        let d = app::ladder::service::dashboard(
            db,
            &auth,
            app::domain::ids::UserId(mentor),
            app::i18n::Locale::En,
            today,
            app::domain::ladder::DashboardSort::Name,
        )
        .await
        .map_err(|e| e.to_string())?;
        let d = app::ladder::service::with_tablet_locks(db, d)
            .await
            .map_err(|e| e.to_string())?;
        if i > 0 {
            runs.push(t.elapsed());
        }
        rows = d.rows.len();
    }
    let (min, median) = stats(runs);
    let engine = match db.backend {
        app::db::Backend::Sqlite => "SQLite",
        app::db::Backend::Postgres => "PostgreSQL",
    };
    println!(
        "{engine}: mentor dashboard, {rows} participants: min {min:.1} ms, median {median:.1} ms"
    );
    Ok(())
}
