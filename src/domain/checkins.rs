//! Check-ins: starting one, answering privately, the reveal, setting one aside.
//!
//! The privacy rule lives here and only here ([`partner_answers_visible`]): a partner's
//! answers are shown only once both have submitted, only while the couple is still
//! linked, and never an answer its author kept private.

use std::collections::HashMap;

use time::{Date, OffsetDateTime};

pub use super::prompts::{prompts_of, prompts_of_checkin, Prompt, PromptKind};
use crate::clock::Clock;
use crate::error::{AppError, FieldErrors, Result};
use crate::ids::{CheckinId, CoupleId, UserId};
use crate::store::answers::SaveOutcome;
use crate::store::checkins::CheckinRow;
use crate::store::{self, Db};

/// How many check-ins the list page shows.
pub const LIST_LIMIT: i64 = 100;

/// Where a check-in stands, as seen by one partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The viewer has not answered yet.
    YourTurn,
    /// The viewer has answered; the partner has not (yet).
    PartnerTurn,
    /// Both answered: the answers are side by side.
    Revealed,
    /// Someone set it aside before both answered.
    SetAside,
    /// The couple unlinked before both answered.
    Closed,
}

impl Status {
    fn of(row: &CheckinRow) -> Status {
        if row.revealed_at.is_some() {
            Status::Revealed
        } else if row.dismissed_at.is_some() {
            Status::SetAside
        } else if row.couple_ended_at.is_some() {
            Status::Closed
        } else if row.mine_submitted > 0 {
            Status::PartnerTurn
        } else {
            Status::YourTurn
        }
    }

    pub fn is_open(self) -> bool {
        matches!(self, Status::YourTurn | Status::PartnerTurn)
    }
}

/// The single rule for when a partner's answers may be shown to the viewer.
pub fn partner_answers_visible(row: &CheckinRow) -> bool {
    row.revealed_at.is_some() && row.couple_ended_at.is_none()
}

/// A check-in in a list.
#[derive(Debug, Clone)]
pub struct CheckinSummary {
    pub id: CheckinId,
    /// The set asked, by id, so the title can be put in the reader's language.
    pub prompt_set_id: String,
    pub set_title: String,
    pub moment_on: Option<Date>,
    /// The day it is about: `moment_on`, or the day it was started. Lists, summaries and
    /// exports order and label by it.
    pub dated_on: Date,
    pub created_at: OffsetDateTime,
    pub status: Status,
}

impl From<CheckinRow> for CheckinSummary {
    fn from(row: CheckinRow) -> Self {
        CheckinSummary {
            status: Status::of(&row),
            id: row.checkin_id,
            prompt_set_id: row.prompt_set_id,
            set_title: row.set_title,
            moment_on: row.moment_on,
            dated_on: row.dated_on,
            created_at: row.created_at,
        }
    }
}

/// What the home page shows: the open check-ins, and the `recent` newest of the others.
pub async fn for_home(
    db: &Db,
    viewer: UserId,
    recent: usize,
) -> Result<(Vec<CheckinSummary>, Vec<CheckinSummary>)> {
    let rows = store::checkins::list_home(db, viewer, recent as i64).await?;
    let (open, mut done): (Vec<_>, Vec<_>) = rows
        .into_iter()
        .map(CheckinSummary::from)
        .partition(|c| c.status.is_open());
    done.truncate(recent);
    Ok((open, done))
}

pub async fn list(db: &Db, viewer: UserId) -> Result<Vec<CheckinSummary>> {
    Ok(store::checkins::list_for_member(db, viewer, LIST_LIMIT)
        .await?
        .into_iter()
        .map(CheckinSummary::from)
        .collect())
}

/// One answer as shown.
#[derive(Debug, Clone)]
pub struct ShownAnswer {
    /// Written words as written; a choice's label or a scale's value in the library's
    /// English, which the web layer puts in the reader's language from `value`.
    pub text: String,
    /// A scale's value or a choice's 1-based position.
    pub value: Option<i32>,
    pub private: bool,
    /// The stored answer couldn't be read; `text` says so.
    pub unreadable: bool,
}

/// A prompt with the viewer's answer and, when visible, the partner's.
#[derive(Debug, Clone)]
pub struct Item {
    pub prompt: Prompt,
    pub mine: Option<ShownAnswer>,
    pub partner: Option<ShownAnswer>,
    /// The viewer's answer as a form value, and whether it is kept private.
    pub draft: String,
    pub draft_private: bool,
}

#[derive(Debug, Clone)]
pub struct CheckinView {
    pub summary: CheckinSummary,
    pub couple_id: CoupleId,
    /// The viewer may (still) answer or change their answers.
    pub can_answer: bool,
    /// The partner's answers are part of this view.
    pub partner_visible: bool,
    /// The partner deleted their account, and their answers with it.
    pub partner_deleted: bool,
    /// The viewer's own answers show pressure or unease: they (only they) see a note of
    /// care ([`super::care`]).
    pub care: bool,
    /// From an earlier time the viewer was linked with the partner they are linked with
    /// again now (its shared answers come back once both agree to bring back history).
    pub linked_again: bool,
    pub items: Vec<Item>,
}

/// A check-in as `viewer` may see it; another couple's check-in is not found.
pub async fn view(db: &Db, viewer: UserId, id: CheckinId) -> Result<CheckinView> {
    let row = store::checkins::find_for_member(db, id, viewer)
        .await?
        .ok_or(AppError::NotFound)?;
    let partner_visible = partner_answers_visible(&row);
    let answers = store::answers::list_answers(db, id, viewer, partner_visible).await?;
    let prompts = prompts_of_checkin(db, &row.prompt_set_id, id, viewer, partner_visible).await?;
    let care = prompts.iter().any(|p| {
        answers
            .iter()
            .filter(|a| a.user_id == viewer && a.prompt_id == p.id)
            .any(|a| super::care::answer_calls_for_care(p, a))
    });
    let items = prompts
        .into_iter()
        .map(|prompt| {
            let mine = answers
                .iter()
                .find(|a| a.user_id == viewer && a.prompt_id == prompt.id);
            // list_answers returned others' answers only when visible; check again so
            // this function alone is enough to read the rule.
            let partner = answers.iter().find(|a| {
                partner_visible && a.user_id != viewer && a.prompt_id == prompt.id && !a.is_private
            });
            Item {
                mine: mine.map(|a| ShownAnswer {
                    text: prompt.describe(a),
                    value: a.value_int,
                    private: a.is_private,
                    unreadable: a.unreadable,
                }),
                partner: partner.map(|a| ShownAnswer {
                    text: prompt.describe(a),
                    value: a.value_int,
                    private: false,
                    unreadable: a.unreadable,
                }),
                draft: mine.map(|a| prompt.raw(a)).unwrap_or_default(),
                draft_private: mine.is_some_and(|a| a.is_private),
                prompt,
            }
        })
        .collect();
    let linked_again = row.couple_ended_at.is_some()
        && row.member_deleted_at.is_none()
        && store::history::has_linked_again(db, row.couple_id, viewer).await?;
    let summary = CheckinSummary::from(row.clone());
    Ok(CheckinView {
        linked_again,
        can_answer: summary.status.is_open(),
        partner_visible,
        partner_deleted: row.member_deleted_at.is_some(),
        care,
        couple_id: row.couple_id,
        summary,
        items,
    })
}

/// Starts a check-in for the person's active couple from a set of the library. Without a
/// day given, it is dated by the day it is for the starter, in their time zone.
pub async fn start(
    db: &Db,
    clock: &Clock,
    person: &crate::domain::sessions::SessionPerson,
    prompt_set_id: &str,
    moment_on: &str,
    assignment: &str,
) -> Result<CheckinId> {
    let user = person.user_id;
    let couple = person
        .couple_id
        .ok_or(AppError::Conflict("not in a couple"))?;
    // A check-in for a therapist's exercise uses that exercise's set; the exercise must be
    // one of this couple's, from a therapist both partners still consent to.
    let (assignment, assigned_set) = if assignment.is_empty() {
        (None, None)
    } else {
        let id: crate::ids::AssignmentId = assignment.parse().map_err(|_| AppError::NotFound)?;
        let found = store::assignments::list_for_couple(db, couple)
            .await?
            .into_iter()
            .find(|a| a.assignment_id == id)
            .ok_or(AppError::NotFound)?;
        (Some(id), Some(found.prompt_set_id))
    };
    let prompt_set_id = assigned_set.as_deref().unwrap_or(prompt_set_id);
    let mut errors = FieldErrors::default();
    // Set ids are slugs; anything else cannot name one, so it is not looked up.
    let is_slug = !prompt_set_id.is_empty()
        && prompt_set_id.len() <= 64
        && prompt_set_id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    // Without an exercise, only the library's sets; a therapist's own set comes only
    // through an exercise they assigned (checked above).
    let known = assigned_set.is_some()
        || (is_slug
            && store::prompts::find_set_title(db, prompt_set_id, None)
                .await?
                .is_some());
    if !known {
        errors.add("prompt_set_id", "error-checkin-set");
    }
    let now = clock.now();
    let today = super::time_zone::Zone::from_stored(&person.time_zone).today(now);
    let moment = parse_moment(moment_on, today).unwrap_or_else(|msg| {
        errors.add("moment_on", msg);
        None
    });
    errors.into_result()?;
    let id = CheckinId::new();
    let new = store::checkins::NewCheckin {
        checkin_id: id,
        couple_id: couple,
        prompt_set_id,
        started_by: user,
        moment_on: moment,
        dated_on: moment.unwrap_or(today),
        assignment,
    };
    if store::checkins::insert_checkin(db, new, now).await? {
        Ok(id)
    } else {
        Err(AppError::Conflict("no longer in this couple"))
    }
}

/// An optional date from a date field (`YYYY-MM-DD`), not in the future.
fn parse_moment(raw: &str, today: Date) -> Result<Option<Date>, &'static str> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = Date::parse(raw, &format).map_err(|_| "error-checkin-date")?;
    // A day of slack: the person's time zone may not be where they are tonight.
    if date > today.next_day().unwrap_or(today) {
        return Err("error-checkin-date-future");
    }
    Ok(Some(date))
}

/// What a person typed into the answer form, kept to show the form again.
pub type Drafts = HashMap<String, (String, bool)>;

/// Saves the viewer's answers from the submitted form fields. On invalid input returns
/// the messages and leaves everything stored as it was.
pub async fn submit(
    db: &Db,
    clock: &Clock,
    viewer: UserId,
    id: CheckinId,
    fields: &[(String, String)],
) -> Result<bool> {
    let row = store::checkins::find_for_member(db, id, viewer)
        .await?
        .ok_or(AppError::NotFound)?;
    // The same prompts the viewer's form showed: with their own earlier answers only.
    let prompts = prompts_of_checkin(db, &row.prompt_set_id, id, viewer, false).await?;
    let drafts = drafts_from(fields);
    let mut errors = FieldErrors::default();
    let known = |k: &str| {
        prompts
            .iter()
            .any(|p| k == p.field() || k == p.private_field())
    };
    if fields.iter().any(|(k, _)| !known(k)) {
        errors.unknown_field();
    }
    let mut answers = Vec::new();
    for p in &prompts {
        let (raw, private) = drafts.get(&p.field()).cloned().unwrap_or_default();
        match p.parse(&raw, private) {
            Ok(Some(a)) => answers.push(a),
            Ok(None) => {}
            Err(msg) => errors.add(p.field(), msg),
        }
    }
    errors.into_result()?;
    match store::answers::update_answers(db, id, viewer, &answers, clock.now()).await? {
        SaveOutcome::Saved { revealed } => Ok(revealed),
        SaveOutcome::Closed => Err(AppError::Conflict("check-in no longer open")),
        SaveOutcome::NotFound => Err(AppError::NotFound),
    }
}

/// Form fields as `answer field -> (value, keep private)`.
pub fn drafts_from(fields: &[(String, String)]) -> Drafts {
    let mut drafts = Drafts::new();
    for (k, v) in fields {
        if let Some(id) = k.strip_prefix("a_") {
            drafts.entry(format!("a_{id}")).or_default().0 = v.clone();
        } else if let Some(id) = k.strip_prefix("private_") {
            drafts.entry(format!("a_{id}")).or_default().1 = true;
        }
    }
    drafts
}

/// Puts what was typed back into a view, so a form shown again with errors loses nothing.
pub fn apply_drafts(view: &mut CheckinView, drafts: &Drafts) {
    for item in &mut view.items {
        let (raw, private) = drafts
            .get(&item.prompt.field())
            .cloned()
            .unwrap_or_default();
        item.draft = raw;
        item.draft_private = private;
    }
}

/// Sets aside an open check-in of the viewer's active couple.
pub async fn dismiss(db: &Db, clock: &Clock, viewer: UserId, id: CheckinId) -> Result<()> {
    let row = store::checkins::find_for_member(db, id, viewer)
        .await?
        .ok_or(AppError::NotFound)?;
    if !Status::of(&row).is_open() {
        return Err(AppError::Conflict("check-in no longer open"));
    }
    if store::checkins::update_dismissed(db, id, viewer, clock.now()).await? {
        Ok(())
    } else {
        Err(AppError::Conflict("check-in no longer open"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_may_be_empty_but_not_in_the_future() {
        let today = time::macros::date!(2026 - 03 - 10);
        assert_eq!(parse_moment("", today), Ok(None));
        assert_eq!(
            parse_moment("2026-03-09", today),
            Ok(Some(time::macros::date!(2026 - 03 - 09)))
        );
        assert!(parse_moment("2026-03-12", today).is_err());
        assert!(parse_moment("yesterday", today).is_err());
    }
}
