//! The load benchmark's build (feature `bench`, never in a normal build): a bare endpoint
//! to compare pages with, a seeder that fills a fresh database with a realistic data set,
//! and the seeded therapist's current sign-in code. `bench/run.sh` drives them.

use std::fmt::Write;

use axum::routing::get;
use axum::Router;
use secrecy::ExposeSecret;
use time::{Duration, OffsetDateTime};

use crate::app::AppState;
use crate::config::Config;
use crate::domain::password::PasswordHashing;
use crate::ids::{CheckinId, CoupleId, TherapistLinkId, UserId};
use crate::store::bench_seed::{
    Batch, SeedAnswer, SeedCheckin, SeedCouple, SeedLink, SeedSubmission, SeedUser,
};
use crate::store::{self, Db};

/// Every seeded account's password.
pub const PASSWORD: &str = "bench quiet orchard lamp";
/// The seeded therapist's TOTP secret (20 bytes, as the app makes them).
const THERAPIST_TOTP: &[u8; 20] = b"mutual-bench-totp-20";

/// A constant response through every layer of the real router: what the machine can do
/// with no database and no template, measured in the same process as the pages.
pub fn router() -> Router<AppState> {
    Router::new().route("/__bench/bare", get(|| async { "bare" }))
}

/// What to seed.
#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
pub struct SeedArgs {
    /// Couples with the usual history.
    #[arg(long, default_value_t = 1000)]
    pub couples: usize,
    /// Completed check-ins of each of those.
    #[arg(long, default_value_t = 100)]
    pub checkins: usize,
    /// Couples with a long history.
    #[arg(long, default_value_t = 5)]
    pub big_couples: usize,
    /// Completed check-ins of each long-history couple.
    #[arg(long, default_value_t = 1000)]
    pub big_checkins: usize,
    /// Usual couples linked to the one therapist (the long-history ones are too).
    #[arg(long, default_value_t = 20)]
    pub therapist_couples: usize,
    /// Couples named in the manifest (the benchmark signs in as their first partner).
    #[arg(long, default_value_t = 16)]
    pub listed: usize,
}

/// The prompts each seeded partner answers in an "after-intimacy" check-in (the opening
/// free-text one is skipped, as people often do). The pace and the two choice prompts
/// have since moved to "after-intimacy-more"; seeded check-ins keep answering them, as
/// check-ins from before the move do.
const SCALES: [&str; 4] = [
    "after-connected",
    "after-pressure-free",
    "after-mattered-equally",
    "after-pace",
];
const CHOICES: [&str; 2] = ["after-how-it-began", "after-feeling-now"];
const KEEP: [&str; 4] = [
    "taking our time",
    "laughing together",
    "the slow morning",
    "talking first",
];
const CHANGE: [&str; 3] = [
    "a little more time",
    "more warmth after",
    "nothing just now",
];

/// A small deterministic generator, so two runs seed the same answers.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Fills the (empty) database named by `config` and prints a manifest on stdout:
/// `couple EMAIL_A EMAIL_B CHECKINS OPEN_CHECKIN REVEALED_CHECKIN` for the listed and the
/// long-history couples, `therapist EMAIL`, and `password PASSWORD`.
pub async fn seed(config: &Config, args: &SeedArgs) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let db = Db::connect(config.database_url.expose_secret()).await?;
    db.migrate().await?;
    anyhow::ensure!(
        store::bench_seed::count_users(&db).await? == 0,
        "the benchmark seeds an empty database only"
    );
    // One real hash with the configured parameters, shared by every seeded account:
    // verifying it costs what verifying any account's own hash would.
    let hashing = PasswordHashing::new(config.argon2_memory_kib, config.argon2_iterations)?;
    let hash = hashing.hash(PASSWORD).await?;
    let now = OffsetDateTime::now_utc();
    let mut rng = Lcg(7);
    // Printed at the end: logs (sqlx warns about slow statements) also go to stdout.
    let mut out = String::new();

    let therapist = UserId::new();
    let therapist_email = "therapist@bench.mutual.invalid".to_owned();
    let mut batch = Batch::default();
    batch.users.push(SeedUser {
        user_id: therapist,
        email: therapist_email.clone(),
        display_name: "Dr Bench".into(),
        therapist_code: Some(crate::domain::couples::new_code()),
    });
    batch.totp.push((therapist, THERAPIST_TOTP.to_vec()));

    let total = args.couples + args.big_couples;
    let mut rows = 0usize;
    for i in 0..total {
        let big = i >= args.couples;
        let n = if big {
            args.big_checkins
        } else {
            args.checkins
        };
        let (a, b) = (UserId::new(), UserId::new());
        let (email_a, email_b) = (
            format!("a{i}@bench.mutual.invalid"),
            format!("b{i}@bench.mutual.invalid"),
        );
        for (id, email, name) in [(a, &email_a, "Alex"), (b, &email_b, "Sam")] {
            batch.users.push(SeedUser {
                user_id: id,
                email: email.clone(),
                display_name: format!("{name} {i}"),
                therapist_code: None,
            });
        }
        let couple = CoupleId::new();
        batch.couples.push(SeedCouple {
            couple_id: couple,
            members: [a, b],
        });
        if big || i < args.therapist_couples {
            batch.links.push(SeedLink {
                link_id: TherapistLinkId::new(),
                couple_id: couple,
                therapist_id: therapist,
                members: [a, b],
                level: 3,
            });
        }
        // Completed check-ins about a day apart, the newest yesterday, then one open.
        let mut last_revealed = None;
        for k in 0..n {
            let created = now - Duration::hours(26 * (n - k) as i64);
            let revealed = created + Duration::hours(1);
            let id = CheckinId::new();
            batch.checkins.push(SeedCheckin {
                checkin_id: id,
                couple_id: couple,
                started_by: if rng.below(2) == 0 { a } else { b },
                created_at: created,
                revealed_at: Some(revealed),
            });
            for who in [a, b] {
                batch.submissions.push(SeedSubmission {
                    checkin_id: id,
                    user_id: who,
                    submitted_at: revealed,
                });
                let answer = |prompt_id, value_int, value_text| SeedAnswer {
                    checkin_id: id,
                    user_id: who,
                    prompt_id,
                    value_int,
                    value_text,
                    updated_at: revealed,
                };
                for p in SCALES {
                    batch
                        .answers
                        .push(answer(p, Some(2 + rng.below(4) as i32), None));
                }
                for p in CHOICES {
                    batch
                        .answers
                        .push(answer(p, Some(1 + rng.below(5) as i32), None));
                }
                let keep = KEEP[rng.below(KEEP.len() as u64) as usize];
                batch
                    .answers
                    .push(answer("after-enjoyable", None, Some(keep)));
                let change = CHANGE[rng.below(CHANGE.len() as u64) as usize];
                batch
                    .answers
                    .push(answer("after-change", None, Some(change)));
            }
            last_revealed = Some(id);
        }
        let open = CheckinId::new();
        batch.checkins.push(SeedCheckin {
            checkin_id: open,
            couple_id: couple,
            started_by: a,
            created_at: now - Duration::hours(1),
            revealed_at: None,
        });
        if i < args.listed || big {
            let revealed = last_revealed.map_or_else(String::new, |c| c.to_string());
            writeln!(out, "couple\t{email_a}\t{email_b}\t{n}\t{open}\t{revealed}")?;
        }
        // About 40,000 answers a transaction: big enough to be quick, small enough that
        // neither backend holds much at once.
        if batch.answers.len() >= 40_000 || i + 1 == total {
            rows += batch.answers.len();
            store::bench_seed::insert(&db, &batch, &hash, now).await?;
            batch = Batch::default();
        }
    }
    store::bench_seed::fill_summaries(&db).await?;
    store::bench_seed::analyze(&db).await?;
    writeln!(out, "therapist\t{therapist_email}")?;
    writeln!(out, "password\t{PASSWORD}")?;
    print!("{out}");
    eprintln!(
        "seeded {} couples and {rows} answers in {:.1} s",
        total,
        started.elapsed().as_secs_f64()
    );
    db.close().await;
    Ok(())
}

/// Creates a fresh, uniquely named database on the PostgreSQL server at `server_url` and
/// prints its URL, for a run that must not touch any existing data.
pub async fn create_database(server_url: &str) -> anyhow::Result<()> {
    use sqlx::Connection;
    let name = format!("mutual_bench_{}", uuid::Uuid::now_v7().simple());
    let mut conn = sqlx::PgConnection::connect(server_url).await?;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    println!("{}", with_database(server_url, &name));
    Ok(())
}

/// Drops a database [`create_database`] made (only names it could have made).
pub async fn drop_database(server_url: &str, name: &str) -> anyhow::Result<()> {
    use sqlx::Connection;
    anyhow::ensure!(
        name.starts_with("mutual_bench_")
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'),
        "not a benchmark database: {name}"
    );
    let mut conn = sqlx::PgConnection::connect(server_url).await?;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(())
}

/// `server_url` with its database name replaced by `name`.
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

/// The seeded therapist's sign-in code for now, as their authenticator would show it.
pub fn totp_code() -> anyhow::Result<String> {
    let totp_rs::Secret::Encoded(secret) =
        totp_rs::Secret::Raw(THERAPIST_TOTP.to_vec()).to_encoded()
    else {
        anyhow::bail!("base32 encoding of the TOTP secret");
    };
    let unix = u64::try_from(OffsetDateTime::now_utc().unix_timestamp()).unwrap_or(0);
    Ok(crate::domain::two_factor::code_at(&secret, unix)?)
}
