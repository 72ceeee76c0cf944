//! A therapist's pages, and the couple's page about their therapist, in German (issue 16):
//! every word from the catalogues, the library's sets and questions translated, and what
//! the couple wrote shown as they wrote it.

use reqwest::StatusCode;

use crate::helpers::therapist::{assigned_checkin, linked_as, write_set};
use crate::helpers::{marker, Browser, TestContext};
use crate::languages::assert_no_english;

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(languages_therapist:
        a_german_therapist_reads_every_page_of_their_practice_in_german,
        a_german_therapist_assigns_changes_and_cancels_an_exercise_in_german,
        a_german_partner_reads_their_therapist_page_in_german,
        a_german_therapist_sees_an_english_couples_words_as_written,
    )
}

async fn to_german(b: &Browser) {
    b.post_form("/account/language", &[("language", "de")])
        .await
        .assert_redirect_to("/account?done=language");
}

/// `path` answers 200 and is German throughout; its body.
async fn german(b: &Browser, path: &str) -> String {
    let page = b.get(path).await;
    page.assert_ok();
    assert_no_english(&page, path);
    page.body
}

async fn a_german_therapist_reads_every_page_of_their_practice_in_german(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, _a, _b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("1", "2")).await;
    to_german(&t).await;

    let dashboard = german(&t, "/therapist").await;
    assert!(dashboard.contains("Deine Paare"), "{dashboard}");
    assert!(dashboard.contains("Nur, ob Check-ins gemacht wurden"));
    t.post_form("/therapist/code", &[] as &[(&str, &str)])
        .await
        .assert_redirect_to("/therapist?done=code");
    assert!(german(&t, "/therapist?done=code")
        .await
        .contains("Hier ist dein neuer Code."));

    let id = write_set(&t, "Nähe", "Wie nah wart ihr euch?").await;
    let sets = german(&t, "/therapist/sets?done=created").await;
    assert!(sets.contains("Deine Fragenreihe ist gespeichert."));
    assert!(sets.contains("2 Fragen"), "{sets}");
    // The library's sets in German; the therapist's own as written.
    assert!(sets.contains("Nachdem wir intim waren") && sets.contains("Nähe"));

    let own = german(&t, &format!("/therapist/sets/{id}")).await;
    assert!(own.contains("Von dir geschrieben.") && own.contains("Wie nah wart ihr euch?"));
    assert!(own.contains("1 ist „Far“, 5 ist „Close“"), "{own}");
    let library = german(&t, &format!("/therapist/sets/after-intimacy?couple={link}")).await;
    assert!(library.contains("Aus der Bibliothek."));
    assert!(library.contains("Wie verbunden hast du dich mit deinem Gegenüber gefühlt?"));
    assert!(library.contains("Zurück zur Übung für das Paar"));

    let new = german(&t, "/therapist/sets/new").await;
    assert!(new.contains("Fragenreihe schreiben"));
    let refused = t
        .post_form("/therapist/sets", &[("title", ""), ("p1_text", "")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_no_english(&refused, "/therapist/sets (refused)");
    assert!(refused.body.contains("Leere Zeilen werden übersprungen."));
    german(&t, &format!("/therapist/sets/{id}/edit")).await;

    let retire = german(&t, &format!("/therapist/sets/{id}/retire")).await;
    assert!(retire.contains("„Nähe“ zurückziehen?"), "{retire}");
    t.post_form(
        &format!("/therapist/sets/{id}/retire"),
        &[("confirm", "yes")],
    )
    .await
    .assert_redirect_to("/therapist/sets?done=retired");
    assert!(german(&t, "/therapist/sets?done=retired")
        .await
        .contains("Die Fragenreihe ist zurückgezogen."));
}

async fn a_german_therapist_assigns_changes_and_cancels_an_exercise_in_german(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("3", "3")).await;
    to_german(&t).await;
    let couple = format!("/therapist/couples/{link}");

    let refused = t
        .post_form(
            &format!("{couple}/assignments"),
            &[
                ("prompt_set_id", "after-intimacy"),
                ("ends_on", "2000-01-01"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_no_english(&refused, "the exercise form (refused)");

    let id = assigned_checkin(
        &t,
        &link,
        &a,
        &[("prompt_set_id", "after-intimacy"), ("target_count", "2")],
    )
    .await;
    a.answer(&id, &[("a_after-connected", "4")]).await;
    b.answer(&id, &[("a_after-connected", "2")]).await;

    let page = german(&t, &format!("{couple}?done=assigned")).await;
    assert!(page.contains("Die Übung ist vergeben."));
    assert!(page.contains("Ana und Ben"));
    assert!(page.contains("ihre geteilten Antworten"), "{page}");
    assert!(page.contains("Wie verbunden hast du dich mit deinem Gegenüber gefühlt?"));
    assert!(
        page.contains("4 von 5") && page.contains("2 von 5"),
        "{page}"
    );
    assert!(!page.contains("4 of 5"));

    let home = a.get("/").await;
    let exercise = crate::helpers::therapist::assignment_id(&home);
    let edit = format!("{couple}/assignments/{exercise}/edit");
    let form = german(&t, &edit).await;
    assert!(form.contains("Übung ändern") && form.contains("Nachdem wir intim waren"));
    let refused = t
        .post_form(
            &edit,
            &[
                ("prompt_set_id", "after-intimacy"),
                ("ends_on", "2000-01-01"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_no_english(&refused, "changing an exercise (refused)");
    t.post_form(
        &edit,
        &[("prompt_set_id", "after-intimacy"), ("target_count", "3")],
    )
    .await
    .assert_redirect_to(&format!("{couple}?done=exercise-saved"));
    german(&t, &format!("{couple}?done=exercise-saved")).await;

    let cancel = format!("{couple}/assignments/{exercise}/cancel");
    let confirm = german(&t, &cancel).await;
    assert!(
        confirm.contains("„Nachdem wir intim waren“ absagen?"),
        "{confirm}"
    );
    t.post_form(&cancel, &[("confirm", "yes")])
        .await
        .assert_redirect_to(&format!("{couple}?done=cancelled"));
    assert!(german(&t, &format!("{couple}?done=cancelled"))
        .await
        .contains("Die Übung ist abgesagt."));
}

async fn a_german_partner_reads_their_therapist_page_in_german(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, _b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("2", "3")).await;
    // A look the log shows.
    t.get(&format!("/therapist/couples/{link}"))
        .await
        .assert_ok();
    to_german(&a).await;

    let page = german(&a, "/couple/therapist?done=consent").await;
    assert!(page.contains("Deine Wahl ist gespeichert."));
    assert!(page.contains("Die Wahl von Ben:"), "{page}");
    assert!(page.contains("Was darf Theo von dir sehen?"));
    // The log's words, in German.
    assert!(
        page.contains("die Übersicht: Antworten auf den Skalen von 1 bis 5 und Auswahlantworten")
    );

    let refused = a
        .post_form(
            "/couple/therapist/invite",
            &[("code", "nope"), ("level", "1")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_no_english(&refused, "/couple/therapist (refused)");

    let revoke = german(&a, &format!("/couple/therapist/{link}/revoke")).await;
    assert!(revoke.contains("Teilen mit Theo beenden?"));
    assert!(revoke.contains("Ben bekommt einen kurzen Hinweis"));
    a.post_form(
        &format!("/couple/therapist/{link}/revoke"),
        &[("confirm", "yes")],
    )
    .await
    .assert_redirect_to("/couple/therapist?done=revoked");
    assert!(german(&a, "/couple/therapist?done=revoked")
        .await
        .contains("Erledigt."));
}

async fn a_german_therapist_sees_an_english_couples_words_as_written(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (t, a, b, link) = linked_as(&app, ("Theo", "Ana", "Ben"), ("3", "3")).await;
    to_german(&t).await;
    let id = assigned_checkin(
        &t,
        &link,
        &a,
        &[("prompt_set_id", "after-intimacy"), ("target_count", "1")],
    )
    .await;
    let words = format!("{} it was lovely", marker("words"));
    a.answer(
        &id,
        &[("a_after-connected", "4"), ("a_after-enjoyable", &words)],
    )
    .await;
    b.answer(&id, &[("a_after-enjoyable", "The quiet after")])
        .await;
    // Then a set with a choice.
    let id = assigned_checkin(
        &t,
        &link,
        &a,
        &[
            ("prompt_set_id", "after-intimacy-more"),
            ("target_count", "1"),
        ],
    )
    .await;
    a.answer(&id, &[("a_after-how-it-began", "3")]).await;
    b.answer(&id, &[("a_after-how-it-began", "1")]).await;
    // The couple reads in English.
    assert_eq!(
        crate::languages::html_lang(&a.get("/").await).as_deref(),
        Some("en")
    );

    let page = t.get(&format!("/therapist/couples/{link}")).await;
    page.assert_ok();
    assert_no_english(&page, "the couple's page");
    let rows = page.texts("details.card table tbody tr").join("\n");
    // The library's questions, scales and choices in the reader's language; what the
    // couple wrote as they wrote it.
    assert!(rows.contains("Was war schön?"), "{rows}");
    assert!(
        rows.contains(&words) && rows.contains("The quiet after"),
        "{rows}"
    );
    assert!(rows.contains("4 von 5"), "{rows}");
    assert!(
        rows.contains("Wir beide") && rows.contains("Ich habe angefangen"),
        "{rows}"
    );
}
