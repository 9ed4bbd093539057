//! Recorded clips of the statements (issue 13): stored in the database, so every server of the
//! programme serves the same; a new upload replaces a clip and keeps the old one's facts.

use std::collections::BTreeMap;

use super::{col, now, Db, DbError};
use crate::domain::clip::Clip;
use crate::domain::ids::UserId;

/// The SHA-256 of a clip, shortened: its version in the audio URL.
pub fn digest(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(bytes))[..32].to_owned()
}

/// Stores `clips` of catalogue `version` in `language`, all or none. Returns how many.
pub async fn save(
    db: &Db,
    version: &str,
    language: &str,
    clips: &[Clip],
    by: Option<UserId>,
) -> Result<usize, DbError> {
    let mut tx = db.begin().await?;
    let at = now();
    for clip in clips {
        sqlx::query(
            "INSERT INTO audio_clip_history (catalogue_version, statement_id, language, digest, \
             duration_ms, uploaded_by, uploaded_at, replaced_at) \
             SELECT catalogue_version, statement_id, language, digest, duration_ms, uploaded_by, \
             uploaded_at, $4 FROM audio_clips \
             WHERE catalogue_version = $1 AND statement_id = $2 AND language = $3",
        )
        .bind(version)
        .bind(&clip.statement)
        .bind(language)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "DELETE FROM audio_clips WHERE catalogue_version = $1 AND statement_id = $2 AND language = $3",
        )
        .bind(version)
        .bind(&clip.statement)
        .bind(language)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO audio_clips (catalogue_version, statement_id, language, audio, digest, \
             duration_ms, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(version)
        .bind(&clip.statement)
        .bind(language)
        .bind(clip.bytes.clone())
        .bind(digest(&clip.bytes))
        .bind(i64::try_from(clip.duration_ms).unwrap_or(i64::MAX))
        .bind(by.map(|u| u.0))
        .bind(at)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(clips.len())
}

/// The clip of statement `id` in `language`, if one was uploaded.
pub async fn get(
    db: &Db,
    version: &str,
    id: &str,
    language: &str,
) -> Result<Option<(Vec<u8>, String)>, DbError> {
    let row = sqlx::query(
        "SELECT audio, digest FROM audio_clips \
         WHERE catalogue_version = $1 AND statement_id = $2 AND language = $3",
    )
    .bind(version)
    .bind(id)
    .bind(language)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| Ok((col(&r, "audio")?, col(&r, "digest")?)))
        .transpose()
}

/// Statement id → digest of every clip of catalogue `version` in `language`.
pub async fn digests(
    db: &Db,
    version: &str,
    language: &str,
) -> Result<BTreeMap<String, String>, DbError> {
    let rows = sqlx::query(
        "SELECT statement_id, digest FROM audio_clips WHERE catalogue_version = $1 AND language = $2",
    )
    .bind(version)
    .bind(language)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((col(r, "statement_id")?, col(r, "digest")?)))
        .collect()
}

/// Language → number of clips, for catalogue `version`.
pub async fn counts(db: &Db, version: &str) -> Result<BTreeMap<String, i64>, DbError> {
    let rows = sqlx::query(
        "SELECT language, COUNT(*) AS n FROM audio_clips WHERE catalogue_version = $1 GROUP BY language",
    )
    .bind(version)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((col(r, "language")?, col(r, "n")?)))
        .collect()
}
