//! Two-factor sign-in: the code step after the password, and turning it on and off.

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
use crate::domain::{sessions, two_factor};
use crate::error::{AppError, FieldErrors, Result};

use super::accounts::safe_next;
use super::extract::Params;
use super::form::{CsrfForm, KeptForm};
use super::i18n::Lang;
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
) -> Result<Option<crate::domain::sessions::PendingSession>> {
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
    let Some(p) = pending(&state, &jar).await? else {
        return Ok(Redirect::to("/login").into_response());
    };
    let (jar, csrf) = session::anonymous_csrf(jar, state.config.https);
    Ok((
        jar,
        CodePage {
            // Signed out still, but known: the page is in the person's own language.
            layout: Layout::anonymous(csrf).in_lang(Lang::from_stored(&p.language)),
            next: safe_next(&q.next),
            errors: FieldErrors::default(),
        },
    )
        .into_response())
}

#[derive(Deserialize)]
struct CodeForm {
    /// A code from the app, or a recovery code.
    #[serde(default)]
    code: SecretString,
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
            layout: Layout::anonymous(csrf).in_lang(Lang::from_stored(&p.language)),
            next: safe_next(&form.next),
            errors,
        };
        (jar, page)
    };
    if !problems.is_empty() {
        // Not a wrong code: nothing is counted against the sign-in.
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, code_page(jar, problems)).into_response());
    }
    let signed_in = two_factor::sign_in_with_code(
        &state.db,
        &state.clock,
        state.config.session_policy(),
        &p,
        form.code.expose_secret(),
    )
    .await;
    let (status, errors, retry) = match signed_in {
        Ok(()) => {
            let https = state.config.https;
            let jar = jar.remove(session::removal(session::csrf_cookie_name(https), https));
            let to = super::accounts::landing(&form.next, p.is_therapist);
            return Ok((jar, Redirect::to(&to)).into_response());
        }
        Err(AppError::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
        Err(AppError::RateLimited(errors, secs)) => {
            (StatusCode::TOO_MANY_REQUESTS, errors, Some(secs))
        }
        Err(e) => return Err(e),
    };
    Ok(super::form_again(status, code_page(jar, errors), retry))
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
    password: SecretString,
    /// A code from the app, or a recovery code.
    #[serde(default)]
    code: SecretString,
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
            form.password.expose_secret(),
            form.code.expose_secret(),
        )
        .await
    }
    .await;
    let (status, errors, retry) = match result {
        Ok(()) => return Ok(Redirect::to("/account/two-factor").into_response()),
        Err(AppError::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
        Err(AppError::RateLimited(errors, secs)) => {
            (StatusCode::TOO_MANY_REQUESTS, errors, Some(secs))
        }
        Err(e) => return Err(e),
    };
    let mut page = status_page(&state, &person).await?;
    page.errors = errors;
    Ok(super::form_again(status, page, retry))
}
