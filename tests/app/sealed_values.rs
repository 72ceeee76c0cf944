//! Sealed values and the data key: a sealed value opens only in the row it was sealed
//! for, a key on a database with unsealed text or the first sealed format needs
//! `rotate-key` first, and two-step secrets are sealed too.

use mutual::domain::two_factor::code_at;
use time::Duration;

use crate::helpers::data_key::{holds, rotate_key, stored_bytes, with_key, KEY_1, KEY_2};
use crate::helpers::two_step::{enrol, now};
use crate::helpers::{marker, Browser, TestApp, TestContext};
use crate::stored_values::{
    answer, answer_of, count, every_page, plant, scene, shown, ADA_CHANGE, SET, UNREADABLE,
};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(sealed_values:
        a_sealed_value_copied_into_another_row_does_not_open_there,
        a_key_on_a_database_with_unsealed_text_needs_rotate_key_first,
        a_database_sealed_in_the_first_format_is_upgraded_by_rotate_key,
        two_step_secrets_are_sealed_with_a_key_and_survive_rotation,
    )
}

/// A value sealed the first way (`enc1`: the column name as the only associated data), as
/// Mutual wrote it before rows were bound; written out here so the test does not depend
/// on the code it checks.
fn enc1(key_b64: &str, column: &str, plain: &[u8]) -> String {
    use base64::Engine;
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    use sha2::Digest;
    let key = base64::engine::general_purpose::STANDARD
        .decode(key_b64)
        .unwrap();
    let mut h = sha2::Sha256::new();
    h.update(b"mutual data key id\0");
    h.update(&key);
    let id = hex::encode(&h.finalize()[..8]);
    let nonce: [u8; 24] = rand_bytes();
    let cipher = chacha20poly1305::XChaCha20Poly1305::new(key.as_slice().into());
    let sealed = cipher
        .encrypt(
            chacha20poly1305::XNonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: column.as_bytes(),
            },
        )
        .unwrap();
    let body = [nonce.as_slice(), &sealed].concat();
    format!(
        "mutual:enc1:{id}:{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(body)
    )
}

fn rand_bytes<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    for chunk in out.chunks_mut(16) {
        let r = uuid::Uuid::new_v4();
        chunk.copy_from_slice(&r.as_bytes()[..chunk.len()]);
    }
    out
}

async fn a_sealed_value_copied_into_another_row_does_not_open_there(ctx: TestContext) {
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    let s = scene(&app).await;
    let ada_words = marker("ada-enjoyable");
    let ben_words = marker("ben-enjoyable");
    let ben_change = marker("ben-change");
    answer(&s.a, &s.checkin, &ada_words, "ada change").await;
    answer(&s.b, &s.checkin, &ben_words, &ben_change).await;

    let therapist_page = format!("/therapist/couples/{}", s.link);
    let before = count(&shown(&s.t.get(&therapist_page).await), &ada_words);
    assert!(before > 0);

    // Ada's sealed answer copied over Ben's, in the same check-in and column.
    let n = app
        .sql()
        .exec(
            &format!(
                "UPDATE answers SET value_text = (SELECT value_text FROM answers WHERE {})
                 WHERE {}",
                answer_of("Ada", "after-enjoyable"),
                answer_of("Ben", "after-enjoyable")
            ),
            &[],
        )
        .await;
    assert_eq!(n, 1);
    // Text stored unsealed, and a value in the first sealed format with the right key:
    // what a planted value would look like once a key is set.
    plant(
        &app,
        "answers.value_text",
        &answer_of("Ben", "after-change"),
        "planted plain words",
    )
    .await;
    let old = enc1(KEY_1, "answers.value_text", b"planted old-format words");
    plant(
        &app,
        "answers.value_text",
        &answer_of("Ada", "after-change"),
        &old,
    )
    .await;

    for (what, page) in every_page(&s).await {
        let text = shown(&page);
        assert!(!text.contains("planted"), "{what} shows a planted value");
        assert!(
            !text.contains(&ben_words),
            "Ben's words are gone, not shown"
        );
    }
    for who in [&s.a, &s.b] {
        let page = who.get(&format!("/checkins/{}", s.checkin)).await;
        let text = shown(&page);
        assert_eq!(
            count(&text, &ada_words),
            1,
            "Ada's words, once, where she wrote them"
        );
        assert_eq!(
            count(&text, UNREADABLE),
            3,
            "the copied and the planted values"
        );
    }
    let therapist = shown(&s.t.get(&therapist_page).await);
    assert_eq!(
        count(&therapist, &ada_words),
        before,
        "the therapist sees Ada's words only where she wrote them: {therapist}"
    );

    // A note sealed for one exercise, copied into another, does not open either.
    s.t.post_form(
        &format!("/therapist/couples/{}/assignments", s.link),
        &[
            ("prompt_set_id", "mutuality-reflection"),
            ("note", "the second note"),
            ("target_count", "1"),
        ],
    )
    .await
    .assert_redirect_to(&format!("/therapist/couples/{}", s.link));
    let n = app
        .sql()
        .exec(
            "UPDATE assignments SET note = (SELECT note FROM assignments WHERE prompt_set_id = $1)
             WHERE prompt_set_id = $2",
            &[SET, "mutuality-reflection"],
        )
        .await;
    assert_eq!(n, 1);
    let exercises = shown(&s.t.get(&therapist_page).await);
    assert_eq!(
        count(&exercises, &s.note),
        1,
        "the note shows only on its own exercise"
    );
    assert!(
        exercises.contains("This note couldn't be read."),
        "{exercises}"
    );
    let home = shown(&s.a.get("/").await);
    assert!(
        !home.contains(&s.note) && home.contains("This note couldn't be read."),
        "{home}"
    );
}

async fn refused(ctx: &TestContext, key: &str) -> String {
    let started = mutual::app::build_with_clock(with_key(ctx, key), ctx.clock.clone()).await;
    format!("{:#}", started.err().expect("start-up is refused"))
}

/// Every stored free-text value and two-step secret is in the current sealed format.
async fn all_sealed(app: &TestApp) {
    for sql in [
        "SELECT value_text FROM answers WHERE value_text IS NOT NULL",
        "SELECT note FROM assignments",
        "SELECT check_value FROM data_keys",
    ] {
        for v in app.sql().scalars::<String>(sql, &[]).await {
            assert!(v.starts_with("mutual:enc2:"), "{sql}: {v}");
        }
    }
    for v in app
        .sql()
        .scalars::<Vec<u8>>("SELECT secret FROM totp_secrets", &[])
        .await
    {
        assert!(
            v.starts_with(b"mutual:enc2:"),
            "a two-step secret is not sealed"
        );
    }
}

async fn a_key_on_a_database_with_unsealed_text_needs_rotate_key_first(ctx: TestContext) {
    let app = ctx.spawn().await;
    let s = scene(&app).await;
    let words = marker("words");
    answer(&s.a, &s.checkin, &words, ADA_CHANGE).await;
    drop(app);

    // Starting with a key would leave the text unsealed (and unreadable, since text
    // unsealed where a key is set is what a planted value looks like): refused, with the
    // command that seals it.
    let err = refused(&ctx, KEY_1).await;
    assert!(err.contains("rotate-key"), "{err}");
    assert!(err.contains("--new-key-file"), "{err}");

    // That command, with the same key as current and new key, seals everything.
    let (done, _) = rotate_key(&with_key(&ctx, KEY_1), &format!("{KEY_1}\n"))
        .await
        .expect("rotate-key seals a database that had no key");
    assert_eq!(done.answers, 2);
    assert_eq!(done.notes, 1);
    assert_eq!(done.secrets, 1, "the therapist's two-step secret");
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    all_sealed(&app).await;
    let s = s.on(&app);
    let page = shown(&s.a.get(&format!("/checkins/{}", s.checkin)).await);
    assert!(page.contains(&words) && page.contains(ADA_CHANGE), "{page}");
    assert!(shown(&s.a.get("/").await).contains(&s.note));
}

async fn a_database_sealed_in_the_first_format_is_upgraded_by_rotate_key(ctx: TestContext) {
    // A database as the first format left it: a key recorded with an enc1 check value,
    // answers and the note sealed with the column name only, two-step secrets in the clear.
    let app = ctx.spawn().await;
    let s = scene(&app).await;
    let words = marker("words");
    answer(&s.a, &s.checkin, &words, "second words").await;
    let (secret, _) = enrol(&app, &s.a).await;
    drop(app);
    let sql = ctx.sql();
    for column in ["answers.value_text", "assignments.note"] {
        let (table, col) = column.split_once('.').unwrap();
        let values = sql
            .scalars::<String>(
                &format!("SELECT {col} FROM {table} WHERE {col} IS NOT NULL"),
                &[],
            )
            .await;
        for v in values {
            let sealed = enc1(KEY_1, column, v.as_bytes());
            let n = sql
                .exec(
                    &format!("UPDATE {table} SET {col} = $1 WHERE {col} = $2"),
                    &[&sealed, &v],
                )
                .await;
            assert_eq!(n, 1);
        }
    }
    let check = enc1(KEY_1, "data_keys.check_value", b"mutual data key check");
    let key_id = check.split(':').nth(2).unwrap().to_owned();
    sql.exec(
        "INSERT INTO data_keys (key_id, check_value, created_at)
         SELECT $1, $2, created_at FROM users LIMIT 1",
        &[&key_id, &check],
    )
    .await;

    // Start-up refuses, naming the command that upgrades it.
    let err = refused(&ctx, KEY_1).await;
    assert!(err.contains("rotate-key"), "{err}");
    assert!(err.contains("older format"), "{err}");

    let (done, _) = rotate_key(&with_key(&ctx, KEY_1), &format!("{KEY_1}\n"))
        .await
        .expect("rotate-key upgrades the format with the same key");
    assert_eq!((done.answers, done.notes, done.secrets), (2, 1, 2));
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    all_sealed(&app).await;
    let s = s.on(&app);
    let page = shown(&s.a.get(&format!("/checkins/{}", s.checkin)).await);
    assert!(
        page.contains(&words) && page.contains("second words"),
        "{page}"
    );
    assert!(!page.contains("be read."));
    assert!(shown(&s.a.get("/").await).contains(&s.note));
    // Ada's two-step sign-in still works: her secret was sealed on the way.
    sign_in_with_code(&app, "Ada", &secret).await;
}

/// A new browser signs `name` in with the password and a current code.
async fn sign_in_with_code(app: &TestApp, name: &str, secret: &str) -> Browser {
    let b = app.browser();
    b.sign_in(name).await.assert_redirect_to("/login/code");
    let code = code_at(secret, now(app)).unwrap();
    b.post_form("/login/code", &[("code", &code)])
        .await
        .assert_redirect_to("/");
    app.clock.advance(Duration::seconds(30));
    b.get("/account").await.assert_ok();
    b
}

async fn two_step_secrets_are_sealed_with_a_key_and_survive_rotation(ctx: TestContext) {
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    let a = app.person("Ada").await;
    let (secret, _) = enrol(&app, &a).await;
    let raw = totp_rs::Secret::Encoded(secret.clone()).to_bytes().unwrap();
    // Neither the bytes nor any text form of them is stored.
    let bytes = stored_bytes(&app).await;
    assert!(
        !bytes.windows(raw.len()).any(|w| w == raw.as_slice()),
        "the secret's bytes are stored in the clear"
    );
    for form in [hex::encode(&raw), secret.clone(), secret.to_lowercase()] {
        assert!(!holds(&bytes, &form), "the secret is stored as {form}");
    }
    all_sealed(&app).await;
    // Signing in with a code still works, here and on a restart with the same key.
    sign_in_with_code(&app, "Ada", &secret).await;
    drop(app);
    let app = ctx.spawn_with(with_key(&ctx, KEY_1)).await;
    sign_in_with_code(&app, "Ada", &secret).await;
    drop(app);

    // After rotate-key, with the new key.
    let (done, _) = rotate_key(&with_key(&ctx, KEY_1), &format!("{KEY_2}\n"))
        .await
        .unwrap();
    assert_eq!(done.secrets, 1);
    let app = ctx.spawn_with(with_key(&ctx, KEY_2)).await;
    all_sealed(&app).await;
    sign_in_with_code(&app, "Ada", &secret).await;

    // A secret copied to another account does not open there: that account's codes are
    // refused (its recovery codes still work), and nothing fails.
    let b = app.person("Ben").await;
    let (ben_secret, _) = enrol(&app, &b).await;
    let n = app
        .sql()
        .exec(
            &format!(
                "UPDATE totp_secrets SET secret = (SELECT secret FROM totp_secrets WHERE {})
                 WHERE {}",
                answer_of("Ada", "").replace("prompt_id = '' AND ", ""),
                answer_of("Ben", "").replace("prompt_id = '' AND ", ""),
            ),
            &[],
        )
        .await;
    assert_eq!(n, 1);
    for try_secret in [&secret, &ben_secret] {
        let c = app.browser();
        c.sign_in("Ben").await.assert_redirect_to("/login/code");
        let code = code_at(try_secret, now(&app)).unwrap();
        let page = c.post_form("/login/code", &[("code", &code)]).await;
        assert_eq!(
            page.status,
            reqwest::StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            page.body
        );
    }
    b.get("/account/two-factor").await.assert_ok();
}
