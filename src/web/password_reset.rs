//! Setting a new password from a reset link the operator made.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use axum_extra::extract::cookie::CookieJar;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::app::AppState;
use crate::domain::operator;
use crate::error::{AppError, FieldErrors, Result};

use super::extract::Params;
use super::form::KeptForm;
use super::i18n::Lang;
use super::pages::Layout;
use super::session::{self, Visitor};

pub fn router() -> Router<AppState> {
    Router::new().route("/reset-password", get(show_reset).post(submit_reset))
}

/// The token of a password reset link, in the query string: paths are logged, queries
/// never are.
#[derive(Deserialize, Default)]
struct ResetQuery {
    #[serde(default)]
    token: String,
}

#[derive(Deserialize, Default)]
struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    new_password: SecretString,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/reset.html")]
struct ResetPage {
    layout: Layout,
    /// False when the link is used, expired or unknown: the page says so, with no form.
    live: bool,
    token: String,
    errors: FieldErrors,
}

/// The frame for a page whose form may be posted signed in or not: the token must be
/// the one the form extractor will check.
fn form_layout(
    state: &AppState,
    jar: CookieJar,
    visitor: Option<&crate::domain::sessions::SessionPerson>,
    lang: Lang,
) -> (CookieJar, Layout) {
    match visitor {
        Some(p) => (jar, Layout::for_person(p)),
        None => {
            let (jar, csrf) = session::anonymous_csrf(jar, state.config.https);
            (jar, Layout::anonymous(csrf).in_lang(lang))
        }
    }
}

fn reset_page(layout: Layout, live: bool, token: String, errors: FieldErrors) -> ResetPage {
    ResetPage {
        layout,
        live,
        token: if live { token } else { String::new() },
        errors,
    }
}

async fn show_reset(
    State(state): State<AppState>,
    Visitor(visitor): Visitor,
    lang: Lang,
    jar: CookieJar,
    Params(q): Params<ResetQuery>,
) -> Result<Response> {
    let live = operator::check_reset_link(&state.db, &state.clock, &q.token)
        .await?
        .is_some();
    let (jar, layout) = form_layout(&state, jar, visitor.as_ref(), lang);
    let status = if live {
        StatusCode::OK
    } else {
        StatusCode::GONE
    };
    let page = reset_page(layout, live, q.token, FieldErrors::default());
    Ok((status, jar, page).into_response())
}

async fn submit_reset(
    State(state): State<AppState>,
    Visitor(visitor): Visitor,
    lang: Lang,
    jar: CookieJar,
    KeptForm { form, problems }: KeptForm<ResetForm>,
) -> Result<Response> {
    let result = async {
        problems.into_result()?;
        operator::use_reset_link(
            &state.db,
            &state.hashing,
            &state.clock,
            &form.token,
            form.new_password.expose_secret(),
        )
        .await
    }
    .await;
    let (status, live, errors) = match result {
        Ok(true) => {
            // Every session of theirs has ended, this browser's too if it was theirs.
            let https = state.config.https;
            let jar = match &visitor {
                Some(_) => jar.remove(session::removal(session::session_cookie_name(https), https)),
                None => jar,
            };
            return Ok((jar, Redirect::to("/login?reset=1")).into_response());
        }
        Ok(false) => (StatusCode::GONE, false, FieldErrors::default()),
        Err(AppError::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, true, errors),
        Err(e) => return Err(e),
    };
    let (jar, layout) = form_layout(&state, jar, visitor.as_ref(), lang);
    let page = reset_page(layout, live, form.token, errors);
    Ok((status, jar, page).into_response())
}
