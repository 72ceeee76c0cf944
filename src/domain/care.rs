//! A private word of care for a person whose own answers show that they felt pressured,
//! not free to say no or to pause, or uneasy.
//!
//! Invariant: the note is worked out from the person's own answers only and shown only to
//! them. Nothing is sent, flagged, counted or shown to their partner or a therapist; no
//! table records that a note was shown.

use crate::error::Result;
use crate::ids::{CoupleId, UserId};
use crate::store::answers::AnswerRow;
use crate::store::{self, Db};

use super::prompts::{Prompt, PromptKind};

/// How many of the couple's latest check-ins the summary looks at for the note.
pub const RECENT: i64 = 3;

/// Words in a written answer that suggest pressure or going along with something,
/// lower-case. Few and plain on purpose: a note shown once too often costs little, a
/// long list would start reading people's words for them.
const PHRASES: &[&str] = &[
    "pressure",
    "pressured",
    "went along",
    "go along with",
    "didn't want to",
    "did not want to",
    "didn't really want",
    "couldn't say no",
    "could not say no",
    "felt obliged",
    "felt i had to",
    "uncomfortable",
];

/// True when `text` reads as pressure or discomfort.
pub fn text_suggests_pressure(text: &str) -> bool {
    let lowered = text.to_lowercase().replace('’', "'");
    PHRASES.iter().any(|p| lowered.contains(p))
}

/// True when the person's own answer `a` to `prompt` calls for the note: a low point on a
/// scale the library marks (pressure, freedom to say no or pause, ease in one's body), a
/// choice it marks ("a little unsettled"), or written words of pressure.
pub fn answer_calls_for_care(prompt: &Prompt, a: &AnswerRow) -> bool {
    match prompt.kind {
        PromptKind::Scale => a
            .value_int
            .zip(prompt.care_at_most)
            .is_some_and(|(v, at_most)| v <= at_most),
        PromptKind::Choice => a
            .value_int
            .is_some_and(|v| prompt.care_choices.contains(&v)),
        PromptKind::Text => a.value_text.as_deref().is_some_and(text_suggests_pressure),
    }
}

/// Whether `person`'s own scale or choice answers in the couple's latest [`RECENT`]
/// check-ins call for the note (for the summary; written words are read on the check-in
/// page itself).
pub async fn in_recent_checkins(db: &Db, couple: CoupleId, person: UserId) -> Result<bool> {
    Ok(store::checkins::has_recent_care_signals(db, couple, person, RECENT).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prompt(kind: PromptKind) -> Prompt {
        Prompt {
            id: "p".into(),
            kind,
            text: "?".into(),
            help: None,
            low_label: String::new(),
            high_label: String::new(),
            choices: vec!["Fine".into(), "Unsettled".into()],
            care_at_most: Some(2),
            care_choices: vec![2],
        }
    }

    fn answer(value_int: Option<i32>, value_text: Option<&str>) -> AnswerRow {
        AnswerRow {
            user_id: UserId::new(),
            prompt_id: "p".into(),
            value_int,
            value_text: value_text.map(str::to_owned),
            is_private: false,
            unreadable: false,
        }
    }

    #[test]
    fn low_marked_scales_marked_choices_and_words_of_pressure_call_for_care() {
        let scale = prompt(PromptKind::Scale);
        assert!(answer_calls_for_care(&scale, &answer(Some(1), None)));
        assert!(answer_calls_for_care(&scale, &answer(Some(2), None)));
        assert!(!answer_calls_for_care(&scale, &answer(Some(3), None)));
        assert!(!answer_calls_for_care(&scale, &answer(None, None)));
        let unmarked = Prompt {
            care_at_most: None,
            ..prompt(PromptKind::Scale)
        };
        assert!(!answer_calls_for_care(&unmarked, &answer(Some(1), None)));
        let choice = prompt(PromptKind::Choice);
        assert!(answer_calls_for_care(&choice, &answer(Some(2), None)));
        assert!(!answer_calls_for_care(&choice, &answer(Some(1), None)));
        let text = prompt(PromptKind::Text);
        assert!(answer_calls_for_care(
            &text,
            &answer(None, Some("I went along with it more than I wanted to"))
        ));
        assert!(answer_calls_for_care(
            &text,
            &answer(None, Some("I didn’t want to stop them"))
        ));
        assert!(!answer_calls_for_care(
            &text,
            &answer(None, Some("Slow and warm, lovely"))
        ));
    }
}
