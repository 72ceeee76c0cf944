//! Dates and counts as people read them, for templates.

use std::borrow::Borrow;
use time::macros::format_description;

use time::{Date, OffsetDateTime};

/// `3 Mar 2026`.
pub fn date(d: impl Borrow<Date>) -> String {
    d.borrow()
        .format(format_description!(
            "[day padding:none] [month repr:short] [year]"
        ))
        .unwrap_or_default()
}

/// `3 Mar 2026, 14:05`.
pub fn datetime(t: impl Borrow<OffsetDateTime>) -> String {
    t.borrow()
        .format(format_description!(
            "[day padding:none] [month repr:short] [year], [hour]:[minute]"
        ))
        .unwrap_or_default()
}

/// A small count in words (`six`), a larger one in digits (`14`).
pub fn count(n: i64) -> String {
    const WORDS: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    usize::try_from(n)
        .ok()
        .and_then(|i| WORDS.get(i))
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn small_counts_read_as_words() {
        assert_eq!(super::count(6), "six");
        assert_eq!(super::count(12), "twelve");
        assert_eq!(super::count(14), "14");
        assert_eq!(super::count(-1), "-1");
    }
}
