//! SQL for notices: a calm word to someone a partner's step affected. The statements that
//! create them run inside the transaction of that step (unlinking, stopping sharing,
//! deleting an account), so a notice exists exactly when the step happened.

use anyhow::Context;
use time::OffsetDateTime;

use super::{on_db, on_writer, Db};
use crate::ids::UserId;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NoticeRow {
    pub notice_id: i64,
    pub kind: String,
    pub created_at: OffsetDateTime,
}

/// Couple `$1` is being unlinked by `$3` at `$2`: the other partner hears of it. Runs
/// before the couple is ended (it reads who is still a member).
pub const PARTNER_UNLINKED: &str = "INSERT INTO notices (user_id, kind, created_at)
     SELECT m.user_id, 'partner_unlinked', $2 FROM couple_members m
     JOIN couples c ON c.couple_id = m.couple_id AND c.ended_at IS NULL
     WHERE m.couple_id = $1 AND m.user_id <> $3 AND m.left_at IS NULL";

/// Couple `$1` is being unlinked at `$2`: each therapist with an open link hears of it.
pub const COUPLE_STOPPED_BY_UNLINK: &str = "INSERT INTO notices (user_id, kind, created_at)
     SELECT l.therapist_id, 'couple_stopped', $2 FROM therapist_links l
     JOIN couples c ON c.couple_id = l.couple_id AND c.ended_at IS NULL
     WHERE l.couple_id = $1 AND l.revoked_at IS NULL";

/// `$3` is stopping link `$4` of couple `$1` at `$2`: the other partner hears of it.
pub const THERAPIST_STOPPED: &str = "INSERT INTO notices (user_id, kind, created_at)
     SELECT m.user_id, 'therapist_stopped', $2 FROM couple_members m
     WHERE m.couple_id = $1 AND m.user_id <> $3 AND m.left_at IS NULL
       AND EXISTS (SELECT 1 FROM therapist_links l
                   WHERE l.link_id = $4 AND l.couple_id = $1 AND l.revoked_at IS NULL)";

/// Link `$3` of couple `$1` is being stopped at `$2`: its therapist hears of it (who
/// stopped it is not said).
pub const COUPLE_STOPPED_BY_REVOKE: &str = "INSERT INTO notices (user_id, kind, created_at)
     SELECT l.therapist_id, 'couple_stopped', $2 FROM therapist_links l
     WHERE l.link_id = $3 AND l.couple_id = $1 AND l.revoked_at IS NULL";

/// `$1` is deleting their account at `$2`: their partner hears of it.
pub const PARTNER_DELETED: &str = "INSERT INTO notices (user_id, kind, created_at)
     SELECT o.user_id, 'partner_deleted', $2 FROM couple_members me
     JOIN couple_members o ON o.couple_id = me.couple_id AND o.user_id <> me.user_id
                          AND o.left_at IS NULL
     WHERE me.user_id = $1 AND me.left_at IS NULL";

/// `$1` is deleting their account at `$2`: therapists of their couple hear of it.
pub const COUPLE_STOPPED_BY_DELETION: &str = "INSERT INTO notices (user_id, kind, created_at)
     SELECT l.therapist_id, 'couple_stopped', $2 FROM therapist_links l
     JOIN couple_members me ON me.couple_id = l.couple_id AND me.left_at IS NULL
     WHERE me.user_id = $1 AND l.revoked_at IS NULL";

/// `user`'s notices, oldest first.
pub async fn list_for_person(db: &Db, user: UserId) -> anyhow::Result<Vec<NoticeRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, NoticeRow>(
        "SELECT notice_id, kind, created_at FROM notices WHERE user_id = $1 ORDER BY notice_id"
    )
    .bind(user)
    .fetch_all(pool)
    .await)
    .context("list notices")
}

/// Removes one of `user`'s notices; false when they have no such notice.
pub async fn delete_notice(db: &Db, user: UserId, notice_id: i64) -> anyhow::Result<bool> {
    let n = on_writer!(db, |pool| sqlx::query(
        "DELETE FROM notices WHERE notice_id = $1 AND user_id = $2"
    )
    .bind(notice_id)
    .bind(user)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("dismiss notice")?;
    Ok(n == 1)
}
