//! Linking two people as a couple, and unlinking.
//!
//! Invariants: a person is in at most one active couple (also a unique index); an invite
//! is single-use and expires after [`INVITE_LIFETIME`]; unlinking closes the couple for
//! both partners at once.

use time::{Duration, OffsetDateTime};

use crate::clock::Clock;
use crate::error::{AppError, FieldErrors, Message, Result};
use crate::ids::{CoupleId, UserId};
use crate::store::{self, couples::AcceptOutcome, Db};

use super::throttle;

pub const INVITE_LIFETIME: Duration = Duration::hours(72);
/// Crockford's base32 alphabet: no I, L, O or U, so a code read aloud is not misheard.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 10 characters of base32 carry 50 random bits.
const CODE_LEN: usize = 10;

/// An invite as shown to the person who made it. No `Debug`: the code is a secret.
#[derive(Clone)]
pub struct InviteCode {
    /// Normalised form, as stored and as used in the link.
    pub code: String,
    pub expires_at: OffsetDateTime,
}

impl InviteCode {
    /// Grouped for reading aloud: `ABCDE-FGHJK`.
    pub fn display(&self) -> String {
        display_code(&self.code)
    }
}

pub fn display_code(code: &str) -> String {
    if code.len() == CODE_LEN && code.is_ascii() {
        format!("{}-{}", &code[..5], &code[5..])
    } else {
        code.to_owned()
    }
}

/// A fresh random code in the invite alphabet (also therapists' share codes).
pub fn new_code() -> String {
    let bytes = super::random_bytes::<CODE_LEN>();
    // 256 is a multiple of 32, so taking the low five bits keeps every symbol equally likely.
    bytes
        .iter()
        .map(|b| ALPHABET[(b & 31) as usize] as char)
        .collect()
}

/// Turns what a person typed into the stored form: case, spaces and dashes do not
/// matter, and the letters people confuse with digits are read as those digits.
pub fn normalise_code(typed: &str) -> Option<String> {
    let mut out = String::with_capacity(CODE_LEN);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !ALPHABET.contains(&(c as u8)) || !c.is_ascii() {
            return None;
        }
        out.push(c);
        if out.len() > CODE_LEN {
            return None;
        }
    }
    (out.len() == CODE_LEN).then_some(out)
}

/// Makes a fresh invite for a person who is not in a couple; older codes stop working.
pub async fn create_invite(
    db: &Db,
    clock: &Clock,
    user: UserId,
    couple: Option<CoupleId>,
) -> Result<InviteCode> {
    if couple.is_some() {
        return Err(AppError::Conflict("already in a couple"));
    }
    let now = clock.now();
    let code = new_code();
    let expires_at = now + INVITE_LIFETIME;
    store::couples::insert_invite(db, user, &code, now, expires_at).await?;
    Ok(InviteCode { code, expires_at })
}

pub async fn open_invite(db: &Db, clock: &Clock, user: UserId) -> Result<Option<InviteCode>> {
    Ok(store::couples::find_open_invite(db, user, clock.now())
        .await?
        .map(|i| InviteCode {
            code: i.code,
            expires_at: i.expires_at,
        }))
}

/// Who made the invite `code`, if it can still be used: shown before linking, so nobody
/// links to a stranger by following a link.
pub async fn inviter_name(db: &Db, clock: &Clock, code: &str) -> Result<Option<String>> {
    Ok(store::couples::find_inviter_name(db, code, clock.now()).await?)
}

/// The refusal once [`throttle::JOIN`] is used up; `message` names who gave the code
/// (`error-join-paused`: the partner, `error-join-paused-therapist`).
pub fn too_many_codes(wait: time::Duration, message: &'static str) -> AppError {
    throttle::refused("code", wait, Message::new(message))
}

/// How a join ended when it did not fail. No `Debug`: `Confirm` carries the code.
#[derive(PartialEq, Eq)]
pub enum Joined {
    Linked(CoupleId),
    /// The code works; the joiner is to see who it is from before linking (the same
    /// confirmation an invite link shows). Carries the code in its stored form.
    Confirm(String),
}

/// Joins the couple offered by `typed_code` once `confirmed` (the joiner has seen who the
/// invite is from); before that, only checks it. Every refusal is a message for the code
/// field. Codes tried count towards [`throttle::JOIN`] until one works, so codes cannot
/// be guessed.
pub async fn join(
    db: &Db,
    clock: &Clock,
    joiner: UserId,
    typed_code: &str,
    confirmed: bool,
) -> Result<Joined> {
    let now = clock.now();
    let subject = throttle::subject(&joiner.to_string());
    // Every code tried counts until one works: check and count are one step.
    if let Some(wait) = throttle::attempt(db, throttle::JOIN, &subject, now).await? {
        tracing::info!(user_id = %joiner, "join refused: too many wrong codes");
        return Err(too_many_codes(wait, "error-join-paused"));
    }
    let refuse = |msg: &'static str| Err(AppError::Invalid(FieldErrors::single("code", msg)));
    let Some(code) = normalise_code(typed_code) else {
        return refuse("error-code-shape");
    };
    let outcome =
        store::couples::insert_couple_from_invite(db, &code, joiner, confirmed, now).await?;
    match outcome {
        AcceptOutcome::Linked(couple) => {
            throttle::clear(db, throttle::JOIN, &subject).await?;
            Ok(Joined::Linked(couple))
        }
        AcceptOutcome::WouldLink => {
            throttle::clear(db, throttle::JOIN, &subject).await?;
            Ok(Joined::Confirm(code))
        }
        AcceptOutcome::UnknownCode => refuse("error-code-unknown"),
        AcceptOutcome::Expired => refuse("error-code-expired"),
        AcceptOutcome::AlreadyUsed => refuse("error-code-used"),
        AcceptOutcome::OwnInvite => refuse("error-code-own"),
        AcceptOutcome::JoinerAlreadyLinked => refuse("error-code-already-linked"),
        AcceptOutcome::InviterAlreadyLinked => refuse("error-code-inviter-linked"),
        AcceptOutcome::Raced => refuse("error-code-changed"),
    }
}

/// Unlinks the person's active couple, for both partners. Returns false when there was
/// nothing to unlink.
pub async fn unlink(db: &Db, clock: &Clock, by: UserId, couple: Option<CoupleId>) -> Result<bool> {
    match couple {
        Some(c) => Ok(store::couples::update_couple_ended(db, c, by, clock.now()).await?),
        None => Ok(false),
    }
}

pub use crate::store::history::{Agreed as HistoryAgreed, HistoryState};

/// Where bringing back an earlier shared history stands, for a partner of an active
/// couple whose two people were linked before; `None` when there is nothing to bring back.
pub async fn earlier_history(
    db: &Db,
    couple: Option<CoupleId>,
    me: UserId,
) -> Result<Option<HistoryState>> {
    let Some(couple) = couple else {
        return Ok(None);
    };
    let state = store::history::find_state(db, couple, me).await?;
    Ok((state.earlier > 0).then_some(state))
}

/// Records `me`'s agreement to bring back the check-ins the two of them answered while
/// linked before; once both agreed, they are back in this couple's list and summary.
pub async fn agree_to_bring_back_history(
    db: &Db,
    clock: &Clock,
    couple: Option<CoupleId>,
    me: UserId,
) -> Result<HistoryAgreed> {
    // Only where there is an earlier history of these two to bring back.
    if earlier_history(db, couple, me).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let couple = couple.ok_or(AppError::NotFound)?;
    match store::history::insert_agreement(db, couple, me, clock.now()).await? {
        store::history::Agreed::NotInCouple => Err(AppError::NotFound),
        other => {
            tracing::info!(user_id = %me, outcome = ?other, "agreed to bring back history");
            Ok(other)
        }
    }
}

/// When the couple `couple` began, for the couple page; nothing for someone not linked.
pub async fn since(db: &Db, couple: Option<CoupleId>) -> Result<Option<OffsetDateTime>> {
    match couple {
        Some(c) => Ok(store::couples::find_couple_since(db, c).await?),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_codes_round_trip_through_normalisation() {
        for _ in 0..100 {
            let code = new_code();
            assert_eq!(code.len(), CODE_LEN);
            let shown = display_code(&code);
            assert_eq!(
                normalise_code(&shown.to_lowercase()).as_deref(),
                Some(code.as_str())
            );
        }
    }

    #[test]
    fn confusable_letters_read_as_digits() {
        assert_eq!(normalise_code("o1l2i-abcde").as_deref(), Some("01121ABCDE"));
    }

    #[test]
    fn wrong_lengths_and_symbols_are_refused() {
        assert_eq!(normalise_code("ABC"), None);
        assert_eq!(normalise_code("ABCDE-FGHJKM"), None);
        assert_eq!(normalise_code("ABCDE-FGHJ!"), None);
        assert_eq!(normalise_code("ABCDE-FGHJU"), None);
    }
}
