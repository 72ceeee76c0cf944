//! What the operator's tools do (`mutual admin …`): create accounts, print password
//! reset links, disable and enable accounts, approve therapists, make sign-up codes,
//! count things.
//!
//! Invariants: reset links and sign-up codes are stored only as SHA-256 hashes and work
//! once; a reset link works for [`RESET_LINK_VALID`]; nothing here reads what anyone wrote.

use sha2::{Digest, Sha256};
use time::Duration;

use crate::clock::Clock;
use crate::error::{AppError, FieldErrors};
use crate::ids::UserId;
use crate::store::{self, Db};

use super::accounts;
use super::password::PasswordHashing;

/// How long a printed password reset link works.
pub const RESET_LINK_VALID: Duration = Duration::hours(1);

/// Why a tool did nothing, in words for the operator.
#[derive(Debug, thiserror::Error)]
pub enum OperatorError {
    #[error("No account has the email {0}.")]
    NoSuchAccount(String),
    #[error("An account with the email {0} already exists.")]
    EmailTaken(String),
    #[error("{0} has not signed up as a therapist; nothing changed.")]
    NotATherapist(String),
    /// The problems, as sign-up would show them beside each field. Shown by message id
    /// here; the command line puts them in words (`cli::in_words`).
    #[error("{}", lines(.0).join("\n"))]
    Invalid(FieldErrors),
    #[error(transparent)]
    Failed(#[from] anyhow::Error),
}

impl From<AppError> for OperatorError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Invalid(errors) => OperatorError::Invalid(errors),
            AppError::Internal(e) => OperatorError::Failed(e),
            other => OperatorError::Failed(anyhow::anyhow!("{other}")),
        }
    }
}

fn lines(errors: &FieldErrors) -> Vec<String> {
    errors
        .0
        .iter()
        .map(|(field, message)| format!("{}: {}", field.replace('_', " "), message.id))
        .collect()
}

/// Creates an account with the same checks as sign-up. `name` defaults to the part of
/// the email before the @. No consent is recorded: the person has not seen the wording.
pub async fn create_user(
    db: &Db,
    hashing: &PasswordHashing,
    clock: &Clock,
    email: &str,
    name: Option<&str>,
    password: &str,
) -> Result<UserId, OperatorError> {
    let normal = accounts::normalise_email(email);
    let name = name
        .map(str::to_owned)
        .unwrap_or_else(|| normal.split('@').next().unwrap_or_default().to_owned());
    let account =
        accounts::parse_registration(&name, email, password).map_err(OperatorError::Invalid)?;
    match accounts::register(db, hashing, clock, account, None, None).await? {
        Some(id) => Ok(id),
        None => Err(OperatorError::EmailTaken(normal)),
    }
}

async fn user_by_email(db: &Db, email: &str) -> Result<UserId, OperatorError> {
    let normal = accounts::normalise_email(email);
    store::operator::find_user_by_email(db, &normal)
        .await?
        .ok_or(OperatorError::NoSuchAccount(normal))
}

fn token_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// Makes a one-time link, valid for an hour, where the person with `email` sets a new
/// password. Earlier links for them stop working.
pub async fn reset_link(
    db: &Db,
    clock: &Clock,
    public_url: &str,
    email: &str,
) -> Result<String, OperatorError> {
    let user_id = user_by_email(db, email).await?;
    let token = super::random_token(32);
    let now = clock.now();
    store::operator::insert_password_reset(
        db,
        user_id,
        &token_hash(&token),
        now,
        now + RESET_LINK_VALID,
    )
    .await?;
    tracing::info!(user_id = %user_id, "password reset link made");
    Ok(format!(
        "{}/reset-password?token={token}",
        public_url.trim_end_matches('/')
    ))
}

/// Whose password a reset link would set, if it still works.
pub async fn check_reset_link(
    db: &Db,
    clock: &Clock,
    token: &str,
) -> crate::error::Result<Option<store::operator::LiveReset>> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    Ok(store::operator::find_live_reset(db, &token_hash(token), clock.now()).await?)
}

/// The message for a reset link that is used, expired or unknown.
pub const RESET_LINK_GONE: &str = "error-reset-link-gone";

/// Sets a new password through a reset link and ends all the person's sessions.
/// `Ok(false)` when the link does not work (nothing changed); `Invalid` when the password
/// is not acceptable (the link still works).
pub async fn use_reset_link(
    db: &Db,
    hashing: &PasswordHashing,
    clock: &Clock,
    token: &str,
    new_password: &str,
) -> crate::error::Result<bool> {
    let Some(reset) = check_reset_link(db, clock, token).await? else {
        return Ok(false);
    };
    if let Some(problem) = accounts::password_problem(new_password, &reset.email) {
        return Err(AppError::Invalid(FieldErrors::single(
            "new_password",
            problem,
        )));
    }
    let hash = hashing.hash(new_password).await?;
    let done = store::operator::update_password_from_reset(
        db,
        &token_hash(token),
        reset.user_id,
        &hash,
        clock.now(),
    )
    .await?;
    if done {
        tracing::info!(user_id = %reset.user_id, "password set through a reset link; sessions ended");
    }
    Ok(done)
}

/// Stops an account from signing in and ends its sessions; returns how many ended.
pub async fn disable_user(db: &Db, clock: &Clock, email: &str) -> Result<u64, OperatorError> {
    let user_id = user_by_email(db, email).await?;
    let ended = store::operator::update_disabled(db, user_id, Some(clock.now())).await?;
    tracing::info!(user_id = %user_id, ended, "account disabled");
    Ok(ended)
}

/// Lets a disabled account sign in again.
pub async fn enable_user(db: &Db, email: &str) -> Result<(), OperatorError> {
    let user_id = user_by_email(db, email).await?;
    store::operator::update_disabled(db, user_id, None).await?;
    tracing::info!(user_id = %user_id, "account enabled");
    Ok(())
}

/// Approves the therapist account with `email` (for `--therapists approved`): couples can
/// then invite them, and they see the couples who do. Returns false when it was approved
/// already (nothing changed).
pub async fn approve_therapist(db: &Db, clock: &Clock, email: &str) -> Result<bool, OperatorError> {
    let user_id = user_by_email(db, email).await?;
    match store::operator::update_therapist_approved(db, user_id, clock.now()).await? {
        None => Err(OperatorError::NotATherapist(accounts::normalise_email(
            email,
        ))),
        Some(approved) => {
            if approved {
                tracing::info!(user_id = %user_id, "therapist approved");
            }
            Ok(approved)
        }
    }
}

/// Counts only.
pub async fn stats(db: &Db) -> Result<store::operator::Stats, OperatorError> {
    Ok(store::operator::count_everything(db).await?)
}

/// A fresh single-use sign-up code, working for `days` days. Only its hash is stored.
pub async fn create_signup_code(
    db: &Db,
    clock: &Clock,
    days: u32,
) -> Result<String, OperatorError> {
    // Two invite-alphabet codes: 20 symbols of 5 bits, 100 random bits in all.
    let code = format!(
        "{}{}",
        super::couples::new_code(),
        super::couples::new_code()
    );
    let now = clock.now();
    store::signup::insert_signup_code(
        db,
        &accounts::signup_code_hash(&code),
        now,
        now + Duration::days(i64::from(days.max(1))),
    )
    .await?;
    Ok(code
        .as_bytes()
        .chunks(5)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-"))
}
