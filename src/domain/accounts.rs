//! Accounts and sessions: who a person is, and proving it.
//!
//! Invariants: emails are stored trimmed and lower-cased; a password is never stored or
//! logged, only its argon2id hash.

use secrecy::{ExposeSecret, SecretString};

use crate::clock::Clock;
use crate::error::{AppError, FieldErrors, Message, Result};
use crate::ids::UserId;
use crate::store::{self, Db};

use super::password::PasswordHashing;
use super::throttle;

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;
pub const NAME_MAX: usize = 60;
pub const EMAIL_MAX: usize = 254;

/// What a registration form holds once every field is valid.
#[derive(Debug)]
pub struct NewAccount {
    /// A therapist's account gets a share code couples invite them with.
    pub is_therapist: bool,
    /// A therapist account is approved from the start (`--therapists open`); otherwise it
    /// waits for `mutual admin approve-therapist`.
    pub therapist_approved: bool,
    pub email: String,
    pub display_name: String,
    /// Kept as typed; `Debug` shows `[REDACTED]`.
    pub password: SecretString,
    /// A key of the list of time zones (`time_zone::parse`).
    pub time_zone: &'static str,
    /// The language the person reads Mutual in: a code the web layer checked against the
    /// catalogues it loaded (`en` until it sets one).
    pub language: String,
}

/// Checks a registration form; the messages are the ones shown beside each field.
pub fn parse_registration(
    display_name: &str,
    email: &str,
    password: &str,
) -> Result<NewAccount, FieldErrors> {
    let mut errors = FieldErrors::default();
    let display_name = display_name.trim();
    if let Some(problem) = name_problem(display_name) {
        errors.add("display_name", problem);
    }
    let email = normalise_email(email);
    if let Some(problem) = email_problem(&email) {
        errors.add("email", problem);
    }
    if let Some(problem) = password_problem(password, &email) {
        errors.add("password", problem);
    }
    if errors.is_empty() {
        Ok(NewAccount {
            is_therapist: false,
            therapist_approved: false,
            email,
            display_name: display_name.to_owned(),
            password: password.into(),
            time_zone: super::time_zone::UTC.key,
            language: "en".to_owned(),
        })
    } else {
        Err(errors)
    }
}

/// What is wrong with a (trimmed) name a partner will see, if anything.
pub fn name_problem(display_name: &str) -> Option<Message> {
    if display_name.is_empty() {
        Some("error-name-empty".into())
    } else if display_name.chars().count() > NAME_MAX {
        Some(Message::new("error-name-too-long").with("max", NAME_MAX))
    } else if super::has_control_chars(display_name) {
        Some("error-name-characters".into())
    } else {
        None
    }
}

/// What is wrong with a (normalised) email address, if anything.
pub fn email_problem(email: &str) -> Option<&'static str> {
    if email.is_empty() {
        Some("error-email-empty")
    } else if !looks_like_email(email) {
        Some("error-email-shape")
    } else {
        None
    }
}

/// What is wrong with `password` for the account with `email`, if anything. Passwords
/// are never trimmed or altered; there are no composition rules.
pub fn password_problem(password: &str, email: &str) -> Option<Message> {
    let length = password.chars().count();
    let lowered = password.to_lowercase();
    let local_part = email.split('@').next().unwrap_or_default();
    if length < PASSWORD_MIN {
        Some(Message::new("error-password-short").with("min", PASSWORD_MIN))
    } else if length > PASSWORD_MAX {
        Some(Message::new("error-password-long").with("max", PASSWORD_MAX))
    } else if is_common_password(&lowered) {
        Some("error-password-common".into())
    } else if !email.is_empty()
        && (lowered.contains(email)
            || (local_part.chars().count() >= 4 && lowered.contains(local_part)))
    {
        Some("error-password-has-email".into())
    } else {
        None
    }
}

/// Changes the person's password after checking the current one, and ends every other
/// session (whoever knew the old password is signed out everywhere).
pub async fn change_password(
    db: &Db,
    hashing: &PasswordHashing,
    clock: &Clock,
    person: &crate::domain::sessions::SessionPerson,
    current: &str,
    new: &str,
) -> Result<()> {
    let creds = store::accounts::find_credentials_by_id(db, person.user_id).await?;
    let ok = check_own_password(
        db,
        hashing,
        clock,
        person.user_id,
        &creds,
        current,
        "current_password",
    )
    .await?;
    let mut errors = FieldErrors::default();
    if !ok {
        errors.add("current_password", "error-current-password-wrong");
    }
    if let Some(problem) = password_problem(new, &creds.email) {
        errors.add("new_password", problem);
    }
    errors.into_result()?;
    let hash = hashing.hash(new).await?;
    store::accounts::update_password(db, person.user_id, &hash).await?;
    store::sessions::delete_others(db, person.user_id, &person.session_public_id).await?;
    tracing::info!(user_id = %person.user_id, "password changed; other sessions ended");
    Ok(())
}

/// Checks a signed-in person's password (to change it, turn two-step sign-in off or delete
/// the account). Wrong ones count with wrong passwords at sign-in, for the same email, so
/// a borrowed session cannot be used to guess the password; once the limit is used up the
/// password is not even checked. A right one clears the count, as at sign-in.
pub async fn check_own_password(
    db: &Db,
    hashing: &PasswordHashing,
    clock: &Clock,
    user: UserId,
    creds: &store::accounts::StoredCredentials,
    password: &str,
    field: &'static str,
) -> Result<bool> {
    let subject = throttle::subject(&creds.email);
    if let Some(wait) = throttle::attempt(db, throttle::LOGIN, &subject, clock.now()).await? {
        tracing::info!(user_id = %user, "password check refused: too many wrong passwords");
        return Err(throttle::refused(
            field,
            wait,
            Message::new("error-password-paused"),
        ));
    }
    let ok = hashing
        .verify(password, Some(creds.password_hash.expose_secret()))
        .await?;
    if ok {
        throttle::clear(db, throttle::LOGIN, &subject).await?;
    }
    Ok(ok)
}

/// The most common passwords (shipped in data/), lower-cased, for a quick lookup.
static COMMON_PASSWORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        include_str!("../../data/common-passwords.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    });

/// True when `lowered` (a lower-cased password) is among the most common passwords.
pub fn is_common_password(lowered: &str) -> bool {
    COMMON_PASSWORDS.contains(lowered)
}

pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn looks_like_email(email: &str) -> bool {
    if email.len() > EMAIL_MAX || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    match email.rsplit_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.len() >= 3
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    }
}

/// Adds the sign-up form's own checks to `fields` (from [`parse_registration`]): the
/// consent box must be ticked, and when registration is invite-only a code is needed.
pub fn check_sign_up(
    fields: Result<NewAccount, FieldErrors>,
    consented: bool,
    signup_code: Option<&str>,
) -> Result<NewAccount, FieldErrors> {
    let mut extra = FieldErrors::default();
    if !consented {
        extra.add("consent", super::consent::DATA_STORAGE_MISSING);
    }
    if signup_code.is_some_and(|c| c.trim().is_empty()) {
        extra.add("signup_code", "error-signup-code-empty");
    }
    match fields {
        Ok(account) if extra.is_empty() => Ok(account),
        Ok(_) => Err(extra),
        Err(mut errors) => {
            for (field, message) in extra.0 {
                errors.add(field, message);
            }
            Err(errors)
        }
    }
}

/// The message for a sign-up code that does not work (unknown, used or expired).
pub const SIGNUP_CODE_NOT_VALID: &str = "error-signup-code-not-valid";

/// Creates an account, storing the consent given at sign-up with it. Returns `None` when
/// the email was already registered: the caller must answer exactly as for a new account,
/// so a stranger cannot learn who has one (the hash is computed either way, so the time
/// taken tells nothing either). With `signup_code` (invite-only registration) the code is
/// used up in the same transaction; a code that does not work is a field error and
/// creates nothing.
pub async fn register(
    db: &Db,
    hashing: &PasswordHashing,
    clock: &Clock,
    account: NewAccount,
    consent: Option<super::consent::Consent>,
    signup_code: Option<&str>,
) -> Result<Option<UserId>> {
    let hash = hashing.hash(account.password.expose_secret()).await?;
    let user_id = UserId::new();
    let therapist_code = account.is_therapist.then(super::couples::new_code);
    let code_hash = signup_code.map(signup_code_hash);
    let created = store::signup::insert_account(
        db,
        store::signup::NewUser {
            user_id,
            email: &account.email,
            display_name: &account.display_name,
            password_hash: &hash,
            time_zone: account.time_zone,
            language: &account.language,
            therapist_code: therapist_code.as_deref(),
            therapist_code_expires_at: account
                .is_therapist
                .then(|| clock.now() + super::therapists::SHARE_CODE_LIFETIME),
            therapist_approved_at: (account.is_therapist && account.therapist_approved)
                .then(|| clock.now()),
            now: clock.now(),
        },
        consent.map(|c| (c.kind, c.version)),
        code_hash.as_ref().map(|h| h.as_slice()),
    )
    .await?;
    match created {
        store::signup::Created::Created => {
            tracing::info!(user_id = %user_id, "account created");
            Ok(Some(user_id))
        }
        store::signup::Created::EmailTaken => {
            tracing::info!("sign-up for an email that is already registered");
            Ok(None)
        }
        store::signup::Created::CodeNotValid => {
            tracing::info!("sign-up with a sign-up code that does not work");
            Err(AppError::Invalid(FieldErrors::single(
                "signup_code",
                SIGNUP_CODE_NOT_VALID,
            )))
        }
    }
}

/// The stored form of a sign-up code: its SHA-256 after normalising what was typed (case,
/// spaces and dashes do not matter). Codes carry 100 random bits, so a plain hash is enough.
pub fn signup_code_hash(typed: &str) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    // As with invite codes, the letters people confuse with digits are read as digits.
    let normal: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    Sha256::digest(normal.as_bytes()).into()
}

/// The one message for any failed sign-in: it must not tell which part was wrong.
pub const LOGIN_FAILED: &str = "error-login-failed";

/// Who signed in with a right password.
#[derive(Debug, Clone, Copy)]
pub struct Authenticated {
    pub user_id: UserId,
    /// Therapists land on their dashboard.
    pub is_therapist: bool,
}

/// Checks an email and password. Unknown emails cost the same as wrong passwords, and
/// after [`throttle::LOGIN`] failures for one email (known or not) further attempts wait.
pub async fn authenticate(
    db: &Db,
    hashing: &PasswordHashing,
    clock: &Clock,
    email: &str,
    password: &str,
) -> Result<Authenticated> {
    let email = normalise_email(email);
    let subject = throttle::subject(&email);
    if let Some(wait) = throttle::attempt(db, throttle::LOGIN, &subject, clock.now()).await? {
        tracing::info!("sign-in refused: too many failed attempts for one email");
        return Err(throttle::refused(
            "email",
            wait,
            Message::new("error-login-paused"),
        ));
    }
    // An email that could not have been registered is simply unknown (still one verify).
    let impossible =
        email.is_empty() || email.len() > EMAIL_MAX || super::has_control_chars(&email);
    let found = if impossible || password.chars().count() > PASSWORD_MAX {
        None
    } else {
        store::accounts::find_credentials(db, &email).await?
    };
    let ok = hashing
        .verify(
            password,
            found.as_ref().map(|c| c.password_hash.expose_secret()),
        )
        .await?;
    match found {
        Some(c) if ok => {
            throttle::clear(db, throttle::LOGIN, &subject).await?;
            tracing::info!(user_id = %c.user_id, "signed in");
            Ok(Authenticated {
                user_id: c.user_id,
                is_therapist: c.is_therapist,
            })
        }
        _ => {
            // The attempt is already counted.
            tracing::info!("sign-in failed");
            Err(AppError::Invalid(FieldErrors::single(
                "email",
                LOGIN_FAILED,
            )))
        }
    }
}

#[cfg(test)]
mod tests;
