//! Which data key the stored free text is sealed with, and in which format: checked at
//! start-up, changed (and upgraded) by `mutual rotate-key`.
//!
//! Invariant: the format of `data_keys.check_value` is the format of every sealed value.
//! `rotate-key` changes both in one transaction, and start-up serves only a database
//! whose check value is in the current format (or one that holds nothing to seal yet).

use anyhow::{bail, Context};
use time::OffsetDateTime;

use super::{in_tx, on_db, on_writer, Db};
use crate::crypto::{self, DataKey, Reader, Slot};

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

/// How the database's values are stored, as its key record says.
#[derive(Debug, PartialEq, Eq)]
enum Format {
    /// No key recorded: everything is stored as written.
    Unsealed,
    /// The first sealed format, bound to the column only.
    First,
    /// The current one, bound to the row.
    Current,
}

/// Reads the key record and checks the configured key against it. Refuses a key that is
/// not the database's, and no key for a database holding sealed text: either would show
/// errors instead of people's words.
async fn inspect(db: &Db) -> anyhow::Result<Format> {
    let known: Vec<(String, String)> = on_db!(db, |pool| sqlx::query_as(
        "SELECT key_id, check_value FROM data_keys"
    )
    .fetch_all(pool)
    .await)
    .context("read data keys")?;
    let Some(key) = db.data_key() else {
        if known.is_empty() {
            return Ok(Format::Unsealed);
        }
        bail!(
            "this database holds encrypted text: start Mutual with its data key \
             (MUTUAL_DATA_KEY or --data-key-file)"
        );
    };
    match known.iter().find(|(id, _)| id == key.id()) {
        Some((id, check_value)) => {
            let slot = Slot::KeyCheck(id);
            let first = crypto::is_first_format(check_value);
            let opened = Reader::Upgrade(Some(key))
                .open_text(slot, check_value)
                .map_err(|why| {
                    anyhow::anyhow!("the data key does not open this database's check value: {why}")
                })?;
            if opened != CHECK {
                bail!("the data key's check value is wrong");
            }
            Ok(if first {
                Format::First
            } else {
                Format::Current
            })
        }
        None if known.is_empty() => Ok(Format::Unsealed),
        None => bail!(
            "the configured data key (id {}) is not the key this database is encrypted with \
             (id {}); refusing to start",
            key.id(),
            known[0].0
        ),
    }
}

/// The command that seals or upgrades the database, as start-up messages name it.
const ROTATE_SAME_KEY: &str =
    "`mutual --data-key-file <key file> rotate-key --new-key-file <key file>` (the same file twice)";

/// Checks the data key at start-up. Besides a wrong or missing key, refuses a key set
/// on a database that still holds text stored without one, or sealed in the first
/// format: with a key, only values sealed for their own row are read (anything else is
/// what a planted or copied value would look like), so those would all read as
/// unreadable. `rotate-key` seals them. The first start with a key on a database with
/// nothing to seal records the key.
pub async fn check(db: &Db, now: OffsetDateTime) -> anyhow::Result<KeyState> {
    let format = inspect(db).await?;
    let Some(key) = db.data_key() else {
        return Ok(KeyState::Unencrypted);
    };
    match format {
        Format::Current => {}
        Format::First => bail!(
            "this database's encrypted text is in an older format, which binds each value to \
             its column but not to its row. Upgrade it once, with every Mutual instance \
             stopped and the same key: {ROTATE_SAME_KEY}; then start Mutual again"
        ),
        Format::Unsealed if holds_values_to_seal(db).await? => bail!(
            "a data key is set, but this database holds text stored without encryption. \
             Encrypt it once, with every Mutual instance stopped: {ROTATE_SAME_KEY}; \
             then start Mutual with that key"
        ),
        Format::Unsealed => {
            let sealed = key.seal(Slot::KeyCheck(key.id()), CHECK.as_bytes())?;
            // Instances starting together with the same key record it once.
            on_writer!(db, |pool| sqlx::query(
                "INSERT INTO data_keys (key_id, check_value, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT (key_id) DO NOTHING"
            )
            .bind(key.id())
            .bind(&sealed)
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
            .context("record data key")?;
        }
    }
    Ok(KeyState::Encrypted {
        key_id: key.id().to_owned(),
    })
}

/// True when any value `rotate-key` seals is stored.
async fn holds_values_to_seal(db: &Db) -> anyhow::Result<bool> {
    let sql = format!(
        "SELECT CAST(CASE WHEN EXISTS (SELECT 1 FROM answers WHERE value_text IS NOT NULL)
                            OR EXISTS (SELECT 1 FROM assignments)
                            OR EXISTS (SELECT 1 FROM prompts WHERE {WRITTEN_BY_THERAPIST})
                            OR EXISTS (SELECT 1 FROM totp_secrets)
                          THEN 1 ELSE 0 END AS BIGINT)"
    );
    let found: i64 = on_db!(db, |pool| sqlx::query_scalar(&sql).fetch_one(pool).await)
        .context("look for values to seal")?;
    Ok(found == 1)
}

/// How many values `rotate` sealed again, and how many it could not read.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Rotated {
    pub answers: usize,
    pub notes: usize,
    pub prompts: usize,
    pub secrets: usize,
    /// Values that could not be read (each logged, by row): left as they were, they
    /// still show as unreadable.
    pub unreadable: usize,
}

/// Re-seals every free-text value and two-step secret with `new`, in one transaction.
/// From a database in the current format it reads only what the current key (`db`'s)
/// sealed for each row; from one with no key or in the first format it also reads text
/// stored as written and first-format values, which is how a database is upgraded (the
/// same key may be given as current and new). A value it cannot read is logged, left as
/// it was, and counted; it never stops the rotation. Afterwards only `new` opens the
/// database.
pub async fn rotate(db: &Db, new: &DataKey, now: OffsetDateTime) -> anyhow::Result<Rotated> {
    let done = reseal_all(db, new, now).await?;
    // Text sealed before (or stored plain) must not linger in the old pages.
    db.forget_old_pages()
        .await
        .context("checkpoint after rotation")?;
    Ok(done)
}

/// One value of `slot`, re-sealed with `new`; `None` (logged) when it cannot be read.
fn reseal(reader: &Reader<'_>, new: &DataKey, slot: Slot<'_>, stored: &[u8]) -> Option<String> {
    match reader.open(slot, stored) {
        Ok(plain) => match new.seal(slot, &plain) {
            Ok(sealed) => Some(sealed),
            Err(e) => {
                tracing::warn!(column = slot.column(), row = %slot, error = %e, "could not seal a value");
                None
            }
        },
        Err(why) => {
            super::unreadable(slot, why);
            None
        }
    }
}

async fn reseal_all(db: &Db, new: &DataKey, now: OffsetDateTime) -> anyhow::Result<Rotated> {
    let reader = match inspect(db).await? {
        Format::Current => db.reader(),
        Format::First | Format::Unsealed => Reader::Upgrade(db.data_key()),
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
            let slot = Slot::Answer {
                checkin,
                user,
                prompt: &prompt,
            };
            let Some(sealed) = reseal(&reader, new, slot, text.as_bytes()) else {
                done.unreadable += 1;
                continue;
            };
            sqlx::query(
                "UPDATE answers SET value_text = $1
                 WHERE checkin_id = $2 AND user_id = $3 AND prompt_id = $4",
            )
            .bind(sealed)
            .bind(checkin)
            .bind(user)
            .bind(&prompt)
            .execute(&mut **tx)
            .await?;
            done.answers += 1;
        }
        let notes: Vec<(uuid::Uuid, String)> =
            sqlx::query_as("SELECT assignment_id, note FROM assignments")
                .fetch_all(&mut **tx)
                .await?;
        for (id, note) in notes {
            let Some(sealed) = reseal(&reader, new, Slot::AssignmentNote(id), note.as_bytes())
            else {
                done.unreadable += 1;
                continue;
            };
            sqlx::query("UPDATE assignments SET note = $1 WHERE assignment_id = $2")
                .bind(sealed)
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
            let Some(sealed) = reseal(&reader, new, Slot::PromptText(&id), text.as_bytes()) else {
                done.unreadable += 1;
                continue;
            };
            sqlx::query("UPDATE prompts SET text = $1 WHERE prompt_id = $2")
                .bind(sealed)
                .bind(&id)
                .execute(&mut **tx)
                .await?;
            done.prompts += 1;
        }
        let secrets: Vec<(uuid::Uuid, Vec<u8>)> =
            sqlx::query_as("SELECT user_id, secret FROM totp_secrets")
                .fetch_all(&mut **tx)
                .await?;
        for (user, secret) in secrets {
            let Some(sealed) = reseal(&reader, new, Slot::TotpSecret(user), &secret) else {
                done.unreadable += 1;
                continue;
            };
            sqlx::query("UPDATE totp_secrets SET secret = $1 WHERE user_id = $2")
                .bind(sealed.into_bytes())
                .bind(user)
                .execute(&mut **tx)
                .await?;
            done.secrets += 1;
        }
        sqlx::query("DELETE FROM data_keys")
            .execute(&mut **tx)
            .await?;
        sqlx::query("INSERT INTO data_keys (key_id, check_value, created_at) VALUES ($1, $2, $3)")
            .bind(new.id())
            .bind(new.seal(Slot::KeyCheck(new.id()), CHECK.as_bytes())?)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        Ok::<_, anyhow::Error>(done)
    })
}

/// Prompts a therapist wrote (the library's own prompts are public text, never sealed).
/// The prompt queries that open texts use the same test on `prompt_sets s`.
pub const WRITTEN_BY_THERAPIST: &str = "prompt_set_id IN (SELECT prompt_set_id FROM prompt_sets
    WHERE owner_id IS NOT NULL OR retired_at IS NOT NULL)";
