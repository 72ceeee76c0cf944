//! Typed ids, so a couple id can never be passed where a user id belongs.
//! All are UUIDv7 made in Rust (time-ordered, so they index well on both backends).

use std::fmt;

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
);
