//! Bad input gets a clear 4xx, never a 500; health; error pages leak nothing.

use reqwest::StatusCode;

use crate::helpers::{SignUp, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(robustness:
        malformed_form_bodies_get_400,
        malformed_forms_are_shown_again_with_what_was_typed,
        oversized_bodies_get_413,
        a_form_post_of_another_content_type_gets_400,
        ids_that_are_not_ids_are_not_found,
        unknown_pages_get_a_calm_404,
        health_answers_without_a_session,
        every_page_says_no_store_and_carries_security_headers,
        static_files_are_served_from_the_binary,
        control_characters_get_a_message_not_a_500,
        malformed_queries_and_paths_get_our_own_pages,
        a_transaction_whose_body_fails_after_a_write_leaves_nothing,
    )
}

async fn malformed_form_bodies_get_400(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, _b) = app.couple("Ana", "Ben").await;
    let id = a.start_checkin("after-intimacy").await;
    let token = a.csrf().await;
    // No token at all: refused before anything else is read.
    let res = a
        .post_raw(&format!("/checkins/{id}/answers"), "\u{0}\u{1}binary")
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    // A button's form (nothing typed to keep): a field twice, or bytes that are not
    // UTF-8, is a 400 and changes nothing.
    for body in [
        format!("csrf_token={token}&csrf_token={token}"),
        format!("csrf_token={token}&x=%FF%FE"),
    ] {
        let res = a.post_raw(&format!("/checkins/{id}/dismiss"), &body).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{body}");
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM checkins WHERE dismissed_at IS NOT NULL")
            .await,
        0
    );
}

/// Forms people type into are shown again, with what was typed, when the body is not
/// one our page would send: a field twice, bytes that are not UTF-8, a field the form
/// does not have. Nothing is saved.
async fn malformed_forms_are_shown_again_with_what_was_typed(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, _b) = app.couple("Gus", "Hal").await;
    let id = a.start_checkin("after-intimacy").await;
    let token = a.csrf().await;
    let answers = format!("/checkins/{id}/answers");
    let kept = "words%20worth%20keeping";
    let cases: Vec<(&str, String, &str)> = vec![
        (
            answers.as_str(),
            format!("csrf_token={token}&a_after-enjoyable={kept}&a_after-change=%FF%FE"),
            "textarea#a_after-enjoyable",
        ),
        (
            answers.as_str(),
            format!("csrf_token={token}&a_after-enjoyable={kept}&a_after-enjoyable=other"),
            "textarea#a_after-enjoyable",
        ),
        (
            answers.as_str(),
            format!("csrf_token={token}&a_after-enjoyable={kept}&a_no-such-question=1"),
            "textarea#a_after-enjoyable",
        ),
        (
            "/checkins",
            format!("csrf_token={token}&prompt_set_id=after-intimacy&prompt_set_id=x"),
            "input[name=prompt_set_id][checked]",
        ),
        (
            "/account/password",
            format!("csrf_token={token}&current_password=a&new_password=b&new_password=c"),
            "input[name=new_password]",
        ),
        (
            "/account/delete",
            format!("csrf_token={token}&password=x&confirm=delete+my+account&surprise=1"),
            "input[name=confirm]",
        ),
        (
            "/account/two-factor/confirm",
            format!("csrf_token={token}&code=1&code=2"),
            "input[name=code]",
        ),
    ];
    // The two-step form is on the page once setting it up has begun.
    a.post_form("/account/two-factor/start", &[])
        .await
        .assert_ok();
    for (path, body, field) in &cases {
        let page = a.post_raw(path, body).await;
        assert_eq!(
            page.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{path}: {body}"
        );
        assert_eq!(page.texts("#form-error").len(), 1, "{path}: {body}");
        assert!(
            page.attr(field, "name").is_some(),
            "{path} shows its form again"
        );
    }
    // Joining is offered to someone not yet linked.
    let solo = app.person("Jo").await;
    let solo_token = solo.csrf().await;
    let page = solo
        .post_raw(
            "/couple/join",
            &format!("csrf_token={solo_token}&code=%E2%28"),
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.texts("#form-error").len(), 1);
    assert!(page.attr("input[name=code]", "name").is_some());
    // The first value of a repeated field, and the rest of a garbled form, are kept.
    let page = a.post_raw(&answers, &cases[1].1).await;
    assert_eq!(
        page.texts("textarea#a_after-enjoyable"),
        ["words worth keeping"]
    );
    assert!(page
        .texts(".field-error")
        .iter()
        .any(|e| e.contains("twice")));
    assert_eq!(app.count("SELECT COUNT(*) FROM answers").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM checkins").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM couples").await, 1);

    // A therapist's question set is read as a list of fields too.
    let (t, _code) = crate::helpers::therapist::therapist(&app, "Kim").await;
    let page = t
        .post_form(
            "/therapist/sets",
            &[
                ("title", "Slow evenings"),
                ("p1_text", "How was the pace?"),
                ("p1_kind", "scale"),
                ("p9_text", "x"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.texts("#form-error").len(), 1);
    assert_eq!(
        page.attr("input[name=title]", "value").as_deref(),
        Some("Slow evenings")
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM prompt_sets WHERE owner_id IS NOT NULL")
            .await,
        0
    );

    // Before sign-in: the visitor's name and email stay in the form, no account is made.
    let visitor = app.browser();
    let token = visitor.csrf().await;
    let page = visitor
        .post_raw(
            "/register",
            &format!(
                "csrf_token={token}&display_name=Ivy&email=ivy%40example.org&email=x%40example.org\
                 &password=quiet+orchard+lamp&consent=yes"
            ),
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        page.attr("input[name=display_name]", "value").as_deref(),
        Some("Ivy")
    );
    assert_eq!(
        page.attr("input[name=email]", "value").as_deref(),
        Some("ivy@example.org")
    );
    assert_eq!(page.texts("#form-error").len(), 1);
    let page = visitor
        .post_raw(
            "/login",
            &format!("csrf_token={token}&email=gus%40example.org&password=%FF&next=/"),
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.texts("#form-error").len(), 1);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE email = 'ivy@example.org'")
            .await,
        0
    );
}

async fn oversized_bodies_get_413(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, _b) = app.couple("Cy", "Dee").await;
    let id = a.start_checkin("after-intimacy").await;
    let token = a.csrf().await;
    let body = format!(
        "csrf_token={token}&a_after-change={}",
        "x".repeat(2 * 1024 * 1024)
    );
    let res = a.post_raw(&format!("/checkins/{id}/answers"), &body).await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.count("SELECT COUNT(*) FROM answers").await, 0);
}

async fn a_form_post_of_another_content_type_gets_400(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, _b) = app.couple("Eli", "Fay").await;
    let res = a
        .post_with_type(
            "/checkins",
            "{\"prompt_set_id\":\"x\"}".into(),
            "application/json",
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
}

async fn ids_that_are_not_ids_are_not_found(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, _b) = app.couple("Gus", "Hal").await;
    for path in [
        "/checkins/not-a-uuid",
        "/checkins/00000000-0000-0000-0000-000000000000",
        "/join/%00%01",
    ] {
        assert_eq!(a.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    let res = a.post_form("/checkins/not-a-uuid/answers", &[]).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

async fn unknown_pages_get_a_calm_404(ctx: TestContext) {
    let app = ctx.spawn().await;
    let page = app.browser().get("/no/such/page").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert_eq!(page.texts("h1"), vec!["Nothing here"]);
    assert!(!page.body.to_lowercase().contains("sqlx") && !page.body.contains("panicked"));
}

async fn health_answers_without_a_session(ctx: TestContext) {
    let app = ctx.spawn().await;
    let page = app.browser().get("/healthz").await;
    page.assert_ok();
    assert_eq!(page.body, "ok");
}

async fn every_page_says_no_store_and_carries_security_headers(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, _b) = app.couple("Ivy", "Jo").await;
    for path in ["/", "/checkins", "/summary", "/couple", "/nope"] {
        let page = a.get(path).await;
        assert_eq!(page.headers["cache-control"], "no-store", "{path}");
        let csp = page.headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'none'") && !csp.contains("script-src"),
            "{path}"
        );
        assert_eq!(page.headers["x-content-type-options"], "nosniff");
        assert_eq!(page.headers["referrer-policy"], "no-referrer");
        // No page asks the browser to load anything from another host.
        assert!(
            !page.body.contains("http://") || page.body.contains(&app.url),
            "{path}"
        );
        assert!(!page.body.contains("<script"), "{path}");
    }
}

async fn static_files_are_served_from_the_binary(ctx: TestContext) {
    let app = ctx.spawn().await;
    let page = app.browser().get("/static/css/main.css").await;
    page.assert_ok();
    assert!(page.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    assert!(page.body.contains("prefers-color-scheme"));
    assert_eq!(
        app.browser().get("/static/nope.css").await.status,
        StatusCode::NOT_FOUND
    );
}

async fn control_characters_get_a_message_not_a_500(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, _b) = app.couple("Kit", "Lux").await;
    let id = a.start_checkin("after-intimacy").await;
    let page = a
        .answer(&id, &[("a_after-change", "hello\u{0}world")])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.texts(".field-error").len(), 1);
    // A line break is an ordinary part of an answer.
    a.answer(&id, &[("a_after-change", "line one\r\nline two")])
        .await
        .assert_redirect_to(&format!("/checkins/{id}"));
    let page = a
        .post_form("/checkins", &[("prompt_set_id", "after\u{0}intimacy")])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    let visitor = app.browser();
    let page = visitor
        .post_form(
            "/login",
            &[
                ("email", "kit\u{0}@example.org"),
                ("password", "anything at all"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = visitor
        .register(
            SignUp::of("Nu\u{0}l")
                .with("email", "n\u{0}@example.org")
                .with("password", "quiet orchard lamp"),
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        page.texts(".field-error").len(),
        2,
        "{:?}",
        page.texts(".field-error")
    );
}

async fn malformed_queries_and_paths_get_our_own_pages(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, _b) = app.couple("Mo", "Ned").await;
    let page = a.get("/couple?done=linked&done=unlinked").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        page.texts("h1"),
        vec!["That request didn't make sense to us"]
    );
    let page = app.browser().get("/login?next=%2F&next=%2Fcouple").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.headers.contains_key("content-security-policy"));
    let page = a.get("/checkins/%FF%FE").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert_eq!(page.texts("h1"), vec!["Nothing here"]);
}

async fn a_transaction_whose_body_fails_after_a_write_leaves_nothing(ctx: TestContext) {
    let app = ctx.spawn().await;
    let count = "SELECT COUNT(*) FROM throttle_events WHERE bucket = 'login'";
    let failed = mutual::store::write_then_maybe_fail(&app.db, b"probe-failed", true).await;
    assert!(failed.is_err(), "the body's error comes back");
    assert_eq!(
        app.count(count).await,
        0,
        "a body ending in Err is rolled back"
    );
    mutual::store::write_then_maybe_fail(&app.db, b"probe-ok", false)
        .await
        .unwrap();
    assert_eq!(
        app.count(count).await,
        1,
        "a body ending in Ok is committed"
    );
    // The writer is usable after the rollback: the app still takes a sign-up.
    app.person("Rollo").await;
}
