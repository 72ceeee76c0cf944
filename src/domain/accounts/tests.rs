use super::*;

#[test]
fn registration_collects_a_message_for_each_bad_field() {
    let errors = parse_registration(" ", "not-an-email", "short").unwrap_err();
    assert!(errors.get("display_name").is_some());
    assert!(errors.get("email").is_some());
    assert!(errors.get("password").is_some());
}

#[test]
fn registration_trims_and_lowercases() {
    let ok = parse_registration(" Sam ", " Sam@Example.ORG ", "eight chars").unwrap();
    assert_eq!(ok.display_name, "Sam");
    assert_eq!(ok.email, "sam@example.org");
}

#[test]
fn common_passwords_and_the_email_are_refused() {
    assert_eq!(COMMON_PASSWORDS.len(), 10_000);
    assert!(parse_registration("A", "a@b.co", "password1").is_err());
    assert!(parse_registration("A", "a@b.co", "PASSWORD1").is_err());
    assert!(parse_registration("A", "robin@b.co", "my robin secret").is_err());
    assert!(parse_registration("A", "robin@b.co", "x robin@b.co").is_err());
    assert!(parse_registration("A", "robin@b.co", "quiet orchard lamp").is_ok());
}

#[test]
fn passwords_are_kept_exactly_as_typed() {
    let ok = parse_registration("A", "a@b.co", "  spaced out words  ").unwrap();
    assert_eq!(ok.password.expose_secret(), "  spaced out words  ");
}

#[test]
fn a_new_account_never_shows_its_password() {
    let ok = parse_registration("A", "a@b.co", "quiet orchard lamp").unwrap();
    let shown = format!("{ok:?}");
    assert!(shown.contains("password"), "{shown}");
    assert!(!shown.contains("orchard"), "{shown}");
}

#[test]
fn password_length_counts_characters_not_bytes() {
    assert!(parse_registration("A", "a@b.co", &"é".repeat(8)).is_ok());
    assert!(parse_registration("A", "a@b.co", &"x".repeat(129)).is_err());
    assert!(parse_registration("A", "a@b.co", &"x".repeat(128)).is_ok());
}
