//! Registering, signing in and out, sessions.

use reqwest::StatusCode;

use crate::helpers::{Browser, SignUp, TestContext, PASSWORD};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(accounts:
        registering_then_signing_in_opens_home,
        registration_errors_keep_what_was_typed_but_never_the_password,
        a_registered_email_cannot_register_again,
        passwords_are_stored_only_as_argon2id_hashes,
        wrong_password_and_unknown_email_get_the_same_message,
        signing_in_rotates_the_session,
        signing_out_ends_the_session_on_the_server,
        private_pages_send_visitors_to_sign_in,
        session_cookie_is_http_only_and_lax,
        session_cookie_is_secure_when_https_is_declared,
        sign_in_returns_only_to_paths_on_this_site,
        a_session_expires_after_thirty_days,
        signed_in_visitors_skip_the_sign_in_and_sign_up_forms,
    )
}

fn session_cookie(page: &crate::helpers::Page) -> Option<String> {
    page.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.contains("mutual_session=") && !v.contains("mutual_session=;"))
        .map(str::to_owned)
}

async fn registering_then_signing_in_opens_home(ctx: TestContext) {
    let app = ctx.spawn().await;
    let sam = app.person("Sam").await;
    let home = sam.get("/").await;
    home.assert_ok();
    assert!(home.texts("h1")[0].contains("Hello, Sam"));
}

async fn registration_errors_keep_what_was_typed_but_never_the_password(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.browser();
    let page = b
        .register(
            SignUp::of("Robin")
                .with("email", "robin-at-example")
                .with("password", &"short-pw-typed-here"[..5]),
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        page.attr("#display_name", "value").as_deref(),
        Some("Robin")
    );
    assert_eq!(
        page.attr("#email", "value").as_deref(),
        Some("robin-at-example")
    );
    assert_eq!(
        page.attr("#password", "value"),
        None,
        "a password is never echoed"
    );
    let errors = page.texts(".field-error");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("email")));
    assert!(errors.iter().any(|e| e.contains("8 characters")));
    assert_eq!(
        page.attr("#email", "aria-describedby").as_deref(),
        Some("email-error")
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

async fn a_registered_email_cannot_register_again(ctx: TestContext) {
    let app = ctx.spawn().await;
    app.person("Ash").await;
    let register = |email: &'static str| {
        let b = app.browser();
        async move {
            b.register(
                SignUp::of("Someone")
                    .with("email", email)
                    .with("password", "quiet orchard lamp"),
            )
            .await
        }
    };
    let taken = register(" ASH@example.org ").await;
    let fresh = register("new@example.org").await;
    // A stranger learns nothing: the same status, the same place, no session either way.
    assert_eq!(taken.status, fresh.status);
    assert_eq!(taken.location(), fresh.location());
    assert_eq!(taken.location(), "/login?registered=1");
    assert!(session_cookie(&taken).is_none() && session_cookie(&fresh).is_none());
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 2);
    // The existing account is untouched: its own password still works, the new one not.
    let b = app.browser();
    let wrong = b
        .post_form(
            "/login",
            &[
                ("email", "ash@example.org"),
                ("password", "quiet orchard lamp"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    b.sign_in("Ash").await.assert_redirect_to("/");
}

async fn passwords_are_stored_only_as_argon2id_hashes(ctx: TestContext) {
    let app = ctx.spawn().await;
    app.person("Kit").await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE password_hash LIKE '$argon2id$%'")
            .await,
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM users WHERE password_hash LIKE '%{PASSWORD}%'"
        ))
        .await,
        0
    );
}

async fn wrong_password_and_unknown_email_get_the_same_message(ctx: TestContext) {
    let app = ctx.spawn().await;
    app.person("Lee").await;
    let b = app.browser();
    let wrong = b
        .post_form(
            "/login",
            &[
                ("email", "lee@example.org"),
                ("password", "not the password"),
            ],
        )
        .await;
    let unknown = b
        .post_form(
            "/login",
            &[
                ("email", "nobody@example.org"),
                ("password", "not the password"),
            ],
        )
        .await;
    for page in [&wrong, &unknown] {
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            page.texts(".notice.error"),
            vec!["Email or password is wrong."]
        );
    }
    assert_eq!(
        wrong.attr("#email", "value").as_deref(),
        Some("lee@example.org")
    );
    assert!(b.get("/checkins").await.status.is_redirection());
    b.sign_in("Lee").await.assert_redirect_to("/");
    b.get("/checkins").await.assert_ok();
}

async fn signing_in_rotates_the_session(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.person("Mo").await;
    let first = session_cookie(&b.sign_in("Mo").await).expect("a session cookie");
    let second = session_cookie(&b.sign_in("Mo").await).expect("a session cookie");
    assert_ne!(first, second, "each sign-in gets a new session id");
    // The sign-in replaced the browser's earlier sessions rather than piling them up.
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 1);
}

async fn signing_out_ends_the_session_on_the_server(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.person("Noor").await;
    let cookie = session_cookie(&b.sign_in("Noor").await).unwrap();
    let token = cookie
        .split("mutual_session=")
        .nth(1)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    b.sign_out().await;
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 0);
    // Replaying the old cookie gets nothing.
    let res = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{}/checkins", app.url))
        .header("cookie", format!("mutual_session={token}"))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection());
    assert_eq!(res.headers()["location"], "/login");
}

async fn private_pages_send_visitors_to_sign_in(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.browser();
    for path in [
        "/checkins",
        "/checkins/new",
        "/couple",
        "/couple/unlink",
        "/summary",
    ] {
        b.get(path).await.assert_redirect_to("/login");
    }
}

async fn session_cookie_is_http_only_and_lax(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.person("Ola").await;
    let cookie = session_cookie(&b.sign_in("Ola").await).unwrap();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "{cookie}");
}

async fn session_cookie_is_secure_when_https_is_declared(ctx: TestContext) {
    let mut config = ctx.config();
    config.https = true;
    let app = ctx.spawn_with(config).await;
    let b = app.browser();
    b.register(SignUp::of("Pat")).await;
    // reqwest would not send Secure cookies back over http, so read the Set-Cookie header
    // of the sign-in with a fresh form token.
    let page = b.sign_in("Pat").await;
    let cookie = session_cookie(&page).unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
}

async fn sign_in_returns_only_to_paths_on_this_site(ctx: TestContext) {
    let app = ctx.spawn().await;
    app.person("Quinn").await;
    let b = app.browser();
    let page = b
        .post_form(
            "/login",
            &[
                ("email", &Browser::email("Quinn")),
                ("password", PASSWORD),
                ("next", "//evil.example/steal"),
            ],
        )
        .await;
    assert_eq!(page.location(), "/");
    let b = app.browser();
    let page = b
        .post_form(
            "/login",
            &[
                ("email", &Browser::email("Quinn")),
                ("password", PASSWORD),
                ("next", "/couple"),
            ],
        )
        .await;
    assert_eq!(page.location(), "/couple");
}

async fn a_session_expires_after_thirty_days(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.person("Rae").await;
    // Used every 10 days, it outlives the 14-day idle time, but not the 30-day lifetime.
    for _ in 0..2 {
        app.clock.advance(time::Duration::days(10));
        b.get("/checkins").await.assert_ok();
    }
    app.clock.advance(time::Duration::days(9));
    b.get("/checkins").await.assert_ok();
    app.clock.advance(time::Duration::days(2));
    b.get("/checkins").await.assert_redirect_to("/login");
    // Left alone for more than 14 days, a session ends too.
    let idle = app.browser();
    idle.sign_in("Rae").await.assert_redirect_to("/");
    app.clock
        .advance(time::Duration::days(14) + time::Duration::minutes(1));
    idle.get("/checkins").await.assert_redirect_to("/login");
    let other = app.browser();
    other.sign_in("Rae").await.assert_redirect_to("/");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM sessions").await,
        1,
        "sessions that ran out are removed at the next sign-in"
    );
}

async fn signed_in_visitors_skip_the_sign_in_and_sign_up_forms(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.person("Sky").await;
    b.get("/login").await.assert_redirect_to("/");
    b.get("/register?next=/couple")
        .await
        .assert_redirect_to("/couple");
}
