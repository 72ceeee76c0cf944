//! Being told what changed: a partner unlinking, deleting their account or stopping
//! sharing with the therapist; a therapist invitation waiting for your own choice; the
//! level that applies.

use reqwest::StatusCode;

use crate::helpers::therapist::{agree, invite, link_id, linked_as, revoke, therapist};
use crate::helpers::{Browser, TestContext, PASSWORD};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(notices:
        unlinking_tells_the_other_partner_and_the_therapist,
        stopping_sharing_tells_the_other_partner_and_the_therapist,
        deleting_an_account_tells_the_partner,
        a_notice_is_shown_until_dismissed_and_only_to_its_person,
        a_waiting_invitation_shows_on_home_without_the_partners_choice,
    )
}

const UNLINKED: &str = "Your partner unlinked your accounts.";
const STOPPED: &str = "Your partner stopped sharing with your therapist";
const DELETED: &str = "Your partner deleted their account";

async fn therapist_notices(app: &crate::helpers::TestApp) -> i64 {
    app.count(
        "SELECT COUNT(*) FROM notices n JOIN users u ON u.user_id = n.user_id
         WHERE u.is_therapist = TRUE AND n.kind = 'couple_stopped'",
    )
    .await
}

async fn unlinking_tells_the_other_partner_and_the_therapist(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (_t, a, b, _link) = linked_as(&app, ("Tess", "Ana", "Ben"), ("2", "2")).await;
    a.post_form("/couple/unlink", &[("confirm", "yes")])
        .await
        .assert_redirect_to("/couple?done=unlinked");
    assert!(b.get("/").await.body.contains(UNLINKED));
    assert!(
        !a.get("/").await.body.contains(UNLINKED),
        "the one who unlinked knows"
    );
    assert_eq!(therapist_notices(&app).await, 1);
    // Unlinking twice tells nobody twice.
    a.post_form("/couple/unlink", &[("confirm", "yes")]).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM notices").await, 2);
}

async fn stopping_sharing_tells_the_other_partner_and_the_therapist(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked_as(&app, ("Tess", "Ana", "Ben"), ("2", "2")).await;
    revoke(&b, &link).await;
    let home = a.get("/").await;
    assert!(home.body.contains(STOPPED), "{}", home.body);
    assert!(!b.get("/").await.body.contains(STOPPED));
    assert_eq!(therapist_notices(&app).await, 1);
    // The therapist reads it on their dashboard and dismisses it there.
    let dash = t.get("/therapist").await;
    assert!(
        dash.body.contains("A couple stopped sharing with you"),
        "{}",
        dash.body
    );
    let action = dash
        .attr("form[action^='/notices/']", "action")
        .expect("a way to dismiss it");
    t.post_form(&action, &[])
        .await
        .assert_redirect_to("/therapist");
    assert_eq!(therapist_notices(&app).await, 0);
}

async fn deleting_an_account_tells_the_partner(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (_t, a, b, _link) = linked_as(&app, ("Tess", "Ana", "Ben"), ("1", "1")).await;
    a.post_form(
        "/account/delete",
        &[("password", PASSWORD), ("confirm", "delete my account")],
    )
    .await
    .assert_redirect_to("/deleted");
    let home = b.get("/").await;
    assert!(home.body.contains(DELETED), "{}", home.body);
    assert_eq!(therapist_notices(&app).await, 1);
    // The notice names nobody: nothing of Ana is kept in it.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM notices WHERE kind = 'partner_deleted'")
            .await,
        1
    );
}

async fn a_notice_is_shown_until_dismissed_and_only_to_its_person(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Cy", "Dee").await;
    let stranger = app.person("Eve").await;
    a.post_form("/couple/unlink", &[("confirm", "yes")]).await;
    let home = b.get("/").await;
    let action = home
        .attr("form[action^='/notices/']", "action")
        .expect("a way to dismiss it");
    // It stays until dismissed, and is in Dee's export meanwhile.
    assert!(b.get("/").await.body.contains(UNLINKED));
    let export = b.get("/account/export.json").await.body;
    assert!(export.contains(UNLINKED), "{export}");
    // Nobody else can dismiss it.
    for other in [&a, &stranger] {
        assert_eq!(
            other.post_form(&action, &[]).await.status,
            StatusCode::NOT_FOUND
        );
    }
    assert!(b.get("/").await.body.contains(UNLINKED));
    b.post_form(&action, &[]).await.assert_redirect_to("/");
    assert!(!b.get("/").await.body.contains(UNLINKED));
    assert_eq!(app.count("SELECT COUNT(*) FROM notices").await, 0);
    assert_eq!(
        b.post_form("/notices/not-a-number/dismiss", &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

async fn a_waiting_invitation_shows_on_home_without_the_partners_choice(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, code) = therapist(&app, "Tess").await;
    let (a, b): (Browser, Browser) = app.couple("Ana", "Ben").await;
    invite(&a, &code, "3").await;
    let home = b.get("/").await;
    assert!(
        home.body
            .contains("Tess is invited to support your check-ins"),
        "{}",
        home.body
    );
    assert!(!a.get("/").await.body.contains("is invited to support"));
    // Ben chooses without seeing Ana's choice first.
    let page = b.get("/couple/therapist").await;
    assert!(page.body.contains("you'll see it once you've made yours"));
    assert!(!page
        .body
        .contains("written answers (never ones kept private)."));
    let link = link_id(&b).await;
    agree(&b, &link, "2").await;
    // Then both see both choices and what applies: the lower of the two.
    for who in [&a, &b] {
        let page = who.get("/couple/therapist").await;
        assert!(
            page.body.contains("the lower of your two choices: Whether check-ins were done, 1-to-5 and multiple-choice answers, and the summary"),
            "{}",
            page.body
        );
    }
    assert!(!b.get("/").await.body.contains("is invited to support"));
    // The therapist's list names the level in words that stand on their own.
    let dash = t.get("/therapist").await;
    assert!(!dash.body.contains("That, plus"), "{}", dash.body);
}
