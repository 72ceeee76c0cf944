//! A first choice of zone for the sign-up form, from the browser's language.

use super::Zone;

/// A zone to start the sign-up form with, from the browser's `Accept-Language` (its first
/// language with a region, where that region has one zone of the list): a guess the
/// person sees and can change, since a form cannot read the browser's offset without
/// JavaScript. UTC when nothing fits.
pub fn guess(accept_language: &str) -> Zone {
    let region = accept_language
        .split(',')
        .filter_map(|tag| tag.split(';').next())
        .find_map(|tag| {
            let mut parts = tag.trim().split(['-', '_']).skip(1);
            parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        })
        .map(|r| r.to_ascii_uppercase());
    let key = match region.as_deref() {
        Some("GB" | "IE" | "PT") => "Europe/London",
        Some(
            "FR" | "DE" | "ES" | "IT" | "NL" | "BE" | "LU" | "AT" | "CH" | "SE" | "NO" | "DK"
            | "PL" | "CZ" | "SK" | "HU" | "SI" | "HR" | "RS",
        ) => "Europe/Paris",
        Some("GR" | "FI" | "RO" | "BG" | "UA" | "EE" | "LV" | "LT") => "Europe/Athens",
        Some("TR") => "Europe/Istanbul",
        Some("ZA") => "Africa/Johannesburg",
        Some("NG") => "Africa/Lagos",
        Some("KE") => "Africa/Nairobi",
        Some("IR") => "Asia/Tehran",
        Some("AE") => "Asia/Dubai",
        Some("PK") => "Asia/Karachi",
        Some("IN") => "Asia/Kolkata",
        Some("BD") => "Asia/Dhaka",
        Some("TH" | "VN") => "Asia/Bangkok",
        Some("CN" | "HK" | "TW") => "Asia/Shanghai",
        Some("SG" | "MY" | "PH") => "Asia/Singapore",
        Some("JP" | "KR") => "Asia/Tokyo",
        Some("NZ") => "Pacific/Auckland",
        Some("CO" | "PE") => "America/Bogota",
        Some("AR") => "America/Argentina/Buenos_Aires",
        _ => "UTC",
    };
    Zone::from_stored(key)
}

#[cfg(test)]
mod tests {
    use super::guess;

    #[test]
    fn a_guess_comes_from_the_browsers_region() {
        assert_eq!(guess("de-DE,de;q=0.9,en;q=0.8").key, "Europe/Paris");
        assert_eq!(guess("en-GB").key, "Europe/London");
        assert_eq!(guess("fr;q=0.9, pt-PT;q=0.8").key, "Europe/London");
        // Countries with several zones, or no region at all: UTC, to be chosen by hand.
        assert_eq!(guess("en-US,en;q=0.9").key, "UTC");
        assert_eq!(guess("en").key, "UTC");
        assert_eq!(guess("").key, "UTC");
        assert_eq!(guess("zh-Hant-TW").key, "Asia/Shanghai");
    }
}
