//! Two-step sign-in with an authenticator app.

use mutual::domain::two_factor::code_at;
use reqwest::StatusCode;
use time::Duration;

use crate::helpers::two_step::{enrol, now};
use crate::helpers::{Browser, TestContext, PASSWORD};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(two_factor:
        turning_it_on_needs_a_confirming_code_and_shows_recovery_codes_once,
        signing_in_then_asks_for_a_code_and_grants_nothing_before_it,
        a_code_works_only_once,
        a_recovery_code_works_once,
        turning_it_off_needs_the_password_and_a_code,
        wrong_codes_are_limited_per_account,
        a_right_password_does_not_clear_the_count_of_wrong_codes,
        a_burst_of_wrong_codes_at_once_tries_no_more_than_the_limit,
        turning_it_off_limits_wrong_codes_and_wrong_passwords,
        a_recovery_code_carries_80_bits_and_is_stored_under_a_key,
    )
}

async fn password_step(b: &Browser, name: &str) {
    b.sign_in(name).await.assert_redirect_to("/login/code");
}

async fn turning_it_on_needs_a_confirming_code_and_shows_recovery_codes_once(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Ana").await;
    assert!(a
        .get("/account/two-factor")
        .await
        .body
        .contains("is <strong>off</strong>"));
    let page = a.post_form("/account/two-factor/start", &[]).await;
    let img = page.attr("img", "src").unwrap();
    assert!(
        img.starts_with("data:image/svg+xml;base64,"),
        "a QR code made here, no outside service"
    );
    let secret = page.texts("samp.key").remove(0);
    assert!(secret.len() >= 32, "the key is shown as text too");
    let wrong = a
        .post_form("/account/two-factor/confirm", &[("code", "000000")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        wrong.texts("samp.key").first(),
        Some(&secret),
        "the same key is shown again"
    );
    let code = code_at(&secret, now(&app)).unwrap();
    let done = a
        .post_form("/account/two-factor/confirm", &[("code", &code)])
        .await;
    let codes = done.texts(".recovery-codes samp");
    assert_eq!(codes.len(), 10);
    let later = a.get("/account/two-factor").await;
    assert!(later.body.contains("is <strong>on</strong>"));
    assert!(
        codes.iter().all(|c| !later.body.contains(c.as_str())),
        "recovery codes are shown once"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM recovery_codes").await, 10);
}

async fn signing_in_then_asks_for_a_code_and_grants_nothing_before_it(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Ben").await;
    let (secret, _) = enrol(&app, &a).await;
    let b = app.browser();
    password_step(&b, "Ben").await;
    b.get("/checkins").await.assert_redirect_to("/login");
    b.get("/account/devices").await.assert_redirect_to("/login");
    let wrong = b.post_form("/login/code", &[("code", "123456")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let code = code_at(&secret, now(&app)).unwrap();
    b.post_form("/login/code", &[("code", &code), ("next", "/couple")])
        .await
        .assert_redirect_to("/couple");
    b.get("/checkins").await.assert_ok();
}

async fn a_code_works_only_once(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Cy").await;
    let (secret, _) = enrol(&app, &a).await;
    let code = code_at(&secret, now(&app)).unwrap();
    let first = app.browser();
    password_step(&first, "Cy").await;
    first
        .post_form("/login/code", &[("code", &code)])
        .await
        .assert_redirect_to("/");
    let second = app.browser();
    password_step(&second, "Cy").await;
    let replay = second.post_form("/login/code", &[("code", &code)]).await;
    assert_eq!(
        replay.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the same code, replayed"
    );
    app.clock.advance(Duration::seconds(30));
    let fresh = code_at(&secret, now(&app)).unwrap();
    second
        .post_form("/login/code", &[("code", &fresh)])
        .await
        .assert_redirect_to("/");
}

async fn a_recovery_code_works_once(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Dee").await;
    let (_, codes) = enrol(&app, &a).await;
    let b = app.browser();
    password_step(&b, "Dee").await;
    b.post_form("/login/code", &[("code", &codes[3].to_uppercase())])
        .await
        .assert_redirect_to("/");
    let c = app.browser();
    password_step(&c, "Dee").await;
    let again = c.post_form("/login/code", &[("code", &codes[3])]).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(a
        .get("/account/two-factor")
        .await
        .body
        .contains("9 unused recovery codes"));
}

async fn turning_it_off_needs_the_password_and_a_code(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Eli").await;
    let (secret, _) = enrol(&app, &a).await;
    let code = code_at(&secret, now(&app)).unwrap();
    let no_password = a
        .post_form(
            "/account/two-factor/disable",
            &[("password", "not it at all"), ("code", &code)],
        )
        .await;
    assert_eq!(no_password.status, StatusCode::UNPROCESSABLE_ENTITY);
    let no_code = a
        .post_form(
            "/account/two-factor/disable",
            &[("password", PASSWORD), ("code", "000000")],
        )
        .await;
    assert_eq!(no_code.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("SELECT COUNT(*) FROM totp_secrets").await, 1);
    a.post_form(
        "/account/two-factor/disable",
        &[("password", PASSWORD), ("code", &code)],
    )
    .await
    .assert_redirect_to("/account/two-factor");
    assert_eq!(app.count("SELECT COUNT(*) FROM totp_secrets").await, 0);
    app.browser().sign_in("Eli").await.assert_redirect_to("/");
}

/// How many wrong codes one account may try in twelve hours.
const CODE_LIMIT: usize = 10;

async fn wrong_codes_are_limited_per_account(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Fay").await;
    let (secret, _) = enrol(&app, &a).await;
    let b = app.browser();
    password_step(&b, "Fay").await;
    for _ in 0..CODE_LIMIT {
        let res = b.post_form("/login/code", &[("code", "000000")]).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let code = code_at(&secret, now(&app)).unwrap();
    let paused = b.post_form("/login/code", &[("code", &code)]).await;
    assert_eq!(paused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(paused.headers.get("retry-after").is_some());
    assert!(
        paused.body.contains("several wrong codes"),
        "{}",
        paused.body
    );
    // The pause ends by itself; then the right code works and clears the count.
    app.clock
        .advance(Duration::hours(12) + Duration::seconds(30));
    let code = code_at(&secret, now(&app)).unwrap();
    let c = app.browser();
    password_step(&c, "Fay").await;
    c.post_form("/login/code", &[("code", &code)])
        .await
        .assert_redirect_to("/");
}

async fn a_right_password_does_not_clear_the_count_of_wrong_codes(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Gus").await;
    let (secret, _) = enrol(&app, &a).await;
    // What an attacker who knows the password would do: sign in again and again, four
    // wrong codes each time.
    let mut tried = 0;
    let mut paused = 0;
    for _ in 0..10 {
        let b = app.browser();
        password_step(&b, "Gus").await;
        for _ in 0..4 {
            let res = b.post_form("/login/code", &[("code", "000000")]).await;
            match res.status {
                StatusCode::UNPROCESSABLE_ENTITY => tried += 1,
                StatusCode::TOO_MANY_REQUESTS => paused += 1,
                other => panic!("unexpected {other}"),
            }
        }
    }
    assert_eq!(tried, CODE_LIMIT, "wrong codes tried in 10 rounds");
    assert_eq!(paused, 40 - CODE_LIMIT);
    // The owner's right code waits too: nothing tells the attacker it would have worked.
    let b = app.browser();
    password_step(&b, "Gus").await;
    let code = code_at(&secret, now(&app)).unwrap();
    let res = b.post_form("/login/code", &[("code", &code)]).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
}

async fn a_burst_of_wrong_codes_at_once_tries_no_more_than_the_limit(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Hal").await;
    enrol(&app, &a).await;
    let b = app.browser();
    password_step(&b, "Hal").await;
    let csrf = b.csrf().await;
    let body = format!("csrf_token={csrf}&code=000000");
    let burst = (0..60).map(|_| b.post_raw("/login/code", &body));
    let statuses: Vec<StatusCode> = futures::future::join_all(burst)
        .await
        .into_iter()
        .map(|p| p.status)
        .collect();
    let tried = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    let paused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(
        (tried, paused),
        (CODE_LIMIT, 60 - CODE_LIMIT),
        "wrong codes tried in a burst of 60: {statuses:?}"
    );
}

async fn turning_it_off_limits_wrong_codes_and_wrong_passwords(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Ida").await;
    let (secret, _) = enrol(&app, &a).await;
    let mut tried = 0;
    for _ in 0..40 {
        let res = a
            .post_form(
                "/account/two-factor/disable",
                &[("password", PASSWORD), ("code", "000000")],
            )
            .await;
        if res.status == StatusCode::UNPROCESSABLE_ENTITY {
            tried += 1;
        } else {
            assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
            assert!(res.headers.get("retry-after").is_some());
        }
    }
    assert_eq!(tried, CODE_LIMIT, "wrong codes tried while turning it off");
    // Wrong passwords here count with sign-in's: five, then a pause, sign-in included.
    let mut tried = 0;
    for _ in 0..20 {
        let code = code_at(&secret, now(&app)).unwrap();
        let res = a
            .post_form(
                "/account/two-factor/disable",
                &[("password", "not it at all"), ("code", &code)],
            )
            .await;
        if res.status == StatusCode::UNPROCESSABLE_ENTITY {
            tried += 1;
        } else {
            assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
        }
    }
    assert_eq!(tried, 5, "wrong passwords tried while turning it off");
    let signin = app.browser().sign_in("Ida").await;
    assert_eq!(signin.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.count("SELECT COUNT(*) FROM totp_secrets").await, 1);
}

async fn a_recovery_code_carries_80_bits_and_is_stored_under_a_key(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Jo").await;
    let (_, codes) = enrol(&app, &a).await;
    for code in &codes {
        let letters: String = code.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        // 16 symbols of a 32-letter alphabet: 80 bits.
        assert_eq!(letters.len(), 16, "{code}");
    }
    // No stored hash is the plain SHA-256 of its code (a look-up table would find it).
    use sha2::{Digest, Sha256};
    for code in &codes {
        let plain: String = code
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let hex = hex::encode(Sha256::digest(plain.as_bytes()));
        let sql = match app.backend {
            crate::helpers::Backend::Sqlite => {
                format!("SELECT COUNT(*) FROM recovery_codes WHERE hex(code_hash) = upper('{hex}')")
            }
            crate::helpers::Backend::Postgres => {
                format!(
                    "SELECT COUNT(*) FROM recovery_codes WHERE encode(code_hash, 'hex') = '{hex}'"
                )
            }
        };
        assert_eq!(app.count(&sql).await, 0, "an unkeyed hash of {code}");
    }
    // And the codes still work, typed in any case, dashes or not.
    let b = app.browser();
    password_step(&b, "Jo").await;
    b.post_form(
        "/login/code",
        &[("code", &codes[0].replace('-', "").to_uppercase())],
    )
    .await
    .assert_redirect_to("/");
}
