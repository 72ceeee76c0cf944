//! Small things met in daily use (issue 22, point 8): the frame on error pages, the
//! printable page, and the access log after a couple ends.

use reqwest::StatusCode;

use crate::helpers::{link, TestContext};
use crate::therapists::linked_as;

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(everyday:
        a_missing_page_keeps_the_signed_in_header,
        another_couples_check_in_is_not_found_with_the_header_kept,
        the_access_log_stays_readable_after_unlinking,
        nobody_outside_the_couple_reads_its_access_log,
    )
}

async fn a_missing_page_keeps_the_signed_in_header(ctx: TestContext) {
    let app = ctx.spawn().await;
    let ana = app.person("Ana").await;
    let page = ana.get("/no-such-page").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let nav = page.texts("header.site nav a");
    assert!(nav.iter().any(|t| t == "Account"), "{nav:?}");
    assert!(!nav.iter().any(|t| t == "Sign in"), "{nav:?}");
    assert_eq!(page.texts("header.site nav button"), vec!["Sign out"]);
    // A visitor who is not signed in still gets the signed-out frame.
    let visitor = app.browser().get("/no-such-page").await;
    assert_eq!(visitor.status, StatusCode::NOT_FOUND);
    assert!(visitor
        .texts("header.site nav a")
        .iter()
        .any(|t| t == "Sign in"));
}

async fn another_couples_check_in_is_not_found_with_the_header_kept(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (ana, _ben) = app.couple("Ana", "Ben").await;
    let (cy, _dee) = app.couple("Cy", "Dee").await;
    let theirs = ana.start_checkin("after-intimacy").await;
    let page = cy.get(&format!("/checkins/{theirs}")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let nav = page.texts("header.site nav a");
    assert!(nav.iter().any(|t| t == "Together"), "{nav:?}");
    assert!(
        !page.body.contains("Ana"),
        "nothing of the other couple is shown"
    );
}

async fn the_access_log_stays_readable_after_unlinking(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link_id) = linked_as(&app, ("Theo", "Ana", "Ben"), ("1", "1")).await;
    t.get(&format!("/therapist/couples/{link_id}"))
        .await
        .assert_ok();
    b.post_form("/couple/unlink", &[("confirm", "yes")])
        .await
        .assert_redirect_to("/couple?done=unlinked");
    for partner in [&a, &b] {
        let couple = partner.get("/couple").await;
        assert!(
            couple
                .attr("a[href='/account/therapist-log']", "href")
                .is_some(),
            "{}",
            couple.body
        );
        let page = partner.get("/account/therapist-log").await;
        page.assert_ok();
        let rows = page.texts("table tbody tr");
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert!(
            rows[0].contains("Theo") && rows[0].contains("how many check-ins were done"),
            "{rows:?}"
        );
    }
}

async fn nobody_outside_the_couple_reads_its_access_log(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link_id) = linked_as(&app, ("Theo", "Ana", "Ben"), ("1", "1")).await;
    t.get(&format!("/therapist/couples/{link_id}"))
        .await
        .assert_ok();
    a.post_form("/couple/unlink", &[("confirm", "yes")])
        .await
        .assert_redirect_to("/couple?done=unlinked");
    // Ben's new partner, another couple and the therapist see none of it.
    let cy = app.person("Cy").await;
    link(&b, &cy).await;
    let (dee, _eve) = app.couple("Dee", "Eve").await;
    for other in [&cy, &dee, &t] {
        let page = other.get("/account/therapist-log").await;
        page.assert_ok();
        assert!(page.texts("table tbody tr").is_empty(), "{}", page.body);
        assert!(!page.body.contains("Theo"));
    }
    let ben = b.get("/account/therapist-log").await;
    assert_eq!(ben.texts("table tbody tr").len(), 1);
    // Signed out, the page sends the visitor to sign in.
    app.browser()
        .get("/account/therapist-log")
        .await
        .assert_redirect_to("/login");
}
