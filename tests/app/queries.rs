//! Pages cost a fixed number of queries, however long a couple's history.

use crate::helpers::{Browser, TestApp, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(queries:
        each_page_costs_a_fixed_number_of_queries_whatever_the_history,
    )
}

/// Queries `b`'s request for `path` ran, on the instance's database handle.
async fn queries_for(app: &TestApp, b: &Browser, path: &str) -> u64 {
    let before = app.db.query_count();
    b.get(path).await.assert_ok();
    app.db.query_count() - before
}

async fn history(a: &Browser, b: &Browser, n: usize) -> String {
    let mut last = String::new();
    for i in 0..n {
        last = a.start_checkin("after-intimacy").await;
        let v = ((i % 5) + 1).to_string();
        let fields = [
            ("a_after-connected", v.as_str()),
            ("a_after-pace", "4"),
            ("a_after-mattered-equally", "5"),
            ("a_after-change", "a little more time"),
            ("a_after-enjoyable", "laughing"),
        ];
        a.answer(&last, &fields).await;
        b.answer(&last, &fields).await;
    }
    last
}

async fn each_page_costs_a_fixed_number_of_queries_whatever_the_history(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a1, b1) = app.couple("Ana", "Ben").await;
    let (a2, b2) = app.couple("Cy", "Dee").await;
    let short = history(&a1, &b1, 2).await;
    let long = history(&a2, &b2, 20).await;
    // (page, most queries allowed): the session, person and couple come in one query.
    let pages = [("/", 2), ("/checkins", 2), ("/summary", 8), ("/couple", 3)];
    for (path, most) in pages {
        let small = queries_for(&app, &a1, path).await;
        let big = queries_for(&app, &a2, path).await;
        assert!(small <= most, "{path}: {small} queries, at most {most}");
        assert_eq!(
            small, big,
            "{path}: the count must not grow with the history"
        );
    }
    let small = queries_for(&app, &a1, &format!("/checkins/{short}")).await;
    let big = queries_for(&app, &a2, &format!("/checkins/{long}")).await;
    assert!(small <= 5, "a check-in page: {small} queries");
    assert_eq!(small, big);
}
