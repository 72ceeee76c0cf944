//! The data layer: SQL only, no decisions about people.
//!
//! Every query is written once and runs on either backend through [`on_db!`] and
//! [`in_tx!`]: the macro body is compiled twice, once per pool type, so the same SQL text
//! (with `$1` placeholders, which both backends accept) serves SQLite and PostgreSQL.
//! Where the dialects really differ, the two spellings sit side by side in [`dialect`].
//!
//! Names say what a function does to the rows, so a caller knows without opening it:
//! - `find_…` reads one row or none (`Option`), or the one row that must be there;
//! - `list_…` reads many (`Vec`), in the order pages show them;
//! - `count_…` reads numbers (one count, or a row of counts and sums);
//! - `has_…` reads a yes or no;
//! - `insert_…`, `update_…`, `delete_…` write, named by the main change even when one
//!   transaction does more (`insert_couple_from_invite` also marks the invite used);
//! - `…_sql` returns a query's text, for the query-plan tests (`plans`).
//!
//! Operator procedures that are not one query (`backup`, `data_keys`, `retention`,
//! `bench_seed`) are named by what they do: `vacuum_into`, `rotate`, `purge`.

pub mod access_log;
pub mod accounts;
pub mod answers;
pub mod assignments;
pub mod backup;
#[cfg(feature = "bench")]
pub mod bench_seed;
pub mod checkins;
pub mod couples;
pub mod data_keys;
pub mod deletion;
pub mod export;
pub mod history;
pub mod notices;
pub mod operator;
pub mod own_sets;
pub mod plans;
pub mod prompts;
pub mod retention;
mod sealing;
pub mod sessions;
pub mod signup;
pub mod summaries;
pub mod therapists;
pub mod throttle;
pub mod two_factor;

use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context};

use crate::crypto::DataKey;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

/// The database, either backend. Cloning is cheap (pools are reference-counted).
#[derive(Clone, Debug)]
pub struct Db {
    pub(crate) pools: Pools,
    /// Statements run through this handle, for tests that bound queries per page.
    queries: Arc<AtomicU64>,
    /// Seals free text on the way in and opens it on the way out, when the operator set a
    /// data key. Sealing lives here so no query forgets it and no page sees ciphertext.
    key: Option<Arc<DataKey>>,
}

#[derive(Clone, Debug)]
pub(crate) enum Pools {
    /// SQLite keeps one writer connection in its own pool: several writers only add
    /// "database is locked" and tail latency. Reads go through a small pool of their own.
    Sqlite {
        read: SqlitePool,
        write: SqlitePool,
    },
    Postgres(PgPool),
}

/// Which backend a [`Db`] runs on, for the few places that must know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs the same expression against whichever read pool `$db` holds.
macro_rules! on_db {
    ($db:expr, |$pool:ident| $body:expr) => {{
        let db: &$crate::store::Db = $db;
        db.count_query();
        match &db.pools {
            $crate::store::Pools::Sqlite { read: $pool, .. } => $body,
            $crate::store::Pools::Postgres($pool) => $body,
        }
    }};
}

/// Runs the same expression against whichever writer pool `$db` holds.
macro_rules! on_writer {
    ($db:expr, |$pool:ident| $body:expr) => {{
        let db: &$crate::store::Db = $db;
        db.count_query();
        match &db.pools {
            $crate::store::Pools::Sqlite { write: $pool, .. } => $body,
            $crate::store::Pools::Postgres($pool) => $body,
        }
    }};
}

/// Runs a block inside one write transaction on either backend. The block is the body of
/// an async block, so `?` and `return` leave the block, never the calling function; its
/// `Result` decides: `Ok` commits, `Err` rolls back, and the macro's value is that result.
/// Inside the block `$tx` is `&mut Transaction<'_, DB>`; write `&mut **$tx` as the
/// executor. The block is compiled once per backend. A transaction counts as one round of
/// queries in [`Db::query_count`].
macro_rules! in_tx {
    ($db:expr, |$tx:ident| $body:block) => {{
        let db: &$crate::store::Db = $db;
        db.count_query();
        match &db.pools {
            $crate::store::Pools::Sqlite { write, .. } => {
                // IMMEDIATE takes the write lock up front, so a transaction that reads
                // before it writes never meets SQLITE_BUSY half-way through.
                let mut tx = write
                    .begin_with("BEGIN IMMEDIATE")
                    .await
                    .context("begin sqlite transaction")?;
                let out = {
                    let $tx = &mut tx;
                    async { $body }.await
                };
                $crate::store::finish_tx!(tx, out)
            }
            $crate::store::Pools::Postgres(pool) => {
                let mut tx = pool.begin().await.context("begin postgres transaction")?;
                let out = {
                    let $tx = &mut tx;
                    async { $body }.await
                };
                $crate::store::finish_tx!(tx, out)
            }
        }
    }};
}

/// Commits `$tx` when `$out` is `Ok`, rolls it back when it is `Err`; the value is `$out`
/// (or the commit's error).
macro_rules! finish_tx {
    ($tx:ident, $out:ident) => {
        match $out {
            Ok(value) => $tx.commit().await.context("commit").map(|()| value),
            Err(e) => match $tx.rollback().await {
                Ok(()) => Err(e),
                Err(r) => Err(e.context(format!("and the rollback failed: {r}"))),
            },
        }
    };
}

pub(crate) use sealing::unreadable;
pub use sealing::{unreadable_text, UNREADABLE_ANSWER};
pub(crate) use {finish_tx, in_tx, on_db, on_writer};

/// Writes one throttle row for `subject` in a transaction whose body then ends in `Err`
/// when `fail`: the suite proves that such a body leaves nothing behind, on both backends.
#[cfg(feature = "test-routes")]
pub async fn write_then_maybe_fail(db: &Db, subject: &[u8], fail: bool) -> anyhow::Result<()> {
    in_tx!(db, |tx| {
        sqlx::query(
            "INSERT INTO throttle_events (bucket, subject, occurred_at) VALUES ('login', $1, $2)",
        )
        .bind(subject)
        .bind(time::OffsetDateTime::now_utc())
        .execute(&mut **tx)
        .await?;
        // The body's value decides, not only an early `?` or `return`.
        if fail {
            Err(anyhow::anyhow!("the body failed after its write"))
        } else {
            Ok(())
        }
    })
}

/// The few spots where SQLite and PostgreSQL need different SQL.
pub mod dialect {
    use super::Backend;

    /// Row lock for "read, decide, write" transactions. PostgreSQL needs it so two
    /// partners submitting at once are serialised on the check-in row; SQLite has a
    /// single writer and `BEGIN IMMEDIATE` already, and has no `FOR UPDATE`.
    pub fn for_update(backend: Backend) -> &'static str {
        match backend {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE",
        }
    }

    /// A statement taking a lock on one 64-bit key (bound as `$1`) until the transaction
    /// ends, for "count, then record" steps that no row lock can cover. SQLite needs none:
    /// `BEGIN IMMEDIATE` already lets one writer in at a time.
    pub fn lock_for_transaction(backend: Backend) -> Option<&'static str> {
        match backend {
            Backend::Sqlite => None,
            Backend::Postgres => Some("SELECT pg_advisory_xact_lock($1)"),
        }
    }
}

/// True when `e` is a unique-constraint violation from either backend.
pub fn is_unique_violation(e: &anyhow::Error) -> bool {
    e.downcast_ref::<sqlx::Error>()
        .and_then(|e| e.as_database_error())
        .is_some_and(|d| d.is_unique_violation())
}

impl Db {
    /// Opens the database named by `url` (`sqlite:` or `postgres://`).
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url)
                .with_context(|| format!("DATABASE_URL is not a valid SQLite URL: {url}"))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                // Deleted rows are overwritten with zeros, not left in free pages: a
                // deleted account's words must not be recoverable from the file.
                .pragma("secure_delete", "ON")
                .busy_timeout(Duration::from_secs(5));
            // No ping before each use (sqlx's default): an SQLite connection is a file
            // handle that cannot go stale, and the ping is a hop to its worker thread.
            let write = SqlitePoolOptions::new()
                .test_before_acquire(false)
                .max_connections(1)
                .connect_with(opts.clone())
                .await
                .context("open SQLite database for writing")?;
            if url.contains(":memory:") || url.contains("mode=memory") {
                // Each connection to an in-memory database is a database of its own, so
                // reads must share the one writer connection.
                return Ok(Db::new(Pools::Sqlite {
                    read: write.clone(),
                    write,
                }));
            }
            // Opened after the writer so the file and WAL mode exist. An in-memory
            // database would give each pool its own copy: use a file.
            let read = SqlitePoolOptions::new()
                .test_before_acquire(false)
                .max_connections(6)
                .connect_with(opts.create_if_missing(false))
                .await
                .context("open SQLite database for reading")?;
            Ok(Db::new(Pools::Sqlite { read, write }))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            // sqlx pings a connection before every use by default: a round trip per
            // query, which doubled the cost of a two-query page. Without it, a connection
            // broken by a database restart fails the one request that meets it and is
            // then dropped from the pool; connections are also renewed every 30 minutes.
            let pool = PgPoolOptions::new()
                .test_before_acquire(false)
                .max_lifetime(Duration::from_secs(30 * 60))
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(5))
                .connect(url)
                .await
                .context("connect to PostgreSQL")?;
            Ok(Db::new(Pools::Postgres(pool)))
        } else {
            // The URL may hold a password, so it is not repeated here.
            bail!("DATABASE_URL must start with sqlite: or postgres://")
        }
    }

    fn new(pools: Pools) -> Db {
        Db {
            pools,
            queries: Arc::default(),
            key: None,
        }
    }

    /// On SQLite, copies the write-ahead log into the database file and truncates it, so
    /// the old versions of pages just rewritten (deleted or re-encrypted words) are gone
    /// from the -wal file; `secure_delete` already zeroed them in the database file.
    /// PostgreSQL has no such file to clean: autovacuum reclaims dead rows.
    pub async fn forget_old_pages(&self) -> anyhow::Result<()> {
        if let Pools::Sqlite { write, .. } = &self.pools {
            self.count_query();
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(write)
                .await?;
        }
        Ok(())
    }

    pub(crate) fn count_query(&self) {
        self.queries.fetch_add(1, Ordering::Relaxed);
    }

    /// How many statements (a transaction counts once) this handle and its clones ran.
    pub fn query_count(&self) -> u64 {
        self.queries.load(Ordering::Relaxed)
    }

    pub fn backend(&self) -> Backend {
        match &self.pools {
            Pools::Sqlite { .. } => Backend::Sqlite,
            Pools::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies the migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        match &self.pools {
            Pools::Sqlite { write, .. } => sqlx::migrate!("migrations/sqlite").run(write).await,
            Pools::Postgres(pool) => sqlx::migrate!("migrations/postgres").run(pool).await,
        }
        .context("run database migrations")
    }

    /// True when the database answers a trivial query.
    pub async fn ping(&self) -> bool {
        on_db!(self, |pool| sqlx::query("SELECT 1")
            .execute(pool)
            .await
            .is_ok())
    }

    pub async fn close(&self) {
        match &self.pools {
            Pools::Sqlite { read, write } => {
                read.close().await;
                write.close().await;
            }
            Pools::Postgres(pool) => pool.close().await,
        }
    }
}

#[cfg(test)]
mod tests {
    fn versions(dir: &str) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn both_backends_have_the_same_migrations() {
        let root = env!("CARGO_MANIFEST_DIR");
        let sqlite = versions(&format!("{root}/migrations/sqlite"));
        let postgres = versions(&format!("{root}/migrations/postgres"));
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, postgres);
    }
}
