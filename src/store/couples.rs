//! SQL for couples and invites. Accepting an invite and unlinking are each one
//! transaction, so a couple is never half-made or half-closed.

use anyhow::Context;
use time::OffsetDateTime;

use super::{dialect, in_tx, on_db, Db};
use crate::ids::{CoupleId, InviteId, UserId};

/// No `Debug`: the code is a secret.
#[derive(Clone, sqlx::FromRow)]
pub struct Invite {
    pub invite_id: InviteId,
    pub inviter_id: UserId,
    pub code: String,
    pub expires_at: OffsetDateTime,
    pub used_at: Option<OffsetDateTime>,
}

/// Stores a new invite and removes the inviter's older unused ones, so only the newest
/// code works.
pub async fn insert_invite(
    db: &Db,
    inviter: UserId,
    code: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> anyhow::Result<()> {
    in_tx!(db, |tx| {
        sqlx::query("DELETE FROM invites WHERE inviter_id = $1 AND used_at IS NULL")
            .bind(inviter)
            .execute(&mut **tx)
            .await?;
        sqlx::query(
            "INSERT INTO invites (invite_id, inviter_id, code, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(InviteId::new())
        .bind(inviter)
        .bind(code)
        .bind(now)
        .bind(expires_at)
        .execute(&mut **tx)
        .await?;
        Ok::<_, anyhow::Error>(())
    })
}

/// The inviter's newest unused invite that has not expired.
pub async fn find_open_invite(
    db: &Db,
    inviter: UserId,
    now: OffsetDateTime,
) -> anyhow::Result<Option<Invite>> {
    on_db!(db, |pool| sqlx::query_as::<_, Invite>(
        "SELECT invite_id, inviter_id, code, expires_at, used_at FROM invites
         WHERE inviter_id = $1 AND used_at IS NULL AND expires_at > $2
         ORDER BY created_at DESC LIMIT 1"
    )
    .bind(inviter)
    .bind(now)
    .fetch_optional(pool)
    .await)
    .context("find open invite")
}

pub async fn find_invite(db: &Db, code: &str) -> anyhow::Result<Option<Invite>> {
    on_db!(db, |pool| sqlx::query_as::<_, Invite>(
        "SELECT invite_id, inviter_id, code, expires_at, used_at FROM invites WHERE code = $1"
    )
    .bind(code)
    .fetch_optional(pool)
    .await)
    .context("find invite")
}

/// The display name of whoever made the invite `code`, while it can still be used.
pub async fn find_inviter_name(
    db: &Db,
    code: &str,
    now: OffsetDateTime,
) -> anyhow::Result<Option<String>> {
    on_db!(db, |pool| sqlx::query_scalar::<_, String>(
        "SELECT u.display_name FROM invites i JOIN users u ON u.user_id = i.inviter_id
         WHERE i.code = $1 AND i.used_at IS NULL AND i.expires_at > $2"
    )
    .bind(code)
    .bind(now)
    .fetch_optional(pool)
    .await)
    .context("find inviter")
}

/// How an attempt to accept an invite ended.
#[derive(Debug, PartialEq, Eq)]
pub enum AcceptOutcome {
    Linked(CoupleId),
    /// Every check passed, but the joiner has not yet confirmed who the invite is from:
    /// nothing was written.
    WouldLink,
    UnknownCode,
    Expired,
    AlreadyUsed,
    OwnInvite,
    JoinerAlreadyLinked,
    InviterAlreadyLinked,
    /// Another join for one of the two people committed first (PostgreSQL only).
    Raced,
}

/// Accepts the invite with `code` for `joiner`, all in one transaction: marks the invite
/// used (exactly once), creates the couple with both members, and drops both people's
/// other unused invites. Unless `confirmed`, it only checks, answering
/// [`AcceptOutcome::WouldLink`] where it would have linked.
pub async fn insert_couple_from_invite(
    db: &Db,
    code: &str,
    joiner: UserId,
    confirmed: bool,
    now: OffsetDateTime,
) -> anyhow::Result<AcceptOutcome> {
    match accept_invite_tx(db, code, joiner, confirmed, now).await {
        // Two joins racing can still meet the one-active-couple index.
        Err(e) if super::is_unique_violation(&e) => Ok(AcceptOutcome::Raced),
        other => other,
    }
}

async fn accept_invite_tx(
    db: &Db,
    code: &str,
    joiner: UserId,
    confirmed: bool,
    now: OffsetDateTime,
) -> anyhow::Result<AcceptOutcome> {
    let lock = dialect::for_update(db.backend());
    let select_invite = format!(
        "SELECT invite_id, inviter_id, code, expires_at, used_at FROM invites WHERE code = $1{lock}"
    );
    in_tx!(db, |tx| {
        let Some(invite) = sqlx::query_as::<_, Invite>(&select_invite)
            .bind(code)
            .fetch_optional(&mut **tx)
            .await?
        else {
            return Ok(AcceptOutcome::UnknownCode);
        };
        if invite.used_at.is_some() {
            return Ok(AcceptOutcome::AlreadyUsed);
        }
        if invite.expires_at <= now {
            return Ok(AcceptOutcome::Expired);
        }
        if invite.inviter_id == joiner {
            return Ok(AcceptOutcome::OwnInvite);
        }
        let active: Vec<(UserId,)> = sqlx::query_as(
            "SELECT user_id FROM couple_members
             WHERE left_at IS NULL AND (user_id = $1 OR user_id = $2)",
        )
        .bind(joiner)
        .bind(invite.inviter_id)
        .fetch_all(&mut **tx)
        .await?;
        if active.iter().any(|(u,)| *u == joiner) {
            return Ok(AcceptOutcome::JoinerAlreadyLinked);
        }
        if !active.is_empty() {
            return Ok(AcceptOutcome::InviterAlreadyLinked);
        }
        if !confirmed {
            // Nothing was written: only the checks ran.
            return Ok(AcceptOutcome::WouldLink);
        }
        let used = sqlx::query(
            "UPDATE invites SET used_at = $1, used_by = $2 WHERE invite_id = $3 AND used_at IS NULL",
        )
        .bind(now)
        .bind(joiner)
        .bind(invite.invite_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if used != 1 {
            return Ok(AcceptOutcome::AlreadyUsed);
        }
        let couple_id = CoupleId::new();
        sqlx::query("INSERT INTO couples (couple_id, created_at) VALUES ($1, $2)")
            .bind(couple_id)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        for member in [invite.inviter_id, joiner] {
            sqlx::query(
                "INSERT INTO couple_members (couple_id, user_id, joined_at) VALUES ($1, $2, $3)",
            )
            .bind(couple_id)
            .bind(member)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        }
        sqlx::query(
            "DELETE FROM invites WHERE used_at IS NULL AND (inviter_id = $1 OR inviter_id = $2)",
        )
        .bind(joiner)
        .bind(invite.inviter_id)
        .execute(&mut **tx)
        .await?;
        Ok::<_, anyhow::Error>(AcceptOutcome::Linked(couple_id))
    })
}

/// Closes the couple for both partners. Returns false when it was already closed.
pub async fn update_couple_ended(
    db: &Db,
    couple_id: CoupleId,
    by: UserId,
    now: OffsetDateTime,
) -> anyhow::Result<bool> {
    in_tx!(db, |tx| {
        // The other partner and the couple's therapists hear of it, once (read before
        // the couple is ended: these look for who is still in it).
        sqlx::query(super::notices::PARTNER_UNLINKED)
            .bind(couple_id)
            .bind(now)
            .bind(by)
            .execute(&mut **tx)
            .await?;
        sqlx::query(super::notices::COUPLE_STOPPED_BY_UNLINK)
            .bind(couple_id)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        let ended = sqlx::query(
            "UPDATE couples SET ended_at = $1 WHERE couple_id = $2 AND ended_at IS NULL",
        )
        .bind(now)
        .bind(couple_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        sqlx::query(
            "UPDATE couple_members SET left_at = $1 WHERE couple_id = $2 AND left_at IS NULL",
        )
        .bind(now)
        .bind(couple_id)
        .execute(&mut **tx)
        .await?;
        Ok::<_, anyhow::Error>(ended == 1)
    })
}

/// When the person's active couple began, for the couple page.
pub async fn find_couple_since(
    db: &Db,
    couple_id: CoupleId,
) -> anyhow::Result<Option<OffsetDateTime>> {
    on_db!(db, |pool| sqlx::query_scalar::<_, OffsetDateTime>(
        "SELECT created_at FROM couples WHERE couple_id = $1"
    )
    .bind(couple_id)
    .fetch_optional(pool)
    .await)
    .context("couple since")
}
