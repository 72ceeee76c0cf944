//! Dates and counts as people read them, for templates.

use std::borrow::Borrow;
use time::macros::format_description;

use time::{Date, OffsetDateTime};

use crate::domain::checkins::Status;
use crate::domain::therapists::Assignment;

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

/// How a check-in's state reads in lists and headings: short and pressure-free.
pub fn status_label(s: impl Borrow<Status>) -> &'static str {
    match s.borrow() {
        Status::YourTurn => "Waiting for you, whenever you're ready",
        Status::PartnerTurn => "Waiting for your partner",
        Status::Revealed => "Both answered",
        Status::SetAside => "Set aside",
        Status::Closed => "Closed",
    }
}

/// The stylesheet's class for a check-in's state.
pub fn status_class(s: impl Borrow<Status>) -> &'static str {
    match s.borrow() {
        Status::Revealed => "done",
        Status::YourTurn | Status::PartnerTurn => "waiting",
        Status::SetAside | Status::Closed => "",
    }
}

/// "2 of 3 done, by 7 Dec 2026" and the like.
pub fn progress(a: &Assignment) -> String {
    let by = a
        .ends_on
        .map(|d| format!(", by {}", date(d)))
        .unwrap_or_default();
    match a.target_count {
        Some(n) => format!("{} of {n} done{by}", a.done),
        None => format!("{} done{by}", a.done),
    }
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
