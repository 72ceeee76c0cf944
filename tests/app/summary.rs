//! The couple summary both partners see.

use crate::helpers::{marker, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(summary:
        an_empty_summary_invites_a_first_checkin,
        the_summary_shows_counts_averages_trends_and_shared_words,
        only_revealed_checkins_feed_the_summary,
        both_partners_see_the_same_figures_from_their_own_side,
        the_counts_follow_starts_reveals_and_set_asides,
        the_date_a_couple_gives_orders_and_labels_everything,
        who_opened_checkins_is_labelled_plainly_and_adds_up,
        choice_answers_are_counted_for_each_partner,
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
    let id = b.start_checkin("after-intimacy-more").await;
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

async fn the_date_a_couple_gives_orders_and_labels_everything(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Iva", "Jon").await;
    let today = app.clock.now().date();
    let day = |back: i64| today - time::Duration::days(back);
    let iso = |d: time::Date| d.to_string();
    let label = |d: time::Date| {
        d.format(time::macros::format_description!(
            "[day padding:none] [month repr:short] [year]"
        ))
        .unwrap()
    };
    // Entered today, in this order, about three earlier days: connection by the
    // couple's dates goes 2 -> 5 -> 5 (rising), by entry 5 -> 2 -> 5.
    let entered = [(1, "5", "late"), (5, "2", "early"), (3, "5", "middle")];
    let mut ids = Vec::new();
    for (back, connected, word) in entered {
        let page = a
            .post_form(
                "/checkins",
                &[
                    ("prompt_set_id", "after-intimacy"),
                    ("moment_on", &iso(day(back))),
                ],
            )
            .await;
        page.assert_redirect_to("/checkins/");
        let id = page.location().trim_start_matches("/checkins/").to_owned();
        let words = format!("change-{word}");
        for who in [&a, &b] {
            who.answer(
                &id,
                &[("a_after-connected", connected), ("a_after-change", &words)],
            )
            .await;
        }
        ids.push(id);
    }
    let (late, early, middle) = (&ids[0], &ids[1], &ids[2]);
    let newest_first = [late, middle, early];

    // The chart's table and line follow the couple's dates, oldest first.
    let page = a.get("/summary").await;
    let connected = page
        .html()
        .select(&scraper::Selector::parse("figure.chart").unwrap())
        .find(|f| f.text().collect::<String>().contains("How connected"))
        .map(|f| f.html())
        .expect("the connection chart");
    let (rows, points) = {
        let chart = scraper::Html::parse_fragment(&connected);
        let rows: Vec<String> = chart
            .select(&scraper::Selector::parse("tbody tr").unwrap())
            .map(|r| r.text().collect::<Vec<_>>().join("|"))
            .collect();
        let points = chart
            .select(&scraper::Selector::parse("polyline.chart-line-a").unwrap())
            .next()
            .and_then(|p| p.value().attr("points").map(str::to_owned))
            .expect("a line");
        (rows, points)
    };
    assert_eq!(
        rows,
        vec![
            format!("{}|2|2", label(day(5))),
            format!("{}|5|5", label(day(3))),
            format!("{}|5|5", label(day(1))),
        ]
    );
    let ys: Vec<f64> = points
        .split_whitespace()
        .map(|p| p.split(',').nth(1).unwrap().parse().unwrap())
        .collect();
    assert!(
        ys[0] > ys[2],
        "the line rises (y grows downwards): {points}"
    );
    // Shared words: newest first by the couple's dates, labelled with them.
    let body = &page.body;
    let at = |s: &str| {
        body.find(s)
            .unwrap_or_else(|| panic!("{s} not on the page"))
    };
    assert!(at("change-late") < at("change-middle") && at("change-middle") < at("change-early"));
    for back in [1, 3, 5] {
        assert!(
            body.contains(&format!("<h3>{}</h3>", label(day(back)))),
            "{}",
            label(day(back))
        );
    }
    assert!(
        !body.contains(&format!("<h3>{}</h3>", label(today))),
        "not the day they were entered"
    );

    // Lists, home and the export follow the same order.
    for path in ["/checkins", "/"] {
        let list = a.get(path).await;
        let hrefs: Vec<String> = list
            .html()
            .select(&scraper::Selector::parse("a[href^='/checkins/']").unwrap())
            .filter_map(|l| l.value().attr("href").map(str::to_owned))
            .filter(|h| ids.iter().any(|id| h.ends_with(id.as_str())))
            .collect();
        let expected: Vec<String> = newest_first
            .iter()
            .map(|id| format!("/checkins/{id}"))
            .collect();
        assert_eq!(hrefs, expected, "{path}");
        assert!(
            list.body.contains(&label(day(5))),
            "{path} shows the couple's date"
        );
    }
    let export: serde_json::Value =
        serde_json::from_str(&b.get("/account/export.json").await.body).unwrap();
    let exported: Vec<(String, String)> = export["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["checkin_id"].as_str().unwrap().to_owned(),
                c["dated_on"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        exported,
        vec![
            (early.clone(), iso(day(5))),
            (middle.clone(), iso(day(3))),
            (late.clone(), iso(day(1))),
        ],
        "oldest first, by the couple's dates"
    );
}

async fn who_opened_checkins_is_labelled_plainly_and_adds_up(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Kai", "Lou").await;
    for _ in 0..2 {
        let id = a.start_checkin("after-intimacy").await;
        a.answer(&id, &[("a_after-connected", "4")]).await;
        b.answer(&id, &[("a_after-connected", "4")]).await;
    }
    b.start_checkin("after-intimacy").await;
    let aside = b.start_checkin("after-intimacy").await;
    b.post_form(&format!("/checkins/{aside}/dismiss"), &[])
        .await
        .assert_redirect_to("/");
    let page = a.get("/summary").await;
    assert_eq!(
        page.texts(".stat-value"),
        vec!["2", "1"],
        "2 completed, 1 open"
    );
    let text = page.texts("#balance-heading ~ p").join(" ");
    assert!(
        text.contains("Who opened check-ins here in the app: you 2 (50%), Lou 2 (50%)."),
        "{text}"
    );
    assert!(
        text.contains("4 in all: 2 you've both answered and 2 still open or set aside"),
        "the counts add up to the headline's: {text}"
    );
    assert!(
        !page.body.contains("Who started"),
        "not about who starts being close"
    );
}

async fn choice_answers_are_counted_for_each_partner(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Mo", "Nia").await;
    for (mine, theirs) in [("1", "2"), ("3", "3")] {
        let id = a.start_checkin("after-intimacy-more").await;
        a.answer(&id, &[("a_after-how-it-began", mine)]).await;
        b.answer(&id, &[("a_after-how-it-began", theirs)]).await;
    }
    // Not yet revealed: not counted.
    let open = b.start_checkin("after-intimacy-more").await;
    b.answer(&open, &[("a_after-how-it-began", "5")]).await;
    let rows = |page: &crate::helpers::Page| -> Vec<String> {
        page.html()
            .select(&scraper::Selector::parse(".choice-tally").unwrap())
            .filter(|c| c.text().collect::<String>().contains("How did it begin?"))
            .flat_map(|c| {
                c.select(&scraper::Selector::parse("tbody tr").unwrap())
                    .map(|r| r.text().collect::<Vec<_>>().join("|"))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let mine = rows(&a.get("/summary").await);
    assert_eq!(
        mine,
        vec![
            "I got things started|1|0",
            "My partner got things started|0|1",
            "We both did|1|1",
            "It just happened|0|0",
            "I'm not sure|0|0",
        ]
    );
    // The same figures from the other side: their own count first.
    let theirs = rows(&b.get("/summary").await);
    assert_eq!(theirs[0], "I got things started|0|1");
    assert_eq!(
        theirs[4], "I'm not sure|0|0",
        "the open check-in is not counted"
    );
}
