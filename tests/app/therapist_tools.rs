//! A therapist's own place: landing on their dashboard with a menu of their own, and the
//! operator's choice of who may be a therapist (approval, and what waiting means).

use mutual::config::TherapistSignup;
use mutual::domain::operator::{self, OperatorError};
use mutual::domain::two_factor::code_at;
use reqwest::StatusCode;
use time::Duration;

use crate::backup::run_binary;
use crate::helpers::therapist::{assign, couple_linked_to, invite, sign_up_therapist};
use crate::helpers::two_step::{enrol, now};
use crate::helpers::{Browser, Page, TestApp, TestContext, PASSWORD};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(therapist_tools:
        a_therapist_lands_on_their_dashboard_with_a_menu_of_their_own,
        with_approval_a_new_therapist_waits_and_cannot_be_invited,
        approve_therapist_refuses_what_it_cannot_do,
        an_unapproved_therapist_sees_no_couple,
    )
}

fn nav(page: &Page) -> Vec<String> {
    page.texts("header nav a")
}

async fn a_therapist_lands_on_their_dashboard_with_a_menu_of_their_own(ctx: TestContext) {
    let app = ctx.spawn().await;
    let t = sign_up_therapist(&app, "Theo").await;
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
    let (secret, _) = enrol(&app, &t).await;
    t.sign_out().await;
    t.sign_in("Theo").await.assert_redirect_to("/login/code");
    t.post_form(
        "/login/code",
        &[("code", &code_at(&secret, now(&app)).unwrap())],
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
            ("code", &code_at(&secret, now(&app)).unwrap()),
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

/// The share code stored for `name` (hidden from them while they wait).
async fn stored_code(app: &TestApp, name: &str) -> String {
    let id = mutual::store::operator::find_user_by_email(&app.db, &Browser::email(name))
        .await
        .unwrap()
        .unwrap();
    mutual::store::therapists::find_therapist_code(&app.db, id)
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
    let t = sign_up_therapist(&app, "Theo").await;
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
    enrol(&app, &t).await;
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
    sign_up_therapist(&app, "Theo").await;
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
    sign_up_therapist(&app, "Theo").await;
    operator::approve_therapist(&app.db, &app.clock, "theo@example.org")
        .await
        .unwrap();
    let (t, a, _b, link) = {
        // Signed up and approved: the usual way to an active link.
        let t = app.browser();
        t.sign_in("Theo").await;
        enrol(&app, &t).await;
        let code = t.get("/therapist").await.texts("code").remove(0);
        let (a, b, link) = couple_linked_to(&app, &code, ("Ana", "Ben"), ("3", "3")).await;
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
    let res = assign(
        &t,
        &link,
        &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(!a.get("/").await.body.contains("From your therapist"));
}
