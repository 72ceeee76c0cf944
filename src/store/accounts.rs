//! SQL for people's accounts.

use anyhow::Context;
use secrecy::SecretString;

use super::{on_db, on_writer, Db};
use crate::ids::UserId;

#[derive(Debug, sqlx::FromRow)]
pub struct Credentials {
    pub user_id: UserId,
    #[sqlx(try_from = "String")]
    pub password_hash: SecretString,
    /// Where the sign-in lands: a therapist's dashboard, or home.
    pub is_therapist: bool,
}

/// The credentials of the account with `email`, unless an operator disabled it.
pub async fn find_credentials(db: &Db, email: &str) -> anyhow::Result<Option<Credentials>> {
    on_db!(db, |pool| sqlx::query_as::<_, Credentials>(
        "SELECT user_id, password_hash, is_therapist FROM users
         WHERE email = $1 AND disabled_at IS NULL"
    )
    .bind(email)
    .fetch_optional(pool)
    .await)
    .context("find credentials")
}

#[derive(Debug, sqlx::FromRow)]
pub struct StoredCredentials {
    pub email: String,
    #[sqlx(try_from = "String")]
    pub password_hash: SecretString,
}

pub async fn find_credentials_by_id(db: &Db, user_id: UserId) -> anyhow::Result<StoredCredentials> {
    on_db!(db, |pool| sqlx::query_as::<_, StoredCredentials>(
        "SELECT email, password_hash FROM users WHERE user_id = $1"
    )
    .bind(user_id)
    .fetch_one(pool)
    .await)
    .context("get credentials")
}

pub async fn update_password(db: &Db, user_id: UserId, password_hash: &str) -> anyhow::Result<()> {
    on_writer!(db, |pool| sqlx::query(
        "UPDATE users SET password_hash = $1 WHERE user_id = $2"
    )
    .bind(password_hash)
    .bind(user_id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("update password")?;
    Ok(())
}

/// A person's own details, as the account page shows them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Profile {
    pub display_name: String,
    pub email: String,
    pub time_zone: String,
    /// The code of a folder under `locales/`.
    pub language: String,
}

pub async fn find_profile(db: &Db, user_id: UserId) -> anyhow::Result<Profile> {
    on_db!(db, |pool| sqlx::query_as::<_, Profile>(
        "SELECT display_name, email, time_zone, language FROM users WHERE user_id = $1"
    )
    .bind(user_id)
    .fetch_one(pool)
    .await)
    .context("get profile")
}

pub async fn update_details(
    db: &Db,
    user_id: UserId,
    display_name: &str,
    time_zone: &str,
) -> anyhow::Result<()> {
    on_writer!(db, |pool| sqlx::query(
        "UPDATE users SET display_name = $1, time_zone = $2 WHERE user_id = $3"
    )
    .bind(display_name)
    .bind(time_zone)
    .bind(user_id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("update details")?;
    Ok(())
}

pub async fn update_language(db: &Db, user_id: UserId, language: &str) -> anyhow::Result<()> {
    on_writer!(db, |pool| sqlx::query(
        "UPDATE users SET language = $1 WHERE user_id = $2"
    )
    .bind(language)
    .bind(user_id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("update language")?;
    Ok(())
}

/// Gives `user_id` the sign-in address `email`, unless another account has it: false
/// then, and nothing changes (also when two requests race for the same address).
pub async fn update_email(db: &Db, user_id: UserId, email: &str) -> anyhow::Result<bool> {
    let updated = on_writer!(db, |pool| sqlx::query(
        "UPDATE users SET email = $1
         WHERE user_id = $2 AND NOT EXISTS (SELECT 1 FROM users o WHERE o.email = $1)"
    )
    .bind(email)
    .bind(user_id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()));
    match updated {
        Ok(n) => Ok(n == 1),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(false),
        Err(e) => Err(anyhow::Error::new(e).context("update email")),
    }
}
