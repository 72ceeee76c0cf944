//! SQL for the couple summary. Only revealed check-ins feed it, and only non-private
//! answers; averages are computed by the database so a long history costs one pass.

use anyhow::Context;
use time::OffsetDateTime;

use super::{on_db, Db};
use crate::crypto::Field;
use crate::ids::{CheckinId, CoupleId, UserId};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Counts {
    pub completed: i64,
    pub open: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StartedBy {
    pub user_id: UserId,
    pub started: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ScaleAverage {
    pub prompt_id: String,
    pub text: String,
    pub scale_low_label: Option<String>,
    pub scale_high_label: Option<String>,
    pub user_id: UserId,
    pub average: f64,
    pub answered: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ScalePoint {
    pub checkin_id: CheckinId,
    pub revealed_at: OffsetDateTime,
    pub prompt_id: String,
    pub user_id: UserId,
    pub value: i32,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Agreement {
    pub both_answered: i64,
    pub both_high: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SharedText {
    pub checkin_id: CheckinId,
    pub revealed_at: OffsetDateTime,
    pub user_id: UserId,
    pub value_text: String,
}

pub async fn counts(db: &Db, couple: CoupleId) -> anyhow::Result<Counts> {
    on_db!(db, |pool| sqlx::query_as::<_, Counts>(
        "SELECT
           COALESCE(SUM(CASE WHEN revealed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS completed,
           COALESCE(SUM(CASE WHEN revealed_at IS NULL AND dismissed_at IS NULL THEN 1 ELSE 0 END), 0) AS open
         FROM checkins WHERE couple_id = $1"
    )
    .bind(couple)
    .fetch_one(pool)
    .await)
    .context("summary counts")
}

/// How many check-ins each partner started (set-aside ones included: starting is what
/// this measures).
pub async fn started_by(db: &Db, couple: CoupleId) -> anyhow::Result<Vec<StartedBy>> {
    on_db!(db, |pool| sqlx::query_as::<_, StartedBy>(
        "SELECT started_by AS user_id, COUNT(*) AS started FROM checkins
         WHERE couple_id = $1 AND started_by IS NOT NULL GROUP BY started_by"
    )
    .bind(couple)
    .fetch_all(pool)
    .await)
    .context("summary started by")
}

pub async fn scale_averages(db: &Db, couple: CoupleId) -> anyhow::Result<Vec<ScaleAverage>> {
    let mut rows = on_db!(db, |pool| sqlx::query_as::<_, ScaleAverage>(
        "SELECT p.prompt_id, p.text, p.scale_low_label, p.scale_high_label, a.user_id,
                AVG(CAST(a.value_int AS DOUBLE PRECISION)) AS average, COUNT(*) AS answered
         FROM checkins c
         JOIN answers a ON a.checkin_id = c.checkin_id
         JOIN prompts p ON p.prompt_id = a.prompt_id
         WHERE c.couple_id = $1 AND c.revealed_at IS NOT NULL
           AND p.kind = 'scale' AND a.value_int IS NOT NULL AND a.is_private = FALSE
         GROUP BY p.prompt_id, p.text, p.scale_low_label, p.scale_high_label, p.prompt_set_id,
                  p.position, a.user_id
         ORDER BY p.prompt_set_id, p.position"
    )
    .bind(couple)
    .fetch_all(pool)
    .await)
    .context("summary scale averages")?;
    for r in &mut rows {
        r.text = db.open(Field::PromptText, std::mem::take(&mut r.text))?;
    }
    Ok(rows)
}

/// Scale answers of the couple's `last` most recently revealed check-ins.
pub async fn recent_scale_points(
    db: &Db,
    couple: CoupleId,
    last: i64,
) -> anyhow::Result<Vec<ScalePoint>> {
    on_db!(db, |pool| sqlx::query_as::<_, ScalePoint>(
        "SELECT c.checkin_id, c.revealed_at, a.prompt_id, a.user_id, a.value_int AS value
         FROM (SELECT checkin_id, revealed_at FROM checkins
               WHERE couple_id = $1 AND revealed_at IS NOT NULL
               ORDER BY revealed_at DESC LIMIT $2) c
         JOIN answers a ON a.checkin_id = c.checkin_id
         JOIN prompts p ON p.prompt_id = a.prompt_id
         WHERE p.kind = 'scale' AND a.value_int IS NOT NULL AND a.is_private = FALSE
         ORDER BY c.revealed_at"
    )
    .bind(couple)
    .bind(last)
    .fetch_all(pool)
    .await)
    .context("summary recent scale answers")
}

/// Of the revealed check-ins where both answered the "mattered as much" prompt, how
/// many had both partners at 4 or 5.
pub async fn mattered_equally(db: &Db, couple: CoupleId) -> anyhow::Result<Agreement> {
    on_db!(db, |pool| sqlx::query_as::<_, Agreement>(
        "SELECT COUNT(*) AS both_answered,
                COALESCE(SUM(CASE WHEN t.lowest >= 4 THEN 1 ELSE 0 END), 0) AS both_high
         FROM (SELECT a.checkin_id, MIN(a.value_int) AS lowest, COUNT(*) AS n
               FROM checkins c
               JOIN answers a ON a.checkin_id = c.checkin_id
               JOIN prompts p ON p.prompt_id = a.prompt_id
               WHERE c.couple_id = $1 AND c.revealed_at IS NOT NULL
                 AND p.role = 'mattered_equally' AND a.value_int IS NOT NULL
                 AND a.is_private = FALSE
               GROUP BY a.checkin_id) t
         WHERE t.n = 2"
    )
    .bind(couple)
    .fetch_one(pool)
    .await)
    .context("summary mattered equally")
}

/// Shared (revealed, non-private, non-empty) answers to the prompt with `role`, from the
/// `last` most recent check-ins that have any.
pub async fn latest_texts(
    db: &Db,
    couple: CoupleId,
    role: &str,
    last: i64,
) -> anyhow::Result<Vec<SharedText>> {
    let mut rows = on_db!(db, |pool| sqlx::query_as::<_, SharedText>(
        "SELECT c.checkin_id, c.revealed_at, a.user_id, a.value_text
         FROM answers a
         JOIN prompts p ON p.prompt_id = a.prompt_id
         JOIN checkins c ON c.checkin_id = a.checkin_id
         WHERE c.checkin_id IN (
                 SELECT c2.checkin_id FROM checkins c2
                 JOIN answers a2 ON a2.checkin_id = c2.checkin_id
                 JOIN prompts p2 ON p2.prompt_id = a2.prompt_id
                 WHERE c2.couple_id = $1 AND c2.revealed_at IS NOT NULL AND p2.role = $2
                   AND a2.is_private = FALSE AND a2.value_text IS NOT NULL
                 GROUP BY c2.checkin_id, c2.revealed_at
                 ORDER BY c2.revealed_at DESC LIMIT $3)
           AND p.role = $2 AND a.is_private = FALSE AND a.value_text IS NOT NULL
         ORDER BY c.revealed_at DESC, a.user_id"
    )
    .bind(couple)
    .bind(role)
    .bind(last)
    .fetch_all(pool)
    .await)
    .context("summary latest shared answers")?;
    for r in &mut rows {
        r.value_text = db.open(Field::AnswerText, std::mem::take(&mut r.value_text))?;
    }
    Ok(rows)
}
