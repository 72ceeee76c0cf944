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
use crate::domain::therapists::{self, Assignment, OfferedSet};
use crate::error::{AppError, FieldErrors, Result};
use crate::ids::{AssignmentId, TherapistLinkId};

use super::extract::Segments;
use super::form::{CsrfForm, KeptForm};
use super::pages::Layout;
use super::session::Person;
use super::therapist_sets::ConfirmForm;
use super::therapists::AssignmentForm;

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

/// The couple's link and one exercise on it, from the path.
type Ids = Segments<TherapistLinkId, AssignmentId>;

#[derive(Template, WebTemplate)]
#[template(path = "therapists/exercise_form.html")]
struct ExerciseFormPage {
    layout: Layout,
    link: TherapistLinkId,
    exercise: Assignment,
    /// The sets offered; the exercise's own set is among them even if retired since.
    sets: Vec<OfferedSet>,
    form: AssignmentForm,
    errors: FieldErrors,
}

async fn exercise_page(
    state: &AppState,
    person: &Person,
    (link, id): (TherapistLinkId, AssignmentId),
    form: Option<AssignmentForm>,
    errors: FieldErrors,
) -> Result<ExerciseFormPage> {
    let layout = Layout::for_person(person);
    let mut exercise = therapists::open_assignment(&state.db, person, link, id).await?;
    let sets = super::therapists::offered_sets(
        layout.lang,
        therapists::sets_to_assign(&state.db, person, Some(&exercise)).await?,
    );
    super::library::assignment(layout.lang, &mut exercise);
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
        layout,
        link,
        exercise,
        sets,
        form,
        errors,
    })
}

async fn show_edit(
    State(state): State<AppState>,
    person: Person,
    Segments(link, id): Ids,
) -> Result<ExerciseFormPage> {
    exercise_page(&state, &person, (link, id), None, FieldErrors::default()).await
}

async fn submit_edit(
    State(state): State<AppState>,
    person: Person,
    Segments(link, id): Ids,
    KeptForm { form, problems }: KeptForm<AssignmentForm>,
) -> Result<Response> {
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
    link: TherapistLinkId,
    exercise: Assignment,
}

async fn show_cancel(
    State(state): State<AppState>,
    person: Person,
    Segments(link, id): Ids,
) -> Result<CancelPage> {
    let layout = Layout::for_person(&person);
    let mut exercise = therapists::open_assignment(&state.db, &person, link, id).await?;
    super::library::assignment(layout.lang, &mut exercise);
    Ok(CancelPage {
        layout,
        exercise,
        link,
    })
}

async fn submit_cancel(
    State(state): State<AppState>,
    person: Person,
    Segments(link, id): Ids,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> Result<Redirect> {
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
