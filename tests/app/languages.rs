//! Signed-out pages in the language the browser asks for (issue 16, first step): the
//! frame, the landing page, the sign-in page and the error pages come from the Fluent
//! catalogues under locales/, and `<html lang>` says which language the page is in.

use crate::helpers::{link, Page, SignUp, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(languages:
        signed_out_pages_follow_accept_language,
        without_accept_language_pages_are_in_english,
        an_error_page_follows_accept_language,
        the_small_language_link_is_kept_for_signed_out_pages,
        sign_up_starts_in_the_browsers_language_and_the_choice_is_kept,
        each_partner_reads_in_their_own_language,
        the_export_keeps_english_keys_and_carries_the_language,
        a_language_the_app_lacks_is_refused_and_changes_nothing,
        form_errors_are_in_the_readers_language,
        deleting_is_confirmed_with_words_in_the_readers_language,
    )
}

/// The English catalogue's sentences: every message value of two words or more, read
/// from every file under locales/en/ (single words such as a proper name or "Check-ins"
/// may well be the same in German). Selector variants are left out.
pub(crate) fn english_sentences() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en");
    let mut source = String::new();
    for entry in std::fs::read_dir(dir).expect("locales/en").flatten() {
        source += &std::fs::read_to_string(entry.path()).expect("read the English catalogue");
        source.push('\n');
    }
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

pub(crate) fn html_lang(page: &Page) -> Option<String> {
    page.attr("html", "lang")
}

/// The page is in German: `<html lang="de">`, and none of the English catalogue's
/// sentences in its markup or its text.
pub(crate) fn assert_no_english(page: &Page, path: &str) {
    assert_eq!(html_lang(page).as_deref(), Some("de"), "{path}");
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

async fn the_small_language_link_is_kept_for_signed_out_pages(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.browser();
    let login = b.get("/login").await;
    // The link to German is written in German, says so, and is a plain link.
    assert_eq!(login.texts("footer a[lang=de]"), vec!["Deutsch"]);
    assert_eq!(
        login.attr("footer a[lang=de]", "href").as_deref(),
        Some("?lang=de")
    );
    assert!(!login.body.contains("hreflang"));

    let german = b.get("/login?lang=de").await;
    assert_eq!(html_lang(&german).as_deref(), Some("de"));
    assert_eq!(german.texts("footer a[lang=en]"), vec!["English"]);
    // The next page, without the link and with a browser asking for English, stays German.
    let next = b
        .get_with_headers("/register", &[("Accept-Language", "en")])
        .await;
    assert_eq!(html_lang(&next).as_deref(), Some("de"));
    // Back to English the same way.
    b.get("/?lang=en").await.assert_ok();
    assert_eq!(html_lang(&b.get("/login").await).as_deref(), Some("en"));
}

async fn sign_up_starts_in_the_browsers_language_and_the_choice_is_kept(ctx: TestContext) {
    let app = ctx.spawn().await;
    // The form offers every language, the browser's chosen.
    let form = app
        .browser()
        .get_with_headers("/register", &[("Accept-Language", "de-AT, en;q=0.5")])
        .await;
    assert_eq!(
        form.attr("#language option[selected]", "value").as_deref(),
        Some("de")
    );
    assert_eq!(form.texts("#language option"), vec!["English", "Deutsch"]);
    let form = app.browser().get("/register").await;
    assert_eq!(
        form.attr("#language option[selected]", "value").as_deref(),
        Some("en")
    );

    // Chosen on the form: every signed-in page is then in it.
    let kim = app.browser();
    kim.register(SignUp::of("Kim").with("language", "de"))
        .await
        .assert_redirect_to("/login?registered=1");
    kim.sign_in("Kim").await.assert_redirect_to("/");
    for path in ["/", "/account", "/checkins", "/couple"] {
        let page = kim.get(path).await;
        page.assert_ok();
        assert_eq!(html_lang(&page).as_deref(), Some("de"), "{path}");
    }
    // Left to the page: the signed-out choice (here the small link's) is what is stored.
    let ole = app.browser();
    ole.get("/register?lang=de").await.assert_ok();
    ole.register(SignUp::of("Ole"))
        .await
        .assert_redirect_to("/login?registered=1");
    ole.get("/?lang=en").await.assert_ok();
    ole.sign_in("Ole").await.assert_redirect_to("/");
    // Signed in, the stored language wins over the cookie and the browser.
    let home = ole
        .get_with_headers("/", &[("Accept-Language", "en")])
        .await;
    assert_eq!(html_lang(&home).as_deref(), Some("de"));
    let stored: Vec<String> = app
        .sql()
        .scalars("SELECT language FROM users ORDER BY display_name", &[])
        .await;
    assert_eq!(stored, vec!["de", "de"]);
}

async fn each_partner_reads_in_their_own_language(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (alex, sam) = app.couple("Alex", "Sam").await;
    change_language(&sam, "de").await;
    let account = sam.get("/account?done=language").await;
    assert_eq!(html_lang(&account).as_deref(), Some("de"));
    assert!(
        account.notice().contains("Deine Sprache ist gespeichert."),
        "{}",
        account.notice()
    );
    assert_eq!(
        account
            .attr("#language option[selected]", "value")
            .as_deref(),
        Some("de")
    );
    // Alex's pages stay English.
    for path in ["/", "/account", "/couple"] {
        assert_eq!(
            html_lang(&alex.get(path).await).as_deref(),
            Some("en"),
            "{path}"
        );
        assert_eq!(
            html_lang(&sam.get(path).await).as_deref(),
            Some("de"),
            "{path}"
        );
    }
    change_language(&sam, "en").await;
    assert_eq!(html_lang(&sam.get("/").await).as_deref(), Some("en"));
    // A couple made of two people who chose differently still links and works.
    let (kim, ole) = (app.browser(), app.browser());
    kim.register(SignUp::of("Kim").with("language", "de")).await;
    kim.sign_in("Kim").await.assert_redirect_to("/");
    ole.sign_up("Ole").await;
    link(&kim, &ole).await;
    assert_eq!(html_lang(&kim.get("/couple").await).as_deref(), Some("de"));
    assert_eq!(html_lang(&ole.get("/couple").await).as_deref(), Some("en"));
}

async fn change_language(b: &crate::helpers::Browser, code: &str) {
    b.post_form("/account/language", &[("language", code)])
        .await
        .assert_redirect_to("/account?done=language");
}

async fn the_export_keeps_english_keys_and_carries_the_language(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (_alex, sam) = app.couple("Alex", "Sam").await;
    change_language(&sam, "de").await;
    let page = sam.get("/account/export.json").await;
    page.assert_ok();
    let json: serde_json::Value = serde_json::from_str(&page.body).expect("JSON");
    assert_eq!(json["account"]["language"], "de");
    assert_eq!(json["account"]["time_zone"], "UTC");
    assert!(json.get("checkins").is_some() && json.get("couples").is_some());
}

async fn a_language_the_app_lacks_is_refused_and_changes_nothing(ctx: TestContext) {
    let app = ctx.spawn().await;
    let sam = app.person("Sam").await;
    for code in ["fr", "", "DE", "de-CH"] {
        let page = sam
            .post_form("/account/language", &[("language", code)])
            .await;
        assert_eq!(page.status, reqwest::StatusCode::BAD_REQUEST, "{code:?}");
    }
    // Another person's form token does not change anyone's language.
    let other = app.person("Kim").await;
    let csrf = other.csrf().await;
    let body =
        serde_urlencoded::to_string([("csrf_token", csrf.as_str()), ("language", "de")]).unwrap();
    let page = sam.post_raw("/account/language", &body).await;
    assert_eq!(page.status, reqwest::StatusCode::FORBIDDEN);
    let stored: Vec<String> = app.sql().scalars("SELECT language FROM users", &[]).await;
    assert_eq!(stored, vec!["en", "en"]);
}

async fn form_errors_are_in_the_readers_language(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.browser();
    b.get("/register?lang=de").await.assert_ok();
    let page = b
        .register(
            SignUp::of("")
                .with("email", "nope")
                .with("password", "kurz"),
        )
        .await;
    assert_eq!(page.status, reqwest::StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(html_lang(&page).as_deref(), Some("de"));
    assert_eq!(
        page.texts("#password-error"),
        vec!["Bitte nimm mindestens 8 Zeichen."]
    );
    assert_eq!(
        page.texts("#display_name-error"),
        vec!["Bitte gib den Namen ein, den dein Gegenüber sehen wird."]
    );
    assert!(page.texts("#email-error")[0].contains("E-Mail-Adresse"));
    // What was typed is still there.
    assert_eq!(page.attr("#email", "value").as_deref(), Some("nope"));
    // The same form in English says it in English.
    let english = app
        .browser()
        .register(SignUp::of("").with("password", "short"))
        .await;
    assert_eq!(
        english.texts("#password-error"),
        vec!["Please use at least 8 characters."]
    );
    // A signed-in German reader gets the domain's refusals in German too.
    let kim = app.browser();
    kim.register(SignUp::of("Kim").with("language", "de")).await;
    kim.sign_in("Kim").await.assert_redirect_to("/");
    let join = kim.post_form("/couple/join", &[("code", "x")]).await;
    assert_eq!(join.status, reqwest::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        join.body.contains("Dieser Code sieht nicht richtig aus."),
        "{}",
        join.body
    );
}

async fn deleting_is_confirmed_with_words_in_the_readers_language(ctx: TestContext) {
    let app = ctx.spawn().await;
    let kim = app.browser();
    kim.register(SignUp::of("Kim").with("language", "de")).await;
    kim.sign_in("Kim").await.assert_redirect_to("/");
    let page = kim.get("/account/delete").await;
    assert!(page.body.contains("„mein Konto löschen“"), "{}", page.body);
    // Other words are refused, in German, and nothing is deleted.
    let wrong = kim
        .post_form(
            "/account/delete",
            &[
                ("password", crate::helpers::PASSWORD),
                ("confirm", "löschen"),
            ],
        )
        .await;
    assert_eq!(wrong.status, reqwest::StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        wrong.texts("#confirm-error"),
        vec!["Zur Sicherheit tipp hier bitte „mein Konto löschen“ ein."]
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
    kim.post_form(
        "/account/delete",
        &[
            ("password", crate::helpers::PASSWORD),
            ("confirm", "Mein Konto löschen"),
        ],
    )
    .await
    .assert_redirect_to("/deleted?lang=de");
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
    // The English words work on a German page too.
    let ole = app.browser();
    ole.register(SignUp::of("Ole").with("language", "de")).await;
    ole.sign_in("Ole").await.assert_redirect_to("/");
    ole.post_form(
        "/account/delete",
        &[
            ("password", crate::helpers::PASSWORD),
            ("confirm", "delete my account"),
        ],
    )
    .await
    .assert_redirect_to("/deleted");
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}
