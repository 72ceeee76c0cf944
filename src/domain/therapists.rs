//! Therapists: invited by a couple, seeing only what both partners consented to.
//!
//! Invariants: a link is active only when both current partners consented and neither
//! revoked it; what a therapist may see is the more restrictive of the two consents;
//! a therapist sees no couple at all until their own two-step sign-in is on; every look
//! at a couple is written to the access log the partners can read.

use std::collections::BTreeMap;

use time::OffsetDateTime;

use crate::clock::Clock;
use crate::error::{AppError, FieldErrors, Result};
use crate::ids::{CoupleId, UserId};
use crate::store::sessions::SessionPerson;
use crate::store::{self, Db};

/// What a partner lets a therapist see. Ordered: a higher level includes the lower ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConsentLevel {
    /// Whether assigned check-ins were done (the default).
    Status = 1,
    /// And scale answers and summaries.
    Scales = 2,
    /// And free-text answers nobody kept private.
    Words = 3,
}

impl ConsentLevel {
    pub fn from_i32(v: i32) -> ConsentLevel {
        match v {
            3 => ConsentLevel::Words,
            2 => ConsentLevel::Scales,
            _ => ConsentLevel::Status,
        }
    }

    pub fn parse(raw: &str) -> Option<ConsentLevel> {
        match raw {
            "1" => Some(ConsentLevel::Status),
            "2" => Some(ConsentLevel::Scales),
            "3" => Some(ConsentLevel::Words),
            _ => None,
        }
    }

    pub fn value(self) -> i32 {
        self as i32
    }

    pub fn label(self) -> &'static str {
        match self {
            ConsentLevel::Status => "Only whether check-ins were done",
            ConsentLevel::Scales => "That, plus 1-to-5 answers and the summary",
            ConsentLevel::Words => "That, plus written answers (never ones kept private)",
        }
    }

    pub const ALL: [ConsentLevel; 3] = [
        ConsentLevel::Status,
        ConsentLevel::Scales,
        ConsentLevel::Words,
    ];
}

/// A couple's link to a therapist, as one partner sees it.
#[derive(Debug, Clone)]
pub struct CoupleLink {
    pub link_id: uuid::Uuid,
    pub therapist_name: String,
    pub since: OffsetDateTime,
    pub mine: Option<ConsentLevel>,
    pub partner: Option<ConsentLevel>,
}

impl CoupleLink {
    pub fn active(&self) -> bool {
        self.mine.is_some() && self.partner.is_some()
    }
}

/// A look a therapist took, for the partners' log page.
pub type Access = store::therapists::AccessRow;

pub async fn couple_links(db: &Db, couple: CoupleId, me: UserId) -> Result<Vec<CoupleLink>> {
    Ok(store::therapists::open_links_for_couple(db, couple, me)
        .await?
        .into_iter()
        .map(|r| CoupleLink {
            link_id: r.link_id,
            therapist_name: r.therapist_name,
            since: r.created_at,
            mine: r.my_level.map(ConsentLevel::from_i32),
            partner: r.partner_level.map(ConsentLevel::from_i32),
        })
        .collect())
}

pub async fn access_log(db: &Db, couple: CoupleId) -> Result<Vec<Access>> {
    Ok(store::therapists::access_log(db, couple, 200).await?)
}

fn level_from(raw: &str) -> Result<ConsentLevel> {
    ConsentLevel::parse(raw).ok_or_else(|| {
        AppError::Invalid(FieldErrors::single(
            "level",
            "Please choose what they may see.",
        ))
    })
}

/// A partner invites a therapist by their share code, consenting at `level`.
pub async fn invite(
    db: &Db,
    clock: &Clock,
    person: &SessionPerson,
    code: &str,
    level: &str,
) -> Result<()> {
    let couple = person
        .couple_id
        .ok_or(AppError::Conflict("not in a couple"))?;
    let level = level_from(level)?;
    let refuse = |m: &str| Err(AppError::Invalid(FieldErrors::single("code", m)));
    let Some(code) = super::couples::normalise_code(code) else {
        return refuse("That code doesn't look right. It has 10 letters and numbers.");
    };
    let Some(therapist) = store::therapists::find_therapist_by_code(db, &code).await? else {
        return refuse("We couldn't find a therapist with that code. Please check it with them.");
    };
    if !store::therapists::invite(
        db,
        couple,
        therapist.user_id,
        person.user_id,
        level.value(),
        clock.now(),
    )
    .await?
    {
        return refuse("That's one of you two. A therapist has to be someone else.");
    }
    tracing::info!(user_id = %person.user_id, "invited a therapist");
    Ok(())
}

/// A partner consents (or changes their consent) to an open link of their couple.
pub async fn consent(
    db: &Db,
    clock: &Clock,
    person: &SessionPerson,
    link: uuid::Uuid,
    level: &str,
) -> Result<()> {
    let couple = person.couple_id.ok_or(AppError::NotFound)?;
    let level = level_from(level)?;
    if store::therapists::consent(db, couple, link, person.user_id, level.value(), clock.now())
        .await?
    {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Either partner revokes a link; the therapist sees nothing of the couple from the next
/// request on.
pub async fn revoke(
    db: &Db,
    clock: &Clock,
    person: &SessionPerson,
    link: uuid::Uuid,
) -> Result<()> {
    let couple = person.couple_id.ok_or(AppError::NotFound)?;
    if store::therapists::revoke(db, couple, link, clock.now()).await? {
        tracing::info!(user_id = %person.user_id, "revoked a therapist's access");
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// A therapist's own page. Couples appear only once the therapist's two-step sign-in is on.
pub struct Dashboard {
    pub share_code: String,
    pub second_factor_on: bool,
    pub couples: Vec<LinkedCouple>,
    pub pending: i64,
}

#[derive(Debug, Clone)]
pub struct LinkedCouple {
    pub link_id: uuid::Uuid,
    pub names: Vec<String>,
    pub level: ConsentLevel,
}

fn therapist_only(person: &SessionPerson) -> Result<()> {
    if person.is_therapist {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn dashboard(db: &Db, person: &SessionPerson) -> Result<Dashboard> {
    therapist_only(person)?;
    let share_code = store::therapists::therapist_code(db, person.user_id)
        .await?
        .map(|c| super::couples::display_code(&c))
        .unwrap_or_default();
    let second_factor_on = super::two_factor::is_enabled(db, person.user_id).await?;
    if !second_factor_on {
        return Ok(Dashboard {
            share_code,
            second_factor_on,
            couples: Vec::new(),
            pending: 0,
        });
    }
    let links = store::therapists::active_links_for_therapist(db, person.user_id).await?;
    let mut names: BTreeMap<CoupleId, Vec<String>> = BTreeMap::new();
    for n in store::therapists::member_names(db, person.user_id).await? {
        names.entry(n.couple_id).or_default().push(n.display_name);
    }
    Ok(Dashboard {
        share_code,
        second_factor_on,
        pending: store::therapists::pending_count(db, person.user_id).await?,
        couples: links
            .into_iter()
            .map(|l| LinkedCouple {
                link_id: l.link_id,
                names: names.remove(&l.couple_id).unwrap_or_default(),
                level: ConsentLevel::from_i32(l.level),
            })
            .collect(),
    })
}

/// What a therapist sees of one couple; anything but an active link of theirs is not found.
pub struct CoupleView {
    pub names: Vec<String>,
    pub level: ConsentLevel,
    pub completed: i64,
    pub open: i64,
    /// With consent to scales and up: the couple summary, seen from the first partner
    /// named. Its shared words are emptied unless both consented to words.
    pub summary: Option<super::summaries::Summary>,
    pub assignments: Vec<Assignment>,
}

pub async fn couple_view(
    db: &Db,
    clock: &Clock,
    person: &SessionPerson,
    link: uuid::Uuid,
) -> Result<CoupleView> {
    let active = active_link(db, person, link).await?;
    let level = ConsentLevel::from_i32(active.level);
    let counts = store::summaries::counts(db, active.couple_id).await?;
    let members: Vec<_> = store::therapists::member_names(db, person.user_id)
        .await?
        .into_iter()
        .filter(|n| n.couple_id == active.couple_id)
        .collect();
    let first_id = members.first().map(|m| m.user_id);
    let summary = match (level, members.first()) {
        (ConsentLevel::Status, _) | (_, None) => None,
        (_, Some(first)) => {
            let mut s = super::summaries::for_couple(db, active.couple_id, first.user_id).await?;
            if level < ConsentLevel::Words {
                s.keep.clear();
                s.change.clear();
            }
            Some(s)
        }
    };
    let viewed = match level {
        ConsentLevel::Status => "how many check-ins were done",
        ConsentLevel::Scales => "the summary: 1-to-5 answers",
        ConsentLevel::Words => "the summary: 1-to-5 answers and shared written answers",
    };
    store::therapists::log_access(db, link, viewed, clock.now()).await?;
    Ok(CoupleView {
        names: members.into_iter().map(|n| n.display_name).collect(),
        level,
        completed: counts.completed,
        open: counts.open,
        summary,
        assignments: with_answers(
            db,
            store::therapists::assignments_of_link(db, link).await?,
            level,
            first_id,
        )
        .await?,
    })
}

#[cfg(test)]
mod tests {
    use super::ConsentLevel;

    #[test]
    fn an_exercise_is_open_from_its_start_until_done_or_past_its_end() {
        use time::macros::date;
        let a = super::Assignment {
            id: uuid::Uuid::nil(),
            set_title: String::new(),
            note: String::new(),
            therapist_name: String::new(),
            starts_on: date!(2026 - 03 - 10),
            target_count: Some(2),
            ends_on: Some(date!(2026 - 03 - 20)),
            done: 1,
            checkins: Vec::new(),
        };
        assert!(!a.is_open(date!(2026 - 03 - 09)), "not started");
        assert!(a.is_open(date!(2026 - 03 - 20)));
        assert!(!a.is_open(date!(2026 - 03 - 21)), "past its end");
        let done = super::Assignment {
            done: 2,
            ..a.clone()
        };
        assert!(!done.is_open(date!(2026 - 03 - 15)), "all done");
        let open_ended = super::Assignment { ends_on: None, ..a };
        assert!(open_ended.is_open(date!(2027 - 01 - 01)));
    }

    #[test]
    fn the_more_restrictive_consent_wins() {
        assert_eq!(
            ConsentLevel::Words.min(ConsentLevel::Status),
            ConsentLevel::Status
        );
        assert_eq!(ConsentLevel::parse("2"), Some(ConsentLevel::Scales));
        assert_eq!(ConsentLevel::parse("9"), None);
    }
}

/// An exercise as shown to the couple and the therapist.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub id: uuid::Uuid,
    pub set_title: String,
    pub note: String,
    pub therapist_name: String,
    pub starts_on: time::Date,
    pub target_count: Option<i32>,
    pub ends_on: Option<time::Date>,
    pub done: i64,
    /// Within consent: the finished check-ins' shared answers (empty at "status only").
    pub checkins: Vec<AssignedCheckin>,
}

/// A finished check-in of an exercise: each prompt with both partners' shared answers.
#[derive(Debug, Clone)]
pub struct AssignedCheckin {
    pub id: uuid::Uuid,
    pub date: time::Date,
    /// (question, first partner's answer, second partner's answer)
    pub rows: Vec<(String, String, String)>,
}

impl Assignment {
    fn from_row(r: store::therapists::AssignmentRow) -> Assignment {
        Assignment {
            id: r.assignment_id,
            set_title: r.set_title,
            note: r.note,
            therapist_name: r.therapist_name,
            starts_on: r.starts_on,
            target_count: r.target_count,
            ends_on: r.ends_on,
            done: r.done,
            checkins: Vec::new(),
        }
    }

    /// "2 of 3 done, by 7 Dec 2026" and the like.
    pub fn progress(&self) -> String {
        let by = self
            .ends_on
            .map(|d| format!(", by {}", crate::web::fmt::date(d)))
            .unwrap_or_default();
        match self.target_count {
            Some(n) => format!("{} of {n} done{by}", self.done),
            None => format!("{} done{by}", self.done),
        }
    }
}

impl Assignment {
    /// Still to do on `today`: started, not past its end date, and short of its count.
    pub fn is_open(&self, today: time::Date) -> bool {
        self.starts_on <= today
            && self.ends_on.is_none_or(|end| end >= today)
            && self.target_count.is_none_or(|n| self.done < i64::from(n))
    }
}

/// The open exercises of the couple's active therapists, for the couple's home page.
pub async fn assignments_for_couple(
    db: &Db,
    clock: &Clock,
    couple: CoupleId,
) -> Result<Vec<Assignment>> {
    let today = clock.now().date();
    Ok(store::therapists::assignments_of_couple(db, couple)
        .await?
        .into_iter()
        .map(Assignment::from_row)
        .filter(|a| a.is_open(today))
        .collect())
}

async fn active_link(
    db: &Db,
    person: &SessionPerson,
    link: uuid::Uuid,
) -> Result<store::therapists::ActiveLinkRow> {
    therapist_only(person)?;
    if !super::two_factor::is_enabled(db, person.user_id).await? {
        return Err(AppError::NotFound);
    }
    store::therapists::find_active_link(db, person.user_id, link)
        .await?
        .ok_or(AppError::NotFound)
}

/// What a therapist typed into the assignment form.
pub struct AssignmentInput<'a> {
    pub prompt_set_id: &'a str,
    pub note: &'a str,
    pub starts_on: &'a str,
    pub target_count: &'a str,
    pub ends_on: &'a str,
}

/// A therapist assigns an exercise on one of their active links.
pub async fn assign(
    db: &Db,
    clock: &Clock,
    person: &SessionPerson,
    link: uuid::Uuid,
    input: AssignmentInput<'_>,
) -> Result<()> {
    active_link(db, person, link).await?;
    let mut errors = FieldErrors::default();
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let today = clock.now().date();
    if store::prompts::find_set_title(db, input.prompt_set_id, Some(person.user_id))
        .await?
        .is_none()
    {
        errors.add("prompt_set_id", "Please choose a set of questions.");
    }
    let note = input.note.trim();
    if note.chars().count() > 1000 || super::has_control_chars(note) {
        errors.add(
            "note",
            "Please keep the note to 1000 characters of plain text.",
        );
    }
    let starts_on = if input.starts_on.trim().is_empty() {
        today
    } else {
        time::Date::parse(input.starts_on.trim(), &format).unwrap_or_else(|_| {
            errors.add("starts_on", "Please give the date as year-month-day.");
            today
        })
    };
    let target_count = match input.target_count.trim() {
        "" => None,
        raw => match raw.parse::<i32>() {
            Ok(n) if (1..=50).contains(&n) => Some(n),
            _ => {
                errors.add(
                    "target_count",
                    "Please give a number from 1 to 50, or leave it empty.",
                );
                None
            }
        },
    };
    let ends_on = match input.ends_on.trim() {
        "" => None,
        raw => match time::Date::parse(raw, &format) {
            Ok(d) if d >= starts_on => Some(d),
            Ok(_) => {
                errors.add("ends_on", "The end date comes before the start.");
                None
            }
            Err(_) => {
                errors.add("ends_on", "Please give the date as year-month-day.");
                None
            }
        },
    };
    if target_count.is_none() && ends_on.is_none() && errors.is_empty() {
        errors.add(
            "target_count",
            "Please give a number of check-ins, an end date, or both.",
        );
    }
    errors.into_result()?;
    store::therapists::insert_assignment(
        db,
        store::therapists::NewAssignment {
            link,
            prompt_set_id: input.prompt_set_id,
            note,
            starts_on,
            target_count,
            ends_on,
        },
        clock.now(),
    )
    .await?;
    Ok(())
}

/// Adds to each exercise the answers its finished check-ins may show at `level`.
async fn with_answers(
    db: &Db,
    rows: Vec<store::therapists::AssignmentRow>,
    level: ConsentLevel,
    first: Option<UserId>,
) -> Result<Vec<Assignment>> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut a = Assignment::from_row(row);
        if level >= ConsentLevel::Scales {
            let answers =
                store::therapists::assigned_answers(db, a.id, level >= ConsentLevel::Words).await?;
            for ans in answers {
                // Rows come ordered by check-in, so a new id starts a new check-in.
                if a.checkins.last().is_none_or(|c| c.id != ans.checkin_id) {
                    a.checkins.push(AssignedCheckin {
                        id: ans.checkin_id,
                        date: ans.revealed_at.date(),
                        rows: Vec::new(),
                    });
                }
                let shown = match ans.kind.as_str() {
                    "scale" => ans
                        .value_int
                        .map(|v| format!("{v} of 5"))
                        .unwrap_or_default(),
                    _ => ans.value_text.unwrap_or_default(),
                };
                let checkin = a.checkins.last_mut().expect("pushed above");
                let row = match checkin.rows.iter_mut().find(|r| r.0 == ans.prompt_text) {
                    Some(r) => r,
                    None => {
                        checkin
                            .rows
                            .push((ans.prompt_text.clone(), String::new(), String::new()));
                        checkin.rows.last_mut().expect("just pushed")
                    }
                };
                if Some(ans.user_id) == first {
                    row.1 = shown;
                } else {
                    row.2 = shown;
                }
            }
        }
        out.push(a);
    }
    Ok(out)
}

/// How many prompts a therapist's set may hold, and how many rows the form offers.
pub const CUSTOM_PROMPTS: usize = 6;

/// One prompt row of the "write your own set" form, as typed.
#[derive(Debug, Clone, Default)]
pub struct PromptDraft {
    pub text: String,
    pub kind: String,
    pub low: String,
    pub high: String,
    pub choices: String,
}

/// A therapist writes a set of their own prompts (same kinds as the library's). Rows
/// left empty are ignored. Returns the new set's id.
pub async fn create_set(
    db: &Db,
    person: &SessionPerson,
    title: &str,
    description: &str,
    drafts: &[PromptDraft],
) -> Result<String> {
    therapist_only(person)?;
    let mut errors = FieldErrors::default();
    let title = title.trim();
    if title.is_empty() || title.chars().count() > 80 || super::has_control_chars(title) {
        errors.add(
            "title",
            "Please give the set a short title (up to 80 characters).",
        );
    }
    let description = description.trim();
    if description.chars().count() > 500 || super::has_control_chars(description) {
        errors.add(
            "description",
            "Please keep the description to 500 characters.",
        );
    }
    let mut prompts = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let text = d.text.trim();
        if text.is_empty() {
            continue;
        }
        let field = format!("p{}_text", i + 1);
        if text.chars().count() > 300 || super::has_control_chars(text) {
            errors.add(field.clone(), "Please keep a question to 300 characters.");
        }
        let (kind, low, high, choices) = match d.kind.as_str() {
            "scale" => {
                let (low, high) = (d.low.trim(), d.high.trim());
                if low.is_empty() || high.is_empty() {
                    errors.add(
                        field.clone(),
                        "A 1-to-5 question needs words for 1 and for 5.",
                    );
                }
                (
                    "scale",
                    Some(low.to_owned()),
                    Some(high.to_owned()),
                    Vec::new(),
                )
            }
            "choice" => {
                let choices: Vec<String> = d
                    .choices
                    .lines()
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect();
                if !(2..=6).contains(&choices.len()) {
                    errors.add(
                        field.clone(),
                        "A choice question needs 2 to 6 options, one per line.",
                    );
                }
                ("choice", None, None, choices)
            }
            _ => ("text", None, None, Vec::new()),
        };
        prompts.push(store::prompts::NewPrompt {
            kind,
            text: text.to_owned(),
            low,
            high,
            choices,
        });
    }
    if prompts.is_empty() && errors.is_empty() {
        errors.add("p1_text", "Please write at least one question.");
    }
    errors.into_result()?;
    Ok(store::prompts::insert_custom_set(db, person.user_id, title, description, &prompts).await?)
}

/// The prompt rows of the form, from its fields (`p1_text`, `p1_kind`, …).
pub fn drafts_from(fields: &[(String, String)]) -> Vec<PromptDraft> {
    let mut drafts = vec![PromptDraft::default(); CUSTOM_PROMPTS];
    for (k, v) in fields {
        let Some(rest) = k.strip_prefix('p') else {
            continue;
        };
        let Some((n, part)) = rest.split_once('_') else {
            continue;
        };
        let Ok(n) = n.parse::<usize>() else { continue };
        let Some(d) = n.checked_sub(1).and_then(|i| drafts.get_mut(i)) else {
            continue;
        };
        match part {
            "text" => d.text = v.clone(),
            "kind" => d.kind = v.clone(),
            "low" => d.low = v.clone(),
            "high" => d.high = v.clone(),
            "choices" => d.choices = v.clone(),
            _ => {}
        }
    }
    drafts
}
