//! SQL for check-ins: starting, finding, listing, setting aside (answers are `answers`).
//!
//! Every read takes the asking person's id and joins through `couple_members`, so a
//! check-in of a couple the person was never part of is simply not found.

use anyhow::Context;
use time::{Date, OffsetDateTime};

use super::{in_tx, on_db, Db};
use crate::ids::{CheckinId, CoupleId, UserId};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CheckinRow {
    pub checkin_id: CheckinId,
    pub couple_id: CoupleId,
    pub prompt_set_id: String,
    pub set_title: String,
    pub started_by: Option<UserId>,
    pub moment_on: Option<Date>,
    /// The day the check-in is about: `moment_on`, or the day it was started.
    pub dated_on: Date,
    pub created_at: OffsetDateTime,
    pub revealed_at: Option<OffsetDateTime>,
    pub dismissed_at: Option<OffsetDateTime>,
    pub couple_ended_at: Option<OffsetDateTime>,
    /// Set when the partner deleted their account (their answers went with it).
    pub member_deleted_at: Option<OffsetDateTime>,
    /// Whether the asking person has submitted (0 or 1).
    pub mine_submitted: i64,
    /// How many others (the partner) have submitted (0 or 1).
    pub partner_submitted: i64,
}

const CHECKIN_COLUMNS: &str = "c.checkin_id, c.couple_id, c.prompt_set_id, s.title AS set_title,
    c.started_by, c.moment_on, c.dated_on, c.created_at, c.revealed_at, c.dismissed_at,
    cp.ended_at AS couple_ended_at, cp.member_deleted_at,
    (SELECT COUNT(*) FROM checkin_submissions x
      WHERE x.checkin_id = c.checkin_id AND x.user_id = m.user_id) AS mine_submitted,
    (SELECT COUNT(*) FROM checkin_submissions x
      WHERE x.checkin_id = c.checkin_id AND x.user_id <> m.user_id) AS partner_submitted
    FROM couple_members m
    JOIN checkins c ON c.couple_id = m.couple_id
    JOIN couples cp ON cp.couple_id = c.couple_id
    JOIN prompt_sets s ON s.prompt_set_id = c.prompt_set_id";

pub struct NewCheckin<'a> {
    pub checkin_id: CheckinId,
    pub couple_id: CoupleId,
    pub prompt_set_id: &'a str,
    pub started_by: UserId,
    pub moment_on: Option<Date>,
    /// `moment_on`, or the day it is for the starter (in their time zone).
    pub dated_on: Date,
    /// The therapist's exercise this check-in is for, if any.
    pub assignment: Option<crate::ids::AssignmentId>,
}

/// Inserts a check-in, only while its starter is still an active member of the couple
/// (an unlink racing the start wins). Returns false when nothing was inserted.
pub async fn insert_checkin(
    db: &Db,
    c: NewCheckin<'_>,
    now: OffsetDateTime,
) -> anyhow::Result<bool> {
    let inserted = in_tx!(db, |tx| {
        let n = sqlx::query(
            "INSERT INTO checkins
               (checkin_id, couple_id, prompt_set_id, started_by, moment_on, dated_on,
                assignment_id, created_at)
             SELECT $1, $2, $3, $4, $5, $8, $6, $7
             WHERE EXISTS (SELECT 1 FROM couple_members
                           WHERE couple_id = $2 AND user_id = $4 AND left_at IS NULL)",
        )
        .bind(c.checkin_id)
        .bind(c.couple_id)
        .bind(c.prompt_set_id)
        .bind(c.started_by)
        .bind(c.moment_on)
        .bind(c.assignment)
        .bind(now)
        .bind(c.dated_on)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if n == 1 {
            // The summary's counts change with the start, in the same transaction.
            for sql in [
                super::summaries::COUNT_START,
                super::summaries::COUNT_STARTED_BY,
            ] {
                sqlx::query(sql)
                    .bind(c.checkin_id)
                    .execute(&mut **tx)
                    .await?;
            }
        }
        Ok::<_, anyhow::Error>(n == 1)
    })
    .context("insert check-in")?;
    Ok(inserted)
}

pub fn find_for_member_sql() -> String {
    format!("SELECT {CHECKIN_COLUMNS} WHERE c.checkin_id = $1 AND m.user_id = $2")
}

/// The check-in, if `viewer` is or was a member of its couple.
pub async fn find_for_member(
    db: &Db,
    checkin_id: CheckinId,
    viewer: UserId,
) -> anyhow::Result<Option<CheckinRow>> {
    let sql = find_for_member_sql();
    on_db!(db, |pool| sqlx::query_as::<_, CheckinRow>(&sql)
        .bind(checkin_id)
        .bind(viewer)
        .fetch_optional(pool)
        .await)
    .context("find check-in")
}

pub fn list_for_member_sql() -> String {
    format!(
        "SELECT {CHECKIN_COLUMNS} WHERE m.user_id = $1
         ORDER BY c.dated_on DESC, c.created_at DESC LIMIT $2"
    )
}

/// The newest check-ins of every couple `viewer` is or was part of.
pub async fn list_for_member(
    db: &Db,
    viewer: UserId,
    limit: i64,
) -> anyhow::Result<Vec<CheckinRow>> {
    let sql = list_for_member_sql();
    on_db!(db, |pool| sqlx::query_as::<_, CheckinRow>(&sql)
        .bind(viewer)
        .bind(limit)
        .fetch_all(pool)
        .await)
    .context("list check-ins")
}

/// Every open check-in of `$1` (only their active couple can have any: unlinking closes
/// the rest) and the `$2` newest that are closed, of every couple they were part of,
/// newest first. The open ones come from the
/// small `checkins_open` index and the closed ones from the covering `checkins_couple`
/// index, so only the rows shown are read, however long the history.
pub fn list_home_sql() -> String {
    format!(
        "SELECT {CHECKIN_COLUMNS}
         WHERE m.user_id = $1 AND c.checkin_id IN (
             SELECT oc.checkin_id FROM checkins oc
             WHERE oc.couple_id = (SELECT am.couple_id FROM couple_members am
                                   WHERE am.user_id = $1 AND am.left_at IS NULL)
               AND oc.revealed_at IS NULL AND oc.dismissed_at IS NULL
             UNION ALL
             SELECT closed.checkin_id FROM (
                 SELECT dc.checkin_id FROM couple_members dm
                 JOIN checkins dc ON dc.couple_id = dm.couple_id
                 JOIN couples dcp ON dcp.couple_id = dc.couple_id
                 WHERE dm.user_id = $1 AND (dc.revealed_at IS NOT NULL
                       OR dc.dismissed_at IS NOT NULL OR dcp.ended_at IS NOT NULL)
                 ORDER BY dc.dated_on DESC, dc.created_at DESC LIMIT $2) closed)
         ORDER BY c.dated_on DESC, c.created_at DESC"
    )
}

/// What the home page lists: every open check-in of `viewer` and the `recent` newest
/// of the others.
pub async fn list_home(db: &Db, viewer: UserId, recent: i64) -> anyhow::Result<Vec<CheckinRow>> {
    let sql = list_home_sql();
    on_db!(db, |pool| sqlx::query_as::<_, CheckinRow>(&sql)
        .bind(viewer)
        .bind(recent)
        .fetch_all(pool)
        .await)
    .context("list check-ins for home")
}

/// Sets aside an unfinished check-in of `user`'s active couple. False when there was
/// no such open check-in.
pub async fn update_dismissed(
    db: &Db,
    checkin_id: CheckinId,
    user: UserId,
    now: OffsetDateTime,
) -> anyhow::Result<bool> {
    let dismissed = in_tx!(db, |tx| {
        let n = sqlx::query(
            "UPDATE checkins SET dismissed_at = $1, dismissed_by = $2
             WHERE checkin_id = $3 AND revealed_at IS NULL AND dismissed_at IS NULL
               AND couple_id IN (SELECT couple_id FROM couple_members
                                 WHERE user_id = $2 AND left_at IS NULL)",
        )
        .bind(now)
        .bind(user)
        .bind(checkin_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if n == 1 {
            sqlx::query(super::summaries::COUNT_DISMISS)
                .bind(checkin_id)
                .execute(&mut **tx)
                .await?;
        }
        Ok::<_, anyhow::Error>(n == 1)
    })
    .context("dismiss check-in")?;
    Ok(dismissed)
}

/// How many of `person`'s own scale and choice answers, in the couple's `$3` latest
/// check-ins, are marked in the library as calling for a note of care. Reads only the
/// person's own answers.
pub const RECENT_CARE_SIGNALS: &str = "SELECT COUNT(*) FROM (
         SELECT c.checkin_id FROM checkins c WHERE c.couple_id = $1
         ORDER BY c.dated_on DESC, c.created_at DESC LIMIT $3) latest
     JOIN answers a ON a.checkin_id = latest.checkin_id AND a.user_id = $2
     JOIN prompts p ON p.prompt_id = a.prompt_id
     LEFT JOIN prompt_choices pc ON pc.prompt_id = a.prompt_id AND pc.position = a.value_int
     WHERE (p.kind = 'scale' AND a.value_int <= p.care_at_most)
        OR (p.kind = 'choice' AND pc.care = TRUE)";

pub async fn has_recent_care_signals(
    db: &Db,
    couple: CoupleId,
    person: UserId,
    last: i64,
) -> anyhow::Result<bool> {
    let n = on_db!(db, |pool| sqlx::query_scalar::<_, i64>(RECENT_CARE_SIGNALS)
        .bind(couple)
        .bind(person)
        .bind(last)
        .fetch_one(pool)
        .await)
    .context("recent care signals")?;
    Ok(n > 0)
}
