//! SQL for attempt counters shared by every app instance.

use anyhow::Context;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::{dialect, in_tx, on_writer, Db};

/// One attempt to count: `subject`'s events in `bucket` after `window_start` may number
/// at most `max`.
pub struct Attempt<'a> {
    pub bucket: &'a str,
    pub subject: &'a [u8],
    pub now: OffsetDateTime,
    pub window_start: OffsetDateTime,
    pub max: i64,
}

/// Forgets `subject`'s events from before the window, then either records one more event
/// (`None`) or, when `max` are already in the window, records nothing and returns their
/// times, newest first. One transaction: SQLite's `BEGIN IMMEDIATE` serialises it with
/// every other write, and on PostgreSQL a lock on the subject serialises concurrent
/// attempts of the same subject, so a burst cannot read the same count twice.
pub async fn count_attempt(db: &Db, a: Attempt<'_>) -> anyhow::Result<Option<Vec<OffsetDateTime>>> {
    let lock = dialect::lock_for_transaction(db.backend());
    let lock_key = subject_lock_key(a.bucket, a.subject);
    in_tx!(db, |tx| {
        if let Some(sql) = lock {
            sqlx::query(sql).bind(lock_key).execute(&mut **tx).await?;
        }
        sqlx::query(
            "DELETE FROM throttle_events WHERE bucket = $1 AND subject = $2 AND occurred_at <= $3",
        )
        .bind(a.bucket)
        .bind(a.subject)
        .bind(a.window_start)
        .execute(&mut **tx)
        .await?;
        let recent = sqlx::query_scalar::<_, OffsetDateTime>(
            "SELECT occurred_at FROM throttle_events
             WHERE bucket = $1 AND subject = $2 AND occurred_at > $3
             ORDER BY occurred_at DESC LIMIT $4",
        )
        .bind(a.bucket)
        .bind(a.subject)
        .bind(a.window_start)
        .bind(a.max)
        .fetch_all(&mut **tx)
        .await?;
        let full = i64::try_from(recent.len()).unwrap_or(i64::MAX) >= a.max;
        if !full {
            sqlx::query(
                "INSERT INTO throttle_events (bucket, subject, occurred_at) VALUES ($1, $2, $3)",
            )
            .bind(a.bucket)
            .bind(a.subject)
            .bind(a.now)
            .execute(&mut **tx)
            .await?;
        }
        Ok::<_, anyhow::Error>(full.then_some(recent))
    })
    .context("count attempt")
}

/// A 64-bit lock key for one bucket and subject.
fn subject_lock_key(bucket: &str, subject: &[u8]) -> i64 {
    let mut h = Sha256::new();
    h.update(bucket.as_bytes());
    h.update([0]);
    h.update(subject);
    let d = h.finalize();
    i64::from_le_bytes(d[..8].try_into().unwrap_or_default())
}

/// Forgets every `bucket` event of `subject` (after a success).
pub async fn delete_attempts(db: &Db, bucket: &str, subject: &[u8]) -> anyhow::Result<()> {
    on_writer!(db, |pool| sqlx::query(
        "DELETE FROM throttle_events WHERE bucket = $1 AND subject = $2"
    )
    .bind(bucket)
    .bind(subject)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("clear throttle events")?;
    Ok(())
}
