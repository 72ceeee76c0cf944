//! How pages and static files travel: compressed when the browser asks, the stylesheet
//! under a content-hashed URL cached for a year, and revalidated by ETag otherwise.

use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, ETAG, IF_NONE_MATCH, VARY,
};
use reqwest::StatusCode;

use crate::helpers::TestContext;

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(delivery:
        pages_and_static_files_are_compressed_when_the_browser_asks,
        the_stylesheet_has_a_content_hashed_url_kept_for_a_year,
        a_static_file_asked_for_again_with_its_etag_is_a_bodiless_304,
    )
}

/// A plain client (no cookies, no redirects) that sends exactly the headers given.
async fn fetch(url: &str, headers: &[(reqwest::header::HeaderName, &str)]) -> reqwest::Response {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut req = client.get(url);
    for (name, value) in headers {
        req = req.header(name, *value);
    }
    req.send().await.unwrap()
}

/// The stylesheet URL the pages link to.
async fn stylesheet_href(base: &str) -> String {
    let page = fetch(&format!("{base}/login"), &[])
        .await
        .text()
        .await
        .unwrap();
    let doc = scraper::Html::parse_document(&page);
    let sel = scraper::Selector::parse("link[rel=stylesheet]").unwrap();
    let link = doc.select(&sel).next().expect("a stylesheet link");
    link.value().attr("href").unwrap().to_owned()
}

async fn pages_and_static_files_are_compressed_when_the_browser_asks(ctx: TestContext) {
    let app = ctx.spawn().await;
    let plain = fetch(&format!("{}/login", app.url), &[]).await;
    assert_eq!(plain.headers().get(CONTENT_ENCODING), None);
    let plain_len = plain.bytes().await.unwrap().len();

    let gz = fetch(&format!("{}/login", app.url), &[(ACCEPT_ENCODING, "gzip")]).await;
    assert_eq!(gz.status(), StatusCode::OK);
    assert_eq!(gz.headers()[CONTENT_ENCODING], "gzip");
    assert!(gz.headers()[VARY]
        .to_str()
        .unwrap()
        .to_ascii_lowercase()
        .contains("accept-encoding"));
    // Compression keeps the page private and the security headers on.
    assert_eq!(gz.headers()[CACHE_CONTROL], "no-store");
    assert!(gz.headers().contains_key("content-security-policy"));
    let body = gz.bytes().await.unwrap();
    assert_eq!(&body[..2], &[0x1f, 0x8b], "a gzip stream");
    assert!(body.len() < plain_len, "{} >= {plain_len}", body.len());

    let css = format!("{}{}", app.url, stylesheet_href(&app.url).await);
    let plain_css = fetch(&css, &[]).await.bytes().await.unwrap().len();
    // What browsers send: gzip is chosen (brotli is left out of the build: it cost 1.4 MB
    // of binary for ~15 % smaller pages; a proxy in front can add it).
    let gz = fetch(&css, &[(ACCEPT_ENCODING, "gzip, deflate, br, zstd")]).await;
    assert_eq!(gz.headers()[CONTENT_ENCODING], "gzip");
    assert!(gz.headers().contains_key("x-content-type-options"));
    let gz_len = gz.bytes().await.unwrap().len();
    assert!(gz_len * 2 < plain_css, "gzip: {gz_len} of {plain_css}");
    // A client that takes only brotli gets the plain file, not an error.
    let br = fetch(&css, &[(ACCEPT_ENCODING, "br")]).await;
    assert_eq!(br.status(), StatusCode::OK);
    assert!(!br.headers().contains_key(CONTENT_ENCODING));
    assert_eq!(br.bytes().await.unwrap().len(), plain_css);
}

async fn the_stylesheet_has_a_content_hashed_url_kept_for_a_year(ctx: TestContext) {
    let app = ctx.spawn().await;
    let href = stylesheet_href(&app.url).await;
    let (path, version) = href.split_once("?v=").expect("a versioned URL");
    assert_eq!(path, "/static/css/main.css");
    assert_eq!(version.len(), 16);
    assert!(version.chars().all(|c| c.is_ascii_hexdigit()), "{version}");

    let versioned = fetch(&format!("{}{href}", app.url), &[]).await;
    assert_eq!(versioned.status(), StatusCode::OK);
    let cache = versioned.headers()[CACHE_CONTROL].to_str().unwrap();
    assert!(
        cache.contains("max-age=31536000") && cache.contains("immutable"),
        "{cache}"
    );
    assert_eq!(versioned.headers()[ETAG], format!("\"{version}\"").as_str());

    // Any other version (an old page, a guess) may not be kept: it is checked each time.
    for url in [path.to_owned(), format!("{path}?v=0123456789abcdef")] {
        let res = fetch(&format!("{}{url}", app.url), &[]).await;
        assert_eq!(res.status(), StatusCode::OK, "{url}");
        assert_eq!(res.headers()[CACHE_CONTROL], "public, no-cache", "{url}");
    }
}

async fn a_static_file_asked_for_again_with_its_etag_is_a_bodiless_304(ctx: TestContext) {
    let app = ctx.spawn().await;
    let css = format!("{}/static/css/main.css", app.url);
    let first = fetch(&css, &[]).await;
    let etag = first.headers()[ETAG].to_str().unwrap().to_owned();

    let again = fetch(&css, &[(IF_NONE_MATCH, &etag)]).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()[ETAG], etag.as_str());
    assert!(again.bytes().await.unwrap().is_empty());

    let stale = fetch(&css, &[(IF_NONE_MATCH, "\"0000000000000000\"")]).await;
    assert_eq!(stale.status(), StatusCode::OK);
    assert!(!stale.bytes().await.unwrap().is_empty());
}
