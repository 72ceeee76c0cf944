//! Who may see what: partners before the reveal, private answers, strangers,
//! ex-partners, forged forms.

use reqwest::StatusCode;

use crate::helpers::{link, marker, Browser, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(privacy:
        partner_sees_nothing_before_both_have_answered,
        a_private_answer_never_reaches_the_partner_or_the_summary,
        another_couple_gets_404_on_every_checkin_url,
        an_ex_partner_sees_only_their_own_answers_after_unlinking,
        a_new_partner_never_sees_a_previous_couples_checkins,
        a_post_without_a_valid_form_token_is_refused_and_changes_nothing,
    )
}

/// Every page a signed-in person can open that might show check-in content.
async fn everything_visible_to(b: &Browser, checkin: &str) -> String {
    let mut all = String::new();
    for path in [
        "/",
        "/checkins",
        "/summary",
        "/couple",
        &format!("/checkins/{checkin}"),
    ] {
        all.push_str(&b.get(path).await.body);
    }
    all
}

async fn partner_sees_nothing_before_both_have_answered(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Ana", "Ben").await;
    let id = b.start_checkin("after-intimacy").await;
    let secret = marker("before-reveal");
    a.answer(
        &id,
        &[
            ("a_after-how-was-it", &secret),
            ("a_after-enjoyable", &secret),
            ("a_after-change", &secret),
            ("a_after-connected", "5"),
        ],
    )
    .await
    .assert_redirect_to(&format!("/checkins/{id}"));
    let seen = everything_visible_to(&b, &id).await;
    assert!(!seen.contains(&secret));
    assert!(!seen.contains("5 of 5"));
    // The partner's page is the answer form, not anybody's answers.
    let page = b.get(&format!("/checkins/{id}")).await;
    assert!(page.texts(".side-by-side").is_empty());
    // The person who answered still sees their own words.
    assert!(a
        .get(&format!("/checkins/{id}"))
        .await
        .body
        .contains(&secret));
}

async fn a_private_answer_never_reaches_the_partner_or_the_summary(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Cy", "Dee").await;
    let id = a.start_checkin("after-intimacy").await;
    let (private, shared) = (marker("private"), marker("shared"));
    a.answer(
        &id,
        &[
            ("a_after-change", &private),
            ("private_after-change", "on"),
            ("a_after-enjoyable", &shared),
        ],
    )
    .await;
    b.answer(&id, &[("a_after-change", "more time together")])
        .await;
    let seen = everything_visible_to(&b, &id).await;
    assert!(seen.contains(&shared), "shared answers are revealed");
    assert!(
        !seen.contains(&private),
        "a private answer never reaches the partner"
    );
    let summary = a.get("/summary").await.body;
    assert!(summary.contains(&shared));
    assert!(
        !summary.contains(&private),
        "nor the summary, even the author's"
    );
    let own = a.get(&format!("/checkins/{id}")).await;
    assert!(own.body.contains(&private) && own.body.contains("Kept private"));
}

async fn another_couple_gets_404_on_every_checkin_url(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Eli", "Fay").await;
    let (c, d) = app.couple("Gus", "Hal").await;
    let id = a.start_checkin("after-intimacy").await;
    let secret = marker("stranger");
    a.answer(&id, &[("a_after-how-was-it", &secret)]).await;
    b.answer(&id, &[("a_after-how-was-it", &secret)]).await;
    let loner = app.person("Ivy").await;
    for stranger in [&c, &d, &loner] {
        let page = stranger.get(&format!("/checkins/{id}")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        assert!(!page.body.contains(&secret));
        let post = stranger
            .answer(&id, &[("a_after-how-was-it", "intruder")])
            .await;
        assert_eq!(post.status, StatusCode::NOT_FOUND);
        let dismiss = stranger
            .post_form(&format!("/checkins/{id}/dismiss"), &[])
            .await;
        assert_eq!(dismiss.status, StatusCode::NOT_FOUND);
        let seen = everything_visible_to(stranger, &id).await;
        assert!(!seen.contains(&secret));
        assert!(
            !seen.contains(&id),
            "no list links to another couple's check-in"
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM answers WHERE value_text = 'intruder'")
            .await,
        0
    );
    // An open check-in of another couple can't be set aside by a stranger either.
    let open = a.start_checkin("safe-and-present").await;
    let res = c.post_form(&format!("/checkins/{open}/dismiss"), &[]).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM checkins WHERE dismissed_at IS NOT NULL")
            .await,
        0
    );
}

async fn an_ex_partner_sees_only_their_own_answers_after_unlinking(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Jo", "Kai").await;
    let done = a.start_checkin("after-intimacy").await;
    let (ma, mb) = (marker("jo"), marker("kai"));
    a.answer(&done, &[("a_after-enjoyable", &ma)]).await;
    b.answer(&done, &[("a_after-enjoyable", &mb)]).await;
    let open = b.start_checkin("after-intimacy").await;
    let late = marker("kai-open");
    b.answer(&open, &[("a_after-enjoyable", &late)]).await;

    a.post_form("/couple/unlink", &[("confirm", "yes")]).await;

    for (me, mine, theirs) in [(&a, &ma, &mb), (&b, &mb, &ma)] {
        let page = me.get(&format!("/checkins/{done}")).await;
        page.assert_ok();
        assert!(
            page.body.contains(mine.as_str()),
            "each keeps their own answers"
        );
        assert!(
            !page.body.contains(theirs.as_str()),
            "never the ex-partner's"
        );
        assert!(!everything_visible_to(me, &open)
            .await
            .contains(theirs.as_str()));
        me.get("/summary").await.assert_redirect_to("/couple");
        let new = me
            .post_form("/checkins", &[("prompt_set_id", "after-intimacy")])
            .await;
        assert_eq!(new.status, StatusCode::CONFLICT);
    }
    // The open check-in is closed: answering it now does nothing and reveals nothing.
    let res = a
        .answer(&open, &[("a_after-enjoyable", "after the end")])
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert!(!a
        .get(&format!("/checkins/{open}"))
        .await
        .body
        .contains(&late));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM checkins WHERE revealed_at IS NOT NULL")
            .await,
        1
    );
}

async fn a_new_partner_never_sees_a_previous_couples_checkins(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Lou", "Max").await;
    let id = a.start_checkin("after-intimacy").await;
    let secret = marker("old-couple");
    a.answer(&id, &[("a_after-enjoyable", &secret)]).await;
    b.answer(&id, &[("a_after-enjoyable", &secret)]).await;
    b.post_form("/couple/unlink", &[("confirm", "yes")]).await;
    let c = app.person("Nia").await;
    link(&a, &c).await;
    let page = c.get(&format!("/checkins/{id}")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(!everything_visible_to(&c, &id).await.contains(&secret));
    assert!(c
        .get("/summary")
        .await
        .body
        .contains("No finished check-ins yet"));
}

async fn a_post_without_a_valid_form_token_is_refused_and_changes_nothing(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Oz", "Pia").await;
    let id = a.start_checkin("after-intimacy").await;
    let other_token = b.csrf().await;
    let attempts = [
        "a_after-enjoyable=forged".to_owned(),
        "csrf_token=&a_after-enjoyable=forged".to_owned(),
        "csrf_token=deadbeef&a_after-enjoyable=forged".to_owned(),
        format!("csrf_token={other_token}&a_after-enjoyable=forged"),
    ];
    for body in &attempts {
        let res = a.post_raw(&format!("/checkins/{id}/answers"), body).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{body}");
    }
    for path in ["/couple/unlink", "/couple/invite", "/checkins", "/logout"] {
        let res = a
            .post_raw(path, "confirm=yes&prompt_set_id=after-intimacy")
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{path}");
    }
    // Signed out: registering and signing in need the visitor's token too.
    let visitor = app.browser();
    let res = visitor
        .post_raw(
            "/register",
            "display_name=X&email=x%40example.org&password=longenough",
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT COUNT(*) FROM answers").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM checkins").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 2);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM couples WHERE ended_at IS NULL")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM invites").await,
        1,
        "only the one that linked them"
    );
    a.get("/checkins").await.assert_ok();
}
