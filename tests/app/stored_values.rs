//! Stored free text: typed text is never mistaken for ciphertext, and a value that cannot
//! be opened is shown as unreadable (and never fails a page, an export or `rotate-key`).
//! The scene here (a couple, their therapist, an exercise) serves [`crate::sealed_values`]
//! too.

use crate::helpers::data_key::{rotate_key, with_key, KEY_1, KEY_2};
use crate::helpers::therapist::{assigned_checkin, linked_as};
use crate::helpers::{marker, Browser, Page, TestApp, TestContext};
use crate::your_data::export_json;

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(stored_values:
        typed_text_that_looks_sealed_reads_back_as_typed_on_every_page,
        typed_text_that_looks_sealed_reads_back_as_typed_with_a_key,
        a_value_that_cannot_be_opened_shows_as_unreadable_and_nothing_fails,
    )
}

pub(crate) const SET: &str = "after-intimacy";

pub(crate) const ENJOYABLE: &str = "a_after-enjoyable";

const CHANGE: &str = "a_after-change";

/// Text people may type that looks like what we store: the value from the report, our own
/// escape prefix, and the current sealed format with a plausible key id.
const ADA_ENJOYABLE: &str = "mutual:enc1:x:y";

pub(crate) const ADA_CHANGE: &str = "mutual:text:kept exactly as typed";

const BEN_ENJOYABLE: &str = "mutual:enc2:0011223344556677:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/// A couple (Ada, Ben) linked to therapist Tess at "written answers", and a check-in Ada
/// started from Tess's exercise on the library set, so every page that shows written
/// answers shows this one: the check-in, the summary, both exports, the therapist's view.
pub(crate) struct Scene {
    pub(crate) t: Browser,
    pub(crate) a: Browser,
    pub(crate) b: Browser,
    pub(crate) link: String,
    pub(crate) checkin: String,
    pub(crate) note: String,
}

pub(crate) async fn scene(app: &TestApp) -> Scene {
    let (t, a, b, link) = linked_as(app, ("Tess", "Ada", "Ben"), ("3", "3")).await;
    let note = marker("note");
    let checkin = assigned_checkin(
        &t,
        &link,
        &a,
        &[
            ("prompt_set_id", SET),
            ("note", &note),
            ("target_count", "1"),
        ],
    )
    .await;
    Scene {
        t,
        a,
        b,
        link,
        checkin,
        note,
    }
}

pub(crate) async fn answer(who: &Browser, checkin: &str, enjoyable: &str, change: &str) {
    who.answer(
        checkin,
        &[
            (ENJOYABLE, enjoyable),
            (CHANGE, change),
            ("a_after-connected", "4"),
        ],
    )
    .await
    .assert_redirect_to("/checkins/");
}

/// Every page of the three people that shows (or lists) the check-in; each must be 2xx.
pub(crate) async fn every_page(s: &Scene) -> Vec<(String, Page)> {
    let mut out = Vec::new();
    for (who, b) in [("Ada", &s.a), ("Ben", &s.b)] {
        for path in [
            "/".to_owned(),
            "/checkins".to_owned(),
            format!("/checkins/{}", s.checkin),
            "/summary".to_owned(),
            "/account/export".to_owned(),
            "/account/export.json".to_owned(),
            "/couple/therapist".to_owned(),
        ] {
            let page = b.get(&path).await;
            out.push((format!("{who} {path}"), page));
        }
    }
    for path in [
        "/therapist".to_owned(),
        format!("/therapist/couples/{}", s.link),
    ] {
        let page = s.t.get(&path).await;
        out.push((format!("Tess {path}"), page));
    }
    for (what, page) in &out {
        assert!(
            page.status.is_success(),
            "{what} answered {}:\n{}",
            page.status,
            page.body
        );
    }
    out
}

/// The text a page shows (entities decoded), so apostrophes need no escaping in asserts.
pub(crate) fn shown(page: &Page) -> String {
    page.html().root_element().text().collect()
}

pub(crate) fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

pub(crate) const UNREADABLE: &str = "This answer couldn't be read.";

/// The export's answer to `prompt` in the first check-in: (yours, partner's).
fn exported(json: &serde_json::Value, prompt: &str) -> (serde_json::Value, serde_json::Value) {
    let a = json["checkins"][0]["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["prompt"] == prompt)
        .unwrap_or_else(|| panic!("no answer to {prompt} in {json}"));
    (a["yours"].clone(), a["partner"].clone())
}

/// Ada and Ben type text that looks like stored values; after the reveal every page of
/// both (and of their therapist) is 2xx and shows it exactly as typed.
async fn crafted_answers_round_trip(app: &TestApp) -> Scene {
    let s = scene(app).await;
    answer(&s.a, &s.checkin, ADA_ENJOYABLE, ADA_CHANGE).await;
    let ben_change = marker("ben-change");
    answer(&s.b, &s.checkin, BEN_ENJOYABLE, &ben_change).await;
    check_crafted(&s).await;
    s
}

async fn check_crafted(s: &Scene) {
    let pages = every_page(s).await;
    for (what, page) in &pages {
        let shows_words = what.ends_with(&format!("/checkins/{}", s.checkin))
            || what.ends_with("/summary")
            || what.ends_with("/account/export")
            || what.starts_with("Tess /therapist/");
        if shows_words {
            let text = shown(page);
            for typed in [ADA_ENJOYABLE, ADA_CHANGE, BEN_ENJOYABLE] {
                assert!(text.contains(typed), "{what} does not show {typed}");
            }
            assert!(
                !text.contains("be read."),
                "{what} shows a typed answer as unreadable"
            );
        }
    }
    let (_, json) = export_json(&s.a).await;
    let (yours, partner) = exported(&json, "What was enjoyable?");
    assert_eq!(yours, ADA_ENJOYABLE);
    assert_eq!(partner, BEN_ENJOYABLE);
    assert_eq!(
        exported(&json, "What would you like to change in the future?").0,
        ADA_CHANGE
    );
    let (_, json) = export_json(&s.b).await;
    assert_eq!(
        exported(&json, "What was enjoyable?"),
        (BEN_ENJOYABLE.into(), ADA_ENJOYABLE.into())
    );
}

async fn typed_text_that_looks_sealed_reads_back_as_typed_on_every_page(ctx: TestContext) {
    let app = ctx.spawn().await;
    let s = crafted_answers_round_trip(&app).await;
    drop(app);

    // rotate-key takes the database to a key without tripping on them, and they still
    // read back as typed.
    rotate_key(&ctx.config(), KEY_1)
        .await
        .expect("rotate-key copes with typed text that looks sealed");
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    check_crafted(&s.on(&app)).await;
}

async fn typed_text_that_looks_sealed_reads_back_as_typed_with_a_key(ctx: TestContext) {
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    let s = crafted_answers_round_trip(&app).await;
    drop(app);
    rotate_key(&with_key(&ctx, KEY_1), KEY_2).await.unwrap();
    let app = ctx.spawn_with(with_key(&ctx, KEY_2)).await;
    check_crafted(&s.on(&app)).await;
}

impl Scene {
    /// The same people, with the same sessions, on a restarted app.
    pub(crate) fn on(&self, app: &TestApp) -> Scene {
        let moved = |b: &Browser| {
            let mut b = b.clone();
            b.base = app.url.clone();
            b
        };
        Scene {
            t: moved(&self.t),
            a: moved(&self.a),
            b: moved(&self.b),
            link: self.link.clone(),
            checkin: self.checkin.clone(),
            note: self.note.clone(),
        }
    }
}

/// `WHERE` condition picking one person's answer to one prompt (the test has one
/// check-in with answers, unless it says otherwise).
pub(crate) fn answer_of(name: &str, prompt: &str) -> String {
    format!(
        "prompt_id = '{prompt}' AND user_id = (SELECT user_id FROM users WHERE email = '{}')",
        Browser::email(name)
    )
}

/// Replaces a stored value, as a leftover from an older version or a tampered backup would.
pub(crate) async fn plant(app: &TestApp, table_and_column: &str, condition: &str, stored: &str) {
    let (table, column) = table_and_column.split_once('.').unwrap();
    let n = app
        .sql()
        .exec(
            &format!("UPDATE {table} SET {column} = $1 WHERE {condition}"),
            &[stored],
        )
        .await;
    assert_eq!(n, 1, "planted into one {table_and_column}");
}

/// Values that cannot be opened, whatever the key.
const BROKEN: [&str; 4] = [
    // The older sealed format with a key id nobody has.
    "mutual:enc1:deadbeefdeadbeef:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    // Not base64.
    "mutual:enc2:deadbeefdeadbeef:%%%",
    // Too short to hold a nonce.
    "mutual:enc2:deadbeefdeadbeef:AAAA",
    // The report's value, stored as typed before typed text was escaped.
    "mutual:enc1:x:y",
];

async fn a_value_that_cannot_be_opened_shows_as_unreadable_and_nothing_fails(ctx: TestContext) {
    let app = ctx.spawn().await;
    let s = scene(&app).await;
    let ben_change = marker("ben-change");
    answer(&s.a, &s.checkin, "fine words", "more words").await;
    answer(&s.b, &s.checkin, "his words", &ben_change).await;
    // An open check-in Ada answered alone, to see her form.
    let open = s.a.start_checkin(SET).await;
    s.a.answer(&open, &[(ENJOYABLE, "draft words")])
        .await
        .assert_redirect_to("/checkins/");

    // Without a key: values left from before typed text was escaped, or broken ones.
    plant(&app, "answers.value_text", &format!("checkin_id IN (SELECT checkin_id FROM checkins WHERE assignment_id IS NOT NULL) AND {}", answer_of("Ada", "after-enjoyable")), BROKEN[3]).await;
    plant(
        &app,
        "answers.value_text",
        &format!(
            "checkin_id IN (SELECT checkin_id FROM checkins WHERE assignment_id IS NULL) AND {}",
            answer_of("Ada", "after-enjoyable")
        ),
        BROKEN[0],
    )
    .await;
    plant(&app, "assignments.note", "1 = 1", BROKEN[1]).await;
    check_unreadable(&s, &open, &ben_change).await;

    // rotate-key does not fail on them: it seals what it can read and leaves the rest,
    // which stays unreadable.
    drop(app);
    rotate_key(&ctx.config(), KEY_1)
        .await
        .expect("rotate-key copes with values it cannot open");
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    let s = s.on(&app);
    check_unreadable(&s, &open, &ben_change).await;

    // With a key: more broken values, in the answers, the note and a prompt.
    plant(
        &app,
        "answers.value_text",
        &answer_of("Ben", "after-enjoyable"),
        BROKEN[2],
    )
    .await;
    check_unreadable(&s, &open, &ben_change).await;
    let page = s.a.get(&format!("/checkins/{}", s.checkin)).await;
    assert_eq!(count(&shown(&page), UNREADABLE), 2, "Ada's and Ben's");

    // And rotating again still works.
    drop(app);
    rotate_key(&with_key(&ctx, KEY_1), KEY_2)
        .await
        .expect("rotate-key copes with values it cannot open");
    let app = ctx.spawn_with(with_key(&ctx, KEY_2)).await;
    check_unreadable(&s.on(&app), &open, &ben_change).await;

    // The log says which column, never the content.
    let logs = crate::helpers::logs();
    assert!(
        logs.contains("answers.value_text"),
        "the unreadable value is logged"
    );
    assert!(
        logs.contains("assignments.note"),
        "the unreadable note is logged"
    );
}

/// Every page is 2xx; Ada's broken answer is "couldn't be read" on her check-in page,
/// in her export and her partner's; readable words are still shown; her open form does
/// not offer the phrase (or the stored value) as her answer.
async fn check_unreadable(s: &Scene, open: &str, ben_change: &str) {
    for (what, page) in every_page(s).await {
        let text = shown(&page);
        for b in BROKEN {
            assert!(!text.contains(b), "{what} shows a stored value: {b}");
        }
    }
    for who in [&s.a, &s.b] {
        let page = who.get(&format!("/checkins/{}", s.checkin)).await;
        let text = shown(&page);
        assert!(text.contains(UNREADABLE), "{}", page.body);
        assert!(text.contains(ben_change), "readable words are still shown");
        let (body, _) = export_json(who).await;
        assert!(body.contains(UNREADABLE), "the export says so too");
        assert!(body.contains(ben_change));
    }
    let exercises = shown(&s.t.get(&format!("/therapist/couples/{}", s.link)).await);
    assert!(
        exercises.contains("This note couldn't be read."),
        "{exercises}"
    );
    let form = s.a.get(&format!("/checkins/{open}")).await;
    form.assert_ok();
    assert_eq!(
        form.texts(&format!("textarea[name='{ENJOYABLE}']")),
        vec![String::new()],
        "the form does not offer the phrase as Ada's answer"
    );
    assert!(shown(&form).contains("couldn't be read"));
}
