//! Two-factor sign-in with time-based codes (TOTP, RFC 6238) and recovery codes.
//!
//! Invariants: a code is accepted once (the used time step is stored and must grow);
//! recovery codes are stored only as hashes, shown once, and each works once; turning
//! two-factor off needs the password and a code.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, TOTP};

use crate::clock::Clock;
use crate::domain::sessions::{PendingSession, SessionPerson};
use crate::error::{AppError, FieldErrors, Message, Result};
use crate::ids::UserId;
use crate::store::two_factor::TotpRow;
use crate::store::{self, Db};

use super::password::PasswordHashing;
use super::throttle;

const STEP: u64 = 30;
const DIGITS: usize = 6;
pub const RECOVERY_CODES: usize = 10;

fn totp(secret: Vec<u8>) -> Result<TOTP> {
    // skew 0: we try the neighbouring steps ourselves, to know which one matched.
    TOTP::new(Algorithm::SHA1, DIGITS, 0, STEP, secret)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("totp: {e:?}")))
}

/// The time step `code` belongs to at `unix_time`, allowing one step either side for
/// clocks that drift, or `None` when it matches none.
pub fn matching_step(secret: &[u8], code: &str, unix_time: u64) -> Result<Option<u64>> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != DIGITS || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    let t = totp(secret.to_vec())?;
    for time in [unix_time.saturating_sub(STEP), unix_time, unix_time + STEP] {
        if t.generate(time) == code {
            return Ok(Some(time / STEP));
        }
    }
    Ok(None)
}

/// The current code for a base32 secret: what an authenticator app would show.
pub fn code_at(secret_base32: &str, unix_time: u64) -> Result<String> {
    let secret = totp_rs::Secret::Encoded(secret_base32.to_owned())
        .to_bytes()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("secret: {e:?}")))?;
    Ok(totp(secret)?.generate(unix_time))
}

fn unix(clock: &Clock) -> u64 {
    u64::try_from(clock.now().unix_timestamp()).unwrap_or(0)
}

/// What the enrolment page shows: the secret as text and as a QR code.
pub struct Enrolment {
    pub secret_base32: String,
    /// An `otpauth://` URI as an SVG QR code, in a `data:` URL for an `<img>`.
    pub qr_data_url: String,
}

pub async fn is_enabled(db: &Db, user: UserId) -> Result<bool> {
    Ok(store::two_factor::find_totp(db, user)
        .await?
        .is_some_and(|t| t.enabled_at.is_some()))
}

/// Starts (or restarts) enrolment with a fresh secret.
pub async fn begin(db: &Db, clock: &Clock, person: &SessionPerson) -> Result<Enrolment> {
    if is_enabled(db, person.user_id).await? {
        return Err(AppError::Conflict("two-factor already on"));
    }
    let secret = super::random_bytes::<20>().to_vec();
    store::two_factor::insert_pending(db, person.user_id, &secret, clock.now()).await?;
    enrolment(&secret, &person.display_name)
}

fn enrolment(secret: &[u8], label: &str) -> Result<Enrolment> {
    let secret_base32 = totp(secret.to_vec())?.get_secret_base32();
    let label: String = label
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    let uri = format!(
        "otpauth://totp/Mutual:{}?secret={secret_base32}&issuer=Mutual&digits={DIGITS}&period={STEP}",
        label.trim().replace(' ', "%20")
    );
    let svg = qrcode::QrCode::new(uri.as_bytes())
        .map_err(|e| AppError::Internal(anyhow::anyhow!("qr: {e}")))?
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .build();
    Ok(Enrolment {
        secret_base32,
        qr_data_url: format!(
            "data:image/svg+xml;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(svg)
        ),
    })
}

/// The enrolment in progress, to show again (after a wrong code).
pub async fn current_enrolment(db: &Db, person: &SessionPerson) -> Result<Option<Enrolment>> {
    match store::two_factor::find_totp(db, person.user_id).await? {
        Some(TotpRow {
            secret: Some(secret),
            enabled_at: None,
        }) => Ok(Some(enrolment(&secret, &person.display_name)?)),
        _ => Ok(None),
    }
}

/// A recovery code as typed, reduced to what matters: case, spaces and dashes do not,
/// and the letters people confuse with digits are read as those digits.
fn normal_recovery_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_lowercase() {
            'o' => '0',
            'i' | 'l' => '1',
            c => c,
        })
        .collect()
}

/// The stored form of a recovery code: HMAC-SHA256 under a random key of its own, so a
/// copied database gives no table to look codes up in.
fn recovery_hash(key: &[u8], code: &str) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(normal_recovery_code(code).as_bytes());
    mac.finalize().into_bytes().into()
}

/// The hash of codes made before recovery codes had keys (plain SHA-256).
fn legacy_recovery_hash(code: &str) -> [u8; 32] {
    Sha256::digest(normal_recovery_code(code).as_bytes()).into()
}

/// The letters of a recovery code: Crockford's base32, lower-case (no i, l, o or u, so
/// nothing reads as another letter or a digit).
const RECOVERY_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// A fresh recovery code: 16 characters of 5 bits, 80 random bits, as four groups of four.
fn new_recovery_code() -> String {
    let bytes: [u8; 10] = super::random_bytes();
    let mut bits: u128 = 0;
    for b in bytes {
        bits = (bits << 8) | u128::from(b);
    }
    let chars: Vec<char> = (0..16)
        .map(|i| RECOVERY_ALPHABET[((bits >> (75 - 5 * i)) & 31) as usize] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A new set of recovery codes with their stored forms.
fn new_recovery_codes() -> (Vec<String>, Vec<store::two_factor::NewRecoveryCode>) {
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_recovery_code()).collect();
    let stored = codes
        .iter()
        .map(|c| {
            let key: [u8; 32] = super::random_bytes();
            store::two_factor::NewRecoveryCode {
                hash: recovery_hash(&key, c),
                key,
            }
        })
        .collect();
    (codes, stored)
}

/// Confirms enrolment with a first code; returns the recovery codes, to show once.
pub async fn confirm(db: &Db, clock: &Clock, user: UserId, code: &str) -> Result<Vec<String>> {
    let invalid = || AppError::Invalid(FieldErrors::single("code", "error-two-step-setup-code"));
    let row = store::two_factor::find_totp(db, user)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.enabled_at.is_some() {
        return Err(AppError::Conflict("two-factor already on"));
    }
    let secret = row.secret.ok_or_else(invalid)?;
    let step = matching_step(&secret, code, unix(clock))?.ok_or_else(invalid)?;
    let (codes, stored) = new_recovery_codes();
    if !store::two_factor::update_enabled(db, user, step as i64, &stored, clock.now()).await? {
        return Err(AppError::Conflict("two-factor already on"));
    }
    tracing::info!(user_id = %user, "two-factor sign-in turned on");
    Ok(codes)
}

/// Checks a second factor: a current code (once) or an unused recovery code. Not limited
/// by itself: callers go through [`check_code`].
async fn verify(db: &Db, clock: &Clock, user: UserId, code: &str) -> Result<bool> {
    let Some(row) = store::two_factor::find_totp(db, user).await? else {
        return Ok(false);
    };
    if row.enabled_at.is_none() {
        return Ok(false);
    }
    // A secret that cannot be read matches no code; recovery codes still work.
    let step = match &row.secret {
        Some(secret) => matching_step(secret, code, unix(clock))?,
        None => None,
    };
    if let Some(step) = step {
        return Ok(store::two_factor::update_last_step(db, user, step as i64).await?);
    }
    let typed = normal_recovery_code(code);
    if typed.is_empty() {
        return Ok(false);
    }
    let mut used = false;
    for stored in store::two_factor::list_unused_recovery_codes(db, user).await? {
        let hash = match &stored.hash_key {
            Some(key) => recovery_hash(key, &typed),
            None => legacy_recovery_hash(&typed),
        };
        if bool::from(hash.ct_eq(&stored.code_hash[..])) {
            used = store::two_factor::update_recovery_code_used(
                db,
                user,
                &stored.code_hash,
                clock.now(),
            )
            .await?;
            break;
        }
    }
    if used {
        tracing::info!(user_id = %user, "a recovery code was used");
    }
    Ok(used)
}

/// Checks a second factor for `user` under [`throttle::TWO_FACTOR`]: each code tried is
/// counted before it is checked (one atomic step), and only a right code or recovery code
/// clears the count; a right password does not. Once the limit is used up, codes are not
/// checked at all until the wait is over.
pub async fn check_code(db: &Db, clock: &Clock, user: UserId, code: &str) -> Result<bool> {
    let subject = throttle::subject(&user.to_string());
    if let Some(wait) = throttle::attempt(db, throttle::TWO_FACTOR, &subject, clock.now()).await? {
        tracing::info!(user_id = %user, "second factor refused: too many wrong codes");
        return Err(throttle::refused(
            "code",
            wait,
            Message::new("error-two-step-paused"),
        ));
    }
    let ok = verify(db, clock, user, code).await?;
    if ok {
        throttle::clear(db, throttle::TWO_FACTOR, &subject).await?;
    }
    Ok(ok)
}

/// Finishes a sign-in that waits for its second factor. A wrong code is a field error;
/// too many are [`AppError::RateLimited`].
pub async fn sign_in_with_code(
    db: &Db,
    clock: &Clock,
    policy: super::sessions::SessionPolicy,
    pending: &PendingSession,
    code: &str,
) -> Result<()> {
    if !check_code(db, clock, pending.user_id, code).await? {
        tracing::info!("second factor failed");
        return Err(AppError::Invalid(FieldErrors::single(
            "code",
            "error-two-step-code",
        )));
    }
    super::sessions::complete(db, clock, policy, &pending.public_id).await?;
    // A right password and a right code: the sign-in's own count is over too.
    throttle::clear(db, throttle::LOGIN, &throttle::subject(&pending.email)).await?;
    tracing::info!(user_id = %pending.user_id, "signed in with a second factor");
    Ok(())
}

pub async fn recovery_codes_left(db: &Db, user: UserId) -> Result<i64> {
    Ok(store::two_factor::count_unused_recovery_codes(db, user).await?)
}

/// Turns two-factor off; needs the password and a code (or a recovery code).
pub async fn disable(
    db: &Db,
    hashing: &PasswordHashing,
    clock: &Clock,
    person: &SessionPerson,
    password: &str,
    code: &str,
) -> Result<()> {
    let creds = store::accounts::find_credentials_by_id(db, person.user_id).await?;
    let right = super::accounts::check_own_password(
        db,
        hashing,
        clock,
        person.user_id,
        &creds,
        password,
        "password",
    )
    .await?;
    if !right {
        return Err(AppError::Invalid(FieldErrors::single(
            "password",
            "error-password-wrong",
        )));
    }
    if !check_code(db, clock, person.user_id, code).await? {
        return Err(AppError::Invalid(FieldErrors::single(
            "code",
            "error-two-step-disable-code",
        )));
    }
    store::two_factor::delete_totp(db, person.user_id).await?;
    tracing::info!(user_id = %person.user_id, "two-factor sign-in turned off");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_their_own_step_and_the_neighbours_only() {
        let secret = b"12345678901234567890".to_vec();
        let t = totp(secret.clone()).unwrap();
        let now = 1_700_000_000;
        let code = t.generate(now);
        assert_eq!(
            matching_step(&secret, &code, now).unwrap(),
            Some(now / STEP)
        );
        assert_eq!(
            matching_step(&secret, &code, now + STEP).unwrap(),
            Some(now / STEP)
        );
        assert_eq!(matching_step(&secret, &code, now + 3 * STEP).unwrap(), None);
        assert_eq!(matching_step(&secret, "abc", now).unwrap(), None);
    }

    #[test]
    fn recovery_codes_ignore_case_and_dashes() {
        let key = [7u8; 32];
        assert_eq!(
            recovery_hash(&key, "ABCD-ef23-4567"),
            recovery_hash(&key, "abcdef234567")
        );
        assert_eq!(recovery_hash(&key, "0O1l-I"), recovery_hash(&key, "00111"));
        assert_ne!(
            recovery_hash(&key, "abcdef234567"),
            recovery_hash(&[8u8; 32], "abcdef234567")
        );
    }

    #[test]
    fn recovery_codes_carry_80_random_bits() {
        let code = new_recovery_code();
        assert_eq!(code.len(), 19, "{code}");
        let letters = normal_recovery_code(&code);
        assert_eq!(letters.len(), 16);
        // 16 letters from an alphabet of 32: 80 bits.
        assert_eq!(RECOVERY_ALPHABET.len(), 32);
        assert!(letters.bytes().all(|b| RECOVERY_ALPHABET.contains(&b)));
        let many: std::collections::HashSet<String> =
            (0..200).map(|_| new_recovery_code()).collect();
        assert_eq!(many.len(), 200);
    }
}
