//! A person's own data: the export (and its printable page) holds their words and only
//! what their partner shared, written words are encrypted at rest with a key, and
//! PRIVACY.md names every column.

use crate::helpers::data_key::{holds, rotate_key, stored_bytes, with_key, KEY_1, KEY_2};
use crate::helpers::therapist::therapist_set_checkin;
use crate::helpers::{marker, Backend, Browser, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(your_data:
        export_holds_my_words_and_only_what_my_partner_shared,
        export_needs_a_signed_in_person,
        printable_page_shows_checkins_and_summary,
        written_answers_are_encrypted_at_rest_with_a_key,
        a_wrong_or_missing_key_stops_start_up,
        rotating_the_key_keeps_every_word_readable,
        privacy_md_names_every_column,
    )
}

const SET: &str = "after-intimacy";

/// Words each partner planted in a check-in, by whether the other may ever see them.
pub(crate) struct Planted {
    pub(crate) a_shared: String,
    pub(crate) a_private: String,
    pub(crate) b_shared: String,
    pub(crate) b_private: String,
    /// B answered a second check-in A has not answered yet.
    pub(crate) b_unrevealed: String,
    /// A answered a third check-in B has not answered yet.
    pub(crate) a_pending: String,
}

/// One revealed check-in with shared and private words from both, one B answered alone,
/// one A answered alone.
pub(crate) async fn plant(a: &Browser, b: &Browser) -> Planted {
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

    rotate_key(&ctx.config(), &format!("{KEY_1}\n"))
        .await
        .unwrap();
    rotate_key(&with_key(&ctx, KEY_1), KEY_2).await.unwrap();

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
    let app = ctx.spawn().await;
    let live: Vec<(String, String)> = app
        .rows(match app.backend {
            Backend::Sqlite => {
                "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                   AND m.name <> '_sqlx_migrations'"
            }
            Backend::Postgres => {
                "SELECT table_name::text, column_name::text FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'"
            }
        })
        .await
        .into_iter()
        .map(|r| {
            let [table, column] = <[Option<String>; 2]>::try_from(r).unwrap();
            (table.unwrap(), column.unwrap())
        })
        .collect();
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
