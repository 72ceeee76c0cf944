//! The prompt library as data: every prompt grounded in a section of the material, the
//! themes it promised, words free of pressure and blame, a short after-intimacy set whose
//! size the landing page states, and old check-ins that stay readable after prompts moved
//! from one set to another.

use std::collections::HashMap;

use reqwest::StatusCode;

use crate::helpers::{TestApp, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(library:
        every_library_prompt_names_a_section_of_the_material,
        each_missing_theme_has_a_set_of_its_own,
        library_prompts_are_well_formed_and_offer_a_way_out,
        no_library_words_press_or_blame,
        the_after_intimacy_set_stays_short_and_keeps_the_three_questions,
        the_landing_page_says_how_many_questions_to_expect,
        every_library_set_can_be_started_and_skipped_entirely,
        old_checkins_still_show_answers_to_questions_that_moved,
        a_low_answer_in_a_new_set_brings_the_note_of_care_to_that_person_only,
    )
}

/// The material's documents, by the name prompts give them in `source`, and their files
/// (CI has `../shared` beside the clone).
const MATERIAL: [(&str, &str); 2] = [
    (
        "Mutuality in marriage",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/material/mutuality-in-marriage.txt"
        ),
    ),
    (
        "Shared intimacy and its benefits",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/material/mutual-masturbation-benefits.txt"
        ),
    ),
];

/// The themes issue 22 found missing, the set that covers each, and words that set's
/// texts use (lower-case stems), so a set of that name alone is not enough.
const THEMES: [(&str, &str, &[&str]); 7] = [
    ("mutual touch", "mutual-touch", &["touch", "yourselves"]),
    (
        "sexual-health safety",
        "sexual-health",
        &["protection", "testing", "contraception", "judgment"],
    ),
    (
        "performance worries",
        "beyond-performance",
        &["worry", "how you're doing"],
    ),
    (
        "shame and body image",
        "body-and-shame",
        &["body", "ashamed"],
    ),
    (
        "giving and receiving without carrying the other's pleasure",
        "giving-and-receiving",
        &["give", "receiv", "enjoyment", "on your own shoulders"],
    ),
    (
        "novelty and routine",
        "new-and-familiar",
        &["new", "familiar", "autopilot"],
    ),
    (
        "listening without getting defensive",
        "listening",
        &["heard", "defend"],
    ),
];

/// The sets this work added (the themes, and the after-intimacy questions that moved).
fn new_sets() -> Vec<&'static str> {
    let mut sets: Vec<_> = THEMES.iter().map(|(_, set, _)| *set).collect();
    sets.push("after-intimacy-more");
    sets
}

/// Scale prompts of the new sets where a low answer means pressure, not feeling free, or
/// unease: they bring the person the private note of care.
const CARE_SCALES: [&str; 16] = [
    "after-at-ease-in-body",
    "after-no-worry",
    "touch-at-ease",
    "touch-own-pace",
    "touch-in-charge",
    "health-a-say",
    "health-without-judgment",
    "perf-free-of-worry",
    "perf-enjoy-not-get-right",
    "body-at-home",
    "body-seen",
    "body-pleasure-free",
    "give-not-all-on-you",
    "new-free-to-decline",
    "listen-safe-to-say",
    "after-pressure-free",
];

/// Choices of the new sets that bring the note of care: (prompt, option position).
const CARE_CHOICES: [(&str, &str); 2] = [("perf-when-body", "4"), ("after-feeling-now", "4")];

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

/// English words for the counts the landing page can state.
const NUMBER_WORDS: [&str; 13] = [
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

fn normalise(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .replace('\u{2014}', "--")
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_owned()
}

/// The section headings of one document: numbered lines ("2.1. …") and title-case lines,
/// never a list item or a sentence.
fn headings(text: &str) -> Vec<String> {
    const SMALL: [&str; 16] = [
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "of", "on", "or", "the",
        "to", "with",
    ];
    let numbered = |l: &str| {
        let first = l.split(' ').next().unwrap_or("");
        first.ends_with('.')
            && first
                .trim_end_matches('.')
                .split('.')
                .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let title_case = |l: &str| {
        l.split_whitespace()
            .all(|w| SMALL.contains(&w) || !w.chars().next().is_some_and(|c| c.is_lowercase()))
    };
    text.lines()
        .map(normalise)
        .filter(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.starts_with('\u{2714}')
                && !l.ends_with(['.', '?', '!', '"', '\u{201d}'])
                && (numbered(l) || title_case(l))
        })
        .collect()
}

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

#[derive(Debug)]
struct LibraryPrompt {
    id: String,
    set: String,
    kind: String,
    text: String,
    help: Option<String>,
    low: Option<String>,
    high: Option<String>,
    role: Option<String>,
    source: String,
    care_at_most: Option<String>,
}

/// Every prompt of the library's sets (none a therapist wrote), in library order.
async fn library(app: &TestApp) -> Vec<LibraryPrompt> {
    app.rows(
        "SELECT p.prompt_id, p.prompt_set_id, p.kind, p.text, p.help, p.scale_low_label,
                p.scale_high_label, p.role, p.source, CAST(p.care_at_most AS TEXT)
         FROM prompts p JOIN prompt_sets s ON s.prompt_set_id = p.prompt_set_id
         WHERE s.owner_id IS NULL ORDER BY s.position, p.position",
    )
    .await
    .into_iter()
    .map(|mut r| {
        let mut take = |i: usize| r[i].take();
        LibraryPrompt {
            id: take(0).unwrap(),
            set: take(1).unwrap(),
            kind: take(2).unwrap(),
            text: take(3).unwrap(),
            help: take(4),
            low: take(5),
            high: take(6),
            role: take(7),
            source: take(8).unwrap_or_default(),
            care_at_most: take(9),
        }
    })
    .collect()
}

/// Each prompt's options in order: (label, option position, brings the note of care).
async fn choices(app: &TestApp) -> HashMap<String, Vec<(String, String, bool)>> {
    let mut by_prompt: HashMap<String, Vec<(String, String, bool)>> = HashMap::new();
    for r in app
        .rows(
            "SELECT prompt_id, label, CAST(position AS TEXT),
                    CASE WHEN care THEN 'care' ELSE '' END
             FROM prompt_choices ORDER BY prompt_id, position",
        )
        .await
    {
        let [id, label, position, care] = <[Option<String>; 4]>::try_from(r).unwrap();
        by_prompt.entry(id.unwrap()).or_default().push((
            label.unwrap(),
            position.unwrap(),
            care.as_deref() == Some("care"),
        ));
    }
    by_prompt
}

/// The library's sets in order: (id, title, description).
async fn sets(app: &TestApp) -> Vec<(String, String, String)> {
    app.rows(
        "SELECT prompt_set_id, title, description FROM prompt_sets
         WHERE owner_id IS NULL ORDER BY position",
    )
    .await
    .into_iter()
    .map(|r| {
        let [id, title, description] = <[Option<String>; 3]>::try_from(r).unwrap();
        (id.unwrap(), title.unwrap(), description.unwrap())
    })
    .collect()
}

async fn every_library_prompt_names_a_section_of_the_material(ctx: TestContext) {
    let app = ctx.spawn().await;
    let docs: Vec<(&str, Vec<String>)> = MATERIAL
        .iter()
        .map(|(name, path)| {
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            (*name, headings(&text))
        })
        .collect();
    // The heading finder finds the real sections, and only those.
    assert_eq!(docs[0].1.len(), 9, "{:?}", docs[0].1);
    assert!(docs[0]
        .1
        .contains(&"Steps to Cultivate More Mutuality in Your Sex Life".into()));
    assert!(docs[1]
        .1
        .contains(&"3.1. Helpful for performance anxiety".into()));
    assert!(
        !docs[1].1.iter().any(|h| h == "Chronic pain"),
        "list items are no headings"
    );

    let prompts = library(&app).await;
    assert!(prompts.len() >= 75, "{} prompts", prompts.len());
    for p in &prompts {
        let (doc, section) = p
            .source
            .split_once(": ")
            .unwrap_or_else(|| panic!("{}: source {:?} names no section", p.id, p.source));
        let (_, sections) = docs
            .iter()
            .find(|(name, _)| *name == doc)
            .unwrap_or_else(|| panic!("{}: {doc:?} is not a document of the material", p.id));
        assert!(
            sections.contains(&normalise(section)),
            "{}: {doc} has no section {section:?}",
            p.id
        );
    }
}

async fn each_missing_theme_has_a_set_of_its_own(ctx: TestContext) {
    let app = ctx.spawn().await;
    let prompts = library(&app).await;
    let sets = sets(&app).await;
    for (theme, set, words) in THEMES {
        let (_, title, description) = sets
            .iter()
            .find(|(id, _, _)| id == set)
            .unwrap_or_else(|| panic!("no set for {theme}"));
        let own: Vec<_> = prompts.iter().filter(|p| p.set == set).collect();
        assert!(own.len() >= 5, "{theme}: {} prompts", own.len());
        assert!(own.iter().any(|p| p.kind == "scale"), "{theme}: a scale");
        assert!(
            own.iter().any(|p| p.kind == "text"),
            "{theme}: a question to answer in words"
        );
        let all_words = own
            .iter()
            .map(|p| p.text.as_str())
            .chain([title.as_str(), description.as_str()])
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            .replace('\u{2019}', "'");
        for w in words {
            assert!(all_words.contains(w), "{theme}: nothing says {w:?}");
        }
    }
    // Mutual touch is named by a prompt, not only by the set's title.
    assert!(prompts
        .iter()
        .any(|p| p.set == "mutual-touch" && p.text.contains("touching yourselves")));
}

async fn library_prompts_are_well_formed_and_offer_a_way_out(ctx: TestContext) {
    let app = ctx.spawn().await;
    let prompts = library(&app).await;
    let choices = choices(&app).await;
    let new_sets = new_sets();
    for p in &prompts {
        let options = choices.get(&p.id).map(Vec::as_slice).unwrap_or_default();
        match p.kind.as_str() {
            "scale" => {
                let (low, high) = (
                    p.low.clone().unwrap_or_default(),
                    p.high.clone().unwrap_or_default(),
                );
                assert!(
                    !low.is_empty() && !high.is_empty() && low != high,
                    "{}",
                    p.id
                );
                assert!(options.is_empty(), "{}", p.id);
            }
            "choice" => {
                assert!(
                    (2..=6).contains(&options.len()),
                    "{}: {} options",
                    p.id,
                    options.len()
                );
                if new_sets.contains(&p.set.as_str()) && p.id != "after-feeling-now" {
                    assert!(
                        options.iter().any(|(label, _, _)| label == "I'm not sure"
                            || label == "I'd rather not say"),
                        "{}: an 'I'm not sure' option",
                        p.id
                    );
                }
            }
            _ => assert!(options.is_empty() && p.low.is_none(), "{}", p.id),
        }
    }
    // The first question of each new set says that anything can be skipped.
    for set in &new_sets {
        let first = prompts.iter().find(|p| p.set == *set).unwrap();
        assert!(
            first
                .help
                .as_deref()
                .is_some_and(|h| h.contains("Skip anything")),
            "{set}: {:?}",
            first.help
        );
    }
    // A low answer that means pressure, not feeling free, or unease brings the note of
    // care, and only those.
    let in_new_sets = |id: &str| {
        prompts
            .iter()
            .any(|p| p.id == id && new_sets.contains(&p.set.as_str()))
    };
    let cared: Vec<&str> = prompts
        .iter()
        .filter(|p| new_sets.contains(&p.set.as_str()) || p.id == "after-pressure-free")
        .filter(|p| p.care_at_most.is_some())
        .map(|p| p.id.as_str())
        .collect();
    let mut expected = CARE_SCALES.to_vec();
    expected.sort_unstable();
    let mut cared_sorted = cared.clone();
    cared_sorted.sort_unstable();
    assert_eq!(cared_sorted, expected);
    for p in prompts
        .iter()
        .filter(|p| CARE_SCALES.contains(&p.id.as_str()))
    {
        assert_eq!(p.care_at_most.as_deref(), Some("2"), "{}", p.id);
    }
    for (id, position) in CARE_CHOICES {
        assert!(in_new_sets(id), "{id}");
        let marked: Vec<_> = choices[id]
            .iter()
            .filter(|c| c.2)
            .map(|c| c.1.as_str())
            .collect();
        assert_eq!(marked, vec![position], "{id}");
    }
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

async fn the_after_intimacy_set_stays_short_and_keeps_the_three_questions(ctx: TestContext) {
    let app = ctx.spawn().await;
    let prompts = library(&app).await;
    let after: Vec<_> = prompts
        .iter()
        .filter(|p| p.set == "after-intimacy")
        .collect();
    assert!((3..=6).contains(&after.len()), "{} questions", after.len());
    for q in [
        "How was that for you?",
        "What was enjoyable?",
        "What would you like to change in the future?",
    ] {
        assert!(after.iter().any(|p| p.text == q), "{q}");
    }
    // What the summary and the note of care read stays in the set.
    for id in [
        "after-pressure-free",
        "after-mattered-equally",
        "after-enjoyable",
        "after-change",
    ] {
        assert!(after.iter().any(|p| p.id == id), "{id}");
    }
    for role in ["mattered_equally", "keep", "change"] {
        assert!(
            after.iter().any(|p| p.role.as_deref() == Some(role)),
            "{role}"
        );
    }
    // The questions that left the set are still asked, in a set of their own.
    for id in ["after-how-it-began", "after-pace", "after-feeling-now"] {
        let p = prompts.iter().find(|p| p.id == id).unwrap();
        assert_eq!(p.set, "after-intimacy-more", "{id}");
    }
}

async fn the_landing_page_says_how_many_questions_to_expect(ctx: TestContext) {
    let app = ctx.spawn().await;
    let n = app
        .count("SELECT COUNT(*) FROM prompts WHERE prompt_set_id = 'after-intimacy'")
        .await as usize;
    let landing = app.browser().get("/").await;
    landing.assert_ok();
    let lead = landing.texts(".lead").join(" ");
    let expected = format!("answers {} gentle questions", NUMBER_WORDS[n]);
    assert!(lead.contains(&expected), "{expected:?} in {lead:?}");

    // The page where a check-in starts says it too, for every set.
    let (a, _b) = app.couple("Ada", "Bo").await;
    let new = a.get("/checkins/new").await;
    let labels = new.texts("label.choice");
    let after = labels
        .iter()
        .find(|l| l.starts_with("After we were intimate ("))
        .unwrap_or_else(|| panic!("{labels:?}"));
    assert!(after.contains(&format!("({n} questions)")), "{after}");
}

async fn every_library_set_can_be_started_and_skipped_entirely(ctx: TestContext) {
    let app = ctx.spawn().await;
    let prompts = library(&app).await;
    let (a, b) = app.couple("Ana", "Ben").await;
    for (set, _, _) in sets(&app).await {
        let id = a.start_checkin(&set).await;
        let page = a.get(&format!("/checkins/{id}")).await;
        page.assert_ok();
        let shown = page.texts(".prompt-text");
        let own: Vec<_> = prompts
            .iter()
            .filter(|p| p.set == set)
            .map(|p| p.text.clone())
            .collect();
        assert_eq!(shown, own, "{set}");
        // Nothing answered is fine, for both.
        for who in [&a, &b] {
            let done = who.answer(&id, &[]).await;
            assert!(done.status.is_redirection(), "{set}: {}", done.status);
        }
        let both = b.get(&format!("/checkins/{id}")).await;
        assert!(both.body.contains("Both answered"), "{set}");
    }
}

async fn old_checkins_still_show_answers_to_questions_that_moved(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Ana", "Ben").await;
    // A check-in both answered before "How did it begin?" and the pace left the set
    // (stored as the earlier library stored them).
    let old = a.start_checkin("after-intimacy").await;
    a.answer(&old, &[("a_after-connected", "4")]).await;
    b.answer(&old, &[("a_after-connected", "5")]).await;
    for (prompt, value) in [("after-how-it-began", 3), ("after-pace", 2)] {
        app.exec(&format!(
            "INSERT INTO answers
               (checkin_id, user_id, prompt_id, value_int, value_text, is_private, updated_at)
             SELECT checkin_id, user_id, '{prompt}', {value}, NULL, FALSE, submitted_at
             FROM checkin_submissions"
        ))
        .await;
    }
    for who in [&a, &b] {
        let page = who.get(&format!("/checkins/{old}")).await;
        let shown = page.texts(".prompt-text");
        for q in ["How did it begin?", "How did the pace feel for you?"] {
            assert!(shown.iter().any(|t| t == q), "{q} in {shown:?}");
        }
        assert_eq!(page.body.matches("We both did").count(), 2, "both answers");
        assert!(page.body.contains("2 of 5"));
    }

    // One still open: Ana answered the pace before it moved; Ben has not answered.
    let open = a.start_checkin("after-intimacy").await;
    a.answer(&open, &[("a_after-connected", "3")]).await;
    app.exec(
        "INSERT INTO answers
           (checkin_id, user_id, prompt_id, value_int, value_text, is_private, updated_at)
         SELECT s.checkin_id, s.user_id, 'after-pace', 4, NULL, FALSE, s.submitted_at
         FROM checkin_submissions s JOIN checkins c ON c.checkin_id = s.checkin_id
         WHERE c.revealed_at IS NULL",
    )
    .await;
    let mine = a.get(&format!("/checkins/{open}")).await;
    assert!(
        mine.attr("input[name=a_after-pace][value='4'][checked]", "name")
            .is_some(),
        "Ana still sees her own answer, and can change it"
    );
    let theirs = b.get(&format!("/checkins/{open}")).await;
    assert!(
        theirs.attr("input[name=a_after-pace]", "name").is_none(),
        "Ben is not asked it, and learns nothing of Ana's answers"
    );
    // Ana changes her answers: what she kept stays hers.
    a.answer(&open, &[("a_after-connected", "4"), ("a_after-pace", "5")])
        .await
        .assert_redirect_to(&format!("/checkins/{open}"));
    b.answer(&open, &[("a_after-connected", "4")])
        .await
        .assert_redirect_to(&format!("/checkins/{open}"));
    let revealed = b.get(&format!("/checkins/{open}")).await;
    assert!(revealed
        .texts(".prompt-text")
        .iter()
        .any(|t| t == "How did the pace feel for you?"));
    assert!(revealed.body.contains("5 of 5"));

    // A check-in started now asks only the set as it is.
    let new = a.start_checkin("after-intimacy").await;
    let form = a.get(&format!("/checkins/{new}")).await;
    assert!(form.attr("input[name=a_after-pace]", "name").is_none());
    let refused = a.answer(&new, &[("a_after-pace", "3")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
}

const CARE: &str = "A note just for you";

async fn a_low_answer_in_a_new_set_brings_the_note_of_care_to_that_person_only(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Ana", "Ben").await;
    let id = a.start_checkin("mutual-touch").await;
    a.answer(&id, &[("a_touch-own-pace", "1")]).await;
    b.answer(&id, &[("a_touch-own-pace", "4")]).await;
    assert!(a.get(&format!("/checkins/{id}")).await.body.contains(CARE));
    assert!(!b.get(&format!("/checkins/{id}")).await.body.contains(CARE));
    // Another set, a choice that marks unease.
    let next = b.start_checkin("beyond-performance").await;
    b.answer(&next, &[("a_perf-when-body", "4")]).await;
    assert!(b
        .get(&format!("/checkins/{next}"))
        .await
        .body
        .contains(CARE));
    assert!(!a
        .get(&format!("/checkins/{next}"))
        .await
        .body
        .contains(CARE));
}
