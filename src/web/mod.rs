//! The HTTP edge: the router, its layers and the static files.

mod account;
mod accounts;
mod checkins;
mod couples;
pub mod errors;
mod extract;
pub mod fmt;
mod form;
pub mod i18n;
mod library;
mod limits;
mod pages;
mod password_reset;
mod profile;
pub mod session;
mod summary;
mod therapist_exercises;
mod therapist_sets;
mod therapists;
mod two_factor;
mod your_data;

use axum::extract::{DefaultBodyLimit, Path, RawQuery, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::csrf::{CsrfLayer, ProtectionError};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::app::AppState;
use crate::error::AppError;
use errors::ErrorCause;

pub use limits::AddressLimiter;
pub use pages::Layout;

/// Every route of the router as (method, path). The tests walk this list (headers,
/// cross-site refusals, GETs that must change nothing), and a unit test below fails
/// when a route in src/web/ is missing from it.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/"),
    ("GET", "/register"),
    ("POST", "/register"),
    ("GET", "/login"),
    ("POST", "/login"),
    ("POST", "/logout"),
    ("GET", "/reset-password"),
    ("POST", "/reset-password"),
    ("GET", "/account"),
    ("POST", "/account/details"),
    ("POST", "/account/email"),
    ("POST", "/account/language"),
    ("GET", "/account/devices"),
    ("POST", "/account/devices/{id}/end"),
    ("POST", "/account/devices/end-others"),
    ("GET", "/account/password"),
    ("POST", "/account/password"),
    ("GET", "/account/therapist-log"),
    ("GET", "/account/export"),
    ("GET", "/account/export.json"),
    ("GET", "/account/delete"),
    ("POST", "/account/delete"),
    ("GET", "/deleted"),
    ("GET", "/login/code"),
    ("POST", "/login/code"),
    ("GET", "/account/two-factor"),
    ("POST", "/account/two-factor/start"),
    ("POST", "/account/two-factor/confirm"),
    ("POST", "/account/two-factor/disable"),
    ("GET", "/couple"),
    ("POST", "/couple/invite"),
    ("POST", "/couple/join"),
    ("POST", "/couple/history"),
    ("GET", "/couple/unlink"),
    ("POST", "/couple/unlink"),
    ("GET", "/join/{code}"),
    ("GET", "/checkins"),
    ("POST", "/checkins"),
    ("GET", "/checkins/new"),
    ("GET", "/checkins/{id}"),
    ("POST", "/checkins/{id}/answers"),
    ("POST", "/checkins/{id}/dismiss"),
    ("GET", "/summary"),
    ("POST", "/notices/{id}/dismiss"),
    ("GET", "/therapist"),
    ("POST", "/therapist/code"),
    ("GET", "/therapist/sets"),
    ("POST", "/therapist/sets"),
    ("GET", "/therapist/sets/new"),
    ("GET", "/therapist/sets/{id}"),
    ("GET", "/therapist/sets/{id}/edit"),
    ("POST", "/therapist/sets/{id}/edit"),
    ("GET", "/therapist/sets/{id}/retire"),
    ("POST", "/therapist/sets/{id}/retire"),
    ("GET", "/therapist/couples/{link}"),
    ("POST", "/therapist/couples/{link}/assignments"),
    ("GET", "/therapist/couples/{link}/assignments/{id}/edit"),
    ("POST", "/therapist/couples/{link}/assignments/{id}/edit"),
    ("GET", "/therapist/couples/{link}/assignments/{id}/cancel"),
    ("POST", "/therapist/couples/{link}/assignments/{id}/cancel"),
    ("GET", "/couple/therapist"),
    ("POST", "/couple/therapist/invite"),
    ("POST", "/couple/therapist/{link}/consent"),
    ("GET", "/couple/therapist/{link}/revoke"),
    ("POST", "/couple/therapist/{link}/revoke"),
    ("GET", "/healthz"),
    ("GET", "/static/{*path}"),
];

pub fn router(state: AppState) -> Router {
    let https = state.config.https;
    let mut cross_site = CsrfLayer::new();
    if let Some(url) = &state.config.public_url {
        // Behind a proxy that rewrites Host, the public origin is what browsers send.
        match cross_site
            .clone()
            .add_trusted_origin(url.trim_end_matches('/'))
        {
            Ok(layer) => cross_site = layer,
            Err(e) => tracing::warn!(error = ?e, "MUTUAL_PUBLIC_URL is not a valid origin"),
        }
    }
    let cross_site = cross_site.with_rejection_response(|_: ProtectionError| {
        tracing::info!("refused a cross-site request");
        AppError::Forbidden("cross-site request").into_response()
    });
    let router = Router::new()
        .merge(pages::router())
        .merge(accounts::router())
        .merge(password_reset::router())
        .merge(account::router())
        .merge(profile::router())
        .merge(your_data::router())
        .merge(two_factor::router())
        .merge(therapists::router())
        .merge(therapist_sets::router())
        .merge(therapist_exercises::router())
        .merge(couples::router())
        .merge(checkins::router())
        .merge(summary::router())
        .route("/healthz", get(healthz))
        .route("/static/{*path}", get(static_file))
        .merge(test_routes())
        .merge(bench_routes())
        .fallback(|| async { AppError::NotFound })
        // A bug must still get the calm error page (with every header added below),
        // not a dropped connection.
        .layer(CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                tracing::error!("a request handler panicked");
                AppError::Internal(anyhow::anyhow!("panic")).into_response()
            },
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            limits::limit_auth_posts,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            pages::errors_in_frame,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            i18n::remember_choice,
        ))
        // Inside the header layers, so a refusal carries the same headers as any page.
        .layer(cross_site)
        .layer(middleware::from_fn(private_by_default))
        .layer(middleware::from_fn(log_errors))
        .layer(DefaultBodyLimit::max(form::FORM_LIMIT))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; style-src 'self'; img-src 'self' data:; \
                 form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            ),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
            ),
        ))
        // Each request gets an id, carried in its log span and sent back in a header.
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &Request| {
                let id = req
                    .headers()
                    .get("x-request-id")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                // The path, not the full URI: query strings are nobody's business.
                tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path())
            }),
        )
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        // Outermost, so every page, error page and static file is compressed for a
        // browser that asks (pages are small on a phone; the headers above are kept).
        .layer(CompressionLayer::new());
    // HSTS only when the operator says Mutual is served over HTTPS: sent over plain
    // HTTP it would be ignored, and on localhost it would only get in the way.
    let router = if https {
        router.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ))
    } else {
        router
    };
    router.with_state(state)
}

/// Routes compiled only for the test suite (feature `test-routes`).
#[cfg(feature = "test-routes")]
fn test_routes() -> Router<AppState> {
    Router::new().route(
        "/__test/panic",
        get(|| async {
            panic!("a deliberate panic, for the test suite");
            #[allow(unreachable_code)]
            ""
        }),
    )
}

#[cfg(not(feature = "test-routes"))]
fn test_routes() -> Router<AppState> {
    Router::new()
}

/// The load benchmark's bare endpoint (feature `bench`); absent from normal builds.
#[cfg(feature = "bench")]
fn bench_routes() -> Router<AppState> {
    crate::bench::router()
}

#[cfg(not(feature = "bench"))]
fn bench_routes() -> Router<AppState> {
    Router::new()
}

/// A form shown again after a refusal: with `status`, and a Retry-After when the refusal
/// was a limit.
pub(crate) fn form_again(
    status: StatusCode,
    page: impl IntoResponse,
    retry_after: Option<u64>,
) -> Response {
    let mut res = (status, page).into_response();
    if let Some(secs) = retry_after {
        res.headers_mut().insert(header::RETRY_AFTER, secs.into());
    }
    res
}

/// Pages hold private words: nothing but static files may be cached anywhere.
async fn private_by_default(req: Request, next: Next) -> Response {
    let is_static = req.uri().path().starts_with("/static/");
    let mut res = next.run(req).await;
    if !is_static {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Logs the cause of a 5xx once, inside the request's span; the browser never sees it.
async fn log_errors(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    if let Some(ErrorCause(cause)) = res.extensions().get::<ErrorCause>() {
        tracing::error!(error = ?cause, "request failed");
    }
    res
}

async fn healthz(State(state): State<AppState>) -> Response {
    if state.db.ping().await {
        (StatusCode::OK, "ok").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
    }
}

/// Files under static/, compiled into the binary so it runs from any directory.
#[derive(rust_embed::Embed)]
#[folder = "static/"]
struct Assets;

/// A static file's version: the first 16 hex digits of its SHA-256, known at build time.
fn asset_version(file: &rust_embed::EmbeddedFile) -> String {
    hex::encode(&file.metadata.sha256_hash()[..8])
}

/// The URL of a file under static/, with its content hash as `?v=`: a changed file gets a
/// new URL, so browsers may keep each version for a year without ever going stale.
pub fn asset_url(path: &str) -> String {
    match Assets::get(path) {
        Some(file) => format!("/static/{path}?v={}", asset_version(&file)),
        None => format!("/static/{path}"),
    }
}

/// Cache lifetime for a static file: a year when asked for by its current content hash,
/// otherwise a check with the server each time (the ETag makes that a bodiless 304).
const CACHE_VERSIONED: &str = "public, max-age=31536000, immutable";
const CACHE_UNVERSIONED: &str = "public, no-cache";

async fn static_file(
    Path(path): Path<String>,
    RawQuery(query): RawQuery,
    headers: axum::http::HeaderMap,
) -> Response {
    let Some(file) = Assets::get(&path) else {
        return AppError::NotFound.into_response();
    };
    let version = asset_version(&file);
    let etag = format!("\"{version}\"");
    let versioned = query
        .as_deref()
        .is_some_and(|q| q.split('&').any(|pair| pair == format!("v={version}")));
    let cache = if versioned {
        CACHE_VERSIONED
    } else {
        CACHE_UNVERSIONED
    };
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if fresh {
        return (
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, etag),
                (header::CACHE_CONTROL, cache.to_owned()),
            ],
        )
            .into_response();
    }
    (
        [
            (header::CONTENT_TYPE, file.metadata.mimetype().to_owned()),
            (header::ETAG, etag),
            (header::CACHE_CONTROL, cache.to_owned()),
        ],
        file.data,
    )
        .into_response()
}

#[cfg(test)]
mod tests;
