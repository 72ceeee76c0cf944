//! The library in check-ins: the landing page says how many questions to expect, every
//! set can be started and skipped entirely, old check-ins still show answers to questions
//! that moved, and a low answer in a new set brings the note of care.

use reqwest::StatusCode;

use crate::helpers::TestContext;
use crate::library::{library, sets};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(library_checkins:
        the_landing_page_says_how_many_questions_to_expect,
        every_library_set_can_be_started_and_skipped_entirely,
        old_checkins_still_show_answers_to_questions_that_moved,
        a_low_answer_in_a_new_set_brings_the_note_of_care_to_that_person_only,
    )
}

/// English words for the counts the landing page can state.
const NUMBER_WORDS: [&str; 13] = [
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

async fn the_landing_page_says_how_many_questions_to_expect(ctx: TestContext) {
    let app = ctx.spawn().await;
    let n = app
        .count("SELECT COUNT(*) FROM prompts WHERE prompt_set_id = 'after-intimacy'")
        .await as usize;
    let landing = app.browser().get("/").await;
    landing.assert_ok();
    let lead = landing.texts(".lead").join(" ");
    let expected = format!("answers {} gentle questions", NUMBER_WORDS[n]);
    assert!(lead.contains(&expected), "{expected:?} in {lead:?}");

    // The page where a check-in starts says it too, for every set.
    let (a, _b) = app.couple("Ada", "Bo").await;
    let new = a.get("/checkins/new").await;
    let labels = new.texts("label.choice");
    let after = labels
        .iter()
        .find(|l| l.starts_with("After we were intimate ("))
        .unwrap_or_else(|| panic!("{labels:?}"));
    assert!(after.contains(&format!("({n} questions)")), "{after}");
}

async fn every_library_set_can_be_started_and_skipped_entirely(ctx: TestContext) {
    let app = ctx.spawn().await;
    let prompts = library(&app).await;
    let (a, b) = app.couple("Ana", "Ben").await;
    for (set, _, _) in sets(&app).await {
        let id = a.start_checkin(&set).await;
        let page = a.get(&format!("/checkins/{id}")).await;
        page.assert_ok();
        let shown = page.texts(".prompt-text");
        let own: Vec<_> = prompts
            .iter()
            .filter(|p| p.set == set)
            .map(|p| p.text.clone())
            .collect();
        assert_eq!(shown, own, "{set}");
        // Nothing answered is fine, for both.
        for who in [&a, &b] {
            let done = who.answer(&id, &[]).await;
            assert!(done.status.is_redirection(), "{set}: {}", done.status);
        }
        let both = b.get(&format!("/checkins/{id}")).await;
        assert!(both.body.contains("Both answered"), "{set}");
    }
}

async fn old_checkins_still_show_answers_to_questions_that_moved(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Ana", "Ben").await;
    // A check-in both answered before "How did it begin?" and the pace left the set
    // (stored as the earlier library stored them).
    let old = a.start_checkin("after-intimacy").await;
    a.answer(&old, &[("a_after-connected", "4")]).await;
    b.answer(&old, &[("a_after-connected", "5")]).await;
    for (prompt, value) in [("after-how-it-began", 3), ("after-pace", 2)] {
        app.exec(&format!(
            "INSERT INTO answers
               (checkin_id, user_id, prompt_id, value_int, value_text, is_private, updated_at)
             SELECT checkin_id, user_id, '{prompt}', {value}, NULL, FALSE, submitted_at
             FROM checkin_submissions"
        ))
        .await;
    }
    for who in [&a, &b] {
        let page = who.get(&format!("/checkins/{old}")).await;
        let shown = page.texts(".prompt-text");
        for q in ["How did it begin?", "How did the pace feel for you?"] {
            assert!(shown.iter().any(|t| t == q), "{q} in {shown:?}");
        }
        assert_eq!(page.body.matches("We both did").count(), 2, "both answers");
        assert!(page.body.contains("2 of 5"));
    }

    // One still open: Ana answered the pace before it moved; Ben has not answered.
    let open = a.start_checkin("after-intimacy").await;
    a.answer(&open, &[("a_after-connected", "3")]).await;
    app.exec(
        "INSERT INTO answers
           (checkin_id, user_id, prompt_id, value_int, value_text, is_private, updated_at)
         SELECT s.checkin_id, s.user_id, 'after-pace', 4, NULL, FALSE, s.submitted_at
         FROM checkin_submissions s JOIN checkins c ON c.checkin_id = s.checkin_id
         WHERE c.revealed_at IS NULL",
    )
    .await;
    let mine = a.get(&format!("/checkins/{open}")).await;
    assert!(
        mine.attr("input[name=a_after-pace][value='4'][checked]", "name")
            .is_some(),
        "Ana still sees her own answer, and can change it"
    );
    let theirs = b.get(&format!("/checkins/{open}")).await;
    assert!(
        theirs.attr("input[name=a_after-pace]", "name").is_none(),
        "Ben is not asked it, and learns nothing of Ana's answers"
    );
    // Ana changes her answers: what she kept stays hers.
    a.answer(&open, &[("a_after-connected", "4"), ("a_after-pace", "5")])
        .await
        .assert_redirect_to(&format!("/checkins/{open}"));
    b.answer(&open, &[("a_after-connected", "4")])
        .await
        .assert_redirect_to(&format!("/checkins/{open}"));
    let revealed = b.get(&format!("/checkins/{open}")).await;
    assert!(revealed
        .texts(".prompt-text")
        .iter()
        .any(|t| t == "How did the pace feel for you?"));
    assert!(revealed.body.contains("5 of 5"));

    // A check-in started now asks only the set as it is.
    let new = a.start_checkin("after-intimacy").await;
    let form = a.get(&format!("/checkins/{new}")).await;
    assert!(form.attr("input[name=a_after-pace]", "name").is_none());
    let refused = a.answer(&new, &[("a_after-pace", "3")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
}

const CARE: &str = "A note just for you";

async fn a_low_answer_in_a_new_set_brings_the_note_of_care_to_that_person_only(ctx: TestContext) {
    let app = ctx.spawn().await;
    let (a, b) = app.couple("Ana", "Ben").await;
    let id = a.start_checkin("mutual-touch").await;
    a.answer(&id, &[("a_touch-own-pace", "1")]).await;
    b.answer(&id, &[("a_touch-own-pace", "4")]).await;
    assert!(a.get(&format!("/checkins/{id}")).await.body.contains(CARE));
    assert!(!b.get(&format!("/checkins/{id}")).await.body.contains(CARE));
    // Another set, a choice that marks unease.
    let next = b.start_checkin("beyond-performance").await;
    b.answer(&next, &[("a_perf-when-body", "4")]).await;
    assert!(b
        .get(&format!("/checkins/{next}"))
        .await
        .body
        .contains(CARE));
    assert!(!a
        .get(&format!("/checkins/{next}"))
        .await
        .body
        .contains(CARE));
}
