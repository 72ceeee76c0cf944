//! Retention: the purge forgets expired sessions, spent invites, reset links and sign-up
//! codes, and unfinished check-ins dismissed more than 30 days ago, with their answers.

use mutual::domain::{operator, retention};
use time::Duration;

use crate::helpers::{marker, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(retention:
        the_purge_forgets_what_has_run_out_and_keeps_the_rest,
    )
}

async fn the_purge_forgets_what_has_run_out_and_keeps_the_rest(ctx: TestContext) {
    let config = ctx.config();
    let policy = config.session_policy();
    let app = ctx.spawn_with(config).await;
    let (ada, ben) = app.couple("Ada", "Ben").await;
    let cy = app.person("Cy").await;
    cy.invite_code().await; // an invite nobody uses
    operator::reset_link(&app.db, &app.clock, &app.url, "ben@example.org")
        .await
        .unwrap();
    operator::create_signup_code(&app.db, &app.clock, 14)
        .await
        .unwrap();

    // Kept: a check-in both answered, and one still open.
    let revealed = ada.start_checkin("after-intimacy").await;
    ada.answer(&revealed, &[("a_after-connected", "4")]).await;
    ben.answer(&revealed, &[("a_after-connected", "5")]).await;
    let open = ada.start_checkin("after-intimacy").await;
    // Dismissed unfinished on day 0 (gone on day 31) and on day 20 (kept on day 31).
    let old_words = marker("dismissed-long-ago");
    let old = ada.start_checkin("after-intimacy").await;
    ada.answer(&old, &[("a_after-how-was-it", &old_words)])
        .await;
    ada.post_form(&format!("/checkins/{old}/dismiss"), &[])
        .await
        .assert_redirect_to("/checkins");

    // Nothing has run out yet but the invite the couple used: the rest stays.
    let first = retention::purge_once(&app.db, &app.clock, policy)
        .await
        .unwrap();
    assert_eq!(first.invites, 1, "{first:?}");
    assert_eq!(first.checkins + first.sessions, 0, "{first:?}");
    assert_eq!(first.password_resets + first.signup_codes, 0, "{first:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM invites").await, 1);

    app.clock.advance(Duration::days(20));
    ada.sign_in("Ada").await.assert_redirect_to("/");
    let recent_words = marker("dismissed-recently");
    let recent = ada.start_checkin("after-intimacy").await;
    ada.answer(&recent, &[("a_after-how-was-it", &recent_words)])
        .await;
    ada.post_form(&format!("/checkins/{recent}/dismiss"), &[])
        .await
        .assert_redirect_to("/checkins");

    app.clock.advance(Duration::days(11));
    cy.sign_in("Cy").await.assert_redirect_to("/");
    let sessions_before = app.count("SELECT COUNT(*) FROM sessions").await;
    let purged = retention::purge_once(&app.db, &app.clock, policy)
        .await
        .unwrap();

    // Ben's day-0 session is past its idle time; Ada's day-20 and Cy's day-31 ones live.
    assert_eq!(purged.sessions, 1, "{purged:?}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM sessions").await,
        sessions_before - 1
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 2);
    cy.get("/").await.assert_ok();
    ada.get("/").await.assert_ok();
    ben.get("/checkins").await.assert_redirect_to("/login");
    // Cy's expired invite, the reset link, the sign-up code.
    assert_eq!(purged.invites, 1, "{purged:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM invites").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM password_resets").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM signup_codes").await, 0);
    // Only the long-dismissed check-in went, with its answers.
    assert_eq!((purged.checkins, purged.answers), (1, 1), "{purged:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM checkins").await, 3);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM answers WHERE value_text = '{old_words}'"
        ))
        .await,
        0
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM answers WHERE value_text = '{recent_words}'"
        ))
        .await,
        1
    );
    for kept in [&revealed, &open, &recent] {
        ada.get(&format!("/checkins/{kept}")).await.assert_ok();
    }
    assert_eq!(
        ada.get(&format!("/checkins/{old}")).await.status,
        reqwest::StatusCode::NOT_FOUND
    );
    // Run again: nothing more to forget.
    let again = retention::purge_once(&app.db, &app.clock, policy)
        .await
        .unwrap();
    assert_eq!(again, Default::default());
}
