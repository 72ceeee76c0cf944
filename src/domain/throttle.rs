//! Limits on repeated failures, counted in the database so every instance shares them.
//!
//! A limit is "at most `max` failures within `window`"; once reached, further attempts
//! are refused until the oldest of those failures leaves the window. Success clears the
//! count, so the owner is never locked out for longer than the window.

use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::error::{AppError, FieldErrors, Message, Result};
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

/// Wrong two-step codes (or recovery codes) for one account, counted apart from passwords
/// so that knowing the password does not reset them. Ten per twelve hours: with three
/// six-digit codes accepted at any moment, guessing one would take about 45 years on
/// average, while the owner, with a code or a recovery code, is never locked out.
pub const TWO_FACTOR: Limit = Limit {
    bucket: "two_factor",
    max: 10,
    window: Duration::hours(12),
};

/// Wrong invite codes (a partner's or a therapist's) typed by one account: ten an hour makes guessing a 50-bit code hopeless.
pub const JOIN: Limit = Limit {
    bucket: "join",
    max: 10,
    window: Duration::hours(1),
};

/// The stored form of a subject: a hash, so the table names nobody.
pub fn subject(raw: &str) -> [u8; 32] {
    Sha256::digest(raw.as_bytes()).into()
}

/// Counts one attempt by `subject` against `limit`, unless the limit is used up: the
/// check and the record are one atomic step on both backends, so a burst of requests sent
/// at once cannot all slip past the check. The attempt counts as a failure until the caller
/// calls [`clear`] after a success. Returns `Some(wait)` (and counts nothing) when
/// `subject` must wait that long.
pub async fn attempt(
    db: &Db,
    limit: Limit,
    subject: &[u8],
    now: OffsetDateTime,
) -> Result<Option<Duration>> {
    let max = i64::try_from(limit.max).unwrap_or(i64::MAX);
    let recent = store::throttle::count_attempt(
        db,
        store::throttle::Attempt {
            bucket: limit.bucket,
            subject,
            now,
            window_start: now - limit.window,
            max,
        },
    )
    .await?;
    Ok(recent.and_then(|times| wait(&times, limit, now)))
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

/// Forgets every failure of `subject` under `limit` (after a success).
pub async fn clear(db: &Db, limit: Limit, subject: &[u8]) -> Result<()> {
    store::throttle::delete_attempts(db, limit.bucket, subject).await?;
    Ok(())
}

/// The refusal for a used-up limit: `message` is shown beside `field` with the wait in
/// whole minutes as `{ $minutes }`; the response says when to retry.
pub fn refused(field: &'static str, wait: Duration, message: Message) -> AppError {
    AppError::RateLimited(
        FieldErrors::single(field, message.with("minutes", minutes(wait))),
        wait.whole_seconds().max(1) as u64,
    )
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
