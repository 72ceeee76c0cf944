//! The zones offered: common places with their summer-time rule, then plain offsets.
//! Each key is stored as chosen, so a key may be added but never renamed or removed
//! (a removed one would read as UTC).

use super::Summer::{AustraliaSouth, Europe, NewZealand, None as NoSummer, NorthAmerica};
use super::{zone, Zone};

pub const UTC: Zone = zone("UTC", "UTC (no time zone)", 0, NoSummer);

/// The zones offered, west to east; plain offsets come after them.
pub(super) const NAMED: &[Zone] = &[
    UTC,
    zone("Pacific/Honolulu", "Hawaii (Honolulu)", -600, NoSummer),
    zone(
        "America/Anchorage",
        "Alaska (Anchorage)",
        -540,
        NorthAmerica,
    ),
    zone(
        "America/Los_Angeles",
        "Pacific time (Los Angeles, Vancouver)",
        -480,
        NorthAmerica,
    ),
    zone("America/Phoenix", "Arizona (Phoenix)", -420, NoSummer),
    zone(
        "America/Denver",
        "Mountain time (Denver, Calgary)",
        -420,
        NorthAmerica,
    ),
    zone(
        "America/Chicago",
        "Central time (Chicago, Winnipeg)",
        -360,
        NorthAmerica,
    ),
    zone("America/Mexico_City", "Mexico City", -360, NoSummer),
    zone(
        "America/New_York",
        "Eastern time (New York, Toronto)",
        -300,
        NorthAmerica,
    ),
    zone("America/Bogota", "Bogotá, Lima", -300, NoSummer),
    zone(
        "America/Halifax",
        "Atlantic time (Halifax)",
        -240,
        NorthAmerica,
    ),
    zone(
        "America/St_Johns",
        "Newfoundland (St. John's)",
        -210,
        NorthAmerica,
    ),
    zone(
        "America/Sao_Paulo",
        "São Paulo, Rio de Janeiro",
        -180,
        NoSummer,
    ),
    zone(
        "America/Argentina/Buenos_Aires",
        "Buenos Aires",
        -180,
        NoSummer,
    ),
    zone(
        "Europe/London",
        "UK, Ireland, Portugal (London, Dublin, Lisbon)",
        0,
        Europe,
    ),
    zone(
        "Africa/Lagos",
        "West Africa (Lagos, Kinshasa)",
        60,
        NoSummer,
    ),
    zone(
        "Europe/Paris",
        "Central Europe (Paris, Berlin, Madrid, Rome, Warsaw)",
        60,
        Europe,
    ),
    zone(
        "Europe/Athens",
        "Eastern Europe (Athens, Helsinki, Kyiv, Bucharest)",
        120,
        Europe,
    ),
    zone(
        "Africa/Johannesburg",
        "South Africa (Johannesburg)",
        120,
        NoSummer,
    ),
    zone("Europe/Istanbul", "Istanbul", 180, NoSummer),
    zone("Europe/Moscow", "Moscow", 180, NoSummer),
    zone("Africa/Nairobi", "East Africa (Nairobi)", 180, NoSummer),
    zone("Asia/Tehran", "Tehran", 210, NoSummer),
    zone("Asia/Dubai", "Dubai", 240, NoSummer),
    zone("Asia/Karachi", "Pakistan (Karachi)", 300, NoSummer),
    zone(
        "Asia/Kolkata",
        "India (Kolkata, Mumbai, Delhi)",
        330,
        NoSummer,
    ),
    zone("Asia/Dhaka", "Bangladesh (Dhaka)", 360, NoSummer),
    zone("Asia/Bangkok", "Bangkok, Hanoi, Jakarta", 420, NoSummer),
    zone(
        "Asia/Shanghai",
        "China (Beijing, Shanghai), Hong Kong, Taipei",
        480,
        NoSummer,
    ),
    zone(
        "Asia/Singapore",
        "Singapore, Kuala Lumpur, Manila",
        480,
        NoSummer,
    ),
    zone(
        "Australia/Perth",
        "Western Australia (Perth)",
        480,
        NoSummer,
    ),
    zone("Asia/Tokyo", "Japan, Korea (Tokyo, Seoul)", 540, NoSummer),
    zone(
        "Australia/Darwin",
        "Northern Territory (Darwin)",
        570,
        NoSummer,
    ),
    zone(
        "Australia/Adelaide",
        "South Australia (Adelaide)",
        570,
        AustraliaSouth,
    ),
    zone("Australia/Brisbane", "Queensland (Brisbane)", 600, NoSummer),
    zone(
        "Australia/Sydney",
        "Sydney, Melbourne, Canberra, Hobart",
        600,
        AustraliaSouth,
    ),
    zone(
        "Pacific/Auckland",
        "New Zealand (Auckland)",
        720,
        NewZealand,
    ),
];

/// Whole-hour offsets from UTC−12 to UTC+14, for anyone whose zone is not named above
/// (no summer time: such a person moves it by hand twice a year).
pub(super) const OFFSETS: &[Zone] = &[
    zone("UTC-12:00", "UTC−12:00", -720, NoSummer),
    zone("UTC-11:00", "UTC−11:00", -660, NoSummer),
    zone("UTC-10:00", "UTC−10:00", -600, NoSummer),
    zone("UTC-09:00", "UTC−09:00", -540, NoSummer),
    zone("UTC-08:00", "UTC−08:00", -480, NoSummer),
    zone("UTC-07:00", "UTC−07:00", -420, NoSummer),
    zone("UTC-06:00", "UTC−06:00", -360, NoSummer),
    zone("UTC-05:00", "UTC−05:00", -300, NoSummer),
    zone("UTC-04:00", "UTC−04:00", -240, NoSummer),
    zone("UTC-03:00", "UTC−03:00", -180, NoSummer),
    zone("UTC-02:00", "UTC−02:00", -120, NoSummer),
    zone("UTC-01:00", "UTC−01:00", -60, NoSummer),
    zone("UTC+01:00", "UTC+01:00", 60, NoSummer),
    zone("UTC+02:00", "UTC+02:00", 120, NoSummer),
    zone("UTC+03:00", "UTC+03:00", 180, NoSummer),
    zone("UTC+04:00", "UTC+04:00", 240, NoSummer),
    zone("UTC+05:00", "UTC+05:00", 300, NoSummer),
    zone("UTC+06:00", "UTC+06:00", 360, NoSummer),
    zone("UTC+07:00", "UTC+07:00", 420, NoSummer),
    zone("UTC+08:00", "UTC+08:00", 480, NoSummer),
    zone("UTC+09:00", "UTC+09:00", 540, NoSummer),
    zone("UTC+10:00", "UTC+10:00", 600, NoSummer),
    zone("UTC+11:00", "UTC+11:00", 660, NoSummer),
    zone("UTC+12:00", "UTC+12:00", 720, NoSummer),
    zone("UTC+13:00", "UTC+13:00", 780, NoSummer),
    zone("UTC+14:00", "UTC+14:00", 840, NoSummer),
];
