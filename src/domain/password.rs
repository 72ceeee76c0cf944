//! Password hashing with argon2id, off the async runtime and bounded.
//!
//! Each hash costs ~19 MiB and ~20 ms with the OWASP parameters. A semaphore of
//! max(1, cores - 1) permits keeps a login flood from starving page requests or growing
//! memory without bound; the permit moves *into* the blocking closure, so a request that
//! is dropped mid-way still holds it until its hash finishes.

use std::sync::Arc;

use anyhow::Context;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

/// Hashes and verifies passwords. Cheap to clone.
#[derive(Clone)]
pub struct PasswordHashing {
    params: Params,
    permits: Arc<Semaphore>,
    /// A real hash of a random password: verifying an unknown email against it costs the
    /// same time as a real check, so timing does not tell which emails have accounts.
    dummy_hash: Arc<str>,
}

impl PasswordHashing {
    /// `memory_kib` and `iterations` are argon2id's m and t; OWASP recommends 19456 and 2.
    pub fn new(memory_kib: u32, iterations: u32) -> anyhow::Result<Self> {
        let params = Params::new(memory_kib, iterations, 1, None)
            .map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let permits = Arc::new(Semaphore::new(cores.saturating_sub(1).max(1)));
        let dummy = hash_with(&params, &crate::domain::random_token(16))?;
        Ok(Self {
            params,
            permits,
            dummy_hash: dummy.into(),
        })
    }

    pub async fn hash(&self, password: &str) -> anyhow::Result<String> {
        let permit = self.permits.clone().acquire_owned().await?;
        let params = self.params.clone();
        let password = password.to_owned();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            hash_with(&params, &password)
        })
        .await
        .context("password hashing task")?
    }

    /// Verifies `password` against `stored`, or against the dummy hash when there is no
    /// stored hash (unknown email). Returns false in that case whatever was typed.
    pub async fn verify(&self, password: &str, stored: Option<&str>) -> anyhow::Result<bool> {
        let permit = self.permits.clone().acquire_owned().await?;
        let known = stored.is_some();
        let hash = stored.map_or_else(|| self.dummy_hash.to_string(), str::to_owned);
        let password = password.to_owned();
        let ok = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let parsed =
                PasswordHash::new(&hash).map_err(|e| anyhow::anyhow!("stored hash: {e}"))?;
            // Verification uses the parameters stored in the hash itself, so raising them
            // later keeps old passwords working.
            Ok::<_, anyhow::Error>(
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok(),
            )
        })
        .await
        .context("password verification task")??;
        Ok(ok && known)
    }
}

fn hash_with(params: &Params, password: &str) -> anyhow::Result<String> {
    let salt = SaltString::encode_b64(&crate::domain::random_bytes::<16>())
        .map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    Ok(argon
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hash password: {e}"))?
        .to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_only_its_own_password() {
        let h = PasswordHashing::new(64, 1).unwrap();
        let stored = h.hash("correct horse").await.unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(h.verify("correct horse", Some(&stored)).await.unwrap());
        assert!(!h.verify("wrong horse", Some(&stored)).await.unwrap());
        assert!(!h.verify("correct horse", None).await.unwrap());
    }
}
