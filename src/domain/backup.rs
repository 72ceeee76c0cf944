//! Backups: a consistent copy of a live SQLite database, taken while the server serves.
//!
//! Invariants: a backup never overwrites a file; the copy is readable only by its owner
//! (it holds everything people wrote); a copy that fails its check is removed rather
//! than left to be trusted later.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::store::{self, Backend, Db};

/// Why a backup was not made, in words for the operator.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "mutual backup copies SQLite databases. For PostgreSQL use pg_dump, for example: \
         pg_dump -Fc -d mutual > mutual-$(date +%F).dump (restore with pg_restore; see the README)"
    )]
    Postgres,
    #[error(
        "{} already exists. A backup never overwrites a file: choose a new name, or move the old file away first.",
        .0.display()
    )]
    Exists(PathBuf),
    #[error("could not create {path}: {err}", path = .0.display(), err = .1)]
    Create(PathBuf, std::io::Error),
    #[error(transparent)]
    Failed(#[from] anyhow::Error),
}

/// What a finished backup holds.
#[derive(Debug, Clone)]
pub struct BackupReport {
    pub path: PathBuf,
    pub bytes: u64,
    pub people: i64,
    pub checkins: i64,
    pub took: Duration,
}

/// Copies the database behind `db` to `dest`, which must not exist yet.
pub async fn to_file(db: &Db, dest: &Path) -> Result<BackupReport, BackupError> {
    if db.backend() == Backend::Postgres {
        return Err(BackupError::Postgres);
    }
    let started = Instant::now();
    create_private(dest)?;
    let copied = async {
        store::backup::vacuum_into(db, dest).await?;
        store::backup::check_copy(dest).await
    }
    .await;
    let contents = match copied {
        Ok(c) => c,
        Err(e) => {
            // Only the file this call created (empty, or a copy that failed) is removed.
            let _ = std::fs::remove_file(dest);
            return Err(e.into());
        }
    };
    let bytes = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
    tracing::info!(bytes, "backup written");
    Ok(BackupReport {
        path: dest.to_owned(),
        bytes,
        people: contents.people,
        checkins: contents.checkins,
        took: started.elapsed(),
    })
}

/// Creates `path` empty, failing if anything is there already (so two backups cannot
/// race for one name), readable by its owner only on Unix.
fn create_private(path: &Path) -> Result<(), BackupError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(BackupError::Exists(path.to_owned()))
        }
        Err(e) => Err(BackupError::Create(path.to_owned(), e)),
    }
}
