//! SQL for "download my data": what is stored about one person, beyond their check-ins
//! (which are read through the same code as the check-in pages).

use anyhow::Context;
use time::OffsetDateTime;

use super::{on_db, Db};
use crate::ids::{CoupleId, TherapistLinkId, UserId};

/// No `Debug`: it holds a therapist's share code.
#[derive(sqlx::FromRow)]
pub struct AccountRow {
    pub email: String,
    pub display_name: String,
    pub created_at: OffsetDateTime,
    pub is_therapist: bool,
    pub therapist_code: Option<String>,
    pub therapist_code_expires_at: Option<OffsetDateTime>,
    pub therapist_approved_at: Option<OffsetDateTime>,
    pub two_step_enabled_at: Option<OffsetDateTime>,
    pub time_zone: String,
    pub language: String,
}

pub async fn find_account(db: &Db, user: UserId) -> anyhow::Result<AccountRow> {
    on_db!(db, |pool| sqlx::query_as::<_, AccountRow>(
        "SELECT u.email, u.display_name, u.created_at, u.is_therapist, u.therapist_code,
                u.therapist_code_expires_at, u.therapist_approved_at,
                t.enabled_at AS two_step_enabled_at, u.time_zone, u.language
         FROM users u LEFT JOIN totp_secrets t ON t.user_id = u.user_id
         WHERE u.user_id = $1"
    )
    .bind(user)
    .fetch_one(pool)
    .await)
    .context("export account")
}

/// One couple the person is or was part of.
#[derive(Debug, sqlx::FromRow)]
pub struct MembershipRow {
    pub couple_id: CoupleId,
    pub joined_at: OffsetDateTime,
    pub left_at: Option<OffsetDateTime>,
    pub ended_at: Option<OffsetDateTime>,
    pub member_deleted_at: Option<OffsetDateTime>,
    /// The partner's name, unless they deleted their account.
    pub partner_name: Option<String>,
}

pub async fn list_memberships(db: &Db, user: UserId) -> anyhow::Result<Vec<MembershipRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, MembershipRow>(
        "SELECT m.couple_id, m.joined_at, m.left_at, c.ended_at, c.member_deleted_at,
                (SELECT u.display_name FROM couple_members o JOIN users u ON u.user_id = o.user_id
                  WHERE o.couple_id = m.couple_id AND o.user_id <> m.user_id) AS partner_name
         FROM couple_members m JOIN couples c ON c.couple_id = m.couple_id
         WHERE m.user_id = $1 ORDER BY m.joined_at"
    )
    .bind(user)
    .fetch_all(pool)
    .await)
    .context("export couples")
}

/// A therapist link of one of the person's couples, with the person's own consent.
#[derive(Debug, sqlx::FromRow)]
pub struct LinkRow {
    pub link_id: TherapistLinkId,
    pub couple_id: CoupleId,
    pub therapist_name: String,
    pub created_at: OffsetDateTime,
    pub revoked_at: Option<OffsetDateTime>,
    pub my_level: Option<i32>,
    pub my_consent_at: Option<OffsetDateTime>,
}

pub async fn list_therapist_links(db: &Db, user: UserId) -> anyhow::Result<Vec<LinkRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, LinkRow>(
        "SELECT l.link_id, l.couple_id, u.display_name AS therapist_name, l.created_at,
                l.revoked_at, tc.level AS my_level, tc.accepted_at AS my_consent_at
         FROM couple_members m
         JOIN therapist_links l ON l.couple_id = m.couple_id
         JOIN users u ON u.user_id = l.therapist_id
         LEFT JOIN therapist_consents tc ON tc.link_id = l.link_id AND tc.user_id = m.user_id
         WHERE m.user_id = $1 ORDER BY l.created_at"
    )
    .bind(user)
    .fetch_all(pool)
    .await)
    .context("export therapist links")
}

/// One look a therapist took at one of the person's couples.
#[derive(Debug, sqlx::FromRow)]
pub struct LookRow {
    pub link_id: TherapistLinkId,
    pub viewed: String,
    pub viewed_at: OffsetDateTime,
}

pub async fn list_access_log(db: &Db, user: UserId) -> anyhow::Result<Vec<LookRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, LookRow>(
        "SELECT a.link_id, a.viewed, a.viewed_at
         FROM couple_members m
         JOIN therapist_links l ON l.couple_id = m.couple_id
         JOIN therapist_access_log a ON a.link_id = l.link_id
         WHERE m.user_id = $1 ORDER BY a.viewed_at"
    )
    .bind(user)
    .fetch_all(pool)
    .await)
    .context("export access log")
}

/// The person's agreements to bring back an earlier shared history (until both agreed).
#[derive(Debug, sqlx::FromRow)]
pub struct HistoryAgreementRow {
    pub couple_id: CoupleId,
    pub agreed_at: OffsetDateTime,
}

pub async fn list_history_agreements(
    db: &Db,
    user: UserId,
) -> anyhow::Result<Vec<HistoryAgreementRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, HistoryAgreementRow>(
        "SELECT couple_id, agreed_at FROM history_consents WHERE user_id = $1"
    )
    .bind(user)
    .fetch_all(pool)
    .await)
    .context("export history agreements")
}
