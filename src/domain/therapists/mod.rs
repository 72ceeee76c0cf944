//! Therapists: invited by a couple, seeing only what both partners consented to.
//!
//! Invariants: a link is active only when both current partners consented and neither
//! revoked it; what a therapist may see is the more restrictive of the two consents;
//! a therapist sees no couple at all until their own two-step sign-in is on, nor while
//! their account waits for the operator's approval (and cannot be invited then); every
//! look at a couple is written to the access log the partners can read.
//!
//! The couple's side (invite, consent, revoke, the access log) is `links`; the therapist's
//! own pages (share code, dashboard, one couple) are `practice`; exercises are
//! `assignments`, sets of questions `sets`.

use crate::domain::sessions::SessionPerson;
use crate::error::{AppError, Result};

mod assignments;
mod links;
mod practice;
mod sets;

pub use assignments::{
    assign, assignments_for_couple, cancel_assignment, edit_assignment, open_assignment,
    sets_to_assign, AssignedCheckin, Assignment, AssignmentInput, OfferedSet, SharedAnswer,
    SharedRow,
};
pub use links::{
    access_log, access_log_for_member, consent, couple_links, has_access_log, invite, revoke,
    Access, CoupleLink,
};
pub use practice::{
    couple_view, dashboard, renew_share_code, CoupleView, Dashboard, LinkedCouple,
    SHARE_CODE_LIFETIME,
};
pub use sets::{
    check_set_fields, create_set, drafts_from, edit_set, editable_set, own_set, preview_set,
    retire_set, set_lists, EditableSet, OwnSet, PromptDraft, SetPreview, SetSaved, CUSTOM_PROMPTS,
};

/// What a partner lets a therapist see. Ordered: a higher level includes the lower ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConsentLevel {
    /// Whether assigned check-ins were done (the default).
    Status = 1,
    /// And scale answers and summaries.
    Scales = 2,
    /// And free-text answers nobody kept private.
    Words = 3,
}

impl ConsentLevel {
    pub fn from_i32(v: i32) -> ConsentLevel {
        match v {
            3 => ConsentLevel::Words,
            2 => ConsentLevel::Scales,
            _ => ConsentLevel::Status,
        }
    }

    pub fn parse(raw: &str) -> Option<ConsentLevel> {
        match raw {
            "1" => Some(ConsentLevel::Status),
            "2" => Some(ConsentLevel::Scales),
            "3" => Some(ConsentLevel::Words),
            _ => None,
        }
    }

    pub fn value(self) -> i32 {
        self as i32
    }

    /// The level in words, for the data export (which keeps English keys and words);
    /// pages word it in the reader's language (`web::therapists::level_id`).
    pub fn label(self) -> &'static str {
        match self {
            ConsentLevel::Status => "Only whether check-ins were done",
            ConsentLevel::Scales => {
                "Whether check-ins were done, 1-to-5 and multiple-choice answers, and the summary"
            }
            ConsentLevel::Words => {
                "Whether check-ins were done, 1-to-5 and multiple-choice answers, the summary, and written answers (never ones kept private)"
            }
        }
    }

    /// What a look at this level showed, as the access log stores it. The log keeps these
    /// English words (an export carries them as they are); pages find the level again
    /// with [`ConsentLevel::from_viewed`] and word it in the reader's language.
    pub fn viewed(self) -> &'static str {
        match self {
            ConsentLevel::Status => "how many check-ins were done",
            ConsentLevel::Scales => "the summary: 1-to-5 and multiple-choice answers",
            ConsentLevel::Words => {
                "the summary: 1-to-5 and multiple-choice answers, and shared written answers"
            }
        }
    }

    /// The level whose look the access log stored as `viewed`, if it is one of ours.
    pub fn from_viewed(viewed: &str) -> Option<ConsentLevel> {
        ConsentLevel::ALL.into_iter().find(|l| l.viewed() == viewed)
    }

    pub const ALL: [ConsentLevel; 3] = [
        ConsentLevel::Status,
        ConsentLevel::Scales,
        ConsentLevel::Words,
    ];
}

fn therapist_only(person: &SessionPerson) -> Result<()> {
    if person.is_therapist {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// A therapist the operator approved: only they have a share code that works and couples.
fn approved_therapist(person: &SessionPerson) -> Result<()> {
    therapist_only(person)?;
    if person.therapist_approved {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::ConsentLevel;

    #[test]
    fn the_more_restrictive_consent_wins() {
        assert_eq!(
            ConsentLevel::Words.min(ConsentLevel::Status),
            ConsentLevel::Status
        );
        assert_eq!(ConsentLevel::parse("2"), Some(ConsentLevel::Scales));
        assert_eq!(ConsentLevel::parse("9"), None);
        for level in ConsentLevel::ALL {
            assert_eq!(ConsentLevel::from_viewed(level.viewed()), Some(level));
        }
        assert_eq!(ConsentLevel::from_viewed("something else"), None);
    }
}
