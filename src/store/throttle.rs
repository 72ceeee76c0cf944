//! SQL for attempt counters shared by every app instance.

use anyhow::Context;
use time::OffsetDateTime;

use super::{in_tx, on_db, on_writer, Db};

/// Times of the `bucket` events for `subject` since `since`, newest first.
pub async fn recent(
    db: &Db,
    bucket: &str,
    subject: &[u8],
    since: OffsetDateTime,
) -> anyhow::Result<Vec<OffsetDateTime>> {
    on_db!(db, |pool| sqlx::query_scalar::<_, OffsetDateTime>(
        "SELECT occurred_at FROM throttle_events
         WHERE bucket = $1 AND subject = $2 AND occurred_at > $3
         ORDER BY occurred_at DESC"
    )
    .bind(bucket)
    .bind(subject)
    .bind(since)
    .fetch_all(pool)
    .await)
    .context("read throttle events")
}

/// Records one event and forgets this subject's events from before `forget_before`.
pub async fn record(
    db: &Db,
    bucket: &str,
    subject: &[u8],
    now: OffsetDateTime,
    forget_before: OffsetDateTime,
) -> anyhow::Result<()> {
    in_tx!(db, |tx| {
        sqlx::query(
            "DELETE FROM throttle_events WHERE bucket = $1 AND subject = $2 AND occurred_at <= $3",
        )
        .bind(bucket)
        .bind(subject)
        .bind(forget_before)
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "INSERT INTO throttle_events (bucket, subject, occurred_at) VALUES ($1, $2, $3)",
        )
        .bind(bucket)
        .bind(subject)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        Ok::<_, anyhow::Error>(())
    })
}

/// Forgets every `bucket` event of `subject` (after a success).
pub async fn clear(db: &Db, bucket: &str, subject: &[u8]) -> anyhow::Result<()> {
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
