//! The SQLite and PostgreSQL migrations build one schema. Both are applied to fresh
//! databases and the live catalogues read back (not the migration files): the same
//! tables; per table the same columns in the same order, with types that match through
//! the one mapping below, the same nullability, defaults and generated keys; the same
//! primary key, foreign keys (with their actions), unique constraints and indexes (name,
//! columns in order, unique, partial predicate). Every difference is listed on failure.
//!
//! The comparison needs both databases, so it runs in the postgres:: trial (ignored, not
//! passed, without TEST_POSTGRES_URL). The sqlite:: trial checks what only SQLite gets
//! wrong silently: types outside the mapping, foreign keys whose parent is not a key,
//! rows that break a foreign key, new primary keys that may hold NULL. The unit test
//! `store::tests::both_backends_have_the_same_migrations` still checks the file names.

mod read;

use read::{list, Schema};
use sqlx::Connection;

use crate::helpers::{Backend, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(schema: migrations_build_the_same_schema_on_both_backends)
}

/// The one type mapping: a PostgreSQL column type, the SQLite declared type whose column
/// holds the same Rust value, and why. sqlx 0.8 encodes each Rust type once per backend,
/// so the pair is fixed by the value, not chosen per column. (The other way round is not
/// a function: SQLite's three types stand for eight here.)
const TYPES: &[(&str, &str, &str)] = &[
    ("text", "TEXT", "the same"),
    (
        "timestamp with time zone",
        "TEXT",
        "time::OffsetDateTime, which sqlx writes to SQLite as RFC 3339 text (UTC here)",
    ),
    (
        "date",
        "TEXT",
        "time::Date, which sqlx writes to SQLite as 'YYYY-MM-DD' text",
    ),
    (
        "uuid",
        "BLOB",
        "uuid::Uuid, which sqlx writes to SQLite as its 16 bytes, not as hyphenated text",
    ),
    ("bytea", "BLOB", "the same"),
    (
        "integer",
        "INTEGER",
        "i32; SQLite's INTEGER holds 64 bits, so it stores i32 and i64 alike",
    ),
    ("bigint", "INTEGER", "i64"),
    (
        "boolean",
        "INTEGER",
        "bool, which sqlx writes to SQLite as 0 or 1 (SQLite has no boolean type)",
    ),
];

/// The one known difference, kept on purpose: these primary keys may hold NULL on SQLite
/// and not on PostgreSQL. SQLite lets a PRIMARY KEY column other than a lone INTEGER one
/// hold NULL unless it is declared NOT NULL (a documented legacy quirk), and migrations
/// 0001-0013 did not declare it. Nothing can write that NULL: every one of these ids is
/// made in Rust (a Uuid, a hash, a slug or a key id, never an Option) and bound. Making
/// them NOT NULL on SQLite means rebuilding these fifteen tables, users and checkins
/// among them, with foreign keys switched off (outside a transaction, or dropping a
/// parent cascades into its children) and every row copied: more risk to people's data
/// than the NULL it would forbid. The SQLite trial keeps this list exact, so a new table
/// must write NOT NULL on its key.
const SQLITE_NULLABLE_KEYS: &[&str] = &[
    "assignments.assignment_id",
    "checkins.checkin_id",
    "couples.couple_id",
    "data_keys.key_id",
    "invites.invite_id",
    "password_resets.token_hash",
    "prompt_sets.prompt_set_id",
    "prompts.prompt_id",
    "sessions.session_hash",
    "signup_codes.code_hash",
    "summary_agreement.couple_id",
    "summary_counts.couple_id",
    "therapist_links.link_id",
    "totp_secrets.user_id",
    "users.user_id",
];

/// A default both backends can spell alike: `Ok` a literal, `Err` an expression; `None`
/// for no default (or DEFAULT NULL). PostgreSQL adds a cast (`'UTC'::text`) and
/// parentheses (`(-1)`); booleans become 0 and 1, as the type mapping stores them.
///
/// Expressions are not comparable: the dialects spell them differently and they yield
/// different types (SQLite's CURRENT_TIMESTAMP is text in its own format, PostgreSQL's
/// now() a timestamptz), so either side having one is reported. Ids and times are made in
/// Rust and bound (STYLE.md, section 4); PostgreSQL identity and serial columns and
/// SQLite's rowid are compared as `generated` instead.
fn default(raw: Option<&str>) -> Option<Result<String, String>> {
    let mut s = raw?.trim();
    while let Some((value, cast)) = s.rsplit_once("::") {
        if !cast
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " _[]".contains(c))
        {
            break;
        }
        s = value.trim();
    }
    while let Some(inner) = s.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        s = inner.trim();
    }
    let quoted = s.len() >= 2 && s.starts_with('\'') && s.ends_with('\'');
    Some(match s.to_ascii_lowercase().as_str() {
        "null" => return None,
        "true" => Ok("1".to_owned()),
        "false" => Ok("0".to_owned()),
        n if n.parse::<f64>().is_ok() => Ok(n.parse::<f64>().unwrap().to_string()),
        _ if quoted => Ok(s.to_owned()),
        _ => Err(s.to_owned()),
    })
}

fn shown(d: &Option<Result<String, String>>) -> String {
    match d {
        None => "none".to_owned(),
        Some(Ok(v)) => v.clone(),
        Some(Err(e)) => format!("the expression {e}"),
    }
}

/// Every difference between the two schemas, one line each.
fn differences(sqlite: &Schema, pg: &Schema) -> Vec<String> {
    let mut out = Vec::new();
    for name in sqlite.tables.keys().filter(|t| !pg.tables.contains_key(*t)) {
        out.push(format!("table {name}: only on sqlite"));
    }
    for name in pg.tables.keys().filter(|t| !sqlite.tables.contains_key(*t)) {
        out.push(format!("table {name}: only on postgres"));
    }
    for (name, s) in &sqlite.tables {
        let Some(p) = pg.tables.get(name) else {
            continue;
        };
        let mut diff = |what: String| out.push(format!("{name}{what}"));
        for c in &s.columns {
            let Some(q) = p.columns.iter().find(|q| q.name == c.name) else {
                diff(format!(".{}: column only on sqlite ({})", c.name, c.ty));
                continue;
            };
            let at = format!(".{}", c.name);
            match TYPES.iter().find(|t| t.0 == q.ty) {
                Some((_, ty, _)) if *ty == c.ty => {}
                Some((_, ty, why)) => diff(format!(
                    "{at}: type: sqlite {}, postgres {} (which SQLite stores as {ty}: {why})",
                    c.ty, q.ty
                )),
                None => diff(format!(
                    "{at}: type: postgres {} has no SQLite type in the mapping (sqlite {})",
                    q.ty, c.ty
                )),
            }
            let known = SQLITE_NULLABLE_KEYS.contains(&format!("{name}{at}").as_str());
            if c.nullable != q.nullable && !(known && c.nullable) {
                let n = |null: bool| if null { "NULL allowed" } else { "NOT NULL" };
                diff(format!(
                    "{at}: sqlite {}, postgres {}",
                    n(c.nullable),
                    n(q.nullable)
                ));
            }
            let (ds, dp) = (default(c.default.as_deref()), default(q.default.as_deref()));
            let expression = matches!((&ds, &dp), (Some(Err(_)), _) | (_, Some(Err(_))));
            if ds != dp || expression {
                let why = " (an expression cannot be compared: make the value in Rust)";
                diff(format!(
                    "{at}: default: sqlite {}, postgres {}{}",
                    shown(&ds),
                    shown(&dp),
                    if expression { why } else { "" }
                ));
            }
            if c.generated != q.generated {
                diff(format!(
                    "{at}: made by the database: sqlite {}, postgres {}",
                    c.generated, q.generated
                ));
            }
        }
        for q in &p.columns {
            if !s.columns.iter().any(|c| c.name == q.name) {
                diff(format!(".{}: column only on postgres ({})", q.name, q.ty));
            }
        }
        let order = |cols: &[read::Column], other: &[read::Column]| -> Vec<String> {
            cols.iter()
                .filter(|c| other.iter().any(|o| o.name == c.name))
                .map(|c| c.name.clone())
                .collect()
        };
        let (os, op) = (order(&s.columns, &p.columns), order(&p.columns, &s.columns));
        if os != op {
            diff(format!(
                ": column order: sqlite {}, postgres {}",
                list(&os),
                list(&op)
            ));
        }
        if s.primary_key != p.primary_key {
            diff(format!(
                ": primary key: sqlite {}, postgres {}",
                list(&s.primary_key),
                list(&p.primary_key)
            ));
        }
        for fk in s.foreign_keys.difference(&p.foreign_keys) {
            diff(format!(": foreign key only on sqlite: {fk}"));
        }
        for fk in p.foreign_keys.difference(&s.foreign_keys) {
            diff(format!(": foreign key only on postgres: {fk}"));
        }
        for u in s.uniques.difference(&p.uniques) {
            diff(format!(": UNIQUE {} only on sqlite", list(u)));
        }
        for u in p.uniques.difference(&s.uniques) {
            diff(format!(": UNIQUE {} only on postgres", list(u)));
        }
        for (index, i) in &s.indexes {
            match p.indexes.get(index) {
                None => diff(format!(": index {index} only on sqlite: {i}")),
                Some(j) if i != j => diff(format!(": index {index}: sqlite {i}, postgres {j}")),
                Some(_) => {}
            }
        }
        for (index, j) in &p.indexes {
            if !s.indexes.contains_key(index) {
                diff(format!(": index {index} only on postgres: {j}"));
            }
        }
    }
    out
}

/// What SQLite accepts without a word and PostgreSQL would not.
fn sqlite_faults(s: &Schema) -> Vec<String> {
    let mut out = Vec::new();
    let mut nullable_keys = Vec::new();
    for (name, t) in &s.tables {
        for c in &t.columns {
            // Any other spelling (BOOLEAN, UUID, TIMESTAMP) gets NUMERIC affinity.
            if !TYPES.iter().any(|m| m.1 == c.ty) {
                out.push(format!(
                    "{name}.{}: declared {:?}, not a type of the mapping",
                    c.name, c.ty
                ));
            }
        }
        for k in &t.primary_key {
            if t.columns.iter().any(|c| &c.name == k && c.nullable) {
                nullable_keys.push(format!("{name}.{k}"));
            }
        }
        // SQLite takes a foreign key to a column that is not a key, and fails only
        // when a row is written ("foreign key mismatch"); PostgreSQL refuses the DDL.
        for fk in &t.foreign_keys {
            let keyed = s.tables.get(&fk.parent).is_some_and(|parent| {
                parent.primary_key == fk.parent_columns
                    || parent.uniques.contains(&fk.parent_columns)
                    || parent.indexes.values().any(|i| {
                        i.unique && i.predicate.is_none() && i.columns == fk.parent_columns
                    })
            });
            if !keyed {
                out.push(format!("{name}: {fk}: the parent columns are not a key"));
            }
        }
    }
    for k in nullable_keys
        .iter()
        .filter(|k| !SQLITE_NULLABLE_KEYS.contains(&k.as_str()))
    {
        out.push(format!(
            "{k}: a primary key column that may hold NULL: declare it NOT NULL"
        ));
    }
    for k in SQLITE_NULLABLE_KEYS
        .iter()
        .filter(|k| !nullable_keys.contains(&k.to_string()))
    {
        out.push(format!(
            "{k}: no longer a primary key that may hold NULL: take it off SQLITE_NULLABLE_KEYS"
        ));
    }
    out
}

async fn migrated(url: &str) {
    let db = mutual::store::Db::connect(url).await.unwrap();
    db.migrate().await.unwrap();
    db.close().await;
}

fn readable(what: &str, lines: &[String]) -> String {
    format!(
        "{what} ({} found):\n  - {}",
        lines.len(),
        lines.join("\n  - ")
    )
}

async fn migrations_build_the_same_schema_on_both_backends(ctx: TestContext) {
    match ctx.backend {
        Backend::Sqlite => {
            migrated(&ctx.database_url).await;
            let schema = read::sqlite(&ctx.database_url).await;
            assert!(schema.tables.len() > 20, "the SQLite schema was read");
            let faults = sqlite_faults(&schema);
            assert!(
                faults.is_empty(),
                "{}",
                readable("the SQLite schema has faults", &faults)
            );
            let mut c = sqlx::SqliteConnection::connect(&ctx.database_url)
                .await
                .unwrap();
            let broken: Vec<(String, Option<i64>, String)> =
                sqlx::query_as("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")
                    .fetch_all(&mut c)
                    .await
                    .unwrap();
            assert!(
                broken.is_empty(),
                "rows the migrations left that break a foreign key: {broken:?}"
            );
        }
        Backend::Postgres => {
            let other = TestContext::new(Backend::Sqlite).await;
            migrated(&other.database_url).await;
            migrated(&ctx.database_url).await;
            let sqlite = read::sqlite(&other.database_url).await;
            let pg = read::postgres(&ctx.database_url).await;
            assert!(
                sqlite.tables.len() > 20 && pg.tables.len() > 20,
                "both schemas were read ({} and {} tables)",
                sqlite.tables.len(),
                pg.tables.len()
            );
            let diffs = differences(&sqlite, &pg);
            assert!(
                diffs.is_empty(),
                "{}",
                readable(
                    "the SQLite and PostgreSQL migrations build different schemas",
                    &diffs
                )
            );
        }
    }
}
