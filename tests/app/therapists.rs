//! Therapists and couples: consent from both partners, revocation, two-step sign-in,
//! the access log, what each consent level shows, and share codes.

use reqwest::StatusCode;
use time::Duration;

use crate::helpers::therapist::{
    agree, couple_linked_to, invite, link_id, linked_as, revoke, sign_up_therapist, therapist,
};
use crate::helpers::{marker, Browser, TestApp, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(therapists:
        a_therapist_sees_a_couple_only_once_both_partners_agree,
        the_more_restrictive_consent_is_what_counts,
        revoking_is_effective_on_the_next_request,
        a_therapist_of_another_couple_or_a_partner_gets_404,
        no_couple_is_shown_before_the_therapist_turns_on_two_step_sign_in,
        every_look_is_logged_where_both_partners_can_read_it,
        a_therapist_sees_no_answers_and_nothing_private,
        unlinking_the_couple_ends_the_therapist_link,
        a_partner_cannot_touch_another_couples_link,
        each_consent_level_shows_exactly_what_it_allows,
        a_share_code_expires_and_the_therapist_can_make_a_new_one,
        wrong_share_codes_count_with_the_invite_code_limit,
    )
}

/// A couple (Ana, Ben) with an active link to a new therapist (Theo).
async fn linked(app: &TestApp, levels: (&str, &str)) -> (Browser, Browser, Browser, String) {
    linked_as(app, ("Theo", "Ana", "Ben"), levels).await
}

async fn a_therapist_sees_a_couple_only_once_both_partners_agree(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, code) = therapist(&app, "Tess").await;
    let (a, b) = app.couple("Cy", "Dee").await;
    invite(&a, &code, "3").await;
    let link = link_id(&a).await;
    // Pending: one partner agreed.
    assert_eq!(
        t.get(&format!("/therapist/couples/{link}")).await.status,
        StatusCode::NOT_FOUND
    );
    let dash = t.get("/therapist").await;
    assert!(!dash.body.contains("Cy") && !dash.body.contains("Dee"));
    assert!(dash.body.contains("1 invitation waits"));
    assert!(b
        .get("/couple/therapist")
        .await
        .body
        .contains("Waiting for you"));
    agree(&b, &link, "3").await;
    let dash = t.get("/therapist").await;
    assert!(dash.body.contains("Cy and Dee") || dash.body.contains("Dee and Cy"));
    t.get(&format!("/therapist/couples/{link}"))
        .await
        .assert_ok();
}

async fn the_more_restrictive_consent_is_what_counts(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, _b, link) = linked(&app, ("3", "1")).await;
    let page = t.get(&format!("/therapist/couples/{link}")).await;
    assert!(page.body.contains("Only whether check-ins were done"));
    // Raising one's own choice does not raise the other's.
    agree(&a, &link, "3").await;
    let page = t.get(&format!("/therapist/couples/{link}")).await;
    assert!(page.body.contains("Only whether check-ins were done"));
}

async fn revoking_is_effective_on_the_next_request(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, _a, b, link) = linked(&app, ("2", "2")).await;
    t.get(&format!("/therapist/couples/{link}"))
        .await
        .assert_ok();
    // Stopping asks first, and says it ends the link for both partners.
    b.post_form(&format!("/couple/therapist/{link}/revoke"), &[])
        .await
        .assert_redirect_to(&format!("/couple/therapist/{link}/revoke"));
    let ask = b.get(&format!("/couple/therapist/{link}/revoke")).await;
    assert!(ask.body.contains("both of you"), "{}", ask.body);
    t.get(&format!("/therapist/couples/{link}"))
        .await
        .assert_ok();
    revoke(&b, &link).await;
    assert_eq!(
        t.get(&format!("/therapist/couples/{link}")).await.status,
        StatusCode::NOT_FOUND
    );
    let dash = t.get("/therapist").await;
    assert!(!dash.body.contains("Ana") && !dash.body.contains("Ben"));
}

async fn a_therapist_of_another_couple_or_a_partner_gets_404(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (_t, a, _b, link) = linked(&app, ("3", "3")).await;
    let (other, other_code) = therapist(&app, "Otto").await;
    couple_linked_to(&app, &other_code, ("Cal", "Dot"), ("3", "3")).await;
    assert_eq!(
        other
            .get(&format!("/therapist/couples/{link}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert!(!other.get("/therapist").await.body.contains("Ana"));
    // A partner is not a therapist: the therapist pages do not exist for them.
    assert_eq!(a.get("/therapist").await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        a.get(&format!("/therapist/couples/{link}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        other.get("/therapist/couples/not-a-link").await.status,
        StatusCode::NOT_FOUND
    );
}

async fn no_couple_is_shown_before_the_therapist_turns_on_two_step_sign_in(ctx: TestContext) {
    let app = ctx.spawn().await;
    let t = sign_up_therapist(&app, "Uma").await;
    let dash = t.get("/therapist").await;
    assert!(dash.body.contains("two-step sign-in"));
    let code = dash.texts("code").remove(0);
    let (_a, _b, link) = couple_linked_to(&app, &code, ("Vi", "Wes"), ("3", "3")).await;
    assert_eq!(
        t.get(&format!("/therapist/couples/{link}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!t.get("/therapist").await.body.contains("Vi and"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM therapist_access_log").await,
        0
    );
}

async fn every_look_is_logged_where_both_partners_can_read_it(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked(&app, ("1", "1")).await;
    assert!(a
        .get("/couple/therapist")
        .await
        .body
        .contains("No therapist has looked"));
    t.get(&format!("/therapist/couples/{link}"))
        .await
        .assert_ok();
    t.get(&format!("/therapist/couples/{link}"))
        .await
        .assert_ok();
    for partner in [&a, &b] {
        let page = partner.get("/couple/therapist").await;
        let rows = page.texts("table tbody tr");
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows
            .iter()
            .all(|r| r.contains("Theo") && r.contains("how many check-ins were done")));
    }
}

async fn a_therapist_sees_no_answers_and_nothing_private(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked(&app, ("3", "3")).await;
    let id = a.start_checkin("after-intimacy").await;
    let (shared, private) = (marker("shared"), marker("private"));
    a.answer(
        &id,
        &[
            ("a_after-enjoyable", &shared),
            ("a_after-change", &private),
            ("private_after-change", "on"),
        ],
    )
    .await;
    b.answer(&id, &[("a_after-enjoyable", &shared)]).await;
    let page = t.get(&format!("/therapist/couples/{link}")).await;
    assert_eq!(page.texts(".stat-value"), vec!["1", "0"]);
    assert!(
        !page.body.contains(&private),
        "private answers never reach a therapist"
    );
    assert!(
        page.body.contains(&shared),
        "words are shown with both partners' consent to words"
    );
    assert_eq!(
        t.get(&format!("/checkins/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn unlinking_the_couple_ends_the_therapist_link(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, _b, link) = linked(&app, ("2", "2")).await;
    a.post_form("/couple/unlink", &[("confirm", "yes")]).await;
    assert_eq!(
        t.get(&format!("/therapist/couples/{link}")).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn a_partner_cannot_touch_another_couples_link(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, _a, _b, link) = linked(&app, ("1", "1")).await;
    let (c, _d) = app.couple("Cal", "Dot").await;
    for fields in [&[][..], &[("confirm", "yes")][..]] {
        let res = c
            .post_form(&format!("/couple/therapist/{link}/revoke"), fields)
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
    }
    assert_eq!(
        c.get(&format!("/couple/therapist/{link}/revoke"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let res = c
        .post_form(
            &format!("/couple/therapist/{link}/consent"),
            &[("level", "3")],
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    t.get(&format!("/therapist/couples/{link}"))
        .await
        .assert_ok();
    assert_eq!(
        app.count("SELECT COUNT(*) FROM therapist_consents").await,
        2
    );
}

/// What the therapist's page holds, at each level, for one revealed check-in.
async fn each_consent_level_shows_exactly_what_it_allows(ctx: TestContext) {
    for level in ["1", "2", "3"] {
        let app = ctx.spawn().await;
        let names = (
            format!("T{level}"),
            format!("A{level}"),
            format!("B{level}"),
        );
        let (t, a, b, link) = linked_as(&app, (&names.0, &names.1, &names.2), (level, level)).await;
        let id = a.start_checkin("after-intimacy").await;
        let (words, private) = (marker("words"), marker("private"));
        a.answer(
            &id,
            &[
                ("a_after-connected", "4"),
                ("a_after-enjoyable", &words),
                ("a_after-change", &private),
                ("private_after-change", "on"),
            ],
        )
        .await;
        b.answer(
            &id,
            &[("a_after-connected", "2"), ("a_after-change", &words)],
        )
        .await;
        let page = t.get(&format!("/therapist/couples/{link}")).await;
        page.assert_ok();
        assert_eq!(
            page.texts(".stat-value"),
            vec!["1", "0"],
            "level {level}: completion always"
        );
        let charts = page.texts("figure.chart");
        let scales = charts
            .iter()
            .any(|c| c.contains("How connected") && c.contains("4.0") && c.contains("2.0"));
        assert_eq!(scales, level != "1", "level {level}: scale answers");
        assert_eq!(
            page.body.contains(&words),
            level == "3",
            "level {level}: written answers"
        );
        assert!(
            !page.body.contains(&private),
            "level {level}: never a private answer"
        );
        let logged = a
            .get("/couple/therapist")
            .await
            .texts("table tbody tr")
            .remove(0);
        let expected = match level {
            "1" => "how many check-ins were done",
            "2" => "the summary: 1-to-5 and multiple-choice answers",
            _ => "shared written answers",
        };
        assert!(logged.contains(expected), "{logged}");
    }
}

async fn a_share_code_expires_and_the_therapist_can_make_a_new_one(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, old) = therapist(&app, "Theo").await;
    let (a, b) = app.couple("Ana", "Ben").await;
    let page = t.get("/therapist").await;
    assert!(page.body.contains("It works until"), "{}", page.body);
    // Past the code's two weeks, in two steps so nobody's session goes idle.
    for _ in 0..2 {
        app.clock.advance(Duration::days(7) + Duration::hours(12));
        for who in [&t, &a, &b] {
            who.get("/account").await.assert_ok();
        }
    }
    let late = a
        .post_form(
            "/couple/therapist/invite",
            &[("code", &old), ("level", "2")],
        )
        .await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(late.body.contains("That code has expired"), "{}", late.body);
    assert_eq!(
        late.attr("input[name=code]", "value").as_deref(),
        Some(old.as_str()),
        "what was typed is kept"
    );
    let page = t.get("/therapist").await;
    assert!(
        page.texts("code").is_empty(),
        "an expired code is not shown"
    );
    assert!(page.body.contains("has expired"));
    // A partner cannot make codes for anyone.
    assert_eq!(
        b.post_form("/therapist/code", &[]).await.status,
        StatusCode::NOT_FOUND
    );
    t.post_form("/therapist/code", &[])
        .await
        .assert_redirect_to("/therapist");
    let new = t.get("/therapist").await.texts("code").remove(0);
    assert_ne!(new, old);
    invite(&a, &new, "2").await;
    // A new code makes the one before it stop working at once.
    t.post_form("/therapist/code", &[]).await;
    let replaced = b
        .post_form(
            "/couple/therapist/invite",
            &[("code", &new), ("level", "2")],
        )
        .await;
    assert_eq!(replaced.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn wrong_share_codes_count_with_the_invite_code_limit(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (_t, code) = therapist(&app, "Theo").await;
    let (a, _b) = app.couple("Ana", "Ben").await;
    for i in 0..10 {
        let guess = format!("ABCDE-{:05}", 10_000 + i);
        let res = a
            .post_form(
                "/couple/therapist/invite",
                &[("code", &guess), ("level", "2")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{guess}");
    }
    let paused = a
        .post_form(
            "/couple/therapist/invite",
            &[("code", &code), ("level", "2")],
        )
        .await;
    assert_eq!(paused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(paused.headers.get("retry-after").is_some());
    assert!(paused.body.contains("a lot of codes"), "{}", paused.body);
    assert_eq!(app.count("SELECT COUNT(*) FROM therapist_links").await, 0);
}
