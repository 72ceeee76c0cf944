//! Limits on repeated failures: they stop guessing without locking the owner out.

use reqwest::StatusCode;
use time::Duration;

use crate::helpers::{Browser, SignUp, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(limits:
        five_wrong_passwords_pause_sign_in_for_that_email_only,
        an_unknown_email_is_paused_just_like_a_known_one,
        wrong_invite_codes_are_limited_per_account,
        one_address_gets_twenty_sign_in_posts_per_ten_minutes,
        a_forwarded_address_counts_only_behind_a_trusted_proxy,
        a_spoofed_left_most_forwarded_address_does_not_escape_the_limit,
        an_unreadable_right_most_forwarded_address_is_refused,
        ipv6_clients_are_counted_by_their_64_and_mapped_ipv4_as_ipv4,
        forwarded_requests_without_trust_proxy_log_one_warning,
    )
}

async fn post_login(b: &Browser, forwarded_for: Option<&str>) -> StatusCode {
    let lines: Vec<&str> = forwarded_for.into_iter().collect();
    post_login_forwarded(b, &lines).await.status
}

/// A sign-in post carrying one `X-Forwarded-For` line per item, in order. Each is for
/// a new email, so the per-account limit is never what answers.
async fn post_login_forwarded(b: &Browser, lines: &[&str]) -> crate::helpers::Page {
    let token = b.csrf().await;
    let email = crate::helpers::marker("x");
    let body = format!("csrf_token={token}&email={email}%40example.org&password=whatever1");
    let headers: Vec<(&str, &str)> = lines.iter().map(|v| ("x-forwarded-for", *v)).collect();
    b.post_with_header_lines("/login", body, &headers).await
}

/// An instance behind a trusted proxy, allowing two sign-in posts per client.
async fn behind_trusted_proxy(ctx: &TestContext) -> crate::helpers::TestApp {
    let mut config = ctx.config();
    config.auth_posts_per_10_min = 2;
    config.trust_proxy = true;
    ctx.spawn_with(config).await
}

async fn a_spoofed_left_most_forwarded_address_does_not_escape_the_limit(ctx: TestContext) {
    let app = behind_trusted_proxy(&ctx).await;
    let b = app.browser();
    // The client writes what it likes on the left; the proxy appends the address it saw
    // (some proxies with the port), and only that one counts.
    for (line, status) in [
        (
            "192.0.2.7, 198.51.100.1:40001",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "192.0.2.8, 198.51.100.1:40002",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "192.0.2.9, 198.51.100.1:40003",
            StatusCode::TOO_MANY_REQUESTS,
        ),
    ] {
        let page = post_login_forwarded(&b, &[line]).await;
        assert_eq!(page.status, status, "{line}");
    }
    // The same when the proxy adds a header line of its own after the client's.
    for (spoof, status) in [
        ("192.0.2.20, 192.0.2.21", StatusCode::UNPROCESSABLE_ENTITY),
        ("192.0.2.22, 192.0.2.23", StatusCode::UNPROCESSABLE_ENTITY),
        ("192.0.2.24, 192.0.2.25", StatusCode::TOO_MANY_REQUESTS),
    ] {
        let page = post_login_forwarded(&b, &[spoof, "[2001:db8:5::1]:50000"]).await;
        assert_eq!(page.status, status, "{spoof}");
    }
    // A different client behind the same proxy still has its own count.
    assert_eq!(
        post_login(&b, Some("192.0.2.9, 198.51.100.2")).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

async fn an_unreadable_right_most_forwarded_address_is_refused(ctx: TestContext) {
    let app = behind_trusted_proxy(&ctx).await;
    let b = app.browser();
    for lines in [
        &["192.0.2.7, unknown"][..],
        &["192.0.2.7,"],
        &["192.0.2.7, 198.51.100.1 198.51.100.2"],
        &["192.0.2.7", "_hidden"],
        &["192.0.2.7", ""],
    ] {
        let page = post_login_forwarded(&b, lines).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{lines:?}");
        assert_eq!(
            page.texts("h1"),
            vec!["That request didn't make sense to us"],
            "{lines:?}"
        );
    }
    let token = b.csrf().await;
    let page = b
        .post_with_header_lines(
            "/register",
            format!(
                "csrf_token={token}&display_name=Z&email=z%40example.org\
                 &password=quiet+orchard+lamp&consent=yes"
            ),
            &[("x-forwarded-for", "192.0.2.7, not-an-address")],
        )
        .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    // Nothing was tried: no account made, no failed sign-in counted against anyone.
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM throttle_events").await, 0);
    // A readable address still gets in.
    assert_eq!(
        post_login(&b, Some("192.0.2.7, 198.51.100.1")).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

async fn ipv6_clients_are_counted_by_their_64_and_mapped_ipv4_as_ipv4(ctx: TestContext) {
    let app = behind_trusted_proxy(&ctx).await;
    let b = app.browser();
    for (client, status) in [
        ("2001:db8:1:2::1", StatusCode::UNPROCESSABLE_ENTITY),
        (
            "2001:db8:1:2:ffff:ffff:ffff:fffe",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        ("2001:db8:1:2::abcd", StatusCode::TOO_MANY_REQUESTS),
        // The next /64 over is someone else.
        ("2001:db8:1:3::1", StatusCode::UNPROCESSABLE_ENTITY),
        ("2001:db8:1:3::2", StatusCode::UNPROCESSABLE_ENTITY),
        ("2001:db8:1:3::3", StatusCode::TOO_MANY_REQUESTS),
        // An IPv4 address written as IPv6 is the same client as the plain one.
        ("192.0.2.1", StatusCode::UNPROCESSABLE_ENTITY),
        ("192.0.2.1", StatusCode::UNPROCESSABLE_ENTITY),
        ("::ffff:192.0.2.1", StatusCode::TOO_MANY_REQUESTS),
        ("192.0.2.2", StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        assert_eq!(post_login(&b, Some(client)).await, status, "{client}");
    }
}

async fn forwarded_requests_without_trust_proxy_log_one_warning(ctx: TestContext) {
    const WARNING: &str = "MUTUAL_TRUST_PROXY is off";
    let request_id =
        |page: &crate::helpers::Page| page.headers["x-request-id"].to_str().unwrap().to_owned();
    let warnings_for = |id: &str| {
        crate::helpers::logs()
            .lines()
            .filter(|l| l.contains(id) && l.contains(WARNING))
            .count()
    };
    let direct = ctx.spawn().await;
    let b = direct.browser();
    let first = request_id(&post_login_forwarded(&b, &["192.0.2.1"]).await);
    let second = request_id(&post_login_forwarded(&b, &["192.0.2.2"]).await);
    assert_eq!(warnings_for(&first), 1, "the first forwarded request warns");
    assert_eq!(warnings_for(&second), 0, "once, not on every request");
    let mut config = ctx.config();
    config.trust_proxy = true;
    let proxied = ctx.spawn_with(config).await;
    let b = proxied.browser();
    let trusted = request_id(&post_login_forwarded(&b, &["192.0.2.1"]).await);
    assert_eq!(
        warnings_for(&trusted),
        0,
        "no warning when the proxy is trusted"
    );
}

async fn one_address_gets_twenty_sign_in_posts_per_ten_minutes(ctx: TestContext) {
    let mut config = ctx.config();
    config.auth_posts_per_10_min = 20;
    let app = ctx.spawn_with(config).await;
    let b = app.browser();
    for i in 0..20 {
        // Different emails, so the per-account limit is not what stops them.
        let page = b
            .post_form(
                "/login",
                &[
                    ("email", &format!("p{i}@example.org")),
                    ("password", "whatever1"),
                ],
            )
            .await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "post {i}");
    }
    let page = b
        .register(SignUp::of("Z").with("password", "quiet orchard lamp"))
        .await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        page.headers["retry-after"]
            .to_str()
            .unwrap()
            .parse::<u64>()
            .unwrap()
            >= 1
    );
    assert_eq!(page.texts("h1"), vec!["Let's take a short break"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
    // Pages other than sign-in and sign-up are not limited.
    b.get("/login").await.assert_ok();
    app.clock.advance(Duration::minutes(10));
    assert_eq!(post_login(&b, None).await, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn a_forwarded_address_counts_only_behind_a_trusted_proxy(ctx: TestContext) {
    let mut config = ctx.config();
    config.auth_posts_per_10_min = 2;
    let direct = ctx.spawn_with(config.clone()).await;
    let b = direct.browser();
    // Not trusted: a made-up header does not buy more attempts.
    assert_eq!(
        post_login(&b, Some("10.0.0.1")).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        post_login(&b, Some("10.0.0.2")).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        post_login(&b, Some("10.0.0.3")).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    config.trust_proxy = true;
    let proxied = ctx.spawn_with(config).await;
    let b = proxied.browser();
    assert_eq!(
        post_login(&b, Some("10.0.0.1")).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        post_login(&b, Some("10.0.0.1")).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        post_login(&b, Some("10.0.0.1")).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Another client behind the same proxy has its own count.
    assert_eq!(
        post_login(&b, Some("10.0.0.2")).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

async fn wrong_password(b: &Browser, name: &str) -> crate::helpers::Page {
    b.post_form(
        "/login",
        &[
            ("email", &Browser::email(name)),
            ("password", "not my password"),
        ],
    )
    .await
}

async fn five_wrong_passwords_pause_sign_in_for_that_email_only(ctx: TestContext) {
    let app = ctx.spawn().await;
    let owner = app.person("Ana").await; // stays signed in throughout
    app.person("Ben").await;
    let attacker = app.browser();
    for _ in 0..5 {
        assert_eq!(
            wrong_password(&attacker, "Ana").await.status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    // Even the right password waits now, with a clear message and a Retry-After.
    let paused = attacker.sign_in("Ana").await;
    assert_eq!(paused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(paused.texts(".notice.error")[0].contains("try again in 15 minutes"));
    let retry: i64 = paused.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry), "{retry}");
    assert_eq!(paused.attr("#email", "value"), Some(Browser::email("Ana")));
    // The owner's existing session keeps working, and other accounts are untouched.
    owner.get("/checkins").await.assert_ok();
    app.browser().sign_in("Ben").await.assert_redirect_to("/");
    // After the wait, the right password works again.
    app.clock.advance(Duration::minutes(15));
    attacker.sign_in("Ana").await.assert_redirect_to("/");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM throttle_events WHERE bucket = 'login'")
            .await,
        0,
        "a success clears the count"
    );
}

async fn an_unknown_email_is_paused_just_like_a_known_one(ctx: TestContext) {
    let app = ctx.spawn().await;
    app.person("Cy").await;
    let b = app.browser();
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for _ in 0..6 {
        known.push(wrong_password(&b, "Cy").await);
        unknown.push(wrong_password(&b, "Nobody").await);
    }
    for (k, u) in known.iter().zip(&unknown) {
        assert_eq!(k.status, u.status);
        assert_eq!(k.texts(".notice.error"), u.texts(".notice.error"));
    }
    assert_eq!(known[5].status, StatusCode::TOO_MANY_REQUESTS);
}

async fn wrong_invite_codes_are_limited_per_account(ctx: TestContext) {
    let app = ctx.spawn().await;
    let inviter = app.person("Dee").await;
    let code = inviter.invite_code().await;
    let guesser = app.person("Eli").await;
    for i in 0..10 {
        let page = guesser
            .post_form("/couple/join", &[("code", &format!("ABCDE-{:05}", i))])
            .await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let page = guesser.post_form("/couple/join", &[("code", &code)]).await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.headers.get("retry-after").is_some());
    assert_eq!(
        page.attr("#code", "value"),
        Some(code.clone()),
        "the code typed is kept"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM couples").await, 0);
    app.clock.advance(Duration::hours(1));
    guesser
        .post_form("/couple/join", &[("code", &code), ("confirm", "yes")])
        .await
        .assert_redirect_to("/couple?done=linked");
}
