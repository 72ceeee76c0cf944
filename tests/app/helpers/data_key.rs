//! The data key: a config that holds one, `rotate-key` run as an operator would, and
//! every byte the database keeps, to check that no word is stored in the clear.

use mutual::config::Config;

use super::{Backend, TestApp, TestContext};

/// This test's config with `key` as the data key.
pub fn with_key(ctx: &TestContext, key: &str) -> Config {
    let mut c = ctx.config();
    c.data_key = Some(key.into());
    c
}

/// Two fixed test keys, each base64 of 32 bytes.
pub const KEY_1: &str = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";
pub const KEY_2: &str = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=";

/// Runs `rotate-key` from `config` (and its key, if any) to the key in a key file that
/// holds exactly `key_file_text`.
pub async fn rotate_key(
    config: &Config,
    key_file_text: &str,
) -> anyhow::Result<(mutual::store::data_keys::Rotated, String)> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new.key");
    std::fs::write(&file, key_file_text).unwrap();
    mutual::app::rotate_key(config, &file).await
}

/// Every byte the database keeps: the SQLite file and WAL, or a PostgreSQL dump.
pub async fn stored_bytes(app: &TestApp) -> Vec<u8> {
    match app.backend {
        Backend::Sqlite => {
            let path = app.database_url.trim_start_matches("sqlite:").to_owned();
            let mut all = std::fs::read(&path).unwrap();
            all.extend(std::fs::read(format!("{path}-wal")).unwrap_or_default());
            all
        }
        Backend::Postgres => {
            let out = std::process::Command::new("pg_dump")
                .arg(&app.database_url)
                .output()
                .expect("pg_dump runs");
            assert!(
                out.status.success(),
                "pg_dump: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            out.stdout
        }
    }
}

pub fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}
