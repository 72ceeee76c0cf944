use super::ROUTES;

/// The `.rs` files under `dir`, folders included.
fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// (method, path) of every route registered in src/web/.
fn routes_in_source() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/web")),
        &mut files,
    );
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        for chunk in text.split(".route(").skip(1) {
            let Some(rest) = chunk.trim_start().strip_prefix('"') else {
                continue; // not a literal path
            };
            let path = rest.split('"').next().unwrap().to_owned();
            if !path.starts_with('/') || path.starts_with("/__test/") {
                continue; // prose, or a route that exists only in the test suite
            }
            // The call's methods come before the statement or the next call ends it.
            let call = rest.split(';').next().unwrap();
            let call = call.split("\n}").next().unwrap();
            let call = call.split(".merge(").next().unwrap();
            for (needle, method) in [("get(", "GET"), ("post(", "POST")] {
                if call.contains(needle) {
                    found.push((method.to_owned(), path.clone()));
                }
            }
        }
    }
    found.sort();
    found
}

#[test]
fn the_route_list_names_every_route_of_the_router() {
    let mut listed: Vec<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    listed.sort();
    assert_eq!(routes_in_source(), listed);
}
