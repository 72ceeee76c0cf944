//! SQL for deleting an account so that nothing of the person is left.

use anyhow::Context;
use time::OffsetDateTime;

use super::{in_tx, Db};
use crate::ids::UserId;

/// Deletes `user` and everything that is theirs, in one transaction:
/// - every couple they were part of is closed for both partners (with the couple's one
///   tombstone, `member_deleted_at`); a couple nobody else
///   is left in is deleted with all its check-ins; the couples' therapist links go;
/// - their answers, submissions, sessions, consents, two-step secrets, invites and
///   throttle counters go (most by `ON DELETE CASCADE` from `users`);
/// - as a therapist, their links and exercises go; a set they wrote that couples used is
///   kept without an owner (retired) so those check-ins stay readable, other sets go.
///
/// On SQLite (opened with `secure_delete`), the write-ahead log is then checkpointed and
/// truncated, so the deleted words are overwritten in the database file and gone from
/// the -wal file.
pub async fn delete_account(
    db: &Db,
    user: UserId,
    throttle_subjects: &[[u8; 32]],
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    in_tx!(db, |tx| {
        // Their partner and their couple's therapists hear of it, once; the notices name
        // nobody, so nothing of this person stays in them.
        for sql in [
            super::notices::PARTNER_DELETED,
            super::notices::COUPLE_STOPPED_BY_DELETION,
        ] {
            sqlx::query(sql)
                .bind(user)
                .bind(now)
                .execute(&mut **tx)
                .await?;
        }
        // Couples that only this person is still a member of have nobody to keep them for.
        sqlx::query(
            "DELETE FROM couples WHERE couple_id IN (
                 SELECT couple_id FROM couple_members WHERE user_id = $1)
               AND NOT EXISTS (SELECT 1 FROM couple_members o
                               WHERE o.couple_id = couples.couple_id AND o.user_id <> $1)",
        )
        .bind(user)
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "UPDATE couples SET ended_at = COALESCE(ended_at, $2), member_deleted_at = $2
             WHERE couple_id IN (SELECT couple_id FROM couple_members WHERE user_id = $1)",
        )
        .bind(user)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "UPDATE couple_members SET left_at = $2
             WHERE left_at IS NULL
               AND couple_id IN (SELECT couple_id FROM couple_members WHERE user_id = $1)",
        )
        .bind(user)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        // The couple's therapist links go (with their exercises and access log): they
        // rested on this person's consent, which is deleted with them.
        sqlx::query(
            "DELETE FROM therapist_links
             WHERE couple_id IN (SELECT couple_id FROM couple_members WHERE user_id = $1)",
        )
        .bind(user)
        .execute(&mut **tx)
        .await?;
        // As a therapist: links (with their exercises, consents and log) go first, so
        // the sets those exercises named can go too.
        sqlx::query("DELETE FROM therapist_links WHERE therapist_id = $1")
            .bind(user)
            .execute(&mut **tx)
            .await?;
        sqlx::query(
            "UPDATE prompt_sets SET owner_id = NULL, retired_at = $2
             WHERE owner_id = $1
               AND prompt_set_id IN (SELECT prompt_set_id FROM checkins)",
        )
        .bind(user)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "DELETE FROM prompt_choices WHERE prompt_id IN (
                 SELECT p.prompt_id FROM prompts p
                 JOIN prompt_sets s ON s.prompt_set_id = p.prompt_set_id
                 WHERE s.owner_id = $1)",
        )
        .bind(user)
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "DELETE FROM prompts WHERE prompt_set_id IN (
                 SELECT prompt_set_id FROM prompt_sets WHERE owner_id = $1)",
        )
        .bind(user)
        .execute(&mut **tx)
        .await?;
        sqlx::query("DELETE FROM prompt_sets WHERE owner_id = $1")
            .bind(user)
            .execute(&mut **tx)
            .await?;
        for subject in throttle_subjects {
            sqlx::query("DELETE FROM throttle_events WHERE subject = $1")
                .bind(&subject[..])
                .execute(&mut **tx)
                .await?;
        }
        // The rest cascades from the person's row: sessions, memberships, answers,
        // submissions, consents, two-step secrets and recovery codes, invites.
        sqlx::query("DELETE FROM users WHERE user_id = $1")
            .bind(user)
            .execute(&mut **tx)
            .await?;
        Ok::<_, anyhow::Error>(())
    })?;
    db.forget_old_pages()
        .await
        .context("checkpoint after deleting an account")
}
