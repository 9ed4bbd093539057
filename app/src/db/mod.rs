//! All SQL of the application. One module per area; functions take the [`Db`] or a transaction
//! and return domain values. Nothing outside this module writes SQL.
//!
//! The same statements run on SQLite (the embedded default) and PostgreSQL, through sqlx's
//! `Any` driver: `$1`-style parameters, dates as ISO text, instants as Unix seconds.

pub mod access_log;
pub mod assessments;
pub mod calendar;
pub mod clips;
pub mod erasure;
pub mod flash;
pub mod followed;
pub mod groups;
pub mod hours;
pub mod housekeeping;
pub mod imports;
pub mod ladder;
pub mod mentoring;
pub mod outcomes;
pub mod participants;
pub mod person;
pub mod schools;
pub mod sessions;
pub mod settings;
pub mod sfi;
pub mod steps;
pub mod throttle;
pub mod translations;
pub mod users;
pub mod versions;

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};

use crate::domain::problem::{FieldProblem, Problem};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

/// The default database: a SQLite file under `data/`, created on first start.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/spraktrappan.db";

/// Errors of the database layer.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The row asked for does not exist.
    #[error("not found")]
    NotFound,
    /// A uniqueness rule was broken; the problem says which field.
    #[error("conflict: {0:?}")]
    Conflict(FieldProblem),
    /// The database failed.
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    /// Anything else (e.g. a stored value that no longer parses).
    #[error("{0}")]
    Other(String),
}

/// Which database engine is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// The connection pool, with the engine it talks to.
#[derive(Debug, Clone)]
pub struct Db {
    /// The pool; use the functions of this module rather than the pool directly.
    pub pool: AnyPool,
    /// The engine.
    pub backend: Backend,
}

/// A transaction on the pool.
pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

impl Db {
    /// Connects to `url` (`sqlite://…` or `postgres://…`). For SQLite, the file and its
    /// directory are created if missing, WAL mode and foreign keys are switched on.
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            return Err(DbError::Other(format!(
                "DATABASE_URL must start with sqlite: or postgres:// (got {url:?})"
            )));
        };
        let url = match backend {
            Backend::Sqlite => prepare_sqlite_url(url)?,
            Backend::Postgres => url.to_owned(),
        };
        let options = AnyPoolOptions::new().max_connections(match backend {
            Backend::Sqlite => 8,
            Backend::Postgres => 16,
        });
        let options = match backend {
            Backend::Sqlite => options.after_connect(|conn, _meta| {
                Box::pin(async move {
                    conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;")
                        .await?;
                    Ok(())
                })
            }),
            Backend::Postgres => options,
        };
        let pool = options.connect(&url).await?;
        if backend == Backend::Sqlite {
            pool.execute("PRAGMA journal_mode = WAL;").await?;
        }
        Ok(Self { pool, backend })
    }

    /// Applies the migrations of this engine that have not run yet, then fills the values that
    /// are computed in Rust (the participants' folded search text).
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        participants::fill_search_keys(self)
            .await
            .map_err(|e| sqlx::migrate::MigrateError::Source(Box::new(e)))?;
        Ok(())
    }

    /// Starts a transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`):
    /// a transaction that reads before it writes would otherwise fail with "busy" when another
    /// writer commits in between; this way the second writer waits (busy timeout) instead.
    pub async fn begin(&self) -> Result<Tx, DbError> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// True when the database answers a trivial query.
    pub async fn is_reachable(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }
}

/// Makes sure the directory of a SQLite file exists and asks sqlx to create the file.
fn prepare_sqlite_url(url: &str) -> Result<String, DbError> {
    let rest = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path != ":memory:" && !path.is_empty() {
        if let Some(dir) = std::path::Path::new(path).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| DbError::Other(format!("cannot create {}: {e}", dir.display())))?;
            }
        }
    }
    let query = if query.contains("mode=") {
        query.to_owned()
    } else if query.is_empty() {
        "mode=rwc".to_owned()
    } else {
        format!("{query}&mode=rwc")
    };
    Ok(format!("sqlite://{path}?{query}"))
}

/// Whose rows an export holds: everyone's (the file kinds) or one person's (their data on
/// request).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    /// Every participant.
    Everyone,
    /// One participant.
    One(crate::domain::ids::ParticipantId),
}

impl Whose {
    /// The SQL condition on the participants alias `p` (an id is a number, written inline).
    pub(crate) fn condition(self) -> String {
        match self {
            Whose::Everyone => "1 = 1".to_owned(),
            Whose::One(id) => format!("p.id = {}", id.0),
        }
    }
}

/// Current time as Unix seconds.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The placeholders of `rows` rows of `columns` values each, as `VALUES` takes them:
/// `(?, ?), (?, ?)` on SQLite, `($1, $2), ($3, $4)` on PostgreSQL. SQLite finds a numbered
/// placeholder by a scan of all names, which makes a statement of 10,000 of them take 150 ms
/// instead of 3; anonymous ones are bound in order.
pub(crate) fn value_rows(backend: Backend, columns: usize, rows: usize) -> String {
    let mut sql = String::with_capacity(rows * columns * 4);
    for row in 0..rows {
        if row > 0 {
            sql.push(',');
        }
        sql.push('(');
        for c in 0..columns {
            if c > 0 {
                sql.push(',');
            }
            match backend {
                Backend::Sqlite => sql.push('?'),
                Backend::Postgres => {
                    sql.push('$');
                    sql.push_str(&(row * columns + c + 1).to_string());
                }
            }
        }
        sql.push(')');
    }
    sql
}

/// `expr` compared and sorted in byte order (the order of Rust's `str`), whatever the
/// database's collation: SQLite's default collation is byte order already; PostgreSQL's
/// follows the locale unless told `COLLATE "C"` (which the index `participants_ref_bytes`
/// serves for the participants' references).
pub(crate) fn bytewise(backend: Backend, expr: &str) -> String {
    match backend {
        Backend::Sqlite => expr.to_owned(),
        Backend::Postgres => format!("{expr} COLLATE \"C\""),
    }
}

/// Turns a unique-constraint violation into a conflict on `field`; other errors pass through.
pub(crate) fn conflict_on(field: &str, value: &str) -> impl FnOnce(sqlx::Error) -> DbError {
    let field = field.to_owned();
    let value = value.to_owned();
    move |e| match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            DbError::Conflict(FieldProblem::new(field, value, Problem::AlreadyTaken))
        }
        _ => DbError::Sqlx(e),
    }
}

/// Whether a database error means that a concurrent writer got there first: a unique key
/// taken between our check and our insert, a serialization failure or deadlock (PostgreSQL), or
/// a write lock not obtained in time (SQLite). The request is refused as a conflict to retry,
/// not as an internal error.
pub fn is_race(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => {
            d.is_unique_violation()
                || matches!(
                    d.code().as_deref(),
                    Some("40001" | "40P01" | "5" | "6" | "517")
                )
        }
        _ => false,
    }
}

/// A change based on version `expected` (`None`: not checked) of a record now at `stored`: a
/// conflict on `version` if someone changed the record in between.
pub(crate) fn stale(expected: Option<i64>, stored: i64) -> Result<(), DbError> {
    match expected {
        Some(e) if e != stored => Err(changed_meanwhile(e.to_string())),
        _ => Ok(()),
    }
}

/// The refusal of [`stale`] for the version `shown` by a form (empty when the record it showed
/// no longer exists, or never did).
pub(crate) fn changed_meanwhile(shown: String) -> DbError {
    DbError::Conflict(crate::domain::problem::FieldProblem::new(
        "version",
        shown,
        crate::domain::problem::Problem::ChangedMeanwhile,
    ))
}

/// Whether `r` is the refusal of [`stale`]: the record changed since the page showed it.
pub fn is_stale<T>(r: &Result<T, DbError>) -> bool {
    matches!(r, Err(DbError::Conflict(p))
        if p.problem == crate::domain::problem::Problem::ChangedMeanwhile)
}

/// Reads a column that must hold a parseable value; a bad stored value is an internal error.
pub(crate) fn parse_col<T, E: std::fmt::Debug>(
    row_value: Result<T, E>,
    what: &str,
) -> Result<T, DbError> {
    row_value.map_err(|e| DbError::Other(format!("stored {what} does not parse: {e:?}")))
}

/// Reads a text column into a domain value with `parse`; a stored value that no longer parses
/// is corruption (an internal error naming the column and the value).
pub(crate) fn typed_col<T, E: std::fmt::Debug>(
    row: &AnyRow,
    name: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, DbError> {
    let text: String = col(row, name)?;
    parse(&text)
        .map_err(|e| DbError::Other(format!("stored {name} {text:?} does not parse: {e:?}")))
}

/// Like [`typed_col`] for a column that may be NULL (or empty): `None` then.
pub(crate) fn opt_typed_col<T, E: std::fmt::Debug>(
    row: &AnyRow,
    name: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<Option<T>, DbError> {
    match col::<Option<String>>(row, name)? {
        Some(text) if !text.trim().is_empty() => parse(&text)
            .map(Some)
            .map_err(|e| DbError::Other(format!("stored {name} {text:?} does not parse: {e:?}"))),
        _ => Ok(None),
    }
}

/// A `YYYY-MM-DD` column.
pub(crate) fn date_col(row: &AnyRow, name: &str) -> Result<chrono::NaiveDate, DbError> {
    typed_col(row, name, crate::domain::participant::parse_date)
}

/// A `YYYY-MM-DD` column that may be NULL.
pub(crate) fn opt_date_col(row: &AnyRow, name: &str) -> Result<Option<chrono::NaiveDate>, DbError> {
    opt_typed_col(row, name, crate::domain::participant::parse_date)
}

/// An `HH:MM` column.
pub(crate) fn time_col(row: &AnyRow, name: &str) -> Result<chrono::NaiveTime, DbError> {
    typed_col(row, name, crate::domain::time_record::parse_clock)
}

/// Access to a column by name with a uniform error.
pub(crate) fn col<'r, T>(row: &'r AnyRow, name: &str) -> Result<T, DbError>
where
    T: sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    use sqlx::Row;
    row.try_get(name).map_err(DbError::Sqlx)
}
