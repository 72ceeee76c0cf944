//! The person's own details: the name their partner sees, their time zone and the email
//! they sign in with.
//!
//! Invariants: a new email needs the current password, checked by
//! [`accounts::check_own_password`] so wrong ones count with sign-in failures; an address
//! another account already has is answered exactly as a change (and changes nothing), as
//! sign-up does, so these forms tell nobody who has an account.

use crate::clock::Clock;
use crate::domain::sessions::SessionPerson;
use crate::error::{FieldErrors, Result};
use crate::store::{self, Db};

use super::accounts;
use super::password::PasswordHashing;

pub use crate::store::accounts::Profile;

/// The person's name and email as stored.
pub async fn get(db: &Db, person: &SessionPerson) -> Result<Profile> {
    Ok(store::accounts::find_profile(db, person.user_id).await?)
}

/// Changes the name the person's partner (and therapist) sees, and their time zone.
pub async fn change_details(
    db: &Db,
    person: &SessionPerson,
    display_name: &str,
    time_zone: &str,
) -> Result<()> {
    let display_name = display_name.trim();
    let mut errors = FieldErrors::default();
    if let Some(problem) = accounts::name_problem(display_name) {
        errors.add("display_name", problem);
    }
    let zone = super::time_zone::parse(time_zone).unwrap_or_else(|message| {
        errors.add("time_zone", message);
        super::time_zone::UTC
    });
    errors.into_result()?;
    store::accounts::update_details(db, person.user_id, display_name, zone.key).await?;
    tracing::info!(user_id = %person.user_id, "details changed");
    Ok(())
}

/// Changes the language the person reads Mutual in. `language` is a code the web layer
/// took from the catalogues it loaded, so there is nothing to check here.
pub async fn change_language(db: &Db, person: &SessionPerson, language: &str) -> Result<()> {
    store::accounts::update_language(db, person.user_id, language).await?;
    tracing::info!(user_id = %person.user_id, language, "language changed");
    Ok(())
}

/// Changes the email the person signs in with, after checking their current password.
///
/// An address another account already has gets the same `Ok(())` as a change and
/// changes nothing, as sign-up answers a taken address like a new one. The account page
/// then shows the address in use, so a second look tells, as signing in after such a
/// sign-up does; both cost a right password and count with the per-address limit on
/// these posts (`web::limits`), so neither is a cheap way to list who has an account.
pub async fn change_email(
    db: &Db,
    hashing: &PasswordHashing,
    clock: &Clock,
    person: &SessionPerson,
    email: &str,
    password: &str,
) -> Result<()> {
    let creds = store::accounts::find_credentials_by_id(db, person.user_id).await?;
    let ok = accounts::check_own_password(
        db,
        hashing,
        clock,
        person.user_id,
        &creds,
        password,
        "password",
    )
    .await?;
    let mut errors = FieldErrors::default();
    let email = accounts::normalise_email(email);
    if let Some(problem) = accounts::email_problem(&email) {
        errors.add("email", problem);
    }
    if !ok {
        errors.add("password", "error-current-password-wrong");
    }
    errors.into_result()?;
    if email == creds.email {
        return Ok(());
    }
    if store::accounts::update_email(db, person.user_id, &email).await? {
        tracing::info!(user_id = %person.user_id, "email changed");
    } else {
        // Never the address: logs name nobody.
        tracing::info!(user_id = %person.user_id, "email change to an address in use; answered as a change");
    }
    Ok(())
}
