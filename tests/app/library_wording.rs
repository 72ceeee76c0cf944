//! The library's words: none that press or blame, checked over every set, prompt, help
//! text, scale label and choice.

use crate::helpers::TestContext;
use crate::library::{choices, library, sets};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(library_wording:
        no_library_words_press_or_blame,
    )
}

/// Words and phrases that press or blame, lower-case; a trailing `*` matches any ending.
/// Whole words only, so the app's reassurances ("there are no wrong answers", "this is
/// about noticing, not blaming", "with no need to fix anything") stay allowed.
const PRESSURE_WORDS: &[&str] = &[
    "should",
    "shouldn't",
    "must",
    "mustn't",
    "always",
    "never",
    "fail*",
    "fault*",
    "normal*",
    "abnormal*",
    "wrong with you",
    "what's wrong",
    "have to",
    "has to",
    "had to",
    "you need to",
    "supposed to",
    "ought*",
    "obligat*",
    "duty",
    "owe",
    "owes",
    "enough",
    "selfish*",
    "frigid*",
    "prude*",
    "lazy",
    "broken",
    "dysfunction*",
    "inadequa*",
    "disappoint*",
    "guilt*",
    "your problem",
    "just relax",
    "why don't you",
    "why can't you",
    "give in",
];

/// Phrases that hold a listed word but press no one: a point on a frequency scale.
const ALLOWED: &[&str] = &["almost always"];

/// The first pressing or blaming word in `text`, if any.
fn presses(text: &str) -> Option<&'static str> {
    let mut lowered = text.to_lowercase().replace('\u{2019}', "'");
    for allowed in ALLOWED {
        lowered = lowered.replace(allowed, "");
    }
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '\'');
    PRESSURE_WORDS.iter().copied().find(|w| {
        let (stem, open) = match w.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (*w, false),
        };
        lowered.match_indices(stem).any(|(i, _)| {
            edge(lowered[..i].chars().next_back())
                && (open || edge(lowered[i + stem.len()..].chars().next()))
        })
    })
}

async fn no_library_words_press_or_blame(ctx: TestContext) {
    // The check itself: it finds pressure, and leaves the app's reassurances alone.
    assert_eq!(presses("You should try harder"), Some("should"));
    assert_eq!(presses("Shouldn\u{2019}t it be easier?"), Some("shouldn't"));
    assert_eq!(presses("Do you always have to ask?"), Some("always"));
    assert_eq!(
        presses("Is something wrong with you?"),
        Some("wrong with you")
    );
    assert_eq!(presses("Is that normal?"), Some("normal*"));
    for kind in [
        "There are no wrong answers. Skip anything you like.",
        "Any answer is okay. This is about noticing, not blaming.",
        "Best saved for a calm moment, with no need to fix anything.",
        "Different rhythms are very common. Neither one is wrong.",
        "Something to get right",
        "Almost always",
        "On your own shoulders",
    ] {
        assert_eq!(presses(kind), None, "{kind}");
    }

    let app = ctx.spawn().await;
    let mut texts: Vec<(String, String)> = Vec::new();
    for (id, title, description) in sets(&app).await {
        texts.push((id.clone(), title));
        texts.push((id, description));
    }
    for p in library(&app).await {
        for t in [Some(p.text), p.help, p.low, p.high].into_iter().flatten() {
            texts.push((p.id.clone(), t));
        }
    }
    for (id, options) in choices(&app).await {
        for (label, _, _) in options {
            texts.push((id.clone(), label));
        }
    }
    assert!(texts.len() > 200);
    let pressing: Vec<_> = texts
        .iter()
        .filter_map(|(id, t)| presses(t).map(|w| format!("{id}: {w:?} in {t:?}")))
        .collect();
    assert!(pressing.is_empty(), "{pressing:#?}");
}
