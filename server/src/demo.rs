//! Demo data for trying the app: staff of every role, schools in several districts,
//! participants, groups, and one participant who can sign in on the tablet.
//!
//! Loaded only into an empty database (no users), and only when asked for (`DEMO_DATA=1`).

use app::db::participants::ChangeSource;
use app::db::{groups, participants, users, Db, DbError};
use app::domain::credentials::SignInCode;
use app::domain::role::Role;

/// Password of every demo account.
pub const DEMO_PASSWORD: &str = "sprakdemo2026";
/// Personal code of the demo participant P-0001 (PIN [`DEMO_PIN`]).
pub const DEMO_CODE: &str = "SPRAK2";
/// PIN of the demo participant.
pub const DEMO_PIN: &str = "1234";

const STAFF: [(&str, &str, Role); 5] = [
    (
        "samordnare@example.se",
        "Sara Samordnare",
        Role::Coordinator,
    ),
    ("larare@example.se", "Lena Lärare", Role::Teacher),
    ("larare2@example.se", "Tomas Lärare", Role::Teacher),
    ("mentor@example.se", "Maja Mentor", Role::Mentor),
    ("mentor2@example.se", "Ali Mentor", Role::Mentor),
];

const SCHOOLS: [(&str, &str); 8] = [
    ("Farstaskolan", "Farsta"),
    ("Skärholmens skola", "Skärholmen"),
    ("Hägerstensåsens skola", "Hägersten"),
    ("Vantörskolan", "Vantör"),
    ("Skarpnäcksskolan", "Skarpnäck"),
    ("Årstaskolan", "Enskede-Årsta"),
    ("Älvsjöskolan", "Älvsjö"),
    ("Sköndalsskolan", "Farsta"),
];

const NAMES: [(&str, &str, &str, &str); 24] = [
    ("Amina", "Hassan", "female", "so,sv"),
    ("Yonas", "Tesfay", "male", "ti,am"),
    ("Fatima", "Rahimi", "female", "fa,en"),
    ("Omar", "Ali", "male", "ar"),
    ("Hodan", "Warsame", "female", "so"),
    ("Ahmad", "Karimi", "male", "fa"),
    ("Layla", "Haddad", "female", "ar,fr"),
    ("Samuel", "Gebremedhin", "male", "ti"),
    ("Nasrin", "Sultani", "female", "fa"),
    ("Mohamed", "Abdi", "male", "so,ar"),
    ("Rania", "Khalil", "female", "ar,en"),
    ("Dawit", "Haile", "male", "ti,en"),
    ("Zahra", "Hosseini", "female", "fa"),
    ("Yusuf", "Osman", "male", "so"),
    ("Mariam", "Saleh", "female", "ar"),
    ("Bilal", "Noori", "male", "ps,fa"),
    ("Selam", "Tekle", "female", "ti"),
    ("Hamza", "Yilmaz", "male", "tr,ku"),
    ("Nour", "Aziz", "female", "ar"),
    ("Abdullahi", "Farah", "male", "so,en"),
    ("Shirin", "Ahmadi", "female", "fa,en"),
    ("Elias", "Berhane", "male", "ti"),
    ("Hawa", "Jama", "female", "so"),
    ("Karim", "Mansour", "male", "ar,en"),
];

/// Loads the demo data if the database has no users yet. Returns whether it did.
pub async fn load_if_empty(db: &Db) -> Result<bool, DbError> {
    if users::count(db).await? > 0 {
        return Ok(false);
    }
    let hash = app::auth::password::hash(DEMO_PASSWORD.to_owned())
        .await
        .map_err(DbError::Other)?;
    let mut ids = vec![];
    for (email, name, role) in STAFF {
        ids.push(users::create(db, email, name, role, &users::PasswordHash(hash.clone())).await?);
    }
    let today = app::state::clock::today();
    let mut csv = String::from(
        "participant_ref;given_name;family_name;gender;birth_year;school;district;mentor_email;start_date;planned_terms;residence_permit_date;arrival_date;study_path;languages\n",
    );
    for (i, (given, family, gender, langs)) in NAMES.iter().enumerate() {
        let (school, district) = SCHOOLS[i % SCHOOLS.len()];
        let mentor = match i % 3 {
            0 => "mentor@example.se",
            1 => "mentor2@example.se",
            _ => "",
        };
        let start = today - chrono::Days::new(30 + 7 * i as u64);
        let permit = start - chrono::Days::new(200 + 40 * i as u64);
        let arrival = permit - chrono::Days::new(120);
        csv.push_str(&format!(
            "P-{:04};{given};{family};{gender};{};{school};{district};{mentor};{};{};{};{};{};{langs}\n",
            i + 1,
            1975 + (i * 7) % 30,
            start.format("%Y-%m-%d"),
            1 + i % 3,
            permit.format("%Y-%m-%d"),
            arrival.format("%Y-%m-%d"),
            1 + i % 3,
        ));
    }
    let who = ChangeSource {
        source: "demo",
        by: None,
    };
    let report = app::import::participants::participants(db, &csv, today, who, false).await?;
    if !report.is_valid() {
        return Err(DbError::Other(format!(
            "demo data invalid: {:?}",
            app::import::table::report_lines(&report)
        )));
    }
    load_sfi_results(db, today).await?;
    load_paper_assessments(db, today).await?;
    let teacher = ids[1];
    let teacher2 = ids[2];
    let g1 = groups::create(db, "SFI C tisdag", teacher).await?;
    let g2 = groups::create(db, "SFI B torsdag", teacher2).await?;
    for n in 1..=16 {
        if let Some(pid) = participants::id_by_ref(db, &format!("P-{n:04}")).await? {
            groups::add_member(db, if n <= 10 { g1 } else { g2 }, pid).await?;
        }
    }
    load_calendar(db).await?;
    load_hours(db, today, [teacher, teacher2]).await?;
    if let Some(pid) = participants::id_by_ref(db, "P-0001").await? {
        let code = SignInCode::parse(DEMO_CODE).map_err(|p| DbError::Other(p.to_string()))?;
        participants::set_sign_in_code(db, pid, &code).await?;
        let pin = app::auth::password::hash(DEMO_PIN.to_owned())
            .await
            .map_err(DbError::Other)?;
        participants::set_pin_hash(
            db,
            pid,
            &pin,
            ChangeSource {
                source: "demo",
                by: None,
            },
        )
        .await?;
    }
    tracing::info!(
        "demo data loaded: sign in as samordnare@example.se (the demo password is in the README)"
    );
    Ok(true)
}

/// SFI results for the first twelve participants: a start test shortly after their start,
/// and for every other one with a long enough introduction a checkpoint one course up.
/// The school holidays of Stockholm's schools (the demo city) for the school years 2026/27 and
/// 2027/28, as a `calendar` file for the whole programme: participants work at schools, so the
/// schools' holidays are theirs. Dates as the city publishes them each year (the demo uses
/// them as given; a programme checks its own).
const DEMO_CALENDAR: &str = "scope;name;from_date;to_date;reason;note
programme;;2026-10-26;2026-10-30;holiday;Höstlov
programme;;2026-12-21;2027-01-08;holiday;Jullov
programme;;2027-02-22;2027-02-26;holiday;Sportlov
programme;;2027-03-29;2027-04-02;holiday;Påsklov
programme;;2027-05-06;2027-05-07;holiday;Kristi himmelsfärd och klämdag
programme;;2027-06-11;2027-08-17;holiday;Sommarlov
programme;;2027-11-01;2027-11-05;holiday;Höstlov
programme;;2027-12-22;2028-01-07;holiday;Jullov
programme;;2028-02-21;2028-02-25;holiday;Sportlov
programme;;2028-04-17;2028-04-21;holiday;Påsklov
programme;;2028-05-01;2028-05-01;holiday;Första maj
programme;;2028-05-25;2028-05-26;holiday;Kristi himmelsfärd och klämdag
programme;;2028-06-06;2028-06-06;holiday;Nationaldagen
programme;;2028-06-13;2028-08-18;holiday;Sommarlov
";

async fn load_calendar(db: &Db) -> Result<(), DbError> {
    let who = app::db::hours::Recorder {
        source: "demo",
        user: None,
        participant: None,
    };
    let report = app::import::calendar::import_file(db, DEMO_CALENDAR, who, false).await?;
    if !report.is_valid() {
        return Err(DbError::Other(format!(
            "demo calendar invalid: {:?}",
            app::import::table::report_lines(&report)
        )));
    }
    Ok(())
}

/// Whether a demo holiday falls on a weekday of `week` (the demo calendar read as the
/// `calendar` file it is).
fn has_closed_day(week: app::domain::weeks::IsoWeek) -> bool {
    use app::domain::calendar::{ClosedDays, RawClosedDays};
    let friday = week.monday() + chrono::Days::new(4);
    let Ok(table) =
        app::domain::csvfile::read(DEMO_CALENDAR, &app::import::calendar::CALENDAR_SPEC)
    else {
        return false;
    };
    table.rows.iter().any(|row| {
        ClosedDays::validate(&RawClosedDays::from_lookup(|c| row.get(c)))
            .is_ok_and(|d| d.from_date <= friday && d.to_date >= week.monday())
    })
}

async fn load_sfi_results(db: &Db, today: chrono::NaiveDate) -> Result<(), DbError> {
    let mut csv = String::from(
        "participant_ref;test_date;occasion;course;grade_scale;grade;reading;listening;speaking;writing;teacher_email\n",
    );
    for i in 0..12usize {
        let start = today - chrono::Days::new(30 + 7 * i as u64);
        let course = ["A", "B", "C"][i % 3];
        let teacher = if i < 10 {
            "larare@example.se"
        } else {
            "larare2@example.se"
        };
        csv.push_str(&format!(
            "P-{:04};{};start;{course};ig_g_vg;G;G;;G;;{teacher}\n",
            i + 1,
            (start + chrono::Days::new(3)).format("%Y-%m-%d"),
        ));
        if i % 2 == 0 && i >= 4 {
            let next = ["B", "C", "D"][i % 3];
            csv.push_str(&format!(
                "P-{:04};{};checkpoint;{next};ig_g_vg;VG;VG;;G;G;{teacher}\n",
                i + 1,
                (today - chrono::Days::new(5)).format("%Y-%m-%d"),
            ));
        }
    }
    let who = ChangeSource {
        source: "demo",
        by: None,
    };
    let report = app::import::sfi::import_file(db, &csv, today, who, false).await?;
    if !report.is_valid() {
        return Err(DbError::Other(format!(
            "demo SFI results invalid: {:?}",
            app::import::table::report_lines(&report)
        )));
    }
    Ok(())
}

/// Self-assessed levels from paper portfolios at the start, for the first eight participants.
async fn load_paper_assessments(db: &Db, today: chrono::NaiveDate) -> Result<(), DbError> {
    const LEVELS: [&str; 7] = ["pre_a1", "a1", "a2", "b1", "b2", "c1", "c2"];
    const SKILLS: [&str; 5] = [
        "listening",
        "reading",
        "spoken_interaction",
        "spoken_production",
        "writing",
    ];
    let mut csv = String::from("participant_ref;date;occasion;skill;level\n");
    for i in 0..8usize {
        let date = today - chrono::Days::new(28 + 7 * i as u64);
        for (k, skill) in SKILLS.iter().enumerate() {
            let level = LEVELS[(i % 3 + k % 2).min(LEVELS.len() - 1)];
            csv.push_str(&format!(
                "P-{:04};{};start;{skill};{level}\n",
                i + 1,
                date.format("%Y-%m-%d")
            ));
        }
    }
    let who = ChangeSource {
        source: "demo",
        by: None,
    };
    let report = app::import::assessments::import_file(db, &csv, today, who, false).await?;
    if !report.is_valid() {
        return Err(DbError::Other(format!(
            "demo assessments invalid: {:?}",
            app::import::table::report_lines(&report)
        )));
    }
    Ok(())
}

/// Weekly plans (Monday, Wednesday, Friday 08:30–10:10 taught; 300 minutes of self-study) and
/// the time of every day since each participant's start up to yesterday: taught lessons on
/// the plan's days, self-study on Tuesday, Thursday and Saturday evenings. Every fourth
/// participant skipped last Thursday's self-study (a short week for the mentor to see), and
/// P-0002 had a week of holiday two weeks ago.
async fn load_hours(
    db: &Db,
    today: chrono::NaiveDate,
    teachers: [app::domain::ids::UserId; 2],
) -> Result<(), DbError> {
    use app::domain::weeks::{IsoWeek, TeachingBlock, WeeklyPlan};
    use chrono::{Datelike, NaiveTime, Weekday};
    let time = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
    let plan = WeeklyPlan {
        blocks: [Weekday::Mon, Weekday::Wed, Weekday::Fri]
            .into_iter()
            .map(|weekday| TeachingBlock {
                weekday,
                start: time(8, 30),
                end: time(10, 10),
            })
            .collect(),
        self_study_minutes: 300,
    };
    let who = app::db::hours::Recorder {
        source: "demo",
        user: None,
        participant: None,
    };
    // The skipped Thursday lies in the latest finished week without a holiday (within the
    // mentor's four-week look-back), so the short week shows whatever the date.
    let mut last_week = IsoWeek::containing(today).prev();
    for _ in 0..3 {
        if !has_closed_day(last_week) {
            break;
        }
        last_week = last_week.prev();
    }
    let skipped = last_week.monday() + chrono::Days::new(3);
    let mut csv = String::from("participant_ref;date;start;end;kind;teacher_email\n");
    let mut tx = db.begin().await?;
    for i in 0..NAMES.len() {
        let r = format!("P-{:04}", i + 1);
        let Some(pid) = participants::id_by_ref(db, &r).await? else {
            continue;
        };
        let start = today - chrono::Days::new(30 + 7 * i as u64);
        let teacher = teachers[usize::from(i >= 10)];
        app::db::hours::save_plan(&mut tx, pid, start, &plan, &[Some(teacher); 3], who).await?;
        let email = if i >= 10 {
            "larare2@example.se"
        } else {
            "larare@example.se"
        };
        let mut day = start;
        while day < today {
            let line = match day.weekday() {
                Weekday::Mon | Weekday::Wed | Weekday::Fri => {
                    Some(format!("{r};{day};08:30;10:10;teaching;{email}\n"))
                }
                Weekday::Tue | Weekday::Thu | Weekday::Sat if !(i % 4 == 0 && day == skipped) => {
                    Some(format!("{r};{day};18:00;19:40;self_study;\n"))
                }
                _ => None,
            };
            if let Some(line) = line {
                csv.push_str(&line);
            }
            day = day + chrono::Days::new(1);
        }
    }
    tx.commit().await?;
    let now = app::state::clock::now();
    let report = app::import::time::import_teaching(db, &csv, now, who, false).await?;
    if !report.is_valid() {
        return Err(DbError::Other(format!(
            "demo time invalid: {:?}",
            app::import::table::report_lines(&report)
        )));
    }
    let holiday = IsoWeek::containing(today).prev().prev();
    let absences = format!(
        "participant_ref;from_date;to_date;reason;note\nP-0002;{};{};holiday;\n",
        holiday.monday(),
        holiday.monday() + chrono::Days::new(4)
    );
    let report = app::import::time::import_absences(db, &absences, who, false).await?;
    if !report.is_valid() {
        return Err(DbError::Other(format!(
            "demo absences invalid: {:?}",
            app::import::table::report_lines(&report)
        )));
    }
    Ok(())
}
