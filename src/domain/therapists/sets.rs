//! Sets of questions a therapist writes for their couples.

use crate::error::{FieldErrors, Result};
use crate::store::sessions::SessionPerson;
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
    let mut errors = FieldErrors::default();
    let title = title.trim();
    if title.is_empty() || title.chars().count() > 80 || crate::domain::has_control_chars(title) {
        errors.add(
            "title",
            "Please give the set a short title (up to 80 characters).",
        );
    }
    let description = description.trim();
    if description.chars().count() > 500 || crate::domain::has_control_chars(description) {
        errors.add(
            "description",
            "Please keep the description to 500 characters.",
        );
    }
    let mut prompts = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let text = d.text.trim();
        if text.is_empty() {
            continue;
        }
        let field = format!("p{}_text", i + 1);
        if text.chars().count() > 300 || crate::domain::has_control_chars(text) {
            errors.add(field.clone(), "Please keep a question to 300 characters.");
        }
        let (kind, low, high, choices) = match d.kind.as_str() {
            "scale" => {
                let (low, high) = (d.low.trim(), d.high.trim());
                if low.is_empty() || high.is_empty() {
                    errors.add(
                        field.clone(),
                        "A 1-to-5 question needs words for 1 and for 5.",
                    );
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
                    errors.add(
                        field.clone(),
                        "A choice question needs 2 to 6 options, one per line.",
                    );
                }
                ("choice", None, None, choices)
            }
            _ => ("text", None, None, Vec::new()),
        };
        prompts.push(store::prompts::NewPrompt {
            kind,
            text: text.to_owned(),
            low,
            high,
            choices,
        });
    }
    if prompts.is_empty() && errors.is_empty() {
        errors.add("p1_text", "Please write at least one question.");
    }
    errors.into_result()?;
    Ok(store::prompts::insert_custom_set(db, person.user_id, title, description, &prompts).await?)
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
