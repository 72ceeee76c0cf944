//! Retention: what Mutual forgets, and when. Run by a periodic task the server starts,
//! and callable once (tests move the clock instead of waiting).
//!
//! Forgotten: sessions past their lifetime or idle time; invites, password reset links
//! and sign-up codes once used or expired; failed attempts older than every limit's
//! window; unfinished check-ins dismissed more than [`DISMISSED_KEPT`] ago, with their
//! answers; notices older than [`NOTICES_KEPT`].

use time::Duration;

use crate::clock::Clock;
use crate::error::Result;
use crate::store::retention::{Cutoffs, Purged};
use crate::store::{self, Db};

use super::sessions::SessionPolicy;
use super::throttle;

/// How long a dismissed, unfinished check-in is kept (in case it was dismissed by mistake).
pub const DISMISSED_KEPT: Duration = Duration::days(30);

/// How long a notice waits to be read before it is forgotten.
pub const NOTICES_KEPT: Duration = Duration::days(90);

/// How often the server purges.
pub const EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Deletes everything past its time, once.
pub async fn purge_once(db: &Db, clock: &Clock, sessions: SessionPolicy) -> Result<Purged> {
    let now = clock.now();
    let longest_window = throttle::LOGIN
        .window
        .max(throttle::JOIN.window)
        .max(throttle::TWO_FACTOR.window);
    let purged = store::retention::purge(
        db,
        Cutoffs {
            now,
            idle_since: now - sessions.idle,
            throttle_before: now - longest_window,
            dismissed_before: now - DISMISSED_KEPT,
            notices_before: now - NOTICES_KEPT,
        },
    )
    .await?;
    if purged != Purged::default() {
        tracing::info!(?purged, "retention: forgot expired rows");
    }
    Ok(purged)
}
