//! SQL for answers and submissions: a partner's answers are saved and submitted in one
//! transaction, and the second submission reveals the check-in.
//!
//! Every read takes the asking person's id, so nobody reads another person's private
//! answers or a couple's they were never part of.

use anyhow::Context;
use time::OffsetDateTime;

use super::{dialect, in_tx, on_db, Db};
use crate::crypto::Slot;
use crate::ids::{CheckinId, UserId};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerRow {
    pub user_id: UserId,
    pub prompt_id: String,
    pub value_int: Option<i32>,
    /// What was written, as written; `None` when nothing was, or when the stored value
    /// could not be read (then `unreadable` is set).
    pub value_text: Option<String>,
    pub is_private: bool,
    /// A written answer is stored but could not be read (see [`Db::open`]).
    #[sqlx(skip)]
    pub unreadable: bool,
}

/// An answer to store; a skipped prompt has none.
#[derive(Debug, Clone)]
pub struct NewAnswer {
    pub prompt_id: String,
    pub value_int: Option<i32>,
    pub value_text: Option<String>,
    pub is_private: bool,
}

pub const LIST_ANSWERS: &str =
    "SELECT user_id, prompt_id, value_int, value_text, is_private FROM answers
     WHERE checkin_id = $1 AND (user_id = $2 OR ($3 AND is_private = FALSE))";

/// The viewer's own answers, plus the others' non-private answers when
/// `include_others` (the caller decides when that is allowed).
pub async fn list_answers(
    db: &Db,
    checkin_id: CheckinId,
    viewer: UserId,
    include_others: bool,
) -> anyhow::Result<Vec<AnswerRow>> {
    let mut rows = on_db!(db, |pool| sqlx::query_as::<_, AnswerRow>(LIST_ANSWERS)
        .bind(checkin_id)
        .bind(viewer)
        .bind(include_others)
        .fetch_all(pool)
        .await)
    .context("list answers")?;
    for r in &mut rows {
        if let Some(stored) = r.value_text.take() {
            let slot = Slot::Answer {
                checkin: checkin_id.0,
                user: r.user_id.0,
                prompt: &r.prompt_id,
            };
            r.value_text = db.open(slot, &stored);
            r.unreadable = r.value_text.is_none();
        }
    }
    Ok(rows)
}

/// How saving a person's answers ended.
#[derive(Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Saved; `revealed` is true when this submission was the second and revealed both.
    Saved {
        revealed: bool,
    },
    /// The check-in no longer takes answers: revealed, set aside, or the couple ended.
    Closed,
    NotFound,
}

#[derive(sqlx::FromRow)]
struct LockRow {
    revealed_at: Option<OffsetDateTime>,
    dismissed_at: Option<OffsetDateTime>,
    left_at: Option<OffsetDateTime>,
}

/// Reads (and on PostgreSQL locks) the check-in a person is saving answers to.
pub fn update_answers_lock_sql(backend: super::Backend) -> String {
    let lock = dialect::for_update(backend);
    format!(
        "SELECT c.revealed_at, c.dismissed_at, m.left_at
         FROM checkins c JOIN couple_members m ON m.couple_id = c.couple_id AND m.user_id = $2
         WHERE c.checkin_id = $1{lock}"
    )
}

pub const DELETE_OWN_ANSWERS: &str = "DELETE FROM answers WHERE checkin_id = $1 AND user_id = $2";

/// Reveals check-in `$2` at `$1` once both partners have submitted (exactly once).
pub const REVEAL: &str = "UPDATE checkins SET revealed_at = $1
     WHERE checkin_id = $2 AND revealed_at IS NULL
       AND (SELECT COUNT(*) FROM checkin_submissions WHERE checkin_id = $2) >= 2";

/// Replaces `user`'s answers and marks them submitted, in one transaction. The check-in
/// row is locked first, so when both partners submit at once exactly one of them sees
/// the second submission and reveals, and no answer is changed after the reveal.
pub async fn update_answers(
    db: &Db,
    checkin_id: CheckinId,
    user: UserId,
    answers: &[NewAnswer],
    now: OffsetDateTime,
) -> anyhow::Result<SaveOutcome> {
    let sealed = answers
        .iter()
        .map(|a| {
            let slot = Slot::Answer {
                checkin: checkin_id.0,
                user: user.0,
                prompt: &a.prompt_id,
            };
            db.seal_opt(slot, a.value_text.as_deref())
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let select = update_answers_lock_sql(db.backend());
    in_tx!(db, |tx| {
        let Some(row) = sqlx::query_as::<_, LockRow>(&select)
            .bind(checkin_id)
            .bind(user)
            .fetch_optional(&mut **tx)
            .await?
        else {
            return Ok(SaveOutcome::NotFound);
        };
        if row.revealed_at.is_some() || row.dismissed_at.is_some() || row.left_at.is_some() {
            return Ok(SaveOutcome::Closed);
        }
        sqlx::query(DELETE_OWN_ANSWERS)
            .bind(checkin_id)
            .bind(user)
            .execute(&mut **tx)
            .await?;
        if !answers.is_empty() {
            // One statement for all of them: the single writer's time is what bounds
            // how many people can submit at once.
            let mut insert = sqlx::QueryBuilder::new(
                "INSERT INTO answers
                   (checkin_id, user_id, prompt_id, value_int, value_text, is_private, updated_at) ",
            );
            insert.push_values(answers.iter().zip(&sealed), |mut row, (a, text)| {
                row.push_bind(checkin_id)
                    .push_bind(user)
                    .push_bind(&a.prompt_id)
                    .push_bind(a.value_int)
                    .push_bind(text)
                    .push_bind(a.is_private)
                    .push_bind(now);
            });
            insert.build().execute(&mut **tx).await?;
        }
        sqlx::query(
            "INSERT INTO checkin_submissions (checkin_id, user_id, submitted_at) VALUES ($1, $2, $3)
             ON CONFLICT (checkin_id, user_id) DO UPDATE SET submitted_at = excluded.submitted_at",
        )
        .bind(checkin_id)
        .bind(user)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        let revealed = sqlx::query(REVEAL)
            .bind(now)
            .bind(checkin_id)
            .execute(&mut **tx)
            .await?
            .rows_affected()
            == 1;
        if revealed {
            // The summary's running totals grow with the reveal, in the same transaction.
            for sql in [
                super::summaries::ADD_SCALE_TOTALS,
                super::summaries::ADD_CHOICE_TOTALS,
                super::summaries::ADD_AGREEMENT,
                super::summaries::COUNT_REVEAL,
            ] {
                sqlx::query(sql).bind(checkin_id).execute(&mut **tx).await?;
            }
        }
        Ok::<_, anyhow::Error>(SaveOutcome::Saved { revealed })
    })
}
