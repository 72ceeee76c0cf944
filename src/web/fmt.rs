//! Dates and counts as people read them, for templates.

use std::borrow::Borrow;
use time::macros::format_description;

use time::{Date, OffsetDateTime};

use super::i18n::{t, Lang, Text};
use crate::domain::checkins::Status;
use crate::domain::notices::NoticeKind;
use crate::domain::therapists::Assignment;

/// `3 Mar 2026`.
pub fn date(d: impl Borrow<Date>) -> String {
    d.borrow()
        .format(format_description!(
            "[day padding:none] [month repr:short] [year]"
        ))
        .unwrap_or_default()
}

/// `3 Mar 2026` in English, `3. März 2026` in German.
pub fn date_in(lang: Lang, d: Date) -> String {
    // The catalogues' month names; the month's number picks one, so every language
    // names all twelve (the completeness test sees them as ids).
    const MONTHS: [&str; 12] = [
        "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
        "month-9", "month-10", "month-11", "month-12",
    ];
    let month = t(lang, MONTHS[usize::from(u8::from(d.month())) - 1], &[]);
    let (day, year) = (i64::from(d.day()), i64::from(d.year()));
    // The year as digits, never grouped (`2026`, not `2,026`).
    let year = year.to_string();
    t(
        lang,
        "date",
        &[("day", &day), ("month", &month), ("year", &year)],
    )
    .to_string()
}

/// `3 Mar 2026, 14:05` in English, `3. März 2026, 14:05` in German.
pub fn datetime_in(lang: Lang, at: OffsetDateTime) -> String {
    let date = date_in(lang, at.date());
    let time = format!("{:02}:{:02}", at.hour(), at.minute());
    t(lang, "date-time", &[("date", &date), ("time", &time)]).to_string()
}

/// `3 Mar 2026, 14:05`.
pub fn datetime(t: impl Borrow<OffsetDateTime>) -> String {
    t.borrow()
        .format(format_description!(
            "[day padding:none] [month repr:short] [year], [hour]:[minute]"
        ))
        .unwrap_or_default()
}

/// How a check-in's state reads in lists and headings, short and pressure-free: a
/// message id, for the template's `layout.t(..)`.
pub fn status_label(s: impl Borrow<Status>) -> &'static str {
    match s.borrow() {
        Status::YourTurn => "checkin-status-your-turn",
        Status::PartnerTurn => "checkin-status-partner-turn",
        Status::Revealed => "checkin-status-revealed",
        Status::SetAside => "checkin-status-set-aside",
        Status::Closed => "checkin-status-closed",
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

/// "2 of 3 done, by 7 Dec 2026" and the like, in `lang`.
pub fn progress(lang: impl Borrow<Lang>, a: &Assignment) -> Text {
    let lang = *lang.borrow();
    let done = a.done;
    let counted = match a.target_count {
        Some(n) => t(
            lang,
            "checkin-progress-of",
            &[("done", &done), ("target", &i64::from(n))],
        ),
        None => t(lang, "checkin-progress-done", &[("done", &done)]),
    };
    match a.ends_on {
        Some(d) => t(
            lang,
            "checkin-progress-by",
            &[("progress", &counted), ("date", &date_in(lang, d))],
        ),
        None => counted,
    }
}

/// A notice's words: a message id, for the template's `layout.t(..)`.
pub fn notice(kind: impl Borrow<NoticeKind>) -> &'static str {
    match kind.borrow() {
        NoticeKind::PartnerUnlinked => "home-notice-partner-unlinked",
        NoticeKind::PartnerDeleted => "home-notice-partner-deleted",
        NoticeKind::TherapistStopped => "home-notice-therapist-stopped",
        NoticeKind::CoupleStopped => "home-notice-couple-stopped",
        NoticeKind::Other => "home-notice-other",
    }
}

/// An average to one decimal (`3.5`, German `3,5`), or a dash when there is none.
pub fn average(lang: impl Borrow<Lang>, v: impl Borrow<Option<f64>>) -> Text {
    match *v.borrow() {
        Some(v) => {
            let tenths = (v * 10.0).round() as i64;
            t(
                *lang.borrow(),
                "summary-decimal",
                &[("whole", &(tenths / 10)), ("tenths", &(tenths % 10))],
            )
        }
        None => t(*lang.borrow(), "summary-no-average", &[]),
    }
}
