//! A therapist's own place: landing on the dashboard, their menu, reading a set before
//! assigning it, their sets (list, edit, retire), changing and cancelling exercises,
//! notices after each, and the operator's choice of who may be a therapist.

use mutual::config::TherapistSignup;
use mutual::domain::operator::{self, OperatorError};
use mutual::domain::two_factor::code_at;
use reqwest::StatusCode;
use time::Duration;

use crate::backup::run_binary;
use crate::helpers::{marker, Browser, Page, TestApp, TestContext, PASSWORD};
use crate::therapists::{agree, assignment_id, invite, link_id, linked_as, therapist};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(therapist_tools:
        a_therapist_lands_on_their_dashboard_with_a_menu_of_their_own,
        a_set_can_be_read_before_it_is_assigned,
        a_therapist_lists_edits_and_retires_their_own_sets,
        editing_a_set_couples_answered_makes_a_new_version_and_keeps_their_check_ins,
        a_retired_set_stays_readable_where_it_was_used,
        an_edit_with_mistakes_keeps_what_was_typed,
        a_therapist_changes_an_exercise_and_the_couple_sees_the_change,
        cancelling_an_exercise_asks_first_and_the_couple_no_longer_sees_it,
        set_pages_are_the_therapists_own,
        exercise_pages_are_the_therapists_own,
        with_approval_a_new_therapist_waits_and_cannot_be_invited,
        approve_therapist_refuses_what_it_cannot_do,
        an_unapproved_therapist_sees_no_couple,
    )
}

fn nav(page: &Page) -> Vec<String> {
    page.texts("header nav a")
}

/// The therapist's set titled `title`, from their sets page: its id.
async fn own_set_id(t: &Browser, title: &str) -> String {
    let page = t.get("/therapist/sets").await;
    page.assert_ok();
    let html = page.html();
    let sel = scraper::Selector::parse(".own-sets a.set-title").unwrap();
    let link = html
        .select(&sel)
        .find(|a| a.text().collect::<String>().trim() == title)
        .unwrap_or_else(|| panic!("{title} is listed: {}", page.body));
    link.value()
        .attr("href")
        .unwrap()
        .trim_start_matches("/therapist/sets/")
        .to_owned()
}

async fn write_set(t: &Browser, title: &str, question: &str) -> String {
    t.post_form(
        "/therapist/sets",
        &[
            ("title", title),
            ("p1_text", question),
            ("p1_kind", "scale"),
            ("p1_low", "Far"),
            ("p1_high", "Close"),
            ("p2_text", "Which part?"),
            ("p2_kind", "choice"),
            ("p2_choices", "The start\nThe middle\nThe end"),
        ],
    )
    .await
    .assert_redirect_to("/therapist/sets?done=created");
    own_set_id(t, title).await
}

fn notice(page: &Page) -> String {
    page.texts("p.notice[role=status]").join(" ")
}

/// Starts a check-in from the couple's one open exercise; returns its id.
async fn start_exercise(partner: &Browser) -> String {
    let home = partner.get("/").await;
    let started = partner
        .post_form(
            "/checkins",
            &[("assignment", &assignment_id(&home)), ("prompt_set_id", "")],
        )
        .await;
    started.assert_redirect_to("/checkins/");
    started
        .location()
        .trim_start_matches("/checkins/")
        .to_owned()
}

async fn a_therapist_lands_on_their_dashboard_with_a_menu_of_their_own(ctx: TestContext) {
    let app = ctx.spawn().await;
    let t = app.browser();
    t.post_form(
        "/register",
        &[
            ("display_name", "Theo"),
            ("email", "theo@example.org"),
            ("password", PASSWORD),
            ("consent", "yes"),
            ("therapist", "on"),
        ],
    )
    .await
    .assert_redirect_to("/login?registered=1");
    t.sign_in("Theo").await.assert_redirect_to("/therapist");
    let dash = t.get("/therapist").await;
    let menu = nav(&dash);
    for item in ["Your couples", "Question sets", "Account"] {
        assert!(menu.iter().any(|m| m == item), "{item} in {menu:?}");
    }
    for item in ["Check-ins", "Couple", "Together"] {
        assert!(!menu.iter().any(|m| m == item), "no {item} in {menu:?}");
    }
    // The brand link leads a therapist (in no couple of their own) to their dashboard.
    t.get("/").await.assert_redirect_to("/therapist");
    // After the two-step code, too.
    let page = t.post_form("/account/two-factor/start", &[]).await;
    let secret = page.texts("samp.key").remove(0);
    let now = || app.clock.now().unix_timestamp() as u64;
    t.post_form(
        "/account/two-factor/confirm",
        &[("code", &code_at(&secret, now()).unwrap())],
    )
    .await
    .assert_ok();
    app.clock.advance(Duration::seconds(30));
    t.sign_out().await;
    t.sign_in("Theo").await.assert_redirect_to("/login/code");
    t.post_form(
        "/login/code",
        &[("code", &code_at(&secret, now()).unwrap())],
    )
    .await
    .assert_redirect_to("/therapist");
    // A place asked for is still honoured.
    app.clock.advance(Duration::seconds(30));
    t.sign_out().await;
    t.post_form(
        "/login",
        &[
            ("email", "theo@example.org"),
            ("password", PASSWORD),
            ("next", "/account"),
        ],
    )
    .await;
    t.post_form(
        "/login/code",
        &[
            ("code", &code_at(&secret, now()).unwrap()),
            ("next", "/account"),
        ],
    )
    .await
    .assert_redirect_to("/account");
    // Partners keep their own landing and menu.
    let a = app.person("Ana").await;
    a.sign_out().await;
    let landed = a.sign_in("Ana").await;
    assert_eq!(landed.location(), "/");
    let menu = nav(&a.get("/").await);
    assert!(menu.iter().any(|m| m == "Check-ins"), "{menu:?}");
    assert!(!menu.iter().any(|m| m == "Question sets"), "{menu:?}");
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
    assert!(notice(&list).contains("saved"), "{}", list.body);
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
    assert!(notice(&list).contains("saved"), "{}", list.body);
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
    assert!(notice(&list).contains("retired"), "{}", list.body);
    assert!(!list
        .texts(".own-sets li")
        .iter()
        .any(|l| l.contains("Our long walk")));
    // No longer offered, and no longer assignable.
    let couple = t.get(&format!("/therapist/couples/{link}")).await;
    assert!(!couple.body.contains("Our long walk"));
    let res = t
        .post_form(
            &format!("/therapist/couples/{link}/assignments"),
            &[("prompt_set_id", &set), ("target_count", "1")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Its author can still read it, but not change it.
    t.get(&format!("/therapist/sets/{set}")).await.assert_ok();
    assert_eq!(
        t.get(&format!("/therapist/sets/{set}/edit")).await.status,
        StatusCode::NOT_FOUND
    );
    // Every other action says it was done, too.
    let assigned = t
        .post_form(
            &format!("/therapist/couples/{link}/assignments"),
            &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
        )
        .await;
    assigned.assert_redirect_to(&format!("/therapist/couples/{link}?done=assigned"));
    let page = t.get(assigned.location()).await;
    assert!(notice(&page).contains("assigned"), "{}", page.body);
    let renewed = t.post_form("/therapist/code", &[]).await;
    renewed.assert_redirect_to("/therapist?done=code");
    assert!(notice(&t.get(renewed.location()).await).contains("new code"));
}

async fn editing_a_set_couples_answered_makes_a_new_version_and_keeps_their_check_ins(
    ctx: TestContext,
) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("2", "2")).await;
    let old_question = marker("How close did you feel");
    let set = write_set(&t, "Our walk", &old_question).await;
    t.post_form(
        &format!("/therapist/couples/{link}/assignments"),
        &[("prompt_set_id", &set), ("target_count", "2")],
    )
    .await;
    let id = start_exercise(&a).await;
    let field = a
        .get(&format!("/checkins/{id}"))
        .await
        .attr("fieldset.scale input[type=radio]", "name")
        .unwrap();
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
    assert!(notice(&list).contains("new version"), "{}", list.body);
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
    t.post_form(
        &format!("/therapist/couples/{link}/assignments"),
        &[("prompt_set_id", &set), ("target_count", "1")],
    )
    .await;
    let id = start_exercise(&a).await;
    let field = a
        .get(&format!("/checkins/{id}"))
        .await
        .attr("fieldset.scale input[type=radio]", "name")
        .unwrap();
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

async fn a_therapist_changes_an_exercise_and_the_couple_sees_the_change(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("1", "1")).await;
    let note = marker("first note");
    t.post_form(
        &format!("/therapist/couples/{link}/assignments"),
        &[
            ("prompt_set_id", "mutuality-reflection"),
            ("note", &note),
            ("target_count", "2"),
        ],
    )
    .await;
    let exercise = assignment_id(&a.get("/").await);
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
    assert!(notice(&page).contains("saved"), "{}", page.body);
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
    t.post_form(
        &format!("/therapist/couples/{link}/assignments"),
        &[("prompt_set_id", "after-intimacy"), ("target_count", "3")],
    )
    .await;
    let exercise = assignment_id(&a.get("/").await);
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
    assert!(notice(&page).contains("cancelled"), "{}", page.body);
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
    let res = a
        .post_form(
            "/checkins",
            &[("assignment", &exercise), ("prompt_set_id", "")],
        )
        .await;
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

async fn try_path(who: &Browser, method: &str, path: &str, fields: &[(&str, &str)]) -> Page {
    match method {
        "GET" => who.get(path).await,
        _ => who.post_form(path, fields).await,
    }
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
            let page = try_path(who, method, &path, fields).await;
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

async fn exercise_pages_are_the_therapists_own(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, _b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("3", "3")).await;
    let note = marker("Theo note");
    t.post_form(
        &format!("/therapist/couples/{link}/assignments"),
        &[
            ("prompt_set_id", "after-intimacy"),
            ("note", &note),
            ("target_count", "1"),
        ],
    )
    .await;
    let exercise = assignment_id(&a.get("/").await);
    // Another therapist, with a couple and an exercise of their own.
    let (other, other_code) = therapist(&app, "Otto").await;
    let (c, d) = app.couple("Cal", "Dot").await;
    invite(&c, &other_code, "3").await;
    let other_link = link_id(&c).await;
    agree(&d, &other_link, "3").await;
    other
        .post_form(
            &format!("/therapist/couples/{other_link}/assignments"),
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
                    let page = try_path(who, method, &path, fields).await;
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
    a.post_form(
        &format!("/couple/therapist/{link}/revoke"),
        &[("confirm", "yes")],
    )
    .await;
    let path = format!("/therapist/couples/{link}/assignments/{exercise}/edit");
    assert_eq!(t.get(&path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM assignments WHERE cancelled_at IS NOT NULL")
            .await,
        0
    );
}

async fn register_therapist(app: &TestApp, name: &str) -> Browser {
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
    .await
    .assert_redirect_to("/login?registered=1");
    t.sign_in(name).await.assert_redirect_to("/therapist");
    t
}

/// The share code stored for `name` (hidden from them while they wait).
async fn stored_code(app: &TestApp, name: &str) -> String {
    let id = mutual::store::operator::find_user_by_email(&app.db, &Browser::email(name))
        .await
        .unwrap()
        .unwrap();
    mutual::store::therapists::therapist_code(&app.db, id)
        .await
        .unwrap()
        .and_then(|c| c.therapist_code)
        .unwrap()
}

async fn with_approval_a_new_therapist_waits_and_cannot_be_invited(ctx: TestContext) {
    let mut config = ctx.config();
    config.therapists = TherapistSignup::Approved;
    let app = ctx.spawn_with(config).await;
    let sign_up = app.browser().get("/register").await;
    assert!(sign_up.body.contains("approve"), "{}", sign_up.body);
    let t = register_therapist(&app, "Theo").await;
    let dash = t.get("/therapist").await;
    dash.assert_ok();
    assert!(
        dash.texts(".notice.waiting")
            .iter()
            .any(|n| n.contains("waiting for approval")),
        "{}",
        dash.body
    );
    assert!(dash.texts("code").is_empty(), "no code to share yet");
    assert_eq!(
        t.post_form("/therapist/code", &[]).await.status,
        StatusCode::NOT_FOUND
    );
    // A couple who has the code cannot invite them yet.
    let code = stored_code(&app, "Theo").await;
    let (a, _b) = app.couple("Ana", "Ben").await;
    let refused = a
        .post_form(
            "/couple/therapist/invite",
            &[("code", &code), ("level", "2")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("find a therapist with that code"));
    assert_eq!(app.count("SELECT COUNT(*) FROM therapist_links").await, 0);
    let export = |b: &Browser| {
        let b = b.clone();
        async move {
            let page = b.get("/account/export.json").await;
            page.assert_ok();
            serde_json::from_str::<serde_json::Value>(&page.body).unwrap()["account"]
                ["therapist_approved_at"]
                .clone()
        }
    };
    assert!(export(&t).await.is_null(), "waiting: no approval yet");
    // Partners are not held up by any of it.
    let p = app.person("Pat").await;
    p.get("/").await.assert_ok();
    // The operator approves, through the binary.
    let (ok, out, err) = run_binary(
        &app.database_url,
        &["admin", "approve-therapist", "Theo@Example.org"],
        "",
    )
    .await;
    assert!(ok, "{out}{err}");
    assert!(out.contains("approved"), "{out}");
    let dash = t.get("/therapist").await;
    assert!(dash.texts(".notice.waiting").is_empty(), "{}", dash.body);
    assert!(
        export(&t).await.is_string(),
        "the approval is in their export"
    );
    let page = t.post_form("/account/two-factor/start", &[]).await;
    let secret = page.texts("samp.key").remove(0);
    t.post_form(
        "/account/two-factor/confirm",
        &[(
            "code",
            &code_at(&secret, app.clock.now().unix_timestamp() as u64).unwrap(),
        )],
    )
    .await
    .assert_ok();
    let code = t.get("/therapist").await.texts("code").remove(0);
    invite(&a, &code, "2").await;
    assert_eq!(app.count("SELECT COUNT(*) FROM therapist_links").await, 1);
}

async fn approve_therapist_refuses_what_it_cannot_do(ctx: TestContext) {
    let mut config = ctx.config();
    config.therapists = TherapistSignup::Approved;
    let app = ctx.spawn_with(config).await;
    let missing = operator::approve_therapist(&app.db, &app.clock, "nobody@example.org").await;
    assert!(
        matches!(missing, Err(OperatorError::NoSuchAccount(_))),
        "{missing:?}"
    );
    app.person("Pat").await;
    let partner = operator::approve_therapist(&app.db, &app.clock, "pat@example.org").await;
    let message = partner.unwrap_err().to_string();
    assert!(
        message.contains("not signed up as a therapist"),
        "{message}"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE therapist_approved_at IS NOT NULL")
            .await,
        0
    );
    register_therapist(&app, "Theo").await;
    assert!(
        operator::approve_therapist(&app.db, &app.clock, "theo@example.org")
            .await
            .unwrap()
    );
    // Again: already approved, nothing changes.
    assert!(
        !operator::approve_therapist(&app.db, &app.clock, "theo@example.org")
            .await
            .unwrap()
    );
    let (ok, out, _) = run_binary(
        &app.database_url,
        &["admin", "approve-therapist", "theo@example.org"],
        "",
    )
    .await;
    assert!(ok && out.contains("already"), "{out}");
    let (ok, _, err) = run_binary(
        &app.database_url,
        &["admin", "approve-therapist", "pat@example.org"],
        "",
    )
    .await;
    assert!(!ok && err.contains("not signed up as a therapist"), "{err}");
}

async fn an_unapproved_therapist_sees_no_couple(ctx: TestContext) {
    let mut config = ctx.config();
    config.therapists = TherapistSignup::Approved;
    let app = ctx.spawn_with(config).await;
    register_therapist(&app, "Theo").await;
    operator::approve_therapist(&app.db, &app.clock, "theo@example.org")
        .await
        .unwrap();
    let (t, a, _b, link) = {
        // Signed up and approved: the usual way to an active link.
        let t = app.browser();
        t.sign_in("Theo").await;
        let page = t.post_form("/account/two-factor/start", &[]).await;
        let secret = page.texts("samp.key").remove(0);
        t.post_form(
            "/account/two-factor/confirm",
            &[(
                "code",
                &code_at(&secret, app.clock.now().unix_timestamp() as u64).unwrap(),
            )],
        )
        .await
        .assert_ok();
        let code = t.get("/therapist").await.texts("code").remove(0);
        let (a, b) = app.couple("Ana", "Ben").await;
        invite(&a, &code, "3").await;
        let link = link_id(&a).await;
        agree(&b, &link, "3").await;
        (t, a, b, link)
    };
    t.get(&format!("/therapist/couples/{link}"))
        .await
        .assert_ok();
    assert!(t.get("/therapist").await.body.contains("Ana"));
    // Should the approval be withdrawn (by hand in the database), every couple is gone.
    app.exec("UPDATE users SET therapist_approved_at = NULL WHERE is_therapist = TRUE")
        .await;
    let dash = t.get("/therapist").await;
    assert!(!dash.body.contains("Ana") && !dash.body.contains("Ben"));
    assert!(dash.body.contains("waiting for approval"));
    assert_eq!(
        t.get(&format!("/therapist/couples/{link}")).await.status,
        StatusCode::NOT_FOUND
    );
    let res = t
        .post_form(
            &format!("/therapist/couples/{link}/assignments"),
            &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(!a.get("/").await.body.contains("From your therapist"));
}
