//! "Your data" pages: download everything (JSON, or a page to print) and delete the
//! account.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::{header, HeaderName, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use axum_extra::extract::CookieJar;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::app::AppState;
use crate::domain::checkins::Status;
use crate::domain::summaries::{self, Summary};
use crate::domain::your_data::{self, Export};
use crate::error::{AppError, FieldErrors, Result};

use super::form::KeptForm;
use super::i18n::{self, Lang, Text};
use super::pages::Layout;
use super::session::{self, Person};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account/export", get(show_printable))
        .route("/account/export.json", get(download_json))
        .route("/account/delete", get(show_delete).post(submit_delete))
        .route("/deleted", get(show_deleted))
}

async fn download_json(State(state): State<AppState>, person: Person) -> Result<Response> {
    let export = your_data::export(&state.db, &state.clock, &person).await?;
    let body = serde_json::to_vec_pretty(&export)
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("export to JSON")))?;
    let name = format!(
        "attachment; filename=\"mutual-export-{}.json\"",
        export.exported_at.date()
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (header::CONTENT_DISPOSITION, name),
        ],
        body,
    )
        .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "account/export.html")]
struct PrintablePage {
    layout: Layout,
    export: Export,
    partner_name: String,
    summary: Option<Summary>,
    /// The line that counts the couple's check-ins, when there is a couple.
    counts: Option<Text>,
}

impl PrintablePage {
    /// A check-in's status, as a message id.
    fn status(&self, state: &Status) -> &'static str {
        match state {
            Status::YourTurn => "acc-status-your-turn",
            Status::PartnerTurn => "acc-status-partner-turn",
            Status::Revealed => "acc-status-revealed",
            Status::SetAside => "acc-status-set-aside",
            Status::Closed => "acc-status-closed",
        }
    }
}

async fn show_printable(State(state): State<AppState>, person: Person) -> Result<PrintablePage> {
    let layout = Layout::for_person(&person);
    let lang = layout.lang;
    // The library's questions, choices and set titles in the reader's language; what
    // people wrote stays as written.
    let export = your_data::export_with(&state.db, &state.clock, &person, |view| {
        super::library::checkin(lang, view)
    })
    .await?;
    let mut summary = match person.couple_id {
        Some(couple) => Some(summaries::for_couple(&state.db, couple, person.user_id).await?),
        None => None,
    };
    if let Some(s) = summary.as_mut() {
        super::library::couple_summary(lang, s);
    }
    let partner_name = person.partner_name.clone().unwrap_or_default();
    let counts = summary.as_ref().map(|s| {
        i18n::t(
            lang,
            "acc-export-counts",
            &[
                ("partner", &partner_name),
                ("completed", &s.completed),
                ("opened", &s.started.total()),
                ("yours", &s.started.you),
                ("theirs", &s.started.partner),
            ],
        )
    });
    Ok(PrintablePage {
        layout,
        partner_name,
        export,
        summary,
        counts,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "account/delete.html")]
struct DeletePage {
    layout: Layout,
    /// The words to type, in the person's language.
    confirm_phrase: String,
    linked: bool,
    partner_name: String,
    confirm: String,
    errors: FieldErrors,
}

/// The words a person types to confirm deleting their account, in `lang`.
fn delete_phrase(lang: Lang) -> String {
    i18n::t(lang, "delete-phrase", &[]).to_string()
}

fn delete_page(person: &Person, confirm: String, errors: FieldErrors) -> DeletePage {
    let layout = Layout::for_person(person);
    DeletePage {
        confirm_phrase: delete_phrase(layout.lang),
        layout,
        linked: person.couple_id.is_some(),
        partner_name: person.partner_name.clone().unwrap_or_default(),
        confirm,
        errors,
    }
}

async fn show_delete(person: Person) -> DeletePage {
    delete_page(&person, String::new(), FieldErrors::default())
}

#[derive(Deserialize)]
struct DeleteForm {
    #[serde(default)]
    password: SecretString,
    #[serde(default)]
    confirm: String,
}

async fn submit_delete(
    State(state): State<AppState>,
    jar: CookieJar,
    person: Person,
    KeptForm { form, problems }: KeptForm<DeleteForm>,
) -> Result<Response> {
    let deleted = async {
        problems.into_result()?;
        your_data::delete_account(
            &state.db,
            &state.hashing,
            &state.clock,
            &person,
            form.password.expose_secret(),
            &form.confirm,
            &delete_phrase(Lang::from_stored(&person.language)),
        )
        .await
    }
    .await;
    let (status, errors, retry_after) = match deleted {
        Ok(()) => {
            let https = state.config.https;
            let jar = jar.remove(session::removal(session::session_cookie_name(https), https));
            let clear = [(
                HeaderName::from_static("clear-site-data"),
                "\"cache\", \"cookies\", \"storage\"",
            )];
            // The session is gone, so the last page learns the language from its link.
            let to = match Lang::from_stored(&person.language) {
                lang if lang == Lang::default() => "/deleted".to_owned(),
                lang => format!("/deleted?lang={}", lang.code()),
            };
            return Ok((clear, jar, Redirect::to(&to)).into_response());
        }
        Err(AppError::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
        Err(AppError::RateLimited(errors, secs)) => {
            (StatusCode::TOO_MANY_REQUESTS, errors, Some(secs))
        }
        Err(e) => return Err(e),
    };
    // The typed phrase is kept; the password never is.
    let page = delete_page(&person, form.confirm, errors);
    Ok(super::form_again(status, page, retry_after))
}

#[derive(Template, WebTemplate)]
#[template(path = "account/deleted.html")]
struct DeletedPage {
    layout: Layout,
}

/// Signed out by now: the language is the one the deletion's redirect names.
async fn show_deleted(lang: Lang) -> DeletedPage {
    DeletedPage {
        layout: Layout::default().in_lang(lang),
    }
}
