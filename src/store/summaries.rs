//! SQL for the couple summary. Only revealed check-ins feed it, and only non-private
//! answers.
//!
//! A long history must cost what a short one does: averages and the "mattered as much"
//! agreement come from running totals (`summary_scale_totals`, `summary_agreement`) that
//! grow in the transaction revealing a check-in ([`ADD_SCALE_TOTALS`],
//! [`ADD_AGREEMENT`]); charts and shared words read only the latest check-ins, by the
//! day each is about (`dated_on`), through the `checkins_revealed` index; the counts (`summary_counts`, `summary_started`) change
//! in the statement or transaction that starts, reveals or sets aside a check-in
//! ([`COUNT_START`], [`COUNT_STARTED_BY`], [`COUNT_REVEAL`], [`COUNT_DISMISS`]).
//! Invariant: answers of a revealed check-in never change, so the totals stay exact. Code
//! that ever deletes or edits revealed answers or open or revealed check-ins must adjust
//! the totals in the same transaction. (The retention purge deletes only set-aside
//! check-ins, which no total but "started" counts, and "started" keeps counting them.)

use anyhow::Context;
use time::{Date, OffsetDateTime};

use super::{on_db, Db};
use crate::crypto::Slot;
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
    /// The prompt is a therapist's (its text is sealed with a data key).
    pub by_therapist: bool,
    pub scale_low_label: Option<String>,
    pub scale_high_label: Option<String>,
    pub user_id: UserId,
    pub average: f64,
    pub answered: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ScalePoint {
    pub checkin_id: CheckinId,
    pub dated_on: Date,
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
    pub dated_on: Date,
    pub created_at: OffsetDateTime,
    pub user_id: UserId,
    pub prompt_id: String,
    /// As written, or the words saying it couldn't be read.
    pub value_text: String,
}

pub const COUNTS: &str =
    "SELECT completed, open_now AS open FROM summary_counts WHERE couple_id = $1";

pub async fn count_checkins(db: &Db, couple: CoupleId) -> anyhow::Result<Counts> {
    let found = on_db!(db, |pool| sqlx::query_as::<_, Counts>(COUNTS)
        .bind(couple)
        .fetch_optional(pool)
        .await)
    .context("summary counts")?;
    Ok(found.unwrap_or(Counts {
        completed: 0,
        open: 0,
    }))
}

/// Counts check-in `$1`, just started, as open for its couple.
pub const COUNT_START: &str = "INSERT INTO summary_counts (couple_id, open_now, completed)
     SELECT couple_id, 1, 0 FROM checkins WHERE checkin_id = $1
     ON CONFLICT (couple_id) DO UPDATE SET open_now = summary_counts.open_now + 1";

/// Counts check-in `$1`, just started, for the partner who started it.
pub const COUNT_STARTED_BY: &str = "INSERT INTO summary_started (couple_id, user_id, started)
     SELECT couple_id, started_by, 1 FROM checkins
     WHERE checkin_id = $1 AND started_by IS NOT NULL
     ON CONFLICT (couple_id, user_id) DO UPDATE SET started = summary_started.started + 1";

/// Check-in `$1`, just revealed, is no longer open but completed.
pub const COUNT_REVEAL: &str =
    "UPDATE summary_counts SET open_now = open_now - 1, completed = completed + 1
     WHERE couple_id = (SELECT couple_id FROM checkins WHERE checkin_id = $1)";

/// Check-in `$1`, just set aside, is no longer open.
pub const COUNT_DISMISS: &str = "UPDATE summary_counts SET open_now = open_now - 1
     WHERE couple_id = (SELECT couple_id FROM checkins WHERE checkin_id = $1)";

/// How many check-ins each partner started (set-aside ones included: starting is what
/// this measures).
pub const STARTED_BY: &str = "SELECT user_id, started FROM summary_started WHERE couple_id = $1";

pub async fn count_started_by(db: &Db, couple: CoupleId) -> anyhow::Result<Vec<StartedBy>> {
    on_db!(db, |pool| sqlx::query_as::<_, StartedBy>(STARTED_BY)
        .bind(couple)
        .fetch_all(pool)
        .await)
    .context("summary started by")
}

/// Adds the scale answers of check-in `$1`, just revealed, to its couple's totals.
pub const ADD_SCALE_TOTALS: &str = "INSERT INTO summary_scale_totals
       (couple_id, prompt_id, user_id, answered, total)
     SELECT c.couple_id, a.prompt_id, a.user_id, 1, a.value_int
     FROM answers a
     JOIN checkins c ON c.checkin_id = a.checkin_id
     JOIN prompts p ON p.prompt_id = a.prompt_id
     WHERE a.checkin_id = $1 AND p.kind = 'scale' AND a.value_int IS NOT NULL
       AND a.is_private = FALSE
     ON CONFLICT (couple_id, prompt_id, user_id) DO UPDATE
       SET answered = summary_scale_totals.answered + excluded.answered,
           total = summary_scale_totals.total + excluded.total";

/// Adds the multiple-choice answers of check-in `$1`, just revealed, to its couple's
/// counts of each option.
pub const ADD_CHOICE_TOTALS: &str = "INSERT INTO summary_choice_totals
       (couple_id, prompt_id, user_id, position, chosen)
     SELECT c.couple_id, a.prompt_id, a.user_id, a.value_int, 1
     FROM answers a
     JOIN checkins c ON c.checkin_id = a.checkin_id
     JOIN prompts p ON p.prompt_id = a.prompt_id
     WHERE a.checkin_id = $1 AND p.kind = 'choice' AND a.value_int IS NOT NULL
       AND a.is_private = FALSE
     ON CONFLICT (couple_id, prompt_id, user_id, position) DO UPDATE
       SET chosen = summary_choice_totals.chosen + 1";

/// One option of a choice question that someone in the couple has answered, with how
/// often `user_id` chose it (no `user_id`: an option nobody chose yet).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ChoiceCount {
    pub prompt_id: String,
    pub text: String,
    /// A therapist wrote the question (its text is sealed with a data key).
    pub by_therapist: bool,
    pub position: i32,
    pub label: String,
    pub user_id: Option<UserId>,
    pub chosen: i64,
}

/// Every option of each choice question the couple has answered in a revealed check-in,
/// with each partner's count, in library order.
pub const CHOICE_COUNTS: &str = "SELECT p.prompt_id, p.text,
            (s.owner_id IS NOT NULL OR s.retired_at IS NOT NULL) AS by_therapist,
            pc.position, pc.label, t.user_id, CAST(COALESCE(t.chosen, 0) AS BIGINT) AS chosen
     FROM prompts p
     JOIN prompt_sets s ON s.prompt_set_id = p.prompt_set_id
     JOIN prompt_choices pc ON pc.prompt_id = p.prompt_id
     LEFT JOIN summary_choice_totals t
            ON t.couple_id = $1 AND t.prompt_id = p.prompt_id AND t.position = pc.position
     WHERE p.prompt_id IN (SELECT prompt_id FROM summary_choice_totals WHERE couple_id = $1)
     ORDER BY p.prompt_set_id, p.position, pc.position";

pub async fn count_choices(db: &Db, couple: CoupleId) -> anyhow::Result<Vec<ChoiceCount>> {
    let mut rows = on_db!(db, |pool| sqlx::query_as::<_, ChoiceCount>(CHOICE_COUNTS)
        .bind(couple)
        .fetch_all(pool)
        .await)
    .context("summary choice counts")?;
    for r in rows.iter_mut().filter(|r| r.by_therapist) {
        r.text = db.open_or_say(Slot::PromptText(&r.prompt_id), &r.text);
    }
    Ok(rows)
}

/// Counts check-in `$1`, just revealed, in its couple's "mattered as much" agreement when
/// both partners answered that prompt.
pub const ADD_AGREEMENT: &str =
    "INSERT INTO summary_agreement (couple_id, both_answered, both_high)
     SELECT c.couple_id, 1, CASE WHEN MIN(a.value_int) >= 4 THEN 1 ELSE 0 END
     FROM answers a
     JOIN checkins c ON c.checkin_id = a.checkin_id
     JOIN prompts p ON p.prompt_id = a.prompt_id
     WHERE a.checkin_id = $1 AND p.role = 'mattered_equally' AND a.value_int IS NOT NULL
       AND a.is_private = FALSE
     GROUP BY c.couple_id
     HAVING COUNT(*) = 2
     ON CONFLICT (couple_id) DO UPDATE
       SET both_answered = summary_agreement.both_answered + excluded.both_answered,
           both_high = summary_agreement.both_high + excluded.both_high";

pub const SCALE_AVERAGES: &str =
    "SELECT p.prompt_id, p.text, p.scale_low_label, p.scale_high_label,
            (s.owner_id IS NOT NULL OR s.retired_at IS NOT NULL) AS by_therapist,
            t.user_id, CAST(t.total AS DOUBLE PRECISION) / t.answered AS average,
            t.answered
     FROM summary_scale_totals t
     JOIN prompts p ON p.prompt_id = t.prompt_id
     JOIN prompt_sets s ON s.prompt_set_id = p.prompt_set_id
     WHERE t.couple_id = $1 AND t.answered > 0
     ORDER BY p.prompt_set_id, p.position";

pub async fn list_scale_averages(db: &Db, couple: CoupleId) -> anyhow::Result<Vec<ScaleAverage>> {
    let mut rows = on_db!(db, |pool| sqlx::query_as::<_, ScaleAverage>(SCALE_AVERAGES)
        .bind(couple)
        .fetch_all(pool)
        .await)
    .context("summary scale averages")?;
    for r in rows.iter_mut().filter(|r| r.by_therapist) {
        r.text = db.open_or_say(Slot::PromptText(&r.prompt_id), &r.text);
    }
    Ok(rows)
}

pub const RECENT_SCALE_POINTS: &str =
    "SELECT latest.checkin_id, latest.dated_on, a.prompt_id, a.user_id,
            a.value_int AS value
     FROM (SELECT checkin_id, dated_on, created_at FROM checkins
           WHERE couple_id = $1 AND revealed_at IS NOT NULL
           ORDER BY dated_on DESC, created_at DESC LIMIT $2) latest
     JOIN answers a ON a.checkin_id = latest.checkin_id
     JOIN prompts p ON p.prompt_id = a.prompt_id
     WHERE p.kind = 'scale' AND a.value_int IS NOT NULL AND a.is_private = FALSE
     ORDER BY latest.dated_on, latest.created_at";

/// Scale answers of the couple's `last` most recently revealed check-ins.
pub async fn list_recent_scale_points(
    db: &Db,
    couple: CoupleId,
    last: i64,
) -> anyhow::Result<Vec<ScalePoint>> {
    on_db!(db, |pool| sqlx::query_as::<_, ScalePoint>(
        RECENT_SCALE_POINTS
    )
    .bind(couple)
    .bind(last)
    .fetch_all(pool)
    .await)
    .context("summary recent scale answers")
}

/// Of the revealed check-ins where both answered the "mattered as much" prompt, how
/// many had both partners at 4 or 5.
pub const AGREEMENT: &str =
    "SELECT both_answered, both_high FROM summary_agreement WHERE couple_id = $1";

pub async fn count_mattered_equally(db: &Db, couple: CoupleId) -> anyhow::Result<Agreement> {
    let found = on_db!(db, |pool| sqlx::query_as::<_, Agreement>(AGREEMENT)
        .bind(couple)
        .fetch_optional(pool)
        .await)
    .context("summary mattered equally")?;
    Ok(found.unwrap_or(Agreement {
        both_answered: 0,
        both_high: 0,
    }))
}

/// Walks the couple's revealed check-ins newest first and stops after `$3` that have a
/// shared answer to the prompt with role `$2`.
pub const LATEST_TEXTS: &str =
    "SELECT latest.checkin_id, latest.dated_on, latest.created_at, a.user_id, a.prompt_id,
            a.value_text
     FROM (SELECT c.checkin_id, c.dated_on, c.created_at FROM checkins c
           WHERE c.couple_id = $1 AND c.revealed_at IS NOT NULL
             AND EXISTS (SELECT 1 FROM answers a2 JOIN prompts p2 ON p2.prompt_id = a2.prompt_id
                         WHERE a2.checkin_id = c.checkin_id AND p2.role = $2
                           AND a2.is_private = FALSE AND a2.value_text IS NOT NULL)
           ORDER BY c.dated_on DESC, c.created_at DESC LIMIT $3) latest
     JOIN answers a ON a.checkin_id = latest.checkin_id
     JOIN prompts p ON p.prompt_id = a.prompt_id
     WHERE p.role = $2 AND a.is_private = FALSE AND a.value_text IS NOT NULL
     ORDER BY latest.dated_on DESC, latest.created_at DESC, a.user_id";

/// Shared (revealed, non-private, non-empty) answers to the prompt with `role`, from the
/// `last` most recent check-ins that have any.
pub async fn list_latest_texts(
    db: &Db,
    couple: CoupleId,
    role: &str,
    last: i64,
) -> anyhow::Result<Vec<SharedText>> {
    let mut rows = on_db!(db, |pool| sqlx::query_as::<_, SharedText>(LATEST_TEXTS)
        .bind(couple)
        .bind(role)
        .bind(last)
        .fetch_all(pool)
        .await)
    .context("summary latest shared answers")?;
    for r in &mut rows {
        let slot = Slot::Answer {
            checkin: r.checkin_id.0,
            user: r.user_id.0,
            prompt: &r.prompt_id,
        };
        r.value_text = db.open_or_say(slot, &r.value_text);
    }
    Ok(rows)
}
