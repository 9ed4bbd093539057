//! The statement catalogue: loaded once per version, read per skill in one language.

use serde::{Deserialize, Serialize};

use crate::db::{col, now, parse_col, Db, DbError};
use crate::domain::catalogue::Catalogue;
use crate::domain::cefr::{CefrLevel, Skill};
use crate::domain::translation::Translation;

/// A statement with its text in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementText {
    /// Id within the catalogue.
    pub id: String,
    /// Skill.
    pub skill: Skill,
    /// Level.
    pub level: CefrLevel,
    /// Text in the language asked for (Swedish where that language has none).
    pub text: String,
    /// The Swedish text, which stays visible above a translation.
    pub sv: String,
}

/// Makes sure catalogue `c` is in the database; a version already loaded is left alone.
/// Returns whether it was loaded now.
pub async fn load_catalogue(db: &Db, c: &Catalogue) -> Result<bool, DbError> {
    let mut tx = db.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO cefr_catalogues (version, loaded_at) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING",
    )
    .bind(&c.version)
    .bind(now())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    for (position, s) in c.statements.iter().enumerate() {
        sqlx::query(
            "INSERT INTO cefr_statements (catalogue_version, statement_id, skill, level, position) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&c.version)
        .bind(&s.id)
        .bind(s.skill.as_str())
        .bind(s.level.as_str())
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .execute(&mut *tx)
        .await?;
        for (language, text) in [("sv", &s.sv), ("en", &s.en)] {
            sqlx::query(
                "INSERT INTO cefr_statement_texts (catalogue_version, statement_id, language, text) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(&c.version)
            .bind(&s.id)
            .bind(language)
            .bind(text)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(true)
}

/// Makes sure the statements' texts in translation `t`'s language are in the database: a
/// language already complete for the version is left alone (a corrected text comes by the
/// translators' import, with history), missing rows are added. Returns the rows added.
pub async fn load_translation(db: &Db, t: &Translation) -> Result<u64, DbError> {
    let have: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM cefr_statement_texts WHERE catalogue_version = $1 AND language = $2",
    )
    .bind(&t.version)
    .bind(&t.language)
    .fetch_one(&db.pool)
    .await?;
    if usize::try_from(have).is_ok_and(|n| n >= t.texts.len()) {
        return Ok(0);
    }
    let mut tx = db.begin().await?;
    let mut added = 0;
    for (id, text) in &t.texts {
        added += sqlx::query(
            "INSERT INTO cefr_statement_texts (catalogue_version, statement_id, language, text, checked) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (catalogue_version, statement_id, language) DO NOTHING",
        )
        .bind(&t.version)
        .bind(id)
        .bind(&t.language)
        .bind(&text.text)
        .bind(i64::from(text.checked))
        .execute(&mut *tx)
        .await?
        .rows_affected();
    }
    tx.commit().await?;
    Ok(added)
}

/// The statements of `skill` in catalogue `version`, lowest level first, in `language`
/// (Swedish where that language has no text).
pub async fn statements(
    db: &Db,
    version: &str,
    skill: Skill,
    language: &str,
) -> Result<Vec<StatementText>, DbError> {
    let rows = sqlx::query(
        "SELECT s.statement_id, s.skill, s.level, COALESCE(t.text, sv.text) AS text, sv.text AS sv \
         FROM cefr_statements s \
         JOIN cefr_statement_texts sv ON sv.catalogue_version = s.catalogue_version \
              AND sv.statement_id = s.statement_id AND sv.language = 'sv' \
         LEFT JOIN cefr_statement_texts t ON t.catalogue_version = s.catalogue_version \
              AND t.statement_id = s.statement_id AND t.language = $3 \
         WHERE s.catalogue_version = $1 AND s.skill = $2 ORDER BY s.position",
    )
    .bind(version)
    .bind(skill.as_str())
    .bind(language)
    .fetch_all(&db.pool)
    .await?;
    let mut out: Vec<StatementText> = rows
        .iter()
        .map(|r| {
            let skill: String = col(r, "skill")?;
            let level: String = col(r, "level")?;
            Ok(StatementText {
                id: col(r, "statement_id")?,
                skill: parse_col(Skill::parse(&skill), "skill")?,
                level: parse_col(CefrLevel::parse(&level), "level")?,
                text: col(r, "text")?,
                sv: col(r, "sv")?,
            })
        })
        .collect::<Result<_, DbError>>()?;
    out.sort_by_key(|s| s.level);
    Ok(out)
}

/// The text of statement `id` of catalogue `version` in `language`, if it has one.
pub async fn statement_text(
    db: &Db,
    version: &str,
    id: &str,
    language: &str,
) -> Result<Option<String>, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT text FROM cefr_statement_texts \
         WHERE catalogue_version = $1 AND statement_id = $2 AND language = $3",
    )
    .bind(version)
    .bind(id)
    .bind(language)
    .fetch_optional(&db.pool)
    .await?)
}

/// Language → (statements with a text, of which checked by a translator), for `version`.
pub async fn text_counts(
    db: &Db,
    version: &str,
) -> Result<std::collections::BTreeMap<String, (usize, usize)>, DbError> {
    let rows = sqlx::query(
        "SELECT language, COUNT(*) AS n, CAST(SUM(checked) AS BIGINT) AS checked FROM cefr_statement_texts \
         WHERE catalogue_version = $1 GROUP BY language",
    )
    .bind(version)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let n: i64 = col(r, "n")?;
            let checked: i64 = col(r, "checked")?;
            let count = |v: i64| usize::try_from(v).unwrap_or_default();
            Ok((col(r, "language")?, (count(n), count(checked))))
        })
        .collect()
}
