//! The one error type of the application. How each variant becomes a response is the
//! web layer's (`web::errors`), so this type pulls in neither axum nor askama.
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

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// Where a problem with a form as a whole is reported (templates' `m::form_problem`).
pub const FORM_FIELD: &str = "form";

/// A message for a person, named by its id in the catalogues under `locales/` (the web
/// layer puts it in the reader's language), with the values it needs (`{ $max }`). The
/// domain says *what* to tell; the words are the catalogues'.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, MessageArg)>,
}

/// A value in a [`Message`]: a number (plurals choose by it) or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageArg {
    Number(i64),
    Text(String),
}

impl Message {
    pub const fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// The message with `{ $name }` set to `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<MessageArg>) -> Message {
        self.args.push((name, value.into()));
        self
    }
}

impl From<&'static str> for Message {
    fn from(id: &'static str) -> Message {
        Message::new(id)
    }
}

impl From<i64> for MessageArg {
    fn from(n: i64) -> MessageArg {
        MessageArg::Number(n)
    }
}

impl From<usize> for MessageArg {
    fn from(n: usize) -> MessageArg {
        MessageArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<String> for MessageArg {
    fn from(s: String) -> MessageArg {
        MessageArg::Text(s)
    }
}

/// Messages for form fields, keyed by the field's name.
#[derive(Debug, Default, Clone)]
pub struct FieldErrors(pub BTreeMap<String, Message>);

impl FieldErrors {
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<Message>) {
        self.0.entry(field.into()).or_insert_with(|| message.into());
    }

    pub fn get(&self, field: &str) -> Option<&Message> {
        self.0.get(field)
    }

    /// The id of the message beside `field`, if any (tests and logs).
    pub fn id(&self, field: &str) -> Option<&'static str> {
        self.0.get(field).map(|m| m.id)
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
        self.add(FORM_FIELD, "error-form-unknown-field");
    }

    pub fn single(field: impl Into<String>, message: impl Into<Message>) -> Self {
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
