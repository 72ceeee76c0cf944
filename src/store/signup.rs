//! SQL for creating accounts: the person's row, their consent and (when registration is
//! invite-only) the sign-up code they used, all in one transaction.

use anyhow::Context;
use time::OffsetDateTime;

use super::{in_tx, on_db, on_writer, Db};
use crate::ids::UserId;

/// A person's row as sign-up or an operator creates it.
pub struct NewUser<'a> {
    pub user_id: UserId,
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    /// A key of `domain::time_zone`'s list.
    pub time_zone: &'a str,
    /// The code of a folder under `locales/`.
    pub language: &'a str,
    pub therapist_code: Option<&'a str>,
    /// Until when the therapist's share code works.
    pub therapist_code_expires_at: Option<OffsetDateTime>,
    /// When a therapist account was approved; `None` while it waits (or for a partner).
    pub therapist_approved_at: Option<OffsetDateTime>,
    pub now: OffsetDateTime,
}

/// How [`create_account`] went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    Created,
    /// The email was already registered; nothing was stored but the code's use.
    EmailTaken,
    /// The sign-up code is unknown, used or expired; nothing changed.
    CodeNotValid,
}

/// Creates a person with their consent (`kind`, `version`). With `signup_code_hash`, the
/// code is used up first, and stays used even when the email turns out to be registered:
/// otherwise whether a code still works would tell a stranger which emails have accounts.
pub async fn insert_account(
    db: &Db,
    user: NewUser<'_>,
    consent: Option<(&str, i32)>,
    signup_code_hash: Option<&[u8]>,
) -> anyhow::Result<Created> {
    in_tx!(db, |tx| {
        if let Some(hash) = signup_code_hash {
            let used = sqlx::query(
                "UPDATE signup_codes SET used_at = $1
                 WHERE code_hash = $2 AND used_at IS NULL AND expires_at > $1",
            )
            .bind(user.now)
            .bind(hash)
            .execute(&mut **tx)
            .await?
            .rows_affected();
            if used != 1 {
                // The code did not work: the update above changed nothing, so nothing is written.
                return Ok(Created::CodeNotValid);
            }
        }
        let inserted = sqlx::query(
            "INSERT INTO users
               (user_id, email, display_name, password_hash, is_therapist, therapist_code,
                therapist_code_expires_at, therapist_approved_at, created_at, time_zone,
                language)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (email) DO NOTHING",
        )
        .bind(user.user_id)
        .bind(user.email)
        .bind(user.display_name)
        .bind(user.password_hash)
        .bind(user.therapist_code.is_some())
        .bind(user.therapist_code)
        .bind(user.therapist_code_expires_at)
        .bind(user.therapist_approved_at)
        .bind(user.now)
        .bind(user.time_zone)
        .bind(user.language)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if inserted == 1 {
            if let Some((kind, version)) = consent {
                sqlx::query(
                    "INSERT INTO consents (user_id, kind, version, given_at)
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(user.user_id)
                .bind(kind)
                .bind(version)
                .bind(user.now)
                .execute(&mut **tx)
                .await?;
            }
        }
        Ok::<_, anyhow::Error>(if inserted == 1 {
            Created::Created
        } else {
            Created::EmailTaken
        })
    })
    .context("create account")
}

/// A consent as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredConsent {
    pub kind: String,
    pub version: i32,
    pub given_at: OffsetDateTime,
}

/// Every consent `user_id` has given, oldest first.
pub async fn list_consents(db: &Db, user_id: UserId) -> anyhow::Result<Vec<StoredConsent>> {
    on_db!(db, |pool| sqlx::query_as::<_, StoredConsent>(
        "SELECT kind, version, given_at FROM consents WHERE user_id = $1
         ORDER BY given_at, kind, version"
    )
    .bind(user_id)
    .fetch_all(pool)
    .await)
    .context("list consents")
}

/// Stores a new sign-up code (its hash) valid until `expires_at`.
pub async fn insert_signup_code(
    db: &Db,
    code_hash: &[u8],
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> anyhow::Result<()> {
    on_writer!(db, |pool| sqlx::query(
        "INSERT INTO signup_codes (code_hash, created_at, expires_at) VALUES ($1, $2, $3)"
    )
    .bind(code_hash)
    .bind(now)
    .bind(expires_at)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("insert sign-up code")?;
    Ok(())
}

/// True when a sign-up code with this hash is unused and has not expired.
pub async fn has_valid_signup_code(
    db: &Db,
    code_hash: &[u8],
    now: OffsetDateTime,
) -> anyhow::Result<bool> {
    on_db!(db, |pool| sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM signup_codes
         WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2"
    )
    .bind(code_hash)
    .bind(now)
    .fetch_one(pool)
    .await)
    .map(|n| n > 0)
    .context("check sign-up code")
}
