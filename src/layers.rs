//! Reads the source tree and fails when a file reaches around a layer: the domain and the
//! store never name the HTTP edge (axum, askama, `crate::web`), and the web layer never
//! names the store. Comments are skipped, so a module doc may still say what it is not.

use std::path::{Path, PathBuf};

/// What files under `dir` (relative to `src/`) must not name, and why.
const RULES: &[(&str, &[&str], &str)] = &[
    (
        "domain",
        &["axum", "askama", "crate::web"],
        "the domain knows nothing of HTTP or pages",
    ),
    (
        "store",
        &["axum", "askama", "crate::web"],
        "the store is SQL only",
    ),
    (
        "error.rs",
        &["axum", "askama", "crate::web"],
        "the error type is the domain's; web::errors makes responses",
    ),
    ("web", &["crate::store"], "handlers go through the domain"),
];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_owned());
    } else if let Ok(entries) = std::fs::read_dir(path) {
        for e in entries.flatten() {
            rust_files(&e.path(), out);
        }
    }
}

/// The names `code` uses from `forbidden`, comments aside. `crate::{web, …}` groups count.
fn named(code: &str, forbidden: &[&str]) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        // `use crate::{self, store::…}` names `crate::store` too.
        let flat = code
            .replace("crate::{", "crate::")
            .replace(", ", " crate::");
        for f in forbidden {
            let hit = [code, flat.as_str()].iter().any(|c| {
                c.match_indices(f).any(|(i, _)| {
                    let before = c[..i].chars().next_back();
                    let after = c[i + f.len()..].chars().next();
                    let word =
                        |ch: Option<char>| ch.is_some_and(|c| c.is_alphanumeric() || c == '_');
                    !word(before) && !word(after)
                })
            });
            if hit {
                found.push((n + 1, (*f).to_owned()));
            }
        }
    }
    found
}

fn breaches(src: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for (dir, forbidden, why) in RULES {
        let mut files = Vec::new();
        rust_files(&src.join(dir), &mut files);
        assert!(!files.is_empty(), "no source under src/{dir}");
        for file in files {
            let code = std::fs::read_to_string(&file).expect("read source");
            for (line, name) in named(&code, forbidden) {
                out.push(format!("{}:{line} names {name}: {why}", file.display()));
            }
        }
    }
    out
}

#[test]
fn no_layer_reaches_around_another() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = breaches(&src);
    assert!(
        found.is_empty(),
        "layers reached around:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_what_it_must() {
    let names = |code| named(code, &["crate::store", "axum"]);
    assert_eq!(names("use crate::store::Db;").len(), 1);
    assert_eq!(names("use crate::{error::Result, store::Db};").len(), 1);
    assert_eq!(names("    let x = axum::Router::new();").len(), 1);
    assert!(names("// the store is crate::store").is_empty());
    assert!(names("use crate::storefront;").is_empty());
    assert!(names("let axumish = 1;").is_empty());
}
