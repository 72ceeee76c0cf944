//! Who is asking, and proof that a form came from our own page.
//!
//! `Person` reads the session cookie and loads the person, their couple and their
//! partner in one query. `CsrfForm` checks the form's token against the session's (or,
//! before sign-in, against the visitor's CSRF cookie) before the handler sees the form.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use subtle::ConstantTimeEq;

use crate::app::AppState;
use crate::domain::sessions;
use crate::error::{AppError, Result};
use crate::store::sessions::SessionPerson;

/// Cookie names. Over HTTPS they carry the `__Host-` prefix, which browsers accept only
/// with `Secure`, `Path=/` and no `Domain`: no other host can set or shadow them.
pub fn session_cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-mutual_session"
    } else {
        "mutual_session"
    }
}

pub fn csrf_cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-mutual_csrf"
    } else {
        "mutual_csrf"
    }
}

/// A signed-in person. Extracting it from a request without a live session sends the
/// visitor to the sign-in page.
#[derive(Debug, Clone)]
pub struct Person(pub SessionPerson);

impl std::ops::Deref for Person {
    type Target = SessionPerson;
    fn deref(&self) -> &SessionPerson {
        &self.0
    }
}

/// A visitor who may or may not be signed in.
#[derive(Debug, Clone)]
pub struct Visitor(pub Option<SessionPerson>);

async fn load(parts: &mut Parts, state: &AppState) -> Result<Option<SessionPerson>> {
    if let Some(p) = parts.extensions.get::<Option<SessionPerson>>() {
        return Ok(p.clone());
    }
    let jar = CookieJar::from_headers(&parts.headers);
    let person = match jar.get(session_cookie_name(state.config.https)) {
        Some(c) => {
            sessions::person(
                &state.db,
                &state.clock,
                state.config.session_policy(),
                c.value(),
            )
            .await?
        }
        None => None,
    };
    parts.extensions.insert(person.clone());
    Ok(person)
}

impl FromRequestParts<AppState> for Person {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        load(parts, state)
            .await?
            .map(Person)
            .ok_or(AppError::Unauthenticated)
    }
}

impl FromRequestParts<AppState> for Visitor {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        Ok(Visitor(load(parts, state).await?))
    }
}

fn cookie(name: &'static str, value: String, https: bool) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .build()
}

/// The session cookie for a new sign-in, kept by the browser as long as the session can last.
pub fn session_cookie(token: String, https: bool, lifetime: time::Duration) -> Cookie<'static> {
    let mut c = cookie(session_cookie_name(https), token, https);
    c.set_max_age(lifetime);
    c
}

/// A cookie that removes the cookie called `name`.
pub fn removal(name: &'static str, https: bool) -> Cookie<'static> {
    Cookie::build((name, "")).path("/").secure(https).build()
}

/// The token for forms shown to a visitor who is not signed in: the value of their CSRF
/// cookie, set here when missing (double-submit: a cross-site form cannot read it).
pub fn anonymous_csrf(jar: CookieJar, https: bool) -> (CookieJar, String) {
    match jar.get(csrf_cookie_name(https)) {
        Some(c) if c.value().len() == 64 => {
            let v = c.value().to_owned();
            (jar, v)
        }
        _ => {
            let token = crate::domain::random_token(32);
            let jar = jar.add(cookie(csrf_cookie_name(https), token.clone(), https));
            (jar, token)
        }
    }
}

#[derive(Deserialize)]
struct TokenField {
    #[serde(default)]
    csrf_token: String,
}

/// A url-encoded form whose CSRF token has been checked.
pub struct CsrfForm<T>(pub T);

/// Largest form body accepted; the longest answers fit well within it.
pub const FORM_LIMIT: usize = 256 * 1024;

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
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
        let expected = match person {
            Some(p) => p.csrf_token,
            None => CookieJar::from_headers(&parts.headers)
                .get(csrf_cookie_name(state.config.https))
                .map(|c| c.value().to_owned())
                .unwrap_or_default(),
        };
        let bytes = axum::body::to_bytes(body, FORM_LIMIT)
            .await
            .map_err(|_| AppError::PayloadTooLarge)?;
        // Browsers send forms as UTF-8; anything else is not from our pages, and decoding
        // it leniently would silently change what was sent.
        if !is_utf8_form(&bytes) {
            return Err(AppError::BadRequest("form is not UTF-8"));
        }
        let sent: TokenField = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| AppError::BadRequest("malformed form"))?;
        let matches = !expected.is_empty()
            && bool::from(sent.csrf_token.as_bytes().ct_eq(expected.as_bytes()));
        if !matches {
            tracing::info!("refused a form without a valid token");
            return Err(AppError::Forbidden("form token"));
        }
        let form = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| AppError::BadRequest("malformed form"))?;
        Ok(CsrfForm(form))
    }
}

/// True when every key and value of a url-encoded body decodes to UTF-8.
fn is_utf8_form(body: &[u8]) -> bool {
    body.split(|b| *b == b'&').all(|pair| {
        pair.split(|b| *b == b'=').all(|part| {
            let decoded: Vec<u8> = percent_encoding::percent_decode(part).collect();
            std::str::from_utf8(&decoded).is_ok()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::is_utf8_form;

    #[test]
    fn forms_must_decode_to_utf8() {
        assert!(is_utf8_form(b"a=caf%C3%A9&b=+x+"));
        assert!(is_utf8_form(b""));
        assert!(!is_utf8_form(b"a=%FF%FE"));
        assert!(!is_utf8_form(b"%C3=x"));
    }
}
