//! `server bench participants-file --rows N`: a `participants` file of `N` new participants
//! for the schools and mentors of a generated city, written to standard output, for timing
//! the import.

use std::io::Write;

use app::db::Db;

/// Writes `rows` rows N-000000…, each at one of the city's schools (in its district) with one
/// of its mentors, all optional fields given.
pub(super) async fn participants_file(db: &Db, rows: usize) -> Result<(), String> {
    let schools: Vec<(String, String)> = sqlx::query_as(
        "SELECT s.name, d.name FROM schools s JOIN districts d ON d.id = s.district_id \
         ORDER BY s.name",
    )
    .fetch_all(&db.pool)
    .await
    .map_err(|e| e.to_string())?;
    let mentors: Vec<String> = sqlx::query_scalar(
        "SELECT email FROM users WHERE role = 'mentor' AND active = 1 ORDER BY email",
    )
    .fetch_all(&db.pool)
    .await
    .map_err(|e| e.to_string())?;
    if schools.is_empty() || mentors.is_empty() {
        return Err(
            "bench participants-file needs schools and mentors (run bench generate first)".into(),
        );
    }
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let mut write = |s: &str| out.write_all(s.as_bytes()).map_err(|e| e.to_string());
    write(
        "participant_ref;given_name;family_name;gender;birth_year;school;district;mentor_email;\
         start_date;planned_terms;residence_permit_date;arrival_date;study_path;languages\n",
    )?;
    let genders = ["female", "male", "other", "unspecified"];
    for i in 0..rows {
        let (school, district) = &schools[i % schools.len()];
        let mentor = &mentors[i % mentors.len()];
        write(&format!(
            "N-{i:06};Given{i};Family{i};{};{};{school};{district};{mentor};2026-09-{:02};{};\
             2025-03-01;2025-04-01;{};ar,so\n",
            genders[i % 4],
            1960 + i % 45,
            1 + i % 28,
            1 + i % 3,
            1 + i % 3,
        ))?;
    }
    out.flush().map_err(|e| e.to_string())
}
