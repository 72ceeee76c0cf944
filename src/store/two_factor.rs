//! SQL for two-factor sign-in: TOTP secrets and recovery codes.

use anyhow::Context;
use time::OffsetDateTime;

use super::{in_tx, on_db, on_writer, Db};
use crate::crypto::Slot;
use crate::ids::UserId;

/// No `Debug`: it holds the shared secret.
#[derive(Clone)]
pub struct TotpRow {
    /// The shared secret; `None` when what is stored cannot be read (sealed with another
    /// key, or copied from another account): then no code matches it.
    pub secret: Option<Vec<u8>>,
    pub enabled_at: Option<OffsetDateTime>,
}

/// The person's secret, opened with the data key when one is set.
pub async fn find_totp(db: &Db, user: UserId) -> anyhow::Result<Option<TotpRow>> {
    let row: Option<(Vec<u8>, Option<OffsetDateTime>)> = on_db!(db, |pool| sqlx::query_as(
        "SELECT secret, enabled_at FROM totp_secrets WHERE user_id = $1"
    )
    .bind(user)
    .fetch_optional(pool)
    .await)
    .context("find totp secret")?;
    Ok(row.map(|(stored, enabled_at)| TotpRow {
        secret: db.open_bytes(Slot::TotpSecret(user.0), &stored),
        enabled_at,
    }))
}

/// Stores a new secret for an enrolment in progress (sealed with the data key when one
/// is set); an enabled one is left alone.
pub async fn insert_pending(
    db: &Db,
    user: UserId,
    secret: &[u8],
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    let stored = db.seal_bytes(Slot::TotpSecret(user.0), secret)?;
    on_writer!(db, |pool| sqlx::query(
        "INSERT INTO totp_secrets (user_id, secret, created_at, last_step) VALUES ($1, $2, $3, 0)
         ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at,
             last_step = 0
         WHERE totp_secrets.enabled_at IS NULL"
    )
    .bind(user)
    .bind(stored)
    .bind(now)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("store pending totp secret")?;
    Ok(())
}

/// A recovery code's stored form: its HMAC and the random key of that HMAC.
pub struct NewRecoveryCode {
    pub hash: [u8; 32],
    pub key: [u8; 32],
}

/// Turns two-factor on, using time step `step`, with a fresh set of recovery codes.
pub async fn update_enabled(
    db: &Db,
    user: UserId,
    step: i64,
    recovery_codes: &[NewRecoveryCode],
    now: OffsetDateTime,
) -> anyhow::Result<bool> {
    in_tx!(db, |tx| {
        let n = sqlx::query(
            "UPDATE totp_secrets SET enabled_at = $1, last_step = $2
             WHERE user_id = $3 AND enabled_at IS NULL",
        )
        .bind(now)
        .bind(step)
        .bind(user)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if n != 1 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user)
            .execute(&mut **tx)
            .await?;
        for c in recovery_codes {
            sqlx::query(
                "INSERT INTO recovery_codes (user_id, code_hash, hash_key) VALUES ($1, $2, $3)",
            )
            .bind(user)
            .bind(&c.hash[..])
            .bind(&c.key[..])
            .execute(&mut **tx)
            .await?;
        }
        Ok::<_, anyhow::Error>(true)
    })
}

/// Records the use of time step `step`; false when it (or a later one) was used already,
/// which is what stops a code being replayed.
pub async fn update_last_step(db: &Db, user: UserId, step: i64) -> anyhow::Result<bool> {
    let n = on_writer!(db, |pool| sqlx::query(
        "UPDATE totp_secrets SET last_step = $1
         WHERE user_id = $2 AND last_step < $1 AND enabled_at IS NOT NULL"
    )
    .bind(step)
    .bind(user)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("use totp step")?;
    Ok(n == 1)
}

/// Uses up a recovery code; false when it is unknown or used already.
pub async fn update_recovery_code_used(
    db: &Db,
    user: UserId,
    code_hash: &[u8],
    now: OffsetDateTime,
) -> anyhow::Result<bool> {
    let n = on_writer!(db, |pool| sqlx::query(
        "UPDATE recovery_codes SET used_at = $1
         WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL"
    )
    .bind(now)
    .bind(user)
    .bind(code_hash)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("use recovery code")?;
    Ok(n == 1)
}

/// An unused recovery code's stored form; `hash_key` is `None` for codes made before
/// codes had keys (a plain SHA-256). No `Debug`: a hash and its key are secrets.
#[derive(Clone, sqlx::FromRow)]
pub struct StoredRecoveryCode {
    pub code_hash: Vec<u8>,
    pub hash_key: Option<Vec<u8>>,
}

/// `user`'s unused recovery codes (at most ten), to check a typed one against.
pub async fn list_unused_recovery_codes(
    db: &Db,
    user: UserId,
) -> anyhow::Result<Vec<StoredRecoveryCode>> {
    on_db!(db, |pool| sqlx::query_as::<_, StoredRecoveryCode>(
        "SELECT code_hash, hash_key FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL"
    )
    .bind(user)
    .fetch_all(pool)
    .await)
    .context("list recovery codes")
}

pub async fn count_unused_recovery_codes(db: &Db, user: UserId) -> anyhow::Result<i64> {
    on_db!(db, |pool| sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL"
    )
    .bind(user)
    .fetch_one(pool)
    .await)
    .context("count recovery codes")
}

pub async fn delete_totp(db: &Db, user: UserId) -> anyhow::Result<()> {
    in_tx!(db, |tx| {
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user)
            .execute(&mut **tx)
            .await?;
        sqlx::query("DELETE FROM totp_secrets WHERE user_id = $1")
            .bind(user)
            .execute(&mut **tx)
            .await?;
        Ok::<_, anyhow::Error>(())
    })
}
