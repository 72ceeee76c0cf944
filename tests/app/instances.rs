//! Several app instances on one database: nothing a request needs lives in one
//! process's memory. Also start-up and operations: migrations, health.

use reqwest::StatusCode;

use crate::helpers::{link, marker, Browser, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(instances:
        a_sign_in_through_one_instance_works_on_another,
        partners_on_different_instances_see_one_reveal,
        simultaneous_last_answers_reveal_exactly_once,
        health_reports_503_when_the_database_is_gone,
        the_migrate_command_prepares_an_empty_database,
        migrations_are_idempotent_across_restarts,
    )
}

/// The same person's cookies used against another instance's address.
fn on(b: &Browser, other: &crate::helpers::TestApp) -> Browser {
    let mut b = b.clone();
    b.base = other.url.clone();
    b
}

async fn a_sign_in_through_one_instance_works_on_another(ctx: TestContext) {
    let one = ctx.spawn().await;
    let two = ctx.spawn().await;
    assert_ne!(one.url, two.url);
    let sam = one.person("Sam").await;
    let page = on(&sam, &two).get("/").await;
    page.assert_ok();
    assert!(page.texts("h1")[0].contains("Sam"));
    // A form token issued by one instance is accepted by the other.
    let token = sam.csrf().await;
    let body = format!("csrf_token={token}");
    on(&sam, &two)
        .post_raw("/couple/invite", &body)
        .await
        .assert_redirect_to("/couple");
    // And signing out on one ends the session on both.
    on(&sam, &two).sign_out().await;
    sam.get("/checkins").await.assert_redirect_to("/login");
}

async fn partners_on_different_instances_see_one_reveal(ctx: TestContext) {
    let one = ctx.spawn().await;
    let two = ctx.spawn().await;
    let a = one.person("Ana").await;
    let ben = two.person("Ben").await;
    let b = on(&ben, &two);
    link(&a, &b).await;
    let id = a.start_checkin("after-intimacy").await;
    let (ma, mb) = (marker("via-one"), marker("via-two"));
    a.answer(&id, &[("a_after-enjoyable", &ma)]).await;
    b.answer(&id, &[("a_after-enjoyable", &mb)])
        .await
        .assert_redirect_to(&format!("/checkins/{id}?done=revealed"));
    for viewer in [a.clone(), on(&a, &two), b.clone(), on(&b, &one)] {
        let page = viewer.get(&format!("/checkins/{id}")).await;
        assert!(page.body.contains(&ma) && page.body.contains(&mb));
    }
}

async fn simultaneous_last_answers_reveal_exactly_once(ctx: TestContext) {
    let one = ctx.spawn().await;
    let two = ctx.spawn().await;
    let (a, b) = one.couple("Cy", "Dee").await;
    let b = on(&b, &two);
    const ROUNDS: usize = 8;
    for _ in 0..ROUNDS {
        let id = a.start_checkin("after-intimacy").await;
        let (ma, mb) = (marker("cy"), marker("dee"));
        // Tokens first, so the two posts leave at the same moment.
        let (ta, tb) = (a.csrf().await, b.csrf().await);
        let body_a = format!("csrf_token={ta}&a_after-enjoyable={ma}&a_after-connected=4");
        let body_b = format!("csrf_token={tb}&a_after-enjoyable={mb}&a_after-connected=2");
        let path = format!("/checkins/{id}/answers");
        let (ra, rb) = tokio::join!(a.post_raw(&path, &body_a), b.post_raw(&path, &body_b));
        let revealed = [&ra, &rb]
            .into_iter()
            .filter(|r| r.location().ends_with("done=revealed"))
            .count();
        assert_eq!(
            revealed,
            1,
            "exactly one submission reveals: {} / {}",
            ra.location(),
            rb.location()
        );
        for page in [
            a.get(&format!("/checkins/{id}")).await,
            b.get(&format!("/checkins/{id}")).await,
        ] {
            assert!(
                page.body.contains(&ma) && page.body.contains(&mb),
                "no answer lost"
            );
        }
    }
    assert_eq!(
        one.count("SELECT COUNT(*) FROM checkins WHERE revealed_at IS NOT NULL")
            .await,
        ROUNDS as i64
    );
    assert_eq!(
        one.count("SELECT COUNT(*) FROM checkin_submissions").await,
        2 * ROUNDS as i64
    );
    assert_eq!(
        one.count("SELECT COUNT(*) FROM answers").await,
        4 * ROUNDS as i64,
        "none duplicated"
    );
}

async fn health_reports_503_when_the_database_is_gone(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.browser();
    b.get("/healthz").await.assert_ok();
    app.db.close().await;
    let page = b.get("/healthz").await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(!page.body.contains("sqlite") && !page.body.contains("postgres"));
}

async fn the_migrate_command_prepares_an_empty_database(ctx: TestContext) {
    let out = crate::helpers::mutual_binary()
        .arg("migrate")
        .env("DATABASE_URL", &ctx.database_url)
        .output()
        .expect("run mutual migrate");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Migrations applied"));
    let app = ctx.spawn().await;
    assert!(app.count("SELECT COUNT(*) FROM prompts").await >= 20);
}

async fn migrations_are_idempotent_across_restarts(ctx: TestContext) {
    let first = ctx.spawn().await;
    first.person("Eve").await;
    drop(first);
    let again = ctx.spawn().await;
    assert_eq!(again.count("SELECT COUNT(*) FROM users").await, 1);
    again.browser().sign_in("Eve").await.assert_redirect_to("/");
}
