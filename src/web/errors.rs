//! How each [`AppError`] becomes a response: a calm page in the person's frame, a redirect
//! to sign in, or a 5xx whose cause is logged once and never shown.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::error::AppError;

/// Put on 5xx responses so the logging middleware can record the cause once, inside
/// the request's trace span, without the cause ever reaching the browser.
#[derive(Clone, Debug)]
pub struct ErrorCause(pub std::sync::Arc<anyhow::Error>);

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub layout: super::Layout,
    /// Message ids in the catalogues (`locales/`), put in the layout's language.
    pub title: &'static str,
    pub message: &'static str,
}

/// Put on every error page, so that a layer which knows who is asking can render it again
/// inside that person's own frame (`web::errors_in_frame`): the error itself is raised
/// where nobody has been looked up (the router's fallback, an extractor).
#[derive(Clone, Copy, Debug)]
pub struct ErrorPageText {
    /// Message ids, as on [`ErrorPage`].
    pub title: &'static str,
    pub message: &'static str,
}

impl ErrorPageText {
    /// The page in the frame `layout` gives (signed in or not).
    pub fn render(self, layout: super::Layout) -> String {
        ErrorPage {
            layout,
            title: self.title,
            message: self.message,
        }
        .render()
        .unwrap_or_else(|_| "Mutual".to_owned())
    }
}

pub fn error_page(status: StatusCode, title: &'static str, message: &'static str) -> Response {
    let text = ErrorPageText { title, message };
    let mut res = (status, Html(text.render(super::Layout::default()))).into_response();
    res.extensions_mut().insert(text);
    res
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Unauthenticated => Redirect::to("/login").into_response(),
            AppError::NotFound => error_page(
                StatusCode::NOT_FOUND,
                "error-not-found-title",
                "error-not-found",
            ),
            AppError::Forbidden(_) => error_page(
                StatusCode::FORBIDDEN,
                "error-forbidden-title",
                "error-forbidden",
            ),
            AppError::Invalid(_) => error_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                "error-invalid-title",
                "error-invalid",
            ),
            AppError::BadRequest(_) => error_page(
                StatusCode::BAD_REQUEST,
                "error-bad-request-title",
                "error-bad-request",
            ),
            AppError::RateLimited(_, secs) => {
                let mut res = error_page(
                    StatusCode::TOO_MANY_REQUESTS,
                    "error-rate-limited-title",
                    "error-rate-limited",
                );
                res.headers_mut()
                    .insert(axum::http::header::RETRY_AFTER, secs.into());
                res
            }
            AppError::PayloadTooLarge => error_page(
                StatusCode::PAYLOAD_TOO_LARGE,
                "error-too-large-title",
                "error-too-large",
            ),
            AppError::Conflict(_) => error_page(
                StatusCode::CONFLICT,
                "error-conflict-title",
                "error-conflict",
            ),
            AppError::Internal(cause) => {
                let mut res = error_page(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "error-internal-title",
                    "error-internal",
                );
                res.extensions_mut()
                    .insert(ErrorCause(std::sync::Arc::new(cause)));
                res
            }
        }
    }
}
