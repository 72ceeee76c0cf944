//! The HTTP edge: the router, its layers and the static files.

mod accounts;
mod checkins;
mod couples;
pub mod fmt;
mod pages;
pub mod session;
mod summary;

use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::app::AppState;
use crate::error::{AppError, ErrorCause};

pub use pages::Layout;

pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(pages::router())
        .merge(accounts::router())
        .merge(couples::router())
        .merge(checkins::router())
        .merge(summary::router())
        .route("/healthz", get(healthz))
        .route("/static/{*path}", get(static_file))
        .fallback(|| async { AppError::NotFound })
        .layer(middleware::from_fn(private_by_default))
        .layer(middleware::from_fn(log_errors))
        .layer(DefaultBodyLimit::max(session::FORM_LIMIT))
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
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
            ),
        ))
        // A bug must still get the calm error page, not a dropped connection.
        .layer(CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                tracing::error!("a request handler panicked");
                AppError::Internal(anyhow::anyhow!("panic")).into_response()
            },
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
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

async fn static_file(Path(path): Path<String>) -> Response {
    match Assets::get(&path) {
        Some(file) => {
            let mime = file.metadata.mimetype();
            (
                [
                    (header::CONTENT_TYPE, mime.to_owned()),
                    (header::CACHE_CONTROL, "public, max-age=3600".to_owned()),
                ],
                file.data,
            )
                .into_response()
        }
        None => AppError::NotFound.into_response(),
    }
}
