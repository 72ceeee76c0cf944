//! SQL for reading the therapists' access log from a partner's side, across every couple
//! the person has belonged to: the log of a couple that has ended stays theirs to read.
//!
//! Invariant: a person reaches only the looks at couples they were a member of (current
//! or ended), never another couple's, whoever they are linked with now.

use anyhow::Context;

use super::therapists::AccessRow;
use super::{on_db, Db};
use crate::ids::UserId;

/// Every look any therapist took at a couple `member` belongs or belonged to, newest
/// first.
pub async fn list_for_member(
    db: &Db,
    member: UserId,
    limit: i64,
) -> anyhow::Result<Vec<AccessRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, AccessRow>(
        "SELECT u.display_name AS therapist_name, a.viewed, a.viewed_at
         FROM couple_members m
         JOIN therapist_links l ON l.couple_id = m.couple_id
         JOIN therapist_access_log a ON a.link_id = l.link_id
         JOIN users u ON u.user_id = l.therapist_id
         WHERE m.user_id = $1
         ORDER BY a.viewed_at DESC LIMIT $2"
    )
    .bind(member)
    .bind(limit)
    .fetch_all(pool)
    .await)
    .context("read a member's access log")
}

/// Whether any therapist was ever linked with a couple `member` belonged to (so the
/// couple page can point to the log after the couple ended).
pub async fn has_any_for_member(db: &Db, member: UserId) -> anyhow::Result<bool> {
    let n = on_db!(db, |pool| sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM couple_members m
         JOIN therapist_links l ON l.couple_id = m.couple_id
         WHERE m.user_id = $1"
    )
    .bind(member)
    .fetch_one(pool)
    .await)
    .context("any therapist link for a member")?;
    Ok(n > 0)
}
