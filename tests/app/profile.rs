//! The person's own details on the account page: name and email (issue 22, point 8).

use reqwest::StatusCode;

use crate::helpers::{marker, Browser, TestContext, PASSWORD};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(profile:
        the_account_page_shows_the_name_and_email,
        a_new_name_is_what_the_partner_sees,
        a_name_with_a_mistake_keeps_what_was_typed,
        changing_the_email_needs_the_current_password,
        wrong_passwords_on_the_email_form_count_with_sign_in_failures,
        an_email_already_in_use_gets_the_same_answer_as_a_change,
        the_details_forms_need_a_signed_in_person,
        email_changes_count_with_the_per_address_limit,
    )
}

async fn the_account_page_shows_the_name_and_email(ctx: TestContext) {
    let app = ctx.spawn().await;
    let ana = app.person("Ana").await;
    let page = ana.get("/account").await;
    page.assert_ok();
    assert_eq!(
        page.attr("input[name=display_name]", "value").as_deref(),
        Some("Ana")
    );
    assert_eq!(
        page.attr("input[name=email]", "value").as_deref(),
        Some("ana@example.org")
    );
    assert!(page.texts("main").join(" ").contains("ana@example.org"));
}

async fn a_new_name_is_what_the_partner_sees(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (ana, ben) = app.couple("Ana", "Ben").await;
    ana.post_form("/account/details", &[("display_name", "  Annie  ")])
        .await
        .assert_redirect_to("/account?done=details");
    let page = ana.get("/account?done=details").await;
    assert_eq!(
        page.attr("input[name=display_name]", "value").as_deref(),
        Some("Annie")
    );
    assert!(!page.texts("[role=status]").is_empty());
    let couple = ben.get("/couple").await;
    assert!(couple.texts(".lead strong").contains(&"Annie".to_owned()));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE display_name = 'Annie'")
            .await,
        1
    );
}

async fn a_name_with_a_mistake_keeps_what_was_typed(ctx: TestContext) {
    let app = ctx.spawn().await;
    let ana = app.person("Ana").await;
    let long = "A".repeat(61);
    let page = ana
        .post_form("/account/details", &[("display_name", &long)])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        page.attr("input[name=display_name]", "value").as_deref(),
        Some(long.as_str())
    );
    assert!(page.texts("#display_name-error")[0].contains("60 characters"));
    let page = ana
        .post_form("/account/details", &[("display_name", " ")])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE display_name = 'Ana'")
            .await,
        1
    );
}

async fn change_email(b: &Browser, email: &str, password: &str) -> crate::helpers::Page {
    b.post_form(
        "/account/email",
        &[("email", email), ("password", password)],
    )
    .await
}

async fn changing_the_email_needs_the_current_password(ctx: TestContext) {
    let app = ctx.spawn().await;
    let ana = app.person("Ana").await;
    let wrong = change_email(&ana, "annie@example.org", "not my password").await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        wrong.texts("#password-error"),
        vec!["That isn't your current password."]
    );
    // What was typed is kept, the password never is.
    assert_eq!(
        wrong.attr("input[name=email]", "value").as_deref(),
        Some("annie@example.org")
    );
    assert_eq!(wrong.attr("input[name=password]", "value"), None);
    let bad = change_email(&ana, "not an email", PASSWORD).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!bad.texts("#email-error").is_empty());
    assert_eq!(
        bad.attr("input[name=email]", "value").as_deref(),
        Some("not an email")
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE email = 'ana@example.org'")
            .await,
        1
    );
    change_email(&ana, " Annie@Example.org ", PASSWORD)
        .await
        .assert_redirect_to("/account?done=email");
    let page = ana.get("/account").await;
    assert_eq!(
        page.attr("input[name=email]", "value").as_deref(),
        Some("annie@example.org")
    );
    // The old address no longer signs in; the new one does.
    assert_eq!(
        app.browser().sign_in("Ana").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    app.browser()
        .post_form(
            "/login",
            &[("email", "annie@example.org"), ("password", PASSWORD)],
        )
        .await
        .assert_redirect_to("/");
}

async fn wrong_passwords_on_the_email_form_count_with_sign_in_failures(ctx: TestContext) {
    let app = ctx.spawn().await;
    let ana = app.person("Ana").await;
    for i in 0..5 {
        let res = change_email(&ana, "annie@example.org", &format!("guess {i}")).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let res = change_email(&ana, "annie@example.org", PASSWORD).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers.get("retry-after").is_some());
    assert_eq!(
        res.attr("input[name=email]", "value").as_deref(),
        Some("annie@example.org")
    );
    assert_eq!(
        app.browser().sign_in("Ana").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
}

async fn an_email_already_in_use_gets_the_same_answer_as_a_change(ctx: TestContext) {
    let app = ctx.spawn().await;
    let ana = app.person("Ana").await;
    // A name of its own, so no other test's logs hold the address.
    let ben = marker("ben");
    let _ben = app.person(&ben).await;
    let bens_email = Browser::email(&ben);
    let taken = change_email(&ana, &bens_email, PASSWORD).await;
    taken.assert_redirect_to("/account?done=email");
    let free = change_email(&ana, "ana.new@example.org", PASSWORD).await;
    assert_eq!(taken.status, free.status);
    assert_eq!(taken.location(), free.location());
    // (Checked before this test's own SQL names the address.)
    let logs = crate::helpers::logs();
    if let Some(i) = logs.find(&bens_email) {
        let around = &logs[i.saturating_sub(300)..(i + 50).min(logs.len())];
        panic!("the logs name the address: {around}");
    }
    // Nothing changed for either person.
    app.browser().sign_in(&ben).await.assert_redirect_to("/");
    let sql = format!("SELECT COUNT(*) FROM users WHERE email = '{bens_email}'");
    assert_eq!(app.count(&sql).await, 1);
}

async fn the_details_forms_need_a_signed_in_person(ctx: TestContext) {
    let app = ctx.spawn().await;
    let _ana = app.person("Ana").await;
    let visitor = app.browser();
    visitor.get("/account").await.assert_redirect_to("/login");
    for path in ["/account/details", "/account/email"] {
        let res = visitor
            .post_form(path, &[("display_name", "X"), ("email", "ana@example.org")])
            .await;
        assert!(
            res.status == StatusCode::FORBIDDEN || res.status.is_redirection(),
            "{path}: {}",
            res.status
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE display_name = 'X'")
            .await,
        0
    );
}

async fn email_changes_count_with_the_per_address_limit(ctx: TestContext) {
    let mut config = ctx.config();
    config.auth_posts_per_10_min = 4;
    let app = ctx.spawn_with(config).await;
    // Signing up and in are two of the four posts.
    let ana = app.person("Ana").await;
    for i in 0..2 {
        change_email(&ana, &format!("ana{i}@example.org"), PASSWORD)
            .await
            .assert_redirect_to("/account?done=email");
    }
    let res = change_email(&ana, "ana9@example.org", PASSWORD).await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    // The pause is told in the person's own frame.
    assert!(res
        .texts("header.site nav a")
        .contains(&"Account".to_owned()));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE email = 'ana9@example.org'")
            .await,
        0
    );
}
