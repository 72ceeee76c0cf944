//! The prompt library as data: every prompt grounded in a section of the material, the
//! themes it promised, well-formed prompts that offer a way out, and a short
//! after-intimacy set. The readers of the library's tables here serve
//! [`crate::library_wording`] and [`crate::library_checkins`] too.

use std::collections::HashMap;

use crate::helpers::{TestApp, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(library:
        every_library_prompt_names_a_section_of_the_material,
        each_missing_theme_has_a_set_of_its_own,
        library_prompts_are_well_formed_and_offer_a_way_out,
        the_after_intimacy_set_stays_short_and_keeps_the_three_questions,
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

#[derive(Debug)]
pub(crate) struct LibraryPrompt {
    pub(crate) id: String,
    pub(crate) set: String,
    pub(crate) kind: String,
    pub(crate) text: String,
    pub(crate) help: Option<String>,
    pub(crate) low: Option<String>,
    pub(crate) high: Option<String>,
    pub(crate) role: Option<String>,
    pub(crate) source: String,
    pub(crate) care_at_most: Option<String>,
}

/// Every prompt of the library's sets (none a therapist wrote), in library order.
pub(crate) async fn library(app: &TestApp) -> Vec<LibraryPrompt> {
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
pub(crate) async fn choices(app: &TestApp) -> HashMap<String, Vec<(String, String, bool)>> {
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
pub(crate) async fn sets(app: &TestApp) -> Vec<(String, String, String)> {
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
