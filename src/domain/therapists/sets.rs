//! Sets of questions a therapist writes for their couples: writing, reading, changing and
//! retiring them.
//!
//! Invariant: a check-in always shows the questions it asked. A set no check-in has used
//! is changed where it stands; a set couples used is never changed: saving an edit makes a
//! new version (exercises not cancelled move to it) and retires the old one, which stays
//! readable in the check-ins that used it.

use crate::clock::Clock;
use crate::domain::prompts::{Prompt, PromptKind};
use crate::domain::sessions::SessionPerson;
use crate::error::{AppError, FieldErrors, Result};
use crate::store::{self, Db};

use super::therapist_only;

/// How many prompts a therapist's set may hold, and how many rows the form offers.
pub const CUSTOM_PROMPTS: usize = 6;

/// One prompt row of the "write your own set" form, as typed.
#[derive(Debug, Clone, Default)]
pub struct PromptDraft {
    pub text: String,
    pub kind: String,
    pub low: String,
    pub high: String,
    pub choices: String,
}

/// A therapist writes a set of their own prompts (same kinds as the library's). Rows
/// left empty are ignored. Returns the new set's id.
pub async fn create_set(
    db: &Db,
    person: &SessionPerson,
    title: &str,
    description: &str,
    drafts: &[PromptDraft],
) -> Result<String> {
    therapist_only(person)?;
    let (title, description, prompts) = check_set(title, description, drafts)?;
    Ok(
        store::own_sets::insert_custom_set(db, person.user_id, title, description, &prompts)
            .await?,
    )
}

/// The set form checked: trimmed title and description, and the prompts to store.
fn check_set<'a>(
    title: &'a str,
    description: &'a str,
    drafts: &[PromptDraft],
) -> Result<(&'a str, &'a str, Vec<store::own_sets::NewPrompt>)> {
    let mut errors = FieldErrors::default();
    let title = title.trim();
    if title.is_empty() || title.chars().count() > 80 || crate::domain::has_control_chars(title) {
        errors.add("title", "error-set-title");
    }
    let description = description.trim();
    if description.chars().count() > 500 || crate::domain::has_control_chars(description) {
        errors.add("description", "error-set-description");
    }
    let mut prompts = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let text = d.text.trim();
        if text.is_empty() {
            continue;
        }
        let field = format!("p{}_text", i + 1);
        if text.chars().count() > 300 || crate::domain::has_control_chars(text) {
            errors.add(field.clone(), "error-set-question-long");
        }
        let (kind, low, high, choices) = match d.kind.as_str() {
            "scale" => {
                let (low, high) = (d.low.trim(), d.high.trim());
                if low.is_empty() || high.is_empty() {
                    errors.add(field.clone(), "error-set-scale-words");
                }
                (
                    "scale",
                    Some(low.to_owned()),
                    Some(high.to_owned()),
                    Vec::new(),
                )
            }
            "choice" => {
                let choices: Vec<String> = d
                    .choices
                    .lines()
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect();
                if !(2..=6).contains(&choices.len()) {
                    errors.add(field.clone(), "error-set-choices");
                }
                ("choice", None, None, choices)
            }
            _ => ("text", None, None, Vec::new()),
        };
        prompts.push(store::own_sets::NewPrompt {
            kind,
            text: text.to_owned(),
            low,
            high,
            choices,
        });
    }
    if prompts.is_empty() && errors.is_empty() {
        errors.add("p1_text", "error-set-no-question");
    }
    errors.into_result()?;
    Ok((title, description, prompts))
}

/// A therapist's set as they list it.
pub type OwnSet = store::own_sets::OwnSetRow;

/// The sets a therapist wrote and has not retired, and the library's.
pub async fn set_lists(
    db: &Db,
    person: &SessionPerson,
) -> Result<(Vec<OwnSet>, Vec<crate::domain::prompts::PromptSet>)> {
    therapist_only(person)?;
    Ok((
        store::own_sets::list_own_sets(db, person.user_id).await?,
        crate::domain::prompts::sets(db, None).await?,
    ))
}

/// A set's questions as a therapist reads them before assigning it.
pub struct SetPreview {
    pub id: String,
    pub title: String,
    pub description: String,
    /// The reader wrote it (otherwise it is the library's).
    pub own: bool,
    pub retired: bool,
    pub prompts: Vec<Prompt>,
}

/// A library set, or one of the therapist's own (retired ones too); anything else,
/// another therapist's set above all, is not found.
pub async fn preview_set(db: &Db, person: &SessionPerson, id: &str) -> Result<SetPreview> {
    therapist_only(person)?;
    let set = store::own_sets::find_readable_set(db, person.user_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(SetPreview {
        prompts: crate::domain::prompts::prompts_of(db, &set.prompt_set_id).await?,
        id: set.prompt_set_id,
        title: set.title,
        description: set.description,
        own: set.own,
        retired: set.retired,
    })
}

/// One of the therapist's sets, not retired, as the edit form starts.
pub struct EditableSet {
    pub id: String,
    pub title: String,
    pub description: String,
    pub drafts: Vec<PromptDraft>,
    /// Check-ins used it: saving makes a new version.
    pub used: bool,
    /// Exercises not cancelled that name it.
    pub exercises: i64,
}

/// The therapist's own set `id`, not retired; not found when it is not theirs or is retired.
pub async fn own_set(db: &Db, person: &SessionPerson, id: &str) -> Result<OwnSet> {
    therapist_only(person)?;
    store::own_sets::find_own_set(db, person.user_id, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The therapist's own set `id` for the edit form; not found when it is not theirs or is
/// retired.
pub async fn editable_set(db: &Db, person: &SessionPerson, id: &str) -> Result<EditableSet> {
    let set = own_set(db, person, id).await?;
    let prompts = crate::domain::prompts::prompts_of(db, id).await?;
    let mut drafts: Vec<PromptDraft> = prompts.iter().map(draft_of).collect();
    drafts.resize(CUSTOM_PROMPTS.max(drafts.len()), PromptDraft::default());
    Ok(EditableSet {
        id: set.prompt_set_id,
        title: set.title,
        description: set.description,
        drafts,
        used: set.used,
        exercises: set.exercises,
    })
}

fn draft_of(p: &Prompt) -> PromptDraft {
    PromptDraft {
        text: p.text.clone(),
        kind: match p.kind {
            PromptKind::Scale => "scale",
            PromptKind::Choice => "choice",
            PromptKind::Text => "text",
        }
        .to_owned(),
        low: p.low_label.clone(),
        high: p.high_label.clone(),
        choices: p.choices.join("\n"),
    }
}

/// What saving an edited set did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetSaved {
    /// No check-in had used it: it changed where it stands.
    Edited,
    /// Check-ins had used it: the edit is a new version, the old one retired.
    NewVersion,
}

/// A therapist saves their edit of their own set `id` (see the module's invariant).
pub async fn edit_set(
    db: &Db,
    clock: &Clock,
    person: &SessionPerson,
    id: &str,
    title: &str,
    description: &str,
    drafts: &[PromptDraft],
) -> Result<SetSaved> {
    own_set(db, person, id).await?;
    let (title, description, prompts) = check_set(title, description, drafts)?;
    let saved = store::own_sets::update_custom_set(
        db,
        person.user_id,
        id,
        title,
        description,
        &prompts,
        clock.now(),
    )
    .await?
    .ok_or(AppError::NotFound)?;
    tracing::info!(user_id = %person.user_id, "therapist changed a set of questions");
    Ok(match saved {
        store::own_sets::SetSaved::InPlace => SetSaved::Edited,
        store::own_sets::SetSaved::NewVersion(_) => SetSaved::NewVersion,
    })
}

/// A therapist retires their own set `id`: no longer offered for new exercises. Check-ins
/// that used it keep it, and exercises already given with it go on until changed,
/// cancelled or done.
pub async fn retire_set(db: &Db, clock: &Clock, person: &SessionPerson, id: &str) -> Result<()> {
    therapist_only(person)?;
    if !store::own_sets::update_set_retired(db, person.user_id, id, clock.now()).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(user_id = %person.user_id, "therapist retired a set of questions");
    Ok(())
}

/// The prompt rows of the form, from its fields (`p1_text`, `p1_kind`, …).
/// `Err(Invalid)` when the new-set form carried a field its page does not have.
pub fn check_set_fields(fields: &[(String, String)]) -> Result<()> {
    const PARTS: [&str; 5] = ["text", "kind", "low", "high", "choices"];
    let known = |k: &str| {
        if k == "title" || k == "description" {
            return true;
        }
        let Some((n, part)) = k.strip_prefix('p').and_then(|r| r.split_once('_')) else {
            return false;
        };
        // The page numbers its rows 1.. without leading zeros.
        let row_ok = n
            .parse::<usize>()
            .is_ok_and(|n| (1..=CUSTOM_PROMPTS).contains(&n))
            && !n.starts_with('0');
        row_ok && PARTS.contains(&part)
    };
    let mut errors = FieldErrors::default();
    if fields.iter().any(|(k, _)| !known(k)) {
        errors.unknown_field();
    }
    errors.into_result()
}

pub fn drafts_from(fields: &[(String, String)]) -> Vec<PromptDraft> {
    let mut drafts = vec![PromptDraft::default(); CUSTOM_PROMPTS];
    for (k, v) in fields {
        let Some(rest) = k.strip_prefix('p') else {
            continue;
        };
        let Some((n, part)) = rest.split_once('_') else {
            continue;
        };
        let Ok(n) = n.parse::<usize>() else { continue };
        let Some(d) = n.checked_sub(1).and_then(|i| drafts.get_mut(i)) else {
            continue;
        };
        match part {
            "text" => d.text = v.clone(),
            "kind" => d.kind = v.clone(),
            "low" => d.low = v.clone(),
            "high" => d.high = v.clone(),
            "choices" => d.choices = v.clone(),
            _ => {}
        }
    }
    drafts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(keys: &[&str]) -> Vec<(String, String)> {
        keys.iter()
            .map(|k| (k.to_string(), String::new()))
            .collect()
    }

    #[test]
    fn the_new_set_form_knows_its_own_fields() {
        assert!(
            check_set_fields(&pairs(&["title", "description", "p1_text", "p6_choices"])).is_ok()
        );
        for unknown in [
            "p0_text",
            "p7_text",
            "p01_text",
            "p1_colour",
            "surprise",
            "csrf_token",
        ] {
            assert!(
                check_set_fields(&pairs(&["title", unknown])).is_err(),
                "{unknown}"
            );
        }
    }
}
