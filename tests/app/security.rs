//! Protections that apply to every route: headers, cross-site refusal, safe GETs.
//! The walks use `mutual::web::ROUTES`, which a unit test keeps complete.

use mutual::web::ROUTES;
use reqwest::StatusCode;

use crate::helpers::{Browser, Page, SignUp, TestApp, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(security:
        every_route_answers_with_the_security_headers,
        cross_site_posts_are_refused_and_change_nothing,
        no_get_route_changes_anything,
        https_adds_hsts_and_host_prefixed_cookies,
        signing_out_clears_the_site_data,
        a_panic_gets_the_calm_error_page_and_the_server_keeps_serving,
        logs_carry_request_ids_but_no_secrets,
    )
}

const TABLES: &[&str] = &[
    "users",
    "sessions",
    "couples",
    "couple_members",
    "invites",
    "checkins",
    "checkin_submissions",
    "answers",
];

async fn row_counts(app: &TestApp) -> Vec<i64> {
    let mut counts = Vec::new();
    for t in TABLES {
        counts.push(app.count(&format!("SELECT COUNT(*) FROM {t}")).await);
    }
    counts
}

/// A linked couple with one open check-in and an outstanding invite from a third
/// person, so every path parameter has a real value.
struct World {
    a: Browser,
    checkin: String,
    code: String,
}

async fn world(app: &TestApp) -> World {
    let (a, _b) = app.couple("Ana", "Ben").await;
    let checkin = a.start_checkin("after-intimacy").await;
    let c = app.person("Cy").await;
    let code: String = c
        .invite_code()
        .await
        .chars()
        .filter(|c| *c != '-')
        .collect();
    World { a, checkin, code }
}

fn concrete(path: &str, w: &World) -> String {
    let id = if path.starts_with("/account/devices") {
        "0123456789abcdef0123456789abcdef"
    } else {
        w.checkin.as_str()
    };
    path.replace("{id}", id)
        .replace("{link}", &w.checkin)
        .replace("{code}", &w.code)
        .replace("{*path}", "css/main.css")
}

#[track_caller]
fn assert_security_headers(page: &Page, what: &str) {
    let h = &page.headers;
    let csp = h["content-security-policy"].to_str().unwrap();
    for part in [
        "default-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ] {
        assert!(csp.contains(part), "{what}: {csp}");
    }
    assert!(
        !csp.contains("script-src"),
        "{what}: no script source at all"
    );
    assert_eq!(h["x-content-type-options"], "nosniff", "{what}");
    assert_eq!(h["referrer-policy"], "no-referrer", "{what}");
    assert_eq!(h["cross-origin-opener-policy"], "same-origin", "{what}");
    assert_eq!(h["cross-origin-resource-policy"], "same-origin", "{what}");
    assert!(
        h["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("camera=()"),
        "{what}"
    );
}

async fn every_route_answers_with_the_security_headers(ctx: TestContext) {
    let app = ctx.spawn().await;
    let w = world(&app).await;
    let visitor = app.browser();
    for (method, path) in ROUTES {
        let url = concrete(path, &w);
        for who in [&w.a, &visitor] {
            let page = match *method {
                "GET" => who.get(&url).await,
                _ => who.post_raw(&url, "").await,
            };
            let what = format!("{method} {url} -> {}", page.status);
            assert!(!page.status.is_server_error(), "{what}");
            assert_security_headers(&page, &what);
            if !url.starts_with("/static/") {
                assert_eq!(page.headers["cache-control"], "no-store", "{what}");
            }
        }
    }
    // Error pages too.
    assert_security_headers(&visitor.get("/no/such/page").await, "404");
}

async fn cross_site_posts_are_refused_and_change_nothing(ctx: TestContext) {
    let app = ctx.spawn().await;
    let w = world(&app).await;
    let token = w.a.csrf().await;
    let before = row_counts(&app).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    // The partner's real session cookie and form token: only the origin is wrong.
    let cookie = w.a.cookie_header().await;
    let mut checked = 0;
    for (method, path) in ROUTES.iter().filter(|(m, _)| *m == "POST") {
        let url = format!("{}{}", app.url, concrete(path, &w));
        let body = format!(
            "csrf_token={token}&confirm=yes&prompt_set_id=after-intimacy&code={}&a_after-enjoyable=x&display_name=X&email=x%40example.org&password=longenough",
            w.code
        );
        for (name, value) in [
            ("sec-fetch-site", "cross-site"),
            ("origin", "https://evil.example"),
        ] {
            let res = client
                .post(&url)
                .header("cookie", &cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .header(name, value)
                .body(body.clone())
                .send()
                .await
                .unwrap();
            assert_eq!(
                res.status(),
                StatusCode::FORBIDDEN,
                "{method} {url} with {name}: {value}"
            );
            checked += 1;
        }
    }
    assert_eq!(
        checked,
        2 * ROUTES.iter().filter(|(m, _)| *m == "POST").count()
    );
    assert_eq!(row_counts(&app).await, before, "nothing changed");
    // The same request from our own pages goes through.
    let res = client
        .post(format!("{}/checkins", app.url))
        .header("cookie", &cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .header("origin", &app.url)
        .body(format!("csrf_token={token}&prompt_set_id=after-intimacy"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn no_get_route_changes_anything(ctx: TestContext) {
    let app = ctx.spawn().await;
    let w = world(&app).await;
    let visitor = app.browser();
    let before = row_counts(&app).await;
    for (_, path) in ROUTES.iter().filter(|(m, _)| *m == "GET") {
        let url = concrete(path, &w);
        w.a.get(&url).await;
        visitor.get(&url).await;
    }
    assert_eq!(row_counts(&app).await, before);
}

async fn https_adds_hsts_and_host_prefixed_cookies(ctx: TestContext) {
    let mut config = ctx.config();
    config.https = true;
    let app = ctx.spawn_with(config).await;
    let page = app.browser().get("/login").await;
    assert!(page.headers["strict-transport-security"]
        .to_str()
        .unwrap()
        .starts_with("max-age="));
    let cookies: Vec<&str> = page
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert!(
        cookies
            .iter()
            .all(|c| c.starts_with("__Host-") && c.contains("Secure") && c.contains("Path=/")),
        "{cookies:?}"
    );
    let plain = ctx.spawn().await.browser().get("/login").await;
    assert!(plain.headers.get("strict-transport-security").is_none());
}

async fn signing_out_clears_the_site_data(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Dee").await;
    let page = a.post_form("/logout", &[]).await;
    page.assert_redirect_to("/login");
    let clear = page.headers["clear-site-data"].to_str().unwrap();
    assert!(
        clear.contains("\"cookies\"") && clear.contains("\"storage\""),
        "{clear}"
    );
}

async fn a_panic_gets_the_calm_error_page_and_the_server_keeps_serving(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.browser();
    let page = b.get("/__test/panic").await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(page.texts("h1"), vec!["Something went wrong on our side"]);
    assert!(
        !page.body.contains("deliberate"),
        "the cause stays in the logs"
    );
    assert_security_headers(&page, "500");
    b.get("/healthz").await.assert_ok();
}

async fn logs_carry_request_ids_but_no_secrets(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Logan", "Mira").await;
    let id = a.start_checkin("after-intimacy").await;
    let (ma, mb) = (
        crate::helpers::marker("log-a"),
        crate::helpers::marker("log-b"),
    );
    a.answer(
        &id,
        &[
            ("a_after-enjoyable", &ma),
            ("a_after-change", &ma),
            ("private_after-change", "on"),
        ],
    )
    .await;
    b.answer(&id, &[("a_after-enjoyable", &mb)]).await;
    let nell = app.browser();
    let nells_password = crate::helpers::marker("secret-pw");
    nell.register(SignUp::of("Nell").with("password", &nells_password))
        .await;
    nell.post_form(
        "/login",
        &[("email", "nell@example.org"), ("password", &nells_password)],
    )
    .await
    .assert_redirect_to("/");
    let code = nell.invite_code().await;
    a.post_form(
        "/login",
        &[
            ("email", "logan@example.org"),
            ("password", "Not-Logans-Pass-7731"),
        ],
    )
    .await;
    let token = a.csrf().await;
    let res = a.get("/").await;
    let request_id = res.headers["x-request-id"].to_str().unwrap().to_owned();
    let logs = crate::helpers::logs();
    assert!(
        logs.contains(&request_id),
        "responses carry the id their log lines carry"
    );
    assert!(
        logs.contains("signed in") && logs.contains("sign-in failed"),
        "sign-ins are logged as events"
    );
    for secret in [
        ma.as_str(),
        mb.as_str(),
        nells_password.as_str(),
        "Not-Logans-Pass-7731",
        "logan@example.org",
        "mira@example.org",
        token.as_str(),
        code.as_str(),
    ] {
        if let Some(i) = logs.find(secret) {
            panic!(
                "the logs contain {secret:?}: …{}…",
                &logs[i.saturating_sub(400)..(i + 100).min(logs.len())]
            );
        }
    }
    let cookie = a.cookie_header().await;
    let session = cookie
        .split("mutual_session=")
        .nth(1)
        .unwrap()
        .split(';')
        .next()
        .unwrap();
    assert!(!logs.contains(session), "the logs contain a session token");
}
