//! A person's own data: export, deletion that leaves nothing, encryption at rest.

use reqwest::StatusCode;

use crate::helpers::{marker, Backend, Browser, TestApp, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(your_data:
        export_holds_my_words_and_only_what_my_partner_shared,
        export_needs_a_signed_in_person,
        printable_page_shows_checkins_and_summary,
        deletion_asks_for_password_and_phrase_and_keeps_the_phrase,
        deleting_an_account_leaves_nothing_of_the_person,
        partner_sees_that_answers_were_deleted,
        deleted_therapist_leaves_couples_their_checkins,
        written_answers_are_encrypted_at_rest_with_a_key,
        a_wrong_or_missing_key_stops_start_up,
        rotating_the_key_keeps_every_word_readable,
        privacy_md_names_every_column,
    )
}

const SET: &str = "after-intimacy";

/// Words each partner planted in a check-in, by whether the other may ever see them.
struct Planted {
    a_shared: String,
    a_private: String,
    b_shared: String,
    b_private: String,
    /// B answered a second check-in A has not answered yet.
    b_unrevealed: String,
    /// A answered a third check-in B has not answered yet.
    a_pending: String,
}

/// One revealed check-in with shared and private words from both, one B answered alone,
/// one A answered alone.
async fn plant(a: &Browser, b: &Browser) -> Planted {
    let p = Planted {
        a_shared: marker("a-shared"),
        a_private: marker("a-private"),
        b_shared: marker("b-shared"),
        b_private: marker("b-private"),
        b_unrevealed: marker("b-unrevealed"),
        a_pending: marker("a-pending"),
    };
    let id = a.start_checkin(SET).await;
    // Both answer the same way: one shared word, one private one, one scale.
    for (who, shared, private, scale) in [
        (a, &p.a_shared, &p.a_private, "4"),
        (b, &p.b_shared, &p.b_private, "5"),
    ] {
        who.answer(
            &id,
            &[
                ("a_after-enjoyable", shared),
                ("a_after-change", private),
                ("private_after-change", "on"),
                ("a_after-connected", scale),
            ],
        )
        .await
        .assert_redirect_to("/checkins/");
    }
    let second = b.start_checkin(SET).await;
    b.answer(&second, &[("a_after-enjoyable", &p.b_unrevealed)])
        .await
        .assert_redirect_to("/checkins/");
    let third = a.start_checkin(SET).await;
    a.answer(&third, &[("a_after-enjoyable", &p.a_pending)])
        .await
        .assert_redirect_to("/checkins/");
    p
}

pub(crate) async fn export_json(b: &Browser) -> (String, serde_json::Value) {
    let page = b.get("/account/export.json").await;
    page.assert_ok();
    assert!(page.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    assert!(page.headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let json = serde_json::from_str(&page.body).expect("the export is JSON");
    (page.body, json)
}

async fn export_holds_my_words_and_only_what_my_partner_shared(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Ada", "Ben").await;
    let p = plant(&a, &b).await;

    let (body, json) = export_json(&a).await;
    assert_eq!(json["format"], "mutual-export");
    assert_eq!(json["version"], 1);
    assert_eq!(json["account"]["email"], Browser::email("Ada"));
    assert_eq!(json["consents"][0]["kind"], "data_storage");
    assert!(json["consents"][0]["given_at"].is_string());
    assert_eq!(json["couples"][0]["partner"], "Ben");
    assert_eq!(json["checkins"].as_array().unwrap().len(), 3);
    for mine in [&p.a_shared, &p.a_private, &p.a_pending, &p.b_shared] {
        assert!(body.contains(mine.as_str()), "Ada's export lacks {mine}");
    }
    for never in [&p.b_private, &p.b_unrevealed] {
        assert!(!body.contains(never.as_str()), "Ada's export holds {never}");
    }
    // The private answer is marked as such.
    let first = &json["checkins"][0]["answers"];
    let private = first
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["yours"] == p.a_private.as_str())
        .expect("the private answer is exported");
    assert_eq!(private["yours_kept_private"], true);

    // And the other way round for Ben.
    let (body, _) = export_json(&b).await;
    for mine in [&p.b_shared, &p.b_private, &p.b_unrevealed, &p.a_shared] {
        assert!(body.contains(mine.as_str()), "Ben's export lacks {mine}");
    }
    for never in [&p.a_private, &p.a_pending] {
        assert!(!body.contains(never.as_str()), "Ben's export holds {never}");
    }

    // After unlinking, the export follows the page: the partner's words are not shown.
    a.post_form("/couple/unlink", &[("confirm", "yes")]).await;
    let (body, json) = export_json(&a).await;
    assert!(body.contains(p.a_shared.as_str()));
    assert!(!body.contains(p.b_shared.as_str()));
    assert!(json["couples"][0]["unlinked_at"].is_string());
}

async fn export_needs_a_signed_in_person(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Ada", "Ben").await;
    let p = plant(&a, &b).await;
    let stranger = app.browser();
    for path in ["/account/export.json", "/account/export", "/account/delete"] {
        let page = stranger.get(path).await;
        page.assert_redirect_to("/login");
        assert!(!page.body.contains(p.a_shared.as_str()));
    }
    // Another couple's export holds nothing of this one.
    let (c, _d) = app.couple("Cy", "Dee").await;
    let (body, json) = export_json(&c).await;
    assert!(!body.contains(p.a_shared.as_str()) && !body.contains(p.b_shared.as_str()));
    assert_eq!(json["checkins"].as_array().unwrap().len(), 0);
}

async fn printable_page_shows_checkins_and_summary(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Ada", "Ben").await;
    let p = plant(&a, &b).await;
    let page = a.get("/account/export").await;
    page.assert_ok();
    assert!(page.body.contains(p.a_shared.as_str()));
    assert!(page.body.contains(p.a_private.as_str()));
    assert!(page.body.contains(p.b_shared.as_str()));
    assert!(!page.body.contains(p.b_private.as_str()));
    assert!(!page.body.contains(p.b_unrevealed.as_str()));
    // The summary part, with its chart and a text equivalent.
    assert!(page.body.contains("You and Ben, so far"));
    assert!(page.body.contains("<svg"));
    assert!(!page.body.contains("<script"));
}

async fn delete(b: &Browser, password: &str, confirm: &str) -> crate::helpers::Page {
    b.post_form(
        "/account/delete",
        &[("password", password), ("confirm", confirm)],
    )
    .await
}

async fn deletion_asks_for_password_and_phrase_and_keeps_the_phrase(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Ada").await;
    let page = a.get("/account/delete").await;
    page.assert_ok();
    assert!(page.body.contains("delete my account"));

    let page = delete(&a, "not my password", "delete my account").await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("t your password."), "{}", page.body);
    assert_eq!(
        page.attr("input[name=confirm]", "value").as_deref(),
        Some("delete my account")
    );

    let page = delete(&a, crate::helpers::PASSWORD, "delete it").await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("please type"));
    assert_eq!(
        page.attr("input[name=confirm]", "value").as_deref(),
        Some("delete it")
    );
    // Nothing changed: still signed in, still there.
    a.get("/account").await.assert_ok();
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);

    // Wrong passwords here count like wrong passwords at sign-in.
    for _ in 0..5 {
        delete(&a, "guess", "delete my account").await;
    }
    let page = delete(&a, crate::helpers::PASSWORD, "delete my account").await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
}

/// Every place the person could be left: all rows of all tables, and on SQLite the
/// bytes of the database file and its write-ahead log.
async fn leftovers(app: &TestApp, needles: &[&[u8]]) -> Vec<String> {
    let mut found = Vec::new();
    match app.backend {
        Backend::Sqlite => {
            let path = app.database_url.trim_start_matches("sqlite:").to_owned();
            for file in [path.clone(), format!("{path}-wal")] {
                let bytes = std::fs::read(&file).unwrap_or_default();
                for n in needles {
                    if bytes.windows(n.len()).any(|w| w == *n) {
                        found.push(format!("{} in {file}", String::from_utf8_lossy(n)));
                    }
                }
            }
        }
        Backend::Postgres => {
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(&app.database_url)
                .await
                .unwrap();
            let columns: Vec<(String, String)> = sqlx::query_as(
                "SELECT table_name::text, column_name::text FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
            )
            .fetch_all(&mut c)
            .await
            .unwrap();
            for (table, column) in columns {
                for n in needles {
                    let text = String::from_utf8_lossy(n).into_owned();
                    let hits: i64 = sqlx::query_scalar(&format!(
                        "SELECT COUNT(*) FROM {table} WHERE CAST({column} AS TEXT) LIKE '%' || $1 || '%'"
                    ))
                    .bind(&text)
                    .fetch_one(&mut c)
                    .await
                    .unwrap();
                    if hits > 0 {
                        found.push(format!("{text} in {table}.{column}"));
                    }
                }
            }
        }
    }
    found
}

/// The person's id as stored: 16 bytes in SQLite, its text form in PostgreSQL.
async fn stored_id(app: &TestApp, email: &str) -> Vec<u8> {
    use sqlx::Connection;
    let id: uuid::Uuid = match app.backend {
        Backend::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(&app.database_url)
                .await
                .unwrap();
            sqlx::query_scalar("SELECT user_id FROM users WHERE email = $1")
                .bind(email)
                .fetch_one(&mut c)
                .await
                .unwrap()
        }
        Backend::Postgres => {
            let mut c = sqlx::PgConnection::connect(&app.database_url)
                .await
                .unwrap();
            sqlx::query_scalar("SELECT user_id FROM users WHERE email = $1")
                .bind(email)
                .fetch_one(&mut c)
                .await
                .unwrap()
        }
    };
    match app.backend {
        Backend::Sqlite => id.as_bytes().to_vec(),
        Backend::Postgres => id.to_string().into_bytes(),
    }
}

async fn deleting_an_account_leaves_nothing_of_the_person(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Ada", "Ben").await;
    let p = plant(&a, &b).await;
    let email = Browser::email("Ada");
    let id = stored_id(&app, &email).await;
    let old_cookie = a.cookie_header().await;
    let ada_words: Vec<&[u8]> = vec![
        p.a_shared.as_bytes(),
        p.a_private.as_bytes(),
        p.a_pending.as_bytes(),
        email.as_bytes(),
        &id,
    ];
    // Before: the scan finds them (so finding nothing afterwards means something).
    assert_eq!(leftovers(&app, &[p.a_shared.as_bytes()]).await.len(), 1);

    let page = delete(&a, crate::helpers::PASSWORD, "Delete my account").await;
    page.assert_redirect_to("/deleted");
    assert!(page.headers.contains_key("clear-site-data"));
    a.get("/deleted").await.assert_ok();

    let found = leftovers(&app, &ada_words).await;
    assert!(found.is_empty(), "left behind: {found:?}");
    // Ben's own words are still there.
    assert!(!leftovers(&app, &[p.b_shared.as_bytes()]).await.is_empty());

    // The old session cookie gets nothing.
    let replay = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for path in ["/account", "/checkins", "/account/export.json"] {
        let res = replay
            .get(format!("{}{path}", app.url))
            .header("cookie", &old_cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
        let body = res.text().await.unwrap();
        assert!(!body.contains(p.a_shared.as_str()));
    }
    // Signing in again does not work either.
    let page = a.sign_in("Ada").await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn partner_sees_that_answers_were_deleted(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Ada", "Ben").await;
    let p = plant(&a, &b).await;
    delete(&a, crate::helpers::PASSWORD, "delete my account")
        .await
        .assert_redirect_to("/deleted");

    // Ben is unlinked, keeps his own words, and is told why Ada's are gone.
    b.get("/couple").await.assert_ok();
    assert_eq!(
        app.count("SELECT COUNT(*) FROM couples WHERE ended_at IS NULL")
            .await,
        0
    );
    let mut saw_note = false;
    let links: Vec<String> = b
        .get("/checkins")
        .await
        .html()
        .select(&scraper::Selector::parse("a[href^='/checkins/0']").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert!(links.len() >= 2, "Ben's check-ins are listed");
    for link in links {
        let page = b.get(&link).await;
        page.assert_ok();
        assert!(!page.body.contains(p.a_shared.as_str()));
        saw_note |= page.body.contains("deleted their account");
    }
    assert!(
        saw_note,
        "a shared check-in says the partner's answers were deleted"
    );
    let (body, json) = export_json(&b).await;
    assert!(body.contains(p.b_shared.as_str()));
    assert_eq!(json["couples"][0]["partner_deleted_their_account"], true);
}

/// A couple linked to therapist Tess (full consent), with a check-in started from an
/// exercise of a set Tess wrote whose one question is `question`.
async fn therapist_set_checkin(
    app: &TestApp,
    question: &str,
) -> (Browser, Browser, Browser, String) {
    let (t, a, b, link) =
        crate::therapists::linked_as(app, ("Tess", "Ada", "Ben"), ("3", "3")).await;
    t.post_form(
        "/therapist/sets",
        &[
            ("title", "Our own questions"),
            ("p1_text", question),
            ("p1_kind", "text"),
        ],
    )
    .await
    .assert_redirect_to("/therapist");
    let set_id = t
        .get(&format!("/therapist/couples/{link}"))
        .await
        .html()
        .select(&scraper::Selector::parse("option").unwrap())
        .find(|o| o.text().collect::<String>() == "Our own questions")
        .and_then(|o| o.value().attr("value").map(str::to_owned))
        .expect("the set is offered to its author");
    t.post_form(
        &format!("/therapist/couples/{link}/assignments"),
        &[
            ("prompt_set_id", &set_id),
            ("target_count", "1"),
            ("note", "Take your time"),
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
    let id = started
        .location()
        .trim_start_matches("/checkins/")
        .to_owned();
    (t, a, b, id)
}

async fn deleted_therapist_leaves_couples_their_checkins(ctx: TestContext) {
    let app = ctx.spawn().await;
    let question = marker("What felt new");
    let (t, a, _b, id) = therapist_set_checkin(&app, &question).await;
    delete(&t, crate::helpers::PASSWORD, "delete my account")
        .await
        .assert_redirect_to("/deleted");
    // The couple still reads their check-in; the set is in no list; the therapist is gone.
    let page = a.get(&format!("/checkins/{id}")).await;
    page.assert_ok();
    assert!(page.body.contains(question.as_str()));
    assert!(!a
        .get("/checkins/new")
        .await
        .body
        .contains("Our own questions"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE is_therapist = TRUE")
            .await,
        0
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM therapist_links").await, 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM prompt_sets WHERE owner_id IS NOT NULL")
            .await,
        0
    );
}

/// Config with a data key (a fixed test key, base64 of 32 bytes).
pub(crate) fn with_key(ctx: &TestContext, key: &str) -> mutual::config::Config {
    let mut c = ctx.config();
    c.data_key = Some(key.into());
    c
}

pub(crate) const KEY_1: &str = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
pub(crate) const KEY_2: &str = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=";

/// Every byte the database keeps: the SQLite file and WAL, or a PostgreSQL dump.
pub(crate) async fn stored_bytes(app: &TestApp) -> Vec<u8> {
    match app.backend {
        Backend::Sqlite => {
            let path = app.database_url.trim_start_matches("sqlite:").to_owned();
            let mut all = std::fs::read(&path).unwrap();
            all.extend(std::fs::read(format!("{path}-wal")).unwrap_or_default());
            all
        }
        Backend::Postgres => {
            let out = std::process::Command::new("pg_dump")
                .arg(&app.database_url)
                .output()
                .expect("pg_dump runs");
            assert!(
                out.status.success(),
                "pg_dump: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            out.stdout
        }
    }
}

pub(crate) fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

async fn written_answers_are_encrypted_at_rest_with_a_key(ctx: TestContext) {
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    let prompt = marker("therapist-prompt");
    let (t, a, b, id) = therapist_set_checkin(&app, &prompt).await;
    let p = plant(&a, &b).await;
    // Pages show the words as typed: the therapist's question, the note, the answers.
    assert!(a
        .get(&format!("/checkins/{id}"))
        .await
        .body
        .contains(prompt.as_str()));
    assert!(a.get("/").await.body.contains("Take your time"));
    assert!(t.get("/therapist").await.status.is_success());
    let (body, _) = export_json(&a).await;
    assert!(body.contains(p.a_shared.as_str()) && body.contains(p.b_shared.as_str()));

    let bytes = stored_bytes(&app).await;
    for m in [
        &p.a_shared,
        &p.a_private,
        &p.b_shared,
        &p.b_private,
        &prompt,
    ] {
        assert!(!holds(&bytes, m), "{m} is stored in the clear");
    }
    assert!(
        !holds(&bytes, "Take your time"),
        "the note is stored in the clear"
    );
    // Scale answers stay plain numbers, so the summary still adds them up.
    assert!(a.get("/summary").await.body.contains("4"));

    // Without a key, the same words are stored as typed (so the check above means something).
    let ctx2 = TestContext::new(ctx.backend).await;
    let plain = ctx2.spawn().await;
    let (c, d) = plain.couple("Cy", "Dee").await;
    let q = plant(&c, &d).await;
    assert!(holds(&stored_bytes(&plain).await, &q.a_shared));
    drop(plain);
    ctx2.cleanup_handle().cleanup().await;
}

async fn a_wrong_or_missing_key_stops_start_up(ctx: TestContext) {
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    let (a, b) = app.couple("Ada", "Ben").await;
    plant(&a, &b).await;
    let wrong = mutual::app::build_with_clock(with_key(&ctx, KEY_2), ctx.clock.clone()).await;
    let err = format!("{:#}", wrong.err().expect("a wrong key is refused"));
    assert!(
        err.contains("not the key this database is encrypted with"),
        "{err}"
    );
    let missing = mutual::app::build_with_clock(ctx.config(), ctx.clock.clone()).await;
    let err = format!("{:#}", missing.err().expect("no key is refused"));
    assert!(err.contains("holds encrypted text"), "{err}");
    let bad = mutual::app::build_with_clock(with_key(&ctx, "not a key"), ctx.clock.clone()).await;
    let err = format!("{:#}", bad.err().expect("a malformed key is refused"));
    assert!(err.contains("32 bytes"), "{err}");
    // The right key still starts.
    let again = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    again.browser().get("/login").await.assert_ok();
}

async fn rotating_the_key_keeps_every_word_readable(ctx: TestContext) {
    // Text written before any key, then a key added by rotation, then rotated again.
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Ada", "Ben").await;
    let p = plant(&a, &b).await;
    drop(app);

    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("new.key");
    std::fs::write(&key_file, format!("{KEY_1}\n")).unwrap();
    mutual::app::rotate_key(&ctx.config(), &key_file)
        .await
        .unwrap();
    std::fs::write(&key_file, KEY_2).unwrap();
    mutual::app::rotate_key(&with_key(&ctx, KEY_1), &key_file)
        .await
        .unwrap();

    let app = ctx.spawn_with(with_key(&ctx, KEY_2)).await;
    let a = app.browser();
    a.sign_in("Ada").await.assert_redirect_to("/");
    let (body, _) = export_json(&a).await;
    for m in [&p.a_shared, &p.a_private, &p.b_shared] {
        assert!(body.contains(m.as_str()), "{m} did not survive rotation");
    }
    let bytes = stored_bytes(&app).await;
    assert!(!holds(&bytes, &p.a_shared));
    // The old key no longer opens it.
    assert!(
        mutual::app::build_with_clock(with_key(&ctx, KEY_1), ctx.clock.clone())
            .await
            .is_err()
    );
}

/// (table, column) pairs PRIVACY.md documents: under a `### table` heading, or in a table
/// whose first cell names the table, every backticked name in the column cell.
fn documented_columns() -> std::collections::BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/PRIVACY.md"))
        .expect("PRIVACY.md");
    let mut out = std::collections::BTreeSet::new();
    let mut heading: Vec<String> = Vec::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            heading = h.split(',').map(|t| t.trim().to_owned()).collect();
            continue;
        }
        if line.starts_with("## ") {
            heading.clear();
        }
        if !line.starts_with('|') || heading.is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // cells[0] is empty (before the first bar).
        let (table, column_cell) = if heading.len() == 1 {
            (heading[0].clone(), cells.get(1).copied().unwrap_or(""))
        } else {
            (
                cells.get(1).copied().unwrap_or("").to_owned(),
                cells.get(2).copied().unwrap_or(""),
            )
        };
        for (i, part) in column_cell.split('`').enumerate() {
            if i % 2 == 1 {
                out.insert((table.clone(), part.to_owned()));
            }
        }
    }
    out
}

async fn privacy_md_names_every_column(ctx: TestContext) {
    use sqlx::Connection;
    let app = ctx.spawn().await;
    let live: Vec<(String, String)> = match app.backend {
        Backend::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(&app.database_url)
                .await
                .unwrap();
            sqlx::query_as(
                "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                   AND m.name <> '_sqlx_migrations'",
            )
            .fetch_all(&mut c)
            .await
            .unwrap()
        }
        Backend::Postgres => {
            let mut c = sqlx::PgConnection::connect(&app.database_url)
                .await
                .unwrap();
            sqlx::query_as(
                "SELECT table_name::text, column_name::text FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
            )
            .fetch_all(&mut c)
            .await
            .unwrap()
        }
    };
    assert!(
        live.len() > 50,
        "the schema was read ({} columns)",
        live.len()
    );
    let documented = documented_columns();
    let missing: Vec<String> = live
        .iter()
        .filter(|tc| !documented.contains(*tc))
        .map(|(t, c)| format!("{t}.{c}"))
        .collect();
    assert!(
        missing.is_empty(),
        "PRIVACY.md does not mention these columns: {missing:?}"
    );
}
