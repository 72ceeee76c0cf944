//! The application's clock. Production reads the system time; tests move it forward to
//! check rules that depend on time (invite expiry, session expiry) without sleeping.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use time::{Duration, OffsetDateTime};

#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_seconds: Arc<AtomicI64>,
}

impl Clock {
    /// Now, in UTC.
    pub fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc() + Duration::seconds(self.offset_seconds.load(Ordering::Relaxed))
    }

    /// Moves this clock (and every clone of it) forward.
    pub fn advance(&self, by: Duration) {
        self.offset_seconds
            .fetch_add(by.whole_seconds(), Ordering::Relaxed);
    }
}

/// The same clock drives the per-address rate limiter, so tests can move past a limit.
impl governor::clock::Clock for Clock {
    type Instant = governor::nanos::Nanos;

    fn now(&self) -> Self::Instant {
        let nanos = Clock::now(self).unix_timestamp_nanos();
        governor::nanos::Nanos::from(u64::try_from(nanos).unwrap_or(0))
    }
}
