//! SQL for reading question sets: the library (seeded by migrations, read-only at run
//! time) and the sets therapists write (`own_sets` writes them).

use anyhow::Context;

use super::{on_db, Db};
use crate::crypto::Slot;
use crate::ids::{CheckinId, UserId};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PromptSetRow {
    pub prompt_set_id: String,
    pub title: String,
    pub description: String,
    pub prompt_count: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PromptRow {
    pub prompt_id: String,
    pub position: i32,
    pub kind: String,
    pub text: String,
    pub help: Option<String>,
    pub scale_low_label: Option<String>,
    pub scale_high_label: Option<String>,
    pub role: Option<String>,
    /// A scale answer at or below this shows the person a private note of care.
    pub care_at_most: Option<i32>,
    /// A therapist wrote it (its text is sealed with a data key); the library's prompts
    /// are public text.
    pub by_therapist: bool,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ChoiceRow {
    pub prompt_id: String,
    pub position: i32,
    pub label: String,
    /// Choosing it shows the person a private note of care.
    pub care: bool,
}

/// The library's sets, and with `owner` also the sets that therapist wrote.
pub async fn list_sets(db: &Db, owner: Option<UserId>) -> anyhow::Result<Vec<PromptSetRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, PromptSetRow>(
        "SELECT s.prompt_set_id, s.title, s.description, COUNT(p.prompt_id) AS prompt_count
         FROM prompt_sets s LEFT JOIN prompts p ON p.prompt_set_id = s.prompt_set_id
         WHERE s.retired_at IS NULL AND (s.owner_id IS NULL OR s.owner_id = $1)
         GROUP BY s.prompt_set_id, s.title, s.description, s.position
         ORDER BY s.position"
    )
    .bind(owner)
    .fetch_all(pool)
    .await)
    .context("list prompt sets")
}

/// The title of a library set, or of a set `owner` wrote.
pub async fn find_set_title(
    db: &Db,
    prompt_set_id: &str,
    owner: Option<UserId>,
) -> anyhow::Result<Option<String>> {
    on_db!(db, |pool| sqlx::query_scalar::<_, String>(
        "SELECT title FROM prompt_sets
         WHERE prompt_set_id = $1 AND retired_at IS NULL
           AND (owner_id IS NULL OR owner_id = $2)"
    )
    .bind(prompt_set_id)
    .bind(owner)
    .fetch_optional(pool)
    .await)
    .context("find prompt set")
}

/// The columns of a [`PromptRow`], from `prompts p JOIN prompt_sets s`.
const PROMPT_COLUMNS: &str = "p.prompt_id, p.position, p.kind, p.text, p.help, p.scale_low_label,
    p.scale_high_label, p.role, p.care_at_most,
    (s.owner_id IS NOT NULL OR s.retired_at IS NOT NULL) AS by_therapist";

/// The prompts of one set in order, and the choices of its choice prompts.
pub async fn list_prompts(
    db: &Db,
    prompt_set_id: &str,
) -> anyhow::Result<(Vec<PromptRow>, Vec<ChoiceRow>)> {
    let mut prompts = on_db!(db, |pool| sqlx::query_as::<_, PromptRow>(&format!(
        "SELECT {PROMPT_COLUMNS}
         FROM prompts p JOIN prompt_sets s ON s.prompt_set_id = p.prompt_set_id
         WHERE p.prompt_set_id = $1 ORDER BY p.position"
    ))
    .bind(prompt_set_id)
    .fetch_all(pool)
    .await)
    .context("list prompts")?;
    let choices = on_db!(db, |pool| sqlx::query_as::<_, ChoiceRow>(
        "SELECT c.prompt_id, c.position, c.label, c.care
         FROM prompt_choices c JOIN prompts p ON p.prompt_id = c.prompt_id
         WHERE p.prompt_set_id = $1 ORDER BY c.prompt_id, c.position"
    )
    .bind(prompt_set_id)
    .fetch_all(pool)
    .await)
    .context("list prompt choices")?;
    open_therapist_texts(db, &mut prompts);
    Ok((prompts, choices))
}

/// Which prompts a check-in shows: those of its set (`$1`) now, and any other that an
/// answer of check-in `$2` belongs to, counting only `$3`'s own answers and, when `$4`,
/// the others' shared ones. A prompt that left the set after the check-in began (the
/// library moves prompts between sets in migrations, keeping their ids) so stays
/// readable with its answers, and shows nobody that the partner answered it.
const OF_CHECKIN: &str = "(p.prompt_set_id = $1 OR p.prompt_id IN (
         SELECT a.prompt_id FROM answers a
         WHERE a.checkin_id = $2 AND (a.user_id = $3 OR ($4 AND a.is_private = FALSE))))";

pub fn prompts_of_checkin_sql() -> String {
    format!(
        "SELECT {PROMPT_COLUMNS}
         FROM prompts p JOIN prompt_sets s ON s.prompt_set_id = p.prompt_set_id
         WHERE {OF_CHECKIN}
         ORDER BY CASE WHEN p.prompt_set_id = $1 THEN 0 ELSE 1 END, p.position, p.prompt_id"
    )
}

pub fn choices_of_checkin_sql() -> String {
    format!(
        "SELECT c.prompt_id, c.position, c.label, c.care
         FROM prompt_choices c JOIN prompts p ON p.prompt_id = c.prompt_id
         WHERE {OF_CHECKIN} ORDER BY c.prompt_id, c.position"
    )
}

/// The prompts check-in `checkin` of set `prompt_set_id` shows `viewer` (see
/// [`OF_CHECKIN`]; `include_others` when the partner's answers may be shown), in order,
/// and the choices of its choice prompts. Costs the same two queries as [`list_prompts`].
pub async fn list_prompts_of_checkin(
    db: &Db,
    prompt_set_id: &str,
    checkin: CheckinId,
    viewer: UserId,
    include_others: bool,
) -> anyhow::Result<(Vec<PromptRow>, Vec<ChoiceRow>)> {
    let mut prompts = on_db!(db, |pool| sqlx::query_as::<_, PromptRow>(
        &prompts_of_checkin_sql()
    )
    .bind(prompt_set_id)
    .bind(checkin)
    .bind(viewer)
    .bind(include_others)
    .fetch_all(pool)
    .await)
    .context("list prompts of a check-in")?;
    let choices = on_db!(db, |pool| sqlx::query_as::<_, ChoiceRow>(
        &choices_of_checkin_sql()
    )
    .bind(prompt_set_id)
    .bind(checkin)
    .bind(viewer)
    .bind(include_others)
    .fetch_all(pool)
    .await)
    .context("list prompt choices of a check-in")?;
    open_therapist_texts(db, &mut prompts);
    Ok((prompts, choices))
}

/// Prompts a therapist wrote are sealed; the library's are public text.
fn open_therapist_texts(db: &Db, prompts: &mut [PromptRow]) {
    for p in prompts.iter_mut().filter(|p| p.by_therapist) {
        p.text = db.open_or_say(Slot::PromptText(&p.prompt_id), &p.text);
    }
}

/// How many prompts a set asks (the landing page says it of the after-intimacy set).
pub async fn count_in_set(db: &Db, prompt_set_id: &str) -> anyhow::Result<i64> {
    on_db!(db, |pool| sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM prompts WHERE prompt_set_id = $1"
    )
    .bind(prompt_set_id)
    .fetch_one(pool)
    .await)
    .context("count prompts of a set")
}
