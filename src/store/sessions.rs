//! SQL for server-side sessions. Only the SHA-256 of a session token is ever stored.

use anyhow::Context;
use time::OffsetDateTime;

use super::{on_db, on_writer, Db};
use crate::ids::{CoupleId, UserId};

/// Everything a signed-in page needs about who is asking, read in one query.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionPerson {
    pub user_id: UserId,
    pub display_name: String,
    pub csrf_token: String,
    pub couple_id: Option<CoupleId>,
    pub partner_id: Option<UserId>,
    pub partner_name: Option<String>,
}

pub async fn insert_session(
    db: &Db,
    session_hash: &[u8],
    user_id: UserId,
    csrf_token: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> anyhow::Result<()> {
    on_writer!(db, |pool| sqlx::query(
        "INSERT INTO sessions (session_hash, user_id, csrf_token, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)"
    )
    .bind(session_hash)
    .bind(user_id)
    .bind(csrf_token)
    .bind(now)
    .bind(expires_at)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("insert session")?;
    Ok(())
}

/// The person behind a live session, with their active couple and partner if any.
pub async fn find_session_person(
    db: &Db,
    session_hash: &[u8],
    now: OffsetDateTime,
) -> anyhow::Result<Option<SessionPerson>> {
    on_db!(db, |pool| sqlx::query_as::<_, SessionPerson>(
        "SELECT u.user_id, u.display_name, s.csrf_token, m.couple_id,
                p.user_id AS partner_id, p.display_name AS partner_name
         FROM sessions s
         JOIN users u ON u.user_id = s.user_id
         LEFT JOIN couple_members m ON m.user_id = u.user_id AND m.left_at IS NULL
         LEFT JOIN couple_members pm
                ON pm.couple_id = m.couple_id AND pm.user_id <> u.user_id AND pm.left_at IS NULL
         LEFT JOIN users p ON p.user_id = pm.user_id
         WHERE s.session_hash = $1 AND s.expires_at > $2"
    )
    .bind(session_hash)
    .bind(now)
    .fetch_optional(pool)
    .await)
    .context("find session")
}

pub async fn delete_session(db: &Db, session_hash: &[u8]) -> anyhow::Result<()> {
    on_writer!(db, |pool| sqlx::query(
        "DELETE FROM sessions WHERE session_hash = $1"
    )
    .bind(session_hash)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("delete session")?;
    Ok(())
}

/// Removes `user_id`'s sessions that expired before `now`.
pub async fn delete_expired(db: &Db, user_id: UserId, now: OffsetDateTime) -> anyhow::Result<()> {
    on_writer!(db, |pool| sqlx::query(
        "DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2"
    )
    .bind(user_id)
    .bind(now)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("delete expired sessions")?;
    Ok(())
}
