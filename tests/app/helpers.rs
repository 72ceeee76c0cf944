//! Starting the real app on a real database, and a browser-like client to drive it.

use std::sync::Arc;

use mutual::clock::Clock;
use mutual::config::Config;
use reqwest::header::{HeaderMap, CONTENT_TYPE, LOCATION};
use reqwest::StatusCode;
use scraper::{Html, Selector};
use sqlx::Connection;

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

/// Runs `$body` with `$c`, a fresh connection to the app's database, on either backend.
macro_rules! on_test_db {
    ($app:expr, |$c:ident| $body:expr) => {
        match $app.backend {
            Backend::Sqlite => {
                let mut $c = sqlx::SqliteConnection::connect(&$app.database_url)
                    .await
                    .unwrap();
                $body
            }
            Backend::Postgres => {
                let mut $c = sqlx::PgConnection::connect(&$app.database_url)
                    .await
                    .unwrap();
                $body
            }
        }
    };
}

impl TestApp {
    /// A fresh browser with its own cookies.
    pub fn browser(&self) -> Browser {
        let jar = Arc::new(reqwest::cookie::Jar::default());
        Browser {
            base: self.url.clone(),
            client: client(jar.clone()),
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

    /// A connection to this app's database, to check what is stored.
    pub async fn count(&self, sql: &str) -> i64 {
        on_test_db!(self, |c| sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(&mut c)
            .await
            .unwrap())
    }

    /// The rows of a query whose columns are all text (cast them in the SQL), each
    /// column `None` when NULL.
    pub async fn rows(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        use sqlx::Row;
        on_test_db!(self, |c| sqlx::query(sql)
            .fetch_all(&mut c)
            .await
            .unwrap()
            .iter()
            .map(|r| (0..r.len()).map(|i| r.try_get(i).unwrap()).collect())
            .collect())
    }

    /// Runs one statement on this app's database (to set up what no page can); returns
    /// the rows it changed.
    pub async fn exec(&self, sql: &str) -> u64 {
        on_test_db!(self, |c| sqlx::query(sql)
            .execute(&mut c)
            .await
            .unwrap()
            .rows_affected())
    }
}

fn client(jar: Arc<reqwest::cookie::Jar>) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_provider(jar)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A response, read in full.
#[derive(Debug)]
pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn location(&self) -> &str {
        self.headers
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    /// Texts of every element matching a CSS selector.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let sel = Selector::parse(selector).unwrap();
        self.html()
            .select(&sel)
            .map(|e| e.text().collect::<String>().trim().to_owned())
            .collect()
    }

    pub fn attr(&self, selector: &str, attr: &str) -> Option<String> {
        let sel = Selector::parse(selector).unwrap();
        self.html()
            .select(&sel)
            .next()
            .and_then(|e| e.value().attr(attr).map(str::to_owned))
    }

    #[track_caller]
    pub fn assert_redirect_to(&self, prefix: &str) {
        assert!(
            self.status.is_redirection() && self.location().starts_with(prefix),
            "expected a redirect to {prefix}, got {} to {:?}\n{}",
            self.status,
            self.location(),
            self.body
        );
    }

    #[track_caller]
    pub fn assert_ok(&self) {
        assert_eq!(self.status, StatusCode::OK, "{}", self.body);
    }
}

/// A browser: one person's cookies, and helpers to use the app as they would.
#[derive(Clone)]
pub struct Browser {
    pub base: String,
    client: reqwest::Client,
    jar: Arc<reqwest::cookie::Jar>,
}

impl Browser {
    pub async fn get(&self, path: &str) -> Page {
        let res = self
            .client
            .get(format!("{}{}", self.base, path))
            .send()
            .await
            .expect("GET");
        read(res).await
    }

    /// The CSRF token our pages put in their forms for this browser.
    pub async fn csrf(&self) -> String {
        for path in ["/checkins", "/login"] {
            let page = self.get(path).await;
            if let Some(t) = page.attr("input[name=csrf_token]", "value") {
                return t;
            }
        }
        panic!("no page offered a form token")
    }

    /// Posts a form the way our pages do, with this browser's token.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &serde_urlencoded::to_string(&all).unwrap())
            .await
    }

    /// Posts an exact url-encoded body.
    pub async fn post_raw(&self, path: &str, body: &str) -> Page {
        self.post_with_type(path, body.to_owned(), "application/x-www-form-urlencoded")
            .await
    }

    /// A form post with one extra header.
    pub async fn post_with_headers(
        &self,
        path: &str,
        body: String,
        header: Option<(&str, &str)>,
    ) -> Page {
        self.post_with_header_lines(path, body, header.as_slice())
            .await
    }

    /// A form post with extra header lines, sent in this order (a name given twice is
    /// sent as two lines).
    pub async fn post_with_header_lines(
        &self,
        path: &str,
        body: String,
        lines: &[(&str, &str)],
    ) -> Page {
        let mut req = self
            .client
            .post(format!("{}{}", self.base, path))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body);
        for (name, value) in lines {
            req = req.header(*name, *value);
        }
        read(req.send().await.expect("POST")).await
    }

    pub async fn post_with_type(&self, path: &str, body: String, content_type: &str) -> Page {
        let res = self
            .client
            .post(format!("{}{}", self.base, path))
            .header(CONTENT_TYPE, content_type)
            .body(body)
            .send()
            .await
            .expect("POST");
        read(res).await
    }

    /// This browser's cookies as a `Cookie` header, to replay them from another client.
    pub async fn cookie_header(&self) -> String {
        use reqwest::cookie::CookieStore;
        let url: reqwest::Url = self.base.parse().unwrap();
        self.jar
            .cookies(&url)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    }

    pub fn email(name: &str) -> String {
        format!("{}@example.org", name.to_lowercase())
    }

    pub async fn sign_up(&self, name: &str) {
        let page = self
            .post_form(
                "/register",
                &[
                    ("display_name", name),
                    ("email", &Self::email(name)),
                    ("password", PASSWORD),
                    ("consent", "yes"),
                ],
            )
            .await;
        page.assert_redirect_to("/login?registered=1");
        self.sign_in(name).await.assert_redirect_to("/");
    }

    pub async fn sign_in(&self, name: &str) -> Page {
        self.post_form(
            "/login",
            &[("email", &Self::email(name)), ("password", PASSWORD)],
        )
        .await
    }

    pub async fn sign_out(&self) {
        self.post_form("/logout", &[])
            .await
            .assert_redirect_to("/login");
    }

    /// Makes an invite and returns its code as shown on the page.
    pub async fn invite_code(&self) -> String {
        self.post_form("/couple/invite", &[])
            .await
            .assert_redirect_to("/couple");
        let page = self.get("/couple").await;
        page.texts("code")
            .into_iter()
            .next()
            .expect("an invite code is shown")
    }

    /// Starts a check-in from a set and returns its id.
    pub async fn start_checkin(&self, set: &str) -> String {
        let page = self.post_form("/checkins", &[("prompt_set_id", set)]).await;
        page.assert_redirect_to("/checkins/");
        page.location().trim_start_matches("/checkins/").to_owned()
    }

    pub async fn answer(&self, checkin: &str, fields: &[(&str, &str)]) -> Page {
        self.post_form(&format!("/checkins/{checkin}/answers"), fields)
            .await
    }
}

/// Links `b` to `a` as a person does: `b` types `a`'s code, sees who it is from, and
/// confirms.
pub async fn link(a: &Browser, b: &Browser) {
    let code = a.invite_code().await;
    let typed = b.post_form("/couple/join", &[("code", &code)]).await;
    typed.assert_redirect_to("/join/");
    let page = b.get(typed.location()).await;
    page.assert_ok();
    let stored = page
        .attr("input[name=code]", "value")
        .expect("the confirmation form");
    b.post_form("/couple/join", &[("code", &stored), ("confirm", "yes")])
        .await
        .assert_redirect_to("/couple?done=linked");
}

async fn read(res: reqwest::Response) -> Page {
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.text().await.unwrap_or_default();
    Page {
        status,
        headers,
        body,
    }
}

/// A unique string to plant in an answer and look for (or not) elsewhere.
pub fn marker(label: &str) -> String {
    format!("{label}-{}", uuid::Uuid::now_v7().simple())
}

/// Everything every app instance in this test binary logs, at TRACE, kept so that a test
/// can check what never appears in logs.
pub static LOGS: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

struct LogWriter;

impl std::io::Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LOGS.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn capture_logs() {
    // Everything the app and its libraries log at TRACE; only the test's own HTML parser
    // and HTTP client are left out, since they see what a browser sees.
    let filter = tracing_subscriber::EnvFilter::new(
        "trace,html5ever=off,selectors=off,scraper=off,markup5ever=off,reqwest=off,cookie_store=off",
    );
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(|| LogWriter)
        .try_init();
}

pub fn logs() -> String {
    String::from_utf8_lossy(&LOGS.lock().unwrap()).into_owned()
}
