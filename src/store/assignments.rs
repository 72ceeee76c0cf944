//! SQL for changing and cancelling a therapist's exercises. Every statement names the
//! link as well as the exercise: the caller checked that the link is the therapist's and
//! active, and an exercise of another link is then simply not found.

use anyhow::Context;
use time::OffsetDateTime;

use super::therapists::{open_notes, AssignmentRow, NewAssignment, ASSIGNMENT_COLUMNS};
use super::{on_db, on_writer, Db};
use crate::crypto::Slot;

/// Exercise `assignment` of `link`, unless it was cancelled.
pub async fn find_open_assignment(
    db: &Db,
    link: uuid::Uuid,
    assignment: uuid::Uuid,
) -> anyhow::Result<Option<AssignmentRow>> {
    let sql = format!(
        "SELECT {ASSIGNMENT_COLUMNS}
         WHERE a.link_id = $1 AND a.assignment_id = $2 AND a.cancelled_at IS NULL"
    );
    let rows = on_db!(db, |pool| sqlx::query_as::<_, AssignmentRow>(&sql)
        .bind(link)
        .bind(assignment)
        .fetch_optional(pool)
        .await)
    .context("find assignment")?;
    Ok(open_notes(db, rows.into_iter().collect()).pop())
}

/// Replaces what exercise `assignment` of `a.link` asks for; false when there is no such
/// exercise or it was cancelled. Check-ins already started keep their own set.
pub async fn update_assignment(
    db: &Db,
    assignment: uuid::Uuid,
    a: NewAssignment<'_>,
) -> anyhow::Result<bool> {
    // Sealed for this exercise's own row.
    let note = db.seal(Slot::AssignmentNote(assignment), a.note)?;
    let n = on_writer!(db, |pool| sqlx::query(
        "UPDATE assignments
         SET prompt_set_id = $1, note = $2, starts_on = $3, target_count = $4, ends_on = $5
         WHERE assignment_id = $6 AND link_id = $7 AND cancelled_at IS NULL"
    )
    .bind(a.prompt_set_id)
    .bind(&note)
    .bind(a.starts_on)
    .bind(a.target_count)
    .bind(a.ends_on)
    .bind(assignment)
    .bind(a.link)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("update assignment")?;
    Ok(n == 1)
}

/// Cancels exercise `assignment` of `link`; false when there is no such exercise or it
/// was cancelled already.
pub async fn cancel_assignment(
    db: &Db,
    link: uuid::Uuid,
    assignment: uuid::Uuid,
    now: OffsetDateTime,
) -> anyhow::Result<bool> {
    let n = on_writer!(db, |pool| sqlx::query(
        "UPDATE assignments SET cancelled_at = $1
         WHERE assignment_id = $2 AND link_id = $3 AND cancelled_at IS NULL"
    )
    .bind(now)
    .bind(assignment)
    .bind(link)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("cancel assignment")?;
    Ok(n == 1)
}
