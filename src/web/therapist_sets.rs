//! A therapist's sets of questions: the list, reading a set (theirs or the library's)
//! before assigning it, writing, changing and retiring their own.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use crate::app::AppState;
use crate::domain::prompts::PromptSet;
use crate::domain::therapists::{self, OwnSet, PromptDraft, SetPreview, SetSaved};
use crate::error::{AppError, FieldErrors, Result};
use crate::ids::TherapistLinkId;

use super::extract::{Params, Segment};
use super::form::{CsrfForm, KeptForm};
use super::pages::Layout;
use super::session::Person;
use super::therapists::Notice;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/therapist/sets", get(show_sets).post(submit_new_set))
        .route("/therapist/sets/new", get(show_new_set))
        .route("/therapist/sets/{id}", get(show_set))
        .route(
            "/therapist/sets/{id}/edit",
            get(show_edit_set).post(submit_edit_set),
        )
        .route(
            "/therapist/sets/{id}/retire",
            get(show_retire_set).post(submit_retire_set),
        )
}

#[derive(Template, WebTemplate)]
#[template(path = "therapists/sets.html")]
struct SetsPage {
    layout: Layout,
    notice: &'static str,
    own: Vec<OwnSet>,
    library: Vec<PromptSet>,
}

async fn show_sets(
    State(state): State<AppState>,
    person: Person,
    Params(q): Params<Notice>,
) -> Result<SetsPage> {
    let layout = Layout::for_person(&person);
    let (own, mut library) = therapists::set_lists(&state.db, &person).await?;
    for s in &mut library {
        super::library::set(layout.lang, s);
    }
    let notice = match q.done.as_str() {
        "created" => "ther-notice-set-created",
        "edited" => "ther-notice-set-edited",
        "new-version" => "ther-notice-set-new-version",
        "retired" => "ther-notice-set-retired",
        _ => "",
    };
    Ok(SetsPage {
        layout,
        notice,
        own,
        library,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "therapists/set.html")]
struct SetPage {
    layout: Layout,
    set: SetPreview,
    /// Where "back" goes: the couple the therapist came from, or their sets.
    back: String,
}

#[derive(Deserialize, Default)]
struct PreviewQuery {
    /// The couple's link, when opened from the exercise form.
    #[serde(default)]
    couple: String,
}

async fn show_set(
    State(state): State<AppState>,
    person: Person,
    Segment(id): Segment,
    Params(q): Params<PreviewQuery>,
) -> Result<SetPage> {
    let layout = Layout::for_person(&person);
    let mut set = therapists::preview_set(&state.db, &person, &id).await?;
    super::library::preview(layout.lang, &mut set);
    let back = match q.couple.parse::<TherapistLinkId>() {
        Ok(link) => format!("/therapist/couples/{link}"),
        Err(_) => "/therapist/sets".to_owned(),
    };
    Ok(SetPage { layout, set, back })
}

/// The form to write a set, or to change one.
#[derive(Template, WebTemplate)]
#[template(path = "therapists/set_form.html")]
struct SetFormPage {
    layout: Layout,
    /// Where the form posts.
    action: String,
    /// Changing a set couples used: saving makes a new version.
    used: bool,
    /// The set's id when changing it.
    editing: Option<String>,
    title: String,
    description: String,
    drafts: Vec<PromptDraft>,
    errors: FieldErrors,
}

async fn show_new_set(person: Person) -> Result<SetFormPage> {
    // Only a therapist has this page (the domain checks again on saving).
    if !person.is_therapist {
        return Err(AppError::NotFound);
    }
    Ok(SetFormPage {
        layout: Layout::for_person(&person),
        action: "/therapist/sets".into(),
        used: false,
        editing: None,
        title: String::new(),
        description: String::new(),
        drafts: therapists::drafts_from(&[]),
        errors: FieldErrors::default(),
    })
}

/// The set form as posted: every field kept, so the form can be shown again as typed.
struct PostedSet {
    fields: Vec<(String, String)>,
}

impl PostedSet {
    fn field(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

async fn submit_new_set(
    State(state): State<AppState>,
    person: Person,
    KeptForm { form, problems }: KeptForm<Vec<(String, String)>>,
) -> Result<Response> {
    let posted = PostedSet { fields: form };
    let (title, description) = (posted.field("title"), posted.field("description"));
    let drafts = therapists::drafts_from(&posted.fields);
    let created = async {
        problems.into_result()?;
        therapists::check_set_fields(&posted.fields)?;
        therapists::create_set(&state.db, &person, &title, &description, &drafts).await
    }
    .await;
    match created {
        Ok(_) => Ok(Redirect::to("/therapist/sets?done=created").into_response()),
        Err(AppError::Invalid(errors)) => {
            let page = SetFormPage {
                layout: Layout::for_person(&person),
                action: "/therapist/sets".into(),
                used: false,
                editing: None,
                title,
                description,
                drafts,
                errors,
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

async fn show_edit_set(
    State(state): State<AppState>,
    person: Person,
    Segment(id): Segment,
) -> Result<SetFormPage> {
    let set = therapists::editable_set(&state.db, &person, &id).await?;
    Ok(SetFormPage {
        layout: Layout::for_person(&person),
        action: format!("/therapist/sets/{}/edit", set.id),
        used: set.used,
        editing: Some(set.id),
        title: set.title,
        description: set.description,
        drafts: set.drafts,
        errors: FieldErrors::default(),
    })
}

async fn submit_edit_set(
    State(state): State<AppState>,
    person: Person,
    Segment(id): Segment,
    KeptForm { form, problems }: KeptForm<Vec<(String, String)>>,
) -> Result<Response> {
    // Whose set it is comes first: nobody else learns anything from the form's checks.
    let set = therapists::own_set(&state.db, &person, &id).await?;
    let posted = PostedSet { fields: form };
    let (title, description) = (posted.field("title"), posted.field("description"));
    let drafts = therapists::drafts_from(&posted.fields);
    let saved = async {
        problems.into_result()?;
        therapists::check_set_fields(&posted.fields)?;
        therapists::edit_set(
            &state.db,
            &state.clock,
            &person,
            &set.prompt_set_id,
            &title,
            &description,
            &drafts,
        )
        .await
    }
    .await;
    match saved {
        Ok(SetSaved::Edited) => Ok(Redirect::to("/therapist/sets?done=edited").into_response()),
        Ok(SetSaved::NewVersion) => {
            Ok(Redirect::to("/therapist/sets?done=new-version").into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let page = SetFormPage {
                layout: Layout::for_person(&person),
                action: format!("/therapist/sets/{}/edit", set.prompt_set_id),
                used: set.used,
                editing: Some(set.prompt_set_id),
                title,
                description,
                drafts,
                errors,
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "therapists/retire_set.html")]
struct RetireSetPage {
    layout: Layout,
    set: OwnSet,
}

async fn show_retire_set(
    State(state): State<AppState>,
    person: Person,
    Segment(id): Segment,
) -> Result<RetireSetPage> {
    Ok(RetireSetPage {
        layout: Layout::for_person(&person),
        set: therapists::own_set(&state.db, &person, &id).await?,
    })
}

/// A confirmation page's form: `confirm=yes` from its button.
#[derive(Deserialize)]
pub(super) struct ConfirmForm {
    #[serde(default)]
    pub confirm: String,
}

async fn submit_retire_set(
    State(state): State<AppState>,
    person: Person,
    Segment(id): Segment,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> Result<Redirect> {
    let set = therapists::own_set(&state.db, &person, &id).await?;
    if form.confirm != "yes" {
        return Ok(Redirect::to(&format!(
            "/therapist/sets/{}/retire",
            set.prompt_set_id
        )));
    }
    therapists::retire_set(&state.db, &state.clock, &person, &set.prompt_set_id).await?;
    Ok(Redirect::to("/therapist/sets?done=retired"))
}
