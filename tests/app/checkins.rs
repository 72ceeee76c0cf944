//! Starting, answering, revealing and setting aside check-ins; the prompt library.

use reqwest::StatusCode;

use crate::helpers::{marker, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(checkins:
        the_library_has_three_sets_and_the_required_questions,
        both_answer_then_both_see_the_answers_side_by_side,
        answers_can_change_until_the_partner_has_answered,
        every_prompt_can_be_skipped,
        invalid_answers_show_the_form_again_with_everything_typed,
        a_moment_date_is_optional_and_checked,
        either_partner_can_set_aside_an_unfinished_checkin,
        a_checkin_needs_a_couple,
        the_checkin_list_shows_an_empty_state_and_statuses,
        feeling_pressured_brings_a_note_of_care_to_that_person_only,
        no_note_of_care_when_the_answers_show_no_pressure,
    )
}

async fn the_library_has_three_sets_and_the_required_questions(ctx: TestContext) {
    let app = ctx.spawn().await;
    assert!(app.count("SELECT COUNT(*) FROM prompt_sets").await >= 3);
    assert!(app.count("SELECT COUNT(*) FROM prompts").await >= 20);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM prompts WHERE source IS NULL OR source = ''")
            .await,
        0,
        "every prompt records where in the material it comes from"
    );
    for kind in ["scale", "choice", "text"] {
        assert!(
            app.count(&format!(
                "SELECT COUNT(*) FROM prompts WHERE kind = '{kind}'"
            ))
            .await
                > 0
        );
    }
    let (a, _b) = app.couple("Ada", "Bo").await;
    let new = a.get("/checkins/new").await;
    let sets = new.texts("input[name=prompt_set_id]");
    assert_eq!(
        sets.len() as i64,
        app.count("SELECT COUNT(*) FROM prompt_sets").await
    );
    for title in [
        "After we were intimate",
        "Mutuality reflection",
        "Safe and present",
    ] {
        assert!(new.body.contains(title), "{title}");
    }
    let id = a.start_checkin("after-intimacy").await;
    let page = a.get(&format!("/checkins/{id}")).await;
    for q in [
        "How was that for you?",
        "What was enjoyable?",
        "What would you like to change in the future?",
    ] {
        assert!(page.texts(".prompt-text").iter().any(|t| t == q), "{q}");
    }
    // Scale prompts offer 1..5 plus a visible way to skip.
    assert_eq!(
        page.html()
            .select(&scraper::Selector::parse("input[name=a_after-connected]").unwrap())
            .count(),
        6
    );
}

async fn both_answer_then_both_see_the_answers_side_by_side(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Cat", "Dan").await;
    let id = a.start_checkin("after-intimacy").await;
    let (ma, mb) = (marker("cat"), marker("dan"));
    a.answer(
        &id,
        &[("a_after-how-was-it", &ma), ("a_after-connected", "4")],
    )
    .await
    .assert_redirect_to(&format!("/checkins/{id}?done=saved"));
    let waiting = b.get(&format!("/checkins/{id}")).await;
    assert!(waiting.body.contains("Waiting for you"));
    assert!(a
        .get(&format!("/checkins/{id}"))
        .await
        .body
        .contains("Waiting for your partner"));
    b.answer(
        &id,
        &[("a_after-how-was-it", &mb), ("a_after-connected", "2")],
    )
    .await
    .assert_redirect_to(&format!("/checkins/{id}?done=revealed"));
    for (viewer, other) in [(&a, "Dan"), (&b, "Cat")] {
        let page = viewer.get(&format!("/checkins/{id}")).await;
        page.assert_ok();
        assert!(page.body.contains(&ma) && page.body.contains(&mb));
        assert!(page
            .texts(".side-by-side .answer h3")
            .iter()
            .any(|h| h == other));
        assert!(page.body.contains("4 of 5") && page.body.contains("2 of 5"));
        assert!(
            page.texts("form[action$='/answers']").is_empty(),
            "no form after the reveal"
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM checkins WHERE revealed_at IS NOT NULL")
            .await,
        1
    );
}

async fn answers_can_change_until_the_partner_has_answered(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Eve", "Fin").await;
    let id = a.start_checkin("after-intimacy").await;
    let (first, second) = (marker("first"), marker("second"));
    a.answer(&id, &[("a_after-enjoyable", &first)]).await;
    let page = a.get(&format!("/checkins/{id}")).await;
    assert_eq!(
        page.texts("#a_after-enjoyable"),
        vec![first.clone()],
        "the form shows the saved answer"
    );
    a.answer(&id, &[("a_after-enjoyable", &second)])
        .await
        .assert_redirect_to(&format!("/checkins/{id}"));
    b.answer(&id, &[("a_after-enjoyable", "lovely")]).await;
    let late = a.answer(&id, &[("a_after-enjoyable", "too late")]).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    let page = b.get(&format!("/checkins/{id}")).await;
    assert!(page.body.contains(&second));
    assert!(!page.body.contains(&first) && !page.body.contains("too late"));
}

async fn every_prompt_can_be_skipped(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Gia", "Hugo").await;
    let id = a.start_checkin("safe-and-present").await;
    a.answer(&id, &[])
        .await
        .assert_redirect_to(&format!("/checkins/{id}"));
    b.answer(&id, &[("a_safe-in-body", "")])
        .await
        .assert_redirect_to(&format!("/checkins/{id}?done=revealed"));
    let page = a.get(&format!("/checkins/{id}")).await;
    assert!(page.texts(".answer p.muted").iter().any(|t| t == "Skipped"));
    assert_eq!(app.count("SELECT COUNT(*) FROM answers").await, 0);
}

async fn invalid_answers_show_the_form_again_with_everything_typed(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, _b) = app.couple("Ida", "Jan").await;
    let id = a.start_checkin("after-intimacy").await;
    let words = marker("kept");
    let too_long = "x".repeat(4001);
    let page = a
        .answer(
            &id,
            &[
                ("a_after-connected", "9"),
                ("a_after-how-was-it", &words),
                ("private_after-how-was-it", "on"),
                ("a_after-change", &too_long),
                ("a_after-pressure-free", "3"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.texts("#a_after-how-was-it"), vec![words]);
    assert_eq!(page.texts("#a_after-change"), vec![too_long]);
    assert!(page
        .attr("input[name=private_after-how-was-it][checked]", "name")
        .is_some());
    assert!(page
        .attr(
            "input[name=a_after-pressure-free][value='3'][checked]",
            "name"
        )
        .is_some());
    let errors = page.texts(".field-error");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("1 to 5")));
    assert!(errors.iter().any(|e| e.contains("4000")));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM answers").await,
        0,
        "nothing half-saved"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM checkin_submissions").await,
        0
    );
}

async fn a_moment_date_is_optional_and_checked(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, _b) = app.couple("Kim", "Lia").await;
    let page = a
        .post_form(
            "/checkins",
            &[("prompt_set_id", "after-intimacy"), ("moment_on", "soon")],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.attr("#moment_on", "value").as_deref(), Some("soon"));
    assert_eq!(page.texts(".field-error").len(), 1);
    let page = a
        .post_form(
            "/checkins",
            &[
                ("prompt_set_id", "after-intimacy"),
                ("moment_on", "2026-01-05"),
            ],
        )
        .await;
    page.assert_redirect_to("/checkins/");
    assert!(a.get(page.location()).await.body.contains("5 Jan 2026"));
    let page = a
        .post_form("/checkins", &[("prompt_set_id", "no-such-set")])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("SELECT COUNT(*) FROM checkins").await, 1);
}

async fn either_partner_can_set_aside_an_unfinished_checkin(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Mia", "Ned").await;
    let id = a.start_checkin("after-intimacy").await;
    let secret = marker("set-aside");
    a.answer(&id, &[("a_after-enjoyable", &secret)]).await;
    b.post_form(&format!("/checkins/{id}/dismiss"), &[])
        .await
        .assert_redirect_to("/checkins");
    let page = b.get(&format!("/checkins/{id}")).await;
    assert!(page.body.contains("Set aside"));
    assert!(
        !page.body.contains(&secret),
        "setting aside reveals nothing"
    );
    let again = b.answer(&id, &[("a_after-enjoyable", "now?")]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let twice = a.post_form(&format!("/checkins/{id}/dismiss"), &[]).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
}

async fn a_checkin_needs_a_couple(ctx: TestContext) {
    let app = ctx.spawn().await;
    let solo = app.person("Oli").await;
    solo.get("/checkins/new")
        .await
        .assert_redirect_to("/couple");
    let page = solo
        .post_form("/checkins", &[("prompt_set_id", "after-intimacy")])
        .await;
    assert_eq!(page.status, StatusCode::CONFLICT);
    assert_eq!(app.count("SELECT COUNT(*) FROM checkins").await, 0);
}

async fn the_checkin_list_shows_an_empty_state_and_statuses(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Pam", "Rex").await;
    let empty = a.get("/checkins").await;
    assert!(empty.texts(".empty")[0].contains("No check-ins yet"));
    let id = a.start_checkin("mutuality-reflection").await;
    let list = b.get("/checkins").await;
    assert_eq!(list.texts(".checkin-list li").len(), 1);
    assert!(list.body.contains(&format!("/checkins/{id}")));
    assert!(b.get("/").await.body.contains("Waiting for you"));
}

const CARE: &str = "A note just for you";

async fn feeling_pressured_brings_a_note_of_care_to_that_person_only(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) =
        crate::helpers::therapist::linked_as(&app, ("Tess", "Ana", "Ben"), ("3", "3")).await;
    let id = b.start_checkin("after-intimacy").await;
    let form = a.get(&format!("/checkins/{id}")).await;
    assert!(
        form.body.contains("1: I felt pressured"),
        "the lowest point of the pressure scale says it plainly"
    );
    a.answer(
        &id,
        &[
            ("a_after-pressure-free", "1"),
            (
                "a_after-change",
                "I went along with it more than I wanted to",
            ),
        ],
    )
    .await;
    // Before the reveal: only Ana sees it, on her own page.
    let mine = a.get(&format!("/checkins/{id}")).await;
    assert!(mine.body.contains(CARE), "{}", mine.body);
    assert!(mine.body.contains("pause or say no"));
    assert!(mine.body.contains("Keep this one private"));
    assert!(
        mine.body.contains("bring this to your therapist"),
        "a linked therapist is mentioned"
    );
    assert!(!b.get(&format!("/checkins/{id}")).await.body.contains(CARE));
    b.answer(&id, &[("a_after-pressure-free", "5")]).await;
    // After it: Ana's check-in and summary carry it; Ben's, the therapist's and every
    // export do not.
    assert!(a.get(&format!("/checkins/{id}")).await.body.contains(CARE));
    assert!(a.get("/summary").await.body.contains(CARE));
    for page in [
        format!("/checkins/{id}"),
        "/summary".to_owned(),
        "/".to_owned(),
        "/account/export.json".to_owned(),
        "/account/export".to_owned(),
    ] {
        let seen = b.get(&page).await;
        seen.assert_ok();
        assert!(!seen.body.contains(CARE), "Ben's {page}");
        assert!(!seen.body.contains("pause or say no"), "Ben's {page}");
    }
    let therapist_view = t.get(&format!("/therapist/couples/{link}")).await;
    therapist_view.assert_ok();
    assert!(!therapist_view.body.contains(CARE));
}

async fn no_note_of_care_when_the_answers_show_no_pressure(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Cleo", "Dev").await;
    let id = a.start_checkin("after-intimacy").await;
    a.answer(
        &id,
        &[
            ("a_after-pressure-free", "4"),
            ("a_after-change", "More slow mornings, please"),
        ],
    )
    .await;
    b.answer(&id, &[("a_after-pressure-free", "3")]).await;
    for who in [&a, &b] {
        assert!(!who
            .get(&format!("/checkins/{id}"))
            .await
            .body
            .contains(CARE));
        assert!(!who.get("/summary").await.body.contains(CARE));
    }
    // Feeling a little unsettled afterwards is enough, for the one who said so.
    let next = b.start_checkin("after-intimacy-more").await;
    b.answer(&next, &[("a_after-feeling-now", "4")]).await;
    assert!(b
        .get(&format!("/checkins/{next}"))
        .await
        .body
        .contains(CARE));
    assert!(!a
        .get(&format!("/checkins/{next}"))
        .await
        .body
        .contains(CARE));
}
