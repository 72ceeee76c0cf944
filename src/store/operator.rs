//! SQL for the operator's tools: disabling accounts, password reset links, counts.

use anyhow::Context;
use time::OffsetDateTime;

use super::{in_tx, on_db, Db};
use crate::ids::UserId;

/// The account with this (normalised) email, disabled or not.
pub async fn find_user_by_email(db: &Db, email: &str) -> anyhow::Result<Option<UserId>> {
    on_db!(db, |pool| sqlx::query_scalar::<_, UserId>(
        "SELECT user_id FROM users WHERE email = $1"
    )
    .bind(email)
    .fetch_optional(pool)
    .await)
    .context("find user by email")
}

/// Disables (`Some(now)`) or enables (`None`) an account; when disabling, ends all its
/// sessions in the same transaction. Returns how many sessions ended.
pub async fn update_disabled(
    db: &Db,
    user_id: UserId,
    disabled_at: Option<OffsetDateTime>,
) -> anyhow::Result<u64> {
    in_tx!(db, |tx| {
        sqlx::query("UPDATE users SET disabled_at = $1 WHERE user_id = $2")
            .bind(disabled_at)
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
        let ended = if disabled_at.is_some() {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut **tx)
                .await?
                .rows_affected()
        } else {
            0
        };
        Ok::<_, anyhow::Error>(ended)
    })
    .context("disable or enable user")
}

/// Approves the therapist account `user_id` (`mutual admin approve-therapist`): `None`
/// when it is not a therapist's account, `Some(false)` when it was approved already.
pub async fn update_therapist_approved(
    db: &Db,
    user_id: UserId,
    now: OffsetDateTime,
) -> anyhow::Result<Option<bool>> {
    in_tx!(db, |tx| {
        let is_therapist: bool =
            sqlx::query_scalar("SELECT is_therapist FROM users WHERE user_id = $1")
                .bind(user_id)
                .fetch_one(&mut **tx)
                .await?;
        if !is_therapist {
            return Ok(None);
        }
        let approved = sqlx::query(
            "UPDATE users SET therapist_approved_at = $1
             WHERE user_id = $2 AND therapist_approved_at IS NULL",
        )
        .bind(now)
        .bind(user_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        Ok::<_, anyhow::Error>(Some(approved == 1))
    })
    .context("approve therapist")
}

/// Stores a new reset link's token hash for `user_id`; links given earlier and not used
/// stop working, so only the newest link printed is live.
pub async fn insert_password_reset(
    db: &Db,
    user_id: UserId,
    token_hash: &[u8],
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> anyhow::Result<()> {
    in_tx!(db, |tx| {
        sqlx::query("DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL")
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
        sqlx::query(
            "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(now)
        .bind(expires_at)
        .execute(&mut **tx)
        .await?;
        Ok::<_, anyhow::Error>(())
    })
    .context("insert password reset")
}

/// The person a reset link works for: unused and not expired.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LiveReset {
    pub user_id: UserId,
    pub email: String,
}

pub async fn find_live_reset(
    db: &Db,
    token_hash: &[u8],
    now: OffsetDateTime,
) -> anyhow::Result<Option<LiveReset>> {
    on_db!(db, |pool| sqlx::query_as::<_, LiveReset>(
        "SELECT r.user_id, u.email FROM password_resets r JOIN users u ON u.user_id = r.user_id
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2"
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(pool)
    .await)
    .context("find password reset")
}

/// Uses a reset link: marks it used, sets the new password hash and ends every session of
/// its person, all or nothing. False when the link was used or expired meanwhile.
pub async fn update_password_from_reset(
    db: &Db,
    token_hash: &[u8],
    user_id: UserId,
    password_hash: &str,
    now: OffsetDateTime,
) -> anyhow::Result<bool> {
    in_tx!(db, |tx| {
        let claimed = sqlx::query(
            "UPDATE password_resets SET used_at = $1
             WHERE token_hash = $2 AND user_id = $3 AND used_at IS NULL AND expires_at > $1",
        )
        .bind(now)
        .bind(token_hash)
        .bind(user_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if claimed != 1 {
            return Ok(false);
        }
        sqlx::query("UPDATE users SET password_hash = $1 WHERE user_id = $2")
            .bind(password_hash)
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
        Ok::<_, anyhow::Error>(true)
    })
    .context("use password reset")
}

/// Counts for `mutual admin stats`. Nothing here reads what anyone wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct Stats {
    pub people: i64,
    pub disabled: i64,
    pub therapists: i64,
    pub couples: i64,
    pub active_couples: i64,
    pub checkins: i64,
    pub revealed_checkins: i64,
}

pub async fn count_everything(db: &Db) -> anyhow::Result<Stats> {
    on_db!(db, |pool| sqlx::query_as::<_, Stats>(
        "SELECT
           (SELECT COUNT(*) FROM users) AS people,
           (SELECT COUNT(*) FROM users WHERE disabled_at IS NOT NULL) AS disabled,
           (SELECT COUNT(*) FROM users WHERE is_therapist = TRUE) AS therapists,
           (SELECT COUNT(*) FROM couples) AS couples,
           (SELECT COUNT(*) FROM couples WHERE ended_at IS NULL) AS active_couples,
           (SELECT COUNT(*) FROM checkins) AS checkins,
           (SELECT COUNT(*) FROM checkins WHERE revealed_at IS NOT NULL) AS revealed_checkins"
    )
    .fetch_one(pool)
    .await)
    .context("count for stats")
}
