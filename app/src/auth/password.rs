//! argon2id hashing of staff passwords and participant PINs. Hashes never leave the server.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

/// How many argon2 computations run at once (each takes about 19 MiB and a core for a while):
/// the rest wait their turn, so a flood of sign-in attempts cannot exhaust the memory.
pub const MAX_CONCURRENT_HASHES: usize = 4;

static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(MAX_CONCURRENT_HASHES);

/// Hashes a secret with argon2id and a random salt (on a blocking thread: it is slow by design).
pub async fn hash(secret: String) -> Result<String, String> {
    let _permit = HASHING.acquire().await.map_err(|e| e.to_string())?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(secret.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}

/// Checks a secret against a stored hash. `None` as hash still spends the time of a check, so
/// an unknown account cannot be told from a wrong password by timing.
pub async fn verify(secret: String, stored: Option<String>) -> bool {
    let Ok(_permit) = HASHING.acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || {
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_owned());
        match PasswordHash::new(&stored) {
            Ok(parsed) => Argon2::default()
                .verify_password(secret.as_bytes(), &parsed)
                .is_ok(),
            Err(_) => false,
        }
    })
    .await
    .unwrap_or(false)
}

/// A fresh one-time password (see [`NewPassword::one_time`]) from the system's randomness.
pub fn one_time_password() -> crate::domain::credentials::NewPassword {
    crate::domain::credentials::NewPassword::one_time(rand::random())
}

/// A valid argon2id hash of a random string nobody knows.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Xb2jhmsHs+2tsTjWlCexvVB2nV+JvOZJk5ylY6IwtA";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_own_secret_only() {
        let h = hash("correct horse".to_owned()).await;
        assert!(h.as_ref().is_ok_and(|h| h.starts_with("$argon2id$")));
        let h = h.ok();
        assert!(verify("correct horse".to_owned(), h.clone()).await);
        assert!(!verify("wrong horse".to_owned(), h).await);
    }

    #[tokio::test]
    async fn no_stored_hash_never_verifies() {
        assert!(!verify("".to_owned(), None).await);
        assert!(!verify("anything".to_owned(), None).await);
    }
}
