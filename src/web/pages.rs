//! The home page, and the frame every page shares.

use askama::Template;
use askama_web::WebTemplate;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use secrecy::ExposeSecret;

use super::errors::ErrorPageText;
use super::i18n::{self, Arg, Lang, Text};
use crate::app::AppState;
use crate::domain::checkins::{self, CheckinSummary};
use crate::domain::sessions::SessionPerson;
use crate::domain::time_zone::Zone;
use crate::error::Result;

use super::session::{session_cookie_name, Visitor};

/// What the shared frame (header, navigation, sign-out form) needs. No `Debug`: it holds
/// the CSRF token.
#[derive(Clone, Default)]
pub struct Layout {
    pub signed_in: bool,
    pub name: String,
    pub csrf: String,
    pub linked: bool,
    pub therapist: bool,
    /// The zone every date and time on the page is shown in (UTC before sign-in).
    pub zone: Zone,
    /// The language of the page's words: the person's own, or before sign-in the one
    /// the visitor chose or their browser asks for.
    pub lang: Lang,
}

impl Layout {
    pub fn for_person(p: &SessionPerson) -> Layout {
        Layout {
            signed_in: true,
            name: p.display_name.clone(),
            csrf: p.csrf_token.expose_secret().to_owned(),
            linked: p.couple_id.is_some(),
            therapist: p.is_therapist,
            zone: Zone::from_stored(&p.time_zone),
            lang: Lang::from_stored(&p.language),
        }
    }

    /// `3 Mar 2026, 14:05` on the clocks of the person's zone, in the page's language.
    pub fn datetime(&self, at: impl std::borrow::Borrow<time::OffsetDateTime>) -> String {
        super::fmt::datetime_in(self.lang, self.zone.local(*at.borrow()))
    }

    /// `3 Mar 2026`, the day `at` falls on in the person's zone, in the page's language.
    pub fn date(&self, at: impl std::borrow::Borrow<time::OffsetDateTime>) -> String {
        super::fmt::date_in(self.lang, self.zone.today(*at.borrow()))
    }

    /// A calendar day as it is (a check-in's date, an exercise's start), in the page's
    /// language: `3 Mar 2026`, `3. März 2026`.
    pub fn day(&self, d: impl std::borrow::Borrow<time::Date>) -> String {
        super::fmt::date_in(self.lang, *d.borrow())
    }

    /// For pages shown before sign-in, whose forms carry the visitor's CSRF cookie value.
    pub fn anonymous(csrf: String) -> Layout {
        Layout {
            csrf,
            ..Layout::default()
        }
    }

    /// The other languages, for the signed-out pages' small language links.
    pub fn other_languages(&self) -> Vec<Lang> {
        Lang::all().filter(|l| *l != self.lang).collect()
    }

    /// The same frame, in `lang`.
    pub fn in_lang(self, lang: Lang) -> Layout {
        Layout { lang, ..self }
    }

    /// Message `id` in the page's language.
    pub fn t(&self, id: &str) -> Text {
        i18n::t(self.lang, id, &[])
    }

    /// Message `id` with one argument (`{ $name }` in the catalogue).
    pub fn t1(&self, id: &str, name: &str, value: impl Arg) -> Text {
        i18n::t(self.lang, id, &[(name, &value)])
    }

    /// Message `id` with two arguments.
    pub fn t2(&self, id: &str, n1: &str, v1: impl Arg, n2: &str, v2: impl Arg) -> Text {
        i18n::t(self.lang, id, &[(n1, &v1), (n2, &v2)])
    }

    /// A message the domain named (a form field's error), in the page's language.
    pub fn message(&self, m: &crate::error::Message) -> Text {
        i18n::message(self.lang, m)
    }

    /// A count in running text: `six`, `14`.
    pub fn count(&self, n: impl Arg) -> Text {
        self.t1("count-words", "n", n)
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
    /// How many questions an after-intimacy check-in asks.
    after_count: i64,
}

async fn show_home(
    State(state): State<AppState>,
    Visitor(visitor): Visitor,
    lang: Lang,
) -> Result<Response> {
    let Some(person) = visitor else {
        let n = crate::domain::prompts::after_intimacy_count(&state.db).await?;
        return Ok(LandingPage {
            layout: Layout::default().in_lang(lang),
            after_count: n,
        }
        .into_response());
    };
    // A therapist's home is their dashboard, unless they are also a partner in a couple.
    if person.is_therapist && person.couple_id.is_none() {
        return Ok(axum::response::Redirect::to("/therapist").into_response());
    }
    let layout = Layout::for_person(&person);
    let (mut open, mut recent) = checkins::for_home(&state.db, person.user_id, 5).await?;
    open.iter_mut()
        .chain(recent.iter_mut())
        .for_each(|c| super::library::summary(layout.lang, c));
    let mut assignments = match person.couple_id {
        Some(c) if person.has_therapist => {
            crate::domain::therapists::assignments_for_couple(&state.db, &state.clock, c).await?
        }
        _ => Vec::new(),
    };
    assignments
        .iter_mut()
        .for_each(|a| super::library::assignment(layout.lang, a));
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
        layout,
        partner_name: person.partner_name.clone(),
        notices,
        waiting_therapists,
        assignments,
        open,
        recent,
    }
    .into_response())
}

/// Error pages are made where nobody has been looked up (the router's fallback, an
/// extractor, a domain call deep down), so they come out in the signed-out frame. For a
/// signed-in person this renders them again in their own frame, so a missing page keeps
/// their header and menu. It costs one session query, and only on an error page that
/// came with a session cookie; a 5xx is left alone (the database may be what failed).
/// Someone signed out gets it in the language their browser asks for.
pub(super) async fn errors_in_frame(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let token = axum_extra::extract::CookieJar::from_headers(req.headers())
        .get(session_cookie_name(state.config.https))
        .map(|c| c.value().to_owned());
    let lang = Lang::of_request(req.headers(), req.uri().query());
    let res = next.run(req).await;
    let Some(text) = res.extensions().get::<ErrorPageText>().copied() else {
        return res;
    };
    let in_lang = |res: Response| {
        if lang == Lang::default() {
            return res;
        }
        let (mut parts, _) = res.into_parts();
        parts.headers.remove(axum::http::header::CONTENT_LENGTH);
        Response::from_parts(
            parts,
            Body::from(text.render(Layout::default().in_lang(lang))),
        )
    };
    let Some(token) = token else {
        return in_lang(res);
    };
    if res.status().is_server_error() {
        return in_lang(res);
    }
    let policy = state.config.session_policy();
    let person =
        match crate::domain::sessions::person(&state.db, &state.clock, policy, &token).await {
            Ok(Some(person)) => person,
            Ok(None) => return in_lang(res),
            Err(e) => {
                tracing::warn!(error = ?e, "could not look up the person for an error page");
                return res;
            }
        };
    let (mut parts, _) = res.into_parts();
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(text.render(Layout::for_person(&person))))
}
