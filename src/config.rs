//! Settings from flags and environment variables. No global config: `Config` is passed
//! to [`crate::app::build`], and tests build one as a struct literal.

use std::net::IpAddr;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "mutual",
    version,
    about = "Mutual: a private, shared record of how intimacy feels to both partners"
)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Run the web server (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Ask the running server on this machine's port whether it is healthy (for
    /// container health checks; exits 0 when it is).
    Healthcheck,
    /// Fill an empty database with the load benchmark's data set (benchmark builds only).
    #[cfg(feature = "bench")]
    #[command(hide = true)]
    BenchSeed(crate::bench::SeedArgs),
    /// Print the seeded therapist's current sign-in code (benchmark builds only).
    #[cfg(feature = "bench")]
    #[command(hide = true)]
    BenchTotp,
    /// Create a fresh PostgreSQL database on the server of DATABASE_URL and print its URL
    /// (benchmark builds only).
    #[cfg(feature = "bench")]
    #[command(hide = true)]
    BenchCreateDatabase,
    /// Drop a database that bench-create-database made (benchmark builds only).
    #[cfg(feature = "bench")]
    #[command(hide = true)]
    BenchDropDatabase { name: String },
}

#[derive(Parser, Debug, Clone)]
pub struct Config {
    /// Database URL: `sqlite:PATH` (created if missing) or `postgres://…`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite:mutual.db")]
    pub database_url: String,

    /// Address to listen on.
    #[arg(long, env = "MUTUAL_BIND", default_value = "127.0.0.1")]
    pub bind: IpAddr,

    /// Port to listen on (0 picks a free one).
    #[arg(long, env = "MUTUAL_PORT", default_value_t = 3000)]
    pub port: u16,

    /// The address people reach Mutual at, for invite links (e.g. https://mutual.example.org).
    /// Defaults to http://BIND:PORT.
    #[arg(long, env = "MUTUAL_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Set when Mutual is served over HTTPS (behind a proxy): cookies get the Secure flag.
    #[arg(long, env = "MUTUAL_HTTPS", default_value_t = false)]
    pub https: bool,

    /// Trust the last address in X-Forwarded-For as the client's (set only behind a reverse
    /// proxy that sets it; otherwise anyone could claim any address).
    #[arg(long, env = "MUTUAL_TRUST_PROXY", default_value_t = false)]
    pub trust_proxy: bool,

    /// Sign-in and sign-up posts allowed per client address per 10 minutes.
    #[arg(long, env = "MUTUAL_AUTH_POSTS_PER_10_MIN", default_value_t = 20)]
    pub auth_posts_per_10_min: u32,

    /// How long a sign-in lasts at most, in hours, however active (default: 30 days).
    #[arg(long, env = "MUTUAL_SESSION_LIFETIME_HOURS", default_value_t = 720)]
    pub session_lifetime_hours: u32,

    /// A sign-in ends after this many hours without any request (default: 14 days).
    #[arg(long, env = "MUTUAL_SESSION_IDLE_HOURS", default_value_t = 336)]
    pub session_idle_hours: u32,

    /// argon2id memory cost in KiB (OWASP: 19456). Lower only for tests.
    #[arg(
        long,
        env = "MUTUAL_ARGON2_MEMORY_KIB",
        default_value_t = 19456,
        hide = true
    )]
    pub argon2_memory_kib: u32,

    /// argon2id iterations (OWASP: 2). Lower only for tests.
    #[arg(
        long,
        env = "MUTUAL_ARGON2_ITERATIONS",
        default_value_t = 2,
        hide = true
    )]
    pub argon2_iterations: u32,
}

impl Config {
    /// Defaults with the given database, as the tests and tools use them.
    pub fn with_database(database_url: impl Into<String>) -> Self {
        let mut c = Config::parse_from(["mutual"]);
        c.database_url = database_url.into();
        c
    }
}

impl Config {
    pub fn session_policy(&self) -> crate::domain::sessions::SessionPolicy {
        crate::domain::sessions::SessionPolicy {
            lifetime: time::Duration::hours(i64::from(self.session_lifetime_hours.max(1))),
            idle: time::Duration::hours(i64::from(self.session_idle_hours.max(1))),
        }
    }
}
