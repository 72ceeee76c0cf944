//! Two-step sign-in turned on the way a person does it, with codes from the app's clock.

use mutual::domain::two_factor::code_at;
use time::Duration;

use super::{Browser, TestApp};

/// The current time on the app's clock, as an authenticator reads it.
pub fn now(app: &TestApp) -> u64 {
    app.clock.now().unix_timestamp() as u64
}

/// Turns two-step sign-in on for `b`; returns the secret (base32, as the page shows it)
/// and the recovery codes.
pub async fn enrol(app: &TestApp, b: &Browser) -> (String, Vec<String>) {
    let page = b.post_form("/account/two-factor/start", &[]).await;
    page.assert_ok();
    let secret = page.texts("samp.key").remove(0);
    let code = code_at(&secret, now(app)).unwrap();
    let done = b
        .post_form("/account/two-factor/confirm", &[("code", &code)])
        .await;
    done.assert_ok();
    let codes = done.texts(".recovery-codes samp");
    // The code used to confirm is spent: move on one step for the next one.
    app.clock.advance(Duration::seconds(30));
    (secret, codes)
}
