//! SQL for therapists, their links to couples, each partner's consent, and the access log
//! (the exercises given on a link are `assignments`'s).
//!
//! A link is *active* only while it is not revoked, its couple is still linked, and both
//! current partners have a consent row. Every query a therapist's page uses repeats that
//! condition, so there is no path to a couple's data around it.

use anyhow::Context;
use time::OffsetDateTime;

use super::{in_tx, on_db, on_writer, Db};
use crate::ids::{CoupleId, TherapistLinkId, UserId};

/// The condition for an active link `l` (joined with its couple `cp`).
pub(super) const ACTIVE: &str = "l.revoked_at IS NULL AND cp.ended_at IS NULL
    AND (SELECT COUNT(*) FROM therapist_consents tc
         JOIN couple_members cm ON cm.couple_id = l.couple_id AND cm.user_id = tc.user_id
                               AND cm.left_at IS NULL
         WHERE tc.link_id = l.link_id) = 2";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TherapistRow {
    pub user_id: UserId,
    pub display_name: String,
    /// `None` for a code made before codes expired: it no longer works.
    pub therapist_code_expires_at: Option<OffsetDateTime>,
}

/// The approved therapist whose share code is `code`, whether or not it has expired (the
/// caller says which it is). A therapist waiting for approval cannot be invited.
pub async fn find_therapist_by_code(db: &Db, code: &str) -> anyhow::Result<Option<TherapistRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, TherapistRow>(
        "SELECT user_id, display_name, therapist_code_expires_at FROM users
         WHERE therapist_code = $1 AND is_therapist = TRUE AND disabled_at IS NULL
           AND therapist_approved_at IS NOT NULL"
    )
    .bind(code)
    .fetch_optional(pool)
    .await)
    .context("find therapist by code")
}

/// A therapist's share code and until when it works. No `Debug`: the code is a secret.
#[derive(Clone, sqlx::FromRow)]
pub struct ShareCodeRow {
    pub therapist_code: Option<String>,
    pub therapist_code_expires_at: Option<OffsetDateTime>,
}

pub async fn find_therapist_code(db: &Db, user: UserId) -> anyhow::Result<Option<ShareCodeRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, ShareCodeRow>(
        "SELECT therapist_code, therapist_code_expires_at FROM users
         WHERE user_id = $1 AND is_therapist = TRUE"
    )
    .bind(user)
    .fetch_optional(pool)
    .await)
    .context("therapist code")
}

/// Gives a therapist a new share code; the old one stops working at once. False when
/// `user` is not a therapist.
pub async fn update_therapist_code(
    db: &Db,
    user: UserId,
    code: &str,
    expires_at: OffsetDateTime,
) -> anyhow::Result<bool> {
    let n = on_writer!(db, |pool| sqlx::query(
        "UPDATE users SET therapist_code = $1, therapist_code_expires_at = $2
         WHERE user_id = $3 AND is_therapist = TRUE"
    )
    .bind(code)
    .bind(expires_at)
    .bind(user)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("renew therapist code")?;
    Ok(n == 1)
}

/// A couple's open (not revoked) link, as the partners see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CoupleLinkRow {
    pub link_id: TherapistLinkId,
    pub therapist_name: String,
    pub created_at: OffsetDateTime,
    pub my_level: Option<i32>,
    pub partner_level: Option<i32>,
}

pub async fn list_open_links_for_couple(
    db: &Db,
    couple: CoupleId,
    me: UserId,
) -> anyhow::Result<Vec<CoupleLinkRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, CoupleLinkRow>(
        "SELECT l.link_id, u.display_name AS therapist_name, l.created_at,
                (SELECT level FROM therapist_consents WHERE link_id = l.link_id AND user_id = $2)
                    AS my_level,
                (SELECT tc.level FROM therapist_consents tc
                 JOIN couple_members cm ON cm.couple_id = l.couple_id AND cm.user_id = tc.user_id
                                       AND cm.left_at IS NULL
                 WHERE tc.link_id = l.link_id AND tc.user_id <> $2) AS partner_level
         FROM therapist_links l JOIN users u ON u.user_id = l.therapist_id
         WHERE l.couple_id = $1 AND l.revoked_at IS NULL
         ORDER BY l.created_at"
    )
    .bind(couple)
    .bind(me)
    .fetch_all(pool)
    .await)
    .context("list couple's therapist links")
}

/// Opens a link from `couple` to `therapist` (or reuses the open one) and records the
/// inviting partner's consent at `level`. Returns false when the therapist is a member
/// of the couple (nobody is their own therapist).
pub async fn insert_link(
    db: &Db,
    couple: CoupleId,
    therapist: UserId,
    me: UserId,
    level: i32,
    now: OffsetDateTime,
) -> anyhow::Result<bool> {
    in_tx!(db, |tx| {
        let member: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM couple_members WHERE couple_id = $1 AND user_id = $2",
        )
        .bind(couple)
        .bind(therapist)
        .fetch_one(&mut **tx)
        .await?;
        if member > 0 {
            return Ok(false);
        }
        let existing: Option<TherapistLinkId> = sqlx::query_scalar(
            "SELECT link_id FROM therapist_links
             WHERE couple_id = $1 AND therapist_id = $2 AND revoked_at IS NULL",
        )
        .bind(couple)
        .bind(therapist)
        .fetch_optional(&mut **tx)
        .await?;
        let link = match existing {
            Some(l) => l,
            None => {
                let l = TherapistLinkId::new();
                sqlx::query(
                    "INSERT INTO therapist_links (link_id, couple_id, therapist_id, created_at)
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(l)
                .bind(couple)
                .bind(therapist)
                .bind(now)
                .execute(&mut **tx)
                .await?;
                l
            }
        };
        sqlx::query(UPSERT_CONSENT)
            .bind(link)
            .bind(me)
            .bind(level)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        Ok::<_, anyhow::Error>(true)
    })
}

/// One partner's consent, new or changed.
const UPSERT_CONSENT: &str = "INSERT INTO therapist_consents (link_id, user_id, level, accepted_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (link_id, user_id) DO UPDATE SET level = excluded.level,
         accepted_at = excluded.accepted_at";

/// Records `me`'s consent to an open link of `couple`; false when there is no such link.
pub async fn update_consent(
    db: &Db,
    couple: CoupleId,
    link: TherapistLinkId,
    me: UserId,
    level: i32,
    now: OffsetDateTime,
) -> anyhow::Result<bool> {
    in_tx!(db, |tx| {
        let open: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM therapist_links
             WHERE link_id = $1 AND couple_id = $2 AND revoked_at IS NULL",
        )
        .bind(link)
        .bind(couple)
        .fetch_one(&mut **tx)
        .await?;
        if open == 0 {
            return Ok(false);
        }
        sqlx::query(UPSERT_CONSENT)
            .bind(link)
            .bind(me)
            .bind(level)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        Ok::<_, anyhow::Error>(true)
    })
}

/// Revokes an open link of `couple`; false when there is no such link.
pub async fn update_revoked(
    db: &Db,
    couple: CoupleId,
    link: TherapistLinkId,
    by: UserId,
    now: OffsetDateTime,
) -> anyhow::Result<bool> {
    in_tx!(db, |tx| {
        // The other partner and the therapist hear of it, once (read before the link is
        // revoked: these look for an open link).
        sqlx::query(super::notices::THERAPIST_STOPPED)
            .bind(couple)
            .bind(now)
            .bind(by)
            .bind(link)
            .execute(&mut **tx)
            .await?;
        sqlx::query(super::notices::COUPLE_STOPPED_BY_REVOKE)
            .bind(couple)
            .bind(now)
            .bind(link)
            .execute(&mut **tx)
            .await?;
        let n = sqlx::query(
            "UPDATE therapist_links SET revoked_at = $1
             WHERE link_id = $2 AND couple_id = $3 AND revoked_at IS NULL",
        )
        .bind(now)
        .bind(link)
        .bind(couple)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        Ok::<_, anyhow::Error>(n == 1)
    })
    .context("revoke therapist link")
}

/// An active link as the therapist sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ActiveLinkRow {
    pub link_id: TherapistLinkId,
    pub couple_id: CoupleId,
    /// The more restrictive of the two partners' consents.
    pub level: i32,
}

/// The active links of therapist `$1`, narrowed or ordered by `rest`.
fn active_links_sql(rest: &str) -> String {
    format!(
        "SELECT l.link_id, l.couple_id,
                (SELECT MIN(level) FROM therapist_consents WHERE link_id = l.link_id) AS level
         FROM therapist_links l JOIN couples cp ON cp.couple_id = l.couple_id
         WHERE l.therapist_id = $1 AND {ACTIVE} {rest}"
    )
}

pub async fn list_active_links_for_therapist(
    db: &Db,
    therapist: UserId,
) -> anyhow::Result<Vec<ActiveLinkRow>> {
    let sql = active_links_sql("ORDER BY l.created_at");
    on_db!(db, |pool| sqlx::query_as::<_, ActiveLinkRow>(&sql)
        .bind(therapist)
        .fetch_all(pool)
        .await)
    .context("therapist's active links")
}

/// The active link `link` of `therapist`, or nothing (pending, revoked, ended, not theirs).
pub async fn find_active_link(
    db: &Db,
    therapist: UserId,
    link: TherapistLinkId,
) -> anyhow::Result<Option<ActiveLinkRow>> {
    let sql = active_links_sql("AND l.link_id = $2");
    on_db!(db, |pool| sqlx::query_as::<_, ActiveLinkRow>(&sql)
        .bind(therapist)
        .bind(link)
        .fetch_optional(pool)
        .await)
    .context("find active therapist link")
}

/// How many of the therapist's links wait for a partner's consent.
pub async fn count_pending(db: &Db, therapist: UserId) -> anyhow::Result<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM therapist_links l JOIN couples cp ON cp.couple_id = l.couple_id
         WHERE l.therapist_id = $1 AND l.revoked_at IS NULL AND cp.ended_at IS NULL
           AND NOT ({ACTIVE})"
    );
    on_db!(db, |pool| sqlx::query_scalar::<_, i64>(&sql)
        .bind(therapist)
        .fetch_one(pool)
        .await)
    .context("count pending links")
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberName {
    pub couple_id: CoupleId,
    pub user_id: UserId,
    pub display_name: String,
}

/// The current partners' names of every couple actively linked to `therapist`.
pub async fn list_member_names(db: &Db, therapist: UserId) -> anyhow::Result<Vec<MemberName>> {
    let sql = format!(
        "SELECT m.couple_id, u.user_id, u.display_name
         FROM therapist_links l JOIN couples cp ON cp.couple_id = l.couple_id
         JOIN couple_members m ON m.couple_id = l.couple_id AND m.left_at IS NULL
         JOIN users u ON u.user_id = m.user_id
         WHERE l.therapist_id = $1 AND {ACTIVE}
         ORDER BY u.display_name"
    );
    on_db!(db, |pool| sqlx::query_as::<_, MemberName>(&sql)
        .bind(therapist)
        .fetch_all(pool)
        .await)
    .context("names of linked couples")
}

pub async fn insert_access(
    db: &Db,
    link: TherapistLinkId,
    viewed: &str,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    on_writer!(db, |pool| sqlx::query(
        "INSERT INTO therapist_access_log (link_id, viewed, viewed_at) VALUES ($1, $2, $3)"
    )
    .bind(link)
    .bind(viewed)
    .bind(now)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("log therapist access")?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccessRow {
    pub therapist_name: String,
    pub viewed: String,
    pub viewed_at: OffsetDateTime,
}

/// Every look any therapist took at `couple`'s data, newest first.
pub async fn list_access_log(
    db: &Db,
    couple: CoupleId,
    limit: i64,
) -> anyhow::Result<Vec<AccessRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, AccessRow>(
        "SELECT u.display_name AS therapist_name, a.viewed, a.viewed_at
         FROM therapist_access_log a
         JOIN therapist_links l ON l.link_id = a.link_id
         JOIN users u ON u.user_id = l.therapist_id
         WHERE l.couple_id = $1 ORDER BY a.viewed_at DESC LIMIT $2"
    )
    .bind(couple)
    .bind(limit)
    .fetch_all(pool)
    .await)
    .context("read access log")
}
