//! Encryption at rest of what people write (and of two-step secrets), when the operator
//! sets a data key; and the one rule for telling stored values apart.
//!
//! Every value of a column listed in [`Slot`] is stored in exactly one of these forms:
//!
//! - `mutual:enc2:<key id>:<base64 of nonce ‖ ciphertext>`: sealed with
//!   XChaCha20-Poly1305 and a random 192-bit nonce (large enough that random nonces never
//!   repeat in practice). The associated data is the value's [`Slot`]: its table, column
//!   and the key of its row, so a value copied into another row, column or table does not
//!   open there.
//! - `mutual:enc1:<key id>:<base64>`: the first sealed format, bound to its column only.
//!   Only `mutual rotate-key` reads it, to upgrade it.
//! - Without a key: the value as written, except that a value starting with `mutual:`
//!   (the [`MARK`] every stored format starts with) is stored as `mutual:text:` followed
//!   by the value. So nothing a person types can look like a sealed value.
//!
//! Once a key is set, only `enc2` values sealed with it for their own slot are read;
//! anything else (unsealed text, `enc1`, another key's value, a copied or altered one) is
//! [`Unreadable`]: shown as such, never as someone's words, and never failing a page.
//! Scale and choice answers stay plain numbers so summaries still aggregate in SQL.

use std::borrow::Cow;
use std::fmt;

use anyhow::{anyhow, bail};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Every stored form of ours starts with this; typed text that does is escaped.
pub const MARK: &str = "mutual:";
/// Any sealed format, present or future.
const SEALED: &str = "mutual:enc";
const ENC1: &str = "mutual:enc1:";
const ENC2: &str = "mutual:enc2:";
/// Typed text that starts with [`MARK`], stored without a key.
const ESCAPED: &str = "mutual:text:";
const NONCE_LEN: usize = 24;

/// Where a value is stored: table, column and the key of its row. Sealing binds a value
/// to its slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot<'a> {
    /// `answers.value_text` of one person's answer to one prompt of one check-in.
    Answer {
        checkin: Uuid,
        user: Uuid,
        prompt: &'a str,
    },
    /// `assignments.note` of one exercise.
    AssignmentNote(Uuid),
    /// `prompts.text` of a prompt a therapist wrote (the library's are public text).
    PromptText(&'a str),
    /// `data_keys.check_value` of one key.
    KeyCheck(&'a str),
    /// `totp_secrets.secret` of one person.
    TotpSecret(Uuid),
}

impl Slot<'_> {
    /// `table.column`, as the first format bound it and as logs name it.
    pub fn column(&self) -> &'static str {
        match self {
            Slot::Answer { .. } => "answers.value_text",
            Slot::AssignmentNote(_) => "assignments.note",
            Slot::PromptText(_) => "prompts.text",
            Slot::KeyCheck(_) => "data_keys.check_value",
            Slot::TotpSecret(_) => "totp_secrets.secret",
        }
    }

    /// The associated data of an `enc2` value: format, column, then each part of the row
    /// key with its length, so no two slots give the same bytes.
    fn aad(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(96);
        out.extend_from_slice(b"mutual:enc2\0");
        out.extend_from_slice(self.column().as_bytes());
        let mut part = |bytes: &[u8]| {
            out.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
            out.extend_from_slice(bytes);
        };
        match self {
            Slot::Answer {
                checkin,
                user,
                prompt,
            } => {
                part(checkin.as_bytes());
                part(user.as_bytes());
                part(prompt.as_bytes());
            }
            Slot::AssignmentNote(id) | Slot::TotpSecret(id) => part(id.as_bytes()),
            Slot::PromptText(id) | Slot::KeyCheck(id) => part(id.as_bytes()),
        }
        out
    }
}

/// Names the row for logs: ids only, never content.
impl fmt::Display for Slot<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Slot::Answer {
                checkin,
                user,
                prompt,
            } => write!(f, "check-in {checkin}, person {user}, prompt {prompt}"),
            Slot::AssignmentNote(id) => write!(f, "assignment {id}"),
            Slot::PromptText(id) => write!(f, "prompt {id}"),
            Slot::KeyCheck(id) => write!(f, "key {id}"),
            Slot::TotpSecret(id) => write!(f, "person {id}"),
        }
    }
}

/// Why a stored value cannot be read. Says nothing about what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    #[error("it is sealed, but no data key is configured")]
    NoKey,
    #[error("it is stored unsealed although a data key is set")]
    NotSealed,
    #[error("it is in the first sealed format, which only `rotate-key` reads")]
    FirstFormat,
    #[error("it is sealed with another data key")]
    OtherKey,
    #[error("it does not open for this row: altered, or copied from another row")]
    DoesNotOpen,
    #[error("it is not a well-formed sealed value")]
    Malformed,
    #[error("it is not UTF-8 text")]
    NotText,
}

/// A 256-bit data key and its id.
#[derive(Clone)]
pub struct DataKey {
    cipher: XChaCha20Poly1305,
    id: String,
}

// Never prints the key.
impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DataKey").field("id", &self.id).finish()
    }
}

impl DataKey {
    /// Reads a key written as 64 hex digits or as base64 (standard or URL-safe) of 32
    /// bytes, as `mutual new-data-key` prints it. Surrounding whitespace is ignored, so a
    /// key file may end with a newline.
    pub fn parse(text: &str) -> anyhow::Result<DataKey> {
        let text = text.trim();
        let bytes = if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            hex::decode(text).ok()
        } else {
            base64::engine::general_purpose::STANDARD
                .decode(text)
                .or_else(|_| URL_SAFE_NO_PAD.decode(text))
                .ok()
        };
        match bytes {
            Some(b) if b.len() == 32 => Ok(DataKey::from_bytes(&b)),
            _ => bail!("the data key must be 32 bytes, written as 64 hex digits or base64 (make one with `mutual new-data-key`)"),
        }
    }

    fn from_bytes(bytes: &[u8]) -> DataKey {
        // The id is a hash of the key under its own label: it tells keys apart without
        // saying anything that helps to guess one.
        let mut h = Sha256::new();
        h.update(b"mutual data key id\0");
        h.update(bytes);
        let id = hex::encode(&h.finalize()[..8]);
        DataKey {
            cipher: XChaCha20Poly1305::new(bytes.into()),
            id,
        }
    }

    /// A fresh random key, written as base64.
    pub fn generate() -> String {
        let bytes: [u8; 32] = crate::domain::random_bytes();
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Seals `plain` for `slot`, in the current format.
    pub fn seal(&self, slot: Slot<'_>, plain: &[u8]) -> anyhow::Result<String> {
        let nonce: [u8; NONCE_LEN] = crate::domain::random_bytes();
        let sealed = self
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: &slot.aad(),
                },
            )
            .map_err(|_| anyhow!("encryption failed"))?;
        let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(format!("{ENC2}{}:{}", self.id, URL_SAFE_NO_PAD.encode(out)))
    }

    /// Opens a value this key sealed for `slot` in the current format; anything else is
    /// unreadable, so garbage or a value from elsewhere is never shown as someone's words.
    pub fn open(&self, slot: Slot<'_>, stored: &[u8]) -> Result<Vec<u8>, Unreadable> {
        if let Some(rest) = stored.strip_prefix(ENC2.as_bytes()) {
            self.decrypt(rest, &slot.aad())
        } else if stored.starts_with(ENC1.as_bytes()) {
            Err(Unreadable::FirstFormat)
        } else if stored.starts_with(SEALED.as_bytes()) {
            Err(Unreadable::Malformed)
        } else {
            Err(Unreadable::NotSealed)
        }
    }

    /// Opens a value of the first format (bound to its column only), for the upgrade.
    fn open_first_format(&self, slot: Slot<'_>, stored: &[u8]) -> Result<Vec<u8>, Unreadable> {
        let rest = stored
            .strip_prefix(ENC1.as_bytes())
            .ok_or(Unreadable::Malformed)?;
        self.decrypt(rest, slot.column().as_bytes())
    }

    /// `<key id>:<base64>` to plain bytes.
    fn decrypt(&self, rest: &[u8], aad: &[u8]) -> Result<Vec<u8>, Unreadable> {
        let rest = std::str::from_utf8(rest).map_err(|_| Unreadable::Malformed)?;
        let (key_id, body) = rest.split_once(':').ok_or(Unreadable::Malformed)?;
        if key_id != self.id {
            return Err(Unreadable::OtherKey);
        }
        let raw = URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|_| Unreadable::Malformed)?;
        if raw.len() < NONCE_LEN {
            return Err(Unreadable::Malformed);
        }
        let (nonce, sealed) = raw.split_at(NONCE_LEN);
        self.cipher
            .decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad })
            .map_err(|_| Unreadable::DoesNotOpen)
    }
}

/// `plain` as it is stored without a key: as written, unless it starts with [`MARK`].
pub fn store_plain(plain: &[u8]) -> Cow<'_, [u8]> {
    if plain.starts_with(MARK.as_bytes()) {
        Cow::Owned([ESCAPED.as_bytes(), plain].concat())
    } else {
        Cow::Borrowed(plain)
    }
}

/// As [`store_plain`], for text.
pub fn store_plain_text(plain: &str) -> Cow<'_, str> {
    if plain.starts_with(MARK) {
        Cow::Owned(format!("{ESCAPED}{plain}"))
    } else {
        Cow::Borrowed(plain)
    }
}

/// A value stored without a key, as written. Values written before typed text was
/// escaped read as they are, unless they look sealed.
fn read_plain(stored: &[u8]) -> Result<&[u8], Unreadable> {
    if let Some(rest) = stored.strip_prefix(ESCAPED.as_bytes()) {
        Ok(rest)
    } else if stored.starts_with(SEALED.as_bytes()) {
        Err(Unreadable::NoKey)
    } else {
        Ok(stored)
    }
}

/// How stored values are read.
#[derive(Clone, Copy, Debug)]
pub enum Reader<'a> {
    /// No key: values stored as written (sealed ones are unreadable).
    Plain,
    /// A key: only values it sealed, in the current format, for their own slot.
    Sealed(&'a DataKey),
    /// `rotate-key` upgrading a database that had no key or the first format: values
    /// stored as written, the first format and the current one, with the key if any.
    Upgrade(Option<&'a DataKey>),
}

impl Reader<'_> {
    /// The value stored in `slot`, as written.
    pub fn open(&self, slot: Slot<'_>, stored: &[u8]) -> Result<Vec<u8>, Unreadable> {
        match *self {
            Reader::Plain => read_plain(stored).map(<[u8]>::to_vec),
            Reader::Sealed(key) => key.open(slot, stored),
            Reader::Upgrade(key) => match key {
                Some(key) if stored.starts_with(ENC2.as_bytes()) => key.open(slot, stored),
                Some(key) if stored.starts_with(ENC1.as_bytes()) => {
                    key.open_first_format(slot, stored)
                }
                Some(_) if stored.starts_with(SEALED.as_bytes()) => Err(Unreadable::Malformed),
                _ => read_plain(stored).map(<[u8]>::to_vec),
            },
        }
    }

    /// As [`Reader::open`], for text.
    pub fn open_text(&self, slot: Slot<'_>, stored: &str) -> Result<String, Unreadable> {
        String::from_utf8(self.open(slot, stored.as_bytes())?).map_err(|_| Unreadable::NotText)
    }
}

/// True when `stored` is in the first sealed format.
pub fn is_first_format(stored: &str) -> bool {
    stored.starts_with(ENC1)
}

#[cfg(test)]
mod tests;
