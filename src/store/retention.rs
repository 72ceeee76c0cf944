//! SQL for forgetting what is no longer needed: expired sessions, spent invites, reset
//! links and sign-up codes, old failed attempts, and long-dismissed unfinished check-ins.

use anyhow::Context;
use time::OffsetDateTime;

use super::{in_tx, on_writer, Db};

/// The moments before which each kind of row has run out.
#[derive(Debug, Clone, Copy)]
pub struct Cutoffs {
    pub now: OffsetDateTime,
    /// Sessions not used since then have passed their idle time.
    pub idle_since: OffsetDateTime,
    /// Failed attempts older than this no longer count towards any limit.
    pub throttle_before: OffsetDateTime,
    /// Unfinished check-ins dismissed before this are deleted with their answers.
    pub dismissed_before: OffsetDateTime,
    /// Notices older than this are deleted, read or not.
    pub notices_before: OffsetDateTime,
}

/// How many rows of each kind were deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub sessions: u64,
    pub invites: u64,
    pub password_resets: u64,
    pub signup_codes: u64,
    pub throttle_events: u64,
    pub checkins: u64,
    pub answers: u64,
    pub notices: u64,
}

async fn delete(db: &Db, sql: &str, binds: &[OffsetDateTime]) -> anyhow::Result<u64> {
    on_writer!(db, |pool| {
        let mut q = sqlx::query(sql);
        for b in binds {
            q = q.bind(*b);
        }
        q.execute(pool).await.map(|r| r.rows_affected())
    })
    .with_context(|| format!("purge: {sql}"))
}

/// Deletes everything past its time. Each kind is its own short statement, so writers
/// never wait long behind the purge.
pub async fn purge(db: &Db, c: Cutoffs) -> anyhow::Result<Purged> {
    let mut p = Purged {
        sessions: delete(
            db,
            "DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2",
            &[c.now, c.idle_since],
        )
        .await?,
        invites: delete(
            db,
            "DELETE FROM invites WHERE expires_at <= $1 OR used_at IS NOT NULL",
            &[c.now],
        )
        .await?,
        password_resets: delete(
            db,
            "DELETE FROM password_resets WHERE expires_at <= $1 OR used_at IS NOT NULL",
            &[c.now],
        )
        .await?,
        signup_codes: delete(
            db,
            "DELETE FROM signup_codes WHERE expires_at <= $1 OR used_at IS NOT NULL",
            &[c.now],
        )
        .await?,
        throttle_events: delete(
            db,
            "DELETE FROM throttle_events WHERE occurred_at <= $1",
            &[c.throttle_before],
        )
        .await?,
        notices: delete(
            db,
            "DELETE FROM notices WHERE created_at <= $1",
            &[c.notices_before],
        )
        .await?,
        ..Purged::default()
    };
    let (answers, checkins) = in_tx!(db, |tx| {
        let old = "SELECT checkin_id FROM checkins
                   WHERE dismissed_at IS NOT NULL AND revealed_at IS NULL AND dismissed_at <= $1";
        // The answers go explicitly (not only by cascade), so what is deleted is counted.
        let answers = sqlx::query(&format!("DELETE FROM answers WHERE checkin_id IN ({old})"))
            .bind(c.dismissed_before)
            .execute(&mut **tx)
            .await?
            .rows_affected();
        let checkins = sqlx::query(
            "DELETE FROM checkins
             WHERE dismissed_at IS NOT NULL AND revealed_at IS NULL AND dismissed_at <= $1",
        )
        .bind(c.dismissed_before)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        Ok::<_, anyhow::Error>((answers, checkins))
    })
    .context("purge dismissed check-ins")?;
    p.answers = answers;
    p.checkins = checkins;
    Ok(p)
}
