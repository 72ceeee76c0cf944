//! Typed ids, so a couple id can never be passed where a user id belongs.
//! All are UUIDv7 made in Rust (time-ordered, so they index well on both backends).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! typed_id {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, sqlx::Type)]
        #[sqlx(transparent)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        /// Any spelling `Uuid::parse_str` reads, as a path segment or form field holds it.
        impl FromStr for $name {
            type Err = uuid::Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    )*};
}

typed_id!(
    /// A person's account.
    UserId,
    /// A couple: two people, while linked, and their shared history.
    CoupleId,
    /// One check-in: a prompt set answered by both partners.
    CheckinId,
    /// An invite code's row.
    InviteId,
    /// A couple's link to a therapist (`therapist_links`), from the invitation on; consent
    /// rows and the access log hang off it.
    TherapistLinkId,
    /// A check-in exercise a therapist assigned on one link (`assignments`).
    AssignmentId,
);
