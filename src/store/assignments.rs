//! SQL for the check-in exercises a therapist gives on a link: assigning, listing (for the
//! therapist and for the couple), the shared answers of their check-ins, changing and
//! cancelling.
//!
//! Every statement on one exercise names the link as well as the exercise: the caller
//! checked that the link is the therapist's and active, and an exercise of another link is
//! then simply not found. The couple's list repeats the active-link condition.

use anyhow::Context;
use time::OffsetDateTime;

use super::therapists::ACTIVE;
use super::{on_db, on_writer, Db};
use crate::crypto::Slot;
use crate::ids::{AssignmentId, CheckinId, CoupleId, TherapistLinkId, UserId};

/// An assigned exercise with how many of its check-ins both partners finished.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AssignmentRow {
    pub assignment_id: AssignmentId,
    pub prompt_set_id: String,
    pub set_title: String,
    pub note: String,
    pub starts_on: time::Date,
    pub target_count: Option<i32>,
    pub ends_on: Option<time::Date>,
    pub therapist_name: String,
    pub done: i64,
    /// When the therapist cancelled it; the couple no longer sees it.
    pub cancelled_at: Option<OffsetDateTime>,
}

const ASSIGNMENT_COLUMNS: &str = "a.assignment_id, a.prompt_set_id, s.title AS set_title,
    a.note, a.starts_on, a.target_count, a.ends_on, u.display_name AS therapist_name,
    a.cancelled_at,
    (SELECT COUNT(*) FROM checkins c
     WHERE c.assignment_id = a.assignment_id AND c.revealed_at IS NOT NULL) AS done
    FROM assignments a
    JOIN therapist_links l ON l.link_id = a.link_id
    JOIN couples cp ON cp.couple_id = l.couple_id
    JOIN prompt_sets s ON s.prompt_set_id = a.prompt_set_id
    JOIN users u ON u.user_id = l.therapist_id";

pub struct NewAssignment<'a> {
    pub link: TherapistLinkId,
    pub prompt_set_id: &'a str,
    pub note: &'a str,
    pub starts_on: time::Date,
    pub target_count: Option<i32>,
    pub ends_on: Option<time::Date>,
}

pub async fn insert_assignment(
    db: &Db,
    a: NewAssignment<'_>,
    now: OffsetDateTime,
) -> anyhow::Result<AssignmentId> {
    let id = AssignmentId::new();
    on_writer!(db, |pool| sqlx::query(
        "INSERT INTO assignments
           (assignment_id, link_id, prompt_set_id, note, starts_on, target_count, ends_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    )
    .bind(id)
    .bind(a.link)
    .bind(a.prompt_set_id)
    .bind(db.seal(Slot::AssignmentNote(id.0), a.note)?)
    .bind(a.starts_on)
    .bind(a.target_count)
    .bind(a.ends_on)
    .bind(now)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))
    .context("insert assignment")?;
    Ok(id)
}

/// The assignments of one link (the therapist's view; the caller checked the link).
pub async fn list_for_link(db: &Db, link: TherapistLinkId) -> anyhow::Result<Vec<AssignmentRow>> {
    let sql = format!(
        "SELECT {ASSIGNMENT_COLUMNS} WHERE a.link_id = $1 ORDER BY a.starts_on, a.created_at"
    );
    let rows = on_db!(db, |pool| sqlx::query_as::<_, AssignmentRow>(&sql)
        .bind(link)
        .fetch_all(pool)
        .await)
    .context("assignments of link")?;
    Ok(open_notes(db, rows))
}

fn open_notes(db: &Db, mut rows: Vec<AssignmentRow>) -> Vec<AssignmentRow> {
    for r in &mut rows {
        r.note = db.open_or_say(Slot::AssignmentNote(r.assignment_id.0), &r.note);
    }
    rows
}

pub fn list_for_couple_sql() -> String {
    format!(
        "SELECT {ASSIGNMENT_COLUMNS} WHERE l.couple_id = $1 AND a.cancelled_at IS NULL AND {ACTIVE}
         ORDER BY a.starts_on, a.created_at"
    )
}

/// The assignments of `couple` from therapists whose link is active, but those cancelled.
pub async fn list_for_couple(db: &Db, couple: CoupleId) -> anyhow::Result<Vec<AssignmentRow>> {
    let sql = list_for_couple_sql();
    let rows = on_db!(db, |pool| sqlx::query_as::<_, AssignmentRow>(&sql)
        .bind(couple)
        .fetch_all(pool)
        .await)
    .context("assignments of couple")?;
    Ok(open_notes(db, rows))
}

/// One shared answer in a finished check-in of an assignment.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AssignedAnswer {
    pub checkin_id: CheckinId,
    /// The day the check-in is about (the couple's date, or the day it was started).
    pub dated_on: time::Date,
    pub user_id: UserId,
    pub prompt_id: String,
    /// As written, or the words saying it couldn't be read.
    pub prompt_text: String,
    pub prompt_by_therapist: bool,
    pub kind: String,
    pub value_int: Option<i32>,
    pub value_text: Option<String>,
    /// For a choice question: the label of the option chosen.
    pub choice_label: Option<String>,
}

/// The non-private answers in the revealed check-ins of `assignment`: scale and choice
/// answers, and
/// written ones too when `with_words`. Private answers are excluded here, in the query.
pub async fn list_assigned_answers(
    db: &Db,
    assignment: AssignmentId,
    with_words: bool,
) -> anyhow::Result<Vec<AssignedAnswer>> {
    let mut rows = on_db!(db, |pool| sqlx::query_as::<_, AssignedAnswer>(
        "SELECT c.checkin_id, c.dated_on, a.user_id, a.prompt_id, p.text AS prompt_text,
                (s.owner_id IS NOT NULL OR s.retired_at IS NOT NULL) AS prompt_by_therapist,
                p.kind, a.value_int, a.value_text, pc.label AS choice_label
         FROM checkins c
         JOIN answers a ON a.checkin_id = c.checkin_id
         JOIN prompts p ON p.prompt_id = a.prompt_id
         JOIN prompt_sets s ON s.prompt_set_id = p.prompt_set_id
         LEFT JOIN prompt_choices pc
                ON p.kind = 'choice' AND pc.prompt_id = a.prompt_id AND pc.position = a.value_int
         WHERE c.assignment_id = $1 AND c.revealed_at IS NOT NULL AND a.is_private = FALSE
           AND (p.kind IN ('scale', 'choice') OR ($2 AND p.kind = 'text'))
         ORDER BY c.dated_on, c.created_at, c.checkin_id, p.position"
    )
    .bind(assignment)
    .bind(with_words)
    .fetch_all(pool)
    .await)
    .context("answers of an assignment")?;
    for r in &mut rows {
        if r.prompt_by_therapist {
            r.prompt_text = db.open_or_say(Slot::PromptText(&r.prompt_id), &r.prompt_text);
        }
        if let Some(stored) = r.value_text.take() {
            let slot = Slot::Answer {
                checkin: r.checkin_id.0,
                user: r.user_id.0,
                prompt: &r.prompt_id,
            };
            r.value_text = Some(db.open_or_say(slot, &stored));
        }
    }
    Ok(rows)
}

/// Exercise `assignment` of `link`, unless it was cancelled.
pub async fn find_open_assignment(
    db: &Db,
    link: TherapistLinkId,
    assignment: AssignmentId,
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
    assignment: AssignmentId,
    a: NewAssignment<'_>,
) -> anyhow::Result<bool> {
    // Sealed for this exercise's own row.
    let note = db.seal(Slot::AssignmentNote(assignment.0), a.note)?;
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
pub async fn update_cancelled(
    db: &Db,
    link: TherapistLinkId,
    assignment: AssignmentId,
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
