//! A therapist's own set in couples' hands: it reaches them only through its author's
//! exercises, editing it once answered makes a new version, and retiring it keeps every
//! check-in that used it readable.

use reqwest::StatusCode;

use crate::helpers::therapist::{
    assign, assigned_checkin, couple_linked_to, linked_as, own_set_id, start_exercise, therapist,
    write_set,
};
use crate::helpers::{marker, Browser, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(therapist_sets_in_use:
        a_therapists_own_set_reaches_couples_only_through_an_exercise,
        editing_a_set_couples_answered_makes_a_new_version_and_keeps_their_check_ins,
        a_retired_set_stays_readable_where_it_was_used,
    )
}

/// The name of the scale question's field on a check-in's form.
async fn scale_field(partner: &Browser, checkin: &str) -> String {
    partner
        .get(&format!("/checkins/{checkin}"))
        .await
        .attr("fieldset.scale input[type=radio]", "name")
        .unwrap()
}

async fn a_therapists_own_set_reaches_couples_only_through_an_exercise(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("2", "2")).await;
    let question = marker("How close did you feel on the walk");
    let written = write_set(&t, "Our walk", &question).await;
    // Not in the library couples choose from, and not startable directly.
    assert!(!a.get("/checkins/new").await.body.contains("Our walk"));
    let couple_page = t.get(&format!("/therapist/couples/{link}")).await;
    let set_id = couple_page
        .html()
        .select(&scraper::Selector::parse("option").unwrap())
        .find(|o| o.text().collect::<String>() == "Our walk")
        .and_then(|o| o.value().attr("value").map(str::to_owned))
        .expect("the set is offered to its author");
    assert_eq!(set_id, written);
    let direct = a
        .post_form("/checkins", &[("prompt_set_id", &set_id)])
        .await;
    assert_eq!(direct.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Another therapist cannot assign it.
    let (other, other_code) = therapist(&app, "Otto").await;
    let (_c, _d, other_link) =
        couple_linked_to(&app, &other_code, ("Cal", "Dot"), ("1", "1")).await;
    let res = assign(
        &other,
        &other_link,
        &[("prompt_set_id", &set_id), ("target_count", "1")],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Through an exercise, the couple answers it like any set.
    let id = assigned_checkin(
        &t,
        &link,
        &a,
        &[("prompt_set_id", &set_id), ("target_count", "1")],
    )
    .await;
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

async fn editing_a_set_couples_answered_makes_a_new_version_and_keeps_their_check_ins(
    ctx: TestContext,
) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("2", "2")).await;
    let old_question = marker("How close did you feel");
    let set = write_set(&t, "Our walk", &old_question).await;
    let id = assigned_checkin(
        &t,
        &link,
        &a,
        &[("prompt_set_id", &set), ("target_count", "2")],
    )
    .await;
    let field = scale_field(&a, &id).await;
    a.answer(&id, &[(field.as_str(), "5")]).await;
    b.answer(&id, &[(field.as_str(), "3")]).await;
    // The edit page says what saving will do.
    let edit = t.get(&format!("/therapist/sets/{set}/edit")).await;
    assert!(edit.body.contains("new version"), "{}", edit.body);
    let new_question = marker("How near did you feel");
    t.post_form(
        &format!("/therapist/sets/{set}/edit"),
        &[
            ("title", "Our walk"),
            ("p1_text", &new_question),
            ("p1_kind", "scale"),
            ("p1_low", "Far"),
            ("p1_high", "Near"),
        ],
    )
    .await
    .assert_redirect_to("/therapist/sets?done=new-version");
    let list = t.get("/therapist/sets?done=new-version").await;
    assert!(list.notice().contains("new version"), "{}", list.body);
    let listed = list.texts(".own-sets li");
    assert_eq!(
        listed.iter().filter(|l| l.contains("Our walk")).count(),
        1,
        "one current version: {listed:?}"
    );
    let new_set = own_set_id(&t, "Our walk").await;
    assert_ne!(new_set, set);
    // The check-in they did still shows the question they answered, for both.
    for partner in [&a, &b] {
        let page = partner.get(&format!("/checkins/{id}")).await;
        assert!(page.body.contains(&old_question), "{}", page.body);
        assert!(!page.body.contains(&new_question));
        assert!(page.body.contains("5 of 5") && page.body.contains("3 of 5"));
    }
    let seen = t.get(&format!("/therapist/couples/{link}")).await;
    assert!(seen.body.contains(&old_question) && seen.body.contains("5 of 5"));
    // The exercise goes on with the new version.
    let next = start_exercise(&a).await;
    let page = a.get(&format!("/checkins/{next}")).await;
    assert!(page.texts(".prompt-text").contains(&new_question));
    assert!(!page.body.contains(&old_question));
}

async fn a_retired_set_stays_readable_where_it_was_used(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("2", "2")).await;
    let question = marker("How close did you feel");
    let set = write_set(&t, "Our walk", &question).await;
    let id = assigned_checkin(
        &t,
        &link,
        &a,
        &[("prompt_set_id", &set), ("target_count", "1")],
    )
    .await;
    let field = scale_field(&a, &id).await;
    a.answer(&id, &[(field.as_str(), "4")]).await;
    b.answer(&id, &[(field.as_str(), "2")]).await;
    let confirm = t.get(&format!("/therapist/sets/{set}/retire")).await;
    assert!(
        confirm.body.contains("keep the questions they were asked"),
        "{}",
        confirm.body
    );
    t.post_form(
        &format!("/therapist/sets/{set}/retire"),
        &[("confirm", "yes")],
    )
    .await
    .assert_redirect_to("/therapist/sets?done=retired");
    for partner in [&a, &b] {
        let page = partner.get(&format!("/checkins/{id}")).await;
        page.assert_ok();
        assert!(page.body.contains(&question) && page.body.contains("4 of 5"));
        assert!(partner.get("/checkins").await.body.contains("Our walk"));
    }
    let seen = t.get(&format!("/therapist/couples/{link}")).await;
    assert!(seen.body.contains("4 of 5") && seen.body.contains("2 of 5"));
}
