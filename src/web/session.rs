//! Who is asking, and proof that a form came from our own page.
//!
//! `Person` reads the session cookie and loads the person, their couple and their
//! partner in one query. Forms and their tokens are `form`'s.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};

use crate::app::AppState;
use crate::domain::sessions;
use crate::domain::sessions::SessionPerson;
use crate::error::{AppError, Result};

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

pub(super) async fn load(parts: &mut Parts, state: &AppState) -> Result<Option<SessionPerson>> {
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
