//! SQL for people's accounts.

use anyhow::Context;

use super::{on_db, on_writer, Db};
use crate::ids::UserId;

#[derive(Debug, sqlx::FromRow)]
pub struct Credentials {
    pub user_id: UserId,
    pub password_hash: String,
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
    pub password_hash: String,
}

pub async fn get_credentials_by_id(db: &Db, user_id: UserId) -> anyhow::Result<StoredCredentials> {
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
