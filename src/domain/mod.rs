//! Rules: who may see what, when a check-in reveals, what a summary shows.
//! No HTTP and no SQL here; the store is reached only through its functions.

pub mod accounts;
pub mod backup;
pub mod care;
pub mod chart;
pub mod checkins;
pub mod consent;
pub mod couples;
pub mod notices;
pub mod operator;
pub mod password;
pub mod profile;
pub mod prompts;
pub mod retention;
pub mod sessions;
pub mod summaries;
pub mod therapists;
pub mod throttle;
pub mod time_zone;
pub mod two_factor;
pub mod your_data;

/// `N` bytes from the operating system's secure random source.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    // The OS generator failing is not something a request can recover from.
    getrandom::getrandom(&mut buf).expect("operating system random source");
    buf
}

/// A hex token with `bytes` bytes of randomness.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::getrandom(&mut buf).expect("operating system random source");
    hex::encode(buf)
}

/// True when `s` holds a control character other than the line breaks and tabs people
/// type. Such characters are refused at the edge of the domain: PostgreSQL cannot store
/// a NUL in text, and none of them belongs in a name, an email or an answer.
pub fn has_control_chars(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}
