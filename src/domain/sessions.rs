//! Sessions: signing in on a device, staying signed in, seeing and ending sessions.
//!
//! Invariants: a session token is never stored, only its SHA-256; a session ends at its
//! absolute lifetime or after its idle time, whichever comes first; a new sign-in always
//! gets a new token.

use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::clock::Clock;
use crate::error::{AppError, Result};
use crate::ids::CoupleId;
use crate::ids::UserId;
use crate::store::sessions::{PendingSessionRow, SessionPersonRow, SessionRow};
use crate::store::{self, Db};

/// Who is asking: what every signed-in page needs to know about the person, their couple
/// and their session, read in one query per request.
#[derive(Clone)]
pub struct SessionPerson {
    pub user_id: UserId,
    pub display_name: String,
    /// The token this session's forms carry.
    pub csrf_token: secrecy::SecretString,
    /// Names the session on the devices page (never the cookie's token).
    pub session_public_id: String,
    pub is_therapist: bool,
    /// A therapist the operator approved (or who signed up while anyone could be one):
    /// only then can couples invite them and they see couples.
    pub therapist_approved: bool,
    pub couple_id: Option<CoupleId>,
    pub partner_id: Option<UserId>,
    pub partner_name: Option<String>,
    /// The couple has a therapist link that is not revoked (pages skip the therapist
    /// queries otherwise).
    pub has_therapist: bool,
    /// The person has notices to read (home skips that query otherwise).
    pub has_notices: bool,
    /// The person's time zone, as stored (`domain::time_zone`).
    pub time_zone: String,
    /// The person's language, as stored: the code of a folder under `locales/`.
    pub language: String,
}

impl From<SessionPersonRow> for SessionPerson {
    fn from(r: SessionPersonRow) -> Self {
        SessionPerson {
            user_id: r.user_id,
            display_name: r.display_name,
            csrf_token: r.csrf_token,
            session_public_id: r.session_public_id,
            is_therapist: r.is_therapist,
            therapist_approved: r.therapist_approved,
            couple_id: r.couple_id,
            partner_id: r.partner_id,
            partner_name: r.partner_name,
            has_therapist: r.has_therapist,
            has_notices: r.has_notices,
            time_zone: r.time_zone,
            language: r.language,
        }
    }
}

/// Logs carry who, never the session's tokens.
impl std::fmt::Debug for SessionPerson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionPerson")
            .field("user_id", &self.user_id)
            .field("couple_id", &self.couple_id)
            .field("is_therapist", &self.is_therapist)
            .finish_non_exhaustive()
    }
}

/// A sign-in whose password was right and whose second factor is still to come.
#[derive(Clone)]
pub struct PendingSession {
    pub user_id: UserId,
    /// Names the session (never the cookie's token).
    pub public_id: String,
    pub email: String,
    /// Where the sign-in lands: a therapist's dashboard, or home.
    pub is_therapist: bool,
    /// The person's language (`users.language`), for the code page.
    pub language: String,
}

impl From<PendingSessionRow> for PendingSession {
    fn from(r: PendingSessionRow) -> Self {
        PendingSession {
            user_id: r.user_id,
            public_id: r.public_id,
            email: r.email,
            is_therapist: r.is_therapist,
            language: r.language,
        }
    }
}

impl std::fmt::Debug for PendingSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingSession")
            .field("user_id", &self.user_id)
            .finish_non_exhaustive()
    }
}

/// How long sessions last.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    /// From sign-in, however active the session.
    pub lifetime: Duration,
    /// Without any request.
    pub idle: Duration,
}

/// How stale `last_seen_at` may get before it is written again: often enough for the idle
/// timeout and the devices page, rarely enough that pages stay reads.
const TOUCH_EVERY: Duration = Duration::minutes(5);

fn session_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// How long the step between a right password and the second factor may take.
pub const SECOND_FACTOR_WINDOW: Duration = Duration::minutes(10);

/// Starts a fresh session for `user_id`; returns the token for the cookie. With
/// `second_factor_pending` the session grants nothing until [`complete`] is called.
pub async fn start(
    db: &Db,
    clock: &Clock,
    policy: SessionPolicy,
    user_id: UserId,
    user_agent: &str,
    second_factor_pending: bool,
) -> Result<String> {
    let token = super::random_token(32);
    let now = clock.now();
    // Signing in is a natural moment to forget this person's sessions that have run out.
    store::sessions::delete_expired(db, user_id, now, now - policy.idle).await?;
    store::sessions::insert_session(
        db,
        store::sessions::NewSession {
            session_hash: &session_hash(&token),
            public_id: &super::random_token(16),
            user_id,
            csrf_token: &super::random_token(32),
            device: &device_label(user_agent),
            now,
            expires_at: now
                + if second_factor_pending {
                    SECOND_FACTOR_WINDOW
                } else {
                    policy.lifetime
                },
            second_factor_pending,
        },
    )
    .await?;
    Ok(token)
}

/// The signed-in person behind a session token, if the session is live. Notes the use.
pub async fn person(
    db: &Db,
    clock: &Clock,
    policy: SessionPolicy,
    token: &str,
) -> Result<Option<SessionPerson>> {
    // Tokens we issue are 64 hex characters; anything else cannot match, so skip the query.
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let now = clock.now();
    let found =
        store::sessions::find_session_person(db, &session_hash(token), now, now - policy.idle)
            .await?;
    if let Some(p) = &found {
        if now - p.last_seen_at > TOUCH_EVERY {
            store::sessions::update_last_seen(db, &p.session_public_id, now).await?;
        }
    }
    Ok(found.map(SessionPerson::from))
}

/// The session behind `token` if it waits for its second factor.
pub async fn pending(db: &Db, clock: &Clock, token: &str) -> Result<Option<PendingSession>> {
    Ok(
        store::sessions::find_pending(db, &session_hash(token), clock.now())
            .await?
            .map(PendingSession::from),
    )
}

/// Turns a pending session into a full one.
pub async fn complete(
    db: &Db,
    clock: &Clock,
    policy: SessionPolicy,
    public_id: &str,
) -> Result<()> {
    let now = clock.now();
    store::sessions::update_completed(db, public_id, now, now + policy.lifetime).await?;
    Ok(())
}

pub async fn end(db: &Db, token: &str) -> Result<()> {
    store::sessions::delete_session(db, &session_hash(token)).await?;
    Ok(())
}

/// A session as the person sees it on their devices page.
#[derive(Debug, Clone)]
pub struct Device {
    pub public_id: String,
    pub device: String,
    pub created_at: OffsetDateTime,
    pub last_seen_at: OffsetDateTime,
    pub this_device: bool,
}

pub async fn list(db: &Db, person: &SessionPerson) -> Result<Vec<Device>> {
    Ok(store::sessions::list_for_user(db, person.user_id)
        .await?
        .into_iter()
        .map(
            |SessionRow {
                 public_id,
                 device,
                 created_at,
                 last_seen_at,
             }| Device {
                this_device: public_id == person.session_public_id,
                public_id,
                device,
                created_at,
                last_seen_at,
            },
        )
        .collect())
}

/// Ends one of the person's own sessions; another person's is simply not found.
pub async fn end_one(db: &Db, person: &SessionPerson, public_id: &str) -> Result<()> {
    if store::sessions::delete_by_public_id(db, person.user_id, public_id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Ends every session of the person but the one they are using.
pub async fn end_others(db: &Db, person: &SessionPerson) -> Result<u64> {
    Ok(store::sessions::delete_others(db, person.user_id, &person.session_public_id).await?)
}

/// A short, human description of a browser, such as "Firefox on Android". Only this
/// label is stored, never the full user agent.
pub fn device_label(user_agent: &str) -> String {
    let ua = user_agent;
    let browser = if ua.contains("Firefox/") {
        "Firefox"
    } else if ua.contains("Edg/") {
        "Edge"
    } else if ua.contains("OPR/") {
        "Opera"
    } else if ua.contains("Chrome/") || ua.contains("Chromium/") {
        "Chrome"
    } else if ua.contains("Safari/") {
        "Safari"
    } else {
        "A browser"
    };
    let system = if ua.contains("Android") {
        Some("Android")
    } else if ua.contains("iPhone") || ua.contains("iPad") {
        Some("iOS")
    } else if ua.contains("Mac OS X") || ua.contains("Macintosh") {
        Some("macOS")
    } else if ua.contains("Windows") {
        Some("Windows")
    } else if ua.contains("Linux") {
        Some("Linux")
    } else {
        None
    };
    match system {
        Some(s) => format!("{browser} on {s}"),
        None => browser.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::device_label;

    #[test]
    fn devices_are_described_briefly() {
        assert_eq!(
            device_label("Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"),
            "Firefox on Android"
        );
        assert_eq!(
            device_label("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"),
            "Safari on iOS"
        );
        assert_eq!(device_label(""), "A browser");
    }
}
