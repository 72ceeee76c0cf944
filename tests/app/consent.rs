//! Consent at sign-up: a separate, unticked box; no account without it; stored with its
//! time and the version of the wording.

use reqwest::StatusCode;

use crate::helpers::{Browser, SignUp, TestContext};
use mutual::domain::consent;

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(consent:
        the_consent_box_starts_unticked_and_says_what_is_stored,
        sign_up_without_consent_is_refused_with_the_form_kept,
        consent_is_stored_with_its_time_and_wording_version,
        a_registered_email_gets_the_same_answers_and_no_second_consent,
    )
}

async fn the_consent_box_starts_unticked_and_says_what_is_stored(ctx: TestContext) {
    let app = ctx.spawn().await;
    let page = app.browser().get("/register").await;
    page.assert_ok();
    assert_eq!(page.attr("#consent", "type").as_deref(), Some("checkbox"));
    assert_eq!(page.attr("#consent", "name").as_deref(), Some("consent"));
    assert_eq!(
        page.attr("#consent", "checked"),
        None,
        "never ticked for them"
    );
    assert_eq!(
        page.attr("#consent", "aria-describedby").as_deref(),
        Some("consent-explain")
    );
    let explained = page.texts("#consent-explain").join(" ");
    assert!(explained.contains("intimate life"), "{explained}");
    assert!(
        explained.contains("so that you and your partner"),
        "{explained}"
    );
    // Its own box, not folded into the therapist one.
    assert_eq!(page.texts("input[type=checkbox]").len(), 2);
}

async fn sign_up_without_consent_is_refused_with_the_form_kept(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.browser();
    let page = b
        .register(
            SignUp::of("Robin")
                .without("consent")
                .with("therapist", "on"),
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        page.attr("#display_name", "value").as_deref(),
        Some("Robin")
    );
    assert_eq!(
        page.attr("#email", "value").as_deref(),
        Some("robin@example.org")
    );
    assert_eq!(page.attr("#password", "value"), None, "never echoed");
    assert!(page.attr("input[name=therapist]", "checked").is_some());
    assert_eq!(page.attr("#consent", "checked"), None);
    assert_eq!(
        page.attr("#consent", "aria-invalid").as_deref(),
        Some("true")
    );
    let described = page
        .attr("#consent", "aria-describedby")
        .unwrap_or_default();
    assert!(
        described.split(' ').any(|id| id == "consent-error"),
        "{described}"
    );
    assert_eq!(
        page.texts("#consent-error"),
        vec![crate::helpers::english(consent::DATA_STORAGE_MISSING)]
    );
    assert_eq!(
        page.texts(".field-error").len(),
        1,
        "only the consent is missing"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM consents").await, 0);

    // Ticked, but another field wrong: the tick is kept along with everything else.
    let page = b
        .register(SignUp::of("Robin").with("email", "robin-at-example"))
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.attr("#consent", "checked").is_some());
    assert!(page.texts("#consent-error").is_empty());

    // With the box ticked, the account is made.
    b.register(SignUp::of("Robin"))
        .await
        .assert_redirect_to("/login?registered=1");
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
}

async fn consent_is_stored_with_its_time_and_wording_version(ctx: TestContext) {
    let app = ctx.spawn().await;
    // Well away from the real time, so the stored time is visibly the app's clock.
    app.clock.advance(time::Duration::days(40));
    let before = app.clock.now();
    let sam = app.person("Sam").await;
    let after = app.clock.now();
    assert!(sam.get("/").await.texts("h1")[0].contains("Sam"));
    let stored =
        mutual::store::signup::list_consents(&app.db, find_user(&app, "sam@example.org").await)
            .await
            .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].kind, consent::DATA_STORAGE);
    assert_eq!(stored[0].version, consent::DATA_STORAGE_VERSION);
    assert!(
        stored[0].given_at >= before - time::Duration::seconds(1)
            && stored[0].given_at <= after + time::Duration::seconds(1),
        "{:?} not within {before} .. {after}",
        stored[0].given_at
    );
}

async fn find_user(app: &crate::helpers::TestApp, email: &str) -> mutual::ids::UserId {
    mutual::store::accounts::find_credentials(&app.db, email)
        .await
        .unwrap()
        .expect("registered")
        .user_id
}

async fn a_registered_email_gets_the_same_answers_and_no_second_consent(ctx: TestContext) {
    let app = ctx.spawn().await;
    app.person("Ash").await;
    let register = |email: &'static str, consent: bool| {
        let b = app.browser();
        async move {
            let form = SignUp::of("Someone")
                .with("email", email)
                .with("password", "quiet orchard lamp");
            b.register(if consent {
                form
            } else {
                form.without("consent")
            })
            .await
        }
    };
    // Without consent: the same refusal, whether or not the email has an account.
    let taken = register("ash@example.org", false).await;
    let fresh = register("new@example.org", false).await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(taken.status, fresh.status);
    assert_eq!(taken.texts(".field-error"), fresh.texts(".field-error"));
    // With consent: the same redirect.
    let taken = register("ash@example.org", true).await;
    let fresh = register("new2@example.org", true).await;
    assert_eq!(taken.status, fresh.status);
    assert_eq!(taken.location(), fresh.location());
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 2);
    // Ash's one consent is not repeated by the stranger's attempt.
    assert_eq!(app.count("SELECT COUNT(*) FROM consents").await, 2);
    let ash = find_user(&app, &Browser::email("Ash")).await;
    assert_eq!(
        mutual::store::signup::list_consents(&app.db, ash)
            .await
            .unwrap()
            .len(),
        1
    );
}
