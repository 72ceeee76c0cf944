//! The one error type of the application and how each variant becomes a response.
//!
//! Which variant to use:
//! - `Unauthenticated`: nobody is signed in; the person is sent to the sign-in page.
//! - `NotFound`: the thing does not exist *or belongs to someone else*. Never confirm that
//!   another couple's check-in exists: use `NotFound`, not `Forbidden`, for it.
//! - `Forbidden`: the person may know the thing exists but may not do this (a bad form token).
//! - `Invalid`: input that fails validation; handlers catch it to show the form again.
//! - `BadRequest`: a request none of our forms would send (malformed body).
//! - `RateLimited`: too many attempts; carries the form messages and the wait in seconds.
//! - `Conflict`: the request is valid but the state has moved on (already linked, already revealed).
//! - `Internal`: anything else. The cause is logged once, the browser gets a calm generic page.

use std::collections::BTreeMap;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// Where a problem with a form as a whole is reported (templates' `m::form_problem`).
pub const FORM_FIELD: &str = "form";

/// Messages for form fields, keyed by the field's name.
#[derive(Debug, Default, Clone)]
pub struct FieldErrors(pub BTreeMap<String, String>);

impl FieldErrors {
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.entry(field.into()).or_insert_with(|| message.into());
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when nothing was added, the errors otherwise.
    pub fn into_result(self) -> Result<()> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self))
        }
    }

    /// Notes that the form carried a field its page does not have (`FORM_FIELD`).
    pub fn unknown_field(&mut self) {
        self.add(
            FORM_FIELD,
            "This form arrived with something our page doesn't send, so nothing was saved yet. Please send it again from this page.",
        );
    }

    pub fn single(field: impl Into<String>, message: impl Into<String>) -> Self {
        let mut e = Self::default();
        e.add(field, message);
        e
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not signed in")]
    Unauthenticated,
    #[error("not found")]
    NotFound,
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// A request no form of ours sends (malformed body, wrong content type).
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("request body too large")]
    PayloadTooLarge,
    /// Too many attempts: the messages for the form, and how many seconds to wait.
    #[error("rate limited")]
    RateLimited(FieldErrors, u64),
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::Internal(e.into())
    }
}

/// Put on 5xx responses so the logging middleware can record the cause once, inside
/// the request's trace span, without the cause ever reaching the browser.
#[derive(Clone, Debug)]
pub struct ErrorCause(pub std::sync::Arc<anyhow::Error>);

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub layout: crate::web::Layout,
    pub title: &'static str,
    pub message: &'static str,
}

/// Put on every error page, so that a layer which knows who is asking can render it again
/// inside that person's own frame (`web::errors_in_frame`): the error itself is raised
/// where nobody has been looked up (the router's fallback, an extractor).
#[derive(Clone, Copy, Debug)]
pub struct ErrorPageText {
    pub title: &'static str,
    pub message: &'static str,
}

impl ErrorPageText {
    /// The page in the frame `layout` gives (signed in or not).
    pub fn render(self, layout: crate::web::Layout) -> String {
        ErrorPage {
            layout,
            title: self.title,
            message: self.message,
        }
        .render()
        .unwrap_or_else(|_| self.title.to_string())
    }
}

pub fn error_page(status: StatusCode, title: &'static str, message: &'static str) -> Response {
    let text = ErrorPageText { title, message };
    let mut res = (status, Html(text.render(crate::web::Layout::default()))).into_response();
    res.extensions_mut().insert(text);
    res
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Unauthenticated => Redirect::to("/login").into_response(),
            AppError::NotFound => error_page(
                StatusCode::NOT_FOUND,
                "Nothing here",
                "We couldn't find that page. It may have moved, or it isn't yours to see.",
            ),
            AppError::Forbidden(_) => error_page(
                StatusCode::FORBIDDEN,
                "That didn't go through",
                "The form was too old or came from somewhere else. Please go back, reload the page and try again.",
            ),
            AppError::Invalid(_) => error_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                "Something needs another look",
                "Some of what was sent could not be used. Please go back and check the form.",
            ),
            AppError::BadRequest(_) => error_page(
                StatusCode::BAD_REQUEST,
                "That request didn't make sense to us",
                "Please go back, reload the page and try again.",
            ),
            AppError::RateLimited(_, secs) => {
                let mut res = error_page(
                    StatusCode::TOO_MANY_REQUESTS,
                    "Let's take a short break",
                    "There have been a lot of attempts in a short time. Please wait a few minutes and try again.",
                );
                res.headers_mut()
                    .insert(axum::http::header::RETRY_AFTER, secs.into());
                res
            }
            AppError::PayloadTooLarge => error_page(
                StatusCode::PAYLOAD_TOO_LARGE,
                "That was more than we can take in one go",
                "Please shorten what you wrote and try again.",
            ),
            AppError::Conflict(_) => error_page(
                StatusCode::CONFLICT,
                "That has already changed",
                "Things moved on while this page was open. Please go back and reload.",
            ),
            AppError::Internal(cause) => {
                let mut res = error_page(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong on our side",
                    "Nothing you did caused this. Please try again in a moment.",
                );
                res.extensions_mut()
                    .insert(ErrorCause(std::sync::Arc::new(cause)));
                res
            }
        }
    }
}
