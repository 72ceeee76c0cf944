//! The person's own account: devices (sessions), password, the therapists' access log.

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
use crate::domain::accounts;
use crate::domain::sessions::{self, Device};
use crate::error::{AppError, FieldErrors, Result};

use super::extract::{Params, Segment};
use super::form::{CsrfForm, KeptForm};
use super::i18n::{self, Lang};
use super::pages::Layout;
use super::session::Person;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account/devices", get(show_devices))
        .route("/account/devices/{id}/end", post(submit_end_device))
        .route("/account/devices/end-others", post(submit_end_others))
        .route(
            "/account/password",
            get(show_password).post(submit_password),
        )
        .route("/account/therapist-log", get(show_therapist_log))
}

#[derive(Deserialize, Default)]
pub(super) struct Notice {
    #[serde(default)]
    pub(super) done: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "account/devices.html")]
struct DevicesPage {
    layout: Layout,
    devices: Vec<Device>,
    notice: &'static str,
}

async fn show_devices(
    State(state): State<AppState>,
    person: Person,
    Params(q): Params<Notice>,
) -> Result<DevicesPage> {
    Ok(DevicesPage {
        layout: Layout::for_person(&person),
        devices: sessions::list(&state.db, &person).await?,
        // A message id, or empty.
        notice: match q.done.as_str() {
            "ended" => "acc-devices-ended",
            "others" => "acc-devices-others",
            _ => "",
        },
    })
}

#[derive(Deserialize)]
struct Empty {}

async fn submit_end_device(
    State(state): State<AppState>,
    person: Person,
    Segment(id): Segment,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Redirect> {
    sessions::end_one(&state.db, &person, &id).await?;
    if id == person.session_public_id {
        return Ok(Redirect::to("/login?signed_out=1"));
    }
    Ok(Redirect::to("/account/devices?done=ended"))
}

async fn submit_end_others(
    State(state): State<AppState>,
    person: Person,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Redirect> {
    sessions::end_others(&state.db, &person).await?;
    Ok(Redirect::to("/account/devices?done=others"))
}

#[derive(Template, WebTemplate)]
#[template(path = "account/password.html")]
struct PasswordPage {
    layout: Layout,
    errors: FieldErrors,
}

async fn show_password(person: Person) -> PasswordPage {
    PasswordPage {
        layout: Layout::for_person(&person),
        errors: FieldErrors::default(),
    }
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: SecretString,
    #[serde(default)]
    new_password: SecretString,
}

async fn submit_password(
    State(state): State<AppState>,
    person: Person,
    KeptForm { form, problems }: KeptForm<PasswordForm>,
) -> Result<Response> {
    let changed = async {
        problems.into_result()?;
        accounts::change_password(
            &state.db,
            &state.hashing,
            &state.clock,
            &person,
            form.current_password.expose_secret(),
            form.new_password.expose_secret(),
        )
        .await
    }
    .await;
    let (status, errors, retry_after) = match changed {
        Ok(()) => return Ok(Redirect::to("/account?done=password").into_response()),
        Err(AppError::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
        Err(AppError::RateLimited(errors, secs)) => {
            (StatusCode::TOO_MANY_REQUESTS, errors, Some(secs))
        }
        Err(e) => return Err(e),
    };
    // Passwords are never typed back into a form, so there is nothing to keep.
    let page = PasswordPage {
        layout: Layout::for_person(&person),
        errors,
    };
    Ok(super::form_again(status, page, retry_after))
}

#[derive(Template, WebTemplate)]
#[template(path = "account/therapist_log.html")]
struct TherapistLogPage {
    layout: Layout,
    log: Vec<crate::domain::therapists::Access>,
}

/// Every look a therapist took at a couple the person is or was in, also after the
/// couple ended.
async fn show_therapist_log(
    State(state): State<AppState>,
    person: Person,
) -> Result<TherapistLogPage> {
    let layout = Layout::for_person(&person);
    let mut log =
        crate::domain::therapists::access_log_for_member(&state.db, person.user_id).await?;
    for a in &mut log {
        a.viewed = viewed_in(layout.lang, &a.viewed);
    }
    Ok(TherapistLogPage { layout, log })
}

/// What a look showed, in `lang`. The log stores it in English words (the ones
/// `domain::therapists` writes), which are the English of these messages; words the
/// catalogues do not know, from an older wording, are shown as stored.
fn viewed_in(lang: Lang, stored: &str) -> String {
    const SHOWN: [&str; 3] = [
        "acc-log-viewed-status",
        "acc-log-viewed-scales",
        "acc-log-viewed-words",
    ];
    SHOWN
        .into_iter()
        .find(|id| i18n::t(Lang::default(), id, &[]).as_str() == stored)
        .map_or_else(
            || stored.to_owned(),
            |id| i18n::t(lang, id, &[]).to_string(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_therapist_saw_is_put_in_the_readers_language() {
        let de = Lang::from_tag("de").expect("German is loaded");
        let stored = "how many check-ins were done";
        assert_eq!(viewed_in(Lang::default(), stored), stored);
        assert_eq!(
            viewed_in(de, stored),
            "wie viele Check-ins ihr gemacht habt"
        );
        assert_eq!(viewed_in(de, "something older"), "something older");
    }
}
