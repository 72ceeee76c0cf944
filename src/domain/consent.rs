//! Consent to what Mutual stores, given at sign-up.
//!
//! Invariant: every stored consent names the version of the wording the person saw. The
//! wording lives here, not in a template, so the version can be checked against it: a
//! unit test fails when the words change and the version does not.

/// The kinds of consent a person can give (the `kind` column of `consents`).
pub const DATA_STORAGE: &str = "data_storage";

/// Which wording of [`DATA_STORAGE_TEXT`] and [`DATA_STORAGE_LABEL`] this is. Bump it
/// whenever either changes, so each stored consent says what was agreed to.
pub const DATA_STORAGE_VERSION: i32 = 1;

/// What is stored and why, shown beside the sign-up checkbox.
pub const DATA_STORAGE_TEXT: &str = "Mutual keeps what you write about your intimate life: \
your answers to each check-in, the scales and choices you pick, and anything you put into \
words. It keeps them so that you and your partner can see both sides once you've both \
answered, and look back together over time. Answers you mark private are only ever shown to \
you. Everything stays on this server, looked after by the person who runs it, and is never \
shared with anyone else. You can download all of it, or delete your account, whenever you \
like.";

/// The checkbox's own label.
pub const DATA_STORAGE_LABEL: &str =
    "I understand that Mutual stores what I write about my intimate life, and I'm happy for it to.";

/// The message (its id in the catalogues) when the box was left unticked.
pub const DATA_STORAGE_MISSING: &str = "error-consent-missing";

/// A consent as it is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Consent {
    pub kind: &'static str,
    pub version: i32,
}

/// The consent a person gives by ticking the sign-up box.
pub const AT_SIGN_UP: Consent = Consent {
    kind: DATA_STORAGE,
    version: DATA_STORAGE_VERSION,
};

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    /// Changing the words without bumping [`DATA_STORAGE_VERSION`] would record people as
    /// agreeing to words they never saw. When this fails: bump the version, then update
    /// the hash below.
    #[test]
    fn the_wording_cannot_change_without_a_new_version() {
        let words = format!("{DATA_STORAGE_TEXT}\n{DATA_STORAGE_LABEL}");
        let hash = hex::encode(Sha256::digest(words.as_bytes()));
        assert_eq!(
            (DATA_STORAGE_VERSION, hash.as_str()),
            (
                1,
                "0548d7002f204c42a3ccde346753ca8a741bd30f9be91f0a088f0bfebcd7a45f"
            ),
        );
    }
}
