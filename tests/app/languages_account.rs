//! The account pages in German (issue 16): signing up (also with errors), the closed
//! sign-up page, a new password from a reset link, the code step of two-step sign-in,
//! and every page under /account, the printable export and the deleted page too.

use mutual::config::Registration;
use mutual::domain::operator;
use reqwest::StatusCode;

use crate::helpers::therapist::linked_as;
use crate::helpers::two_step::{enrol, now};
use crate::helpers::{Browser, Page, SignUp, TestApp, TestContext, PASSWORD};
use crate::languages::assert_no_english;

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(languages_account:
        sign_up_in_german_blank_and_with_errors,
        closed_sign_up_in_german,
        a_reset_link_in_german,
        the_account_pages_in_german,
        two_step_sign_in_in_german,
        the_printable_export_in_german,
        the_therapist_log_in_german,
        deleting_an_account_in_german,
    )
}

const GERMAN: [(&str, &str); 1] = [("Accept-Language", "de")];

/// A person who chose German when signing up, signed in.
async fn german(app: &TestApp, name: &str) -> Browser {
    let b = app.browser();
    b.register(SignUp::of(name).with("language", "de"))
        .await
        .assert_redirect_to("/login?registered=1");
    b.sign_in(name).await.assert_redirect_to("/");
    b
}

async fn to_german(b: &Browser) {
    b.post_form("/account/language", &[("language", "de")])
        .await
        .assert_redirect_to("/account?done=language");
}

fn ok_in_german(page: &Page, path: &str) {
    page.assert_ok();
    assert_no_english(page, path);
}

async fn sign_up_in_german_blank_and_with_errors(ctx: TestContext) {
    let mut config = ctx.config();
    config.registration = Registration::InviteOnly;
    let app = ctx.spawn_with(config).await;
    let b = app.browser();
    let page = b.get_with_headers("/register", &GERMAN).await;
    ok_in_german(&page, "/register");
    assert_eq!(page.texts("h1"), vec!["Konto erstellen"]);
    assert_eq!(
        page.texts("label[for=signup_code]"),
        vec!["Registrierungscode"]
    );
    // The versioned consent, in German words; the English wording is what is stored.
    assert!(page
        .texts("#consent-explain")
        .join("")
        .starts_with("Mutual speichert, was du über dein intimes Leben schreibst"));
    assert!(page.body.contains("Mein Konto erstellen"));

    // Sent back with errors: the page's own words stay German (the field errors are
    // the domain's and may still be English).
    let page = b
        .register(
            SignUp::of("Kim")
                .with("language", "de")
                .with("password", "short")
                .without("consent"),
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.texts("h1"), vec!["Konto erstellen"]);
    assert!(page.body.contains("Ich verstehe, dass Mutual speichert"));
    // The field errors are the domain's words, in no catalogue yet: once they are, this
    // checks them too.
    assert_no_english(&page, "/register (errors)");
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

async fn closed_sign_up_in_german(ctx: TestContext) {
    let mut config = ctx.config();
    config.registration = Registration::Closed;
    let app = ctx.spawn_with(config).await;
    let page = app.browser().get_with_headers("/register", &GERMAN).await;
    ok_in_german(&page, "/register (closed)");
    assert_eq!(
        page.texts("h1"),
        vec!["Hier entstehen gerade keine neuen Konten"]
    );
}

async fn a_reset_link_in_german(ctx: TestContext) {
    let app = ctx.spawn().await;
    app.person("Ada").await;
    let link = operator::reset_link(&app.db, &app.clock, &app.url, "ada@example.org")
        .await
        .unwrap();
    let path = link.strip_prefix(app.url.as_str()).unwrap().to_owned();
    let visitor = app.browser();
    let form = visitor.get_with_headers(&path, &GERMAN).await;
    ok_in_german(&form, "/reset-password");
    assert_eq!(form.texts("h1"), vec!["Neues Passwort festlegen"]);
    // Used, the link says so in German too.
    let token = path.split("token=").nth(1).unwrap();
    visitor
        .post_form(
            "/reset-password",
            &[("token", token), ("new_password", "a brand new lantern")],
        )
        .await
        .assert_redirect_to("/login?reset=1");
    let gone = visitor.get_with_headers(&path, &GERMAN).await;
    assert_eq!(gone.status, StatusCode::GONE);
    assert_no_english(&gone, "/reset-password (gone)");
    assert!(gone.body.contains("Dieser Link funktioniert nicht mehr"));
}

async fn the_account_pages_in_german(ctx: TestContext) {
    let app = ctx.spawn().await;
    let kim = german(&app, "Kim").await;
    let page = kim.get("/account").await;
    ok_in_german(&page, "/account");
    assert_eq!(page.texts("h1"), vec!["Dein Konto"]);
    for done in ["details", "email", "password", "language"] {
        let path = format!("/account?done={done}");
        ok_in_german(&kim.get(&path).await, &path);
    }
    // A form sent back: the page around the error stays German.
    let page = kim
        .post_form(
            "/account/email",
            &[("email", "kim@example.org"), ("password", "not mine")],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(page.texts("h1"), vec!["Dein Konto"]);
    assert!(page.body.contains("Dein aktuelles Passwort"));

    // Devices, with a second one signed in, and their notices.
    let other = app.browser();
    other.sign_in("Kim").await.assert_redirect_to("/");
    let page = kim.get("/account/devices").await;
    ok_in_german(&page, "/account/devices");
    assert!(page.body.contains("Dieses Gerät abmelden"));
    assert!(page.body.contains("Angemeldet am "));
    for done in ["ended", "others"] {
        let path = format!("/account/devices?done={done}");
        let page = kim.get(&path).await;
        ok_in_german(&page, &path);
        assert!(!page.notice().is_empty(), "{path}");
    }

    // Changing the password, also with a mistake.
    let page = kim.get("/account/password").await;
    ok_in_german(&page, "/account/password");
    assert_eq!(page.texts("h1"), vec!["Passwort ändern"]);
    let page = kim
        .post_form(
            "/account/password",
            &[("current_password", "not mine"), ("new_password", "short")],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("Aktuelles Passwort"));
}

async fn two_step_sign_in_in_german(ctx: TestContext) {
    let app = ctx.spawn().await;
    let kim = german(&app, "Kim").await;
    let page = kim.get("/account/two-factor").await;
    ok_in_german(&page, "/account/two-factor (off)");
    assert!(page.body.contains("<strong>ausgeschaltet</strong>"));
    let start = kim.post_form("/account/two-factor/start", &[]).await;
    ok_in_german(&start, "/account/two-factor/start");
    // A wrong code: the enrolment page again, still German around the error.
    let wrong = kim
        .post_form("/account/two-factor/confirm", &[("code", "000000")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Gib den 6-stelligen Code ein"));
    let (secret, codes) = enrol(&app, &kim).await;
    let page = kim.get("/account/two-factor").await;
    ok_in_german(&page, "/account/two-factor (on)");
    assert!(
        page.body.contains(&format!(
            "{} unbenutzte Wiederherstellungscodes",
            codes.len()
        )),
        "{}",
        page.body
    );

    // The code step of signing in, in Kim's own language whatever the browser says.
    let laptop = app.browser();
    laptop
        .sign_in("Kim")
        .await
        .assert_redirect_to("/login/code");
    let page = laptop
        .get_with_headers("/login/code", &[("Accept-Language", "en")])
        .await;
    ok_in_german(&page, "/login/code");
    assert_eq!(page.texts("h1"), vec!["Noch ein Schritt"]);
    let wrong = laptop.post_form("/login/code", &[("code", "12")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong.texts("h1"), vec!["Noch ein Schritt"]);
    let code = mutual::domain::two_factor::code_at(&secret, now(&app)).unwrap();
    laptop
        .post_form("/login/code", &[("code", &code)])
        .await
        .assert_redirect_to("/");
}

async fn the_printable_export_in_german(ctx: TestContext) {
    let app = ctx.spawn().await;
    // Alone, with nothing yet.
    let kim = german(&app, "Kim").await;
    let page = kim.get("/account/export").await;
    ok_in_german(&page, "/account/export (empty)");
    assert!(page.body.contains("Noch keine Check-ins."));
    assert!(page.body.contains("was dein Gegenüber mit dir geteilt hat"));

    // A couple with answers, revealed and open.
    let (ada, ben) = app.couple("Ada", "Ben").await;
    let planted = crate::your_data::plant(&ada, &ben).await;
    to_german(&ada).await;
    let page = ada.get("/account/export").await;
    ok_in_german(&page, "/account/export");
    assert!(page.body.contains(planted.a_shared.as_str()));
    assert!(page.body.contains("Du und Ben, bis jetzt"));
    assert!(page.body.contains("(nur für dich behalten)"));
    assert!(page.body.contains("beide haben geantwortet"));
    // The library's words are German, the scale answers too.
    assert!(page.body.contains("4 von 5"), "{}", page.body);
    // The file keeps the words as stored.
    let json = ada.get("/account/export.json").await;
    assert!(json.body.contains("\"status\": \"both answered\""));
}

async fn the_therapist_log_in_german(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, _b, link_id) = linked_as(&app, ("Theo", "Ana", "Ben"), ("1", "1")).await;
    to_german(&a).await;
    let page = a.get("/account/therapist-log").await;
    ok_in_german(&page, "/account/therapist-log (empty)");
    t.get(&format!("/therapist/couples/{link_id}"))
        .await
        .assert_ok();
    let page = a.get("/account/therapist-log").await;
    ok_in_german(&page, "/account/therapist-log");
    let rows = page.texts("table tbody tr");
    assert!(
        rows[0].contains("Theo") && rows[0].contains("wie viele Check-ins ihr gemacht habt"),
        "{rows:?}"
    );
}

async fn deleting_an_account_in_german(ctx: TestContext) {
    let app = ctx.spawn().await;
    let kim = german(&app, "Kim").await;
    let page = kim.get("/account/delete").await;
    ok_in_german(&page, "/account/delete (alone)");
    let (ada, _ben) = app.couple("Ada", "Ben").await;
    to_german(&ada).await;
    let page = ada.get("/account/delete").await;
    ok_in_german(&page, "/account/delete");
    assert!(page
        .body
        .contains("Die Verbindung zwischen dir und Ben wird gelöst."));
    let wrong = ada
        .post_form(
            "/account/delete",
            &[("password", "not mine"), ("confirm", "nope")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Mein Konto löschen"));
    let done = ada
        .post_form(
            "/account/delete",
            &[("password", PASSWORD), ("confirm", "delete my account")],
        )
        .await;
    done.assert_redirect_to("/deleted");
    let page = ada.get(done.location()).await;
    ok_in_german(&page, "/deleted");
    assert_eq!(page.texts("h1"), vec!["Dein Konto ist gelöscht"]);
}
