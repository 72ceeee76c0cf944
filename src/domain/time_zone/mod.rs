//! Each person's time zone: a short list of common zones, each a UTC offset and, where
//! the zone has one, its summer-time rule, so that every time a person sees is theirs.
//!
//! Why no time-zone database: a crate that carries the IANA database puts all of it in
//! the binary and must be released again whenever a country changes its rules, while the
//! few summer-time rules people meet most (EU since 1996, US and Canada since 2007,
//! south-east Australia since 2008, New Zealand since 2007) fit in a page: this costs no
//! dependency and a few KiB. Zones are stored by their IANA name, so a later move to a
//! full database keeps every stored choice. An unknown stored name reads as UTC.
//!
//! Invariant: a stored `time_zone` is always a key of the list in `zones` (checked on
//! every write, by [`parse`]).

use time::{Date, Month, OffsetDateTime, Time, UtcOffset, Weekday};

mod guess;
mod zones;

pub use guess::guess;
pub use zones::UTC;
use zones::{NAMED, OFFSETS};

/// Summer-time rules: when clocks go one hour forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Summer {
    /// No summer time.
    None,
    /// EU: last Sunday of March to last Sunday of October, both at 01:00 UTC.
    Europe,
    /// US and Canada: second Sunday of March, 02:00 local, to first Sunday of November,
    /// 02:00 local summer time.
    NorthAmerica,
    /// South-east Australia: first Sunday of October, 02:00 local, to first Sunday of
    /// April, 03:00 local summer time.
    AustraliaSouth,
    /// New Zealand: last Sunday of September, 02:00 local, to first Sunday of April,
    /// 03:00 local summer time.
    NewZealand,
}

/// A time zone people can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    /// The IANA name (or `UTC±hh:mm` for a plain offset): what is stored.
    pub key: &'static str,
    /// What the list shows.
    pub label: &'static str,
    /// Standard (winter) offset, in minutes east of UTC.
    minutes: i16,
    summer: Summer,
}

const fn zone(key: &'static str, label: &'static str, minutes: i16, summer: Summer) -> Zone {
    Zone {
        key,
        label,
        minutes,
        summer,
    }
}

/// The message beside a zone no form of ours offers.
pub const NOT_OFFERED: &str = "error-zone-not-offered";

/// The zone a form chose: empty (a form without the choice) is UTC; a name not offered
/// is refused.
pub fn parse(raw: &str) -> Result<Zone, &'static str> {
    match raw.trim() {
        "" => Ok(UTC),
        key => Zone::find(key).ok_or(NOT_OFFERED),
    }
}

/// A registration (or its errors) with the zone its form chose, or that zone's error too.
pub fn choose_for(
    fields: Result<super::accounts::NewAccount, crate::error::FieldErrors>,
    raw: &str,
) -> Result<super::accounts::NewAccount, crate::error::FieldErrors> {
    match (fields, parse(raw)) {
        (Ok(mut account), Ok(zone)) => {
            account.time_zone = zone.key;
            Ok(account)
        }
        (Ok(_), Err(message)) => Err(crate::error::FieldErrors::single("time_zone", message)),
        (Err(mut errors), Err(message)) => {
            errors.add("time_zone", message);
            Err(errors)
        }
        (Err(errors), Ok(_)) => Err(errors),
    }
}

/// The named zones, then the plain offsets, as the forms list them, each group with the
/// message id of its heading.
pub fn groups() -> [(&'static str, &'static [Zone]); 2] {
    [
        ("zone-group-places", NAMED),
        ("zone-group-offsets", OFFSETS),
    ]
}

impl Zone {
    /// The zone stored under `key`; `None` for a name that is not offered.
    pub fn find(key: &str) -> Option<Zone> {
        NAMED.iter().chain(OFFSETS).find(|z| z.key == key).copied()
    }

    /// The zone stored under `key`, or UTC for a name no longer offered.
    pub fn from_stored(key: &str) -> Zone {
        Zone::find(key).unwrap_or(UTC)
    }

    fn offset(minutes: i32) -> UtcOffset {
        UtcOffset::from_whole_seconds(minutes * 60).unwrap_or(UtcOffset::UTC)
    }

    /// The zone's offset from UTC at the moment `at`.
    pub fn offset_at(&self, at: OffsetDateTime) -> UtcOffset {
        let standard = i32::from(self.minutes);
        let summer = summer_time(self.summer, standard, at.to_offset(UtcOffset::UTC));
        Zone::offset(standard + if summer { 60 } else { 0 })
    }

    /// `at` on this zone's clocks.
    pub fn local(&self, at: OffsetDateTime) -> OffsetDateTime {
        at.to_offset(self.offset_at(at))
    }

    /// The day it is in this zone at `at`.
    pub fn today(&self, at: OffsetDateTime) -> Date {
        self.local(at).date()
    }
}

impl Default for Zone {
    fn default() -> Self {
        UTC
    }
}

/// The `n`th (1-based) Sunday of `month`, or the last one with `n == 0`.
fn sunday(year: i32, month: Month, n: u8) -> Date {
    let first = Date::from_calendar_date(year, month, 1).unwrap_or(Date::MIN);
    let to_sunday = (7 + 7 - first.weekday().number_days_from_sunday()) % 7;
    let first_sunday = first.saturating_add(time::Duration::days(i64::from(to_sunday)));
    if n > 0 {
        return first_sunday.saturating_add(time::Duration::weeks(i64::from(n - 1)));
    }
    let mut last = first_sunday;
    while let Some(next) = last.checked_add(time::Duration::weeks(1)) {
        if next.month() != month {
            break;
        }
        last = next;
    }
    debug_assert_eq!(last.weekday(), Weekday::Sunday);
    last
}

/// The UTC moment of `hour`:00 local on `day`, for a local offset of `minutes`.
fn at_local(day: Date, hour: u8, minutes: i32) -> OffsetDateTime {
    let time = Time::from_hms(hour, 0, 0).unwrap_or(Time::MIDNIGHT);
    day.with_time(time)
        .assume_offset(Zone::offset(minutes))
        .to_offset(UtcOffset::UTC)
}

/// Whether summer time applies at `utc` under `rule`, for a zone `standard` minutes east.
fn summer_time(rule: Summer, standard: i32, utc: OffsetDateTime) -> bool {
    let year = utc.year();
    let summer = standard + 60;
    match rule {
        Summer::None => false,
        Summer::Europe => {
            let start = at_local(sunday(year, Month::March, 0), 1, 0);
            let end = at_local(sunday(year, Month::October, 0), 1, 0);
            start <= utc && utc < end
        }
        Summer::NorthAmerica => {
            let start = at_local(sunday(year, Month::March, 2), 2, standard);
            let end = at_local(sunday(year, Month::November, 1), 2, summer);
            start <= utc && utc < end
        }
        // Southern summers span the new year: summer time is outside April..October.
        Summer::AustraliaSouth => {
            let end = at_local(sunday(year, Month::April, 1), 3, summer);
            let start = at_local(sunday(year, Month::October, 1), 2, standard);
            utc < end || start <= utc
        }
        Summer::NewZealand => {
            let end = at_local(sunday(year, Month::April, 1), 3, summer);
            let start = at_local(sunday(year, Month::September, 0), 2, standard);
            utc < end || start <= utc
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn hours(z: &str, at: OffsetDateTime) -> i32 {
        Zone::find(z).unwrap().offset_at(at).whole_minutes() as i32
    }

    #[test]
    fn every_guess_and_key_is_offered_once() {
        let mut keys: Vec<_> = NAMED.iter().chain(OFFSETS).map(|z| z.key).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "a key is listed twice");
        assert_eq!(Zone::from_stored("Nowhere/Land"), UTC);
    }

    #[test]
    fn europe_changes_at_one_in_the_morning_utc() {
        // 2026: 29 March and 25 October.
        assert_eq!(hours("Europe/Paris", datetime!(2026-03-29 00:59 UTC)), 60);
        assert_eq!(hours("Europe/Paris", datetime!(2026-03-29 01:00 UTC)), 120);
        assert_eq!(hours("Europe/London", datetime!(2026-07-01 12:00 UTC)), 60);
        assert_eq!(hours("Europe/Paris", datetime!(2026-10-25 00:59 UTC)), 120);
        assert_eq!(hours("Europe/Paris", datetime!(2026-10-25 01:00 UTC)), 60);
        assert_eq!(hours("Europe/London", datetime!(2026-12-01 12:00 UTC)), 0);
    }

    #[test]
    fn north_america_changes_at_two_in_the_morning_local() {
        // 2026: 8 March and 1 November. New York: 07:00 UTC, then 06:00 UTC.
        assert_eq!(
            hours("America/New_York", datetime!(2026-03-08 06:59 UTC)),
            -300
        );
        assert_eq!(
            hours("America/New_York", datetime!(2026-03-08 07:00 UTC)),
            -240
        );
        assert_eq!(
            hours("America/New_York", datetime!(2026-11-01 05:59 UTC)),
            -240
        );
        assert_eq!(
            hours("America/New_York", datetime!(2026-11-01 06:00 UTC)),
            -300
        );
        assert_eq!(
            hours("America/Los_Angeles", datetime!(2026-03-08 10:00 UTC)),
            -420
        );
        assert_eq!(
            hours("America/Phoenix", datetime!(2026-07-01 12:00 UTC)),
            -420
        );
    }

    #[test]
    fn southern_summers_span_the_new_year() {
        // Sydney 2026: summer time ends 5 April (16:00 UTC the 4th), starts 4 October
        // (16:00 UTC the 3rd).
        assert_eq!(
            hours("Australia/Sydney", datetime!(2026-01-15 00:00 UTC)),
            660
        );
        assert_eq!(
            hours("Australia/Sydney", datetime!(2026-04-04 15:59 UTC)),
            660
        );
        assert_eq!(
            hours("Australia/Sydney", datetime!(2026-04-04 16:00 UTC)),
            600
        );
        assert_eq!(
            hours("Australia/Sydney", datetime!(2026-10-03 15:59 UTC)),
            600
        );
        assert_eq!(
            hours("Australia/Sydney", datetime!(2026-10-03 16:00 UTC)),
            660
        );
        assert_eq!(
            hours("Australia/Brisbane", datetime!(2026-01-15 00:00 UTC)),
            600
        );
        // Auckland 2026: ends 5 April (14:00 UTC the 4th), starts 27 September (14:00
        // UTC the 26th).
        assert_eq!(
            hours("Pacific/Auckland", datetime!(2026-04-04 13:59 UTC)),
            780
        );
        assert_eq!(
            hours("Pacific/Auckland", datetime!(2026-04-04 14:00 UTC)),
            720
        );
        assert_eq!(
            hours("Pacific/Auckland", datetime!(2026-09-26 13:59 UTC)),
            720
        );
        assert_eq!(
            hours("Pacific/Auckland", datetime!(2026-09-26 14:00 UTC)),
            780
        );
    }

    #[test]
    fn the_day_and_the_time_are_the_zones() {
        let at = datetime!(2026-03-10 20:00 UTC);
        let india = Zone::find("Asia/Kolkata").unwrap();
        assert_eq!(india.local(at), datetime!(2026-03-11 01:30 +05:30));
        assert_eq!(india.today(at), date!(2026 - 03 - 11));
        assert_eq!(UTC.local(at), datetime!(2026-03-10 20:00 UTC));
        let minus = Zone::find("UTC-05:00").unwrap();
        assert_eq!(
            minus.today(datetime!(2026-03-10 02:00 UTC)),
            date!(2026 - 03 - 09)
        );
    }
}
