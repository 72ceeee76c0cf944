//! Registering, signing in and signing out.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::cookie::CookieJar;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::app::AppState;
use crate::config::Registration;
use crate::domain::{accounts, consent, sessions, time_zone, two_factor};
use crate::error::{AppError, FieldErrors, Result};

use super::extract::Params;
use super::form::{CsrfForm, KeptForm};
use super::i18n::Lang;
use super::pages::Layout;
use super::session::{self, Person, Visitor};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/register", get(show_register).post(submit_register))
        .route("/login", get(show_login).post(submit_login))
        .route("/logout", post(submit_logout))
}

/// Where to go after signing in: only a path on this site, never another host.
#[derive(Deserialize, Default)]
pub struct Next {
    #[serde(default)]
    next: String,
    #[serde(default)]
    signed_out: Option<String>,
    #[serde(default)]
    registered: Option<String>,
    #[serde(default)]
    reset: Option<String>,
}

pub(super) fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .map(|e| e.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}

/// Where a sign-in goes on to: `next` when it names a place, and for a therapist sent
/// nowhere in particular, their dashboard rather than the partners' home.
pub(super) fn landing(next: &str, is_therapist: bool) -> String {
    match safe_next(next) {
        home if home == "/" && is_therapist => "/therapist".to_owned(),
        next => next,
    }
}

pub(super) fn safe_next(next: &str) -> String {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    if ok {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

#[derive(Deserialize, Default)]
struct RegisterForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: SecretString,
    /// Present when the "I'm a therapist" box is ticked.
    #[serde(default)]
    therapist: Option<String>,
    /// Present when the consent box is ticked.
    #[serde(default)]
    consent: Option<String>,
    /// Needed when registration is invite-only.
    #[serde(default)]
    signup_code: String,
    /// A key of the time-zone list; empty means UTC.
    #[serde(default)]
    time_zone: String,
    /// A loaded language's code; anything else means the page's language.
    #[serde(default)]
    language: String,
    #[serde(default)]
    next: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/register.html")]
struct RegisterPage {
    layout: Layout,
    therapist: bool,
    consent: bool,
    invite_only: bool,
    /// Therapist accounts wait for the operator's approval (`--therapists approved`).
    therapists_approved: bool,
    display_name: String,
    email: String,
    signup_code: String,
    /// The zone the list starts on: a guess from the browser's language, or what was chosen.
    time_zone: String,
    /// The language chosen: the page's own (the visitor's choice or browser) at first.
    language: &'static str,
    next: String,
    errors: FieldErrors,
}

impl RegisterPage {
    fn new(state: &AppState, layout: Layout, next: String) -> Self {
        RegisterPage {
            layout: layout.clone(),
            therapist: false,
            consent: false,
            invite_only: state.config.registration == Registration::InviteOnly,
            therapists_approved: state.config.therapists
                == crate::config::TherapistSignup::Approved,
            display_name: String::new(),
            email: String::new(),
            signup_code: String::new(),
            time_zone: time_zone::UTC.key.to_owned(),
            language: layout.lang.code(),
            next,
            errors: FieldErrors::default(),
        }
    }
}

/// What visitors see instead of the form when the operator has closed sign-up.
#[derive(Template, WebTemplate)]
#[template(path = "accounts/closed.html")]
struct ClosedPage {
    layout: Layout,
}

async fn show_register(
    State(state): State<AppState>,
    Visitor(visitor): Visitor,
    headers: axum::http::HeaderMap,
    lang: Lang,
    jar: CookieJar,
    Params(q): Params<Next>,
) -> Response {
    // Already signed in: this form's token would not match the session's, so go on.
    if visitor.is_some() {
        return Redirect::to(&safe_next(&q.next)).into_response();
    }
    let mode = state.config.registration;
    if mode == Registration::Closed {
        return ClosedPage {
            layout: Layout::default().in_lang(lang),
        }
        .into_response();
    }
    let (jar, csrf) = session::anonymous_csrf(jar, state.config.https);
    let language = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let page = RegisterPage {
        time_zone: time_zone::guess(language).key.to_owned(),
        ..RegisterPage::new(
            &state,
            Layout::anonymous(csrf).in_lang(lang),
            safe_next(&q.next),
        )
    };
    (jar, page).into_response()
}

async fn submit_register(
    State(state): State<AppState>,
    lang: Lang,
    jar: CookieJar,
    KeptForm { form, problems }: KeptForm<RegisterForm>,
) -> Result<Response> {
    let mode = state.config.registration;
    if mode == Registration::Closed {
        let page = ClosedPage {
            layout: Layout::default().in_lang(lang),
        };
        return Ok((StatusCode::FORBIDDEN, page).into_response());
    }
    // The language chosen in the form; the page's own if it names none we have.
    let chosen = Lang::from_tag(&form.language).unwrap_or(lang);
    let invite_only = mode == Registration::InviteOnly;
    let code = invite_only.then_some(form.signup_code.as_str());
    let fields = accounts::parse_registration(
        &form.display_name,
        &form.email,
        form.password.expose_secret(),
    );
    let fields = time_zone::choose_for(fields, &form.time_zone);
    let checked = problems.into_result().and_then(|()| {
        accounts::check_sign_up(fields, form.consent.is_some(), code).map_err(AppError::Invalid)
    });
    let result = match checked {
        Ok(mut account) => {
            account.language = chosen.code().to_owned();
            account.is_therapist = form.therapist.is_some();
            account.therapist_approved =
                state.config.therapists == crate::config::TherapistSignup::Open;
            accounts::register(
                &state.db,
                &state.hashing,
                &state.clock,
                account,
                Some(consent::AT_SIGN_UP),
                code,
            )
            .await
        }
        Err(e) => Err(e),
    };
    match result {
        // New or already registered, the answer is the same: go and sign in.
        Ok(_) => {
            let next = safe_next(&form.next);
            let to = if next == "/" {
                "/login?registered=1".to_owned()
            } else {
                format!("/login?registered=1&next={}", urlencode(&next))
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let (jar, csrf) = session::anonymous_csrf(jar, state.config.https);
            let page = RegisterPage {
                therapist: form.therapist.is_some(),
                consent: form.consent.is_some(),
                display_name: form.display_name,
                email: form.email,
                signup_code: form.signup_code,
                time_zone: form.time_zone,
                errors,
                ..RegisterPage::new(
                    &state,
                    Layout::anonymous(csrf).in_lang(chosen),
                    safe_next(&form.next),
                )
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, jar, page).into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize, Default)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: SecretString,
    #[serde(default)]
    next: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/login.html")]
struct LoginPage {
    layout: Layout,
    signed_out: bool,
    registered: bool,
    reset: bool,
    email: String,
    next: String,
    errors: FieldErrors,
}

async fn show_login(
    State(state): State<AppState>,
    Visitor(visitor): Visitor,
    lang: Lang,
    jar: CookieJar,
    Params(q): Params<Next>,
) -> Response {
    // Already signed in: this form's token would not match the session's, so go on.
    if visitor.is_some() {
        return Redirect::to(&safe_next(&q.next)).into_response();
    }
    let (jar, csrf) = session::anonymous_csrf(jar, state.config.https);
    (
        jar,
        LoginPage {
            layout: Layout::anonymous(csrf).in_lang(lang),
            signed_out: q.signed_out.is_some(),
            registered: q.registered.is_some(),
            reset: q.reset.is_some(),
            email: String::new(),
            next: safe_next(&q.next),
            errors: FieldErrors::default(),
        },
    )
        .into_response()
}

async fn submit_login(
    State(state): State<AppState>,
    lang: Lang,
    headers: axum::http::HeaderMap,
    jar: CookieJar,
    KeptForm { form, problems }: KeptForm<LoginForm>,
) -> Result<Response> {
    let user_agent = headers
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let result = async {
        problems.into_result()?;
        accounts::authenticate(
            &state.db,
            &state.hashing,
            &state.clock,
            &form.email,
            form.password.expose_secret(),
        )
        .await
    }
    .await;
    let (status, errors, retry_after) = match result {
        Ok(who) => return sign_in(&state, jar, &user_agent, who, &form.next).await,
        Err(AppError::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
        Err(AppError::RateLimited(errors, secs)) => {
            (StatusCode::TOO_MANY_REQUESTS, errors, Some(secs))
        }
        Err(e) => return Err(e),
    };
    let (jar, csrf) = session::anonymous_csrf(jar, state.config.https);
    let page = LoginPage {
        layout: Layout::anonymous(csrf).in_lang(lang),
        signed_out: false,
        registered: false,
        reset: false,
        email: form.email,
        next: safe_next(&form.next),
        errors,
    };
    Ok(super::form_again(status, (jar, page), retry_after))
}

/// Starts a new session (ending any the browser had) and goes on to `next`.
async fn sign_in(
    state: &AppState,
    jar: CookieJar,
    user_agent: &str,
    who: accounts::Authenticated,
    next: &str,
) -> Result<Response> {
    let user_id = who.user_id;
    let https = state.config.https;
    if let Some(old) = jar.get(session::session_cookie_name(https)) {
        sessions::end(&state.db, old.value()).await?;
    }
    let policy = state.config.session_policy();
    let second_factor = two_factor::is_enabled(&state.db, user_id).await?;
    let token = sessions::start(
        &state.db,
        &state.clock,
        policy,
        user_id,
        user_agent,
        second_factor,
    )
    .await?;
    let jar = jar.add(session::session_cookie(token, https, policy.lifetime));
    if second_factor {
        // The code form is still a signed-out form: it keeps the visitor's form token.
        let to = format!("/login/code?next={}", urlencode(&safe_next(next)));
        return Ok((jar, Redirect::to(&to)).into_response());
    }
    let jar = jar.remove(session::removal(session::csrf_cookie_name(https), https));
    Ok((jar, Redirect::to(&landing(next, who.is_therapist))).into_response())
}

#[derive(Deserialize)]
struct Empty {}

async fn submit_logout(
    State(state): State<AppState>,
    jar: CookieJar,
    _person: Person,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response> {
    let https = state.config.https;
    if let Some(c) = jar.get(session::session_cookie_name(https)) {
        sessions::end(&state.db, c.value()).await?;
    }
    let jar = jar.remove(session::removal(session::session_cookie_name(https), https));
    // Ask the browser to drop anything it kept from this visit, too.
    let clear = [(
        axum::http::HeaderName::from_static("clear-site-data"),
        "\"cache\", \"cookies\", \"storage\"",
    )];
    Ok((clear, jar, Redirect::to("/login?signed_out=1")).into_response())
}

#[cfg(test)]
mod tests;
