//! Bulk inserts for the load benchmark's data set (feature `bench` only; never in a
//! normal build). Rows are made in Rust and written many to a statement, in one
//! transaction per batch, through the same pools and the same SQL on both backends.

use anyhow::Context;
use time::OffsetDateTime;

use super::{in_tx, on_db, on_writer, Db};
use crate::ids::{CheckinId, CoupleId, TherapistLinkId, UserId};

pub struct SeedUser {
    pub user_id: UserId,
    pub email: String,
    pub display_name: String,
    pub therapist_code: Option<String>,
}

pub struct SeedCouple {
    pub couple_id: CoupleId,
    pub members: [UserId; 2],
}

pub struct SeedCheckin {
    pub checkin_id: CheckinId,
    pub couple_id: CoupleId,
    pub started_by: UserId,
    pub created_at: OffsetDateTime,
    pub revealed_at: Option<OffsetDateTime>,
}

pub struct SeedSubmission {
    pub checkin_id: CheckinId,
    pub user_id: UserId,
    pub submitted_at: OffsetDateTime,
}

pub struct SeedAnswer {
    pub checkin_id: CheckinId,
    pub user_id: UserId,
    pub prompt_id: &'static str,
    pub value_int: Option<i32>,
    pub value_text: Option<&'static str>,
    pub updated_at: OffsetDateTime,
}

/// A therapist's link to a couple that both partners consented to (`level` for both).
pub struct SeedLink {
    pub link_id: TherapistLinkId,
    pub couple_id: CoupleId,
    pub therapist_id: UserId,
    pub members: [UserId; 2],
    pub level: i32,
}

/// One transaction's worth of rows.
#[derive(Default)]
pub struct Batch {
    pub users: Vec<SeedUser>,
    pub couples: Vec<SeedCouple>,
    pub checkins: Vec<SeedCheckin>,
    pub submissions: Vec<SeedSubmission>,
    pub answers: Vec<SeedAnswer>,
    pub links: Vec<SeedLink>,
    /// Users whose two-factor sign-in is on, with their TOTP secret.
    pub totp: Vec<(UserId, Vec<u8>)>,
}

/// Bound values per statement: under SQLite's limit (32766) and PostgreSQL's (65535).
const BINDS: usize = 30_000;

/// Writes `rows` with `sql` (an `INSERT … ` up to `VALUES`) as multi-row statements.
macro_rules! bulk {
    ($tx:expr, $sql:expr, $rows:expr, $cols:expr, |$b:ident, $r:ident| $push:block) => {
        for chunk in $rows.chunks(BINDS / $cols) {
            let mut qb = sqlx::QueryBuilder::new($sql);
            qb.push_values(chunk, |mut $b, $r| $push);
            qb.build().execute(&mut **$tx).await?;
        }
    };
}

/// Inserts `batch` in one transaction. Every seeded account gets `password_hash`.
pub async fn insert(
    db: &Db,
    batch: &Batch,
    password_hash: &str,
    now: OffsetDateTime,
) -> anyhow::Result<()> {
    in_tx!(db, |tx| {
        bulk!(
            tx,
            "INSERT INTO users (user_id, email, display_name, password_hash, is_therapist,
                                therapist_code, therapist_approved_at, created_at) ",
            batch.users,
            8,
            |b, u| {
                b.push_bind(u.user_id)
                    .push_bind(&u.email)
                    .push_bind(&u.display_name)
                    .push_bind(password_hash)
                    .push_bind(u.therapist_code.is_some())
                    .push_bind(&u.therapist_code)
                    .push_bind(u.therapist_code.is_some().then_some(now))
                    .push_bind(now);
            }
        );
        bulk!(
            tx,
            "INSERT INTO couples (couple_id, created_at) ",
            batch.couples,
            2,
            |b, c| {
                b.push_bind(c.couple_id).push_bind(now);
            }
        );
        let members: Vec<(CoupleId, UserId)> = batch
            .couples
            .iter()
            .flat_map(|c| c.members.map(|m| (c.couple_id, m)))
            .collect();
        bulk!(
            tx,
            "INSERT INTO couple_members (couple_id, user_id, joined_at) ",
            members,
            3,
            |b, m| {
                b.push_bind(m.0).push_bind(m.1).push_bind(now);
            }
        );
        bulk!(
            tx,
            "INSERT INTO checkins (checkin_id, couple_id, prompt_set_id, started_by, created_at,
                                   revealed_at, dated_on) ",
            batch.checkins,
            7,
            |b, c| {
                b.push_bind(c.checkin_id)
                    .push_bind(c.couple_id)
                    .push_bind("after-intimacy")
                    .push_bind(c.started_by)
                    .push_bind(c.created_at)
                    .push_bind(c.revealed_at)
                    .push_bind(c.created_at.date());
            }
        );
        bulk!(
            tx,
            "INSERT INTO checkin_submissions (checkin_id, user_id, submitted_at) ",
            batch.submissions,
            3,
            |b, s| {
                b.push_bind(s.checkin_id)
                    .push_bind(s.user_id)
                    .push_bind(s.submitted_at);
            }
        );
        bulk!(
            tx,
            "INSERT INTO answers (checkin_id, user_id, prompt_id, value_int, value_text,
                                  is_private, updated_at) ",
            batch.answers,
            7,
            |b, a| {
                b.push_bind(a.checkin_id)
                    .push_bind(a.user_id)
                    .push_bind(a.prompt_id)
                    .push_bind(a.value_int)
                    .push_bind(a.value_text)
                    .push_bind(false)
                    .push_bind(a.updated_at);
            }
        );
        bulk!(
            tx,
            "INSERT INTO therapist_links (link_id, couple_id, therapist_id, created_at) ",
            batch.links,
            4,
            |b, l| {
                b.push_bind(l.link_id)
                    .push_bind(l.couple_id)
                    .push_bind(l.therapist_id)
                    .push_bind(now);
            }
        );
        let consents: Vec<(TherapistLinkId, UserId, i32)> = batch
            .links
            .iter()
            .flat_map(|l| l.members.map(|m| (l.link_id, m, l.level)))
            .collect();
        bulk!(
            tx,
            "INSERT INTO therapist_consents (link_id, user_id, level, accepted_at) ",
            consents,
            4,
            |b, c| {
                b.push_bind(c.0)
                    .push_bind(c.1)
                    .push_bind(c.2)
                    .push_bind(now);
            }
        );
        bulk!(
            tx,
            "INSERT INTO totp_secrets (user_id, secret, created_at, enabled_at, last_step) ",
            batch.totp,
            5,
            |b, t| {
                b.push_bind(t.0)
                    .push_bind(&t.1)
                    .push_bind(now)
                    .push_bind(now)
                    .push_bind(0_i64);
            }
        );
        Ok::<_, anyhow::Error>(())
    })
    .context("insert benchmark data")
}

/// How many accounts exist (the seeder only fills an empty database).
pub async fn count_users(db: &Db) -> anyhow::Result<i64> {
    on_db!(db, |pool| sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM users"
    )
    .fetch_one(pool)
    .await)
    .context("count users")
}

/// Fills the summary's running totals from the seeded rows, as migrations 0012, 0013 and 0020
/// do for a database that had check-ins before them (the app keeps them up to date as
/// check-ins happen; the seeder writes check-ins directly).
const FILL_SUMMARIES: [&str; 5] = [
    "INSERT INTO summary_choice_totals (couple_id, prompt_id, user_id, position, chosen)
     SELECT c.couple_id, a.prompt_id, a.user_id, a.value_int, COUNT(*)
     FROM checkins c
     JOIN answers a ON a.checkin_id = c.checkin_id
     JOIN prompts p ON p.prompt_id = a.prompt_id
     WHERE c.revealed_at IS NOT NULL AND p.kind = 'choice' AND a.value_int IS NOT NULL
       AND a.is_private = FALSE
     GROUP BY c.couple_id, a.prompt_id, a.user_id, a.value_int",
    "INSERT INTO summary_scale_totals (couple_id, prompt_id, user_id, answered, total)
     SELECT c.couple_id, a.prompt_id, a.user_id, COUNT(*), SUM(a.value_int)
     FROM checkins c
     JOIN answers a ON a.checkin_id = c.checkin_id
     JOIN prompts p ON p.prompt_id = a.prompt_id
     WHERE c.revealed_at IS NOT NULL AND p.kind = 'scale' AND a.value_int IS NOT NULL
       AND a.is_private = FALSE
     GROUP BY c.couple_id, a.prompt_id, a.user_id",
    "INSERT INTO summary_agreement (couple_id, both_answered, both_high)
     SELECT t.couple_id, COUNT(*), SUM(CASE WHEN t.lowest >= 4 THEN 1 ELSE 0 END)
     FROM (SELECT c.couple_id, a.checkin_id, MIN(a.value_int) AS lowest, COUNT(*) AS n
           FROM checkins c
           JOIN answers a ON a.checkin_id = c.checkin_id
           JOIN prompts p ON p.prompt_id = a.prompt_id
           WHERE c.revealed_at IS NOT NULL AND p.role = 'mattered_equally'
             AND a.value_int IS NOT NULL AND a.is_private = FALSE
           GROUP BY c.couple_id, a.checkin_id) t
     WHERE t.n = 2
     GROUP BY t.couple_id",
    "INSERT INTO summary_counts (couple_id, open_now, completed)
     SELECT couple_id,
            SUM(CASE WHEN revealed_at IS NULL AND dismissed_at IS NULL THEN 1 ELSE 0 END),
            SUM(CASE WHEN revealed_at IS NOT NULL THEN 1 ELSE 0 END)
     FROM checkins GROUP BY couple_id",
    "INSERT INTO summary_started (couple_id, user_id, started)
     SELECT couple_id, started_by, COUNT(*)
     FROM checkins WHERE started_by IS NOT NULL GROUP BY couple_id, started_by",
];

pub async fn fill_summaries(db: &Db) -> anyhow::Result<()> {
    in_tx!(db, |tx| {
        for sql in FILL_SUMMARIES {
            sqlx::query(sql).execute(&mut **tx).await?;
        }
        Ok::<_, anyhow::Error>(())
    })
    .context("fill the summary totals")
}

/// Gives PostgreSQL's planner statistics after the bulk load, as autovacuum would on a
/// server that has been running a while. SQLite is left as a deployment leaves it: Mutual
/// never runs ANALYZE there, so the plans measured are the plans people get.
pub async fn analyze(db: &Db) -> anyhow::Result<()> {
    if db.backend() == super::Backend::Postgres {
        on_writer!(db, |pool| sqlx::query("ANALYZE")
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
        .context("analyze")?;
    }
    Ok(())
}
