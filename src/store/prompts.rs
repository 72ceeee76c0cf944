//! SQL for the prompt library (seeded by migrations, read-only at run time).

use anyhow::Context;

use super::{on_db, Db};

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
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ChoiceRow {
    pub prompt_id: String,
    pub position: i32,
    pub label: String,
}

pub async fn list_sets(db: &Db) -> anyhow::Result<Vec<PromptSetRow>> {
    on_db!(db, |pool| sqlx::query_as::<_, PromptSetRow>(
        "SELECT s.prompt_set_id, s.title, s.description, COUNT(p.prompt_id) AS prompt_count
         FROM prompt_sets s LEFT JOIN prompts p ON p.prompt_set_id = s.prompt_set_id
         GROUP BY s.prompt_set_id, s.title, s.description, s.position
         ORDER BY s.position"
    )
    .fetch_all(pool)
    .await)
    .context("list prompt sets")
}

pub async fn find_set_title(db: &Db, prompt_set_id: &str) -> anyhow::Result<Option<String>> {
    on_db!(db, |pool| sqlx::query_scalar::<_, String>(
        "SELECT title FROM prompt_sets WHERE prompt_set_id = $1"
    )
    .bind(prompt_set_id)
    .fetch_optional(pool)
    .await)
    .context("find prompt set")
}

/// The prompts of one set in order, and the choices of its choice prompts.
pub async fn list_prompts(
    db: &Db,
    prompt_set_id: &str,
) -> anyhow::Result<(Vec<PromptRow>, Vec<ChoiceRow>)> {
    let prompts = on_db!(db, |pool| sqlx::query_as::<_, PromptRow>(
        "SELECT prompt_id, position, kind, text, help, scale_low_label, scale_high_label, role
         FROM prompts WHERE prompt_set_id = $1 ORDER BY position"
    )
    .bind(prompt_set_id)
    .fetch_all(pool)
    .await)
    .context("list prompts")?;
    let choices = on_db!(db, |pool| sqlx::query_as::<_, ChoiceRow>(
        "SELECT c.prompt_id, c.position, c.label
         FROM prompt_choices c JOIN prompts p ON p.prompt_id = c.prompt_id
         WHERE p.prompt_set_id = $1 ORDER BY c.prompt_id, c.position"
    )
    .bind(prompt_set_id)
    .fetch_all(pool)
    .await)
    .context("list prompt choices")?;
    Ok((prompts, choices))
}
