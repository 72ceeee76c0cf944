//! Pages cost a fixed number of queries, however long a couple's history, and the hot
//! queries find their rows through indexes.

use mutual::store::plans::hot_queries;
use mutual::store::Backend;

use crate::helpers::{Browser, TestApp, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(queries:
        each_page_costs_a_fixed_number_of_queries_whatever_the_history,
        hot_queries_never_scan_all_answers_or_checkins,
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
            ("a_after-pressure-free", "4"),
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
    // The summary: 9 for its figures (choice counts included), 1 for the note of care
    // (the person's own answers).
    let pages = [("/", 2), ("/checkins", 2), ("/summary", 10), ("/couple", 3)];
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

/// The tables whose full scan would make a page cost grow with everyone's history.
const BIG_TABLES: [&str; 2] = ["checkins", "answers"];

/// The names `sql` gives the big tables: the tables themselves and their aliases.
fn big_table_names(sql: &str) -> Vec<String> {
    const NOT_ALIASES: [&str; 12] = [
        "on", "join", "where", "set", "left", "inner", "group", "order", "limit", "values",
        "using", ")",
    ];
    let lowered = sql.to_lowercase();
    let words: Vec<&str> = lowered
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(')
        .filter(|w| !w.is_empty())
        .collect();
    let mut names: Vec<String> = BIG_TABLES.iter().map(|t| t.to_string()).collect();
    for (i, w) in words.iter().enumerate() {
        if BIG_TABLES.contains(w) {
            let mut next = words.get(i + 1).copied().unwrap_or("");
            if next == "as" {
                next = words.get(i + 2).copied().unwrap_or("");
            }
            if !next.is_empty()
                && !NOT_ALIASES.contains(&next)
                && next.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                names.push(next.to_owned());
            }
        }
    }
    names
}

/// The plan steps that read a big table whole.
fn full_scans(backend: Backend, sql: &str, plan: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    match backend {
        Backend::Sqlite => {
            // "SCAN c" (or "SCAN c USING COVERING INDEX …") reads every row or index
            // entry; "SEARCH c USING INDEX … (x=?)" reads only the matching ones.
            let names = big_table_names(sql);
            for line in plan {
                let words: Vec<&str> = line.split_whitespace().collect();
                if words.first() != Some(&"SCAN") {
                    continue;
                }
                let scanned: Vec<&str> = words
                    .iter()
                    .skip(1)
                    .filter(|w| **w != "TABLE" && **w != "AS")
                    .take(2)
                    .copied()
                    .collect();
                if scanned
                    .iter()
                    .any(|w| names.iter().any(|n| n == &w.to_lowercase()))
                {
                    found.push(line.clone());
                }
            }
        }
        Backend::Postgres => {
            // A "Seq Scan on answers", or an index scan with no "Index Cond" (with
            // sequential scans priced out, the planner walks a whole index instead).
            for (i, line) in plan.iter().enumerate() {
                let on_big = BIG_TABLES.iter().any(|t| {
                    line.contains(&format!(" on {t} ")) || line.ends_with(&format!(" on {t}"))
                });
                if !on_big {
                    continue;
                }
                if line.contains("Seq Scan") {
                    found.push(line.clone());
                } else if line.contains("Index Scan") || line.contains("Index Only Scan") {
                    let has_condition = plan[i + 1..]
                        .iter()
                        .take_while(|l| !l.contains("->"))
                        .any(|l| l.contains("Index Cond"));
                    if !has_condition {
                        found.push(line.clone());
                    }
                }
            }
        }
    }
    found
}

async fn hot_queries_never_scan_all_answers_or_checkins(ctx: TestContext) {
    let app = ctx.spawn().await;
    // Some history, so the tables are not empty.
    let (a, b) = app.couple("Ana", "Ben").await;
    history(&a, &b, 3).await;
    let backend = app.db.backend();
    let queries = hot_queries(backend);
    assert!(queries.len() >= 15);
    for q in queries {
        let plan = app.db.explain(&q).await.unwrap();
        assert!(!plan.is_empty(), "{}: no plan", q.name);
        let scans = full_scans(backend, &q.sql, &plan);
        assert!(
            scans.is_empty(),
            "{}: reads a whole table: {scans:?}\nplan:\n{}",
            q.name,
            plan.join("\n")
        );
    }
    // The check itself can fail: a query with no usable index is caught.
    let unindexed = mutual::store::plans::HotQuery {
        name: "unindexed",
        sql: "SELECT COUNT(*) FROM answers WHERE value_text = $1".into(),
        args: vec![mutual::store::plans::SampleArg::Text("x")],
    };
    let plan = app.db.explain(&unindexed).await.unwrap();
    assert!(
        !full_scans(backend, &unindexed.sql, &plan).is_empty(),
        "{plan:?}"
    );
}
