//! Linking as a couple (invites and joining) and unlinking.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use time::OffsetDateTime;

use crate::app::AppState;
use crate::domain::couples::{self, InviteCode};
use crate::error::{AppError, FieldErrors, Result};

use super::extract::{Params, Segment};
use super::form::{CsrfForm, KeptForm};
use super::i18n::Lang;
use super::pages::Layout;
use super::session::{Person, Visitor};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/couple", get(show_couple))
        .route("/couple/invite", post(submit_invite))
        .route("/couple/join", post(submit_join))
        .route("/couple/history", post(submit_history))
        .route("/couple/unlink", get(show_unlink).post(submit_unlink))
        .route("/join/{code}", get(show_join_link))
}

#[derive(Deserialize, Default)]
struct Notice {
    #[serde(default)]
    done: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "couples/couple.html")]
struct CouplePage {
    layout: Layout,
    /// A message id, or empty.
    notice: &'static str,
    partner_name: Option<String>,
    since: Option<OffsetDateTime>,
    invite: Option<InviteCode>,
    invite_link: String,
    join_code: String,
    errors: FieldErrors,
    /// Linked again with the same partner, with earlier shared check-ins to bring back.
    history: Option<couples::HistoryState>,
    /// Not linked now, but a therapist was linked with a couple they were in: the page
    /// points to that couple's access log, which stays theirs to read.
    past_therapist: bool,
}

async fn couple_page(
    state: &AppState,
    person: &Person,
    notice: &'static str,
    join_code: String,
    errors: FieldErrors,
) -> Result<CouplePage> {
    let since = couples::since(&state.db, person.couple_id).await?;
    let (invite, past_therapist) = if person.couple_id.is_none() {
        (
            couples::open_invite(&state.db, &state.clock, person.user_id).await?,
            crate::domain::therapists::has_access_log(&state.db, person.user_id).await?,
        )
    } else {
        (None, false)
    };
    let history = couples::earlier_history(&state.db, person.couple_id, person.user_id).await?;
    let invite_link = invite
        .as_ref()
        .map(|i| format!("{}/join/{}", state.public_url, i.code))
        .unwrap_or_default();
    Ok(CouplePage {
        layout: Layout::for_person(person),
        notice,
        partner_name: person.partner_name.clone(),
        since,
        invite,
        invite_link,
        join_code,
        errors,
        history,
        past_therapist,
    })
}

/// The message id of the notice after `?done=`, or empty.
fn notice_text(done: &str) -> &'static str {
    match done {
        "linked" => "couple-notice-linked",
        "unlinked" => "couple-notice-unlinked",
        "invite" => "couple-notice-invite",
        "history" => "couple-notice-history",
        "history-waiting" => "couple-notice-history-waiting",
        _ => "",
    }
}

async fn submit_history(
    State(state): State<AppState>,
    person: Person,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Redirect> {
    let outcome = couples::agree_to_bring_back_history(
        &state.db,
        &state.clock,
        person.couple_id,
        person.user_id,
    )
    .await?;
    Ok(Redirect::to(match outcome {
        couples::HistoryAgreed::Restored(_) => "/couple?done=history",
        _ => "/couple?done=history-waiting",
    }))
}

async fn show_couple(
    State(state): State<AppState>,
    person: Person,
    Params(q): Params<Notice>,
) -> Result<CouplePage> {
    couple_page(
        &state,
        &person,
        notice_text(&q.done),
        String::new(),
        FieldErrors::default(),
    )
    .await
}

#[derive(Deserialize)]
struct Empty {}

async fn submit_invite(
    State(state): State<AppState>,
    person: Person,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Redirect> {
    couples::create_invite(&state.db, &state.clock, person.user_id, person.couple_id).await?;
    Ok(Redirect::to("/couple?done=invite"))
}

#[derive(Deserialize)]
struct JoinForm {
    #[serde(default)]
    code: String,
    /// "yes" from the page that showed who the invite is from; a typed code has none.
    #[serde(default)]
    confirm: String,
}

async fn submit_join(
    State(state): State<AppState>,
    person: Person,
    KeptForm { form, problems }: KeptForm<JoinForm>,
) -> Result<Response> {
    let joined = async {
        problems.into_result()?;
        let confirmed = form.confirm == "yes";
        couples::join(
            &state.db,
            &state.clock,
            person.user_id,
            &form.code,
            confirmed,
        )
        .await
    }
    .await;
    let (status, errors, retry_after) = match joined {
        Ok(couples::Joined::Linked(_)) => {
            return Ok(Redirect::to("/couple?done=linked").into_response())
        }
        // A typed code that works: first show who it is from, as an invite link does.
        Ok(couples::Joined::Confirm(code)) => {
            return Ok(Redirect::to(&format!("/join/{code}")).into_response())
        }
        Err(AppError::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
        Err(AppError::RateLimited(errors, secs)) => {
            (StatusCode::TOO_MANY_REQUESTS, errors, Some(secs))
        }
        Err(e) => return Err(e),
    };
    let page = couple_page(&state, &person, "", form.code, errors).await?;
    Ok(super::form_again(status, page, retry_after))
}

#[derive(Template, WebTemplate)]
#[template(path = "couples/join.html")]
struct JoinLinkPage {
    layout: Layout,
    /// The inviter's name, for a signed-in visitor and a code that still works.
    inviter: Option<String>,
    code: String,
    display_code: String,
    already_linked: bool,
}

/// The page an invite link opens. It changes nothing: joining is the form's POST.
async fn show_join_link(
    State(state): State<AppState>,
    Visitor(visitor): Visitor,
    lang: Lang,
    Segment(code): Segment,
) -> Result<JoinLinkPage> {
    let code = couples::normalise_code(&code).ok_or(AppError::NotFound)?;
    let inviter = match &visitor {
        Some(_) => couples::inviter_name(&state.db, &state.clock, &code).await?,
        None => None,
    };
    Ok(JoinLinkPage {
        inviter,
        layout: visitor
            .as_ref()
            .map(Layout::for_person)
            .unwrap_or_else(|| Layout::default().in_lang(lang)),
        already_linked: visitor.as_ref().is_some_and(|p| p.couple_id.is_some()),
        display_code: couples::display_code(&code),
        code,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "couples/unlink.html")]
struct UnlinkPage {
    layout: Layout,
    partner_name: String,
}

async fn show_unlink(person: Person) -> Result<UnlinkPage> {
    if person.couple_id.is_none() {
        return Err(AppError::NotFound);
    }
    Ok(UnlinkPage {
        layout: Layout::for_person(&person),
        partner_name: person.partner_name.clone().unwrap_or_default(),
    })
}

#[derive(Deserialize)]
struct UnlinkForm {
    #[serde(default)]
    confirm: String,
}

async fn submit_unlink(
    State(state): State<AppState>,
    person: Person,
    CsrfForm(form): CsrfForm<UnlinkForm>,
) -> Result<Response> {
    if form.confirm != "yes" {
        return Ok(Redirect::to("/couple/unlink").into_response());
    }
    couples::unlink(&state.db, &state.clock, person.user_id, person.couple_id).await?;
    Ok(Redirect::to("/couple?done=unlinked").into_response())
}
