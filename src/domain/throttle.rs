//! Limits on repeated failures, counted in the database so every instance shares them.
//!
//! A limit is "at most `max` failures within `window`"; once reached, further attempts
//! are refused until the oldest of those failures leaves the window. Success clears the
//! count, so the owner is never locked out for longer than the window.

use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::error::Result;
use crate::store::{self, Db};

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub bucket: &'static str,
    pub max: usize,
    pub window: Duration,
}

/// Wrong passwords for one email address.
pub const LOGIN: Limit = Limit {
    bucket: "login",
    max: 5,
    window: Duration::minutes(15),
};

/// Wrong invite codes typed by one account: ten an hour makes guessing a 50-bit code hopeless.
pub const JOIN: Limit = Limit {
    bucket: "join",
    max: 10,
    window: Duration::hours(1),
};

/// The stored form of a subject: a hash, so the table names nobody.
pub fn subject(raw: &str) -> [u8; 32] {
    Sha256::digest(raw.as_bytes()).into()
}

/// `Some(wait)` when `subject` has used up `limit` and must wait that long.
pub async fn blocked_for(
    db: &Db,
    limit: Limit,
    subject: &[u8],
    now: OffsetDateTime,
) -> Result<Option<Duration>> {
    let recent = store::throttle::recent(db, limit.bucket, subject, now - limit.window).await?;
    Ok(wait(&recent, limit, now))
}

/// Given failure times newest first, how long until one more attempt is allowed.
pub fn wait(recent: &[OffsetDateTime], limit: Limit, now: OffsetDateTime) -> Option<Duration> {
    if recent.len() < limit.max {
        return None;
    }
    // The attempt that must leave the window before another is allowed.
    let oldest_counted = recent[limit.max - 1];
    let wait = oldest_counted + limit.window - now;
    (wait > Duration::ZERO).then_some(wait)
}

pub async fn record_failure(
    db: &Db,
    limit: Limit,
    subject: &[u8],
    now: OffsetDateTime,
) -> Result<()> {
    store::throttle::record(db, limit.bucket, subject, now, now - limit.window).await?;
    Ok(())
}

pub async fn clear(db: &Db, limit: Limit, subject: &[u8]) -> Result<()> {
    store::throttle::clear(db, limit.bucket, subject).await?;
    Ok(())
}

/// Whole minutes, rounded up, for messages.
pub fn minutes(wait: Duration) -> i64 {
    (wait.whole_seconds() + 59) / 60
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn the_limit_lifts_when_the_oldest_counted_failure_leaves_the_window() {
        let now = datetime!(2026-01-01 12:00 UTC);
        let times: Vec<_> = (0..5).map(|i| now - Duration::minutes(i)).collect();
        assert_eq!(wait(&times[..4], LOGIN, now), None);
        assert_eq!(wait(&times, LOGIN, now), Some(Duration::minutes(11)));
        assert_eq!(wait(&times, LOGIN, now + Duration::minutes(11)), None);
        assert_eq!(minutes(Duration::seconds(61)), 2);
    }
}
