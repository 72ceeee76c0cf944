//! SQL for bringing back a couple's earlier shared history when the same two people link
//! again: each partner's agreement, and the move of their earlier revealed check-ins
//! into the new couple once both agreed.

use anyhow::Context;
use time::OffsetDateTime;

use super::{dialect, in_tx, on_db, Db};
use crate::ids::{CheckinId, CoupleId, UserId};

/// Earlier couples of the same two people as active couple `$1` (seen by member `$2`):
/// ended, with neither account deleted.
const EARLIER: &str = "SELECT oc.couple_id FROM couples oc
     JOIN couple_members me ON me.couple_id = oc.couple_id AND me.user_id = $2
     JOIN couple_members other ON other.couple_id = oc.couple_id AND other.user_id <> $2
     JOIN couple_members now_other ON now_other.couple_id = $1
                                  AND now_other.user_id = other.user_id
     WHERE oc.couple_id <> $1 AND oc.ended_at IS NOT NULL AND oc.member_deleted_at IS NULL";

/// Where bringing back the history stands for one partner of an active couple.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HistoryState {
    /// Revealed check-ins from the earlier couples of the same two people.
    pub earlier: i64,
    pub me_agreed: bool,
    pub partner_agreed: bool,
}

pub async fn find_state(db: &Db, couple: CoupleId, me: UserId) -> anyhow::Result<HistoryState> {
    let sql = format!(
        "SELECT (SELECT COUNT(*) FROM checkins c
                 WHERE c.revealed_at IS NOT NULL AND c.couple_id IN ({EARLIER})) AS earlier,
                EXISTS (SELECT 1 FROM history_consents h
                        WHERE h.couple_id = $1 AND h.user_id = $2) AS me_agreed,
                EXISTS (SELECT 1 FROM history_consents h
                        WHERE h.couple_id = $1 AND h.user_id <> $2) AS partner_agreed"
    );
    on_db!(db, |pool| sqlx::query_as::<_, HistoryState>(&sql)
        .bind(couple)
        .bind(me)
        .fetch_one(pool)
        .await)
    .context("history state")
}

/// How agreeing ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Agreed {
    /// Recorded; the partner has not agreed yet.
    Waiting,
    /// Both agreed: this many check-ins came back.
    Restored(u64),
    /// The couple is not active, or `me` is not in it.
    NotInCouple,
}

/// Records `me`'s agreement to bring back the earlier history of active couple `couple`;
/// when the partner agreed already, moves the earlier revealed check-ins into this couple
/// and adds them to its summary totals, all in this one transaction. Unfinished earlier
/// check-ins stay where they were (closed).
pub async fn insert_agreement(
    db: &Db,
    couple: CoupleId,
    me: UserId,
    now: OffsetDateTime,
) -> anyhow::Result<Agreed> {
    let lock = dialect::for_update(db.backend());
    let find_couple = format!(
        "SELECT cp.couple_id FROM couples cp
         JOIN couple_members m ON m.couple_id = cp.couple_id AND m.user_id = $2
                              AND m.left_at IS NULL
         WHERE cp.couple_id = $1 AND cp.ended_at IS NULL{lock}"
    );
    let moved_sql = format!(
        "SELECT checkin_id FROM checkins
         WHERE revealed_at IS NOT NULL AND couple_id IN ({EARLIER})"
    );
    let earlier_totals: Vec<String> = [
        "summary_scale_totals",
        "summary_choice_totals",
        "summary_agreement",
    ]
    .iter()
    .map(|t| format!("DELETE FROM {t} WHERE couple_id IN ({EARLIER})"))
    .collect();
    in_tx!(db, |tx| {
        // Locks the couple row, so two partners agreeing at once are taken in turn.
        let found: Option<CoupleId> = sqlx::query_scalar(&find_couple)
            .bind(couple)
            .bind(me)
            .fetch_optional(&mut **tx)
            .await?;
        if found.is_none() {
            // Nothing is written yet.
            return Ok(Agreed::NotInCouple);
        }
        sqlx::query(
            "INSERT INTO history_consents (couple_id, user_id, agreed_at) VALUES ($1, $2, $3)
             ON CONFLICT (couple_id, user_id) DO NOTHING",
        )
        .bind(couple)
        .bind(me)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        let agreed: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM history_consents WHERE couple_id = $1")
                .bind(couple)
                .fetch_one(&mut **tx)
                .await?;
        let outcome = if agreed < 2 {
            Agreed::Waiting
        } else {
            let moved: Vec<CheckinId> = sqlx::query_scalar(&moved_sql)
                .bind(couple)
                .bind(me)
                .fetch_all(&mut **tx)
                .await?;
            // The earlier couples' totals described these check-ins; they go, and the
            // check-ins are counted again below in this couple's.
            for sql in &earlier_totals {
                sqlx::query(sql)
                    .bind(couple)
                    .bind(me)
                    .execute(&mut **tx)
                    .await?;
            }
            for id in &moved {
                sqlx::query("UPDATE checkins SET couple_id = $1 WHERE checkin_id = $2")
                    .bind(couple)
                    .bind(id)
                    .execute(&mut **tx)
                    .await?;
                for sql in [
                    super::summaries::ADD_SCALE_TOTALS,
                    super::summaries::ADD_CHOICE_TOTALS,
                    super::summaries::ADD_AGREEMENT,
                    super::summaries::COUNT_STARTED_BY,
                ] {
                    sqlx::query(sql).bind(id).execute(&mut **tx).await?;
                }
            }
            let n = i64::try_from(moved.len()).unwrap_or(i64::MAX);
            sqlx::query(
                "INSERT INTO summary_counts (couple_id, open_now, completed) VALUES ($1, 0, $2)
                 ON CONFLICT (couple_id) DO UPDATE
                   SET completed = summary_counts.completed + excluded.completed",
            )
            .bind(couple)
            .bind(n)
            .execute(&mut **tx)
            .await?;
            sqlx::query("DELETE FROM history_consents WHERE couple_id = $1")
                .bind(couple)
                .execute(&mut **tx)
                .await?;
            Agreed::Restored(moved.len() as u64)
        };
        Ok::<_, anyhow::Error>(outcome)
    })
    .context("bring back earlier history")
}

/// Whether `viewer` is linked right now with the other member of (ended) couple `old`:
/// the same two people, linked again.
pub async fn has_linked_again(db: &Db, old: CoupleId, viewer: UserId) -> anyhow::Result<bool> {
    on_db!(db, |pool| sqlx::query_scalar::<_, bool>(
        "SELECT EXISTS (
             SELECT 1 FROM couple_members o
             JOIN couple_members now_o ON now_o.user_id = o.user_id AND now_o.left_at IS NULL
             JOIN couple_members now_me ON now_me.couple_id = now_o.couple_id
                                       AND now_me.user_id = $2 AND now_me.left_at IS NULL
             WHERE o.couple_id = $1 AND o.user_id <> $2)"
    )
    .bind(old)
    .bind(viewer)
    .fetch_one(pool)
    .await)
    .context("linked again")
}
