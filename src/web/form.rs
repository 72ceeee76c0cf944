//! Form bodies: proof that a form came from our own page, and what to do with one that
//! no page of ours would send.
//!
//! Both extractors check the content type, the size and the CSRF token (against the
//! session's, or before sign-in against the visitor's CSRF cookie) before the handler
//! sees anything. They differ in what a malformed body (a field twice, bytes that are
//! not UTF-8, a field the form does not have) becomes:
//! - `CsrfForm`: a 400 page. For buttons and forms nobody types into.
//! - `KeptForm`: the form read as far as it can be, with the problems, so the handler
//!   shows the form again (422) with what was typed still in it.

use std::collections::HashSet;

use axum::extract::{FromRequest, Request};
use axum::http::header::CONTENT_TYPE;
use axum_extra::extract::cookie::CookieJar;
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use subtle::ConstantTimeEq;

use super::session::{csrf_cookie_name, load};
use crate::app::AppState;
use crate::error::{AppError, FieldErrors, Result, FORM_FIELD};

/// Largest form body accepted; the longest answers fit well within it.
pub const FORM_LIMIT: usize = 256 * 1024;

const TOKEN_FIELD: &str = "csrf_token";

/// A url-encoded form whose CSRF token has been checked; a malformed body is a 400.
pub struct CsrfForm<T>(pub T);

/// A url-encoded form whose CSRF token has been checked, kept even when malformed.
///
/// `problems` is empty for a well-formed body. Otherwise it names each repeated or
/// unreadable field (the first value of a repeated field is kept, unreadable bytes become
/// U+FFFD) and has a message under `FORM_FIELD`; the handler must not act on the form
/// then, only show it again: `problems.into_result()?` before acting.
pub struct KeptForm<T> {
    pub form: T,
    pub problems: FieldErrors,
}

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self> {
        let KeptForm { form, problems } = KeptForm::<T>::from_request(req, state).await?;
        if !problems.is_empty() {
            return Err(AppError::BadRequest("malformed form"));
        }
        Ok(CsrfForm(form))
    }
}

impl<T: DeserializeOwned> FromRequest<AppState> for KeptForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self> {
        let (mut parts, body) = req.into_parts();
        let is_form = parts
            .headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(AppError::BadRequest("not a form"));
        }
        let person = load(&mut parts, state).await?;
        let expected: SecretString = match person {
            Some(p) => p.csrf_token,
            None => CookieJar::from_headers(&parts.headers)
                .get(csrf_cookie_name(state.config.https))
                .map(|c| c.value().into())
                .unwrap_or_default(),
        };
        let bytes = axum::body::to_bytes(body, FORM_LIMIT)
            .await
            .map_err(|_| AppError::PayloadTooLarge)?;
        let read = read_fields(&bytes, known_fields::<T>());
        // The token is checked before anything of the form is used, malformed or not.
        let sent = read
            .pairs
            .iter()
            .find(|(k, _)| k == TOKEN_FIELD)
            .map_or("", |(_, v)| v.as_str());
        let expected = expected.expose_secret();
        let matches =
            !expected.is_empty() && bool::from(sent.as_bytes().ct_eq(expected.as_bytes()));
        if !matches {
            tracing::info!("refused a form without a valid token");
            return Err(AppError::Forbidden("form token"));
        }
        if !read.problems.is_empty() {
            tracing::info!("a malformed form, shown again");
        }
        // What could be read goes through the same deserializer as a clean body; the
        // token has done its work, so a form read as a list holds only its own fields.
        let fields: Vec<_> = read
            .pairs
            .iter()
            .filter(|(k, _)| k != TOKEN_FIELD)
            .collect();
        let clean = serde_urlencoded::to_string(&fields)
            .map_err(|_| AppError::BadRequest("malformed form"))?;
        let form = serde_urlencoded::from_str(&clean)
            .map_err(|_| AppError::BadRequest("malformed form"))?;
        Ok(KeptForm {
            form,
            problems: read.problems,
        })
    }
}

/// The field names of form struct `T`; empty for a form read as a list of pairs (or one
/// without fields), whose domain code judges the names itself (`checkins::submit`,
/// `therapists::check_set_fields`).
fn known_fields<T: DeserializeOwned>() -> &'static [&'static str] {
    serde_aux::serde_introspection::serde_introspect::<T>()
}

struct ReadFields {
    /// Each field once, in the order sent, with its first value.
    pairs: Vec<(String, String)>,
    problems: FieldErrors,
}

/// Reads a url-encoded body leniently, noting what no page of ours would send.
fn read_fields(body: &[u8], known: &[&str]) -> ReadFields {
    let mut pairs = Vec::new();
    let mut problems = FieldErrors::default();
    let mut seen = HashSet::new();
    for raw in body.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let Some((key, value)) = form_urlencoded::parse(raw).next() else {
            continue;
        };
        let (key, value) = (key.into_owned(), value.into_owned());
        if !is_utf8_pair(raw) {
            problems.add(key.clone(), "error-field-garbled");
            problems.add(FORM_FIELD, "error-form-garbled");
        }
        if !seen.insert(key.clone()) {
            problems.add(key, "error-field-twice");
            problems.add(FORM_FIELD, "error-form-twice");
            continue;
        }
        if !known.is_empty() && key != TOKEN_FIELD && !known.contains(&key.as_str()) {
            problems.unknown_field();
            continue;
        }
        pairs.push((key, value));
    }
    ReadFields { pairs, problems }
}

/// True when the key and value of one url-encoded pair decode to UTF-8. Browsers send
/// our forms as UTF-8; anything else is not from our pages, and decoding it leniently
/// without saying so would silently change what was sent.
fn is_utf8_pair(pair: &[u8]) -> bool {
    pair.split(|b| *b == b'=').all(|part| {
        let decoded: Vec<u8> = percent_encoding::percent_decode(part).collect();
        std::str::from_utf8(&decoded).is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_must_decode_to_utf8() {
        assert!(is_utf8_pair(b"a=caf%C3%A9"));
        assert!(is_utf8_pair(b"b=+x+"));
        assert!(!is_utf8_pair(b"a=%FF%FE"));
        assert!(!is_utf8_pair(b"%C3=x"));
    }

    #[test]
    fn a_clean_body_has_no_problems() {
        let read = read_fields(
            b"csrf_token=t&email=a%40b.c&password=p+q",
            &["email", "password"],
        );
        assert!(read.problems.is_empty());
        assert_eq!(
            read.pairs,
            [("csrf_token", "t"), ("email", "a@b.c"), ("password", "p q")]
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
    }

    #[test]
    fn repeated_garbled_and_unknown_fields_are_named_and_the_rest_kept() {
        let read = read_fields(
            b"email=first&email=second&password=%FFok&extra=1",
            &["email", "password"],
        );
        assert_eq!(
            read.pairs,
            [("email", "first"), ("password", "\u{FFFD}ok")]
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
        assert_eq!(read.problems.id("email"), Some("error-field-twice"));
        assert_eq!(read.problems.id("password"), Some("error-field-garbled"));
        assert!(read.problems.get(FORM_FIELD).is_some());
        assert!(
            read.problems.get("extra").is_none(),
            "an unknown field is not shown"
        );
    }

    #[test]
    fn a_list_form_judges_its_own_names() {
        let read = read_fields(b"a_x=1&private_x=on", &[]);
        assert!(read.problems.is_empty());
        assert_eq!(read.pairs.len(), 2);
    }

    #[test]
    fn form_structs_name_their_fields() {
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct F {
            #[serde(default)]
            email: String,
            #[serde(default)]
            consent: Option<String>,
        }
        assert_eq!(known_fields::<F>(), ["email", "consent"]);
        assert!(known_fields::<Vec<(String, String)>>().is_empty());
    }
}
