//! The home page, and the frame every page shares.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::app::AppState;
use crate::domain::checkins::{self, CheckinSummary};
use crate::error::Result;
use crate::store::sessions::SessionPerson;

use super::session::Visitor;

/// What the shared frame (header, navigation, sign-out form) needs.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub signed_in: bool,
    pub name: String,
    pub csrf: String,
    pub linked: bool,
    pub therapist: bool,
}

impl Layout {
    pub fn for_person(p: &SessionPerson) -> Layout {
        Layout {
            signed_in: true,
            name: p.display_name.clone(),
            csrf: p.csrf_token.clone(),
            linked: p.couple_id.is_some(),
            therapist: p.is_therapist,
        }
    }

    /// For pages shown before sign-in, whose forms carry the visitor's CSRF cookie value.
    pub fn anonymous(csrf: String) -> Layout {
        Layout {
            csrf,
            ..Layout::default()
        }
    }
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(show_home))
        .route("/notices/{id}/dismiss", post(submit_dismiss_notice))
}

#[derive(serde::Deserialize)]
struct Empty {}

/// Dismisses one of the person's notices; anyone else's is not found.
async fn submit_dismiss_notice(
    State(state): State<AppState>,
    person: super::session::Person,
    super::extract::Segment(id): super::extract::Segment,
    super::form::CsrfForm(_): super::form::CsrfForm<Empty>,
) -> Result<Redirect> {
    let id: i64 = id.parse().map_err(|_| crate::error::AppError::NotFound)?;
    crate::domain::notices::dismiss(&state.db, person.user_id, id).await?;
    Ok(Redirect::to(if person.is_therapist {
        "/therapist"
    } else {
        "/"
    }))
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    partner_name: Option<String>,
    notices: Vec<crate::domain::notices::Notice>,
    /// Therapists the partner invited, waiting for this person's choice.
    waiting_therapists: Vec<String>,
    assignments: Vec<crate::domain::therapists::Assignment>,
    open: Vec<CheckinSummary>,
    recent: Vec<CheckinSummary>,
}

#[derive(Template, WebTemplate)]
#[template(path = "landing.html")]
struct LandingPage {
    layout: Layout,
    /// How many questions an after-intimacy check-in asks, in words.
    after_count: String,
}

async fn show_home(State(state): State<AppState>, Visitor(visitor): Visitor) -> Result<Response> {
    let Some(person) = visitor else {
        let n = crate::domain::prompts::after_intimacy_count(&state.db).await?;
        return Ok(LandingPage {
            layout: Layout::default(),
            after_count: super::fmt::count(n),
        }
        .into_response());
    };
    let (open, recent) = checkins::for_home(&state.db, person.user_id, 5).await?;
    let assignments = match person.couple_id {
        Some(c) if person.has_therapist => {
            crate::domain::therapists::assignments_for_couple(&state.db, &state.clock, c).await?
        }
        _ => Vec::new(),
    };
    // A therapist invitation waiting for this partner's own choice.
    let waiting_therapists = match person.couple_id {
        Some(c) if person.has_therapist => {
            crate::domain::therapists::couple_links(&state.db, c, person.user_id)
                .await?
                .into_iter()
                .filter(|l| l.waits_for_me())
                .map(|l| l.therapist_name)
                .collect()
        }
        _ => Vec::new(),
    };
    let notices = if person.has_notices {
        crate::domain::notices::for_person(&state.db, person.user_id).await?
    } else {
        Vec::new()
    };
    Ok(HomePage {
        layout: Layout::for_person(&person),
        partner_name: person.partner_name.clone(),
        notices,
        waiting_therapists,
        assignments,
        open,
        recent,
    }
    .into_response())
}
