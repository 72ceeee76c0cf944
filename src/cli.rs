//! The subcommands of the one binary: serve, migrate, healthcheck, backup and the
//! operator's `admin` tools. Each tool reads `DATABASE_URL` like the server, prints plain
//! sentences, and exits non-zero with a clear message when it changed nothing.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::str::FromStr;

use anyhow::{bail, Context};
use secrecy::{ExposeSecret, SecretString};

use crate::clock::Clock;
use crate::config::{AdminCommand, Cli, Command, Config};
use crate::domain::password::PasswordHashing;
use crate::domain::{backup, operator};
use crate::store::Db;

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let command = cli.command.unwrap_or(Command::Serve);
    if command == Command::Serve {
        crate::app::init_tracing();
    } else {
        init_tool_tracing();
    }
    match command {
        Command::Serve => {
            let app = crate::app::build(cli.config).await?;
            println!("Mutual is running at {}", app.url());
            app.serve(crate::app::shutdown_signal()).await
        }
        Command::Migrate => crate::app::migrate_only(&cli.config).await,
        Command::Healthcheck => crate::app::healthcheck(cli.config.port).await,
        Command::Backup { file } => run_backup(&cli.config, &file).await,
        Command::Admin { command } => run_admin(&cli.config, command).await,
        #[cfg(feature = "bench")]
        Command::BenchSeed(args) => crate::bench::seed(&cli.config, &args).await,
        #[cfg(feature = "bench")]
        Command::BenchTotp => {
            println!("{}", crate::bench::totp_code()?);
            Ok(())
        }
        #[cfg(feature = "bench")]
        Command::BenchCreateDatabase => {
            crate::bench::create_database(cli.config.database_url.expose_secret()).await
        }
        #[cfg(feature = "bench")]
        Command::BenchDropDatabase { name } => {
            crate::bench::drop_database(cli.config.database_url.expose_secret(), &name).await
        }
        Command::NewDataKey => {
            println!("{}", crate::crypto::DataKey::generate());
            Ok(())
        }
        Command::RotateKey { new_key_file } => {
            let (done, key_id) = crate::app::rotate_key(&cli.config, &new_key_file).await?;
            println!(
                "Re-encrypted {} answers, {} notes, {} prompts and {} two-step secrets with \
                 key {key_id}. Start Mutual with the new key.",
                done.answers, done.notes, done.prompts, done.secrets
            );
            if done.unreadable > 0 {
                println!(
                    "{} stored value{} could not be read and {} left as {} (the log names \
                     each row); {} still shown as unreadable.",
                    done.unreadable,
                    if done.unreadable == 1 { "" } else { "s" },
                    if done.unreadable == 1 { "was" } else { "were" },
                    if done.unreadable == 1 {
                        "it was"
                    } else {
                        "they were"
                    },
                    if done.unreadable == 1 {
                        "it is"
                    } else {
                        "they are"
                    },
                );
            }
            Ok(())
        }
    }
}

/// Tools print their results on stdout; only warnings and errors are logged, on stderr.
fn init_tool_tracing() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new("warn"))
        .with_writer(std::io::stderr)
        .try_init();
}

async fn run_backup(config: &Config, file: &Path) -> anyhow::Result<()> {
    let url = config.database_url.expose_secret();
    if !url.starts_with("sqlite:") {
        bail!(backup::BackupError::Postgres);
    }
    // Opening would create an empty database where none is: say so instead.
    let source = sqlx::sqlite::SqliteConnectOptions::from_str(url)
        .with_context(|| format!("DATABASE_URL is not a valid SQLite URL: {url}"))?
        .get_filename()
        .to_owned();
    if !source.exists() {
        bail!(
            "There is no database at {} to back up (check DATABASE_URL).",
            source.display()
        );
    }
    let db = Db::connect(url).await?;
    let report = backup::to_file(&db, file).await;
    db.close().await;
    let report = report?;
    println!(
        "Backed up to {} ({} bytes: {} people, {} check-ins) in {:.2} s.",
        report.path.display(),
        report.bytes,
        report.people,
        report.checkins,
        report.took.as_secs_f64()
    );
    println!("It holds everything people wrote: keep it encrypted and out of shared folders.");
    Ok(())
}

/// Opens the database for a tool, applying migrations as the server would at start-up.
async fn open(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(config.database_url.expose_secret()).await?;
    db.migrate().await?;
    Ok(db)
}

async fn run_admin(config: &Config, command: AdminCommand) -> anyhow::Result<()> {
    let db = open(config).await?;
    let result = admin(config, &db, command).await;
    db.close().await;
    result
}

/// An operator tool's refusal in words: form problems in the English catalogue's
/// sentences, one line per field, as sign-up would show them.
fn in_words(e: operator::OperatorError) -> anyhow::Error {
    match e {
        operator::OperatorError::Invalid(errors) => {
            let lines: Vec<String> = errors
                .0
                .iter()
                .map(|(field, m)| {
                    let words = crate::web::i18n::message(Default::default(), m);
                    format!("{}: {words}", field.replace('_', " "))
                })
                .collect();
            anyhow::anyhow!(lines.join("\n"))
        }
        other => other.into(),
    }
}

async fn admin(config: &Config, db: &Db, command: AdminCommand) -> anyhow::Result<()> {
    let clock = Clock::default();
    match command {
        AdminCommand::CreateUser { email, name } => {
            let password = read_password()?;
            let hashing = PasswordHashing::new(config.argon2_memory_kib, config.argon2_iterations)?;
            let password = password.expose_secret();
            operator::create_user(db, &hashing, &clock, &email, name.as_deref(), password)
                .await
                .map_err(in_words)?;
            println!(
                "Account created for {}. They can sign in now.",
                email.trim()
            );
        }
        AdminCommand::ResetPassword { email } => {
            let link = operator::reset_link(db, &clock, &public_url(config), &email).await?;
            println!(
                "Send this link to {} privately. It works once, for one hour:",
                email.trim()
            );
            println!("{link}");
        }
        AdminCommand::DisableUser { email } => {
            let ended = operator::disable_user(db, &clock, &email).await?;
            println!(
                "{} can no longer sign in; {ended} session{} ended. Nothing was deleted; `mutual admin enable-user` undoes this.",
                email.trim(),
                if ended == 1 { "" } else { "s" }
            );
        }
        AdminCommand::EnableUser { email } => {
            operator::enable_user(db, &email).await?;
            println!("{} can sign in again.", email.trim());
        }
        AdminCommand::ApproveTherapist { email } => {
            if operator::approve_therapist(db, &clock, &email).await? {
                println!(
                    "{} is approved as a therapist: couples can invite them now.",
                    email.trim()
                );
            } else {
                println!("{} was already approved as a therapist.", email.trim());
            }
            if config.therapists != crate::config::TherapistSignup::Approved {
                println!("Note: with --therapists open (MUTUAL_THERAPISTS=open), new therapists are approved as they sign up.");
            }
        }
        AdminCommand::Stats => {
            let s = operator::stats(db).await?;
            println!(
                "people: {} ({} disabled, {} therapists)",
                s.people, s.disabled, s.therapists
            );
            println!("couples: {} ({} linked now)", s.couples, s.active_couples);
            println!(
                "check-ins: {} ({} answered by both)",
                s.checkins, s.revealed_checkins
            );
        }
        AdminCommand::CreateSignupCode { days } => {
            let code = operator::create_signup_code(db, &clock, days).await?;
            println!("Sign-up code (works once, for {days} days): {code}");
            if config.registration != crate::config::Registration::InviteOnly {
                println!("Note: codes are asked for only with --registration invite-only (MUTUAL_REGISTRATION=invite-only).");
            }
        }
    }
    Ok(())
}

/// Where people reach this Mutual, as the server works it out.
fn public_url(config: &Config) -> String {
    config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}:{}", config.bind, config.port))
}

/// The new account's password: asked for without echo on a terminal, else one line of
/// standard input (so scripts can pipe it in and it never appears in `ps`).
fn read_password() -> anyhow::Result<SecretString> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let first = SecretString::from(rpassword::prompt_password(
            "Password for the new account: ",
        )?);
        let again = SecretString::from(rpassword::prompt_password("The same password again: ")?);
        if first.expose_secret() != again.expose_secret() {
            bail!("The two passwords were different; nothing was created.");
        }
        return Ok(first);
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("read the password from standard input")?;
    let _ = std::io::stdout().flush();
    line.truncate(line.trim_end_matches(['\r', '\n']).len());
    Ok(line.into())
}
