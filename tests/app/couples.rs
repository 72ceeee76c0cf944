//! Invites, joining, unlinking.

use reqwest::StatusCode;
use time::Duration;

use crate::helpers::{link, SignUp, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(couples:
        an_invite_links_two_people,
        invite_codes_carry_at_least_40_random_bits,
        an_invite_link_asks_before_linking,
        an_invite_link_sends_a_newcomer_to_register_and_back,
        an_expired_code_is_refused,
        a_used_code_is_refused,
        a_typo_or_unknown_code_is_refused_kindly,
        your_own_code_cannot_link_you,
        a_linked_person_cannot_join_or_invite_again,
        a_new_code_replaces_the_old_one,
        a_typed_code_shows_who_it_is_from_before_linking,
        linking_again_offers_to_bring_back_the_shared_history,
        unlinking_needs_confirmation,
        either_partner_can_unlink_for_both,
    )
}

async fn an_invite_links_two_people(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (ana, ben) = app.couple("Ana", "Ben").await;
    assert!(ana
        .get("/couple")
        .await
        .body
        .contains("linked with <strong>Ben</strong>"));
    assert!(ben
        .get("/couple")
        .await
        .body
        .contains("linked with <strong>Ana</strong>"));
    assert_eq!(app.count("SELECT COUNT(*) FROM couples").await, 1);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM couple_members WHERE left_at IS NULL")
            .await,
        2
    );
}

async fn invite_codes_carry_at_least_40_random_bits(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Cy").await;
    let code = a.invite_code().await;
    let symbols: String = code.chars().filter(|c| *c != '-').collect();
    // 10 symbols of a 32-letter alphabet: 50 bits.
    assert_eq!(symbols.len(), 10, "{code}");
    assert!(symbols
        .chars()
        .all(|c| "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)));
    let page = a.get("/couple").await;
    assert!(
        page.body.contains(&format!("/join/{symbols}")),
        "the code is also shown as a link"
    );
}

async fn an_invite_link_asks_before_linking(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Dee").await;
    let b = app.person("Eli").await;
    let code = a.invite_code().await;
    let symbols: String = code.chars().filter(|c| *c != '-').collect();
    let page = b.get(&format!("/join/{symbols}")).await;
    page.assert_ok();
    assert!(
        page.body
            .contains("This invite is from <strong>Dee</strong>"),
        "you see who you would link with"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM couples").await,
        0,
        "a GET links nobody"
    );
    assert_eq!(
        page.attr("form[action='/couple/join'] input[name=code]", "value")
            .as_deref(),
        Some(symbols.as_str())
    );
    b.post_form("/couple/join", &[("code", &symbols), ("confirm", "yes")])
        .await
        .assert_redirect_to("/couple?done=linked");
    assert_eq!(app.count("SELECT COUNT(*) FROM couples").await, 1);
}

async fn an_invite_link_sends_a_newcomer_to_register_and_back(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Fay").await;
    let code: String = a
        .invite_code()
        .await
        .chars()
        .filter(|c| *c != '-')
        .collect();
    let newcomer = app.browser();
    let page = newcomer.get(&format!("/join/{code}")).await;
    let register = page.attr("main a[href^='/register']", "href").unwrap();
    assert_eq!(register, format!("/register?next=/join/{code}"));
    let form = newcomer.get(&register).await;
    assert_eq!(
        form.attr("input[name=next]", "value"),
        Some(format!("/join/{code}"))
    );
    let done = newcomer
        .register(SignUp::of("Gus").with("next", &format!("/join/{code}")))
        .await;
    assert_eq!(
        done.location(),
        format!("/login?registered=1&next=%2Fjoin%2F{code}")
    );
    let login = newcomer.get(done.location()).await;
    assert_eq!(
        login.attr("input[name=next]", "value"),
        Some(format!("/join/{code}"))
    );
    let signed_in = newcomer
        .post_form(
            "/login",
            &[
                ("email", "gus@example.org"),
                ("password", crate::helpers::PASSWORD),
                ("next", &format!("/join/{code}")),
            ],
        )
        .await;
    assert_eq!(signed_in.location(), format!("/join/{code}"));
}

async fn an_expired_code_is_refused(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Hal").await;
    let b = app.person("Ivy").await;
    let code = a.invite_code().await;
    app.clock
        .advance(Duration::hours(72) + Duration::minutes(1));
    let page = b.post_form("/couple/join", &[("code", &code)]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.texts(".field-error")[0].contains("expired"));
    assert_eq!(page.attr("#code", "value"), Some(code));
    assert_eq!(app.count("SELECT COUNT(*) FROM couples").await, 0);
    assert!(
        a.get("/couple").await.texts("code").is_empty(),
        "the expired code is no longer offered"
    );
}

async fn a_used_code_is_refused(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Jo").await;
    let b = app.person("Kai").await;
    let c = app.person("Lou").await;
    let code = a.invite_code().await;
    b.post_form("/couple/join", &[("code", &code), ("confirm", "yes")])
        .await
        .assert_redirect_to("/couple");
    let page = c.post_form("/couple/join", &[("code", &code)]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.texts(".field-error")[0].contains("already been used"));
    assert_eq!(app.count("SELECT COUNT(*) FROM couple_members").await, 2);
}

async fn a_typo_or_unknown_code_is_refused_kindly(ctx: TestContext) {
    let app = ctx.spawn().await;
    let b = app.person("Max").await;
    for code in ["nonsense!", "ABCDE-FGHJK"] {
        let page = b.post_form("/couple/join", &[("code", code)]).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(page.texts(".field-error").len(), 1);
        assert_eq!(page.attr("#code", "value").as_deref(), Some(code));
    }
}

async fn your_own_code_cannot_link_you(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Nia").await;
    let code = a.invite_code().await;
    let page = a
        .post_form("/couple/join", &[("code", &code.to_lowercase())])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.texts(".field-error")[0].contains("your own code"));
}

async fn a_linked_person_cannot_join_or_invite_again(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, _b) = app.couple("Oz", "Pia").await;
    let c = app.person("Ray").await;
    let code = c.invite_code().await;
    let page = a.post_form("/couple/join", &[("code", &code)]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.texts(".notice.error")[0].contains("already linked"));
    let page = a.post_form("/couple/invite", &[]).await;
    assert_eq!(page.status, StatusCode::CONFLICT);
    assert_eq!(app.count("SELECT COUNT(*) FROM couples").await, 1);
}

async fn a_new_code_replaces_the_old_one(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Sol").await;
    let b = app.person("Tam").await;
    let old = a.invite_code().await;
    let new = a.invite_code().await;
    assert_ne!(old, new);
    let page = b.post_form("/couple/join", &[("code", &old)]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    b.post_form("/couple/join", &[("code", &new), ("confirm", "yes")])
        .await
        .assert_redirect_to("/couple?done=linked");
}

async fn a_typed_code_shows_who_it_is_from_before_linking(ctx: TestContext) {
    let app = ctx.spawn().await;
    let a = app.person("Uma").await;
    let b = app.person("Vic").await;
    let code = a.invite_code().await;
    let typed = b
        .post_form("/couple/join", &[("code", &code.to_lowercase())])
        .await;
    typed.assert_redirect_to("/join/");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM couples").await,
        0,
        "nothing is linked by typing alone"
    );
    let page = b.get(typed.location()).await;
    assert!(
        page.texts(".lead")
            .iter()
            .any(|t| t.contains("This invite is from Uma")),
        "{}",
        page.body
    );
    let stored = page.attr("input[name=code]", "value").unwrap();
    b.post_form("/couple/join", &[("code", &stored), ("confirm", "yes")])
        .await
        .assert_redirect_to("/couple?done=linked");
    assert_eq!(app.count("SELECT COUNT(*) FROM couple_members").await, 2);
}

async fn unlinking_needs_confirmation(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, _b) = app.couple("Uma", "Vic").await;
    let page = a.get("/couple/unlink").await;
    page.assert_ok();
    assert!(page.texts("h1")[0].contains("Unlink from Vic"));
    // A post without the confirmation field changes nothing.
    a.post_form("/couple/unlink", &[])
        .await
        .assert_redirect_to("/couple/unlink");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM couples WHERE ended_at IS NULL")
            .await,
        1
    );
}

async fn either_partner_can_unlink_for_both(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Wen", "Xan").await;
    b.post_form("/couple/unlink", &[("confirm", "yes")])
        .await
        .assert_redirect_to("/couple?done=unlinked");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM couples WHERE ended_at IS NULL")
            .await,
        0
    );
    for p in [&a, &b] {
        let page = p.get("/couple").await;
        assert!(page.body.contains("Invite your partner"));
        p.get("/summary").await.assert_redirect_to("/couple");
    }
    // Both are free to link again, with each other or anyone.
    link(&a, &b).await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM couples WHERE ended_at IS NULL")
            .await,
        1
    );
}

async fn linking_again_offers_to_bring_back_the_shared_history(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Wren", "Xan").await;
    let (mine, theirs, kept) = (
        crate::helpers::marker("wren-words"),
        crate::helpers::marker("xan-words"),
        crate::helpers::marker("xan-private"),
    );
    let id = a.start_checkin("after-intimacy").await;
    a.answer(&id, &[("a_after-enjoyable", &mine)]).await;
    b.answer(
        &id,
        &[
            ("a_after-enjoyable", &theirs),
            ("a_after-change", &kept),
            ("private_after-change", "on"),
        ],
    )
    .await;
    a.post_form("/couple/unlink", &[("confirm", "yes")]).await;
    crate::helpers::link(&a, &b).await;
    // Linked again: the old check-in says so, and shows only your own words for now.
    let old = a.get(&format!("/checkins/{id}")).await;
    assert!(
        old.body
            .contains("an earlier time the two of you were linked"),
        "{}",
        old.body
    );
    assert!(!old.body.contains("no longer linked"));
    assert!(old.body.contains(&mine) && !old.body.contains(&theirs));
    assert!(a
        .get("/summary")
        .await
        .body
        .contains("No finished check-ins yet"));
    let couple = a.get("/couple").await;
    assert!(
        couple.body.contains("answered 1 check-in together"),
        "{}",
        couple.body
    );
    // Both must agree.
    a.post_form("/couple/history", &[])
        .await
        .assert_redirect_to("/couple?done=history-waiting");
    assert!(!a
        .get(&format!("/checkins/{id}"))
        .await
        .body
        .contains(&theirs));
    assert!(b
        .get("/couple")
        .await
        .body
        .contains("would like to bring them back"));
    b.post_form("/couple/history", &[])
        .await
        .assert_redirect_to("/couple?done=history");
    let back = a.get(&format!("/checkins/{id}")).await;
    assert!(back.body.contains(&theirs), "shared answers are back");
    assert!(!back.body.contains(&kept), "a private answer stays private");
    assert_eq!(a.get("/summary").await.texts(".stat-value")[0], "1");
    assert!(!a
        .get("/couple")
        .await
        .body
        .contains("Your earlier check-ins"));
    // Someone with no earlier history with their partner has nothing to bring back.
    let (c, _d) = app.couple("Yas", "Zed").await;
    assert_eq!(
        c.post_form("/couple/history", &[]).await.status,
        StatusCode::NOT_FOUND
    );
    let solo = app.person("Ona").await;
    assert_eq!(
        solo.post_form("/couple/history", &[]).await.status,
        StatusCode::NOT_FOUND
    );
}
