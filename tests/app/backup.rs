//! `mutual backup FILE`: a consistent copy of a live SQLite database, taken while the
//! server keeps serving; a clear refusal for PostgreSQL and for a file that exists.

use std::sync::{Arc, Mutex};

use mutual::domain::backup::{self, BackupError};
use mutual::store::Db;
use sqlx::Connection;

use crate::helpers::{Backend, TestContext};

pub fn tests() -> Vec<(&'static str, crate::TestFn)> {
    tests!(backup:
        a_backup_taken_during_writes_holds_every_checkin_acknowledged_before_it,
        a_backup_never_overwrites_a_file,
        the_backup_command_copies_the_running_database,
    )
}

/// Runs the real binary with this test's database and returns (success, stdout, stderr).
pub async fn run_binary(database_url: &str, args: &[&str], stdin: &str) -> (bool, String, String) {
    let url = database_url.to_owned();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let stdin = stdin.to_owned();
    tokio::task::spawn_blocking(move || {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = crate::helpers::mutual_binary()
            .args(&args)
            .env("DATABASE_URL", url)
            .env("MUTUAL_ARGON2_MEMORY_KIB", "64")
            .env("MUTUAL_ARGON2_ITERATIONS", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run the mutual binary");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    })
    .await
    .unwrap()
}

async fn a_backup_taken_during_writes_holds_every_checkin_acknowledged_before_it(ctx: TestContext) {
    let app = ctx.spawn().await;
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("copy.db");
    if app.backend == Backend::Postgres {
        let refused = backup::to_file(&app.db, &dest).await.unwrap_err();
        assert!(matches!(refused, BackupError::Postgres));
        assert!(refused.to_string().contains("pg_dump"), "{refused}");
        assert!(!dest.exists(), "nothing written");
        return;
    }
    let (a, _b) = app.couple("Ada", "Ben").await;
    // A writer that keeps starting check-ins, noting each one the server acknowledged.
    let acknowledged: Arc<Mutex<Vec<String>>> = Arc::default();
    let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);
    let writer = {
        let acknowledged = acknowledged.clone();
        let a = a.clone();
        tokio::spawn(async move {
            while !*stop_rx.borrow_and_update() {
                let id = a.start_checkin("after-intimacy").await;
                acknowledged.lock().unwrap().push(id);
            }
        })
    };
    // Let some writes land, then back up while the writer keeps going.
    while acknowledged.lock().unwrap().len() < 5 {
        tokio::task::yield_now().await;
    }
    let before: Vec<String> = acknowledged.lock().unwrap().clone();
    let report = backup::to_file(&app.db, &dest).await.expect("backup");
    let at_backup_end = acknowledged.lock().unwrap().len();
    // The server kept serving: more check-ins are acknowledged after the copy.
    while acknowledged.lock().unwrap().len() < at_backup_end + 3 {
        tokio::task::yield_now().await;
    }
    stop_tx.send(true).unwrap();
    writer.await.unwrap();
    let total = acknowledged.lock().unwrap().len() as i64;

    assert!(report.checkins >= before.len() as i64, "{report:?}");
    assert!(
        report.checkins < total,
        "later check-ins are not in the copy"
    );
    assert_eq!(report.people, 2);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&dest).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "only the owner may read a backup");
    }
    // The copy opens as a Mutual database: migrations find nothing to do, and every
    // check-in acknowledged before the backup is there.
    let copy = Db::connect(&format!("sqlite:{}", dest.display()))
        .await
        .unwrap();
    copy.migrate()
        .await
        .expect("the copy is a current database");
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite:{}", dest.display()))
        .await
        .unwrap();
    let copied: Vec<uuid::Uuid> = sqlx::query_scalar("SELECT checkin_id FROM checkins")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    for id in &before {
        let id = uuid::Uuid::parse_str(id).unwrap();
        assert!(
            copied.contains(&id),
            "check-in {id} acknowledged before the backup is missing"
        );
    }
    copy.close().await;
    assert_eq!(app.count("SELECT COUNT(*) FROM checkins").await, total);
}

async fn a_backup_never_overwrites_a_file(ctx: TestContext) {
    let app = ctx.spawn().await;
    if app.backend == Backend::Postgres {
        return; // refused before any file is touched: see the test above
    }
    app.person("Ada").await;
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("kept.db");
    std::fs::write(&dest, b"something precious").unwrap();
    let refused = backup::to_file(&app.db, &dest).await.unwrap_err();
    assert!(matches!(refused, BackupError::Exists(_)), "{refused}");
    assert!(refused.to_string().contains("already exists"), "{refused}");
    assert_eq!(std::fs::read(&dest).unwrap(), b"something precious");
}

async fn the_backup_command_copies_the_running_database(ctx: TestContext) {
    let app = ctx.spawn().await;
    app.couple("Ada", "Ben").await;
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("nightly.db");
    let dest_arg = dest.to_str().unwrap();
    let (ok, out, err) = run_binary(&app.database_url, &["backup", dest_arg], "").await;
    if app.backend == Backend::Postgres {
        assert!(!ok, "refused for PostgreSQL");
        assert!(err.contains("pg_dump"), "{err}");
        assert!(!dest.exists());
        return;
    }
    assert!(ok, "{out}\n{err}");
    assert!(out.contains("2 people"), "{out}");
    assert!(dest.exists());
    // Again to the same file: refused, and the copy is untouched.
    let before = std::fs::read(&dest).unwrap();
    let (ok, _, err) = run_binary(&app.database_url, &["backup", dest_arg], "").await;
    assert!(!ok);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&dest).unwrap(), before);
    // The app is still serving.
    app.browser().get("/login").await.assert_ok();
}
