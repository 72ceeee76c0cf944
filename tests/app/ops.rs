//! The operator's tools (`mutual admin …`) and registration modes. Most tests call the
//! library functions the subcommands run; a few run the real binary.

use mutual::config::Registration;
use mutual::domain::accounts::{LOGIN_FAILED, SIGNUP_CODE_NOT_VALID};
use mutual::domain::operator::{self, OperatorError, RESET_LINK_GONE};
use mutual::domain::password::PasswordHashing;
use reqwest::StatusCode;

use crate::backup::run_binary;
use crate::helpers::{marker, Backend, Browser, SignUp, TestApp, TestContext, PASSWORD};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(ops:
        an_operator_creates_an_account_checked_like_sign_up,
        create_user_reads_the_password_from_standard_input,
        a_reset_link_sets_a_new_password_once_and_ends_every_session,
        an_expired_reset_link_changes_nothing,
        a_disabled_account_cannot_sign_in_until_enabled,
        a_session_made_as_the_account_was_disabled_grants_nothing,
        stats_give_counts_and_never_content,
        unknown_commands_and_accounts_get_clear_refusals,
        invite_only_sign_up_needs_a_code_that_works_once,
        an_invite_only_code_is_used_up_even_for_a_registered_email,
        closed_registration_shows_a_kind_page_and_creates_nothing,
    )
}

fn hashing() -> PasswordHashing {
    PasswordHashing::new(64, 1).unwrap()
}

async fn create(app: &TestApp, name: &str) {
    operator::create_user(
        &app.db,
        &hashing(),
        &app.clock,
        &Browser::email(name),
        Some(name),
        PASSWORD,
    )
    .await
    .expect("account created");
}

async fn an_operator_creates_an_account_checked_like_sign_up(ctx: TestContext) {
    let app = ctx.spawn().await;
    create(&app, "Cleo").await;
    let cleo = app.browser();
    cleo.sign_in("Cleo").await.assert_redirect_to("/");
    assert!(cleo.get("/").await.texts("h1")[0].contains("Cleo"));
    // The same email again: refused, nothing added.
    let again = operator::create_user(
        &app.db,
        &hashing(),
        &app.clock,
        " CLEO@example.org ",
        None,
        PASSWORD,
    )
    .await
    .unwrap_err();
    assert!(matches!(again, OperatorError::EmailTaken(_)), "{again}");
    // Sign-up's checks: a short password, a bad email.
    let bad = operator::create_user(&app.db, &hashing(), &app.clock, "nope", None, "short")
        .await
        .unwrap_err();
    let OperatorError::Invalid(errors) = bad else {
        panic!("{bad}")
    };
    assert_eq!(errors.id("password"), Some("error-password-short"));
    assert_eq!(errors.id("email"), Some("error-email-shape"));
    // The command line says it in words (`cli::in_words`).
    let words = mutual::web::i18n::message(Default::default(), errors.get("password").unwrap());
    assert!(words.as_str().contains("8 characters"), "{words}");
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
}

async fn create_user_reads_the_password_from_standard_input(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (ok, out, err) = run_binary(
        &app.database_url,
        &["admin", "create-user", "dee@example.org", "--name", "Dee"],
        &format!("{PASSWORD}\n"),
    )
    .await;
    assert!(ok, "{out}\n{err}");
    assert!(out.contains("Account created"), "{out}");
    assert!(!out.contains(PASSWORD) && !err.contains(PASSWORD));
    app.browser().sign_in("Dee").await.assert_redirect_to("/");
    // A common password is refused with sign-up's message, and nothing is created.
    let (ok, _, err) = run_binary(
        &app.database_url,
        &["admin", "create-user", "eve@example.org"],
        "password1\n",
    )
    .await;
    assert!(!ok);
    assert!(err.contains("most common"), "{err}");
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
}

fn reset_path(link: &str, app: &TestApp) -> String {
    link.strip_prefix(&app.url)
        .expect("the link is on this site")
        .to_owned()
}

fn token_of(path: &str) -> String {
    path.split("token=").nth(1).unwrap().to_owned()
}

async fn a_reset_link_sets_a_new_password_once_and_ends_every_session(ctx: TestContext) {
    let app = ctx.spawn().await;
    let phone = app.person("Ada").await;
    let laptop = app.browser();
    laptop.sign_in("Ada").await.assert_redirect_to("/");
    let link = operator::reset_link(&app.db, &app.clock, &app.url, "ada@example.org")
        .await
        .unwrap();
    let path = reset_path(&link, &app);
    assert!(path.starts_with("/reset-password?token="), "{path}");
    let token = token_of(&path);
    // Only the token's SHA-256 is stored.
    let hash = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(token.as_bytes()))
    };
    let stored = match app.backend {
        Backend::Sqlite => {
            format!("SELECT COUNT(*) FROM password_resets WHERE lower(hex(token_hash)) = '{hash}'")
        }
        Backend::Postgres => format!(
            "SELECT COUNT(*) FROM password_resets WHERE encode(token_hash, 'hex') = '{hash}'"
        ),
    };
    assert_eq!(app.count(&stored).await, 1);

    let visitor = app.browser();
    let form = visitor.get(&path).await;
    form.assert_ok();
    assert_eq!(form.attr("input[name=token]", "value"), Some(token.clone()));
    // A weak password is refused and the link still works.
    let weak = visitor
        .post_form(
            "/reset-password",
            &[("token", &token), ("new_password", "short")],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.texts("#new_password-error")[0].contains("8 characters"));
    let new_password = "a brand new lantern";
    visitor
        .post_form(
            "/reset-password",
            &[("token", &token), ("new_password", new_password)],
        )
        .await
        .assert_redirect_to("/login?reset=1");
    // Signed out everywhere.
    for b in [&phone, &laptop] {
        b.get("/checkins").await.assert_redirect_to("/login");
    }
    let sign_in = |password: &'static str| {
        let b = app.browser();
        async move {
            b.post_form(
                "/login",
                &[("email", "ada@example.org"), ("password", password)],
            )
            .await
        }
    };
    assert_eq!(
        sign_in(PASSWORD).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    sign_in(new_password).await.assert_redirect_to("/");
    // Used once: the same link now says so and changes nothing.
    let gone = visitor.get(&path).await;
    assert_eq!(gone.status, StatusCode::GONE);
    assert!(
        gone.body.contains("doesn&#39;t work any more")
            || gone
                .texts("p")
                .contains(&crate::helpers::english(RESET_LINK_GONE))
    );
    assert!(gone.attr("input[name=new_password]", "id").is_none());
    let reused = visitor
        .post_form(
            "/reset-password",
            &[("token", &token), ("new_password", "someone elses words")],
        )
        .await;
    assert_eq!(reused.status, StatusCode::GONE);
    sign_in(new_password).await.assert_redirect_to("/");
    assert_eq!(
        sign_in("someone elses words").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

async fn an_expired_reset_link_changes_nothing(ctx: TestContext) {
    let app = ctx.spawn().await;
    let ada = app.person("Ada").await;
    let link = operator::reset_link(&app.db, &app.clock, &app.url, "ada@example.org")
        .await
        .unwrap();
    let path = reset_path(&link, &app);
    app.clock.advance(time::Duration::minutes(61));
    let visitor = app.browser();
    assert_eq!(visitor.get(&path).await.status, StatusCode::GONE);
    let late = visitor
        .post_form(
            "/reset-password",
            &[
                ("token", &token_of(&path)),
                ("new_password", "a brand new lantern"),
            ],
        )
        .await;
    assert_eq!(late.status, StatusCode::GONE);
    assert!(late.texts(".notice.error")[0].contains("works once, for one hour"));
    // The old password still works, and her session was not ended.
    ada.get("/").await.assert_ok();
    app.browser().sign_in("Ada").await.assert_redirect_to("/");
}

async fn a_session_made_as_the_account_was_disabled_grants_nothing(ctx: TestContext) {
    let app = ctx.spawn().await;
    let ada = app.person("Ada").await;
    let bo = app.person("Bo").await;
    let (secret, _) = crate::helpers::two_step::enrol(&app, &bo).await;
    let pending = app.browser();
    pending
        .sign_in("Bo")
        .await
        .assert_redirect_to("/login/code");
    // Disabling ends the sessions that exist; a sign-in racing with it can still write
    // one just after. Here the sessions are left in place, as that race would leave them.
    let n = app
        .exec("UPDATE users SET disabled_at = created_at WHERE email IN ('ada@example.org', 'bo@example.org')")
        .await;
    assert_eq!(n, 2);
    ada.get("/checkins").await.assert_redirect_to("/login");
    ada.get("/account").await.assert_redirect_to("/login");
    // A sign-in waiting for its code cannot be finished either.
    let now = app.clock.now().unix_timestamp() as u64;
    let code = mutual::domain::two_factor::code_at(&secret, now).unwrap();
    pending
        .post_form("/login/code", &[("code", &code)])
        .await
        .assert_redirect_to("/login");
}

async fn a_disabled_account_cannot_sign_in_until_enabled(ctx: TestContext) {
    let app = ctx.spawn().await;
    let ada = app.person("Ada").await;
    let ended = operator::disable_user(&app.db, &app.clock, "Ada@Example.org")
        .await
        .unwrap();
    assert_eq!(ended, 1);
    ada.get("/checkins").await.assert_redirect_to("/login");
    let refused = app.browser().sign_in("Ada").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.texts(".notice.error"),
        vec![crate::helpers::english(LOGIN_FAILED)]
    );
    // The same words as a wrong password: nothing tells a disabled account apart.
    let wrong = app
        .browser()
        .post_form(
            "/login",
            &[("email", "nobody@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(wrong.texts(".notice.error"), refused.texts(".notice.error"));
    // Nothing was deleted.
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
    operator::enable_user(&app.db, "ada@example.org")
        .await
        .unwrap();
    app.browser().sign_in("Ada").await.assert_redirect_to("/");
    // Through the binary as well.
    let (ok, out, err) = run_binary(
        &app.database_url,
        &["admin", "disable-user", "ada@example.org"],
        "",
    )
    .await;
    assert!(ok, "{out}{err}");
    assert!(out.contains("can no longer sign in"), "{out}");
    assert_eq!(
        app.browser().sign_in("Ada").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (ok, _, _) = run_binary(
        &app.database_url,
        &["admin", "enable-user", "ada@example.org"],
        "",
    )
    .await;
    assert!(ok);
    app.browser().sign_in("Ada").await.assert_redirect_to("/");
}

async fn stats_give_counts_and_never_content(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Ada", "Ben").await;
    app.person("Cy").await;
    let words = marker("stats-words");
    let id = a.start_checkin("after-intimacy").await;
    a.answer(&id, &[("a_after-how-was-it", &words)]).await;
    b.answer(&id, &[("a_after-connected", "4")]).await;
    a.start_checkin("after-intimacy").await;
    let s = operator::stats(&app.db).await.unwrap();
    assert_eq!((s.people, s.couples, s.active_couples), (3, 1, 1));
    assert_eq!((s.checkins, s.revealed_checkins), (2, 1));
    let (ok, out, err) = run_binary(&app.database_url, &["admin", "stats"], "").await;
    assert!(ok, "{out}\n{err}");
    assert!(out.contains("people: 3"), "{out}");
    assert!(out.contains("couples: 1"), "{out}");
    assert!(out.contains("check-ins: 2"), "{out}");
    for secret in [words.as_str(), "ada@example.org", "Ada", "Ben"] {
        assert!(
            !out.contains(secret) && !err.contains(secret),
            "{secret} in {out}{err}"
        );
    }
}

async fn unknown_commands_and_accounts_get_clear_refusals(ctx: TestContext) {
    let app = ctx.spawn().await;
    for args in [&["frobnicate"][..], &["admin", "frobnicate"][..]] {
        let (ok, out, err) = run_binary(&app.database_url, args, "").await;
        assert!(!ok, "{args:?}");
        assert!(
            err.contains("unrecognized subcommand 'frobnicate'"),
            "{err}"
        );
        assert!(out.is_empty());
    }
    let (ok, _, err) = run_binary(
        &app.database_url,
        &["admin", "reset-password", "nobody@example.org"],
        "",
    )
    .await;
    assert!(!ok);
    assert!(
        err.contains("No account has the email nobody@example.org"),
        "{err}"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM password_resets").await, 0);
    let missing = operator::disable_user(&app.db, &app.clock, "nobody@example.org")
        .await
        .unwrap_err();
    assert!(matches!(missing, OperatorError::NoSuchAccount(_)));
}

async fn register(b: &Browser, email: &str, code: Option<&str>) -> crate::helpers::Page {
    let form = SignUp::of("Someone").with("email", email);
    b.register(match code {
        Some(code) => form.with("signup_code", code),
        None => form,
    })
    .await
}

async fn invite_only_sign_up_needs_a_code_that_works_once(ctx: TestContext) {
    let mut config = ctx.config();
    config.registration = Registration::InviteOnly;
    let app = ctx.spawn_with(config).await;
    let b = app.browser();
    let form = b.get("/register").await;
    form.assert_ok();
    assert!(form.attr("#signup_code", "name").is_some());
    // No code, or a wrong one: refused, with the form kept.
    let none = register(&b, "new@example.org", None).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(none.texts("#signup_code-error").len(), 1);
    assert_eq!(
        none.attr("#email", "value").as_deref(),
        Some("new@example.org")
    );
    let wrong = register(&b, "new@example.org", Some("ABCDE-FGHJK-MNPQR-STVWX")).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        wrong.texts("#signup_code-error"),
        vec![crate::helpers::english(SIGNUP_CODE_NOT_VALID)]
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);

    let code = operator::create_signup_code(&app.db, &app.clock, 14)
        .await
        .unwrap();
    // Stored only as a hash.
    let plain = code.replace('-', "");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM signup_codes WHERE code_hash = '{plain}'"
        ))
        .await,
        0
    );
    // Typed in lower case without dashes, it still works, once.
    let typed = plain.to_lowercase();
    register(&b, "new@example.org", Some(&typed))
        .await
        .assert_redirect_to("/login?registered=1");
    let again = register(&app.browser(), "other@example.org", Some(&code)).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
    // A code past its days no longer works.
    let old = operator::create_signup_code(&app.db, &app.clock, 1)
        .await
        .unwrap();
    app.clock.advance(time::Duration::days(2));
    let late = register(&app.browser(), "late@example.org", Some(&old)).await;
    assert_eq!(
        late.texts("#signup_code-error"),
        vec![crate::helpers::english(SIGNUP_CODE_NOT_VALID)]
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
}

async fn an_invite_only_code_is_used_up_even_for_a_registered_email(ctx: TestContext) {
    let mut config = ctx.config();
    config.registration = Registration::InviteOnly;
    let app = ctx.spawn_with(config).await;
    create(&app, "Ash").await;
    let (c1, c2) = (
        operator::create_signup_code(&app.db, &app.clock, 14)
            .await
            .unwrap(),
        operator::create_signup_code(&app.db, &app.clock, 14)
            .await
            .unwrap(),
    );
    let taken = register(&app.browser(), "ash@example.org", Some(&c1)).await;
    let fresh = register(&app.browser(), "fresh@example.org", Some(&c2)).await;
    assert_eq!(taken.status, fresh.status);
    assert_eq!(taken.location(), fresh.location());
    // Both codes are spent, so trying a code again tells nothing about the email.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM signup_codes WHERE used_at IS NOT NULL")
            .await,
        2
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 2);
}

async fn closed_registration_shows_a_kind_page_and_creates_nothing(ctx: TestContext) {
    let mut config = ctx.config();
    config.registration = Registration::Closed;
    let app = ctx.spawn_with(config).await;
    let b = app.browser();
    let page = b.get("/register").await;
    page.assert_ok();
    assert_eq!(page.texts("h1"), vec!["Sign-up is closed here".to_owned()]);
    assert!(page.attr("input[name=password]", "name").is_none());
    let refused = register(&b, "new@example.org", None).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.body.contains("Sign-up is closed here"));
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
    // The operator can still make accounts.
    create(&app, "Ada").await;
    app.browser().sign_in("Ada").await.assert_redirect_to("/");
}
