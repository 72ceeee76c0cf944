//! Two-factor sign-in with time-based codes (TOTP, RFC 6238) and recovery codes.
//!
//! Invariants: a code is accepted once (the used time step is stored and must grow);
//! recovery codes are stored only as hashes, shown once, and each works once; turning
//! two-factor off needs the password and a code.

use base64::Engine as _;
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, TOTP};

use crate::clock::Clock;
use crate::error::{AppError, FieldErrors, Result};
use crate::ids::UserId;
use crate::store::two_factor::TotpRow;
use crate::store::{self, sessions::SessionPerson, Db};

use super::password::PasswordHashing;

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
    Ok(store::two_factor::find(db, user)
        .await?
        .is_some_and(|t| t.enabled_at.is_some()))
}

/// Starts (or restarts) enrolment with a fresh secret.
pub async fn begin(db: &Db, clock: &Clock, person: &SessionPerson) -> Result<Enrolment> {
    if is_enabled(db, person.user_id).await? {
        return Err(AppError::Conflict("two-factor already on"));
    }
    let secret = super::random_bytes::<20>().to_vec();
    store::two_factor::put_pending(db, person.user_id, &secret, clock.now()).await?;
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
    match store::two_factor::find(db, person.user_id).await? {
        Some(TotpRow {
            secret: Some(secret),
            enabled_at: None,
        }) => Ok(Some(enrolment(&secret, &person.display_name)?)),
        _ => Ok(None),
    }
}

fn recovery_hash(code: &str) -> [u8; 32] {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Sha256::digest(normal.as_bytes()).into()
}

/// Confirms enrolment with a first code; returns the recovery codes, to show once.
pub async fn confirm(db: &Db, clock: &Clock, user: UserId, code: &str) -> Result<Vec<String>> {
    let invalid = || {
        AppError::Invalid(FieldErrors::single(
            "code",
            "That code didn't match. Check the time on your phone and try the newest code.",
        ))
    };
    let row = store::two_factor::find(db, user)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.enabled_at.is_some() {
        return Err(AppError::Conflict("two-factor already on"));
    }
    let secret = row.secret.ok_or_else(invalid)?;
    let step = matching_step(&secret, code, unix(clock))?.ok_or_else(invalid)?;
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| {
            let raw = super::random_token(6); // 48 bits, as 12 hex digits
            format!("{}-{}-{}", &raw[..4], &raw[4..8], &raw[8..])
        })
        .collect();
    let hashes: Vec<[u8; 32]> = codes.iter().map(|c| recovery_hash(c)).collect();
    if !store::two_factor::enable(db, user, step as i64, &hashes, clock.now()).await? {
        return Err(AppError::Conflict("two-factor already on"));
    }
    tracing::info!(user_id = %user, "two-factor sign-in turned on");
    Ok(codes)
}

/// Checks a second factor: a current code (once) or an unused recovery code.
pub async fn verify(db: &Db, clock: &Clock, user: UserId, code: &str) -> Result<bool> {
    let Some(row) = store::two_factor::find(db, user).await? else {
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
        return Ok(store::two_factor::use_step(db, user, step as i64).await?);
    }
    let used =
        store::two_factor::use_recovery_code(db, user, &recovery_hash(code), clock.now()).await?;
    if used {
        tracing::info!(user_id = %user, "a recovery code was used");
    }
    Ok(used)
}

pub async fn recovery_codes_left(db: &Db, user: UserId) -> Result<i64> {
    Ok(store::two_factor::unused_recovery_codes(db, user).await?)
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
    let creds = store::accounts::get_credentials_by_id(db, person.user_id).await?;
    if !hashing.verify(password, Some(&creds.password_hash)).await? {
        return Err(AppError::Invalid(FieldErrors::single(
            "password",
            "That isn't your password.",
        )));
    }
    if !verify(db, clock, person.user_id, code).await? {
        return Err(AppError::Invalid(FieldErrors::single(
            "code",
            "That code didn't match (or was used already).",
        )));
    }
    store::two_factor::disable(db, person.user_id).await?;
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
        assert_eq!(
            recovery_hash("ABCD-ef01-2345"),
            recovery_hash("abcdef012345")
        );
    }
}
