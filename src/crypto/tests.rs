use super::*;

fn key() -> DataKey {
    DataKey::parse(&DataKey::generate()).unwrap()
}

fn answer(prompt: &str) -> Slot<'_> {
    Slot::Answer {
        checkin: Uuid::from_u128(1),
        user: Uuid::from_u128(2),
        prompt,
    }
}

#[test]
fn seal_then_open_gives_the_text_back_and_hides_it() {
    let k = key();
    let sealed = k.seal(answer("p"), b"soft morning light").unwrap();
    assert!(!sealed.contains("morning"));
    assert!(sealed.starts_with("mutual:enc2:"));
    let r = Reader::Sealed(&k);
    assert_eq!(
        r.open_text(answer("p"), &sealed).unwrap(),
        "soft morning light"
    );
    // Two seals of the same text differ (fresh nonce each time).
    assert_ne!(sealed, k.seal(answer("p"), b"soft morning light").unwrap());
}

#[test]
fn a_wrong_key_another_row_or_column_or_a_changed_byte_fail_to_open() {
    let k = key();
    let sealed = k.seal(answer("p"), b"words").unwrap();
    let r = Reader::Sealed(&k);
    assert_eq!(
        Reader::Sealed(&key()).open_text(answer("p"), &sealed),
        Err(Unreadable::OtherKey)
    );
    assert_eq!(
        r.open_text(answer("q"), &sealed),
        Err(Unreadable::DoesNotOpen)
    );
    let other_person = Slot::Answer {
        checkin: Uuid::from_u128(1),
        user: Uuid::from_u128(3),
        prompt: "p",
    };
    assert_eq!(
        r.open_text(other_person, &sealed),
        Err(Unreadable::DoesNotOpen)
    );
    assert_eq!(
        r.open_text(Slot::AssignmentNote(Uuid::from_u128(1)), &sealed),
        Err(Unreadable::DoesNotOpen)
    );
    let mut tampered = sealed.clone().into_bytes();
    let last = tampered.len() - 1;
    tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
    assert_eq!(r.open(answer("p"), &tampered), Err(Unreadable::DoesNotOpen));
    for broken in ["mutual:enc2:x", "mutual:enc2:x:%%", "mutual:enc9:x:y"] {
        assert!(r.open_text(answer("p"), broken).is_err(), "{broken}");
    }
}

#[test]
fn row_keys_cannot_be_shifted_between_parts() {
    // "ab" + "c" and "a" + "bc" must not give the same associated data.
    let a = Slot::Answer {
        checkin: Uuid::nil(),
        user: Uuid::nil(),
        prompt: "ab",
    }
    .aad();
    let b = Slot::PromptText("ab").aad();
    assert_ne!(a, b);
    assert_ne!(Slot::PromptText("a").aad(), Slot::KeyCheck("a").aad());
}

#[test]
fn typed_text_never_looks_sealed_and_reads_back_as_typed() {
    for typed in [
        "plain words",
        "mutual:enc1:x:y",
        "mutual:enc2:0011223344556677:AAAA",
        "mutual:text:already escaped",
        "mutual:",
        "",
    ] {
        let stored = store_plain(typed.as_bytes());
        assert!(!stored.starts_with(SEALED.as_bytes()), "{typed}");
        assert_eq!(
            Reader::Plain.open(answer("p"), &stored).unwrap(),
            typed.as_bytes()
        );
        // rotate-key reads it the same way.
        assert_eq!(
            Reader::Upgrade(Some(&key()))
                .open(answer("p"), &stored)
                .unwrap(),
            typed.as_bytes()
        );
    }
    // A sealed-looking value stored before escaping existed is unreadable, not an error
    // for the page; plain text written before then reads as it was.
    assert_eq!(
        Reader::Plain.open_text(answer("p"), "mutual:enc1:x:y"),
        Err(Unreadable::NoKey)
    );
    assert_eq!(
        Reader::Plain
            .open_text(answer("p"), "mutual: a colon")
            .unwrap(),
        "mutual: a colon"
    );
}

#[test]
fn with_a_key_only_values_sealed_for_the_slot_are_read() {
    let k = key();
    let r = Reader::Sealed(&k);
    assert_eq!(
        r.open_text(answer("p"), "plain"),
        Err(Unreadable::NotSealed)
    );
    assert_eq!(
        r.open_text(answer("p"), "mutual:text:escaped"),
        Err(Unreadable::NotSealed)
    );
    let first = first_format(&k, "answers.value_text", b"old words");
    assert_eq!(
        r.open_text(answer("p"), &first),
        Err(Unreadable::FirstFormat)
    );
    // The upgrade reads both formats and plain text.
    let up = Reader::Upgrade(Some(&k));
    assert_eq!(up.open_text(answer("p"), &first).unwrap(), "old words");
    assert_eq!(up.open_text(answer("p"), "plain").unwrap(), "plain");
    let current = k.seal(answer("p"), b"new").unwrap();
    assert_eq!(up.open_text(answer("p"), &current).unwrap(), "new");
    // Still bound to the column.
    assert_eq!(
        up.open_text(Slot::AssignmentNote(Uuid::nil()), &first),
        Err(Unreadable::DoesNotOpen)
    );
}

/// A value as the first format sealed it.
fn first_format(k: &DataKey, column: &str, plain: &[u8]) -> String {
    let nonce = [7u8; NONCE_LEN];
    let sealed = k
        .cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: column.as_bytes(),
            },
        )
        .unwrap();
    format!(
        "{ENC1}{}:{}",
        k.id,
        URL_SAFE_NO_PAD.encode([nonce.as_slice(), &sealed].concat())
    )
}

#[test]
fn keys_parse_from_hex_or_base64() {
    let hex_key = "00".repeat(32);
    let b64_key = base64::engine::general_purpose::STANDARD.encode([0u8; 32]);
    assert_eq!(
        DataKey::parse(&hex_key).unwrap().id(),
        DataKey::parse(&format!("{b64_key}\n")).unwrap().id()
    );
    assert!(DataKey::parse("too short").is_err());
    assert!(DataKey::parse(&"00".repeat(16)).is_err());
}
