//! Exercises a therapist gives a couple: assigning one, starting it from home, what its
//! answers show within consent, changing and cancelling it, and who may do any of that.

use reqwest::StatusCode;

use crate::helpers::therapist::{
    assign, assigned_checkin, assigned_exercise, assignment_id, couple_linked_to, linked_as,
    revoke, start_exercise, start_from, therapist,
};
use crate::helpers::{marker, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(therapist_exercises:
        an_assigned_exercise_is_started_from_home_and_counted,
        an_assignment_form_with_mistakes_keeps_what_was_typed,
        assignments_stay_within_their_couple_and_their_link,
        an_exercises_answers_show_within_consent_only,
        a_therapist_changes_an_exercise_and_the_couple_sees_the_change,
        cancelling_an_exercise_asks_first_and_the_couple_no_longer_sees_it,
        exercise_pages_are_the_therapists_own,
    )
}

async fn an_assigned_exercise_is_started_from_home_and_counted(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("1", "1")).await;
    let note = marker("note");
    assign(
        &t,
        &link,
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
    let id = start_exercise(&a).await;
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
    let (t, _a, _b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("1", "1")).await;
    let page = assign(
        &t,
        &link,
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
    let page = assign(
        &t,
        &link,
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
    let (t, a, b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("1", "1")).await;
    let assignment = assigned_exercise(
        &t,
        &link,
        &a,
        &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
    )
    .await;
    // Another therapist cannot assign on this link; another couple cannot use the exercise.
    let (other, _) = therapist(&app, "Otto").await;
    let res = assign(
        &other,
        &link,
        &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let (c, _d) = app.couple("Cal", "Dot").await;
    let res = start_from(&c, &assignment).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(!c.get("/").await.body.contains(&assignment));
    // Once revoked, the exercise is gone for the couple too.
    revoke(&b, &link).await;
    assert!(!a.get("/").await.body.contains(&assignment));
    let res = start_from(&a, &assignment).await;
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
        let id = assigned_checkin(
            &t,
            &link,
            &a,
            &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
        )
        .await;
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

async fn a_therapist_changes_an_exercise_and_the_couple_sees_the_change(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("1", "1")).await;
    let note = marker("first note");
    let exercise = assigned_exercise(
        &t,
        &link,
        &a,
        &[
            ("prompt_set_id", "mutuality-reflection"),
            ("note", &note),
            ("target_count", "2"),
        ],
    )
    .await;
    let couple = t.get(&format!("/therapist/couples/{link}")).await;
    let edit_path = format!("/therapist/couples/{link}/assignments/{exercise}/edit");
    assert!(
        couple
            .attr(&format!("a[href='{edit_path}']"), "href")
            .is_some(),
        "{}",
        couple.body
    );
    let edit = t.get(&edit_path).await;
    edit.assert_ok();
    assert_eq!(edit.texts("#note"), vec![note.clone()]);
    assert_eq!(edit.attr("#target_count", "value").as_deref(), Some("2"));
    assert!(edit
        .attr("option[value=mutuality-reflection][selected]", "value")
        .is_some());
    // Mistakes keep what was typed and change nothing.
    let changed_note = marker("second note");
    let wrong = t
        .post_form(
            &edit_path,
            &[
                ("prompt_set_id", "after-intimacy"),
                ("note", &changed_note),
                ("target_count", "500"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.texts("#note"), vec![changed_note.clone()]);
    assert_eq!(wrong.texts(".field-error").len(), 1);
    assert!(a.get("/").await.body.contains(&note));
    t.post_form(
        &edit_path,
        &[
            ("prompt_set_id", "after-intimacy"),
            ("note", &changed_note),
            ("target_count", "3"),
        ],
    )
    .await
    .assert_redirect_to(&format!("/therapist/couples/{link}?done=exercise-saved"));
    let page = t
        .get(&format!("/therapist/couples/{link}?done=exercise-saved"))
        .await;
    assert!(page.notice().contains("saved"), "{}", page.body);
    for partner in [&a, &b] {
        let home = partner.get("/").await;
        assert!(home.body.contains(&changed_note) && !home.body.contains(&note));
        assert!(home.body.contains("0 of 3 done"));
        assert_eq!(assignment_id(&home), exercise, "the same exercise");
    }
    let id = start_exercise(&a).await;
    assert!(a
        .get(&format!("/checkins/{id}"))
        .await
        .body
        .contains("After we were intimate"));
}

async fn cancelling_an_exercise_asks_first_and_the_couple_no_longer_sees_it(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("2", "2")).await;
    let exercise = assigned_exercise(
        &t,
        &link,
        &a,
        &[("prompt_set_id", "after-intimacy"), ("target_count", "3")],
    )
    .await;
    // One check-in done through it before it is cancelled.
    let done = start_exercise(&a).await;
    a.answer(&done, &[("a_after-connected", "4")]).await;
    b.answer(&done, &[("a_after-connected", "2")]).await;
    let cancel_path = format!("/therapist/couples/{link}/assignments/{exercise}/cancel");
    let confirm = t.get(&cancel_path).await;
    confirm.assert_ok();
    assert!(
        confirm.body.contains("After we were intimate"),
        "{}",
        confirm.body
    );
    // Without the confirmation, nothing happens.
    t.post_form(&cancel_path, &[])
        .await
        .assert_redirect_to(&cancel_path);
    assert!(a.get("/").await.body.contains(&exercise));
    t.post_form(&cancel_path, &[("confirm", "yes")])
        .await
        .assert_redirect_to(&format!("/therapist/couples/{link}?done=cancelled"));
    let page = t
        .get(&format!("/therapist/couples/{link}?done=cancelled"))
        .await;
    assert!(page.notice().contains("cancelled"), "{}", page.body);
    assert!(page
        .texts(".checkin-list li")
        .iter()
        .any(|l| l.contains("Cancelled")));
    // Its answers stay readable for the therapist, within consent.
    assert!(page.body.contains("4 of 5"));
    for partner in [&a, &b] {
        let home = partner.get("/").await;
        assert!(!home.body.contains(&exercise), "{}", home.body);
        assert!(!home.body.contains("From your therapist"));
        // The check-in they did is theirs as before.
        partner.get(&format!("/checkins/{done}")).await.assert_ok();
    }
    let res = start_from(&a, &exercise).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    // A cancelled exercise cannot be changed or cancelled again.
    assert_eq!(
        t.get(&format!(
            "/therapist/couples/{link}/assignments/{exercise}/edit"
        ))
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.post_form(&cancel_path, &[("confirm", "yes")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

async fn exercise_pages_are_the_therapists_own(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, _b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("3", "3")).await;
    let note = marker("Theo note");
    let exercise = assigned_exercise(
        &t,
        &link,
        &a,
        &[
            ("prompt_set_id", "after-intimacy"),
            ("note", &note),
            ("target_count", "1"),
        ],
    )
    .await;
    // Another therapist, with a couple and an exercise of their own.
    let (other, other_code) = therapist(&app, "Otto").await;
    let (_c, _d, other_link) =
        couple_linked_to(&app, &other_code, ("Cal", "Dot"), ("3", "3")).await;
    assign(
        &other,
        &other_link,
        &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
    )
    .await;
    let visitor = app.browser();
    // Theo's exercise, on Theo's link and on Otto's.
    for l in [&link, &other_link] {
        for action in ["edit", "cancel"] {
            let fields: &[(&str, &str)] = if action == "cancel" {
                &[("confirm", "yes")]
            } else {
                &[
                    ("prompt_set_id", "mutuality-reflection"),
                    ("note", "changed"),
                    ("target_count", "5"),
                ]
            };
            let path = format!("/therapist/couples/{l}/assignments/{exercise}/{action}");
            for method in ["GET", "POST"] {
                for (who, name) in [(&a, "a partner"), (&other, "another therapist")] {
                    let page = who.send(method, &path, fields).await;
                    assert_eq!(
                        page.status,
                        StatusCode::NOT_FOUND,
                        "{name}: {method} {path}"
                    );
                    assert!(!page.body.contains(&note), "{name}: {method} {path}");
                }
                let page = match method {
                    "GET" => visitor.get(&path).await,
                    _ => visitor.post_raw(&path, "").await,
                };
                assert!(
                    page.status.is_redirection() || page.status == StatusCode::FORBIDDEN,
                    "a visitor: {method} {path} -> {}",
                    page.status
                );
            }
        }
    }
    // Theo cannot reach it through a link that is not its own either.
    let path = format!("/therapist/couples/{other_link}/assignments/{exercise}/edit");
    assert_eq!(t.get(&path).await.status, StatusCode::NOT_FOUND);
    // Once the couple stops sharing, Theo cannot change it any more.
    let home = a.get("/").await;
    assert!(home.body.contains(&note), "nothing changed");
    assert!(home.body.contains("0 of 1 done"), "{}", home.body);
    revoke(&a, &link).await;
    let path = format!("/therapist/couples/{link}/assignments/{exercise}/edit");
    assert_eq!(t.get(&path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM assignments WHERE cancelled_at IS NOT NULL")
            .await,
        0
    );
}
