//! Dates as people read them, for templates.

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
