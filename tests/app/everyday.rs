//! Small things met in daily use (issue 22, point 8): the frame on error pages, the
//! printable page, and the access log after a couple ends.

use reqwest::StatusCode;

use crate::helpers::therapist::linked_as;
use crate::helpers::{link, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(everyday:
        a_missing_page_keeps_the_signed_in_header,
        another_couples_check_in_is_not_found_with_the_header_kept,
        the_access_log_stays_readable_after_unlinking,
        nobody_outside_the_couple_reads_its_access_log,
        the_printable_page_starts_with_the_check_ins_and_prints_tables_open,
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

/// Whether `text` holds a date written like 2026-03-03.
fn has_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
    })
}

async fn the_printable_page_starts_with_the_check_ins_and_prints_tables_open(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Ana", "Ben").await;
    let id = a.start_checkin("after-intimacy").await;
    for (who, scale) in [(&a, "4"), (&b, "2")] {
        who.answer(&id, &[("a_after-connected", scale)])
            .await
            .assert_redirect_to("/checkins/");
    }
    let page = a.get("/account/export").await;
    page.assert_ok();
    let main = page.texts("main").join(" ");
    // One way of writing dates: the way every other page writes them.
    assert!(!has_iso_date(&main), "{main}");
    let today = mutual::web::fmt::date(app.clock.now().date());
    let heading = page.texts(".print-checkin h3").remove(0);
    assert!(heading.contains(&today), "{heading}");
    // The check-ins come first; the charts follow them.
    let checkins = page
        .body
        .find("id=\"checkins-heading\"")
        .expect("the check-ins");
    let chart = page.body.find("<svg").expect("a chart");
    assert!(checkins < chart, "the check-ins start on the first page");
    // The charts' tables are open, so they print.
    let (count, open) = details_open(&page);
    assert!(count > 0 && open == count, "{open} of {count} open");
    // The summary page itself keeps them folded.
    let (count, open) = details_open(&a.get("/summary").await);
    assert!(count > 0 && open == 0, "{open} of {count} open");
}

/// How many `<details>` the page has, and how many of them are open.
fn details_open(page: &crate::helpers::Page) -> (usize, usize) {
    let sel = scraper::Selector::parse("details").unwrap();
    let html = page.html();
    let all: Vec<_> = html.select(&sel).collect();
    let open = all
        .iter()
        .filter(|d| d.value().attr("open").is_some())
        .count();
    (all.len(), open)
}
