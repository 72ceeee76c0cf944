//! The prompt library in the reader's language. The migrations seed the library in
//! English; every other language translates it in `locales/<code>/library*.ftl`, keyed by
//! the rows' ids:
//!
//! - `set-<set id>` and `set-<set id>-about`: a set's title and description;
//! - `prompt-<prompt id>`, `-help`, `-low`, `-high`: a question, its hint, its scale's ends;
//! - `choice-<prompt id>-<position>`: one of its choices.
//!
//! Only the library has such keys: a couple's or a therapist's own questions are shown as
//! their author wrote them, in every language. Answers are never translated.
//! `tests/app/library_languages.rs` fails when a catalogue lacks a key or has a stray one.

use super::i18n::{library, Lang};
use crate::domain::prompts::{Prompt, PromptSet};

/// `text` replaced by its translation under `key`, if the language has one.
fn put(lang: Lang, key: &str, text: &mut String) {
    if let Some(t) = library(lang, key) {
        *text = t;
    }
}

/// A question, its hint, its scale's ends and its choices, in `lang`.
pub fn prompt(lang: Lang, p: &mut Prompt) {
    if lang == Lang::default() {
        return;
    }
    let key = format!("prompt-{}", p.id);
    put(lang, &key, &mut p.text);
    if let Some(help) = p.help.as_mut() {
        put(lang, &format!("{key}-help"), help);
    }
    put(lang, &format!("{key}-low"), &mut p.low_label);
    put(lang, &format!("{key}-high"), &mut p.high_label);
    for (i, label) in p.choices.iter_mut().enumerate() {
        put(lang, &format!("choice-{}-{}", p.id, i + 1), label);
    }
}

/// A set's title and description, in `lang`.
pub fn set(lang: Lang, s: &mut PromptSet) {
    set_texts(lang, &s.prompt_set_id, &mut s.title, &mut s.description);
}

/// A set's title and description given apart from a [`PromptSet`], in `lang`.
pub fn set_texts(lang: Lang, set_id: &str, title: &mut String, description: &mut String) {
    if lang == Lang::default() {
        return;
    }
    put(lang, &format!("set-{set_id}"), title);
    put(lang, &format!("set-{set_id}-about"), description);
}

/// A set's title alone (lists of assignments and check-ins show no description).
pub fn set_title(lang: Lang, set_id: &str, title: &mut String) {
    put(lang, &format!("set-{set_id}"), title);
}

/// A check-in's question in `lang`, with each shown answer's choice label or scale value
/// in it too. Written words stay as written.
pub fn item(lang: Lang, item: &mut crate::domain::checkins::Item) {
    if lang == Lang::default() {
        return;
    }
    prompt(lang, &mut item.prompt);
    let p = &item.prompt;
    for answer in [item.mine.as_mut(), item.partner.as_mut()]
        .into_iter()
        .flatten()
    {
        if answer.unreadable {
            answer.text = super::i18n::t(lang, "answer-unreadable", &[]).to_string();
            continue;
        }
        let Some(v) = answer.value else { continue };
        if p.is_scale() {
            answer.text =
                super::i18n::t(lang, "answer-scale", &[("value", &i64::from(v))]).to_string();
        } else if p.is_choice() {
            if let Some(label) = usize::try_from(v - 1).ok().and_then(|i| p.choices.get(i)) {
                answer.text = label.clone();
            }
        }
    }
}

/// A check-in in a list: its set's title in `lang`.
pub fn summary(lang: Lang, s: &mut crate::domain::checkins::CheckinSummary) {
    set_title(lang, &s.prompt_set_id, &mut s.set_title);
}

/// A whole check-in in `lang`: its set's title, its questions and the shown answers'
/// choice labels and scale values.
pub fn checkin(lang: Lang, view: &mut crate::domain::checkins::CheckinView) {
    summary(lang, &mut view.summary);
    for i in &mut view.items {
        item(lang, i);
    }
}

/// A couple summary's questions, scale ends and choice labels in `lang` (the figures
/// and the partners' own words stay as they are).
pub fn couple_summary(lang: Lang, s: &mut crate::domain::summaries::Summary) {
    if lang == Lang::default() {
        return;
    }
    for scale in &mut s.scales {
        let key = format!("prompt-{}", scale.prompt_id);
        put(lang, &key, &mut scale.text);
        put(lang, &format!("{key}-low"), &mut scale.low_label);
        put(lang, &format!("{key}-high"), &mut scale.high_label);
    }
    for tally in &mut s.choices {
        put(
            lang,
            &format!("prompt-{}", tally.prompt_id),
            &mut tally.text,
        );
        for (i, (label, _, _)) in tally.options.iter_mut().enumerate() {
            put(
                lang,
                &format!("choice-{}-{}", tally.prompt_id, i + 1),
                label,
            );
        }
    }
}

/// An exercise a therapist gave, in `lang`: its set's title and, in each finished
/// check-in, the library's questions, the choices taken and the scale values ("4 of 5",
/// in every language: the domain gives the number). Written words stay as written.
pub fn assignment(lang: Lang, a: &mut crate::domain::therapists::Assignment) {
    use crate::domain::prompts::PromptKind;
    set_title(lang, &a.prompt_set_id, &mut a.set_title);
    for row in a.checkins.iter_mut().flat_map(|c| c.rows.iter_mut()) {
        put(
            lang,
            &format!("prompt-{}", row.prompt_id),
            &mut row.question,
        );
        for answer in [row.first.as_mut(), row.second.as_mut()]
            .into_iter()
            .flatten()
        {
            let Some(v) = answer.value else { continue };
            match row.kind {
                PromptKind::Scale => {
                    answer.text = super::i18n::t(lang, "answer-scale", &[("value", &i64::from(v))])
                        .to_string();
                }
                PromptKind::Choice => {
                    put(
                        lang,
                        &format!("choice-{}-{v}", row.prompt_id),
                        &mut answer.text,
                    );
                }
                PromptKind::Text => {}
            }
        }
    }
}

/// A set a therapist reads before assigning it, in `lang`: the library's title,
/// description and questions (their own set stays as they wrote it).
pub fn preview(lang: Lang, s: &mut crate::domain::therapists::SetPreview) {
    if s.own {
        return;
    }
    set_texts(lang, &s.id, &mut s.title, &mut s.description);
    for p in &mut s.prompts {
        prompt(lang, p);
    }
}
