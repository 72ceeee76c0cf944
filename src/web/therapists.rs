//! Therapist pages (dashboard, one couple, assigning an exercise) and the couple's side
//! (invite, consent, revoke, access log). A therapist's sets are `therapist_sets`'s, changing
//! and cancelling exercises `therapist_exercises`'s.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

use crate::app::AppState;
use crate::domain::therapists::{
    self, Access, ConsentLevel, CoupleLink, CoupleView, Dashboard, OfferedSet,
};
use crate::error::{AppError, FieldErrors, Result};
use crate::ids::TherapistLinkId;

use super::extract::{Params, Segment};
use super::form::{CsrfForm, KeptForm};
use super::pages::Layout;
use super::session::Person;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/therapist", get(show_dashboard))
        .route("/therapist/code", post(submit_new_code))
        .route("/therapist/couples/{link}", get(show_couple))
        .route(
            "/therapist/couples/{link}/assignments",
            post(submit_assignment),
        )
        .route("/couple/therapist", get(show_couple_therapists))
        .route("/couple/therapist/invite", post(submit_invite))
        .route("/couple/therapist/{link}/consent", post(submit_consent))
        .route(
            "/couple/therapist/{link}/revoke",
            get(show_revoke).post(submit_revoke),
        )
}

/// The message naming a consent level, for the pages that show one.
pub(super) fn level_id(level: impl std::borrow::Borrow<ConsentLevel>) -> &'static str {
    match level.borrow() {
        ConsentLevel::Status => "ther-level-status",
        ConsentLevel::Scales => "ther-level-scales",
        ConsentLevel::Words => "ther-level-words",
    }
}

/// The message for what a look in the access log showed; `None` for words the log holds
/// that are not one of ours (shown as stored).
pub(super) fn viewed_id(stored: &str) -> Option<&'static str> {
    Some(match ConsentLevel::from_viewed(stored)? {
        ConsentLevel::Status => "ther-viewed-status",
        ConsentLevel::Scales => "ther-viewed-scales",
        ConsentLevel::Words => "ther-viewed-words",
    })
}

/// The sets a therapist may give, with the library's in `lang`.
pub(super) fn offered_sets(lang: super::i18n::Lang, mut sets: Vec<OfferedSet>) -> Vec<OfferedSet> {
    for o in &mut sets {
        super::library::set(lang, &mut o.set);
    }
    sets
}

/// The `?done=` of a page a therapist's action redirects to.
#[derive(Deserialize, Default)]
pub(super) struct Notice {
    #[serde(default)]
    pub done: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "therapists/dashboard.html")]
struct DashboardPage {
    layout: Layout,
    notice: &'static str,
    /// What changed since the last visit (a couple stopped sharing), until dismissed.
    notices: Vec<crate::domain::notices::Notice>,
    dashboard: Dashboard,
}

async fn show_dashboard(
    State(state): State<AppState>,
    person: Person,
    Params(q): Params<Notice>,
) -> Result<DashboardPage> {
    let notice = match q.done.as_str() {
        "code" => "ther-notice-code",
        _ => "",
    };
    let notices = if person.has_notices {
        crate::domain::notices::for_person(&state.db, person.user_id).await?
    } else {
        Vec::new()
    };
    Ok(DashboardPage {
        layout: Layout::for_person(&person),
        notice,
        notices,
        dashboard: therapists::dashboard(&state.db, &state.clock, &person).await?,
    })
}

#[derive(Deserialize)]
struct Empty {}

async fn submit_new_code(
    State(state): State<AppState>,
    person: Person,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Redirect> {
    therapists::renew_share_code(&state.db, &state.clock, &person).await?;
    Ok(Redirect::to("/therapist?done=code"))
}

#[derive(Template, WebTemplate)]
#[template(path = "therapists/couple.html")]
struct TherapistCouplePage {
    layout: Layout,
    notice: &'static str,
    link: TherapistLinkId,
    view: CoupleView,
    sets: Vec<OfferedSet>,
    form: AssignmentForm,
    errors: FieldErrors,
}

/// The exercise form, as typed (assigning here; changing in `therapist_exercises`).
#[derive(Deserialize, Default)]
pub(super) struct AssignmentForm {
    #[serde(default)]
    pub prompt_set_id: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub target_count: String,
    #[serde(default)]
    pub ends_on: String,
}

impl AssignmentForm {
    pub fn input(&self) -> therapists::AssignmentInput<'_> {
        therapists::AssignmentInput {
            prompt_set_id: &self.prompt_set_id,
            note: &self.note,
            starts_on: &self.starts_on,
            target_count: &self.target_count,
            ends_on: &self.ends_on,
        }
    }
}

async fn therapist_couple_page(
    state: &AppState,
    person: &Person,
    link: TherapistLinkId,
    notice: &'static str,
    form: AssignmentForm,
    errors: FieldErrors,
) -> Result<TherapistCouplePage> {
    let layout = Layout::for_person(person);
    let mut view = therapists::couple_view(&state.db, &state.clock, person, link).await?;
    for a in &mut view.assignments {
        super::library::assignment(layout.lang, a);
    }
    if let Some(summary) = view.summary.as_mut() {
        super::library::couple_summary(layout.lang, summary);
    }
    let sets = offered_sets(
        layout.lang,
        therapists::sets_to_assign(&state.db, person, None).await?,
    );
    Ok(TherapistCouplePage {
        layout,
        notice,
        link,
        view,
        sets,
        form,
        errors,
    })
}

async fn submit_assignment(
    State(state): State<AppState>,
    person: Person,
    Segment(link): Segment<TherapistLinkId>,
    KeptForm { form, problems }: KeptForm<AssignmentForm>,
) -> Result<Response> {
    let assigned = async {
        problems.into_result()?;
        therapists::assign(&state.db, &state.clock, &person, link, form.input()).await
    }
    .await;
    match assigned {
        Ok(()) => {
            Ok(Redirect::to(&format!("/therapist/couples/{link}?done=assigned")).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            let page = therapist_couple_page(&state, &person, link, "", form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

async fn show_couple(
    State(state): State<AppState>,
    person: Person,
    Segment(link): Segment<TherapistLinkId>,
    Params(q): Params<Notice>,
) -> Result<TherapistCouplePage> {
    let form = AssignmentForm {
        target_count: "3".into(),
        ..AssignmentForm::default()
    };
    let notice = match q.done.as_str() {
        "assigned" => "ther-notice-assigned",
        "exercise-saved" => "ther-notice-exercise-saved",
        "cancelled" => "ther-notice-cancelled",
        _ => "",
    };
    therapist_couple_page(&state, &person, link, notice, form, FieldErrors::default()).await
}

#[derive(Template, WebTemplate)]
#[template(path = "therapists/for_couple.html")]
struct CoupleTherapistsPage {
    layout: Layout,
    partner_name: String,
    links: Vec<CoupleLink>,
    log: Vec<Access>,
    levels: [ConsentLevel; 3],
    code: String,
    level: String,
    notice: &'static str,
    errors: FieldErrors,
}

async fn couple_therapists_page(
    state: &AppState,
    person: &Person,
    code: String,
    level: String,
    notice: &'static str,
    errors: FieldErrors,
) -> Result<CoupleTherapistsPage> {
    let couple = person.couple_id.ok_or(AppError::NotFound)?;
    Ok(CoupleTherapistsPage {
        layout: Layout::for_person(person),
        partner_name: person.partner_name.clone().unwrap_or_default(),
        links: therapists::couple_links(&state.db, couple, person.user_id).await?,
        log: therapists::access_log(&state.db, couple).await?,
        levels: ConsentLevel::ALL,
        code,
        level,
        notice,
        errors,
    })
}

async fn show_couple_therapists(
    State(state): State<AppState>,
    person: Person,
    Params(q): Params<Notice>,
) -> Result<Response> {
    if person.couple_id.is_none() {
        return Ok(Redirect::to("/couple").into_response());
    }
    let notice = match q.done.as_str() {
        "invited" => "ther-notice-invited",
        "consent" => "ther-notice-consent",
        "revoked" => "ther-notice-revoked",
        _ => "",
    };
    Ok(couple_therapists_page(
        &state,
        &person,
        String::new(),
        "1".into(),
        notice,
        FieldErrors::default(),
    )
    .await?
    .into_response())
}

#[derive(Deserialize)]
struct InviteForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    level: String,
}

async fn submit_invite(
    State(state): State<AppState>,
    person: Person,
    KeptForm { form, problems }: KeptForm<InviteForm>,
) -> Result<Response> {
    let invited = async {
        problems.into_result()?;
        therapists::invite(&state.db, &state.clock, &person, &form.code, &form.level).await
    }
    .await;
    let (status, errors, retry) = match invited {
        Ok(()) => return Ok(Redirect::to("/couple/therapist?done=invited").into_response()),
        Err(AppError::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
        Err(AppError::RateLimited(errors, secs)) => {
            (StatusCode::TOO_MANY_REQUESTS, errors, Some(secs))
        }
        Err(e) => return Err(e),
    };
    let page = couple_therapists_page(&state, &person, form.code, form.level, "", errors).await?;
    Ok(super::form_again(status, page, retry))
}

#[derive(Deserialize)]
struct ConsentForm {
    #[serde(default)]
    level: String,
}

async fn submit_consent(
    State(state): State<AppState>,
    person: Person,
    Segment(link): Segment<TherapistLinkId>,
    CsrfForm(form): CsrfForm<ConsentForm>,
) -> Result<Redirect> {
    therapists::consent(&state.db, &state.clock, &person, link, &form.level).await?;
    Ok(Redirect::to("/couple/therapist?done=consent"))
}

#[derive(Template, WebTemplate)]
#[template(path = "therapists/revoke.html")]
struct RevokePage {
    layout: Layout,
    partner_name: String,
    link: CoupleLink,
}

/// Asks before stopping: it ends the link for both partners.
async fn show_revoke(
    State(state): State<AppState>,
    person: Person,
    Segment(link): Segment<TherapistLinkId>,
) -> Result<RevokePage> {
    let link = own_open_link(&state, &person, link).await?;
    Ok(RevokePage {
        layout: Layout::for_person(&person),
        partner_name: person.partner_name.clone().unwrap_or_default(),
        link,
    })
}

/// One of the person's couple's open links; anything else is not found.
async fn own_open_link(
    state: &AppState,
    person: &Person,
    id: TherapistLinkId,
) -> Result<CoupleLink> {
    let couple = person.couple_id.ok_or(AppError::NotFound)?;
    therapists::couple_links(&state.db, couple, person.user_id)
        .await?
        .into_iter()
        .find(|l| l.link_id == id)
        .ok_or(AppError::NotFound)
}

#[derive(Deserialize)]
struct RevokeForm {
    /// "yes" from the confirmation page.
    #[serde(default)]
    confirm: String,
}

async fn submit_revoke(
    State(state): State<AppState>,
    person: Person,
    Segment(id): Segment<TherapistLinkId>,
    CsrfForm(form): CsrfForm<RevokeForm>,
) -> Result<Redirect> {
    if form.confirm != "yes" {
        // Not confirmed: ask first (another couple's link stays not found).
        own_open_link(&state, &person, id).await?;
        return Ok(Redirect::to(&format!("/couple/therapist/{id}/revoke")));
    }
    therapists::revoke(&state.db, &state.clock, &person, id).await?;
    Ok(Redirect::to("/couple/therapist?done=revoked"))
}
