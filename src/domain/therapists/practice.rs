//! A therapist's own pages: their share code, the dashboard of linked couples, and what
//! they see of one couple (within the consent both partners gave, every look logged).

use std::collections::BTreeMap;

use time::OffsetDateTime;

use crate::clock::Clock;
use crate::domain::sessions::SessionPerson;
use crate::error::{AppError, Result};
use crate::ids::{CoupleId, TherapistLinkId};
use crate::store::{self, Db};

use super::assignments::{active_link, with_answers, Assignment};
use super::{approved_therapist, therapist_only, ConsentLevel};

/// How long a therapist's share code works. Couples use it in the days after a session; a
/// code that works forever could be guessed at leisure or passed on.
pub const SHARE_CODE_LIFETIME: time::Duration = time::Duration::days(14);

/// Gives the therapist a new share code (the old one stops working), valid for
/// [`SHARE_CODE_LIFETIME`].
pub async fn renew_share_code(db: &Db, clock: &Clock, person: &SessionPerson) -> Result<()> {
    approved_therapist(person)?;
    let code = crate::domain::couples::new_code();
    if !store::therapists::update_therapist_code(
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
    pub link_id: TherapistLinkId,
    pub names: Vec<String>,
    pub level: ConsentLevel,
}

pub async fn dashboard(db: &Db, clock: &Clock, person: &SessionPerson) -> Result<Dashboard> {
    therapist_only(person)?;
    if !person.therapist_approved {
        return Ok(Dashboard {
            waiting_for_approval: true,
            share_code: None,
            second_factor_on: crate::domain::two_factor::is_enabled(db, person.user_id).await?,
            couples: Vec::new(),
            pending: 0,
        });
    }
    let share_code = store::therapists::find_therapist_code(db, person.user_id)
        .await?
        .and_then(|c| match (c.therapist_code, c.therapist_code_expires_at) {
            (Some(code), Some(until)) if until > clock.now() => {
                Some((crate::domain::couples::display_code(&code), until))
            }
            _ => None,
        });
    let second_factor_on = crate::domain::two_factor::is_enabled(db, person.user_id).await?;
    if !second_factor_on {
        return Ok(Dashboard {
            waiting_for_approval: false,
            share_code,
            second_factor_on,
            couples: Vec::new(),
            pending: 0,
        });
    }
    let links = store::therapists::list_active_links_for_therapist(db, person.user_id).await?;
    let mut names: BTreeMap<CoupleId, Vec<String>> = BTreeMap::new();
    for n in store::therapists::list_member_names(db, person.user_id).await? {
        names.entry(n.couple_id).or_default().push(n.display_name);
    }
    Ok(Dashboard {
        waiting_for_approval: false,
        share_code,
        second_factor_on,
        pending: store::therapists::count_pending(db, person.user_id).await?,
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
    pub summary: Option<crate::domain::summaries::Summary>,
    pub assignments: Vec<Assignment>,
}

pub async fn couple_view(
    db: &Db,
    clock: &Clock,
    person: &SessionPerson,
    link: TherapistLinkId,
) -> Result<CoupleView> {
    let active = active_link(db, person, link).await?;
    let level = ConsentLevel::from_i32(active.level);
    let counts = store::summaries::count_checkins(db, active.couple_id).await?;
    let members: Vec<_> = store::therapists::list_member_names(db, person.user_id)
        .await?
        .into_iter()
        .filter(|n| n.couple_id == active.couple_id)
        .collect();
    let first_id = members.first().map(|m| m.user_id);
    let summary = match (level, members.first()) {
        (ConsentLevel::Status, _) | (_, None) => None,
        (_, Some(first)) => {
            let mut s =
                crate::domain::summaries::for_couple(db, active.couple_id, first.user_id).await?;
            if level < ConsentLevel::Words {
                s.keep.clear();
                s.change.clear();
            }
            Some(s)
        }
    };
    store::therapists::insert_access(db, link, level.viewed(), clock.now()).await?;
    Ok(CoupleView {
        names: members.into_iter().map(|n| n.display_name).collect(),
        level,
        completed: counts.completed,
        open: counts.open,
        summary,
        assignments: with_answers(
            db,
            store::assignments::list_for_link(db, link).await?,
            level,
            first_id,
        )
        .await?,
    })
}
