//! Therapists: consent from both partners, revocation, two-step sign-in, access log.

use mutual::domain::two_factor::code_at;
use reqwest::StatusCode;
use time::Duration;

use crate::helpers::{marker, Browser, TestApp, TestContext, PASSWORD};

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
        an_assigned_exercise_is_started_from_home_and_counted,
        an_assignment_form_with_mistakes_keeps_what_was_typed,
        assignments_stay_within_their_couple_and_their_link,
        an_exercises_answers_show_within_consent_only,
        a_therapists_own_set_reaches_couples_only_through_an_exercise,
        a_set_with_mistakes_keeps_what_was_typed,
        a_share_code_expires_and_the_therapist_can_make_a_new_one,
        wrong_share_codes_count_with_the_invite_code_limit,
    )
}

/// A therapist, signed in, with two-step sign-in on.
pub(crate) async fn therapist(app: &TestApp, name: &str) -> (Browser, String) {
    let t = app.browser();
    t.post_form(
        "/register",
        &[
            ("display_name", name),
            ("email", &Browser::email(name)),
            ("password", PASSWORD),
            ("consent", "yes"),
            ("therapist", "on"),
        ],
    )
    .await;
    t.sign_in(name).await.assert_redirect_to("/");
    let page = t.post_form("/account/two-factor/start", &[]).await;
    let secret = page.texts("samp.key").remove(0);
    let now = app.clock.now().unix_timestamp() as u64;
    t.post_form(
        "/account/two-factor/confirm",
        &[("code", &code_at(&secret, now).unwrap())],
    )
    .await
    .assert_ok();
    app.clock.advance(Duration::seconds(30));
    let code = t.get("/therapist").await.texts("code").remove(0);
    (t, code)
}

/// The id of the couple's link, from a partner's page.
pub(crate) async fn link_id(partner: &Browser) -> String {
    let page = partner.get("/couple/therapist").await;
    let action = page
        .attr("form[action$='/consent']", "action")
        .expect("a link on the page");
    action
        .trim_start_matches("/couple/therapist/")
        .trim_end_matches("/consent")
        .to_owned()
}

pub(crate) async fn invite(partner: &Browser, code: &str, level: &str) {
    partner
        .post_form(
            "/couple/therapist/invite",
            &[("code", code), ("level", level)],
        )
        .await
        .assert_redirect_to("/couple/therapist?done=invited");
}

pub(crate) async fn agree(partner: &Browser, link: &str, level: &str) {
    partner
        .post_form(
            &format!("/couple/therapist/{link}/consent"),
            &[("level", level)],
        )
        .await
        .assert_redirect_to("/couple/therapist?done=consent");
}

/// A couple with an active link to a new therapist.
async fn linked(app: &TestApp, levels: (&str, &str)) -> (Browser, Browser, Browser, String) {
    linked_as(app, ("Theo", "Ana", "Ben"), levels).await
}

/// As [`linked`], with the therapist's and partners' names.
pub(crate) async fn linked_as(
    app: &TestApp,
    (therapist_name, a, b): (&str, &str, &str),
    levels: (&str, &str),
) -> (Browser, Browser, Browser, String) {
    let (t, code) = therapist(app, therapist_name).await;
    let (a, b) = app.couple(a, b).await;
    invite(&a, &code, levels.0).await;
    let link = link_id(&a).await;
    agree(&b, &link, levels.1).await;
    (t, a, b, link)
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
    b.post_form(
        &format!("/couple/therapist/{link}/revoke"),
        &[("confirm", "yes")],
    )
    .await
    .assert_redirect_to("/couple/therapist?done=revoked");
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
    let (c, d) = app.couple("Cal", "Dot").await;
    invite(&c, &other_code, "3").await;
    let their_link = link_id(&c).await;
    agree(&d, &their_link, "3").await;
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
    let t = app.browser();
    t.post_form(
        "/register",
        &[
            ("display_name", "Uma"),
            ("email", "uma@example.org"),
            ("password", PASSWORD),
            ("consent", "yes"),
            ("therapist", "on"),
        ],
    )
    .await;
    t.sign_in("Uma").await.assert_redirect_to("/");
    let dash = t.get("/therapist").await;
    assert!(dash.body.contains("two-step sign-in"));
    let code = dash.texts("code").remove(0);
    let (a, b) = app.couple("Vi", "Wes").await;
    invite(&a, &code, "3").await;
    let link = link_id(&a).await;
    agree(&b, &link, "3").await;
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

pub(crate) fn assignment_id(home: &crate::helpers::Page) -> String {
    home.attr("input[name=assignment]", "value")
        .expect("an exercise on the home page")
}

async fn an_assigned_exercise_is_started_from_home_and_counted(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked(&app, ("1", "1")).await;
    let note = marker("note");
    t.post_form(
        &format!("/therapist/couples/{link}/assignments"),
        &[
            ("prompt_set_id", "mutuality-reflection"),
            ("note", &note),
            ("target_count", "2"),
            ("ends_on", ""),
        ],
    )
    .await
    .assert_redirect_to(&format!("/therapist/couples/{link}"));
    for partner in [&a, &b] {
        let home = partner.get("/").await;
        assert!(home.body.contains(&note) && home.body.contains("0 of 2 done"));
    }
    let home = a.get("/").await;
    let started = a
        .post_form(
            "/checkins",
            &[("assignment", &assignment_id(&home)), ("prompt_set_id", "")],
        )
        .await;
    started.assert_redirect_to("/checkins/");
    let id = started
        .location()
        .trim_start_matches("/checkins/")
        .to_owned();
    assert!(a
        .get(&format!("/checkins/{id}"))
        .await
        .body
        .contains("Mutuality reflection"));
    a.answer(&id, &[]).await;
    b.answer(&id, &[]).await;
    assert!(t
        .get(&format!("/therapist/couples/{link}"))
        .await
        .body
        .contains("1 of 2 done"));
    assert!(b.get("/").await.body.contains("1 of 2 done"));
}

async fn an_assignment_form_with_mistakes_keeps_what_was_typed(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, _a, _b, link) = linked(&app, ("1", "1")).await;
    let page = t
        .post_form(
            &format!("/therapist/couples/{link}/assignments"),
            &[
                ("prompt_set_id", "safe-and-present"),
                ("note", "gently, no rush"),
                ("target_count", ""),
                ("ends_on", ""),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.texts("#note"), vec!["gently, no rush"]);
    assert!(page
        .attr("option[value=safe-and-present][selected]", "value")
        .is_some());
    assert_eq!(page.texts(".field-error").len(), 1);
    let page = t
        .post_form(
            &format!("/therapist/couples/{link}/assignments"),
            &[
                ("prompt_set_id", "safe-and-present"),
                ("target_count", "500"),
                ("ends_on", "soon"),
            ],
        )
        .await;
    assert_eq!(page.texts(".field-error").len(), 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM assignments").await, 0);
}

async fn assignments_stay_within_their_couple_and_their_link(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked(&app, ("1", "1")).await;
    t.post_form(
        &format!("/therapist/couples/{link}/assignments"),
        &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
    )
    .await;
    let assignment = assignment_id(&a.get("/").await);
    // Another therapist cannot assign on this link; another couple cannot use the exercise.
    let (other, _) = therapist(&app, "Otto").await;
    let res = other
        .post_form(
            &format!("/therapist/couples/{link}/assignments"),
            &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let (c, _d) = app.couple("Cal", "Dot").await;
    let res = c
        .post_form(
            "/checkins",
            &[("assignment", &assignment), ("prompt_set_id", "")],
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(!c.get("/").await.body.contains(&assignment));
    // Once revoked, the exercise is gone for the couple too.
    b.post_form(
        &format!("/couple/therapist/{link}/revoke"),
        &[("confirm", "yes")],
    )
    .await;
    assert!(!a.get("/").await.body.contains(&assignment));
    let res = a
        .post_form(
            "/checkins",
            &[("assignment", &assignment), ("prompt_set_id", "")],
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(app.count("SELECT COUNT(*) FROM checkins").await, 0);
}

async fn an_exercises_answers_show_within_consent_only(ctx: TestContext) {
    for level in ["1", "2", "3"] {
        let app = ctx.spawn().await;
        let names = (
            format!("Tx{level}"),
            format!("Ax{level}"),
            format!("Bx{level}"),
        );
        let (t, a, b, link) = linked_as(&app, (&names.0, &names.1, &names.2), (level, level)).await;
        t.post_form(
            &format!("/therapist/couples/{link}/assignments"),
            &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
        )
        .await;
        let started = a
            .post_form(
                "/checkins",
                &[
                    ("assignment", &assignment_id(&a.get("/").await)),
                    ("prompt_set_id", ""),
                ],
            )
            .await;
        let id = started
            .location()
            .trim_start_matches("/checkins/")
            .to_owned();
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
        b.answer(&id, &[("a_after-connected", "2")]).await;
        let page = t.get(&format!("/therapist/couples/{link}")).await;
        let tables = page.texts("details table");
        assert_eq!(
            tables.is_empty(),
            level == "1",
            "level {level}: answers only with consent to scales"
        );
        assert_eq!(page.body.contains("4 of 5"), level != "1", "level {level}");
        assert_eq!(
            page.body.contains(&words),
            level == "3",
            "level {level}: written answers"
        );
        assert!(
            !page.body.contains(&private),
            "level {level}: never a private answer"
        );
    }
}

async fn a_therapists_own_set_reaches_couples_only_through_an_exercise(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked(&app, ("2", "2")).await;
    let question = marker("How close did you feel on the walk");
    t.post_form(
        "/therapist/sets",
        &[
            ("title", "Our walk"),
            ("p1_text", &question),
            ("p1_kind", "scale"),
            ("p1_low", "Far"),
            ("p1_high", "Close"),
            ("p2_text", "Which part?"),
            ("p2_kind", "choice"),
            ("p2_choices", "The start\nThe middle\nThe end"),
        ],
    )
    .await
    .assert_redirect_to("/therapist");
    // Not in the library couples choose from, and not startable directly.
    assert!(!a.get("/checkins/new").await.body.contains("Our walk"));
    let couple_page = t.get(&format!("/therapist/couples/{link}")).await;
    let set_id = couple_page
        .html()
        .select(&scraper::Selector::parse("option").unwrap())
        .find(|o| o.text().collect::<String>() == "Our walk")
        .and_then(|o| o.value().attr("value").map(str::to_owned))
        .expect("the set is offered to its author");
    let direct = a
        .post_form("/checkins", &[("prompt_set_id", &set_id)])
        .await;
    assert_eq!(direct.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Another therapist cannot assign it.
    let (other, other_code) = therapist(&app, "Otto").await;
    let (c, d) = app.couple("Cal", "Dot").await;
    invite(&c, &other_code, "1").await;
    let other_link = link_id(&c).await;
    agree(&d, &other_link, "1").await;
    let res = other
        .post_form(
            &format!("/therapist/couples/{other_link}/assignments"),
            &[("prompt_set_id", &set_id), ("target_count", "1")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Through an exercise, the couple answers it like any set.
    t.post_form(
        &format!("/therapist/couples/{link}/assignments"),
        &[("prompt_set_id", &set_id), ("target_count", "1")],
    )
    .await
    .assert_redirect_to(&format!("/therapist/couples/{link}"));
    let started = a
        .post_form(
            "/checkins",
            &[
                ("assignment", &assignment_id(&a.get("/").await)),
                ("prompt_set_id", ""),
            ],
        )
        .await;
    let id = started
        .location()
        .trim_start_matches("/checkins/")
        .to_owned();
    let page = a.get(&format!("/checkins/{id}")).await;
    assert!(page.texts(".prompt-text").contains(&question));
    assert!(page.body.contains("The middle"));
    let field = page
        .attr("fieldset.scale input[type=radio]", "name")
        .unwrap();
    let choice = page
        .attr("fieldset.choices input[type=radio]", "name")
        .unwrap();
    a.answer(&id, &[(field.as_str(), "5"), (choice.as_str(), "2")])
        .await;
    b.answer(&id, &[(field.as_str(), "3"), (choice.as_str(), "3")])
        .await;
    let seen = t.get(&format!("/therapist/couples/{link}")).await;
    assert!(seen.body.contains("5 of 5") && seen.body.contains("3 of 5"));
    // Their own choice question shows too, within the 1-to-5 level: in the exercise and
    // in the summary's counts.
    let exercise_rows = seen.texts("details.card table tbody tr").join("\n");
    assert!(
        exercise_rows.contains("The middle") && exercise_rows.contains("The end"),
        "{exercise_rows}"
    );
    assert!(seen.body.contains("What each chose"));
}

async fn a_set_with_mistakes_keeps_what_was_typed(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, _) = therapist(&app, "Tam").await;
    let page = t
        .post_form(
            "/therapist/sets",
            &[
                ("title", ""),
                ("p1_text", "How was it?"),
                ("p1_kind", "scale"),
                ("p2_text", "Pick one"),
                ("p2_kind", "choice"),
                ("p2_choices", "Only one"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.texts(".field-error").len(), 3);
    assert_eq!(
        page.attr("#p1_text", "value").as_deref(),
        Some("How was it?")
    );
    assert_eq!(page.texts("#p2_choices"), vec!["Only one"]);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM prompt_sets WHERE owner_id IS NOT NULL")
            .await,
        0
    );
    let partner = app.person("Pat").await;
    assert_eq!(
        partner.get("/therapist/sets/new").await.status,
        StatusCode::NOT_FOUND
    );
    let res = partner
        .post_form("/therapist/sets", &[("title", "x"), ("p1_text", "y")])
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
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
