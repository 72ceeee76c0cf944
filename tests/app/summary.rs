//! The couple summary both partners see.

use crate::helpers::{marker, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(summary:
        an_empty_summary_invites_a_first_checkin,
        the_summary_shows_counts_averages_trends_and_shared_words,
        only_revealed_checkins_feed_the_summary,
        both_partners_see_the_same_figures_from_their_own_side,
        the_counts_follow_starts_reveals_and_set_asides,
    )
}

async fn an_empty_summary_invites_a_first_checkin(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, _b) = app.couple("Ana", "Ben").await;
    let page = a.get("/summary").await;
    page.assert_ok();
    assert!(page.texts(".empty")[0].contains("No finished check-ins yet"));
    assert!(page.texts("svg").is_empty());
}

async fn the_summary_shows_counts_averages_trends_and_shared_words(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Cat", "Dan").await;
    let (change_a, change_b, keep_b) = (marker("change-a"), marker("change-b"), marker("keep-b"));
    // Two check-ins, both started by Cat.
    let first = a.start_checkin("after-intimacy").await;
    a.answer(
        &first,
        &[
            ("a_after-connected", "4"),
            ("a_after-mattered-equally", "5"),
        ],
    )
    .await;
    b.answer(
        &first,
        &[
            ("a_after-connected", "2"),
            ("a_after-mattered-equally", "4"),
        ],
    )
    .await;
    let second = a.start_checkin("after-intimacy").await;
    a.answer(
        &second,
        &[
            ("a_after-connected", "2"),
            ("a_after-mattered-equally", "3"),
            ("a_after-change", &change_a),
        ],
    )
    .await;
    b.answer(
        &second,
        &[
            ("a_after-connected", "5"),
            ("a_after-mattered-equally", "5"),
            ("a_after-change", &change_b),
            ("a_after-enjoyable", &keep_b),
        ],
    )
    .await;

    let page = a.get("/summary").await;
    page.assert_ok();
    let stats = page.texts(".stat-value");
    assert_eq!(stats[0], "2", "completed");
    let body = &page.body;
    assert!(
        body.contains("you 2 (100%), Dan 0 (0%)"),
        "balance of who started"
    );
    assert!(
        body.contains("In 1 of 2 check-ins you both felt"),
        "mattered as much: 1 of 2"
    );
    // Cat's connection: 4 then 2, average 3.0; Dan's: 2 then 5, average 3.5.
    let connected = page
        .texts("figure.chart")
        .into_iter()
        .find(|t| t.contains("How connected"))
        .expect("a chart for the connection prompt");
    assert!(connected.contains("you 3.0, Dan 3.5"), "{connected}");
    assert!(page
        .attr("figure.chart svg polyline.chart-line-a", "points")
        .is_some());
    assert!(page
        .attr("figure.chart svg polyline.chart-line-b", "points")
        .is_some());
    assert!(
        page.attr("figure.chart svg", "aria-label").is_some(),
        "charts have a text label"
    );
    assert!(
        !page.texts("figure.chart table tbody tr").is_empty(),
        "and a table"
    );
    assert!(body.contains(&change_a) && body.contains(&change_b) && body.contains(&keep_b));
}

async fn only_revealed_checkins_feed_the_summary(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Eve", "Fin").await;
    let done = a.start_checkin("after-intimacy").await;
    a.answer(&done, &[("a_after-connected", "5")]).await;
    b.answer(&done, &[("a_after-connected", "5")]).await;
    let open = b.start_checkin("after-intimacy").await;
    let unrevealed = marker("unrevealed");
    b.answer(
        &open,
        &[("a_after-connected", "1"), ("a_after-change", &unrevealed)],
    )
    .await;
    for viewer in [&a, &b] {
        let page = viewer.get("/summary").await;
        assert!(!page.body.contains(&unrevealed));
        assert_eq!(
            page.texts(".stat-value"),
            vec!["1", "1"],
            "1 completed, 1 open"
        );
        assert!(page
            .texts("figure.chart")
            .iter()
            .any(|t| t.contains("5.0, ") && t.contains("5.0 (")));
    }
}

async fn both_partners_see_the_same_figures_from_their_own_side(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Gia", "Hugo").await;
    let id = b.start_checkin("after-intimacy").await;
    a.answer(&id, &[("a_after-pace", "3")]).await;
    b.answer(&id, &[("a_after-pace", "5")]).await;
    let pa = a.get("/summary").await.body;
    let pb = b.get("/summary").await.body;
    assert!(pa.contains("you 3.0, Hugo 5.0"));
    assert!(pb.contains("you 5.0, Gia 3.0"));
    assert!(pa.contains("you 0 (0%), Hugo 1 (100%)"));
    assert!(pb.contains("you 1 (100%), Gia 0 (0%)"));
}

/// The counts are kept as check-ins happen (not counted from the history on each visit):
/// they must match the history after starts, a reveal and a set-aside, for each couple.
async fn the_counts_follow_starts_reveals_and_set_asides(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Gil", "Hal").await;
    let (c, _d) = app.couple("Ivo", "Jan").await;
    let done = a.start_checkin("after-intimacy").await;
    a.answer(&done, &[("a_after-connected", "4")]).await;
    b.answer(&done, &[("a_after-connected", "3")]).await;
    let _open = a.start_checkin("after-intimacy").await;
    let aside = b.start_checkin("after-intimacy").await;
    b.post_form(&format!("/checkins/{aside}/dismiss"), &[])
        .await
        .assert_redirect_to("/checkins");
    // Another couple's check-in counts only for them.
    c.start_checkin("after-intimacy").await;

    for (viewer, you, partner) in [(&a, 2, 1), (&b, 1, 2)] {
        let page = viewer.get("/summary").await;
        assert_eq!(page.texts(".stat-value"), ["1", "1"], "1 completed, 1 open");
        let partner_name = if you == 2 { "Hal" } else { "Gil" };
        assert!(
            page.body.contains(&format!("you {you} ("))
                && page.body.contains(&format!("{partner_name} {partner} (")),
            "set-aside check-ins still count as started"
        );
    }
    // The kept counts equal what the history says, for every couple.
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM summary_counts s WHERE s.open_now <> (SELECT COUNT(*) FROM checkins c
             WHERE c.couple_id = s.couple_id AND c.revealed_at IS NULL AND c.dismissed_at IS NULL)
             OR s.completed <> (SELECT COUNT(*) FROM checkins c
             WHERE c.couple_id = s.couple_id AND c.revealed_at IS NOT NULL)"
        )
        .await,
        0
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM summary_counts").await, 2);
    assert_eq!(
        app.count("SELECT CAST(SUM(started) AS BIGINT) FROM summary_started")
            .await,
        4
    );
}
