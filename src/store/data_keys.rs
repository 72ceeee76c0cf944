//! Which data key the stored free text is sealed with: checked at start-up, changed by
//! `mutual rotate-key`.

use anyhow::{bail, Context};
use time::OffsetDateTime;

use super::{in_tx, on_db, on_writer, Db};
use crate::crypto::{DataKey, Field};

/// The known text sealed into `data_keys.check_value`.
const CHECK: &str = "mutual data key check";

/// What start-up found about encryption, for its log line.
#[derive(Debug, PartialEq, Eq)]
pub enum KeyState {
    /// No key configured and nothing sealed: free text is stored as typed.
    Unencrypted,
    /// The configured key is the one the data is sealed with (or the first one).
    Encrypted { key_id: String },
}

/// Refuses to go on with a key that is not the database's key, or with no key when the
/// database holds sealed text: either would show garbage or errors instead of people's
/// words. The first start with a key records it.
pub async fn check(db: &Db, now: OffsetDateTime) -> anyhow::Result<KeyState> {
    let known: Vec<(String, String)> = on_db!(db, |pool| sqlx::query_as(
        "SELECT key_id, check_value FROM data_keys"
    )
    .fetch_all(pool)
    .await)
    .context("read data keys")?;
    let Some(key) = db.data_key() else {
        if known.is_empty() {
            return Ok(KeyState::Unencrypted);
        }
        bail!(
            "this database holds encrypted text: start Mutual with its data key \
             (MUTUAL_DATA_KEY or --data-key-file)"
        );
    };
    match known.iter().find(|(id, _)| id == key.id()) {
        Some((_, check_value)) => {
            let opened = key
                .open(Field::KeyCheck, check_value)
                .context("the data key does not open this database's check value")?;
            if opened != CHECK {
                bail!("the data key's check value is wrong");
            }
        }
        None if known.is_empty() => {
            let sealed = key.seal(Field::KeyCheck, CHECK)?;
            on_writer!(db, |pool| sqlx::query(
                "INSERT INTO data_keys (key_id, check_value, created_at) VALUES ($1, $2, $3)"
            )
            .bind(key.id())
            .bind(&sealed)
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
            .context("record data key")?;
        }
        None => bail!(
            "the configured data key (id {}) is not the key this database is encrypted with \
             (id {}); refusing to start",
            key.id(),
            known[0].0
        ),
    }
    Ok(KeyState::Encrypted {
        key_id: key.id().to_owned(),
    })
}

/// How many values `rotate` sealed again.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Rotated {
    pub answers: usize,
    pub notes: usize,
    pub prompts: usize,
}

/// Re-seals every free-text value with `new`, in one transaction: values sealed with the
/// current key (`db`'s, after [`check`]) and plain ones alike. Afterwards only `new` opens
/// the database.
pub async fn rotate(db: &Db, new: &DataKey, now: OffsetDateTime) -> anyhow::Result<Rotated> {
    let done = reseal_all(db, new, now).await?;
    // Text sealed before (or stored plain) must not linger in the old pages.
    db.forget_old_pages()
        .await
        .context("checkpoint after rotation")?;
    Ok(done)
}

async fn reseal_all(db: &Db, new: &DataKey, now: OffsetDateTime) -> anyhow::Result<Rotated> {
    check(db, now).await?;
    let reseal = |field: Field, stored: String| -> anyhow::Result<String> {
        new.seal(field, &db.open(field, stored)?)
    };
    in_tx!(db, |tx| {
        let mut done = Rotated::default();
        let answers: Vec<(uuid::Uuid, uuid::Uuid, String, String)> = sqlx::query_as(
            "SELECT checkin_id, user_id, prompt_id, value_text FROM answers
             WHERE value_text IS NOT NULL",
        )
        .fetch_all(&mut **tx)
        .await?;
        for (checkin, user, prompt, text) in answers {
            sqlx::query(
                "UPDATE answers SET value_text = $1
                 WHERE checkin_id = $2 AND user_id = $3 AND prompt_id = $4",
            )
            .bind(reseal(Field::AnswerText, text)?)
            .bind(checkin)
            .bind(user)
            .bind(prompt)
            .execute(&mut **tx)
            .await?;
            done.answers += 1;
        }
        let notes: Vec<(uuid::Uuid, String)> =
            sqlx::query_as("SELECT assignment_id, note FROM assignments")
                .fetch_all(&mut **tx)
                .await?;
        for (id, note) in notes {
            sqlx::query("UPDATE assignments SET note = $1 WHERE assignment_id = $2")
                .bind(reseal(Field::AssignmentNote, note)?)
                .bind(id)
                .execute(&mut **tx)
                .await?;
            done.notes += 1;
        }
        let prompts: Vec<(String, String)> = sqlx::query_as(&format!(
            "SELECT prompt_id, text FROM prompts WHERE {WRITTEN_BY_THERAPIST}"
        ))
        .fetch_all(&mut **tx)
        .await?;
        for (id, text) in prompts {
            sqlx::query("UPDATE prompts SET text = $1 WHERE prompt_id = $2")
                .bind(reseal(Field::PromptText, text)?)
                .bind(id)
                .execute(&mut **tx)
                .await?;
            done.prompts += 1;
        }
        sqlx::query("DELETE FROM data_keys")
            .execute(&mut **tx)
            .await?;
        sqlx::query("INSERT INTO data_keys (key_id, check_value, created_at) VALUES ($1, $2, $3)")
            .bind(new.id())
            .bind(new.seal(Field::KeyCheck, CHECK)?)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        Ok::<_, anyhow::Error>(done)
    })
}

/// Prompts a therapist wrote (the library's own prompts are public text, never sealed).
pub const WRITTEN_BY_THERAPIST: &str = "prompt_set_id IN (SELECT prompt_set_id FROM prompt_sets
    WHERE owner_id IS NOT NULL OR retired_at IS NOT NULL)";
