//! The account page: the person's name and time zone, and their email, each pair changed
//! by its own form.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::app::AppState;
use crate::domain::profile::{self, Profile};
use crate::error::{AppError, FieldErrors, Result};

use super::account::Notice;
use super::extract::Params;
use super::form::KeptForm;
use super::i18n::Lang;
use super::pages::Layout;
use super::session::Person;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account", get(show_account))
        .route("/account/details", post(submit_details))
        .route("/account/email", post(submit_email))
        .route("/account/language", post(submit_language))
}

#[derive(Template, WebTemplate)]
#[template(path = "account/account.html")]
struct AccountPage {
    layout: Layout,
    /// A message id, or empty.
    notice: &'static str,
    /// The person's language, as the choice shows it.
    language: &'static str,
    /// The address in use (not what was typed).
    current_email: String,
    /// What the forms hold: the stored values, or what was typed on an error.
    display_name: String,
    time_zone: String,
    email: String,
    errors: FieldErrors,
}

impl AccountPage {
    fn new(person: &Person, profile: Profile, notice: &'static str) -> Self {
        AccountPage {
            layout: Layout::for_person(person),
            notice,
            language: Lang::from_stored(&profile.language).code(),
            current_email: profile.email.clone(),
            display_name: profile.display_name,
            time_zone: profile.time_zone,
            email: profile.email,
            errors: FieldErrors::default(),
        }
    }
}

async fn show_account(
    State(state): State<AppState>,
    person: Person,
    Params(q): Params<Notice>,
) -> Result<AccountPage> {
    // Message ids. The one answer to a new email is the same whether the address was
    // free or another account has it: true in both cases, and the page shows the address
    // in use right below it.
    let notice = match q.done.as_str() {
        "password" => "account-password-changed",
        "details" => "account-details-saved",
        "email" => "account-email-saved",
        "language" => "language-saved",
        _ => "",
    };
    let profile = profile::get(&state.db, &person).await?;
    Ok(AccountPage::new(&person, profile, notice))
}

/// A refusal the forms show again: its status, messages and Retry-After, if any.
fn refusal(e: AppError) -> Result<(StatusCode, FieldErrors, Option<u64>)> {
    match e {
        AppError::Invalid(errors) => Ok((StatusCode::UNPROCESSABLE_ENTITY, errors, None)),
        AppError::RateLimited(errors, secs) => {
            Ok((StatusCode::TOO_MANY_REQUESTS, errors, Some(secs)))
        }
        e => Err(e),
    }
}

#[derive(Deserialize)]
struct DetailsForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    time_zone: String,
}

async fn submit_details(
    State(state): State<AppState>,
    person: Person,
    KeptForm { form, problems }: KeptForm<DetailsForm>,
) -> Result<Response> {
    let changed = async {
        problems.into_result()?;
        profile::change_details(&state.db, &person, &form.display_name, &form.time_zone).await
    }
    .await;
    let (status, errors, retry_after) = match changed {
        Ok(()) => return Ok(Redirect::to("/account?done=details").into_response()),
        Err(e) => refusal(e)?,
    };
    let stored = profile::get(&state.db, &person).await?;
    let page = AccountPage {
        display_name: form.display_name,
        time_zone: form.time_zone,
        errors,
        ..AccountPage::new(&person, stored, "")
    };
    Ok(super::form_again(status, page, retry_after))
}

#[derive(Deserialize)]
struct LanguageForm {
    #[serde(default)]
    language: String,
}

/// Saves the person's language. The choice is a list of the languages loaded, so a value
/// not on it is a form none of our pages sends.
async fn submit_language(
    State(state): State<AppState>,
    person: Person,
    super::form::CsrfForm(form): super::form::CsrfForm<LanguageForm>,
) -> Result<Redirect> {
    let lang = Lang::from_tag(&form.language)
        .filter(|l| l.code() == form.language)
        .ok_or(AppError::BadRequest("unknown language"))?;
    profile::change_language(&state.db, &person, lang.code()).await?;
    Ok(Redirect::to("/account?done=language"))
}

#[derive(Deserialize)]
struct EmailForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: SecretString,
}

async fn submit_email(
    State(state): State<AppState>,
    person: Person,
    KeptForm { form, problems }: KeptForm<EmailForm>,
) -> Result<Response> {
    let changed = async {
        problems.into_result()?;
        profile::change_email(
            &state.db,
            &state.hashing,
            &state.clock,
            &person,
            &form.email,
            form.password.expose_secret(),
        )
        .await
    }
    .await;
    let (status, errors, retry_after) = match changed {
        Ok(()) => return Ok(Redirect::to("/account?done=email").into_response()),
        Err(e) => refusal(e)?,
    };
    // The typed address is kept; the password never is.
    let stored = profile::get(&state.db, &person).await?;
    let page = AccountPage {
        email: form.email,
        errors,
        ..AccountPage::new(&person, stored, "")
    };
    Ok(super::form_again(status, page, retry_after))
}
