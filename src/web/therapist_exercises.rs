//! Changing and cancelling an exercise a therapist gave a couple. Each page names the
//! couple's link and the exercise; the domain finds the exercise only on an active link of
//! the therapist's own, so anyone else gets "not found".

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;

use crate::app::AppState;
use crate::domain::prompts::PromptSet;
use crate::domain::therapists::{self, Assignment};
use crate::error::{AppError, FieldErrors, Result};

use super::extract::Segments;
use super::form::{CsrfForm, KeptForm};
use super::pages::Layout;
use super::session::Person;
use super::therapist_sets::ConfirmForm;
use super::therapists::{parse_link, AssignmentForm};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/therapist/couples/{link}/assignments/{id}/edit",
            get(show_edit).post(submit_edit),
        )
        .route(
            "/therapist/couples/{link}/assignments/{id}/cancel",
            get(show_cancel).post(submit_cancel),
        )
}

fn parse_ids(link: &str, id: &str) -> Result<(uuid::Uuid, uuid::Uuid)> {
    Ok((parse_link(link)?, parse_link(id)?))
}

#[derive(Template, WebTemplate)]
#[template(path = "therapists/exercise_form.html")]
struct ExerciseFormPage {
    layout: Layout,
    link: String,
    exercise: Assignment,
    /// The sets offered; the exercise's own set is among them even if retired since.
    sets: Vec<PromptSet>,
    form: AssignmentForm,
    errors: FieldErrors,
}

async fn exercise_page(
    state: &AppState,
    person: &Person,
    (link, id): (uuid::Uuid, uuid::Uuid),
    form: Option<AssignmentForm>,
    errors: FieldErrors,
) -> Result<ExerciseFormPage> {
    let exercise = therapists::open_assignment(&state.db, person, link, id).await?;
    let sets = therapists::sets_to_assign(&state.db, person, Some(&exercise)).await?;
    let form = form.unwrap_or_else(|| AssignmentForm {
        prompt_set_id: exercise.prompt_set_id.clone(),
        note: exercise.note.clone(),
        starts_on: exercise.starts_on.to_string(),
        target_count: exercise
            .target_count
            .map(|n| n.to_string())
            .unwrap_or_default(),
        ends_on: exercise.ends_on.map(|d| d.to_string()).unwrap_or_default(),
    });
    Ok(ExerciseFormPage {
        layout: Layout::for_person(person),
        link: link.to_string(),
        exercise,
        sets,
        form,
        errors,
    })
}

async fn show_edit(
    State(state): State<AppState>,
    person: Person,
    Segments(link, id): Segments,
) -> Result<ExerciseFormPage> {
    let ids = parse_ids(&link, &id)?;
    exercise_page(&state, &person, ids, None, FieldErrors::default()).await
}

async fn submit_edit(
    State(state): State<AppState>,
    person: Person,
    Segments(link, id): Segments,
    KeptForm { form, problems }: KeptForm<AssignmentForm>,
) -> Result<Response> {
    let (link, id) = parse_ids(&link, &id)?;
    // Whose exercise it is comes first: nobody else learns anything from the form's checks.
    therapists::open_assignment(&state.db, &person, link, id).await?;
    let saved = async {
        problems.into_result()?;
        therapists::edit_assignment(&state.db, &state.clock, &person, link, id, form.input()).await
    }
    .await;
    match saved {
        Ok(()) => Ok(
            Redirect::to(&format!("/therapist/couples/{link}?done=exercise-saved")).into_response(),
        ),
        Err(AppError::Invalid(errors)) => {
            let page = exercise_page(&state, &person, (link, id), Some(form), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "therapists/cancel_exercise.html")]
struct CancelPage {
    layout: Layout,
    link: String,
    exercise: Assignment,
}

async fn show_cancel(
    State(state): State<AppState>,
    person: Person,
    Segments(link, id): Segments,
) -> Result<CancelPage> {
    let (link, id) = parse_ids(&link, &id)?;
    Ok(CancelPage {
        layout: Layout::for_person(&person),
        exercise: therapists::open_assignment(&state.db, &person, link, id).await?,
        link: link.to_string(),
    })
}

async fn submit_cancel(
    State(state): State<AppState>,
    person: Person,
    Segments(link, id): Segments,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> Result<Redirect> {
    let (link, id) = parse_ids(&link, &id)?;
    if form.confirm != "yes" {
        // Nothing happens without the confirmation page's button; it is checked to be
        // theirs first, like everything here.
        therapists::open_assignment(&state.db, &person, link, id).await?;
        return Ok(Redirect::to(&format!(
            "/therapist/couples/{link}/assignments/{id}/cancel"
        )));
    }
    therapists::cancel_assignment(&state.db, &state.clock, &person, link, id).await?;
    Ok(Redirect::to(&format!(
        "/therapist/couples/{link}?done=cancelled"
    )))
}
