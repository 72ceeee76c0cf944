//! The prompts a check-in asks, as the library seeds them: their kinds, and how a typed
//! answer to each is read and checked (range, length, what may be kept private).

use crate::error::{Message, Result};
use crate::ids::{CheckinId, UserId};
use crate::store::answers::{AnswerRow, NewAnswer};
use crate::store::prompts::{ChoiceRow, PromptRow};
use crate::store::{self, Db};

/// A question set as lists show it: the library's, or one its owner wrote.
#[derive(Debug, Clone)]
pub struct PromptSet {
    pub prompt_set_id: String,
    pub title: String,
    pub description: String,
    pub prompt_count: i64,
}

impl From<store::prompts::PromptSetRow> for PromptSet {
    fn from(r: store::prompts::PromptSetRow) -> Self {
        PromptSet {
            prompt_set_id: r.prompt_set_id,
            title: r.title,
            description: r.description,
            prompt_count: r.prompt_count,
        }
    }
}

/// The library's sets not retired, with `owner`'s own among them when given, in order.
pub async fn sets(db: &Db, owner: Option<UserId>) -> Result<Vec<PromptSet>> {
    Ok(store::prompts::list_sets(db, owner)
        .await?
        .into_iter()
        .map(PromptSet::from)
        .collect())
}

/// Longest free-text answer, in characters.
pub const TEXT_MAX: usize = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Scale,
    Choice,
    Text,
}

/// One question of a set, with what is needed to ask and to show answers to it.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub id: String,
    pub kind: PromptKind,
    pub text: String,
    pub help: Option<String>,
    pub low_label: String,
    pub high_label: String,
    /// For choice prompts: labels in order; an answer stores its 1-based position.
    pub choices: Vec<String>,
    /// A scale answer at or below this shows the person a private note of care.
    pub care_at_most: Option<i32>,
    /// The 1-based positions of choices that show the person a private note of care.
    pub care_choices: Vec<i32>,
}

impl Prompt {
    fn from_rows(row: PromptRow, choices: &[ChoiceRow]) -> Prompt {
        let kind = match row.kind.as_str() {
            "scale" => PromptKind::Scale,
            "choice" => PromptKind::Choice,
            _ => PromptKind::Text,
        };
        let own = || choices.iter().filter(|c| c.prompt_id == row.prompt_id);
        Prompt {
            choices: own().map(|c| c.label.clone()).collect(),
            care_choices: own().filter(|c| c.care).map(|c| c.position).collect(),
            care_at_most: row.care_at_most,
            id: row.prompt_id,
            kind,
            text: row.text,
            help: row.help,
            low_label: row.scale_low_label.unwrap_or_default(),
            high_label: row.scale_high_label.unwrap_or_default(),
        }
    }

    pub fn is_scale(&self) -> bool {
        self.kind == PromptKind::Scale
    }
    pub fn is_choice(&self) -> bool {
        self.kind == PromptKind::Choice
    }
    pub fn is_text(&self) -> bool {
        self.kind == PromptKind::Text
    }

    /// The form field holding the answer to this prompt.
    pub fn field(&self) -> String {
        format!("a_{}", self.id)
    }
    /// The form field of this prompt's "keep private" box.
    pub fn private_field(&self) -> String {
        format!("private_{}", self.id)
    }

    /// An answer as words for the side-by-side view.
    pub(crate) fn describe(&self, a: &AnswerRow) -> String {
        match self.kind {
            PromptKind::Scale => a.value_int.map(|v| format!("{v} of 5")).unwrap_or_default(),
            PromptKind::Choice => a
                .value_int
                .and_then(|v| usize::try_from(v - 1).ok())
                .and_then(|i| self.choices.get(i).cloned())
                .unwrap_or_default(),
            PromptKind::Text if a.unreadable => store::UNREADABLE_ANSWER.to_owned(),
            PromptKind::Text => a.value_text.clone().unwrap_or_default(),
        }
    }

    /// An answer as the raw form value, to fill the form again. Empty for one that
    /// couldn't be read: the words shown instead are not the person's, and must not be
    /// saved back as theirs.
    pub(crate) fn raw(&self, a: &AnswerRow) -> String {
        match self.kind {
            PromptKind::Text => a.value_text.clone().unwrap_or_default(),
            _ => a.value_int.map(|v| v.to_string()).unwrap_or_default(),
        }
    }

    /// Checks one typed value. Empty means skipped (`Ok(None)`).
    pub(crate) fn parse(&self, raw: &str, private: bool) -> Result<Option<NewAnswer>, Message> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        let mut answer = NewAnswer {
            prompt_id: self.id.clone(),
            value_int: None,
            value_text: None,
            is_private: false,
        };
        match self.kind {
            PromptKind::Scale => match raw.parse::<i32>() {
                Ok(v) if (1..=5).contains(&v) => answer.value_int = Some(v),
                _ => return Err("error-answer-scale".into()),
            },
            PromptKind::Choice => match raw.parse::<usize>() {
                Ok(v) if (1..=self.choices.len()).contains(&v) => answer.value_int = Some(v as i32),
                _ => return Err("error-answer-choice".into()),
            },
            PromptKind::Text => {
                if super::has_control_chars(raw) {
                    return Err("error-answer-characters".into());
                }
                let n = raw.chars().count();
                if n > TEXT_MAX {
                    return Err(Message::new("error-answer-long")
                        .with("length", n)
                        .with("max", TEXT_MAX));
                }
                answer.value_text = Some(raw.to_owned());
                answer.is_private = private;
            }
        }
        Ok(Some(answer))
    }
}

/// The set for a check-in soon after being intimate: the one the landing page speaks of.
pub const AFTER_INTIMACY: &str = "after-intimacy";

/// How many questions an after-intimacy check-in asks (the landing page says so, from
/// the library itself, so the two cannot drift apart).
pub async fn after_intimacy_count(db: &Db) -> Result<i64> {
    Ok(store::prompts::count_in_set(db, AFTER_INTIMACY).await?)
}

/// The prompts of a set, in order.
pub async fn prompts_of(db: &Db, prompt_set_id: &str) -> Result<Vec<Prompt>> {
    let (rows, choices) = store::prompts::list_prompts(db, prompt_set_id).await?;
    Ok(rows
        .into_iter()
        .map(|r| Prompt::from_rows(r, &choices))
        .collect())
}

/// The prompts a check-in shows `viewer`: its set's prompts as the library has them now,
/// then any prompt that has since left the set but holds an answer of this check-in the
/// viewer may see (their own, or with `include_others` the partner's shared ones). So a
/// check-in started before a prompt moved to another set still shows, and takes, the
/// answers given to it, and a partner's answer never shows through an extra question.
pub async fn prompts_of_checkin(
    db: &Db,
    prompt_set_id: &str,
    checkin: CheckinId,
    viewer: UserId,
    include_others: bool,
) -> Result<Vec<Prompt>> {
    let (rows, choices) =
        store::prompts::list_prompts_of_checkin(db, prompt_set_id, checkin, viewer, include_others)
            .await?;
    Ok(rows
        .into_iter()
        .map(|r| Prompt::from_rows(r, &choices))
        .collect())
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
            choices: vec!["One".into(), "Two".into()],
            care_at_most: None,
            care_choices: Vec::new(),
        }
    }

    #[test]
    fn empty_answers_are_skips() {
        for kind in [PromptKind::Scale, PromptKind::Choice, PromptKind::Text] {
            assert!(prompt(kind).parse("  ", true).unwrap().is_none());
        }
    }

    #[test]
    fn out_of_range_values_are_refused() {
        assert!(prompt(PromptKind::Scale).parse("6", false).is_err());
        assert!(prompt(PromptKind::Scale).parse("0", false).is_err());
        assert!(prompt(PromptKind::Choice).parse("3", false).is_err());
        assert!(prompt(PromptKind::Scale).parse("x", false).is_err());
        assert_eq!(
            prompt(PromptKind::Choice)
                .parse("2", false)
                .unwrap()
                .unwrap()
                .value_int,
            Some(2)
        );
    }

    #[test]
    fn only_text_answers_can_be_private() {
        let scale = prompt(PromptKind::Scale).parse("3", true).unwrap().unwrap();
        assert!(!scale.is_private);
        let text = prompt(PromptKind::Text).parse("hi", true).unwrap().unwrap();
        assert!(text.is_private);
    }
}
