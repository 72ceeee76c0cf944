//! SQL for check-ins, answers and submissions.
//!
//! Every read takes the asking person's id and joins through `couple_members`, so a
//! check-in of a couple the person was never part of is simply not found.

use anyhow::Context;
use time::{Date, OffsetDateTime};

use super::{dialect, in_tx, on_db, Db};
use crate::crypto::Slot;
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

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerRow {
    pub user_id: UserId,
    pub prompt_id: String,
    pub value_int: Option<i32>,
    /// What was written, as written; `None` when nothing was, or when the stored value
    /// could not be read (then `unreadable` is set).
    pub value_text: Option<String>,
    pub is_private: bool,
    /// A written answer is stored but could not be read (see [`Db::open`]).
    #[sqlx(skip)]
    pub unreadable: bool,
}

/// An answer to store; a skipped prompt has none.
#[derive(Debug, Clone)]
pub struct NewAnswer {
    pub prompt_id: String,
    pub value_int: Option<i32>,
    pub value_text: Option<String>,
    pub is_private: bool,
}

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

pub const LIST_ANSWERS: &str =
    "SELECT user_id, prompt_id, value_int, value_text, is_private FROM answers
     WHERE checkin_id = $1 AND (user_id = $2 OR ($3 AND is_private = FALSE))";

/// The viewer's own answers, plus the others' non-private answers when
/// `include_others` (the caller decides when that is allowed).
pub async fn list_answers(
    db: &Db,
    checkin_id: CheckinId,
    viewer: UserId,
    include_others: bool,
) -> anyhow::Result<Vec<AnswerRow>> {
    let mut rows = on_db!(db, |pool| sqlx::query_as::<_, AnswerRow>(LIST_ANSWERS)
        .bind(checkin_id)
        .bind(viewer)
        .bind(include_others)
        .fetch_all(pool)
        .await)
    .context("list answers")?;
    for r in &mut rows {
        if let Some(stored) = r.value_text.take() {
            let slot = Slot::Answer {
                checkin: checkin_id.0,
                user: r.user_id.0,
                prompt: &r.prompt_id,
            };
            r.value_text = db.open(slot, &stored);
            r.unreadable = r.value_text.is_none();
        }
    }
    Ok(rows)
}

/// How saving a person's answers ended.
#[derive(Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Saved; `revealed` is true when this submission was the second and revealed both.
    Saved {
        revealed: bool,
    },
    /// The check-in no longer takes answers: revealed, set aside, or the couple ended.
    Closed,
    NotFound,
}

#[derive(sqlx::FromRow)]
struct LockRow {
    revealed_at: Option<OffsetDateTime>,
    dismissed_at: Option<OffsetDateTime>,
    left_at: Option<OffsetDateTime>,
}

/// Reads (and on PostgreSQL locks) the check-in a person is saving answers to.
pub fn save_lock_sql(backend: super::Backend) -> String {
    let lock = dialect::for_update(backend);
    format!(
        "SELECT c.revealed_at, c.dismissed_at, m.left_at
         FROM checkins c JOIN couple_members m ON m.couple_id = c.couple_id AND m.user_id = $2
         WHERE c.checkin_id = $1{lock}"
    )
}

pub const DELETE_OWN_ANSWERS: &str = "DELETE FROM answers WHERE checkin_id = $1 AND user_id = $2";

/// Reveals check-in `$2` at `$1` once both partners have submitted (exactly once).
pub const REVEAL: &str = "UPDATE checkins SET revealed_at = $1
     WHERE checkin_id = $2 AND revealed_at IS NULL
       AND (SELECT COUNT(*) FROM checkin_submissions WHERE checkin_id = $2) >= 2";

/// Replaces `user`'s answers and marks them submitted, in one transaction. The check-in
/// row is locked first, so when both partners submit at once exactly one of them sees
/// the second submission and reveals, and no answer is changed after the reveal.
pub async fn save_answers(
    db: &Db,
    checkin_id: CheckinId,
    user: UserId,
    answers: &[NewAnswer],
    now: OffsetDateTime,
) -> anyhow::Result<SaveOutcome> {
    let sealed = answers
        .iter()
        .map(|a| {
            let slot = Slot::Answer {
                checkin: checkin_id.0,
                user: user.0,
                prompt: &a.prompt_id,
            };
            db.seal_opt(slot, a.value_text.as_deref())
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let select = save_lock_sql(db.backend());
    in_tx!(db, |tx| {
        let Some(row) = sqlx::query_as::<_, LockRow>(&select)
            .bind(checkin_id)
            .bind(user)
            .fetch_optional(&mut **tx)
            .await?
        else {
            return Ok(SaveOutcome::NotFound);
        };
        if row.revealed_at.is_some() || row.dismissed_at.is_some() || row.left_at.is_some() {
            return Ok(SaveOutcome::Closed);
        }
        sqlx::query(DELETE_OWN_ANSWERS)
            .bind(checkin_id)
            .bind(user)
            .execute(&mut **tx)
            .await?;
        if !answers.is_empty() {
            // One statement for all of them: the single writer's time is what bounds
            // how many people can submit at once.
            let mut insert = sqlx::QueryBuilder::new(
                "INSERT INTO answers
                   (checkin_id, user_id, prompt_id, value_int, value_text, is_private, updated_at) ",
            );
            insert.push_values(answers.iter().zip(&sealed), |mut row, (a, text)| {
                row.push_bind(checkin_id)
                    .push_bind(user)
                    .push_bind(&a.prompt_id)
                    .push_bind(a.value_int)
                    .push_bind(text)
                    .push_bind(a.is_private)
                    .push_bind(now);
            });
            insert.build().execute(&mut **tx).await?;
        }
        sqlx::query(
            "INSERT INTO checkin_submissions (checkin_id, user_id, submitted_at) VALUES ($1, $2, $3)
             ON CONFLICT (checkin_id, user_id) DO UPDATE SET submitted_at = excluded.submitted_at",
        )
        .bind(checkin_id)
        .bind(user)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        let revealed = sqlx::query(REVEAL)
            .bind(now)
            .bind(checkin_id)
            .execute(&mut **tx)
            .await?
            .rows_affected()
            == 1;
        if revealed {
            // The summary's running totals grow with the reveal, in the same transaction.
            for sql in [
                super::summaries::ADD_SCALE_TOTALS,
                super::summaries::ADD_CHOICE_TOTALS,
                super::summaries::ADD_AGREEMENT,
                super::summaries::COUNT_REVEAL,
            ] {
                sqlx::query(sql).bind(checkin_id).execute(&mut **tx).await?;
            }
        }
        Ok::<_, anyhow::Error>(SaveOutcome::Saved { revealed })
    })
}

/// Sets aside an unfinished check-in of `user`'s active couple. False when there was
/// no such open check-in.
pub async fn dismiss(
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

pub async fn recent_care_signals(
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
