//! Therapist pages (dashboard, one couple) and the couple's side (invite, consent, revoke,
//! access log).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

use crate::app::AppState;
use crate::domain::therapists::{self, Access, ConsentLevel, CoupleLink, CoupleView, Dashboard};
use crate::error::{AppError, FieldErrors, Result};
use crate::store::{self, prompts::PromptSetRow};

use super::extract::{Params, Segment};
use super::form::{CsrfForm, KeptForm};
use super::pages::Layout;
use super::session::Person;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/therapist", get(show_dashboard))
        .route("/therapist/code", post(submit_new_code))
        .route("/therapist/sets/new", get(show_new_set))
        .route("/therapist/sets", post(submit_new_set))
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

fn parse_link(raw: &str) -> Result<uuid::Uuid> {
    uuid::Uuid::parse_str(raw).map_err(|_| AppError::NotFound)
}

#[derive(Template, WebTemplate)]
#[template(path = "therapists/dashboard.html")]
struct DashboardPage {
    layout: Layout,
    dashboard: Dashboard,
}

async fn show_dashboard(State(state): State<AppState>, person: Person) -> Result<DashboardPage> {
    Ok(DashboardPage {
        layout: Layout::for_person(&person),
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
    Ok(Redirect::to("/therapist"))
}

#[derive(Template, WebTemplate)]
#[template(path = "therapists/couple.html")]
struct TherapistCouplePage {
    layout: Layout,
    link: String,
    view: CoupleView,
    sets: Vec<PromptSetRow>,
    form: AssignmentForm,
    errors: FieldErrors,
}

#[derive(Deserialize, Default)]
struct AssignmentForm {
    #[serde(default)]
    prompt_set_id: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    target_count: String,
    #[serde(default)]
    ends_on: String,
}

async fn therapist_couple_page(
    state: &AppState,
    person: &Person,
    link: uuid::Uuid,
    form: AssignmentForm,
    errors: FieldErrors,
) -> Result<TherapistCouplePage> {
    let view = therapists::couple_view(&state.db, &state.clock, person, link).await?;
    Ok(TherapistCouplePage {
        layout: Layout::for_person(person),
        link: link.to_string(),
        view,
        sets: store::prompts::list_sets(&state.db, Some(person.user_id)).await?,
        form,
        errors,
    })
}

async fn submit_assignment(
    State(state): State<AppState>,
    person: Person,
    Segment(link): Segment,
    KeptForm { form, problems }: KeptForm<AssignmentForm>,
) -> Result<Response> {
    let link = parse_link(&link)?;
    let input = therapists::AssignmentInput {
        prompt_set_id: &form.prompt_set_id,
        note: &form.note,
        starts_on: &form.starts_on,
        target_count: &form.target_count,
        ends_on: &form.ends_on,
    };
    let assigned = async {
        problems.into_result()?;
        therapists::assign(&state.db, &state.clock, &person, link, input).await
    }
    .await;
    match assigned {
        Ok(()) => Ok(Redirect::to(&format!("/therapist/couples/{link}")).into_response()),
        Err(AppError::Invalid(errors)) => {
            let page = therapist_couple_page(&state, &person, link, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

async fn show_couple(
    State(state): State<AppState>,
    person: Person,
    Segment(link): Segment,
) -> Result<TherapistCouplePage> {
    let form = AssignmentForm {
        target_count: "3".into(),
        ..AssignmentForm::default()
    };
    therapist_couple_page(
        &state,
        &person,
        parse_link(&link)?,
        form,
        FieldErrors::default(),
    )
    .await
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

#[derive(Deserialize, Default)]
struct Notice {
    #[serde(default)]
    done: String,
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
        "invited" => "Invitation sent. Your therapist sees nothing until your partner agrees too.",
        "consent" => "Your choice is saved.",
        "revoked" => "Done. Your therapist no longer sees anything of either of you, past or future, and your partner has been told.",
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
    Segment(link): Segment,
    CsrfForm(form): CsrfForm<ConsentForm>,
) -> Result<Redirect> {
    therapists::consent(
        &state.db,
        &state.clock,
        &person,
        parse_link(&link)?,
        &form.level,
    )
    .await?;
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
    Segment(link): Segment,
) -> Result<RevokePage> {
    let link = own_open_link(&state, &person, parse_link(&link)?).await?;
    Ok(RevokePage {
        layout: Layout::for_person(&person),
        partner_name: person.partner_name.clone().unwrap_or_default(),
        link,
    })
}

/// One of the person's couple's open links; anything else is not found.
async fn own_open_link(state: &AppState, person: &Person, id: uuid::Uuid) -> Result<CoupleLink> {
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
    Segment(link): Segment,
    CsrfForm(form): CsrfForm<RevokeForm>,
) -> Result<Redirect> {
    let id = parse_link(&link)?;
    if form.confirm != "yes" {
        // Not confirmed: ask first (another couple's link stays not found).
        own_open_link(&state, &person, id).await?;
        return Ok(Redirect::to(&format!("/couple/therapist/{id}/revoke")));
    }
    therapists::revoke(&state.db, &state.clock, &person, id).await?;
    Ok(Redirect::to("/couple/therapist?done=revoked"))
}

#[derive(Template, WebTemplate)]
#[template(path = "therapists/new_set.html")]
struct NewSetPage {
    layout: Layout,
    title: String,
    description: String,
    drafts: Vec<therapists::PromptDraft>,
    errors: FieldErrors,
}

async fn show_new_set(person: Person) -> Result<NewSetPage> {
    if !person.is_therapist {
        return Err(AppError::NotFound);
    }
    Ok(NewSetPage {
        layout: Layout::for_person(&person),
        title: String::new(),
        description: String::new(),
        drafts: therapists::drafts_from(&[]),
        errors: FieldErrors::default(),
    })
}

async fn submit_new_set(
    State(state): State<AppState>,
    person: Person,
    KeptForm {
        form: fields,
        problems,
    }: KeptForm<Vec<(String, String)>>,
) -> Result<Response> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let (title, description) = (field("title"), field("description"));
    let drafts = therapists::drafts_from(&fields);
    let created = async {
        problems.into_result()?;
        therapists::check_set_fields(&fields)?;
        therapists::create_set(&state.db, &person, &title, &description, &drafts).await
    }
    .await;
    match created {
        Ok(_) => Ok(Redirect::to("/therapist?done=set").into_response()),
        Err(AppError::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            NewSetPage {
                layout: Layout::for_person(&person),
                title,
                description,
                drafts,
                errors,
            },
        )
            .into_response()),
        Err(e) => Err(e),
    }
}
