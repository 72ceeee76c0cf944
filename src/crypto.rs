//! Encryption at rest of the free text people write, when the operator sets a data key.
//!
//! A sealed value is stored in the same text column as a plain one would be, as
//! `mutual:enc1:<key id>:<base64 of nonce ‖ ciphertext>`: XChaCha20-Poly1305 with a random
//! 192-bit nonce (large enough that random nonces never repeat in practice), and the
//! column's name as associated data, so a value copied into another column fails to open
//! instead of showing up somewhere it does not belong. Scale and choice answers stay plain
//! numbers so summaries still aggregate in SQL.
//!
//! Without a key, values are stored and read as they are. With a key, plain values written
//! before the key was set still read back (they carry no prefix); `mutual rotate-key`
//! seals them too.

use std::fmt;

use anyhow::{anyhow, bail, Context};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};

const PREFIX: &str = "mutual:enc1:";
const NONCE_LEN: usize = 24;

/// The columns that hold free text written by people. Each one's name is bound into its
/// values as associated data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `answers.value_text`
    AnswerText,
    /// `assignments.note`
    AssignmentNote,
    /// `prompts.text` of a set a therapist wrote
    PromptText,
    /// `data_keys.check_value`
    KeyCheck,
}

impl Field {
    fn aad(self) -> &'static [u8] {
        match self {
            Field::AnswerText => b"answers.value_text",
            Field::AssignmentNote => b"assignments.note",
            Field::PromptText => b"prompts.text",
            Field::KeyCheck => b"data_keys.check_value",
        }
    }
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

    /// Seals `plain` for `field`.
    pub fn seal(&self, field: Field, plain: &str) -> anyhow::Result<String> {
        let nonce: [u8; NONCE_LEN] = crate::domain::random_bytes();
        let sealed = self
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: field.aad(),
                },
            )
            .map_err(|_| anyhow!("encryption failed"))?;
        let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(format!(
            "{PREFIX}{}:{}",
            self.id,
            URL_SAFE_NO_PAD.encode(out)
        ))
    }

    /// Opens a value sealed for `field` with this key. A value sealed with another key, or
    /// altered, is an error: garbage is never shown as someone's words.
    pub fn open(&self, field: Field, stored: &str) -> anyhow::Result<String> {
        let Some((key_id, body)) = split(stored) else {
            return Ok(stored.to_owned());
        };
        if key_id != self.id {
            bail!("a value is sealed with data key {key_id}, not the configured key");
        }
        let raw = URL_SAFE_NO_PAD
            .decode(body)
            .context("a sealed value is not valid base64")?;
        if raw.len() < NONCE_LEN {
            bail!("a sealed value is too short");
        }
        let (nonce, sealed) = raw.split_at(NONCE_LEN);
        let plain = self
            .cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: field.aad(),
                },
            )
            .map_err(|_| anyhow!("a sealed value does not open with the configured data key"))?;
        String::from_utf8(plain).context("a sealed value is not UTF-8")
    }
}

/// The key id and body of a sealed value; `None` for a plain one.
fn split(stored: &str) -> Option<(&str, &str)> {
    stored.strip_prefix(PREFIX)?.split_once(':')
}

/// True when `stored` is a sealed value (of any key).
pub fn is_sealed(stored: &str) -> bool {
    split(stored).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> DataKey {
        DataKey::parse(&DataKey::generate()).unwrap()
    }

    #[test]
    fn seal_then_open_gives_the_text_back_and_hides_it() {
        let k = key();
        let sealed = k.seal(Field::AnswerText, "soft morning light").unwrap();
        assert!(!sealed.contains("morning"));
        assert!(is_sealed(&sealed));
        assert_eq!(
            k.open(Field::AnswerText, &sealed).unwrap(),
            "soft morning light"
        );
        // Two seals of the same text differ (fresh nonce each time).
        assert_ne!(
            sealed,
            k.seal(Field::AnswerText, "soft morning light").unwrap()
        );
    }

    #[test]
    fn a_wrong_key_another_column_or_a_changed_byte_fail_to_open() {
        let k = key();
        let sealed = k.seal(Field::AnswerText, "words").unwrap();
        assert!(key().open(Field::AnswerText, &sealed).is_err());
        assert!(k.open(Field::AssignmentNote, &sealed).is_err());
        let mut tampered = sealed.clone().into_bytes();
        let last = tampered.len() - 1;
        tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
        assert!(k
            .open(Field::AnswerText, &String::from_utf8(tampered).unwrap())
            .is_err());
    }

    #[test]
    fn plain_values_pass_through_and_keys_parse_from_hex_or_base64() {
        let k = key();
        assert_eq!(k.open(Field::AnswerText, "plain").unwrap(), "plain");
        let hex_key = "00".repeat(32);
        let b64_key = base64::engine::general_purpose::STANDARD.encode([0u8; 32]);
        assert_eq!(
            DataKey::parse(&hex_key).unwrap().id(),
            DataKey::parse(&format!("{b64_key}\n")).unwrap().id()
        );
        assert!(DataKey::parse("too short").is_err());
        assert!(DataKey::parse(&"00".repeat(16)).is_err());
    }
}
