//! SQL for server-side sessions. Only the SHA-256 of a session token is ever stored.

use anyhow::Context;
use secrecy::SecretString;
use time::OffsetDateTime;

use super::{on_db, on_writer, Db};
use crate::ids::{CoupleId, UserId};

/// Everything a signed-in page needs about who is asking, read in one query
/// (`domain::sessions::SessionPerson` is what the rest of the app sees of it).
#[derive(Clone, sqlx::FromRow)]
pub struct SessionPersonRow {
    pub user_id: UserId,
    pub display_name: String,
    #[sqlx(try_from = "String")]
    pub csrf_token: SecretString,
    /// Names the session on the devices page: not a secret, unlike the session token.
    pub session_public_id: String,
    pub last_seen_at: OffsetDateTime,
    pub is_therapist: bool,
    /// A therapist the operator approved (or who signed up while anyone could be one):
    /// only then can couples invite them and they see couples.
    pub therapist_approved: bool,
    pub couple_id: Option<CoupleId>,
    pub partner_id: Option<UserId>,
    pub partner_name: Option<String>,
    /// The couple has a therapist link that is not revoked (pages skip the therapist
    /// queries otherwise).
    pub has_therapist: bool,
    /// The person has notices to read (home skips that query otherwise).
    pub has_notices: bool,
    /// The person's time zone, as stored (`domain::time_zone`).
    pub time_zone: String,
    /// The person's language: the code of a folder under `locales/`.
    pub language: String,
}

/// A session as listed on the person's devices page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub public_id: String,
    pub device: String,
    pub created_at: OffsetDateTime,
    pub last_seen_at: OffsetDateTime,
}

pub struct NewSession<'a> {
    pub session_hash: &'a [u8],
    pub public_id: &'a str,
    pub user_id: UserId,
    pub csrf_token: &'a str,
    pub device: &'a str,
    pub now: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    /// The password was right, the second factor is still to come.
    pub second_factor_pending: bool,
}

pub async fn insert_session(db: &Db, s: NewSession<'_>) -> anyhow::Result<()> {
    on_writer!(db, |pool| sqlx::query(
        "INSERT INTO sessions
           (session_hash, public_id, user_id, csrf_token, device, created_at, last_seen_at,
            expires_at, second_factor_pending)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)"
    )
    .bind(s.session_hash)
    .bind(s.public_id)
    .bind(s.user_id)
    .bind(s.csrf_token)
    .bind(s.device)
    .bind(s.now)
    .bind(s.expires_at)
    .bind(s.second_factor_pending)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("insert session")?;
    Ok(())
}

/// Session, person, active couple and partner in one round trip: every signed-in page
/// runs it.
pub const FIND_SESSION_PERSON: &str = "SELECT u.user_id, u.display_name, s.csrf_token,
            s.public_id AS session_public_id, s.last_seen_at, u.is_therapist,
            u.therapist_approved_at IS NOT NULL AS therapist_approved, m.couple_id,
            p.user_id AS partner_id, p.display_name AS partner_name,
            EXISTS (SELECT 1 FROM therapist_links tl
                    WHERE tl.couple_id = m.couple_id AND tl.revoked_at IS NULL) AS has_therapist,
            EXISTS (SELECT 1 FROM notices n WHERE n.user_id = u.user_id) AS has_notices,
            u.time_zone, u.language
     FROM sessions s
     JOIN users u ON u.user_id = s.user_id
     LEFT JOIN couple_members m ON m.user_id = u.user_id AND m.left_at IS NULL
     LEFT JOIN couple_members pm
            ON pm.couple_id = m.couple_id AND pm.user_id <> u.user_id AND pm.left_at IS NULL
     LEFT JOIN users p ON p.user_id = pm.user_id
     WHERE s.session_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3
       AND s.second_factor_pending = FALSE AND u.disabled_at IS NULL";

/// The person behind a live session (not past its lifetime, used since `idle_since`),
/// with their active couple and partner if any. A disabled account has no live session,
/// even one created in the moment it was being disabled.
pub async fn find_session_person(
    db: &Db,
    session_hash: &[u8],
    now: OffsetDateTime,
    idle_since: OffsetDateTime,
) -> anyhow::Result<Option<SessionPersonRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, SessionPersonRow>(
        FIND_SESSION_PERSON
    )
    .bind(session_hash)
    .bind(now)
    .bind(idle_since)
    .fetch_optional(pool)
    .await)
    .context("find session")
}

/// Marks a session as used now.
pub async fn update_last_seen(db: &Db, public_id: &str, now: OffsetDateTime) -> anyhow::Result<()> {
    on_writer!(db, |pool| sqlx::query(
        "UPDATE sessions SET last_seen_at = $1 WHERE public_id = $2"
    )
    .bind(now)
    .bind(public_id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("touch session")?;
    Ok(())
}

pub async fn list_for_user(db: &Db, user_id: UserId) -> anyhow::Result<Vec<SessionRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, SessionRow>(
        "SELECT public_id, device, created_at, last_seen_at FROM sessions
         WHERE user_id = $1 ORDER BY last_seen_at DESC"
    )
    .bind(user_id)
    .fetch_all(pool)
    .await)
    .context("list sessions")
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

/// Ends one of `user_id`'s sessions by its public id; false when there was none.
pub async fn delete_by_public_id(
    db: &Db,
    user_id: UserId,
    public_id: &str,
) -> anyhow::Result<bool> {
    let n = on_writer!(db, |pool| sqlx::query(
        "DELETE FROM sessions WHERE user_id = $1 AND public_id = $2"
    )
    .bind(user_id)
    .bind(public_id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("end session")?;
    Ok(n == 1)
}

/// Ends every session of `user_id` except the one named `keep`.
pub async fn delete_others(db: &Db, user_id: UserId, keep: &str) -> anyhow::Result<u64> {
    on_writer!(db, |pool| sqlx::query(
        "DELETE FROM sessions WHERE user_id = $1 AND public_id <> $2"
    )
    .bind(user_id)
    .bind(keep)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("end other sessions")
}

/// Removes `user_id`'s sessions that can no longer be used.
pub async fn delete_expired(
    db: &Db,
    user_id: UserId,
    now: OffsetDateTime,
    idle_since: OffsetDateTime,
) -> anyhow::Result<()> {
    on_writer!(db, |pool| sqlx::query(
        "DELETE FROM sessions WHERE user_id = $1 AND (expires_at <= $2 OR last_seen_at <= $3)"
    )
    .bind(user_id)
    .bind(now)
    .bind(idle_since)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("delete expired sessions")?;
    Ok(())
}

/// A session waiting for its second factor.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PendingSessionRow {
    pub user_id: UserId,
    pub public_id: String,
    pub email: String,
    /// Where the sign-in lands: a therapist's dashboard, or home.
    pub is_therapist: bool,
    /// The code page speaks the person's own language.
    pub language: String,
}

pub async fn find_pending(
    db: &Db,
    session_hash: &[u8],
    now: OffsetDateTime,
) -> anyhow::Result<Option<PendingSessionRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, PendingSessionRow>(
        "SELECT s.user_id, s.public_id, u.email, u.is_therapist, u.language
         FROM sessions s JOIN users u ON u.user_id = s.user_id
         WHERE s.session_hash = $1 AND s.expires_at > $2 AND s.second_factor_pending = TRUE
           AND u.disabled_at IS NULL"
    )
    .bind(session_hash)
    .bind(now)
    .fetch_optional(pool)
    .await)
    .context("find pending session")
}

/// Completes a session's sign-in once its second factor is checked.
pub async fn update_completed(
    db: &Db,
    public_id: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> anyhow::Result<()> {
    on_writer!(db, |pool| sqlx::query(
        "UPDATE sessions SET second_factor_pending = FALSE, last_seen_at = $1, expires_at = $2
         WHERE public_id = $3"
    )
    .bind(now)
    .bind(expires_at)
    .bind(public_id)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("complete session")?;
    Ok(())
}
