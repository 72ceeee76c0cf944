//! Free text on its way in and out: sealed with the data key when the operator set one,
//! and what is shown in place of a value that cannot be read (see [`crate::crypto`]).

use std::sync::Arc;

use super::Db;
use crate::crypto::{self, DataKey, Reader, Slot, Unreadable};

impl Db {
    /// This handle, sealing and opening free text with `key` (none: stored as typed).
    pub fn with_data_key(mut self, key: Option<DataKey>) -> Db {
        self.key = key.map(Arc::new);
        self
    }

    pub fn data_key(&self) -> Option<&DataKey> {
        self.key.as_deref()
    }

    /// How this handle reads stored values: with the key, only what it sealed.
    pub fn reader(&self) -> Reader<'_> {
        match self.key.as_deref() {
            Some(k) => Reader::Sealed(k),
            None => Reader::Plain,
        }
    }

    /// `plain` as it is stored in `slot`: sealed with the data key, or without one as
    /// written (escaped if it looks like a stored form, see [`crypto`]).
    pub fn seal(&self, slot: Slot<'_>, plain: &str) -> anyhow::Result<String> {
        match &self.key {
            Some(k) => k.seal(slot, plain.as_bytes()),
            None => Ok(crypto::store_plain_text(plain).into_owned()),
        }
    }

    pub fn seal_opt(&self, slot: Slot<'_>, plain: Option<&str>) -> anyhow::Result<Option<String>> {
        plain.map(|p| self.seal(slot, p)).transpose()
    }

    /// As [`Db::seal`], for bytes (two-step secrets).
    pub fn seal_bytes(&self, slot: Slot<'_>, plain: &[u8]) -> anyhow::Result<Vec<u8>> {
        match &self.key {
            Some(k) => Ok(k.seal(slot, plain)?.into_bytes()),
            None => Ok(crypto::store_plain(plain).into_owned()),
        }
    }

    /// The value stored in `slot` as it was written, or `None` when it cannot be read:
    /// sealed with another key, altered, copied from another row, or stored unsealed
    /// where a key is set. That is logged (which row and why, never the content) and the
    /// caller shows the value as unreadable; a page never fails on it.
    pub fn open(&self, slot: Slot<'_>, stored: &str) -> Option<String> {
        self.reader()
            .open_text(slot, stored)
            .map_err(|why| unreadable(slot, why))
            .ok()
    }

    /// As [`Db::open`], for bytes (two-step secrets).
    pub fn open_bytes(&self, slot: Slot<'_>, stored: &[u8]) -> Option<Vec<u8>> {
        self.reader()
            .open(slot, stored)
            .map_err(|why| unreadable(slot, why))
            .ok()
    }

    /// The words stored in `slot`, or the calm phrase that says they couldn't be read.
    pub fn open_or_say(&self, slot: Slot<'_>, stored: &str) -> String {
        self.open(slot, stored)
            .unwrap_or_else(|| unreadable_text(slot).to_owned())
    }
}

/// Shown in place of a written answer whose stored value couldn't be read.
pub const UNREADABLE_ANSWER: &str = "This answer couldn't be read.";

/// The calm words shown in place of a value that couldn't be read.
pub fn unreadable_text(slot: Slot<'_>) -> &'static str {
    match slot {
        Slot::Answer { .. } => UNREADABLE_ANSWER,
        Slot::AssignmentNote(_) => "This note couldn't be read.",
        Slot::PromptText(_) => "This question couldn't be read.",
        Slot::KeyCheck(_) | Slot::TotpSecret(_) => "This couldn't be read.",
    }
}

/// Logs a value that could not be read: which column and row, and why; no content.
pub(crate) fn unreadable(slot: Slot<'_>, why: Unreadable) {
    tracing::warn!(
        column = slot.column(),
        row = %slot,
        reason = %why,
        "a stored value could not be read; it is shown as unreadable"
    );
}
