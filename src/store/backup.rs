//! SQL for online backups of a SQLite database.

use std::path::Path;
use std::str::FromStr;

use anyhow::{bail, Context};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

use super::{Db, Pools};

/// Writes a consistent copy of the live SQLite database to `dest` with `VACUUM INTO`,
/// which reads one snapshot (WAL mode lets the writer go on meanwhile) and includes
/// whatever is still in the `-wal` file. `dest` must not exist or be empty.
pub async fn vacuum_into(db: &Db, dest: &Path) -> anyhow::Result<()> {
    let Pools::Sqlite { read, .. } = &db.pools else {
        bail!("VACUUM INTO copies SQLite databases only");
    };
    let dest = dest
        .to_str()
        .context("the backup file's path must be valid UTF-8")?;
    db.count_query();
    sqlx::query("VACUUM INTO $1")
        .bind(dest)
        .execute(read)
        .await
        .context("VACUUM INTO")?;
    Ok(())
}

/// What a backup file holds, read back from the file itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyContents {
    pub people: i64,
    pub checkins: i64,
}

/// Opens the copy at `path` read-only, checks its integrity and counts what it holds.
pub async fn check_copy(path: &Path) -> anyhow::Result<CopyContents> {
    let mut conn = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .read_only(true)
        .connect()
        .await
        .context("open the backup copy")?;
    let check: String = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_one(&mut conn)
        .await
        .context("check the backup copy")?;
    if check != "ok" {
        bail!("the backup copy failed its integrity check: {check}");
    }
    let people = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&mut conn)
        .await?;
    let checkins = sqlx::query_scalar("SELECT COUNT(*) FROM checkins")
        .fetch_one(&mut conn)
        .await?;
    conn.close().await.ok();
    Ok(CopyContents { people, checkins })
}
