//! The person's own account: devices and password.

use reqwest::StatusCode;

use crate::helpers::{Browser, TestContext, PASSWORD};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(account:
        the_devices_page_lists_every_session_and_marks_this_one,
        a_device_can_be_signed_out_from_another,
        another_persons_session_cannot_be_ended,
        signing_out_everywhere_else_keeps_this_device,
        changing_the_password_needs_the_current_one_and_ends_other_sessions,
        a_session_cannot_guess_the_password_without_limit,
    )
}

async fn second_device(app: &crate::helpers::TestApp, name: &str) -> Browser {
    let b = app.browser();
    b.sign_in(name).await.assert_redirect_to("/");
    b
}

fn end_forms(page: &crate::helpers::Page) -> Vec<String> {
    let sel = scraper::Selector::parse("form[action$='/end']").unwrap();
    page.html()
        .select(&sel)
        .filter_map(|f| f.value().attr("action").map(str::to_owned))
        .collect()
}

async fn the_devices_page_lists_every_session_and_marks_this_one(ctx: TestContext) {
    let app = ctx.spawn().await;
    let phone = app.person("Ana").await;
    let _laptop = second_device(&app, "Ana").await;
    let page = phone.get("/account/devices").await;
    page.assert_ok();
    assert_eq!(page.texts(".checkin-list li").len(), 2);
    assert_eq!(page.texts(".status.done"), vec!["This device"]);
    assert!(page.body.contains("last used"));
}

async fn a_device_can_be_signed_out_from_another(ctx: TestContext) {
    let app = ctx.spawn().await;
    let phone = app.person("Ben").await;
    let laptop = second_device(&app, "Ben").await;
    let page = phone.get("/account/devices").await;
    let this = page
        .attr("li:has(.status.done) form", "action")
        .expect("this device's form");
    let other = end_forms(&page).into_iter().find(|a| *a != this).unwrap();
    phone
        .post_form(&other, &[])
        .await
        .assert_redirect_to("/account/devices?done=ended");
    laptop.get("/checkins").await.assert_redirect_to("/login");
    phone.get("/checkins").await.assert_ok();
}

async fn another_persons_session_cannot_be_ended(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Cy").await;
    let b = app.person("Dee").await;
    let their_form = end_forms(&b.get("/account/devices").await).remove(0);
    let res = a.post_form(&their_form, &[]).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    b.get("/checkins").await.assert_ok();
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 2);
}

async fn signing_out_everywhere_else_keeps_this_device(ctx: TestContext) {
    let app = ctx.spawn().await;
    let phone = app.person("Eli").await;
    let laptop = second_device(&app, "Eli").await;
    let tablet = second_device(&app, "Eli").await;
    let someone_else = app.person("Fay").await;
    phone
        .post_form("/account/devices/end-others", &[])
        .await
        .assert_redirect_to("/account/devices?done=others");
    for gone in [&laptop, &tablet] {
        gone.get("/checkins").await.assert_redirect_to("/login");
    }
    phone.get("/checkins").await.assert_ok();
    someone_else.get("/checkins").await.assert_ok();
}

async fn changing_the_password_needs_the_current_one_and_ends_other_sessions(ctx: TestContext) {
    let app = ctx.spawn().await;
    let phone = app.person("Gus").await;
    let laptop = second_device(&app, "Gus").await;
    let new = "lantern meadow quietly";
    let wrong = phone
        .post_form(
            "/account/password",
            &[("current_password", "not it at all"), ("new_password", new)],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        wrong.texts(".field-error"),
        vec!["That isn't your current password."]
    );
    assert_eq!(
        wrong.attr("#new_password", "value"),
        None,
        "passwords are never echoed"
    );
    let common = phone
        .post_form(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "password123"),
            ],
        )
        .await;
    assert_eq!(common.status, StatusCode::UNPROCESSABLE_ENTITY);
    laptop.get("/checkins").await.assert_ok();
    phone
        .post_form(
            "/account/password",
            &[("current_password", PASSWORD), ("new_password", new)],
        )
        .await
        .assert_redirect_to("/account?done=password");
    phone.get("/checkins").await.assert_ok();
    laptop.get("/checkins").await.assert_redirect_to("/login");
    let b = app.browser();
    assert_eq!(
        b.sign_in("Gus").await.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the old one no longer works"
    );
    b.post_form(
        "/login",
        &[("email", &Browser::email("Gus")), ("password", new)],
    )
    .await
    .assert_redirect_to("/");
}

async fn a_session_cannot_guess_the_password_without_limit(ctx: TestContext) {
    let app = ctx.spawn().await;
    // A borrowed session: it may try to change the password, guessing the current one.
    let borrowed = app.person("Hana").await;
    let mut tried = 0;
    for i in 0..30 {
        let guess = format!("guess number {i}");
        let res = borrowed
            .post_form(
                "/account/password",
                &[
                    ("current_password", &guess),
                    ("new_password", "taken over now"),
                ],
            )
            .await;
        match res.status {
            StatusCode::UNPROCESSABLE_ENTITY => tried += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                assert!(res.headers.get("retry-after").is_some());
                assert!(
                    res.texts(".field-error")
                        .iter()
                        .any(|e| e.contains("several wrong passwords")),
                    "{}",
                    res.body
                );
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(tried, 5, "wrong passwords tried through a session");
    // Even the right one waits now: the guesses counted with sign-in failures.
    let right = borrowed
        .post_form(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "taken over now"),
            ],
        )
        .await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        app.browser().sign_in("Hana").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Once the pause is over, the owner can sign in with the password they always had.
    app.clock.advance(time::Duration::minutes(16));
    app.browser().sign_in("Hana").await.assert_redirect_to("/");
}
