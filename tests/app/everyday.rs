//! Small things met in daily use (issue 22, point 8): the frame on error pages, the
//! printable page, and the access log after a couple ends.

use reqwest::StatusCode;

use crate::helpers::TestContext;

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(everyday:
        a_missing_page_keeps_the_signed_in_header,
        another_couples_check_in_is_not_found_with_the_header_kept,
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
