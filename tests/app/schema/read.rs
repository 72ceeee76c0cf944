//! Reads the live schema of a migrated database, SQLite or PostgreSQL, into one shape:
//! tables, their columns as each backend declares them, keys, foreign keys, unique
//! constraints and indexes. Only spelling is evened out here (referential actions in
//! words, predicates without parentheses) and what a catalogue leaves implicit made plain
//! (SQLite's rowid key is NOT NULL and made by the database); the comparison (`super`)
//! maps types and defaults and decides what counts as the same.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use sqlx::Connection;

/// One backend's schema, as read after its migrations.
#[derive(Debug, Default)]
pub struct Schema {
    pub tables: BTreeMap<String, Table>,
}

#[derive(Debug, Default)]
pub struct Table {
    /// In the order the table has them.
    pub columns: Vec<Column>,
    pub primary_key: Vec<String>,
    pub foreign_keys: BTreeSet<ForeignKey>,
    /// UNIQUE constraints (inline or table-level), by their columns in order.
    pub uniques: BTreeSet<Vec<String>>,
    /// Indexes made by CREATE INDEX, by name (not those backing a key or constraint).
    pub indexes: BTreeMap<String, Index>,
}

#[derive(Debug)]
pub struct Column {
    pub name: String,
    /// SQLite: the declared type, upper-cased. PostgreSQL: `information_schema` data_type.
    pub ty: String,
    /// Whether the column can hold NULL.
    pub nullable: bool,
    /// The default as the catalogue spells it.
    pub default: Option<String>,
    /// The database makes the value: PostgreSQL identity or serial, SQLite rowid alias.
    pub generated: bool,
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ForeignKey {
    pub columns: Vec<String>,
    pub parent: String,
    pub parent_columns: Vec<String>,
    /// CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION.
    pub on_delete: String,
    pub on_update: String,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Index {
    pub columns: Vec<String>,
    pub unique: bool,
    /// A partial index's WHERE clause, parentheses dropped and spacing and case evened.
    pub predicate: Option<String>,
}

pub fn list(columns: &[String]) -> String {
    format!("({})", columns.join(", "))
}

impl fmt::Display for ForeignKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} -> {} {} ON DELETE {} ON UPDATE {}",
            list(&self.columns),
            self.parent,
            list(&self.parent_columns),
            self.on_delete,
            self.on_update
        )
    }
}

impl fmt::Display for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.unique {
            write!(f, "UNIQUE ")?;
        }
        write!(f, "{}", list(&self.columns))?;
        match &self.predicate {
            Some(p) => write!(f, " WHERE {p}"),
            None => Ok(()),
        }
    }
}

/// `(a IS NULL) AND (b IS NULL)` and `a is null and b  is null` read alike: PostgreSQL
/// prints predicates with parentheses of its own.
fn predicate(raw: &str) -> String {
    raw.replace(['(', ')'], " ")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

const SQLITE_TABLES: &str = "SELECT name, sql FROM sqlite_master
     WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
       AND name <> '_sqlx_migrations'";

pub async fn sqlite(url: &str) -> Schema {
    let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
    let mut schema = Schema::default();
    let tables: Vec<(String, String)> = sqlx::query_as(SQLITE_TABLES)
        .fetch_all(&mut c)
        .await
        .unwrap();
    for (name, sql) in tables {
        let mut table = Table::default();
        let cols: Vec<(String, String, i64, Option<String>, i64)> = sqlx::query_as(
            "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1) ORDER BY cid",
        )
        .bind(&name)
        .fetch_all(&mut c)
        .await
        .unwrap();
        let mut key: Vec<(i64, String)> = cols
            .iter()
            .filter(|c| c.4 > 0)
            .map(|c| (c.4, c.0.clone()))
            .collect();
        key.sort();
        table.primary_key = key.into_iter().map(|(_, n)| n).collect();
        // A lone INTEGER PRIMARY KEY is the rowid: never NULL, made by SQLite when not given.
        let rowid = (table.primary_key.len() == 1
            && !sql.to_ascii_uppercase().contains("WITHOUT ROWID"))
        .then(|| table.primary_key[0].clone())
        .filter(|k| {
            cols.iter()
                .any(|c| &c.0 == k && c.1.eq_ignore_ascii_case("INTEGER"))
        });
        for (col, ty, not_null, default, _) in cols {
            let generated = rowid.as_deref() == Some(col.as_str());
            table.columns.push(Column {
                nullable: not_null == 0 && !generated,
                ty: ty.to_uppercase(),
                name: col,
                default,
                generated,
            });
        }

        let fks: Vec<(i64, String, String, Option<String>, String, String)> = sqlx::query_as(
            "SELECT id, \"table\", \"from\", \"to\", on_delete, on_update
             FROM pragma_foreign_key_list(?1) ORDER BY id, seq",
        )
        .bind(&name)
        .fetch_all(&mut c)
        .await
        .unwrap();
        let mut by_id: BTreeMap<i64, ForeignKey> = BTreeMap::new();
        for (id, parent, from, to, on_delete, on_update) in fks {
            let fk = by_id.entry(id).or_insert_with(|| ForeignKey {
                columns: vec![],
                parent: parent.clone(),
                parent_columns: vec![],
                on_delete,
                on_update,
            });
            fk.columns.push(from);
            // `REFERENCES parent` without columns names the parent's primary key.
            fk.parent_columns.push(to.unwrap_or_default());
        }
        for mut fk in by_id.into_values() {
            if fk.parent_columns.iter().any(String::is_empty) {
                fk.parent_columns = sqlx::query_scalar(
                    "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk",
                )
                .bind(&fk.parent)
                .fetch_all(&mut c)
                .await
                .unwrap();
            }
            table.foreign_keys.insert(fk);
        }

        let indexes: Vec<(String, i64, String, i64)> =
            sqlx::query_as("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1)")
                .bind(&name)
                .fetch_all(&mut c)
                .await
                .unwrap();
        for (index, unique, origin, partial) in indexes {
            let columns: Vec<Option<String>> =
                sqlx::query_scalar("SELECT name FROM pragma_index_info(?1) ORDER BY seqno")
                    .bind(&index)
                    .fetch_all(&mut c)
                    .await
                    .unwrap();
            let columns: Vec<String> = columns
                .into_iter()
                .map(|c| c.unwrap_or_else(|| "(expression)".to_owned()))
                .collect();
            match origin.as_str() {
                "pk" => {}
                "u" => {
                    table.uniques.insert(columns);
                }
                _ => {
                    let predicate = if partial == 1 {
                        let sql: String = sqlx::query_scalar(
                            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1",
                        )
                        .bind(&index)
                        .fetch_one(&mut c)
                        .await
                        .unwrap();
                        let at = sql
                            .to_ascii_uppercase()
                            .rfind("WHERE")
                            .expect("a WHERE clause");
                        Some(self::predicate(&sql[at + "WHERE".len()..]))
                    } else {
                        None
                    };
                    let index_def = Index {
                        columns,
                        unique: unique == 1,
                        predicate,
                    };
                    table.indexes.insert(index, index_def);
                }
            }
        }
        schema.tables.insert(name, table);
    }
    c.close().await.ok();
    schema
}

/// The columns of a constraint or index, in key order, from an array of attribute numbers
/// (`$1`); expressions show as `(expression)`.
macro_rules! pg_columns {
    ($numbers:literal, $relation:literal) => {
        concat!(
            "ARRAY(SELECT COALESCE(a.attname::text, '(expression)') FROM unnest(",
            $numbers,
            ") WITH ORDINALITY k(n, o) LEFT JOIN pg_attribute a ON a.attrelid = ",
            $relation,
            " AND a.attnum = k.n ORDER BY k.o)"
        )
    };
}

const PG_COLUMNS: &str = "SELECT table_name::text, column_name::text, data_type::text,
        is_nullable::text = 'YES', column_default::text, is_identity::text = 'YES'
     FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'
       AND table_name IN (SELECT table_name FROM information_schema.tables
                          WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
     ORDER BY table_name, ordinal_position";

const PG_CONSTRAINTS: &str = concat!(
    "SELECT t.relname::text, c.contype::text, ",
    pg_columns!("c.conkey", "c.conrelid"),
    ", p.relname::text, ",
    pg_columns!("c.confkey", "c.confrelid"),
    ", c.confdeltype::text, c.confupdtype::text
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     LEFT JOIN pg_class p ON p.oid = c.confrelid
     WHERE n.nspname = 'public' AND t.relname <> '_sqlx_migrations'
       AND c.contype IN ('p', 'u', 'f')"
);

const PG_INDEXES: &str = concat!(
    "SELECT t.relname::text, i.relname::text, x.indisunique, ",
    pg_columns!("x.indkey::int2[]", "x.indrelid"),
    ", pg_get_expr(x.indpred, x.indrelid)
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname <> '_sqlx_migrations'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                       WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid
                         AND c.contype IN ('p', 'u', 'x'))"
);

/// `pg_constraint`'s one-letter referential actions, in the words SQLite uses.
fn action(code: &str) -> String {
    match code {
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        other => other,
    }
    .to_owned()
}

/// Table, kind, columns, parent, parent columns, on delete, on update.
type PgConstraint = (
    String,
    String,
    Vec<String>,
    Option<String>,
    Vec<String>,
    String,
    String,
);

/// Table, index, unique, columns, predicate.
type PgIndex = (String, String, bool, Vec<String>, Option<String>);

pub async fn postgres(url: &str) -> Schema {
    let mut c = sqlx::PgConnection::connect(url).await.unwrap();
    let mut schema = Schema::default();
    let columns: Vec<(String, String, String, bool, Option<String>, bool)> =
        sqlx::query_as(PG_COLUMNS).fetch_all(&mut c).await.unwrap();
    for (table, name, ty, nullable, default, identity) in columns {
        // serial columns are a sequence's nextval(): made by the database, like identity.
        let serial = default
            .as_deref()
            .is_some_and(|d| d.starts_with("nextval("));
        schema
            .tables
            .entry(table)
            .or_default()
            .columns
            .push(Column {
                name,
                ty,
                nullable,
                default: default.filter(|_| !serial),
                generated: identity || serial,
            });
    }
    let constraints: Vec<PgConstraint> = sqlx::query_as(PG_CONSTRAINTS)
        .fetch_all(&mut c)
        .await
        .unwrap();
    for (table, kind, columns, parent, parent_columns, on_delete, on_update) in constraints {
        let t = schema.tables.entry(table).or_default();
        match kind.as_str() {
            "p" => t.primary_key = columns,
            "u" => {
                t.uniques.insert(columns);
            }
            _ => {
                t.foreign_keys.insert(ForeignKey {
                    columns,
                    parent: parent.unwrap_or_default(),
                    parent_columns,
                    on_delete: action(&on_delete),
                    on_update: action(&on_update),
                });
            }
        }
    }
    let indexes: Vec<PgIndex> = sqlx::query_as(PG_INDEXES).fetch_all(&mut c).await.unwrap();
    for (table, name, unique, columns, pred) in indexes {
        schema.tables.entry(table).or_default().indexes.insert(
            name,
            Index {
                columns,
                unique,
                predicate: pred.as_deref().map(predicate),
            },
        );
    }
    c.close().await.ok();
    schema
}
