//! SQL for the sets therapists write. A therapist's set that a check-in used is never
//! changed in place: its questions are what that check-in asked.

use anyhow::Context;
use time::OffsetDateTime;

use super::{dialect, in_tx, on_db, on_writer, Db};
use crate::crypto::Slot;
use crate::ids::UserId;

/// A prompt a therapist wrote.
pub struct NewPrompt {
    pub kind: &'static str,
    pub text: String,
    pub low: Option<String>,
    pub high: Option<String>,
    pub choices: Vec<String>,
}

/// Inserts `$prompts` (with their sealed `$texts`) as the questions of set `$set_id`,
/// inside the transaction `$tx`. A macro, as the body runs once per backend.
macro_rules! insert_prompts {
    ($tx:ident, $set_id:expr, $prompts:expr, $texts:expr) => {
        for (i, (p, (prompt_id, text))) in $prompts.iter().zip($texts).enumerate() {
            sqlx::query(
                "INSERT INTO prompts (prompt_id, prompt_set_id, position, kind, text,
                                      scale_low_label, scale_high_label, source)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 'Written by the couple''s therapist')",
            )
            .bind(&prompt_id)
            .bind($set_id)
            .bind(i as i32 + 1)
            .bind(p.kind)
            .bind(text)
            .bind(&p.low)
            .bind(&p.high)
            .execute(&mut **$tx)
            .await?;
            for (j, label) in p.choices.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO prompt_choices (prompt_id, position, label) VALUES ($1, $2, $3)",
                )
                .bind(&prompt_id)
                .bind(j as i32 + 1)
                .bind(label)
                .execute(&mut **$tx)
                .await?;
            }
        }
    };
}

/// Inserts a new set row owned by `$owner`, placed after every other set.
macro_rules! insert_set_row {
    ($tx:ident, $set_id:expr, $owner:expr, $title:expr, $description:expr) => {
        let position: i32 =
            sqlx::query_scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM prompt_sets")
                .fetch_one(&mut **$tx)
                .await?;
        sqlx::query(
            "INSERT INTO prompt_sets (prompt_set_id, title, description, position, owner_id)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind($set_id)
        .bind($title)
        .bind($description)
        .bind(position)
        .bind($owner)
        .execute(&mut **$tx)
        .await?;
    };
}

/// A fresh id for each prompt and its text sealed for that row (ids first: each text is
/// bound to its own row).
fn seal_texts(db: &Db, prompts: &[NewPrompt]) -> anyhow::Result<Vec<(String, String)>> {
    prompts
        .iter()
        .map(|p| {
            let prompt_id = uuid::Uuid::now_v7().to_string();
            let text = db.seal(Slot::PromptText(&prompt_id), &p.text)?;
            Ok((prompt_id, text))
        })
        .collect()
}

/// Stores a set `owner` wrote, with its prompts, in one transaction.
pub async fn insert_custom_set(
    db: &Db,
    owner: UserId,
    title: &str,
    description: &str,
    prompts: &[NewPrompt],
) -> anyhow::Result<String> {
    let set_id = uuid::Uuid::now_v7().to_string();
    let texts = seal_texts(db, prompts)?;
    in_tx!(db, |tx| {
        insert_set_row!(tx, &set_id, owner, title, description);
        insert_prompts!(tx, &set_id, prompts, &texts);
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(set_id)
}

/// A therapist's own set as its author lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OwnSetRow {
    pub prompt_set_id: String,
    pub title: String,
    pub description: String,
    pub prompt_count: i64,
    /// A check-in was started with it: its questions can no longer change in place.
    pub used: bool,
    /// Exercises not cancelled that name it.
    pub exercises: i64,
}

/// `owner`'s sets not retired, narrowed by `rest` (which may bind `$2`).
fn own_sets_sql(rest: &str) -> String {
    format!(
        "SELECT s.prompt_set_id, s.title, s.description,
                (SELECT COUNT(*) FROM prompts p WHERE p.prompt_set_id = s.prompt_set_id)
                    AS prompt_count,
                EXISTS (SELECT 1 FROM checkins c WHERE c.prompt_set_id = s.prompt_set_id)
                    AS used,
                (SELECT COUNT(*) FROM assignments a
                 WHERE a.prompt_set_id = s.prompt_set_id AND a.cancelled_at IS NULL)
                    AS exercises
         FROM prompt_sets s
         WHERE s.owner_id = $1 AND s.retired_at IS NULL {rest}
         ORDER BY s.position"
    )
}

/// The sets `owner` wrote and has not retired.
pub async fn list_own_sets(db: &Db, owner: UserId) -> anyhow::Result<Vec<OwnSetRow>> {
    let sql = own_sets_sql("");
    on_db!(db, |pool| sqlx::query_as::<_, OwnSetRow>(&sql)
        .bind(owner)
        .fetch_all(pool)
        .await)
    .context("list own prompt sets")
}

/// One set `owner` wrote and has not retired.
pub async fn find_own_set(
    db: &Db,
    owner: UserId,
    prompt_set_id: &str,
) -> anyhow::Result<Option<OwnSetRow>> {
    let sql = own_sets_sql("AND s.prompt_set_id = $2");
    on_db!(db, |pool| sqlx::query_as::<_, OwnSetRow>(&sql)
        .bind(owner)
        .bind(prompt_set_id)
        .fetch_optional(pool)
        .await)
    .context("find own prompt set")
}

/// A set a therapist may read.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReadableSetRow {
    pub prompt_set_id: String,
    pub title: String,
    pub description: String,
    /// The reader wrote it (otherwise it is the library's).
    pub own: bool,
    pub retired: bool,
}

/// A library set still offered, or any set `reader` wrote (retired ones too): never a set
/// of another therapist, nor one left behind by a deleted account.
pub async fn find_readable_set(
    db: &Db,
    reader: UserId,
    prompt_set_id: &str,
) -> anyhow::Result<Option<ReadableSetRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, ReadableSetRow>(
        "SELECT prompt_set_id, title, description, owner_id IS NOT NULL AS own,
                retired_at IS NOT NULL AS retired
         FROM prompt_sets
         WHERE prompt_set_id = $1
           AND ((owner_id IS NULL AND retired_at IS NULL) OR owner_id = $2)"
    )
    .bind(prompt_set_id)
    .bind(reader)
    .fetch_optional(pool)
    .await)
    .context("find readable prompt set")
}

/// How saving an edited set went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetSaved {
    /// No check-in had used it: changed where it stands.
    InPlace,
    /// Check-ins had used it: the edit is a new set with this id; the old one is retired
    /// (those check-ins keep its questions) and exercises not cancelled now name the new one.
    NewVersion(String),
}

/// Saves `owner`'s edit of their set `prompt_set_id`, in one transaction; `None` when it is
/// not theirs or is retired. The set's row is locked first, so no check-in can start with
/// it between the check for use and the change.
pub async fn update_custom_set(
    db: &Db,
    owner: UserId,
    prompt_set_id: &str,
    title: &str,
    description: &str,
    prompts: &[NewPrompt],
    now: OffsetDateTime,
) -> anyhow::Result<Option<SetSaved>> {
    let texts = seal_texts(db, prompts)?;
    let lock = format!(
        "SELECT prompt_set_id FROM prompt_sets
         WHERE prompt_set_id = $1 AND owner_id = $2 AND retired_at IS NULL{}",
        dialect::for_update(db.backend())
    );
    in_tx!(db, |tx| {
        let found: Option<String> = sqlx::query_scalar(&lock)
            .bind(prompt_set_id)
            .bind(owner)
            .fetch_optional(&mut **tx)
            .await?;
        if found.is_none() {
            return Ok(None);
        }
        let used: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM checkins WHERE prompt_set_id = $1")
                .bind(prompt_set_id)
                .fetch_one(&mut **tx)
                .await?;
        if used == 0 {
            sqlx::query(
                "UPDATE prompt_sets SET title = $1, description = $2 WHERE prompt_set_id = $3",
            )
            .bind(title)
            .bind(description)
            .bind(prompt_set_id)
            .execute(&mut **tx)
            .await?;
            sqlx::query(
                "DELETE FROM prompt_choices WHERE prompt_id IN (
                     SELECT prompt_id FROM prompts WHERE prompt_set_id = $1)",
            )
            .bind(prompt_set_id)
            .execute(&mut **tx)
            .await?;
            sqlx::query("DELETE FROM prompts WHERE prompt_set_id = $1")
                .bind(prompt_set_id)
                .execute(&mut **tx)
                .await?;
            insert_prompts!(tx, prompt_set_id, prompts, &texts);
            Ok::<_, anyhow::Error>(Some(SetSaved::InPlace))
        } else {
            let new_id = uuid::Uuid::now_v7().to_string();
            insert_set_row!(tx, &new_id, owner, title, description);
            insert_prompts!(tx, &new_id, prompts, &texts);
            sqlx::query("UPDATE prompt_sets SET retired_at = $1 WHERE prompt_set_id = $2")
                .bind(now)
                .bind(prompt_set_id)
                .execute(&mut **tx)
                .await?;
            sqlx::query(
                "UPDATE assignments SET prompt_set_id = $1
                 WHERE prompt_set_id = $2 AND cancelled_at IS NULL",
            )
            .bind(&new_id)
            .bind(prompt_set_id)
            .execute(&mut **tx)
            .await?;
            Ok(Some(SetSaved::NewVersion(new_id)))
        }
    })
}

/// Retires `owner`'s set: it is no longer offered for exercises; check-ins that used it,
/// and exercises already given with it, keep it. False when it is not theirs or is retired.
pub async fn update_set_retired(
    db: &Db,
    owner: UserId,
    prompt_set_id: &str,
    now: OffsetDateTime,
) -> anyhow::Result<bool> {
    let n = on_writer!(db, |pool| sqlx::query(
        "UPDATE prompt_sets SET retired_at = $1
         WHERE prompt_set_id = $2 AND owner_id = $3 AND retired_at IS NULL"
    )
    .bind(now)
    .bind(prompt_set_id)
    .bind(owner)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("retire prompt set")?;
    Ok(n == 1)
}
