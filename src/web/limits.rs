//! Per-address limit on sign-in, sign-up and email-change posts, kept in this instance's memory
//! (each instance counts its own; the per-account limits live in the database).

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::HashMapStateStore;
use governor::{Quota, RateLimiter};

use crate::app::AppState;
use crate::clock::Clock;
use crate::error::{AppError, FieldErrors};

type Keyed =
    RateLimiter<IpAddr, HashMapStateStore<IpAddr>, Clock, NoOpMiddleware<governor::nanos::Nanos>>;

/// The paths whose posts count: where passwords are tried by someone not signed in, and
/// where an answer could tell whether an address has an account (sign-up, and a new
/// email, answer the same either way; the limit keeps a follow-up look costly).
const LIMITED: &[&str] = &["/login", "/register", "/account/email"];
const WINDOW: Duration = Duration::from_secs(600);

#[derive(Clone)]
pub struct AddressLimiter {
    limiter: Arc<Keyed>,
    clock: Clock,
    trust_proxy: bool,
}

impl AddressLimiter {
    /// At most `per_window` posts per address per 10 minutes: a burst of that size, then
    /// one more each `10 min / per_window`.
    pub fn new(per_window: u32, clock: Clock, trust_proxy: bool) -> Self {
        let per_window = NonZeroU32::new(per_window.max(1)).expect("at least one");
        let quota = Quota::with_period(WINDOW / per_window.get())
            .expect("a non-zero period")
            .allow_burst(per_window);
        AddressLimiter {
            limiter: Arc::new(RateLimiter::hashmap_with_clock(quota, clock.clone())),
            clock,
            trust_proxy,
        }
    }

    fn client(&self, req: &Request) -> Option<IpAddr> {
        if self.trust_proxy {
            // The proxy appends the address it saw, so the last entry is the one to trust.
            let forwarded = req
                .headers()
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|a| a.trim().parse::<IpAddr>().ok())
                .next_back();
            if forwarded.is_some() {
                return forwarded;
            }
        }
        req.extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
    }
}

pub async fn limit_auth_posts(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limited = req.method() == Method::POST && LIMITED.contains(&req.uri().path());
    if limited {
        let l = &state.address_limiter;
        if let Some(ip) = l.client(&req) {
            // Forget addresses whose allowance is full again, so the map stays small.
            if l.limiter.len() > 10_000 {
                l.limiter.retain_recent();
            }
            if let Err(not_until) = l.limiter.check_key(&ip) {
                let now = governor::clock::Clock::now(&l.clock);
                let wait = not_until.wait_time_from(now).as_secs().max(1);
                tracing::info!(
                    wait_seconds = wait,
                    "too many sign-in posts from one address"
                );
                return AppError::RateLimited(FieldErrors::default(), wait).into_response();
            }
        }
    }
    next.run(req).await
}
