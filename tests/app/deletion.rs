//! Deleting an account: it asks for the password and a phrase, leaves nothing of the
//! person in any table or file, tells the partner, and a deleted therapist leaves couples
//! their check-ins.

use reqwest::StatusCode;

use crate::helpers::therapist::therapist_set_checkin;
use crate::helpers::{marker, Backend, Browser, Page, TestApp, TestContext, PASSWORD};
use crate::your_data::{export_json, plant};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(deletion:
        deletion_asks_for_password_and_phrase_and_keeps_the_phrase,
        deleting_an_account_leaves_nothing_of_the_person,
        partner_sees_that_answers_were_deleted,
        deleted_therapist_leaves_couples_their_checkins,
    )
}

async fn delete(b: &Browser, password: &str, confirm: &str) -> Page {
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

    let page = delete(&a, PASSWORD, "delete it").await;
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
    let page = delete(&a, PASSWORD, "delete my account").await;
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
            // One query a needle: every column of every table, cast to text.
            let any_column = app
                .rows(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns
                     WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
                )
                .await
                .into_iter()
                .map(|r| {
                    let [table, column] = <[Option<String>; 2]>::try_from(r).unwrap();
                    let (table, column) = (table.unwrap(), column.unwrap());
                    format!(
                        "SELECT '{table}.{column}' FROM {table}
                         WHERE CAST({column} AS TEXT) LIKE '%' || $1 || '%'"
                    )
                })
                .collect::<Vec<_>>()
                .join(" UNION ");
            for n in needles {
                let text = String::from_utf8_lossy(n).into_owned();
                for place in app.sql().scalars::<String>(&any_column, &[&text]).await {
                    found.push(format!("{text} in {place}"));
                }
            }
        }
    }
    found
}

/// The person's id as stored: 16 bytes in SQLite, its text form in PostgreSQL.
async fn stored_id(app: &TestApp, email: &str) -> Vec<u8> {
    let id = app
        .sql()
        .scalars::<uuid::Uuid>("SELECT user_id FROM users WHERE email = $1", &[email])
        .await
        .remove(0);
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

    let page = delete(&a, PASSWORD, "Delete my account").await;
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
    delete(&a, PASSWORD, "delete my account")
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

async fn deleted_therapist_leaves_couples_their_checkins(ctx: TestContext) {
    let app = ctx.spawn().await;
    let question = marker("What felt new");
    let (t, a, _b, id) = therapist_set_checkin(&app, &question).await;
    delete(&t, PASSWORD, "delete my account")
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
