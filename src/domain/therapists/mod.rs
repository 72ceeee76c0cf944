//! Therapists: invited by a couple, seeing only what both partners consented to.
//!
//! Invariants: a link is active only when both current partners consented and neither
//! revoked it; what a therapist may see is the more restrictive of the two consents;
//! a therapist sees no couple at all until their own two-step sign-in is on, nor while
//! their account waits for the operator's approval (and cannot be invited then); every
//! look at a couple is written to the access log the partners can read.

use std::collections::BTreeMap;

use time::OffsetDateTime;

use crate::clock::Clock;
use crate::domain::sessions::SessionPerson;
use crate::error::{AppError, FieldErrors, Result};
use crate::ids::{CoupleId, UserId};
use crate::store::{self, Db};

use super::throttle;

mod assignments;
mod sets;

use assignments::{active_link, with_answers};
pub use assignments::{
    assign, assignments_for_couple, cancel_assignment, edit_assignment, open_assignment,
    sets_to_assign, AssignedCheckin, Assignment, AssignmentInput,
};
pub use sets::{
    check_set_fields, create_set, drafts_from, edit_set, editable_set, own_set, preview_set,
    retire_set, set_lists, EditableSet, OwnSet, PromptDraft, SetPreview, SetSaved, CUSTOM_PROMPTS,
};

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
            ConsentLevel::Scales => {
                "Whether check-ins were done, 1-to-5 and multiple-choice answers, and the summary"
            }
            ConsentLevel::Words => {
                "Whether check-ins were done, 1-to-5 and multiple-choice answers, the summary, and written answers (never ones kept private)"
            }
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

    /// What the therapist may see: the lower of the two choices (only whether check-ins
    /// were done, until both have chosen).
    pub fn applied(&self) -> ConsentLevel {
        match (self.mine, self.partner) {
            (Some(a), Some(b)) => a.min(b),
            _ => ConsentLevel::Status,
        }
    }

    /// The partner invited (or agreed) and waits for the viewer's choice.
    pub fn waits_for_me(&self) -> bool {
        self.mine.is_none() && self.partner.is_some()
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

/// Every look at a couple `member` belongs or ever belonged to: the log outlives the
/// couple, so an ended couple's partners can still read who looked.
pub async fn access_log_for_member(db: &Db, member: UserId) -> Result<Vec<Access>> {
    Ok(store::access_log::for_member(db, member, 500).await?)
}

/// Whether a therapist was ever linked with a couple `member` is or was part of (their
/// access log then has a page of its own, readable after unlinking).
pub async fn has_access_log(db: &Db, member: UserId) -> Result<bool> {
    Ok(store::access_log::any_for_member(db, member).await?)
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
    // Codes tried count with partners' invite codes, so share codes cannot be guessed.
    let subject = throttle::subject(&person.user_id.to_string());
    if let Some(wait) = throttle::attempt(db, throttle::JOIN, &subject, clock.now()).await? {
        tracing::info!(user_id = %person.user_id, "therapist invite refused: too many wrong codes");
        return Err(super::couples::too_many_codes(wait, "your therapist"));
    }
    let refuse = |m: &str| Err(AppError::Invalid(FieldErrors::single("code", m)));
    let Some(code) = super::couples::normalise_code(code) else {
        return refuse("That code doesn't look right. It has 10 letters and numbers.");
    };
    let Some(therapist) = store::therapists::find_therapist_by_code(db, &code).await? else {
        return refuse("We couldn't find a therapist with that code. Please check it with them.");
    };
    if therapist
        .therapist_code_expires_at
        .is_none_or(|t| t <= clock.now())
    {
        return refuse("That code has expired. Please ask your therapist for their current code.");
    }
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
    throttle::clear(db, throttle::JOIN, &subject).await?;
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
    if store::therapists::revoke(db, couple, link, person.user_id, clock.now()).await? {
        tracing::info!(user_id = %person.user_id, "revoked a therapist's access");
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// How long a therapist's share code works. Couples use it in the days after a session; a
/// code that works forever could be guessed at leisure or passed on.
pub const SHARE_CODE_LIFETIME: time::Duration = time::Duration::days(14);

/// Gives the therapist a new share code (the old one stops working), valid for
/// [`SHARE_CODE_LIFETIME`].
pub async fn renew_share_code(db: &Db, clock: &Clock, person: &SessionPerson) -> Result<()> {
    approved_therapist(person)?;
    let code = super::couples::new_code();
    if !store::therapists::renew_therapist_code(
        db,
        person.user_id,
        &code,
        clock.now() + SHARE_CODE_LIFETIME,
    )
    .await?
    {
        return Err(AppError::NotFound);
    }
    tracing::info!(user_id = %person.user_id, "therapist made a new share code");
    Ok(())
}

/// A therapist's own page. Couples appear only once the therapist's two-step sign-in is on
/// and the operator approved them.
pub struct Dashboard {
    /// The account waits for the operator's approval: no code, no couples yet.
    pub waiting_for_approval: bool,
    /// The share code and until when it works; `None` once it has expired.
    pub share_code: Option<(String, OffsetDateTime)>,
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

/// A therapist the operator approved: only they have a share code that works and couples.
fn approved_therapist(person: &SessionPerson) -> Result<()> {
    therapist_only(person)?;
    if person.therapist_approved {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn dashboard(db: &Db, clock: &Clock, person: &SessionPerson) -> Result<Dashboard> {
    therapist_only(person)?;
    if !person.therapist_approved {
        return Ok(Dashboard {
            waiting_for_approval: true,
            share_code: None,
            second_factor_on: super::two_factor::is_enabled(db, person.user_id).await?,
            couples: Vec::new(),
            pending: 0,
        });
    }
    let share_code = store::therapists::therapist_code(db, person.user_id)
        .await?
        .and_then(|c| match (c.therapist_code, c.therapist_code_expires_at) {
            (Some(code), Some(until)) if until > clock.now() => {
                Some((super::couples::display_code(&code), until))
            }
            _ => None,
        });
    let second_factor_on = super::two_factor::is_enabled(db, person.user_id).await?;
    if !second_factor_on {
        return Ok(Dashboard {
            waiting_for_approval: false,
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
        waiting_for_approval: false,
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
        ConsentLevel::Scales => "the summary: 1-to-5 and multiple-choice answers",
        ConsentLevel::Words => {
            "the summary: 1-to-5 and multiple-choice answers, and shared written answers"
        }
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
            prompt_set_id: String::new(),
            set_title: String::new(),
            note: String::new(),
            therapist_name: String::new(),
            starts_on: date!(2026 - 03 - 10),
            target_count: Some(2),
            ends_on: Some(date!(2026 - 03 - 20)),
            done: 1,
            cancelled: false,
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
        let open_ended = super::Assignment {
            ends_on: None,
            ..a.clone()
        };
        assert!(open_ended.is_open(date!(2027 - 01 - 01)));
        let cancelled = super::Assignment {
            cancelled: true,
            ..a
        };
        assert!(!cancelled.is_open(date!(2026 - 03 - 15)), "cancelled");
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
