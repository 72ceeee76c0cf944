//! Per-address limit on sign-in, sign-up and email-change posts, kept in this instance's memory
//! (each instance counts its own; the per-account limits live in the database).
//!
//! The address is the socket's, or behind a trusted proxy the right-most entry of
//! `X-Forwarded-For` (the one the proxy appended); when that entry cannot be read the
//! post is refused, never counted against an address the client wrote. IPv6 clients are
//! counted by their /64, since one home or phone is handed a whole /64.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::HashMapStateStore;
use governor::{Quota, RateLimiter};

use crate::app::AppState;
use crate::clock::Clock;
use crate::error::{AppError, FieldErrors};

type Keyed = RateLimiter<
    ClientKey,
    HashMapStateStore<ClientKey>,
    Clock,
    NoOpMiddleware<governor::nanos::Nanos>,
>;

/// The paths whose posts count: where passwords are tried by someone not signed in, and
/// where an answer could tell whether an address has an account (sign-up, and a new
/// email, answer the same either way; the limit keeps a follow-up look costly).
const LIMITED: &[&str] = &["/login", "/register", "/account/email"];
const WINDOW: Duration = Duration::from_secs(600);
const FORWARDED_FOR: &str = "x-forwarded-for";

/// Who the limiter counts: one IPv4 address, or one IPv6 /64 prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum ClientKey {
    V4(Ipv4Addr),
    V6Prefix(u64),
}

impl From<IpAddr> for ClientKey {
    fn from(ip: IpAddr) -> Self {
        // `::ffff:a.b.c.d` is an IPv4 client seen through an IPv6 socket.
        match ip.to_canonical() {
            IpAddr::V4(v4) => ClientKey::V4(v4),
            IpAddr::V6(v6) => ClientKey::V6Prefix((u128::from(v6) >> 64) as u64),
        }
    }
}

/// The right-most `X-Forwarded-For` entry could not be read as an address.
#[derive(Debug, PartialEq, Eq)]
struct UnreadableForwardedFor;

/// The address the proxy appended: the last entry of the last `X-Forwarded-For` line
/// (several lines are one list), written as an address or an address with a port.
/// `Ok(None)` when there is no such header (a request that did not come through the proxy).
fn forwarded_client(headers: &HeaderMap) -> Result<Option<IpAddr>, UnreadableForwardedFor> {
    let Some(last_line) = headers.get_all(FORWARDED_FOR).iter().next_back() else {
        return Ok(None);
    };
    let entry = last_line
        .to_str()
        .map_err(|_| UnreadableForwardedFor)?
        .rsplit(',')
        .next()
        .unwrap_or_default()
        .trim();
    entry
        .parse::<IpAddr>()
        .or_else(|_| entry.parse::<SocketAddr>().map(|s| s.ip()))
        .map(Some)
        .map_err(|_| UnreadableForwardedFor)
}

#[derive(Clone)]
pub struct AddressLimiter {
    limiter: Arc<Keyed>,
    clock: Clock,
    trust_proxy: bool,
    /// Set once the "a proxy seems to be in front" warning has been logged.
    warned_untrusted_forward: Arc<AtomicBool>,
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
            warned_untrusted_forward: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Who to count this request against; `None` when nothing tells (no socket address).
    fn client(&self, req: &Request) -> Result<Option<ClientKey>, UnreadableForwardedFor> {
        if self.trust_proxy {
            if let Some(ip) = forwarded_client(req.headers())? {
                return Ok(Some(ip.into()));
            }
        }
        Ok(req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().into()))
    }

    /// A proxy in front that is not trusted makes every client look like the proxy, so
    /// they all share one allowance: say so once, for whoever runs this instance.
    fn warn_if_forwarded_untrusted(&self, req: &Request) {
        if self.trust_proxy
            || self.warned_untrusted_forward.load(Ordering::Relaxed)
            || !req.headers().contains_key(FORWARDED_FOR)
        {
            return;
        }
        if !self.warned_untrusted_forward.swap(true, Ordering::Relaxed) {
            tracing::warn!(
                "requests arrive with X-Forwarded-For but MUTUAL_TRUST_PROXY is off: if a \
                 reverse proxy is in front, every client looks like the proxy and all share \
                 one sign-in limit; set MUTUAL_TRUST_PROXY=true when the proxy sets that \
                 header and nothing else can reach Mutual (logged once)"
            );
        }
    }
}

pub async fn limit_auth_posts(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let l = &state.address_limiter;
    l.warn_if_forwarded_untrusted(&req);
    let limited = req.method() == Method::POST && LIMITED.contains(&req.uri().path());
    if limited {
        let client = match l.client(&req) {
            Ok(client) => client,
            Err(UnreadableForwardedFor) => {
                tracing::info!(
                    "refused a sign-in post: the last X-Forwarded-For entry is not an address \
                     (check the proxy's configuration)"
                );
                return AppError::BadRequest("unreadable X-Forwarded-For").into_response();
            }
        };
        if let Some(key) = client {
            // Forget addresses whose allowance is full again, so the map stays small.
            if l.limiter.len() > 10_000 {
                l.limiter.retain_recent();
            }
            if let Err(not_until) = l.limiter.check_key(&key) {
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

#[cfg(test)]
mod tests {
    use std::net::IpAddr;

    use axum::http::{HeaderMap, HeaderValue};

    use super::{forwarded_client, ClientKey, UnreadableForwardedFor};

    fn key(ip: &str) -> ClientKey {
        ip.parse::<IpAddr>().unwrap().into()
    }

    fn forwarded(lines: &[&str]) -> Result<Option<IpAddr>, UnreadableForwardedFor> {
        let mut headers = HeaderMap::new();
        for line in lines {
            headers.append("x-forwarded-for", HeaderValue::from_str(line).unwrap());
        }
        forwarded_client(&headers)
    }

    #[test]
    fn ipv6_addresses_are_keyed_by_their_64() {
        assert_eq!(
            key("2001:db8:1:2::1"),
            key("2001:db8:1:2:ffff:ffff:ffff:ffff")
        );
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("::ffff:192.0.2.1"), key("192.0.2.1"));
        assert_ne!(key("192.0.2.1"), key("192.0.2.2"));
    }

    #[test]
    fn the_right_most_forwarded_entry_is_the_client() {
        let ip = |s: &str| Ok(Some(s.parse::<IpAddr>().unwrap()));
        assert_eq!(forwarded(&[]), Ok(None));
        assert_eq!(forwarded(&["192.0.2.1"]), ip("192.0.2.1"));
        assert_eq!(forwarded(&["192.0.2.9, 192.0.2.1"]), ip("192.0.2.1"));
        assert_eq!(forwarded(&["192.0.2.9", " 192.0.2.1 "]), ip("192.0.2.1"));
        assert_eq!(forwarded(&["192.0.2.9, 192.0.2.1:8080"]), ip("192.0.2.1"));
        assert_eq!(forwarded(&["[2001:db8::1]:443"]), ip("2001:db8::1"));
        assert_eq!(forwarded(&["2001:db8::1"]), ip("2001:db8::1"));
        for bad in [
            &["192.0.2.9, unknown"][..],
            &["192.0.2.9,"],
            &["192.0.2.9", ""],
            &["192.0.2.9", "_hidden"],
            &["192.0.2.1 192.0.2.2"],
        ] {
            assert_eq!(forwarded(bad), Err(UnreadableForwardedFor), "{bad:?}");
        }
    }
}
