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
