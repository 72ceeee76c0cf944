//! Stored free text and the data key: typed text is never mistaken for ciphertext, a
//! value that cannot be opened is shown as unreadable (and never fails a page, an export
//! or `rotate-key`), a sealed value opens only in the row it was sealed for, and two-step
//! secrets are sealed too.

use mutual::domain::two_factor::code_at;
use sqlx::Connection;
use time::Duration;

use crate::helpers::{marker, Backend, Browser, Page, TestApp, TestContext};
use crate::your_data::{export_json, holds, stored_bytes, with_key, KEY_1, KEY_2};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(stored_values:
        typed_text_that_looks_sealed_reads_back_as_typed_on_every_page,
        typed_text_that_looks_sealed_reads_back_as_typed_with_a_key,
        a_value_that_cannot_be_opened_shows_as_unreadable_and_nothing_fails,
        a_sealed_value_copied_into_another_row_does_not_open_there,
        a_key_on_a_database_with_unsealed_text_needs_rotate_key_first,
        a_database_sealed_in_the_first_format_is_upgraded_by_rotate_key,
        two_step_secrets_are_sealed_with_a_key_and_survive_rotation,
    )
}

const SET: &str = "after-intimacy";
const ENJOYABLE: &str = "a_after-enjoyable";
const CHANGE: &str = "a_after-change";

/// Text people may type that looks like what we store: the value from the report, our own
/// escape prefix, and the current sealed format with a plausible key id.
const ADA_ENJOYABLE: &str = "mutual:enc1:x:y";
const ADA_CHANGE: &str = "mutual:text:kept exactly as typed";
const BEN_ENJOYABLE: &str = "mutual:enc2:0011223344556677:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/// A couple (Ada, Ben) linked to therapist Tess at "written answers", and a check-in Ada
/// started from Tess's exercise on the library set, so every page that shows written
/// answers shows this one: the check-in, the summary, both exports, the therapist's view.
struct Scene {
    t: Browser,
    a: Browser,
    b: Browser,
    link: String,
    checkin: String,
    note: String,
}

async fn scene(app: &TestApp) -> Scene {
    let (t, a, b, link) =
        crate::therapists::linked_as(app, ("Tess", "Ada", "Ben"), ("3", "3")).await;
    let note = marker("note");
    t.post_form(
        &format!("/therapist/couples/{link}/assignments"),
        &[
            ("prompt_set_id", SET),
            ("note", &note),
            ("target_count", "1"),
        ],
    )
    .await
    .assert_redirect_to(&format!("/therapist/couples/{link}"));
    let started = a
        .post_form(
            "/checkins",
            &[
                (
                    "assignment",
                    &crate::therapists::assignment_id(&a.get("/").await),
                ),
                ("prompt_set_id", ""),
            ],
        )
        .await;
    started.assert_redirect_to("/checkins/");
    let checkin = started
        .location()
        .trim_start_matches("/checkins/")
        .to_owned();
    Scene {
        t,
        a,
        b,
        link,
        checkin,
        note,
    }
}

async fn answer(who: &Browser, checkin: &str, enjoyable: &str, change: &str) {
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
async fn every_page(s: &Scene) -> Vec<(String, Page)> {
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
fn shown(page: &Page) -> String {
    page.html().root_element().text().collect()
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

const UNREADABLE: &str = "This answer couldn't be read.";

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
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("k");
    std::fs::write(&key_file, KEY_1).unwrap();
    mutual::app::rotate_key(&ctx.config(), &key_file)
        .await
        .expect("rotate-key copes with typed text that looks sealed");
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    check_crafted(&s.on(&app)).await;
}

async fn typed_text_that_looks_sealed_reads_back_as_typed_with_a_key(ctx: TestContext) {
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    let s = crafted_answers_round_trip(&app).await;
    drop(app);
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("k");
    std::fs::write(&key_file, KEY_2).unwrap();
    mutual::app::rotate_key(&with_key(&ctx, KEY_1), &key_file)
        .await
        .unwrap();
    let app = ctx.spawn_with(with_key(&ctx, KEY_2)).await;
    check_crafted(&s.on(&app)).await;
}

impl Scene {
    /// The same people, with the same sessions, on a restarted app.
    fn on(&self, app: &TestApp) -> Scene {
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

/// Raw SQL on a test's database, to plant and read stored values.
#[derive(Clone, Copy)]
struct Sql<'a>(Backend, &'a str);

impl<'a> Sql<'a> {
    fn of(app: &'a TestApp) -> Sql<'a> {
        Sql(app.backend, &app.database_url)
    }

    fn of_ctx(ctx: &'a TestContext) -> Sql<'a> {
        Sql(ctx.backend, &ctx.database_url)
    }

    /// Runs one statement with text parameters; returns the rows changed.
    async fn exec(self, sql: &str, binds: &[&str]) -> u64 {
        macro_rules! run {
            ($conn:ty) => {{
                let mut c = <$conn>::connect(self.1).await.unwrap();
                let mut q = sqlx::query(sql);
                for b in binds {
                    q = q.bind(*b);
                }
                q.execute(&mut c).await.unwrap().rows_affected()
            }};
        }
        match self.0 {
            Backend::Sqlite => run!(sqlx::SqliteConnection),
            Backend::Postgres => run!(sqlx::PgConnection),
        }
    }

    /// The text values one query returns.
    async fn strings(self, sql: &str) -> Vec<String> {
        match self.0 {
            Backend::Sqlite => {
                let mut c = sqlx::SqliteConnection::connect(self.1).await.unwrap();
                sqlx::query_scalar(sql).fetch_all(&mut c).await.unwrap()
            }
            Backend::Postgres => {
                let mut c = sqlx::PgConnection::connect(self.1).await.unwrap();
                sqlx::query_scalar(sql).fetch_all(&mut c).await.unwrap()
            }
        }
    }

    /// The bytes values one query returns.
    async fn blobs(self, sql: &str) -> Vec<Vec<u8>> {
        match self.0 {
            Backend::Sqlite => {
                let mut c = sqlx::SqliteConnection::connect(self.1).await.unwrap();
                sqlx::query_scalar(sql).fetch_all(&mut c).await.unwrap()
            }
            Backend::Postgres => {
                let mut c = sqlx::PgConnection::connect(self.1).await.unwrap();
                sqlx::query_scalar(sql).fetch_all(&mut c).await.unwrap()
            }
        }
    }
}

/// `WHERE` condition picking one person's answer to one prompt (the test has one
/// check-in with answers, unless it says otherwise).
fn answer_of(name: &str, prompt: &str) -> String {
    format!(
        "prompt_id = '{prompt}' AND user_id = (SELECT user_id FROM users WHERE email = '{}')",
        Browser::email(name)
    )
}

/// Replaces a stored value, as a leftover from an older version or a tampered backup would.
async fn plant(app: &TestApp, table_and_column: &str, condition: &str, stored: &str) {
    let (table, column) = table_and_column.split_once('.').unwrap();
    let n = Sql::of(app)
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
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("k");
    std::fs::write(&key_file, KEY_1).unwrap();
    mutual::app::rotate_key(&ctx.config(), &key_file)
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
    std::fs::write(&key_file, KEY_2).unwrap();
    mutual::app::rotate_key(&with_key(&ctx, KEY_1), &key_file)
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

/// A value sealed the first way (`enc1`: the column name as the only associated data), as
/// Mutual wrote it before rows were bound; written out here so the test does not depend
/// on the code it checks.
fn enc1(key_b64: &str, column: &str, plain: &[u8]) -> String {
    use base64::Engine;
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    use sha2::Digest;
    let key = base64::engine::general_purpose::STANDARD
        .decode(key_b64)
        .unwrap();
    let mut h = sha2::Sha256::new();
    h.update(b"mutual data key id\0");
    h.update(&key);
    let id = hex::encode(&h.finalize()[..8]);
    let nonce: [u8; 24] = rand_bytes();
    let cipher = chacha20poly1305::XChaCha20Poly1305::new(key.as_slice().into());
    let sealed = cipher
        .encrypt(
            chacha20poly1305::XNonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: column.as_bytes(),
            },
        )
        .unwrap();
    let body = [nonce.as_slice(), &sealed].concat();
    format!(
        "mutual:enc1:{id}:{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(body)
    )
}

fn rand_bytes<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    for chunk in out.chunks_mut(16) {
        let r = uuid::Uuid::new_v4();
        chunk.copy_from_slice(&r.as_bytes()[..chunk.len()]);
    }
    out
}

async fn a_sealed_value_copied_into_another_row_does_not_open_there(ctx: TestContext) {
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    let s = scene(&app).await;
    let ada_words = marker("ada-enjoyable");
    let ben_words = marker("ben-enjoyable");
    let ben_change = marker("ben-change");
    answer(&s.a, &s.checkin, &ada_words, "ada change").await;
    answer(&s.b, &s.checkin, &ben_words, &ben_change).await;

    let therapist_page = format!("/therapist/couples/{}", s.link);
    let before = count(&shown(&s.t.get(&therapist_page).await), &ada_words);
    assert!(before > 0);

    // Ada's sealed answer copied over Ben's, in the same check-in and column.
    let n = Sql::of(&app)
        .exec(
            &format!(
                "UPDATE answers SET value_text = (SELECT value_text FROM answers WHERE {})
                 WHERE {}",
                answer_of("Ada", "after-enjoyable"),
                answer_of("Ben", "after-enjoyable")
            ),
            &[],
        )
        .await;
    assert_eq!(n, 1);
    // Text stored unsealed, and a value in the first sealed format with the right key:
    // what a planted value would look like once a key is set.
    plant(
        &app,
        "answers.value_text",
        &answer_of("Ben", "after-change"),
        "planted plain words",
    )
    .await;
    let old = enc1(KEY_1, "answers.value_text", b"planted old-format words");
    plant(
        &app,
        "answers.value_text",
        &answer_of("Ada", "after-change"),
        &old,
    )
    .await;

    for (what, page) in every_page(&s).await {
        let text = shown(&page);
        assert!(!text.contains("planted"), "{what} shows a planted value");
        assert!(
            !text.contains(&ben_words),
            "Ben's words are gone, not shown"
        );
    }
    for who in [&s.a, &s.b] {
        let page = who.get(&format!("/checkins/{}", s.checkin)).await;
        let text = shown(&page);
        assert_eq!(
            count(&text, &ada_words),
            1,
            "Ada's words, once, where she wrote them"
        );
        assert_eq!(
            count(&text, UNREADABLE),
            3,
            "the copied and the planted values"
        );
    }
    let therapist = shown(&s.t.get(&therapist_page).await);
    assert_eq!(
        count(&therapist, &ada_words),
        before,
        "the therapist sees Ada's words only where she wrote them: {therapist}"
    );

    // A note sealed for one exercise, copied into another, does not open either.
    s.t.post_form(
        &format!("/therapist/couples/{}/assignments", s.link),
        &[
            ("prompt_set_id", "mutuality-reflection"),
            ("note", "the second note"),
            ("target_count", "1"),
        ],
    )
    .await
    .assert_redirect_to(&format!("/therapist/couples/{}", s.link));
    let n = Sql::of(&app)
        .exec(
            "UPDATE assignments SET note = (SELECT note FROM assignments WHERE prompt_set_id = $1)
             WHERE prompt_set_id = $2",
            &[SET, "mutuality-reflection"],
        )
        .await;
    assert_eq!(n, 1);
    let exercises = shown(&s.t.get(&therapist_page).await);
    assert_eq!(
        count(&exercises, &s.note),
        1,
        "the note shows only on its own exercise"
    );
    assert!(
        exercises.contains("This note couldn't be read."),
        "{exercises}"
    );
    let home = shown(&s.a.get("/").await);
    assert!(
        !home.contains(&s.note) && home.contains("This note couldn't be read."),
        "{home}"
    );
}

/// Writes `key` to a file and returns it (with the folder that must outlive its use).
fn key_file(key: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.key");
    std::fs::write(&path, format!("{key}\n")).unwrap();
    (dir, path)
}

async fn refused(ctx: &TestContext, key: &str) -> String {
    let started = mutual::app::build_with_clock(with_key(ctx, key), ctx.clock.clone()).await;
    format!("{:#}", started.err().expect("start-up is refused"))
}

/// Every stored free-text value and two-step secret is in the current sealed format.
async fn all_sealed(app: &TestApp) {
    for sql in [
        "SELECT value_text FROM answers WHERE value_text IS NOT NULL",
        "SELECT note FROM assignments",
        "SELECT check_value FROM data_keys",
    ] {
        for v in Sql::of(app).strings(sql).await {
            assert!(v.starts_with("mutual:enc2:"), "{sql}: {v}");
        }
    }
    for v in Sql::of(app).blobs("SELECT secret FROM totp_secrets").await {
        assert!(
            v.starts_with(b"mutual:enc2:"),
            "a two-step secret is not sealed"
        );
    }
}

async fn a_key_on_a_database_with_unsealed_text_needs_rotate_key_first(ctx: TestContext) {
    let app = ctx.spawn().await;
    let s = scene(&app).await;
    let words = marker("words");
    answer(&s.a, &s.checkin, &words, ADA_CHANGE).await;
    drop(app);

    // Starting with a key would leave the text unsealed (and unreadable, since text
    // unsealed where a key is set is what a planted value looks like): refused, with the
    // command that seals it.
    let err = refused(&ctx, KEY_1).await;
    assert!(err.contains("rotate-key"), "{err}");
    assert!(err.contains("--new-key-file"), "{err}");

    // That command, with the same key as current and new key, seals everything.
    let (_dir, file) = key_file(KEY_1);
    let (done, _) = mutual::app::rotate_key(&with_key(&ctx, KEY_1), &file)
        .await
        .expect("rotate-key seals a database that had no key");
    assert_eq!(done.answers, 2);
    assert_eq!(done.notes, 1);
    assert_eq!(done.secrets, 1, "the therapist's two-step secret");
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    all_sealed(&app).await;
    let s = s.on(&app);
    let page = shown(&s.a.get(&format!("/checkins/{}", s.checkin)).await);
    assert!(page.contains(&words) && page.contains(ADA_CHANGE), "{page}");
    assert!(shown(&s.a.get("/").await).contains(&s.note));
}

async fn a_database_sealed_in_the_first_format_is_upgraded_by_rotate_key(ctx: TestContext) {
    // A database as the first format left it: a key recorded with an enc1 check value,
    // answers and the note sealed with the column name only, two-step secrets in the clear.
    let app = ctx.spawn().await;
    let s = scene(&app).await;
    let words = marker("words");
    answer(&s.a, &s.checkin, &words, "second words").await;
    let secret = enrol(&app, &s.a).await;
    drop(app);
    let sql = Sql::of_ctx(&ctx);
    for column in ["answers.value_text", "assignments.note"] {
        let (table, col) = column.split_once('.').unwrap();
        let values = sql
            .strings(&format!(
                "SELECT {col} FROM {table} WHERE {col} IS NOT NULL"
            ))
            .await;
        for v in values {
            let sealed = enc1(KEY_1, column, v.as_bytes());
            let n = sql
                .exec(
                    &format!("UPDATE {table} SET {col} = $1 WHERE {col} = $2"),
                    &[&sealed, &v],
                )
                .await;
            assert_eq!(n, 1);
        }
    }
    let check = enc1(KEY_1, "data_keys.check_value", b"mutual data key check");
    let key_id = check.split(':').nth(2).unwrap().to_owned();
    sql.exec(
        "INSERT INTO data_keys (key_id, check_value, created_at)
         SELECT $1, $2, created_at FROM users LIMIT 1",
        &[&key_id, &check],
    )
    .await;

    // Start-up refuses, naming the command that upgrades it.
    let err = refused(&ctx, KEY_1).await;
    assert!(err.contains("rotate-key"), "{err}");
    assert!(err.contains("older format"), "{err}");

    let (_dir, file) = key_file(KEY_1);
    let (done, _) = mutual::app::rotate_key(&with_key(&ctx, KEY_1), &file)
        .await
        .expect("rotate-key upgrades the format with the same key");
    assert_eq!((done.answers, done.notes, done.secrets), (2, 1, 2));
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    all_sealed(&app).await;
    let s = s.on(&app);
    let page = shown(&s.a.get(&format!("/checkins/{}", s.checkin)).await);
    assert!(
        page.contains(&words) && page.contains("second words"),
        "{page}"
    );
    assert!(!page.contains("be read."));
    assert!(shown(&s.a.get("/").await).contains(&s.note));
    // Ada's two-step sign-in still works: her secret was sealed on the way.
    sign_in_with_code(&app, "Ada", &secret).await;
}

fn now(app: &TestApp) -> u64 {
    app.clock.now().unix_timestamp() as u64
}

/// Turns two-step sign-in on for `b`; returns the secret (base32, as the page shows it).
async fn enrol(app: &TestApp, b: &Browser) -> String {
    let page = b.post_form("/account/two-factor/start", &[]).await;
    page.assert_ok();
    let secret = page.texts("samp.key").remove(0);
    let code = code_at(&secret, now(app)).unwrap();
    b.post_form("/account/two-factor/confirm", &[("code", &code)])
        .await
        .assert_ok();
    // The code used to confirm is spent: move on one step for the next one.
    app.clock.advance(Duration::seconds(30));
    secret
}

/// A new browser signs `name` in with the password and a current code.
async fn sign_in_with_code(app: &TestApp, name: &str, secret: &str) -> Browser {
    let b = app.browser();
    b.sign_in(name).await.assert_redirect_to("/login/code");
    let code = code_at(secret, now(app)).unwrap();
    b.post_form("/login/code", &[("code", &code)])
        .await
        .assert_redirect_to("/");
    app.clock.advance(Duration::seconds(30));
    b.get("/account").await.assert_ok();
    b
}

async fn two_step_secrets_are_sealed_with_a_key_and_survive_rotation(ctx: TestContext) {
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    let a = app.person("Ada").await;
    let secret = enrol(&app, &a).await;
    let raw = totp_rs::Secret::Encoded(secret.clone()).to_bytes().unwrap();
    // Neither the bytes nor any text form of them is stored.
    let bytes = stored_bytes(&app).await;
    assert!(
        !bytes.windows(raw.len()).any(|w| w == raw.as_slice()),
        "the secret's bytes are stored in the clear"
    );
    for form in [hex::encode(&raw), secret.clone(), secret.to_lowercase()] {
        assert!(!holds(&bytes, &form), "the secret is stored as {form}");
    }
    all_sealed(&app).await;
    // Signing in with a code still works, here and on a restart with the same key.
    sign_in_with_code(&app, "Ada", &secret).await;
    drop(app);
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    sign_in_with_code(&app, "Ada", &secret).await;
    drop(app);

    // After rotate-key, with the new key.
    let (_dir, file) = key_file(KEY_2);
    let (done, _) = mutual::app::rotate_key(&with_key(&ctx, KEY_1), &file)
        .await
        .unwrap();
    assert_eq!(done.secrets, 1);
    let app = ctx.spawn_with(with_key(&ctx, KEY_2)).await;
    all_sealed(&app).await;
    sign_in_with_code(&app, "Ada", &secret).await;

    // A secret copied to another account does not open there: that account's codes are
    // refused (its recovery codes still work), and nothing fails.
    let b = app.person("Ben").await;
    let ben_secret = enrol(&app, &b).await;
    let n = Sql::of(&app)
        .exec(
            &format!(
                "UPDATE totp_secrets SET secret = (SELECT secret FROM totp_secrets WHERE {})
                 WHERE {}",
                answer_of("Ada", "").replace("prompt_id = '' AND ", ""),
                answer_of("Ben", "").replace("prompt_id = '' AND ", ""),
            ),
            &[],
        )
        .await;
    assert_eq!(n, 1);
    for try_secret in [&secret, &ben_secret] {
        let c = app.browser();
        c.sign_in("Ben").await.assert_redirect_to("/login/code");
        let code = code_at(try_secret, now(&app)).unwrap();
        let page = c.post_form("/login/code", &[("code", &code)]).await;
        assert_eq!(
            page.status,
            reqwest::StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            page.body
        );
    }
    b.get("/account/two-factor").await.assert_ok();
}
