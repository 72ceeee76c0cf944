//! The prompt library in every language (issue 16): each catalogue under `locales/`
//! other than English translates every set, prompt, hint, scale label and choice the
//! migrations seed, and nothing else; each partner reads the same check-in's questions in
//! their own language, and answers are shown as written.

use std::collections::BTreeSet;
use std::path::Path;

use crate::helpers::{TestApp, TestContext};
use crate::library::{choices, library, sets};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(library_languages:
        every_language_translates_the_whole_library_and_nothing_else,
        german_library_words_do_not_press_or_blame,
        each_partner_reads_a_checkins_questions_in_their_own_language,
    )
}

/// The languages other than English: the folders under `locales/`.
fn other_languages() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut out: Vec<String> = std::fs::read_dir(root)
        .expect("locales/")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|c| c != "en")
        .collect();
    out.sort();
    out
}

/// `(id, text)` of every message in a language's library files (`library*.ftl`).
fn library_messages(code: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(code);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("language folder").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with("library") && name.ends_with(".ftl")) {
            continue;
        }
        let source = std::fs::read_to_string(entry.path()).expect("read catalogue");
        for line in source.lines() {
            if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
                if let Some((id, text)) = line.split_once(" = ") {
                    out.push((id.trim().to_owned(), text.trim().to_owned()));
                }
            }
        }
    }
    out
}

/// Every key the library's rows need a translation under (see `src/web/library.rs`).
async fn required_keys(app: &TestApp) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for (id, _, _) in sets(app).await {
        keys.insert(format!("set-{id}"));
        keys.insert(format!("set-{id}-about"));
    }
    let options = choices(app).await;
    for p in library(app).await {
        keys.insert(format!("prompt-{}", p.id));
        if p.help.is_some() {
            keys.insert(format!("prompt-{}-help", p.id));
        }
        if p.low.is_some() {
            keys.insert(format!("prompt-{}-low", p.id));
        }
        if p.high.is_some() {
            keys.insert(format!("prompt-{}-high", p.id));
        }
        for (_, position, _) in options.get(&p.id).into_iter().flatten() {
            keys.insert(format!("choice-{}-{position}", p.id));
        }
    }
    keys
}

async fn every_language_translates_the_whole_library_and_nothing_else(ctx: TestContext) {
    let app = ctx.spawn().await;
    let required = required_keys(&app).await;
    assert!(required.len() > 250, "{}", required.len());
    let languages = other_languages();
    assert!(languages.contains(&"de".to_owned()), "{languages:?}");
    let mut problems = Vec::new();
    for code in languages {
        let messages = library_messages(&code);
        let mut have = BTreeSet::new();
        for (id, text) in &messages {
            if !have.insert(id.clone()) {
                problems.push(format!("locales/{code}: `{id}` twice"));
            }
            if text.is_empty() {
                problems.push(format!("locales/{code}: `{id}` is empty"));
            }
        }
        for id in required.difference(&have) {
            problems.push(format!("locales/{code}: `{id}` is missing"));
        }
        for id in have.difference(&required) {
            problems.push(format!("locales/{code}: `{id}` names no library row"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// German words that press or blame, lower-case, matched as whole words.
const GERMAN_PRESSURE_WORDS: &[&str] = &[
    "musst",
    "müsst",
    "müssen",
    "muss",
    "solltest",
    "sollte",
    "solltet",
    "versagt",
    "versagen",
    "schuld an",
    "unnormal",
];

async fn german_library_words_do_not_press_or_blame(_ctx: TestContext) {
    let mut found = Vec::new();
    for (id, text) in library_messages("de") {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let joined = format!(" {} ", words.join(" "));
        for w in GERMAN_PRESSURE_WORDS {
            if joined.contains(&format!(" {w} ")) {
                found.push(format!("{id}: {w:?} in {text:?}"));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

async fn each_partner_reads_a_checkins_questions_in_their_own_language(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (alex, sam) = app.couple("Alex", "Sam").await;
    sam.post_form("/account/language", &[("language", "de")])
        .await
        .assert_redirect_to("/account?done=language");
    let id = alex.start_checkin("after-intimacy").await;
    let path = format!("/checkins/{id}");

    let english = alex.get(&path).await;
    assert!(english.body.contains("How was that for you?"));
    assert!(!english.body.contains("Wie war das für dich?"));
    let german = sam.get(&path).await;
    assert!(
        german.body.contains("Wie war das für dich?"),
        "{}",
        german.body
    );
    assert!(german.body.contains("Was war schön?"));
    assert!(!german.body.contains("How was that for you?"));

    // Answers are shown as written, in whatever language they were written.
    alex.answer(&id, &[("a_after-enjoyable", "Taking our time")])
        .await;
    sam.answer(&id, &[("a_after-enjoyable", "Das Lachen zwischendurch")])
        .await;
    let alex_sees = alex.get(&path).await;
    let sam_sees = sam.get(&path).await;
    for page in [&alex_sees, &sam_sees] {
        assert!(page.body.contains("Taking our time"));
        assert!(page.body.contains("Das Lachen zwischendurch"));
    }
    assert!(alex_sees.body.contains("What was enjoyable?"));
    assert!(sam_sees.body.contains("Was war schön?"));
}
