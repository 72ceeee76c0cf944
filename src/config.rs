//! Settings from flags and environment variables. No global config: `Config` is passed
//! to [`crate::app::build`], and tests build one as a struct literal.

use std::net::IpAddr;

use clap::{Parser, Subcommand};
use secrecy::{ExposeSecret, SecretString};

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
    /// Print a new random data key (for MUTUAL_DATA_KEY or a key file).
    NewDataKey,
    /// Re-encrypt all free text and two-step secrets with a new data key. Also encrypts
    /// what was stored before any key was set, and upgrades data encrypted in an older
    /// format (give the same key as current and new key for that). Stop the servers
    /// first; start them again with the new key.
    RotateKey {
        /// File holding the new key (as `mutual new-data-key` prints it).
        #[arg(long)]
        new_key_file: std::path::PathBuf,
    },
    /// Write a consistent copy of the SQLite database to FILE, safely while the server
    /// runs (for PostgreSQL, use pg_dump).
    Backup {
        /// Where to write the copy; it must not exist yet.
        file: std::path::PathBuf,
    },
    /// Tools for whoever runs this Mutual: accounts, sign-up codes, counts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
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

/// `mutual admin …`: each reads `DATABASE_URL` like the server does.
#[derive(Subcommand, Debug, Clone, PartialEq, Eq)]
pub enum AdminCommand {
    /// Create an account. The password is read from standard input (one line), or asked
    /// for when standard input is a terminal.
    CreateUser {
        email: String,
        /// The name their partner will see (default: the part of the email before the @).
        #[arg(long)]
        name: Option<String>,
    },
    /// Print a link, valid for one hour and usable once, where the person sets a new
    /// password. Using it signs them out everywhere.
    ResetPassword { email: String },
    /// Stop an account from signing in, and sign it out everywhere. Nothing is deleted.
    DisableUser { email: String },
    /// Let a disabled account sign in again.
    EnableUser { email: String },
    /// Approve a therapist account (with `--therapists approved`): couples can then invite
    /// them, and they see the couples who do.
    ApproveTherapist { email: String },
    /// Print how many people, couples and check-ins there are (counts only, never content).
    Stats,
    /// Print a single-use sign-up code, for `--registration invite-only`.
    CreateSignupCode {
        /// How many days the code works.
        #[arg(long, default_value_t = 14)]
        days: u32,
    },
}

/// Who may create an account.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Registration {
    /// Anyone who reaches the site.
    #[default]
    Open,
    /// People with a sign-up code from the operator.
    InviteOnly,
    /// Nobody through the site.
    Closed,
}

/// Who may become a therapist by ticking "I'm a therapist" at sign-up.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TherapistSignup {
    /// Anyone who ticks the box.
    #[default]
    Open,
    /// Anyone may tick it, but couples can invite them (and they see couples) only once
    /// the operator approves them with `mutual admin approve-therapist EMAIL`.
    Approved,
}

#[derive(Parser, Debug, Clone)]
pub struct Config {
    /// Database URL: `sqlite:PATH` (created if missing) or `postgres://…`.
    // A secret, hidden from --help and Debug: a PostgreSQL URL carries the password.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite:mutual.db",
        hide_env_values = true,
        value_parser = secret
    )]
    pub database_url: SecretString,

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

    /// Who may create an account here: anyone (`open`), only people with a sign-up code
    /// from `mutual admin create-signup-code` (`invite-only`), or nobody (`closed`; the
    /// operator can still use `mutual admin create-user`).
    #[arg(
        long,
        env = "MUTUAL_REGISTRATION",
        value_enum,
        default_value_t = Registration::Open
    )]
    pub registration: Registration,

    /// Who may be a therapist here: anyone who ticks "I'm a therapist" at sign-up
    /// (`open`), or only once the operator approves them with `mutual admin
    /// approve-therapist EMAIL` (`approved`; until then couples cannot invite them).
    /// Therapists who signed up while it was `open` stay approved.
    #[arg(
        long,
        env = "MUTUAL_THERAPISTS",
        value_enum,
        default_value_t = TherapistSignup::Open
    )]
    pub therapists: TherapistSignup,

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

    /// Key that encrypts written answers, notes and therapists' questions at rest (32 bytes
    /// as 64 hex digits or base64; `mutual new-data-key` makes one). Without a key they
    /// are stored unencrypted.
    #[arg(long, env = "MUTUAL_DATA_KEY", hide_env_values = true, value_parser = secret)]
    pub data_key: Option<SecretString>,

    /// A file holding the data key: keeps it out of the process environment.
    #[arg(long, env = "MUTUAL_DATA_KEY_FILE")]
    pub data_key_file: Option<std::path::PathBuf>,
}

/// Reads a setting that must never be printed (`Debug` shows `[REDACTED]`).
fn secret(text: &str) -> Result<SecretString, std::convert::Infallible> {
    Ok(text.into())
}

/// Reads a data key from a file, as `--data-key-file` and `rotate-key` take it.
pub fn read_key_file(path: &std::path::Path) -> anyhow::Result<crate::crypto::DataKey> {
    use anyhow::Context;
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("read the data key file {}", path.display()))?;
    crate::crypto::DataKey::parse(&text)
        .with_context(|| format!("the data key file {}", path.display()))
}

impl Config {
    /// The defaults with the given database, as the tests use them. Nothing
    /// comes from the environment: a developer's exported `MUTUAL_*` settings (a data
    /// key, invite-only registration) must not change what the test suite runs against.
    pub fn with_database(database_url: impl Into<String>) -> Self {
        use clap::{CommandFactory, FromArgMatches};
        let matches = Config::command()
            .mut_args(|arg| arg.env(None))
            .get_matches_from(["mutual"]);
        let mut c = Config::from_arg_matches(&matches).expect("the defaults are valid");
        c.database_url = database_url.into().into();
        c
    }
}

impl Config {
    /// The configured data key, if any.
    pub fn data_key(&self) -> anyhow::Result<Option<crate::crypto::DataKey>> {
        match (&self.data_key, &self.data_key_file) {
            (Some(_), Some(_)) => {
                anyhow::bail!("set MUTUAL_DATA_KEY or MUTUAL_DATA_KEY_FILE, not both")
            }
            (Some(text), None) => crate::crypto::DataKey::parse(text.expose_secret()).map(Some),
            (None, Some(path)) => read_key_file(path).map(Some),
            (None, None) => Ok(None),
        }
    }

    pub fn session_policy(&self) -> crate::domain::sessions::SessionPolicy {
        crate::domain::sessions::SessionPolicy {
            lifetime: time::Duration::hours(i64::from(self.session_lifetime_hours.max(1))),
            idle: time::Duration::hours(i64::from(self.session_idle_hours.max(1))),
        }
    }
}

#[cfg(test)]
mod tests;
