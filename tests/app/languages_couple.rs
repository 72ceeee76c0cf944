//! The couple's own pages in German (issue 16): home, the check-ins from the list to the
//! reveal, the couple page with its invite, joining and unlinking, and the summary. Each
//! is checked for English catalogue sentences; and two partners who read in different
//! languages see each other's answers labelled alike.

use crate::helpers::therapist::{agree, assigned_exercise, invite, link_id, revoke, therapist};
use crate::helpers::{Browser, Page, SignUp, TestContext};
use crate::languages::assert_no_english;

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(languages_couple:
        home_in_german_alone_with_exercises_checkins_and_notices,
        checkins_in_german_from_the_list_to_the_reveal,
        the_couple_pages_in_german,
        the_summary_in_german_with_charts_and_tables,
        partners_in_two_languages_label_both_answers_alike,
    )
}

async fn german(b: &Browser) {
    b.post_form("/account/language", &[("language", "de")])
        .await
        .assert_redirect_to("/account?done=language");
}

/// `path` as `b` reads it: a page, in German, with no English sentence.
async fn german_page(b: &Browser, path: &str) -> Page {
    let page = b.get(path).await;
    page.assert_ok();
    assert_no_english(&page, path);
    page
}

async fn home_in_german_alone_with_exercises_checkins_and_notices(ctx: TestContext) {
    let app = ctx.spawn().await;
    let kim = app.browser();
    kim.register(SignUp::of("Kim").with("language", "de"))
        .await
        .assert_redirect_to("/login?registered=1");
    kim.sign_in("Kim").await.assert_redirect_to("/");
    let home = german_page(&kim, "/").await;
    assert_eq!(home.texts("h1"), vec!["Hallo, Kim"]);
    assert!(home.body.contains("Mit deinem Gegenüber verbinden"));

    // A therapist invited by Ana, waiting for Ben's choice; then an exercise and a
    // check-in open; then Ana stops sharing, and Ben has a notice.
    let (t, code) = therapist(&app, "Tess").await;
    let (ana, ben) = app.couple("Ana", "Ben").await;
    german(&ben).await;
    invite(&ana, &code, "2").await;
    let home = german_page(&ben, "/").await;
    assert!(
        home.body
            .contains("Tess ist eingeladen, eure Check-ins zu begleiten"),
        "{}",
        home.body
    );
    assert!(home.body.contains("Ana hat Tess eingeladen"));
    let link = link_id(&ana).await;
    agree(&ben, &link, "2").await;
    assigned_exercise(
        &t,
        &link,
        &ben,
        &[
            ("prompt_set_id", "after-intimacy"),
            ("target_count", "3"),
            ("ends_on", "2099-12-07"),
        ],
    )
    .await;
    let id = ana.start_checkin("after-intimacy").await;
    let home = german_page(&ben, "/").await;
    assert!(home.body.contains("Aus eurer Therapie"));
    assert!(home.body.contains("0 von 3 gemacht, bis"), "{}", home.body);
    assert!(home.body.contains(&format!("/checkins/{id}")));
    assert!(home
        .body
        .contains("Wartet auf dich, wann immer du so weit bist"));
    assert!(home.body.contains("Du bist mit Ana verbunden."));

    revoke(&ana, &link).await;
    let home = german_page(&ben, "/").await;
    assert!(
        home.body
            .contains("Dein Gegenüber teilt nichts mehr mit eurer therapeutischen Begleitung"),
        "{}",
        home.body
    );
    assert!(home.body.contains("Okay, danke"));
}

async fn checkins_in_german_from_the_list_to_the_reveal(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (ana, ben) = app.couple("Ana", "Ben").await;
    german(&ana).await;
    let list = german_page(&ana, "/checkins").await;
    assert!(list.body.contains("Noch keine Check-ins."));

    let form = german_page(&ana, "/checkins/new").await;
    assert_eq!(form.texts("h1"), vec!["Check-in beginnen"]);
    assert!(form.body.contains("Welche Fragen?"));
    // Sent back with a date that is not one: the page stays German around the error.
    let again = ana
        .post_form(
            "/checkins",
            &[
                ("prompt_set_id", "after-intimacy"),
                ("moment_on", "gestern"),
            ],
        )
        .await;
    assert_eq!(again.status, reqwest::StatusCode::UNPROCESSABLE_ENTITY);
    assert_no_english(&again, "/checkins (sent back)");
    assert!(again.body.contains("Wann war es? (freiwillig)"));

    // Ana answers first, feeling pressured: her page waits for Ben and brings the note of
    // care.
    let id = ana.start_checkin("after-intimacy").await;
    let path = format!("/checkins/{id}");
    let open = german_page(&ana, &path).await;
    assert!(open
        .body
        .contains("Ben sieht nichts, bis ihr beide geantwortet habt"));
    assert!(open.body.contains("Nur für mich behalten"));
    ana.answer(&id, &[("a_after-pressure-free", "1")])
        .await
        .assert_redirect_to(&format!("{path}?done=saved"));
    let saved = german_page(&ana, &format!("{path}?done=saved")).await;
    assert!(saved.notice().contains("Deine Antworten sind gespeichert."));
    let waiting = german_page(&ana, &path).await;
    assert!(waiting
        .body
        .contains("Deine Antworten bleiben verborgen, bis auch Ben geantwortet hat"));
    assert!(waiting.body.contains("Wartet auf dein Gegenüber"));
    assert!(waiting.body.contains("care-heading"), "the note of care");
    assert!(waiting.body.contains("Änderungen speichern"));

    ben.answer(&id, &[("a_after-pressure-free", "5")])
        .await
        .assert_redirect_to(&format!("{path}?done=revealed"));
    let revealed = german_page(&ana, &format!("{path}?done=revealed")).await;
    assert!(revealed.notice().contains("Ihr habt beide geantwortet."));
    let heads = revealed.texts(".answer h3");
    assert!(!heads.is_empty());
    assert_eq!(heads, ["Du", "Ben"].repeat(heads.len() / 2));
    assert!(revealed.body.contains("care-heading"), "the note of care");
    let list = german_page(&ana, "/checkins").await;
    assert!(list.body.contains("Ihr habt beide geantwortet"));
}

async fn the_couple_pages_in_german(ctx: TestContext) {
    let app = ctx.spawn().await;
    let ana = app.browser();
    ana.register(SignUp::of("Ana").with("language", "de"))
        .await
        .assert_redirect_to("/login?registered=1");
    ana.sign_in("Ana").await.assert_redirect_to("/");
    let page = german_page(&ana, "/couple").await;
    assert!(page.body.contains("Lade dein Gegenüber ein"));
    assert!(page.body.contains("Hast du einen Code bekommen?"));
    // A code that does not work, sent back.
    let wrong = ana
        .post_form("/couple/join", &[("code", "AAAAA-AAAAA")])
        .await;
    assert_no_english(&wrong, "/couple/join (sent back)");
    let code = ana.invite_code().await;
    let made = german_page(&ana, "/couple?done=invite").await;
    assert!(made.notice().contains("Hier ist dein Code."));

    // The invite link: signed out (German browser), then signed in as a German Ben.
    let visitor = app.browser();
    let join_path = format!("/join/{}", code.replace('-', ""));
    let join = visitor
        .get_with_headers(&join_path, &[("Accept-Language", "de")])
        .await;
    join.assert_ok();
    assert_no_english(&join, &join_path);
    let ben = app.browser();
    ben.register(SignUp::of("Ben").with("language", "de"))
        .await
        .assert_redirect_to("/login?registered=1");
    ben.sign_in("Ben").await.assert_redirect_to("/");
    let join = german_page(&ben, &join_path).await;
    assert!(join
        .body
        .contains("Diese Einladung ist von <strong>Ana</strong>."));
    ben.post_form("/couple/join", &[("code", &code), ("confirm", "yes")])
        .await
        .assert_redirect_to("/couple?done=linked");
    let linked = german_page(&ben, "/couple?done=linked").await;
    assert!(linked.notice().contains("Ihr seid verbunden."));
    assert!(linked.body.contains("mit <strong>Ana</strong> verbunden"));
    let used = german_page(&ben, &join_path).await;
    assert!(used.body.contains("Du bist schon mit jemandem verbunden."));

    let unlink = german_page(&ben, "/couple/unlink").await;
    assert_eq!(unlink.texts("h1"), vec!["Verbindung mit Ana lösen?"]);
    ben.post_form("/couple/unlink", &[("confirm", "yes")])
        .await
        .assert_redirect_to("/couple?done=unlinked");
    let after = german_page(&ben, "/couple?done=unlinked").await;
    assert!(after.notice().contains("Ihr seid nicht mehr verbunden."));
    let notice = german_page(&ana, "/").await;
    assert!(notice
        .body
        .contains("Dein Gegenüber hat die Verbindung eurer Konten gelöst."));
}

/// Two revealed check-ins with scales, choices and written words, Ana's and Ben's.
async fn answered_twice(ana: &Browser, ben: &Browser) {
    for (a, b) in [("4", "2"), ("2", "5")] {
        let id = ana.start_checkin("after-intimacy").await;
        ana.answer(
            &id,
            &[
                ("a_after-connected", a),
                ("a_after-mattered-equally", "5"),
                ("a_after-enjoyable", "Ana-keep"),
            ],
        )
        .await;
        ben.answer(
            &id,
            &[("a_after-connected", b), ("a_after-change", "Ben-change")],
        )
        .await;
    }
    let id = ana.start_checkin("after-intimacy-more").await;
    ana.answer(&id, &[("a_after-how-it-began", "1")]).await;
    ben.answer(&id, &[("a_after-how-it-began", "2")]).await;
    // One more, still open.
    ana.start_checkin("after-intimacy").await;
}

async fn the_summary_in_german_with_charts_and_tables(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (ana, ben) = app.couple("Ana", "Ben").await;
    german(&ana).await;
    let empty = german_page(&ana, "/summary").await;
    assert!(empty.body.contains("Noch keine abgeschlossenen Check-ins."));
    answered_twice(&ana, &ben).await;
    let page = german_page(&ana, "/summary").await;
    assert_eq!(page.texts("h1"), vec!["Du und Ben"]);
    assert!(
        page.body.contains("du 4 (100 %), Ben 0 (0 %)"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Durchschnitt: du 3,0, Ben 3,5"));
    assert!(page.body.contains("Die Zahlen als Tabelle"));
    assert!(page.body.contains("Verlauf der Antworten (du und Ben)"));
    assert!(
        page.body.contains("ausgelassen"),
        "a skipped answer in a table"
    );
    assert!(!page.texts(".choice-tally").is_empty());
}

async fn partners_in_two_languages_label_both_answers_alike(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (alex, sam) = app.couple("Alex", "Sam").await;
    german(&sam).await;
    let id = alex.start_checkin("after-intimacy").await;
    alex.answer(&id, &[("a_after-connected", "4")]).await;
    sam.answer(&id, &[("a_after-connected", "3")]).await;
    let path = format!("/checkins/{id}");

    // Each reads "you" over their own answers and the other's name over the other's, in
    // the same kind of heading, in the same order.
    let en = alex.get(&path).await;
    let de = german_page(&sam, &path).await;
    let (en_heads, de_heads) = (en.texts(".answer h3"), de.texts(".answer h3"));
    assert!(!en_heads.is_empty());
    assert_eq!(en_heads.len(), de_heads.len());
    for (e, d) in en_heads.chunks(2).zip(de_heads.chunks(2)) {
        assert_eq!(e, ["You", "Sam"]);
        assert_eq!(d, ["Du", "Alex"]);
    }

    let en = alex.get("/summary").await;
    let de = german_page(&sam, "/summary").await;
    assert_eq!(en.texts(".legend span"), vec!["You", "Sam"]);
    assert_eq!(de.texts(".legend span"), vec!["Du", "Alex"]);
    let columns = |p: &Page| p.texts(".chart th");
    assert_eq!(columns(&en)[1..], ["You", "Sam"]);
    assert_eq!(columns(&de)[1..], ["Du", "Alex"]);
    assert!(en.body.contains("Average: you 4.0, Sam 3.0"), "{}", en.body);
    assert!(de.body.contains("Durchschnitt: du 3,0, Alex 4,0"));
}
