//! Each person's time zone, chosen at sign-up or on the account page, used for every date
//! and time they see (issue 22, point 8).

use reqwest::StatusCode;
use time::macros::offset;
use time::{Duration, OffsetDateTime};

use mutual::web::fmt;

use crate::helpers::therapist::linked_as;
use crate::helpers::{link, Browser, SignUp, TestApp, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(time_zones:
        sign_up_offers_time_zones_and_starts_at_utc,
        sign_up_with_a_zone_that_is_not_offered_keeps_what_was_typed,
        the_time_zone_is_changed_on_the_account_page,
        times_are_shown_in_the_persons_time_zone,
        a_check_in_started_in_the_evening_is_dated_by_the_starters_day,
        the_access_log_is_shown_in_the_readers_time_zone,
        the_time_zone_is_part_of_the_export,
    )
}

/// Moves the app's clock forward to the next 20:00:05 UTC, and returns that moment.
fn to_evening(app: &TestApp) -> OffsetDateTime {
    let now = app.clock.now();
    let mut target = now.replace_time(time::macros::time!(20:00:05));
    if target <= now {
        target += Duration::days(1);
    }
    app.clock.advance(target - now);
    app.clock.now()
}

async fn sign_up_in(app: &TestApp, name: &str, zone: &str) -> Browser {
    let b = app.browser();
    b.register(SignUp::of(name).with("time_zone", zone))
        .await
        .assert_redirect_to("/login?registered=1");
    b.sign_in(name).await.assert_redirect_to("/");
    b
}

fn selected_zone(page: &crate::helpers::Page) -> Option<String> {
    page.attr("select[name=time_zone] option[selected]", "value")
}

async fn sign_up_offers_time_zones_and_starts_at_utc(ctx: TestContext) {
    let app = ctx.spawn().await;
    let page = app.browser().get("/register").await;
    page.assert_ok();
    assert_eq!(selected_zone(&page).as_deref(), Some("UTC"));
    let offered = page.texts("select[name=time_zone] option");
    assert!(offered.len() > 20, "{offered:?}");
    // Someone who signs up without choosing is on UTC; one who chooses keeps it.
    let ana = app.person("Ana").await;
    assert_eq!(
        selected_zone(&ana.get("/account").await).as_deref(),
        Some("UTC")
    );
    let ben = sign_up_in(&app, "Ben", "Europe/Paris").await;
    assert_eq!(
        selected_zone(&ben.get("/account").await).as_deref(),
        Some("Europe/Paris")
    );
}

async fn sign_up_with_a_zone_that_is_not_offered_keeps_what_was_typed(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.browser();
    let page = b
        .register(SignUp::of("Ana").with("time_zone", "Mars/Olympus_Mons"))
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!page.texts("#time_zone-error").is_empty(), "{}", page.body);
    assert_eq!(
        page.attr("input[name=display_name]", "value").as_deref(),
        Some("Ana")
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

async fn the_time_zone_is_changed_on_the_account_page(ctx: TestContext) {
    let app = ctx.spawn().await;
    let ana = app.person("Ana").await;
    ana.post_form(
        "/account/details",
        &[("display_name", "Ana"), ("time_zone", "America/New_York")],
    )
    .await
    .assert_redirect_to("/account?done=details");
    assert_eq!(
        selected_zone(&ana.get("/account").await).as_deref(),
        Some("America/New_York")
    );
    // A zone not offered is refused, and what was typed stays.
    let page = ana
        .post_form(
            "/account/details",
            &[("display_name", "Annie"), ("time_zone", "Nowhere/Land")],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!page.texts("#time_zone-error").is_empty());
    assert_eq!(
        page.attr("input[name=display_name]", "value").as_deref(),
        Some("Annie")
    );
    assert_eq!(
        selected_zone(&ana.get("/account").await).as_deref(),
        Some("America/New_York")
    );
}

async fn times_are_shown_in_the_persons_time_zone(ctx: TestContext) {
    let app = ctx.spawn().await;
    let at = to_evening(&app);
    // India is 5:30 ahead all year: 20:00 UTC is 01:30 the next day there.
    let ana = sign_up_in(&app, "Ana", "Asia/Kolkata").await;
    let local = fmt::datetime(at.to_offset(offset!(+5:30)));
    let utc = fmt::datetime(at);
    let devices = ana.get("/account/devices").await.texts("main").join(" ");
    assert!(devices.contains(&local), "{local} not in {devices}");
    assert!(
        !devices.contains(&utc) && !devices.contains("UTC"),
        "{devices}"
    );
    // The invite's expiry.
    let _code = ana.invite_code().await;
    let until = fmt::datetime((at + Duration::hours(72)).to_offset(offset!(+5:30)));
    let couple = ana.get("/couple").await.texts("main").join(" ");
    assert!(couple.contains(&until), "{until} not in {couple}");
    // The printable page.
    let export = ana.get("/account/export").await.texts("main").join(" ");
    assert!(export.contains(&local), "{local} not in {export}");
    // Someone on UTC sees UTC.
    let ben = app.person("Ben").await;
    let devices = ben.get("/account/devices").await.texts("main").join(" ");
    assert!(devices.contains(&utc), "{utc} not in {devices}");
}

async fn a_check_in_started_in_the_evening_is_dated_by_the_starters_day(ctx: TestContext) {
    let app = ctx.spawn().await;
    let at = to_evening(&app);
    let ana = sign_up_in(&app, "Ana", "Asia/Kolkata").await;
    let ben = app.person("Ben").await;
    link(&ana, &ben).await;
    ana.start_checkin("after-intimacy").await;
    let their_day = fmt::date(at.to_offset(offset!(+5:30)).date());
    let utc_day = fmt::date(at.date());
    for who in [&ana, &ben] {
        let list = who.get("/checkins").await.texts("main").join(" ");
        assert!(list.contains(&their_day), "{their_day} not in {list}");
        assert!(!list.contains(&utc_day), "{list}");
    }
    // A day the couple typed stays the day they typed.
    let typed = at.date() - Duration::days(3);
    let page = ana
        .post_form(
            "/checkins",
            &[
                ("prompt_set_id", "after-intimacy"),
                ("moment_on", &typed.to_string()),
            ],
        )
        .await;
    page.assert_redirect_to("/checkins/");
    let list = ben.get("/checkins").await.texts("main").join(" ");
    assert!(list.contains(&fmt::date(typed)), "{list}");
}

async fn the_access_log_is_shown_in_the_readers_time_zone(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, ana, ben, link_id) = linked_as(&app, ("Theo", "Ana", "Ben"), ("1", "1")).await;
    ana.post_form(
        "/account/details",
        &[("display_name", "Ana"), ("time_zone", "Asia/Kolkata")],
    )
    .await
    .assert_redirect_to("/account?done=details");
    let at = to_evening(&app);
    t.get(&format!("/therapist/couples/{link_id}"))
        .await
        .assert_ok();
    let local = fmt::datetime(at.to_offset(offset!(+5:30)));
    for path in ["/couple/therapist", "/account/therapist-log"] {
        let rows = ana.get(path).await.texts("table tbody tr");
        assert!(rows[0].contains(&local), "{path}: {rows:?}");
        let rows = ben.get(path).await.texts("table tbody tr");
        assert!(rows[0].contains(&fmt::datetime(at)), "{path}: {rows:?}");
    }
}

async fn the_time_zone_is_part_of_the_export(ctx: TestContext) {
    let app = ctx.spawn().await;
    let ana = sign_up_in(&app, "Ana", "Australia/Sydney").await;
    let page = ana.get("/account/export.json").await;
    page.assert_ok();
    let json: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    assert_eq!(json["account"]["time_zone"], "Australia/Sydney");
}
