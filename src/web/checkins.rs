//! Check-in pages: the list, starting one, answering, the side-by-side reveal.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

use crate::app::AppState;
use crate::domain::checkins::{self, CheckinSummary, CheckinView};
use crate::error::{AppError, FieldErrors, Result};
use crate::ids::CheckinId;

use super::extract::{Params, Segment};
use super::form::{CsrfForm, KeptForm};
use super::pages::Layout;
use super::session::Person;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/checkins", get(show_list).post(submit_new))
        .route("/checkins/new", get(show_new))
        .route("/checkins/{id}", get(show_checkin))
        .route("/checkins/{id}/answers", post(submit_answers))
        .route("/checkins/{id}/dismiss", post(submit_dismiss))
}

/// A check-in id from the URL; anything that is not one is simply not found.
fn parse_id(raw: &str) -> Result<CheckinId> {
    uuid::Uuid::parse_str(raw)
        .map(CheckinId)
        .map_err(|_| AppError::NotFound)
}

#[derive(Template, WebTemplate)]
#[template(path = "checkins/list.html")]
struct ListPage {
    layout: Layout,
    checkins: Vec<CheckinSummary>,
}

async fn show_list(State(state): State<AppState>, person: Person) -> Result<ListPage> {
    let layout = Layout::for_person(&person);
    let mut checkins = checkins::list(&state.db, person.user_id).await?;
    checkins
        .iter_mut()
        .for_each(|c| super::library::summary(layout.lang, c));
    Ok(ListPage { layout, checkins })
}

#[derive(Template, WebTemplate)]
#[template(path = "checkins/new.html")]
struct NewPage {
    layout: Layout,
    sets: Vec<crate::domain::prompts::PromptSet>,
    prompt_set_id: String,
    moment_on: String,
    errors: FieldErrors,
}

async fn new_page(
    state: &AppState,
    person: &Person,
    prompt_set_id: String,
    moment_on: String,
    errors: FieldErrors,
) -> Result<NewPage> {
    let layout = Layout::for_person(person);
    let mut sets = crate::domain::prompts::sets(&state.db, None).await?;
    sets.iter_mut()
        .for_each(|s| super::library::set(layout.lang, s));
    let prompt_set_id = if prompt_set_id.is_empty() {
        sets.first()
            .map(|s| s.prompt_set_id.clone())
            .unwrap_or_default()
    } else {
        prompt_set_id
    };
    Ok(NewPage {
        layout,
        sets,
        prompt_set_id,
        moment_on,
        errors,
    })
}

async fn show_new(State(state): State<AppState>, person: Person) -> Result<Response> {
    if person.couple_id.is_none() {
        return Ok(Redirect::to("/couple").into_response());
    }
    Ok(new_page(
        &state,
        &person,
        String::new(),
        String::new(),
        FieldErrors::default(),
    )
    .await?
    .into_response())
}

#[derive(Deserialize)]
struct NewForm {
    #[serde(default)]
    prompt_set_id: String,
    #[serde(default)]
    moment_on: String,
    /// Set when the check-in is for a therapist's exercise.
    #[serde(default)]
    assignment: String,
}

async fn submit_new(
    State(state): State<AppState>,
    person: Person,
    KeptForm { form, problems }: KeptForm<NewForm>,
) -> Result<Response> {
    let started = async {
        problems.into_result()?;
        checkins::start(
            &state.db,
            &state.clock,
            &person,
            &form.prompt_set_id,
            &form.moment_on,
            &form.assignment,
        )
        .await
    }
    .await;
    match started {
        Ok(id) => Ok(Redirect::to(&format!("/checkins/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            let page =
                new_page(&state, &person, form.prompt_set_id, form.moment_on, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "checkins/show.html")]
struct CheckinPage {
    layout: Layout,
    view: CheckinView,
    /// The couple has a therapist: the note of care says it can be raised there.
    has_therapist: bool,
    partner_name: String,
    /// A message id, or empty.
    notice: &'static str,
    errors: FieldErrors,
}

#[derive(Deserialize, Default)]
struct Notice {
    #[serde(default)]
    done: String,
}

/// The partner's name, or where there is none (unlinked since) a word for them.
fn partner_label(person: &Person, layout: &Layout) -> String {
    person
        .partner_name
        .clone()
        .unwrap_or_else(|| layout.t("checkin-your-partner").to_string())
}

async fn show_checkin(
    State(state): State<AppState>,
    person: Person,
    Segment(id): Segment,
    Params(q): Params<Notice>,
) -> Result<CheckinPage> {
    let mut view = checkins::view(&state.db, person.user_id, parse_id(&id)?).await?;
    let layout = Layout::for_person(&person);
    super::library::checkin(layout.lang, &mut view);
    let notice = match q.done.as_str() {
        // Only while answers can still change: once revealed, "saved" would mislead.
        "saved" if view.can_answer => "checkin-notice-saved",
        "revealed" => "checkin-notice-revealed",
        _ => "",
    };
    Ok(CheckinPage {
        partner_name: partner_label(&person, &layout),
        layout,
        has_therapist: person.has_therapist,
        view,
        notice,
        errors: FieldErrors::default(),
    })
}

async fn submit_answers(
    State(state): State<AppState>,
    person: Person,
    Segment(id): Segment,
    KeptForm {
        form: fields,
        problems,
    }: KeptForm<Vec<(String, String)>>,
) -> Result<Response> {
    let id = parse_id(&id)?;
    let submitted = async {
        problems.into_result()?;
        checkins::submit(&state.db, &state.clock, person.user_id, id, &fields).await
    }
    .await;
    match submitted {
        Ok(true) => Ok(Redirect::to(&format!("/checkins/{id}?done=revealed")).into_response()),
        Ok(false) => Ok(Redirect::to(&format!("/checkins/{id}?done=saved")).into_response()),
        Err(AppError::Invalid(errors)) => {
            let mut view = checkins::view(&state.db, person.user_id, id).await?;
            checkins::apply_drafts(&mut view, &checkins::drafts_from(&fields));
            let layout = Layout::for_person(&person);
            super::library::checkin(layout.lang, &mut view);
            let page = CheckinPage {
                partner_name: partner_label(&person, &layout),
                layout,
                has_therapist: person.has_therapist,
                view,
                notice: "",
                errors,
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
struct Empty {}

async fn submit_dismiss(
    State(state): State<AppState>,
    person: Person,
    Segment(id): Segment,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Redirect> {
    checkins::dismiss(&state.db, &state.clock, person.user_id, parse_id(&id)?).await?;
    Ok(Redirect::to("/checkins"))
}
