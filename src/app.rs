//! Building and running the server. `build` binds the listener itself, so tests can ask
//! for port 0 and read the real address.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use secrecy::ExposeSecret;
use tokio::net::TcpListener;

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::password::PasswordHashing;
use crate::store::Db;

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: Clock,
    pub hashing: PasswordHashing,
    pub config: Arc<Config>,
    /// Base URL for links people share (invite links).
    pub public_url: Arc<str>,
    pub address_limiter: crate::web::AddressLimiter,
}

pub struct App {
    listener: TcpListener,
    router: axum::Router,
    pub state: AppState,
}

pub fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
}

/// Opens the database, applies migrations and binds the listener.
pub async fn build(config: Config) -> anyhow::Result<App> {
    build_with_clock(config, Clock::default()).await
}

/// As [`build`], with a clock the caller holds (tests move it forward).
pub async fn build_with_clock(mut config: Config, clock: Clock) -> anyhow::Result<App> {
    // A public https:// address means browsers reach us over HTTPS, whatever the flag says.
    if config
        .public_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://"))
    {
        config.https = true;
    }
    let db = open_db(&config, &clock).await?;
    let hashing = PasswordHashing::new(config.argon2_memory_kib, config.argon2_iterations)?;
    let addr = SocketAddr::new(config.bind, config.port);
    let listener = TcpListener::bind(addr)
        .await
        .with_context(|| format!("listen on {addr}"))?;
    let local = listener.local_addr()?;
    let public_url: Arc<str> = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{local}"))
        .trim_end_matches('/')
        .into();
    // Reads the catalogues now: one that does not parse stops start-up here.
    tracing::info!(languages = %crate::web::i18n::loaded().join(", "), "languages loaded");
    let address_limiter = crate::web::AddressLimiter::new(
        config.auth_posts_per_10_min,
        clock.clone(),
        config.trust_proxy,
    );
    let state = AppState {
        db,
        address_limiter,
        clock,
        hashing,
        config: Arc::new(config),
        public_url,
    };
    let router = crate::web::router(state.clone());
    Ok(App {
        listener,
        router,
        state,
    })
}

/// Connects, migrates, and checks the data key against the database: a wrong key (or a
/// missing one for encrypted data) stops start-up rather than serve garbage.
pub async fn open_db(config: &Config, clock: &Clock) -> anyhow::Result<Db> {
    let db = connect_with_key(config).await?;
    match crate::store::data_keys::check(&db, clock.now()).await? {
        crate::store::data_keys::KeyState::Unencrypted => tracing::warn!(
            "no data key is set: written answers are stored unencrypted \
             (see `mutual new-data-key` and MUTUAL_DATA_KEY_FILE)"
        ),
        crate::store::data_keys::KeyState::Encrypted { key_id } => {
            tracing::info!(%key_id, "written answers are encrypted at rest")
        }
    }
    Ok(db)
}

/// Connects and migrates, with the configured data key (not checked yet).
async fn connect_with_key(config: &Config) -> anyhow::Result<Db> {
    let key = config.data_key()?;
    let db = Db::connect(config.database_url.expose_secret()).await?;
    db.migrate().await?;
    Ok(db.with_data_key(key))
}

/// Re-encrypts all free text with the key in `new_key_file`; the current key (if any)
/// comes from the configuration as for `serve`. Returns what was sealed again and the
/// new key's id.
pub async fn rotate_key(
    config: &Config,
    new_key_file: &std::path::Path,
) -> anyhow::Result<(crate::store::data_keys::Rotated, String)> {
    let new = crate::config::read_key_file(new_key_file)?;
    let clock = Clock::default();
    // Not `open_db`: its check refuses the databases this command upgrades (text stored
    // before there was a key, or in the first sealed format). `rotate` checks the key.
    let db = connect_with_key(config).await?;
    let done = crate::store::data_keys::rotate(&db, &new, clock.now()).await;
    db.close().await;
    Ok((done?, new.id().to_owned()))
}

/// Applies migrations and returns, for operators who migrate before starting instances.
pub async fn migrate_only(config: &Config) -> anyhow::Result<()> {
    let db = Db::connect(config.database_url.expose_secret()).await?;
    db.migrate().await?;
    db.close().await;
    println!("Migrations applied.");
    Ok(())
}

/// Asks the server listening on this machine's `port` for `/healthz`, for container
/// health checks in images that have no HTTP client.
pub async fn healthcheck(port: u16) -> anyhow::Result<()> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .context("connect to the server")?;
    stream
        .write_all(b"GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .await?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).await?;
    anyhow::ensure!(head.ends_with(b" 200"), "server is not healthy");
    Ok(())
}

impl App {
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.local_addr())
    }

    /// Serves until `shutdown` completes, then lets in-flight requests finish and closes
    /// the database.
    pub async fn serve(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let db = self.state.db.clone();
        let retention = tokio::spawn(retention_task(
            db.clone(),
            self.state.clock.clone(),
            self.state.config.session_policy(),
        ));
        let served = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await
        .context("serve");
        retention.abort();
        served?;
        db.close().await;
        Ok(())
    }
}

/// Forgets expired rows every [`crate::domain::retention::EVERY`], first one period after start-up (so
/// a restart loop cannot turn into a purge loop). A failed round is logged and retried
/// at the next tick.
async fn retention_task(db: Db, clock: Clock, policy: crate::domain::sessions::SessionPolicy) {
    use crate::domain::retention;
    let start = tokio::time::Instant::now() + retention::EVERY;
    let mut every = tokio::time::interval_at(start, retention::EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        if let Err(e) = retention::purge_once(&db, &clock, policy).await {
            tracing::warn!(error = ?e, "retention: purge failed; will try again");
        }
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
