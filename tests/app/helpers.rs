//! Starting the real app on a real database, and a browser-like client to drive it.

mod browser;
pub mod data_key;
mod db;
mod logs;
pub mod therapist;
pub mod two_step;

use std::sync::Arc;

use mutual::clock::Clock;
use mutual::config::Config;
use sqlx::Connection;

pub use browser::{link, Browser, Page, SignUp};
pub use logs::{capture_logs, logs};

pub const PASSWORD: &str = "correct horse battery";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The real binary, with none of the developer's `MUTUAL_*` settings: the test gives it
/// what it needs (`DATABASE_URL` at least).
pub fn mutual_binary() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_mutual"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("MUTUAL_") {
            command.env_remove(name);
        }
    }
    command
}

/// One test's database, shared by every app instance the test starts.
pub struct TestContext {
    pub backend: Backend,
    pub database_url: String,
    /// The PostgreSQL database to drop afterwards, and the server URL to drop it from.
    pg: Option<(String, String)>,
    _dir: Option<tempfile::TempDir>,
    pub clock: Clock,
}

impl TestContext {
    pub async fn new(backend: Backend) -> TestContext {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite:{}", dir.path().join("mutual.db").display());
                TestContext {
                    backend,
                    database_url: url,
                    pg: None,
                    _dir: Some(dir),
                    clock: Clock::default(),
                }
            }
            Backend::Postgres => {
                let server = std::env::var("TEST_POSTGRES_URL").expect("TEST_POSTGRES_URL");
                let name = format!("mutual_test_{}", uuid::Uuid::now_v7().simple());
                let mut conn = sqlx::PgConnection::connect(&server)
                    .await
                    .expect("connect to TEST_POSTGRES_URL");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .expect("create test database");
                conn.close().await.ok();
                TestContext {
                    backend,
                    database_url: with_database(&server, &name),
                    pg: Some((server, name)),
                    _dir: None,
                    clock: Clock::default(),
                }
            }
        }
    }

    pub fn config(&self) -> Config {
        // The defaults, whatever the developer has exported.
        let mut c = Config::with_database(self.database_url.clone());
        c.port = 0;
        // Real argon2id, with light parameters so the suite stays quick.
        c.argon2_memory_kib = 64;
        c.argon2_iterations = 1;
        // Tests sign many people up from one address; the limit has its own test.
        c.auth_posts_per_10_min = 10_000;
        c
    }

    /// Starts an app instance on this test's database; several may run at once.
    pub async fn spawn(&self) -> TestApp {
        self.spawn_with(self.config()).await
    }

    pub async fn spawn_with(&self, config: Config) -> TestApp {
        let app = mutual::app::build_with_clock(config, self.clock.clone())
            .await
            .expect("app builds");
        let url = app.url();
        let db = app.state.db.clone();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let handle = tokio::spawn(app.serve(async {
            let _ = rx.await;
        }));
        TestApp {
            url,
            clock: self.clock.clone(),
            backend: self.backend,
            database_url: self.database_url.clone(),
            db,
            _stop: Arc::new(Stop(Some(tx), Some(handle))),
        }
    }

    /// What must be undone after the test, whatever became of the context.
    pub fn cleanup_handle(&self) -> Cleanup {
        Cleanup {
            pg: self.pg.clone(),
        }
    }
}

pub struct Cleanup {
    pg: Option<(String, String)>,
}

impl Cleanup {
    pub async fn cleanup(self) {
        if let Some((server, name)) = &self.pg {
            if let Ok(mut conn) = sqlx::PgConnection::connect(server).await {
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await;
                conn.close().await.ok();
            }
        }
    }
}

fn with_database(server_url: &str, name: &str) -> String {
    let (base, query) = match server_url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (server_url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

struct Stop(
    Option<tokio::sync::oneshot::Sender<()>>,
    Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
);

impl Drop for Stop {
    fn drop(&mut self) {
        if let Some(tx) = self.0.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.1.take() {
            h.abort();
        }
    }
}

/// A running app instance.
#[derive(Clone)]
pub struct TestApp {
    pub url: String,
    pub clock: Clock,
    pub backend: Backend,
    pub database_url: String,
    /// The instance's own pools, for tests that take the database away.
    pub db: mutual::store::Db,
    _stop: Arc<Stop>,
}

impl TestApp {
    /// A fresh browser with its own cookies.
    pub fn browser(&self) -> Browser {
        let jar = Arc::new(reqwest::cookie::Jar::default());
        Browser {
            base: self.url.clone(),
            client: browser::client(jar.clone()),
            jar,
        }
    }

    /// A browser signed up as a new person.
    pub async fn person(&self, name: &str) -> Browser {
        let b = self.browser();
        b.sign_up(name).await;
        b
    }

    /// Two people linked as a couple.
    pub async fn couple(&self, a: &str, b: &str) -> (Browser, Browser) {
        let a = self.person(a).await;
        let b = self.person(b).await;
        link(&a, &b).await;
        (a, b)
    }
}

/// A unique string to plant in an answer and look for (or not) elsewhere.
/// A message of the English catalogue in words, as a page shows it to someone reading
/// English (`error-login-failed` → "Email or password is wrong.").
pub fn english(id: &str) -> String {
    mutual::web::i18n::t(Default::default(), id, &[]).to_string()
}

pub fn marker(label: &str) -> String {
    format!("{label}-{}", uuid::Uuid::now_v7().simple())
}
