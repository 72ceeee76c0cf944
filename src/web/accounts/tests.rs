use super::safe_next;

#[test]
fn next_only_goes_to_paths_on_this_site() {
    assert_eq!(safe_next("/join/ABC"), "/join/ABC");
    assert_eq!(safe_next("//evil.example"), "/");
    assert_eq!(safe_next("https://evil.example"), "/");
    assert_eq!(safe_next("/\\evil.example"), "/");
    assert_eq!(safe_next(""), "/");
}

#[test]
fn a_therapist_lands_on_their_dashboard_unless_sent_elsewhere() {
    use super::landing;
    assert_eq!(landing("", true), "/therapist");
    assert_eq!(landing("/", true), "/therapist");
    assert_eq!(landing("//evil.example", true), "/therapist");
    assert_eq!(landing("/account", true), "/account");
    assert_eq!(landing("", false), "/");
}

/// The sign-up page takes the consent words from the catalogue; the English must stay the
/// versioned wording in `domain::consent`, which is what a stored consent's version names.
#[test]
fn the_english_consent_shown_is_the_versioned_wording() {
    use crate::domain::consent;
    use crate::web::i18n::{t, Lang};
    let en = Lang::default();
    assert_eq!(
        t(en, "acc-consent-text", &[]).as_str(),
        consent::DATA_STORAGE_TEXT
    );
    assert_eq!(
        t(en, "acc-consent-label", &[]).as_str(),
        consent::DATA_STORAGE_LABEL
    );
    // Every other language has its own words for it, not the English fallback.
    for lang in Lang::all().filter(|l| *l != en) {
        assert_ne!(
            t(lang, "acc-consent-text", &[]).as_str(),
            consent::DATA_STORAGE_TEXT
        );
    }
}
