//! The couple summary page.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;

use crate::app::AppState;
use crate::domain::care;
use crate::domain::summaries::{self, Summary};
use crate::error::Result;

use super::pages::Layout;
use super::session::Person;

pub fn router() -> Router<AppState> {
    Router::new().route("/summary", get(show_summary))
}

#[derive(Template, WebTemplate)]
#[template(path = "summary.html")]
struct SummaryPage {
    layout: Layout,
    partner_name: String,
    summary: Summary,
    /// The person's own recent answers call for a note of care (shown to them only).
    care: bool,
    has_therapist: bool,
}

async fn show_summary(State(state): State<AppState>, person: Person) -> Result<Response> {
    // Only a linked couple has a shared summary; after unlinking there is none to show.
    let Some(couple) = person.couple_id else {
        return Ok(Redirect::to("/couple").into_response());
    };
    let summary = summaries::for_couple(&state.db, couple, person.user_id).await?;
    let care = care::in_recent_checkins(&state.db, couple, person.user_id).await?;
    Ok(SummaryPage {
        layout: Layout::for_person(&person),
        partner_name: person.partner_name.clone().unwrap_or_default(),
        summary,
        care,
        has_therapist: person.has_therapist,
    }
    .into_response())
}
