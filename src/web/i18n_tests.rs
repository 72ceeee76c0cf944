//! Every catalogue complete, every English message used, and Accept-Language read with
//! its qualities.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{t, Arg, Files, Lang, DEFAULT};

/// The interface's message ids in one language's files (lines `id = …`; terms and
/// comments aside). The library's files (`library*.ftl`) translate database rows and have
/// no English twin; `tests/app/library_languages.rs` checks them against the database.
fn ids(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for path in
        Files::iter().filter(|p| p.starts_with(&format!("{code}/")) && !super::is_library_file(p))
    {
        let file = Files::get(&path).expect("listed file");
        for line in String::from_utf8_lossy(&file.data).lines() {
            let Some((id, _)) = line.split_once('=') else {
                continue;
            };
            let id = id.trim_end();
            let starts = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            if starts
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                out.insert(id.to_owned());
            }
        }
    }
    out
}

#[test]
fn every_language_has_every_message_and_no_other() {
    let english = ids(DEFAULT);
    assert!(english.len() > 10, "{english:?}");
    let mut problems = Vec::new();
    for lang in Lang::all().skip(1) {
        let theirs = ids(lang.code());
        for id in english.difference(&theirs) {
            problems.push(format!("locales/{}: `{id}` is missing", lang.code()));
        }
        for id in theirs.difference(&english) {
            problems.push(format!(
                "locales/{}: `{id}` is not in locales/{DEFAULT}",
                lang.code()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.is_file() {
        out.push(dir.to_owned());
    } else if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            files_under(&e.path(), out);
        }
    }
}

#[test]
fn every_english_message_is_used_somewhere() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    files_under(&root.join("src"), &mut files);
    files_under(&root.join("templates"), &mut files);
    // This module's own tests name ids; they do not count as a use.
    files.retain(|f| !f.ends_with("web/i18n_tests.rs"));
    let sources: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    let unused: Vec<String> = ids(DEFAULT)
        .into_iter()
        .filter(|id| {
            let quoted = format!("\"{id}\"");
            !sources.iter().any(|s| s.contains(&quoted))
        })
        .collect();
    assert!(
        unused.is_empty(),
        "used nowhere in src/ or templates/: {unused:?}"
    );
}

#[test]
fn english_is_first_and_german_is_loaded() {
    assert_eq!(Lang::default().code(), "en");
    assert!(super::loaded().contains(&"de"));
}

#[test]
fn accept_language_is_read_by_quality_then_order() {
    let code = |h: &str| Lang::from_accept_language(h).code();
    assert_eq!(code("de"), "de");
    assert_eq!(code("de-CH"), "de");
    assert_eq!(code("DE-de"), "de");
    assert_eq!(code("en-US,en;q=0.9,de;q=0.8"), "en");
    assert_eq!(code("fr-FR, fr;q=0.9, de;q=0.5, en;q=0.4"), "de");
    assert_eq!(code("en;q=0.2, de;q=0.7"), "de");
    assert_eq!(code("de;q=0, en"), "en");
    assert_eq!(code("de;q=0"), "en");
    assert_eq!(code("fr"), "en");
    assert_eq!(code("*"), "en");
    assert_eq!(code(""), "en");
    assert_eq!(code("de;q=nonsense"), "en");
}

#[test]
fn small_counts_read_as_words_in_each_language() {
    let de = Lang::from_tag("de").expect("German");
    let words = |lang, n: i64| t(lang, "count-words", &[("n", &n)]).as_str().to_owned();
    assert_eq!(words(Lang::default(), 6), "six");
    assert_eq!(words(Lang::default(), 12), "twelve");
    assert_eq!(words(Lang::default(), 14), "14");
    assert_eq!(words(Lang::default(), -1), "-1");
    assert_eq!(words(de, 6), "sechs");
    assert_eq!(words(de, 14), "14");
}

#[test]
fn plurals_follow_the_count_and_arguments_are_escaped() {
    let lead = |n: i64| {
        let words = t(Lang::default(), "count-words", &[("n", &n)]);
        let args: [(&str, &dyn Arg); 2] = [("count", &n), ("words", &words)];
        t(Lang::default(), "landing-lead", &args)
            .as_str()
            .to_owned()
    };
    assert!(lead(1).contains("answers one gentle question on your own"));
    assert!(lead(6).contains("answers six gentle questions on your own"));
    // A string argument is text a person may have typed: it comes out escaped.
    let args: [(&str, &dyn Arg); 2] = [("count", &2_i64), ("words", &"<b>")];
    assert!(t(Lang::default(), "landing-lead", &args)
        .as_str()
        .contains("&lt;b&gt; gentle questions"));
}

/// A release shows the id; a debug build (every test run) stops, so a page naming a
/// message no catalogue has fails its test instead of showing an id.
#[test]
#[cfg_attr(
    debug_assertions,
    should_panic(expected = "no catalogue has the message")
)]
fn a_missing_message_falls_back_to_its_id() {
    assert_eq!(
        t(Lang::default(), "no-such-message", &[]).as_str(),
        "no-such-message"
    );
}

#[test]
fn dates_read_as_each_language_writes_them() {
    use crate::web::fmt::{date_in, datetime_in};
    let (en, de) = (Lang::default(), Lang::from_tag("de").expect("German"));
    let day = time::macros::date!(2026 - 03 - 03);
    assert_eq!(date_in(en, day), "3 Mar 2026");
    assert_eq!(date_in(de, day), "3. März 2026");
    let at = time::macros::datetime!(2026-12-24 09:05 UTC);
    assert_eq!(datetime_in(en, at), "24 Dec 2026, 09:05");
    assert_eq!(datetime_in(de, at), "24. Dez. 2026, 09:05");
    // The same as the English the pages showed before there were languages.
    assert_eq!(date_in(en, day), crate::web::fmt::date(day));
    assert_eq!(datetime_in(en, at), crate::web::fmt::datetime(at));
}
