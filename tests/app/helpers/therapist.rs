//! A therapist and their couples, set up the way people do it: the therapist signs up
//! and turns on two-step sign-in, a partner invites them with their share code, the other
//! partner agrees, and the therapist gives the couple exercises to start from home.

use super::two_step::enrol;
use super::{Browser, Page, SignUp, TestApp};

/// Someone signed up as a therapist and signed in (two-step sign-in still off).
pub async fn sign_up_therapist(app: &TestApp, name: &str) -> Browser {
    let t = app.browser();
    t.register(SignUp::of(name).with("therapist", "on"))
        .await
        .assert_redirect_to("/login?registered=1");
    t.sign_in(name).await.assert_redirect_to("/therapist");
    t
}

/// A therapist, signed in, with two-step sign-in on; and their share code.
pub async fn therapist(app: &TestApp, name: &str) -> (Browser, String) {
    let t = sign_up_therapist(app, name).await;
    enrol(app, &t).await;
    let code = t.get("/therapist").await.texts("code").remove(0);
    (t, code)
}

/// The id of the couple's link, from a partner's page.
pub async fn link_id(partner: &Browser) -> String {
    let page = partner.get("/couple/therapist").await;
    let action = page
        .attr("form[action$='/consent']", "action")
        .expect("a link on the page");
    action
        .trim_start_matches("/couple/therapist/")
        .trim_end_matches("/consent")
        .to_owned()
}

/// A partner invites the therapist whose share code is `code`, at a consent level.
pub async fn invite(partner: &Browser, code: &str, level: &str) {
    partner
        .post_form(
            "/couple/therapist/invite",
            &[("code", code), ("level", level)],
        )
        .await
        .assert_redirect_to("/couple/therapist?done=invited");
}

/// The other partner agrees to the link, at a consent level.
pub async fn agree(partner: &Browser, link: &str, level: &str) {
    partner
        .post_form(
            &format!("/couple/therapist/{link}/consent"),
            &[("level", level)],
        )
        .await
        .assert_redirect_to("/couple/therapist?done=consent");
}

/// A partner stops sharing with the therapist (and confirms it).
pub async fn revoke(partner: &Browser, link: &str) {
    partner
        .post_form(
            &format!("/couple/therapist/{link}/revoke"),
            &[("confirm", "yes")],
        )
        .await
        .assert_redirect_to("/couple/therapist?done=revoked");
}

/// A new couple, linked to the therapist whose share code is `code`: the first partner
/// invites at the first level, the second agrees at the second. Returns the link's id.
pub async fn couple_linked_to(
    app: &TestApp,
    code: &str,
    (a, b): (&str, &str),
    levels: (&str, &str),
) -> (Browser, Browser, String) {
    let (a, b) = app.couple(a, b).await;
    invite(&a, code, levels.0).await;
    let link = link_id(&a).await;
    agree(&b, &link, levels.1).await;
    (a, b, link)
}

/// A new therapist and a couple with an active link to them, by these names:
/// (therapist, first partner, second partner, link id).
pub async fn linked_as(
    app: &TestApp,
    (therapist_name, a, b): (&str, &str, &str),
    levels: (&str, &str),
) -> (Browser, Browser, Browser, String) {
    let (t, code) = therapist(app, therapist_name).await;
    let (a, b, link) = couple_linked_to(app, &code, (a, b), levels).await;
    (t, a, b, link)
}

/// The therapist posts the exercise form for the couple on `link`.
pub async fn assign(t: &Browser, link: &str, fields: &[(&str, &str)]) -> Page {
    t.post_form(&format!("/therapist/couples/{link}/assignments"), fields)
        .await
}

/// The therapist gives the couple on `link` an exercise (the form's `fields`); returns its
/// id, as `partner`'s home page offers it.
pub async fn assigned_exercise(
    t: &Browser,
    link: &str,
    partner: &Browser,
    fields: &[(&str, &str)],
) -> String {
    assign(t, link, fields)
        .await
        .assert_redirect_to(&format!("/therapist/couples/{link}"));
    assignment_id(&partner.get("/").await)
}

/// The id of the exercise a partner's home page offers.
pub fn assignment_id(home: &Page) -> String {
    home.attr("input[name=assignment]", "value")
        .expect("an exercise on the home page")
}

/// A partner posts the form that starts a check-in from the exercise `assignment`.
pub async fn start_from(partner: &Browser, assignment: &str) -> Page {
    partner
        .post_form(
            "/checkins",
            &[("assignment", assignment), ("prompt_set_id", "")],
        )
        .await
}

/// A partner starts a check-in from the couple's one open exercise; returns its id.
pub async fn start_exercise(partner: &Browser) -> String {
    let home = partner.get("/").await;
    let started = start_from(partner, &assignment_id(&home)).await;
    started.assert_redirect_to("/checkins/");
    started
        .location()
        .trim_start_matches("/checkins/")
        .to_owned()
}

/// An assigned check-in started by hand: the therapist gives the couple on `link` an
/// exercise (the form's `fields`), and `partner` starts a check-in from it at home.
/// Returns the check-in's id.
pub async fn assigned_checkin(
    t: &Browser,
    link: &str,
    partner: &Browser,
    fields: &[(&str, &str)],
) -> String {
    assigned_exercise(t, link, partner, fields).await;
    start_exercise(partner).await
}

/// The therapist's set titled `title`, from their sets page: its id.
pub async fn own_set_id(t: &Browser, title: &str) -> String {
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

/// Writes a set of two questions (a scale asking `question`, and a choice); its id.
pub async fn write_set(t: &Browser, title: &str, question: &str) -> String {
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

/// A couple (Ada, Ben) linked to therapist Tess at full consent, with a check-in Ada
/// started from an exercise of a set Tess wrote, whose one question is `question`:
/// (Tess, Ada, Ben, the check-in's id).
pub async fn therapist_set_checkin(
    app: &TestApp,
    question: &str,
) -> (Browser, Browser, Browser, String) {
    let (t, a, b, link) = linked_as(app, ("Tess", "Ada", "Ben"), ("3", "3")).await;
    t.post_form(
        "/therapist/sets",
        &[
            ("title", "Our own questions"),
            ("p1_text", question),
            ("p1_kind", "text"),
        ],
    )
    .await
    .assert_redirect_to("/therapist");
    let set_id = t
        .get(&format!("/therapist/couples/{link}"))
        .await
        .html()
        .select(&scraper::Selector::parse("option").unwrap())
        .find(|o| o.text().collect::<String>() == "Our own questions")
        .and_then(|o| o.value().attr("value").map(str::to_owned))
        .expect("the set is offered to its author");
    let id = assigned_checkin(
        &t,
        &link,
        &a,
        &[
            ("prompt_set_id", &set_id),
            ("target_count", "1"),
            ("note", "Take your time"),
        ],
    )
    .await;
    (t, a, b, id)
}
