//! Two-factor sign-in: the code step after the password, and turning it on and off.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::cookie::CookieJar;
use serde::Deserialize;

use crate::app::AppState;
use crate::domain::{sessions, throttle, two_factor};
use crate::error::{AppError, FieldErrors, Result};

use super::accounts::safe_next;
use super::extract::Params;
use super::form::{CsrfForm, KeptForm};
use super::pages::Layout;
use super::session::{self, Person};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login/code", get(show_code).post(submit_code))
        .route("/account/two-factor", get(show_two_factor))
        .route("/account/two-factor/start", post(submit_start))
        .route("/account/two-factor/confirm", post(submit_confirm))
        .route("/account/two-factor/disable", post(submit_disable))
}

#[derive(Deserialize, Default)]
struct Next {
    #[serde(default)]
    next: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "account/code.html")]
struct CodePage {
    layout: Layout,
    next: String,
    errors: FieldErrors,
}

async fn pending(
    state: &AppState,
    jar: &CookieJar,
) -> Result<Option<crate::store::sessions::PendingSession>> {
    match jar.get(session::session_cookie_name(state.config.https)) {
        Some(c) => sessions::pending(&state.db, &state.clock, c.value()).await,
        None => Ok(None),
    }
}

async fn show_code(
    State(state): State<AppState>,
    jar: CookieJar,
    Params(q): Params<Next>,
) -> Result<Response> {
    if pending(&state, &jar).await?.is_none() {
        return Ok(Redirect::to("/login").into_response());
    }
    let (jar, csrf) = session::anonymous_csrf(jar, state.config.https);
    Ok((
        jar,
        CodePage {
            layout: Layout::anonymous(csrf),
            next: safe_next(&q.next),
            errors: FieldErrors::default(),
        },
    )
        .into_response())
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

async fn submit_code(
    State(state): State<AppState>,
    jar: CookieJar,
    KeptForm { form, problems }: KeptForm<CodeForm>,
) -> Result<Response> {
    let Some(p) = pending(&state, &jar).await? else {
        return Ok(Redirect::to("/login").into_response());
    };
    let code_page = |jar, errors| {
        let (jar, csrf) = session::anonymous_csrf(jar, state.config.https);
        let page = CodePage {
            layout: Layout::anonymous(csrf),
            next: safe_next(&form.next),
            errors,
        };
        (jar, page)
    };
    if !problems.is_empty() {
        // Not a wrong code: nothing is counted against the sign-in.
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, code_page(jar, problems)).into_response());
    }
    // Wrong codes count with wrong passwords: one limit for the whole sign-in.
    let subject = throttle::subject(&p.email);
    let now = state.clock.now();
    let (status, message, retry) =
        match throttle::blocked_for(&state.db, throttle::LOGIN, &subject, now).await? {
            Some(wait) => (
                StatusCode::TOO_MANY_REQUESTS,
                format!(
                    "There have been several wrong codes, so we're pausing sign-in for a while. Please try again in {} minutes.",
                    throttle::minutes(wait)
                ),
                Some(wait.whole_seconds().max(1) as u64),
            ),
            None if two_factor::verify(&state.db, &state.clock, p.user_id, &form.code).await? => {
                let https = state.config.https;
                sessions::complete(&state.db, &state.clock, state.config.session_policy(), &p.public_id)
                    .await?;
                throttle::clear(&state.db, throttle::LOGIN, &subject).await?;
                tracing::info!(user_id = %p.user_id, "signed in with a second factor");
                let jar = jar.remove(session::removal(session::csrf_cookie_name(https), https));
                return Ok((jar, Redirect::to(&safe_next(&form.next))).into_response());
            }
            None => {
                throttle::record_failure(&state.db, throttle::LOGIN, &subject, now).await?;
                tracing::info!("second factor failed");
                (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "That code didn't match, or was used already. Try the newest code from your app, or a recovery code.".to_owned(),
                    None,
                )
            }
        };
    let page = code_page(jar, FieldErrors::single("code", message));
    Ok(super::form_again(status, page, retry))
}

#[derive(Template, WebTemplate)]
#[template(path = "account/two_factor.html")]
struct TwoFactorPage {
    layout: Layout,
    enabled: bool,
    codes_left: i64,
    /// Shown while enrolling.
    enrolment: Option<two_factor::Enrolment>,
    /// Shown once, right after turning it on.
    recovery_codes: Vec<String>,
    errors: FieldErrors,
}

impl TwoFactorPage {
    fn new(person: &Person) -> Self {
        TwoFactorPage {
            layout: Layout::for_person(person),
            enabled: false,
            codes_left: 0,
            enrolment: None,
            recovery_codes: Vec::new(),
            errors: FieldErrors::default(),
        }
    }
}

async fn status_page(state: &AppState, person: &Person) -> Result<TwoFactorPage> {
    let mut page = TwoFactorPage::new(person);
    page.enabled = two_factor::is_enabled(&state.db, person.user_id).await?;
    if page.enabled {
        page.codes_left = two_factor::recovery_codes_left(&state.db, person.user_id).await?;
    }
    Ok(page)
}

async fn show_two_factor(State(state): State<AppState>, person: Person) -> Result<TwoFactorPage> {
    status_page(&state, &person).await
}

#[derive(Deserialize)]
struct Empty {}

async fn submit_start(
    State(state): State<AppState>,
    person: Person,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<TwoFactorPage> {
    let mut page = TwoFactorPage::new(&person);
    page.enrolment = Some(two_factor::begin(&state.db, &state.clock, &person).await?);
    Ok(page)
}

#[derive(Deserialize)]
struct ConfirmForm {
    #[serde(default)]
    code: String,
}

async fn submit_confirm(
    State(state): State<AppState>,
    person: Person,
    KeptForm { form, problems }: KeptForm<ConfirmForm>,
) -> Result<Response> {
    let mut page = TwoFactorPage::new(&person);
    let confirmed = async {
        problems.into_result()?;
        two_factor::confirm(&state.db, &state.clock, person.user_id, &form.code).await
    }
    .await;
    match confirmed {
        Ok(codes) => {
            page.enabled = true;
            page.codes_left = codes.len() as i64;
            page.recovery_codes = codes;
            Ok(page.into_response())
        }
        Err(AppError::Invalid(errors)) => {
            page.enrolment = two_factor::current_enrolment(&state.db, &person).await?;
            page.errors = errors;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
struct DisableForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    code: String,
}

async fn submit_disable(
    State(state): State<AppState>,
    person: Person,
    KeptForm { form, problems }: KeptForm<DisableForm>,
) -> Result<Response> {
    let result = async {
        problems.into_result()?;
        two_factor::disable(
            &state.db,
            &state.hashing,
            &state.clock,
            &person,
            &form.password,
            &form.code,
        )
        .await
    }
    .await;
    match result {
        Ok(()) => Ok(Redirect::to("/account/two-factor").into_response()),
        Err(AppError::Invalid(errors)) => {
            let mut page = status_page(&state, &person).await?;
            page.errors = errors;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}
