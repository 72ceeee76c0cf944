//! A therapist's own question sets: writing one, reading a set before assigning it,
//! listing, editing and retiring them, mistakes kept as typed, and pages nobody else
//! may reach.

use reqwest::StatusCode;

use crate::helpers::therapist::{assign, linked_as, own_set_id, therapist, write_set};
use crate::helpers::{marker, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(therapist_sets:
        a_set_can_be_read_before_it_is_assigned,
        a_therapist_lists_edits_and_retires_their_own_sets,
        an_edit_with_mistakes_keeps_what_was_typed,
        a_set_with_mistakes_keeps_what_was_typed,
        set_pages_are_the_therapists_own,
    )
}

async fn a_set_can_be_read_before_it_is_assigned(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, _a, _b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("1", "1")).await;
    let question = marker("How close did you feel");
    let set = write_set(&t, "Our walk", &question).await;
    // The assignment form links to every set it offers, to be read first.
    let couple = t.get(&format!("/therapist/couples/{link}")).await;
    let previews: Vec<String> = couple
        .html()
        .select(&scraper::Selector::parse("a.preview").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert!(
        previews
            .iter()
            .any(|h| h.starts_with(&format!("/therapist/sets/{set}"))),
        "{previews:?}"
    );
    assert!(previews
        .iter()
        .any(|h| h.starts_with("/therapist/sets/after-intimacy")));
    // Their own set: each question with what the couple will answer with.
    let page = t.get(&format!("/therapist/sets/{set}")).await;
    page.assert_ok();
    assert_eq!(page.texts("h1"), vec!["Our walk"]);
    assert!(page.texts(".prompt-text").contains(&question));
    assert!(page.body.contains("Far") && page.body.contains("Close"));
    assert!(page
        .texts(".preview-choices li")
        .contains(&"The middle".to_owned()));
    assert!(
        page.html()
            .select(&scraper::Selector::parse("form input:not([type=hidden])").unwrap())
            .next()
            .is_none(),
        "read-only: nothing to answer"
    );
    // A library set too, with a way back to the couple.
    let page = t
        .get(&format!("/therapist/sets/after-intimacy?couple={link}"))
        .await;
    page.assert_ok();
    assert!(page.texts(".prompt-text").len() >= 3, "{}", page.body);
    assert_eq!(
        page.attr("a.back", "href").as_deref(),
        Some(format!("/therapist/couples/{link}").as_str())
    );
    // Reading changes nothing and is not a look at the couple.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM therapist_access_log").await,
        1
    );
    assert_eq!(
        t.get("/therapist/sets/no-such-set").await.status,
        StatusCode::NOT_FOUND
    );
}

async fn a_therapist_lists_edits_and_retires_their_own_sets(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, _a, _b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("1", "1")).await;
    let first = marker("First question");
    let set = write_set(&t, "Our walk", &first).await;
    let list = t.get("/therapist/sets?done=created").await;
    assert!(list.notice().contains("saved"), "{}", list.body);
    assert!(list
        .texts(".own-sets li")
        .iter()
        .any(|l| l.contains("Our walk")));
    // Never used: edited where it stands.
    let edit = t.get(&format!("/therapist/sets/{set}/edit")).await;
    edit.assert_ok();
    assert_eq!(edit.attr("#title", "value").as_deref(), Some("Our walk"));
    assert_eq!(
        edit.attr("#p1_text", "value").as_deref(),
        Some(first.as_str())
    );
    assert_eq!(
        edit.texts("#p2_choices"),
        vec!["The start\nThe middle\nThe end"]
    );
    let second = marker("Second question");
    t.post_form(
        &format!("/therapist/sets/{set}/edit"),
        &[
            ("title", "Our long walk"),
            ("p1_text", &second),
            ("p1_kind", "text"),
        ],
    )
    .await
    .assert_redirect_to("/therapist/sets?done=edited");
    let list = t.get("/therapist/sets?done=edited").await;
    assert!(list.notice().contains("saved"), "{}", list.body);
    assert_eq!(own_set_id(&t, "Our long walk").await, set, "same set");
    let page = t.get(&format!("/therapist/sets/{set}")).await;
    assert_eq!(page.texts(".prompt-text"), vec![second.clone()]);
    // Retiring asks first.
    let confirm = t.get(&format!("/therapist/sets/{set}/retire")).await;
    confirm.assert_ok();
    assert!(confirm.body.contains("Our long walk"));
    t.post_form(&format!("/therapist/sets/{set}/retire"), &[])
        .await
        .assert_redirect_to(&format!("/therapist/sets/{set}/retire"));
    assert!(t
        .get("/therapist/sets")
        .await
        .texts(".own-sets li")
        .iter()
        .any(|l| l.contains("Our long walk")));
    t.post_form(
        &format!("/therapist/sets/{set}/retire"),
        &[("confirm", "yes")],
    )
    .await
    .assert_redirect_to("/therapist/sets?done=retired");
    let list = t.get("/therapist/sets?done=retired").await;
    assert!(list.notice().contains("retired"), "{}", list.body);
    assert!(!list
        .texts(".own-sets li")
        .iter()
        .any(|l| l.contains("Our long walk")));
    // No longer offered, and no longer assignable.
    let couple = t.get(&format!("/therapist/couples/{link}")).await;
    assert!(!couple.body.contains("Our long walk"));
    let res = assign(&t, &link, &[("prompt_set_id", &set), ("target_count", "1")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Its author can still read it, but not change it.
    t.get(&format!("/therapist/sets/{set}")).await.assert_ok();
    assert_eq!(
        t.get(&format!("/therapist/sets/{set}/edit")).await.status,
        StatusCode::NOT_FOUND
    );
    // Every other action says it was done, too.
    let assigned = assign(
        &t,
        &link,
        &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
    )
    .await;
    assigned.assert_redirect_to(&format!("/therapist/couples/{link}?done=assigned"));
    let page = t.get(assigned.location()).await;
    assert!(page.notice().contains("assigned"), "{}", page.body);
    let renewed = t.post_form("/therapist/code", &[]).await;
    renewed.assert_redirect_to("/therapist?done=code");
    assert!(t
        .get(renewed.location())
        .await
        .notice()
        .contains("new code"));
}

async fn an_edit_with_mistakes_keeps_what_was_typed(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, _) = therapist(&app, "Tam").await;
    let question = marker("Kept");
    let set = write_set(&t, "Our walk", &question).await;
    let page = t
        .post_form(
            &format!("/therapist/sets/{set}/edit"),
            &[
                ("title", ""),
                ("p1_text", "How was it now?"),
                ("p1_kind", "choice"),
                ("p1_choices", "Only one"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.texts(".field-error").len(), 2);
    assert_eq!(
        page.attr("#p1_text", "value").as_deref(),
        Some("How was it now?")
    );
    assert_eq!(page.texts("#p1_choices"), vec!["Only one"]);
    assert_eq!(
        page.attr("form[method=post]:not(.inline)", "action")
            .as_deref(),
        Some(format!("/therapist/sets/{set}/edit").as_str())
    );
    // Nothing changed.
    let preview = t.get(&format!("/therapist/sets/{set}")).await;
    assert!(preview.texts(".prompt-text").contains(&question));
    // A field the form does not have is refused like on the new-set form.
    let odd = t
        .post_form(
            &format!("/therapist/sets/{set}/edit"),
            &[("title", "x"), ("p1_text", "y"), ("p9_text", "z")],
        )
        .await;
    assert_eq!(odd.status, StatusCode::UNPROCESSABLE_ENTITY);
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

/// Paths of a set's pages and what a GET and a POST of each must give someone else.
fn set_paths(set: &str) -> Vec<(&'static str, String)> {
    vec![
        ("GET", format!("/therapist/sets/{set}")),
        ("GET", format!("/therapist/sets/{set}/edit")),
        ("POST", format!("/therapist/sets/{set}/edit")),
        ("GET", format!("/therapist/sets/{set}/retire")),
        ("POST", format!("/therapist/sets/{set}/retire")),
    ]
}

async fn set_pages_are_the_therapists_own(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, _b, _link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("3", "3")).await;
    let secret = marker("Only Theo question");
    let set = write_set(&t, "Walk with Theo", &secret).await;
    let (other, _) = therapist(&app, "Otto").await;
    let visitor = app.browser();
    for (method, path) in set_paths(&set) {
        let fields: &[(&str, &str)] = if path.ends_with("/retire") {
            &[("confirm", "yes")]
        } else {
            &[("title", "Taken over"), ("p1_text", "Taken over?")]
        };
        for (who, name) in [(&a, "a partner"), (&other, "another therapist")] {
            let page = who.send(method, &path, fields).await;
            assert_eq!(
                page.status,
                StatusCode::NOT_FOUND,
                "{name}: {method} {path}"
            );
            assert!(!page.body.contains(&secret), "{name}: {method} {path}");
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
        assert!(!page.body.contains(&secret));
    }
    // The lists never show it to anyone else, and a partner has no such pages.
    for page in [
        other.get("/therapist/sets").await,
        other.get("/therapist/sets/new").await,
    ] {
        page.assert_ok();
        assert!(!page.body.contains("Walk with Theo"));
    }
    assert_eq!(a.get("/therapist/sets").await.status, StatusCode::NOT_FOUND);
    visitor
        .get("/therapist/sets")
        .await
        .assert_redirect_to("/login");
    // Nothing was changed by any of it.
    let page = t.get(&format!("/therapist/sets/{set}")).await;
    assert!(page.texts(".prompt-text").contains(&secret));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM prompt_sets WHERE retired_at IS NOT NULL")
            .await,
        0
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM prompt_sets WHERE title = 'Taken over'")
            .await,
        0
    );
}
