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

use super::i18n::{t, Lang, Text};
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
    /// The sentences about who opened check-ins, which take more figures than a
    /// template's `layout.t2` does.
    started: Text,
    started_all: Text,
    /// The person's own recent answers call for a note of care (shown to them only).
    care: bool,
    has_therapist: bool,
}

/// "Who opened check-ins here in the app: you 3 (60%), Sam 2 (40%)." and the sentence
/// after it, in `lang`.
fn started_sentences(lang: Lang, partner: &str, s: &Summary) -> (Text, Text) {
    let started = t(
        lang,
        "summary-started",
        &[
            ("you", &s.started.you),
            ("you_percent", &s.started.you_percent()),
            ("partner", &partner),
            ("partner_count", &s.started.partner),
            ("partner_percent", &s.started.partner_percent()),
        ],
    );
    let id = if s.not_completed() > 0 {
        "summary-started-all-open"
    } else {
        "summary-started-all"
    };
    let all = t(
        lang,
        id,
        &[
            ("total", &s.started.total()),
            ("completed", &s.completed),
            ("open", &s.not_completed()),
        ],
    );
    (started, all)
}

async fn show_summary(State(state): State<AppState>, person: Person) -> Result<Response> {
    // Only a linked couple has a shared summary; after unlinking there is none to show.
    let Some(couple) = person.couple_id else {
        return Ok(Redirect::to("/couple").into_response());
    };
    let layout = Layout::for_person(&person);
    let mut summary = summaries::for_couple(&state.db, couple, person.user_id).await?;
    super::library::couple_summary(layout.lang, &mut summary);
    let care = care::in_recent_checkins(&state.db, couple, person.user_id).await?;
    let partner_name = person.partner_name.clone().unwrap_or_default();
    let (started, started_all) = started_sentences(layout.lang, &partner_name, &summary);
    Ok(SummaryPage {
        layout,
        partner_name,
        summary,
        started,
        started_all,
        care,
        has_therapist: person.has_therapist,
    }
    .into_response())
}
