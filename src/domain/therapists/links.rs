//! The couple's side of a therapist link: inviting by share code, each partner's consent,
//! revoking, and the log of every look the therapist took.

use time::OffsetDateTime;

use crate::clock::Clock;
use crate::domain::sessions::SessionPerson;
use crate::domain::throttle;
use crate::error::{AppError, FieldErrors, Result};
use crate::ids::{CoupleId, TherapistLinkId, UserId};
use crate::store::{self, Db};

use super::ConsentLevel;

/// A couple's link to a therapist, as one partner sees it.
#[derive(Debug, Clone)]
pub struct CoupleLink {
    pub link_id: TherapistLinkId,
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
    Ok(
        store::therapists::list_open_links_for_couple(db, couple, me)
            .await?
            .into_iter()
            .map(|r| CoupleLink {
                link_id: r.link_id,
                therapist_name: r.therapist_name,
                since: r.created_at,
                mine: r.my_level.map(ConsentLevel::from_i32),
                partner: r.partner_level.map(ConsentLevel::from_i32),
            })
            .collect(),
    )
}

pub async fn access_log(db: &Db, couple: CoupleId) -> Result<Vec<Access>> {
    Ok(store::therapists::list_access_log(db, couple, 200).await?)
}

/// Every look at a couple `member` belongs or ever belonged to: the log outlives the
/// couple, so an ended couple's partners can still read who looked.
pub async fn access_log_for_member(db: &Db, member: UserId) -> Result<Vec<Access>> {
    Ok(store::access_log::list_for_member(db, member, 500).await?)
}

/// Whether a therapist was ever linked with a couple `member` is or was part of (their
/// access log then has a page of its own, readable after unlinking).
pub async fn has_access_log(db: &Db, member: UserId) -> Result<bool> {
    Ok(store::access_log::has_any_for_member(db, member).await?)
}

fn level_from(raw: &str) -> Result<ConsentLevel> {
    ConsentLevel::parse(raw)
        .ok_or_else(|| AppError::Invalid(FieldErrors::single("level", "error-link-level")))
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
        return Err(crate::domain::couples::too_many_codes(
            wait,
            "error-join-paused-therapist",
        ));
    }
    let refuse = |m: &'static str| Err(AppError::Invalid(FieldErrors::single("code", m)));
    let Some(code) = crate::domain::couples::normalise_code(code) else {
        return refuse("error-therapist-code-shape");
    };
    let Some(therapist) = store::therapists::find_therapist_by_code(db, &code).await? else {
        return refuse("error-therapist-code-unknown");
    };
    if therapist
        .therapist_code_expires_at
        .is_none_or(|t| t <= clock.now())
    {
        return refuse("error-therapist-code-expired");
    }
    if !store::therapists::insert_link(
        db,
        couple,
        therapist.user_id,
        person.user_id,
        level.value(),
        clock.now(),
    )
    .await?
    {
        return refuse("error-therapist-code-own");
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
    link: TherapistLinkId,
    level: &str,
) -> Result<()> {
    let couple = person.couple_id.ok_or(AppError::NotFound)?;
    let level = level_from(level)?;
    if store::therapists::update_consent(
        db,
        couple,
        link,
        person.user_id,
        level.value(),
        clock.now(),
    )
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
    link: TherapistLinkId,
) -> Result<()> {
    let couple = person.couple_id.ok_or(AppError::NotFound)?;
    if store::therapists::update_revoked(db, couple, link, person.user_id, clock.now()).await? {
        tracing::info!(user_id = %person.user_id, "revoked a therapist's access");
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
