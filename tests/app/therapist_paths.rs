//! Ids in the therapist pages' paths: a link or an exercise is found by its id in any
//! spelling a UUID has, and anything that is not an id is simply not found.

use reqwest::StatusCode;

use crate::helpers::therapist::{assignment_id, linked_as};
use crate::helpers::TestContext;

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(therapist_paths:
        ids_that_are_not_ids_are_not_found_on_therapist_pages,
        a_link_id_is_read_in_any_spelling_of_a_uuid,
    )
}

async fn ids_that_are_not_ids_are_not_found_on_therapist_pages(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, _b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("3", "3")).await;
    let assigned = t
        .post_form(
            &format!("/therapist/couples/{link}/assignments"),
            &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
        )
        .await;
    assigned.assert_redirect_to(&format!("/therapist/couples/{link}?done=assigned"));
    let exercise = assignment_id(&a.get("/").await);
    let bad = ["not-an-id", "%FF%FE", "00000000-0000-0000-0000-00000000000"];
    for id in bad {
        for path in [
            format!("/therapist/couples/{id}"),
            format!("/therapist/couples/{link}/assignments/{id}/edit"),
            format!("/therapist/couples/{link}/assignments/{id}/cancel"),
            format!("/therapist/couples/{id}/assignments/{exercise}/edit"),
            format!("/therapist/couples/{id}/assignments/{exercise}/cancel"),
        ] {
            assert_eq!(t.get(&path).await.status, StatusCode::NOT_FOUND, "{path}");
        }
        for (path, fields) in [
            (
                format!("/therapist/couples/{id}/assignments"),
                &[("prompt_set_id", "after-intimacy"), ("target_count", "1")][..],
            ),
            (
                format!("/therapist/couples/{link}/assignments/{id}/edit"),
                &[("prompt_set_id", "after-intimacy"), ("target_count", "2")][..],
            ),
            (
                format!("/therapist/couples/{link}/assignments/{id}/cancel"),
                &[("confirm", "yes")][..],
            ),
        ] {
            let page = t.post_form(&path, fields).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        }
        assert_eq!(
            a.get(&format!("/couple/therapist/{id}/revoke"))
                .await
                .status,
            StatusCode::NOT_FOUND,
            "{id}"
        );
        for (action, fields) in [
            ("consent", &[("level", "1")][..]),
            ("revoke", &[][..]),
            ("revoke", &[("confirm", "yes")][..]),
        ] {
            let path = format!("/couple/therapist/{id}/{action}");
            let page = a.post_form(&path, fields).await;
            assert_eq!(page.status, StatusCode::NOT_FOUND, "{path} {fields:?}");
        }
        // A set read from a couple's page with a `couple` that is no link goes back to the
        // therapist's sets.
        let page = t
            .get(&format!("/therapist/sets/after-intimacy?couple={id}"))
            .await;
        page.assert_ok();
        assert_eq!(
            page.attr("a.back", "href").as_deref(),
            Some("/therapist/sets")
        );
    }
    // Nothing changed: the link is active, the exercise not cancelled.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM assignments WHERE cancelled_at IS NULL")
            .await,
        1
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM assignments").await, 1);
    t.get(&format!("/therapist/couples/{link}"))
        .await
        .assert_ok();
}

async fn a_link_id_is_read_in_any_spelling_of_a_uuid(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, _b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("3", "3")).await;
    let simple = link.replace('-', "");
    for spelling in [
        link.to_uppercase(),
        simple.clone(),
        format!("%7B{link}%7D"),
        format!("urn:uuid:{link}"),
    ] {
        t.get(&format!("/therapist/couples/{spelling}"))
            .await
            .assert_ok();
        a.get(&format!("/couple/therapist/{spelling}/revoke"))
            .await
            .assert_ok();
        // Redirects name the link in its usual spelling.
        let res = t
            .post_form(
                &format!("/therapist/couples/{spelling}/assignments"),
                &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
            )
            .await;
        res.assert_redirect_to(&format!("/therapist/couples/{link}?done=assigned"));
        let page = t
            .get(&format!("/therapist/sets/after-intimacy?couple={spelling}"))
            .await;
        assert_eq!(
            page.attr("a.back", "href").as_deref(),
            Some(format!("/therapist/couples/{link}").as_str())
        );
    }
    let exercise = assignment_id(&a.get("/").await);
    let exercise_simple = exercise.replace('-', "");
    let res = t
        .post_form(
            &format!("/therapist/couples/{simple}/assignments/{exercise_simple}/cancel"),
            &[],
        )
        .await;
    res.assert_redirect_to(&format!(
        "/therapist/couples/{link}/assignments/{exercise}/cancel"
    ));
}
