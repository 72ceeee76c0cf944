//! Signed-out pages in the language the browser asks for (issue 16, first step): the
//! frame, the landing page, the sign-in page and the error pages come from the Fluent
//! catalogues under locales/, and `<html lang>` says which language the page is in.

use crate::helpers::{Page, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(languages:
        signed_out_pages_follow_accept_language,
        without_accept_language_pages_are_in_english,
        an_error_page_follows_accept_language,
    )
}

/// The English catalogue's sentences for the signed-out pages: every message value of
/// two words or more, read from locales/en/main.ftl (single words such as a proper name
/// or "Check-ins" may well be the same in German). Selector variants are left out.
fn english_sentences() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en/main.ftl");
    let source = std::fs::read_to_string(path).expect("read the English catalogue");
    source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' '))
        .filter_map(|l| l.split_once(" = "))
        .map(|(_, value)| {
            value
                .split('{')
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned()
        })
        .filter(|v| v.split_whitespace().count() >= 2)
        .collect()
}

fn html_lang(page: &Page) -> Option<String> {
    page.attr("html", "lang")
}

fn assert_no_english(page: &Page, path: &str) {
    let english = english_sentences();
    assert!(english.len() > 20, "{english:?}");
    let text = page.html().root_element().text().collect::<String>();
    for sentence in english {
        assert!(
            !page.body.contains(&sentence) && !text.contains(&sentence),
            "English {sentence:?} on the German {path}"
        );
    }
}

async fn signed_out_pages_follow_accept_language(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.browser();
    let german = [("Accept-Language", "de-DE,de;q=0.9,en;q=0.5")];

    let landing = b.get_with_headers("/", &german).await;
    landing.assert_ok();
    assert_eq!(html_lang(&landing).as_deref(), Some("de"));
    assert_eq!(landing.texts("h1"), vec!["Wie war es für euch beide?"]);
    let lead = landing.texts(".lead").join(" ");
    assert!(lead.contains("behutsame Fragen"), "{lead}");
    assert!(landing.body.contains("Kein Tracking, keine Werbung."));
    assert_no_english(&landing, "/");

    let login = b.get_with_headers("/login", &german).await;
    login.assert_ok();
    assert_eq!(html_lang(&login).as_deref(), Some("de"));
    assert_eq!(login.texts("h1"), vec!["Anmelden"]);
    assert_eq!(login.texts("label[for=password]"), vec!["Passwort"]);
    assert_no_english(&login, "/login");

    let signed_out = b.get_with_headers("/login?signed_out=1", &german).await;
    assert!(signed_out
        .notice()
        .contains("Du bist abgemeldet. Bis bald."));
    assert_no_english(&signed_out, "/login?signed_out=1");

    // A language the app does not have falls to the next one the browser names.
    let french_first = [("Accept-Language", "fr;q=1, de;q=0.8, en;q=0.7")];
    let page = b.get_with_headers("/login", &french_first).await;
    assert_eq!(html_lang(&page).as_deref(), Some("de"));
}

async fn without_accept_language_pages_are_in_english(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.browser();
    for path in ["/", "/login", "/no-such-page"] {
        let page = b.get(path).await;
        assert_eq!(html_lang(&page).as_deref(), Some("en"), "{path}");
    }
    let page = b.get("/login").await;
    assert_eq!(page.texts("h1"), vec!["Sign in"]);
    let page = b
        .get_with_headers("/login", &[("Accept-Language", "fr-FR, *;q=0.5")])
        .await;
    assert_eq!(html_lang(&page).as_deref(), Some("en"));
}

async fn an_error_page_follows_accept_language(ctx: TestContext) {
    let app = ctx.spawn().await;
    let page = app
        .browser()
        .get_with_headers("/no-such-page", &[("Accept-Language", "de")])
        .await;
    assert_eq!(page.status, reqwest::StatusCode::NOT_FOUND);
    assert_eq!(html_lang(&page).as_deref(), Some("de"));
    assert_eq!(page.texts("h1"), vec!["Hier ist nichts"]);
    assert_no_english(&page, "/no-such-page");
}
