//! Check-in exercises a therapist assigns, changes or cancels, and what of their answers
//! the therapist sees. A cancelled exercise leaves the couple's pages; the check-ins done
//! for it stay theirs, and stay readable for the therapist within consent.

use crate::clock::Clock;
use crate::domain::prompts::{PromptKind, PromptSet};
use crate::domain::sessions::SessionPerson;
use crate::error::{AppError, FieldErrors, Result};
use crate::ids::{AssignmentId, CheckinId, CoupleId, TherapistLinkId, UserId};
use crate::store::{self, Db};

use super::{approved_therapist, ConsentLevel};

/// An exercise as shown to the couple and the therapist.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub id: AssignmentId,
    pub prompt_set_id: String,
    pub set_title: String,
    pub note: String,
    pub therapist_name: String,
    pub starts_on: time::Date,
    pub target_count: Option<i32>,
    pub ends_on: Option<time::Date>,
    pub done: i64,
    /// The therapist cancelled it (only the therapist's page lists it then).
    pub cancelled: bool,
    /// Within consent: the finished check-ins' shared answers (empty at "status only").
    pub checkins: Vec<AssignedCheckin>,
}

/// A finished check-in of an exercise: each prompt with both partners' shared answers.
#[derive(Debug, Clone)]
pub struct AssignedCheckin {
    pub id: CheckinId,
    pub date: time::Date,
    pub rows: Vec<SharedRow>,
}

/// One question of a finished check-in, with what each partner shared of their answer.
/// The words a reader sees (a scale's "4 of 5", a library question in their language)
/// are the web layer's.
#[derive(Debug, Clone)]
pub struct SharedRow {
    pub prompt_id: String,
    pub kind: PromptKind,
    /// As written, or the words saying it couldn't be read.
    pub question: String,
    /// The first partner named's answer, then the second's (`None`: nothing shared).
    pub first: Option<SharedAnswer>,
    pub second: Option<SharedAnswer>,
}

/// One partner's shared answer to a question.
#[derive(Debug, Clone, Default)]
pub struct SharedAnswer {
    /// A scale's value (1 to 5), or the position of the choice taken (from 1).
    pub value: Option<i32>,
    /// The choice's label or the written words, as stored; empty for a scale.
    pub text: String,
}

/// A set a therapist may give in an exercise.
#[derive(Debug, Clone)]
pub struct OfferedSet {
    pub set: PromptSet,
    /// Retired since the exercise being changed named it: kept so the exercise can stay.
    pub retired: bool,
}

impl Assignment {
    fn from_row(r: store::assignments::AssignmentRow) -> Assignment {
        Assignment {
            id: r.assignment_id,
            prompt_set_id: r.prompt_set_id,
            set_title: r.set_title,
            note: r.note,
            therapist_name: r.therapist_name,
            starts_on: r.starts_on,
            target_count: r.target_count,
            ends_on: r.ends_on,
            done: r.done,
            cancelled: r.cancelled_at.is_some(),
            checkins: Vec::new(),
        }
    }
}

impl Assignment {
    /// Still to do on `today`: not cancelled, started, not past its end date, and short of
    /// its count.
    pub fn is_open(&self, today: time::Date) -> bool {
        !self.cancelled
            && self.starts_on <= today
            && self.ends_on.is_none_or(|end| end >= today)
            && self.target_count.is_none_or(|n| self.done < i64::from(n))
    }
}

/// The open exercises of the couple's active therapists, for the couple's home page.
pub async fn assignments_for_couple(
    db: &Db,
    clock: &Clock,
    couple: CoupleId,
) -> Result<Vec<Assignment>> {
    let today = clock.now().date();
    Ok(store::assignments::list_for_couple(db, couple)
        .await?
        .into_iter()
        .map(Assignment::from_row)
        .filter(|a| a.is_open(today))
        .collect())
}

pub(super) async fn active_link(
    db: &Db,
    person: &SessionPerson,
    link: TherapistLinkId,
) -> Result<store::therapists::ActiveLinkRow> {
    approved_therapist(person)?;
    if !crate::domain::two_factor::is_enabled(db, person.user_id).await? {
        return Err(AppError::NotFound);
    }
    store::therapists::find_active_link(db, person.user_id, link)
        .await?
        .ok_or(AppError::NotFound)
}

/// What a therapist typed into the assignment form.
pub struct AssignmentInput<'a> {
    pub prompt_set_id: &'a str,
    pub note: &'a str,
    pub starts_on: &'a str,
    pub target_count: &'a str,
    pub ends_on: &'a str,
}

/// A therapist assigns an exercise on one of their active links.
pub async fn assign(
    db: &Db,
    clock: &Clock,
    person: &SessionPerson,
    link: TherapistLinkId,
    input: AssignmentInput<'_>,
) -> Result<()> {
    active_link(db, person, link).await?;
    let checked = check_input(db, clock, person, link, &input, None).await?;
    store::assignments::insert_assignment(db, checked, clock.now()).await?;
    Ok(())
}

/// An exercise of the therapist's active link `link` that is not cancelled, to change it.
pub async fn open_assignment(
    db: &Db,
    person: &SessionPerson,
    link: TherapistLinkId,
    assignment: AssignmentId,
) -> Result<Assignment> {
    active_link(db, person, link).await?;
    store::assignments::find_open_assignment(db, link, assignment)
        .await?
        .map(Assignment::from_row)
        .ok_or(AppError::NotFound)
}

/// A therapist changes an exercise of theirs: what the couple sees from now on. The set it
/// names may stay even if it was retired since; check-ins started keep their own set.
pub async fn edit_assignment(
    db: &Db,
    clock: &Clock,
    person: &SessionPerson,
    link: TherapistLinkId,
    assignment: AssignmentId,
    input: AssignmentInput<'_>,
) -> Result<()> {
    let current = open_assignment(db, person, link, assignment).await?;
    let checked = check_input(
        db,
        clock,
        person,
        link,
        &input,
        Some(&current.prompt_set_id),
    )
    .await?;
    if !store::assignments::update_assignment(db, assignment, checked).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(user_id = %person.user_id, "therapist changed an exercise");
    Ok(())
}

/// A therapist cancels an exercise of theirs: the couple no longer sees it.
pub async fn cancel_assignment(
    db: &Db,
    clock: &Clock,
    person: &SessionPerson,
    link: TherapistLinkId,
    assignment: AssignmentId,
) -> Result<()> {
    active_link(db, person, link).await?;
    if !store::assignments::update_cancelled(db, link, assignment, clock.now()).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(user_id = %person.user_id, "therapist cancelled an exercise");
    Ok(())
}

/// The sets a therapist may give in an exercise: the library's and their own, not retired.
/// When changing `exercise`, its own set is kept among them even if retired since.
pub async fn sets_to_assign(
    db: &Db,
    person: &SessionPerson,
    exercise: Option<&Assignment>,
) -> Result<Vec<OfferedSet>> {
    let mut sets: Vec<OfferedSet> = crate::domain::prompts::sets(db, Some(person.user_id))
        .await?
        .into_iter()
        .map(|set| OfferedSet {
            set,
            retired: false,
        })
        .collect();
    if let Some(a) = exercise {
        if !sets.iter().any(|s| s.set.prompt_set_id == a.prompt_set_id) {
            sets.push(OfferedSet {
                set: PromptSet {
                    prompt_set_id: a.prompt_set_id.clone(),
                    title: a.set_title.clone(),
                    description: String::new(),
                    prompt_count: 0,
                },
                retired: true,
            });
        }
    }
    Ok(sets)
}

/// Checks the exercise form. `keep_set` is a set the exercise already names, accepted even
/// when no longer offered.
async fn check_input<'a>(
    db: &Db,
    clock: &Clock,
    person: &SessionPerson,
    link: TherapistLinkId,
    input: &AssignmentInput<'a>,
    keep_set: Option<&str>,
) -> Result<store::assignments::NewAssignment<'a>> {
    let mut errors = FieldErrors::default();
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let today = clock.now().date();
    let kept = keep_set == Some(input.prompt_set_id);
    if !kept
        && store::prompts::find_set_title(db, input.prompt_set_id, Some(person.user_id))
            .await?
            .is_none()
    {
        errors.add("prompt_set_id", "error-exercise-set");
    }
    let note = input.note.trim();
    if note.chars().count() > 1000 || crate::domain::has_control_chars(note) {
        errors.add("note", "error-exercise-note");
    }
    let starts_on = if input.starts_on.trim().is_empty() {
        today
    } else {
        time::Date::parse(input.starts_on.trim(), &format).unwrap_or_else(|_| {
            errors.add("starts_on", "error-exercise-date");
            today
        })
    };
    let target_count = match input.target_count.trim() {
        "" => None,
        raw => match raw.parse::<i32>() {
            Ok(n) if (1..=50).contains(&n) => Some(n),
            _ => {
                errors.add("target_count", "error-exercise-count");
                None
            }
        },
    };
    let ends_on = match input.ends_on.trim() {
        "" => None,
        raw => match time::Date::parse(raw, &format) {
            Ok(d) if d >= starts_on => Some(d),
            Ok(_) => {
                errors.add("ends_on", "error-exercise-end-before-start");
                None
            }
            Err(_) => {
                errors.add("ends_on", "error-exercise-date");
                None
            }
        },
    };
    if target_count.is_none() && ends_on.is_none() && errors.is_empty() {
        errors.add("target_count", "error-exercise-no-goal");
    }
    errors.into_result()?;
    Ok(store::assignments::NewAssignment {
        link,
        prompt_set_id: input.prompt_set_id,
        note,
        starts_on,
        target_count,
        ends_on,
    })
}

/// Adds to each exercise the answers its finished check-ins may show at `level`.
pub(super) async fn with_answers(
    db: &Db,
    rows: Vec<store::assignments::AssignmentRow>,
    level: ConsentLevel,
    first: Option<UserId>,
) -> Result<Vec<Assignment>> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut a = Assignment::from_row(row);
        if level >= ConsentLevel::Scales {
            let answers =
                store::assignments::list_assigned_answers(db, a.id, level >= ConsentLevel::Words)
                    .await?;
            for ans in answers {
                // Rows come ordered by check-in, so a new id starts a new check-in.
                if a.checkins.last().is_none_or(|c| c.id != ans.checkin_id) {
                    a.checkins.push(AssignedCheckin {
                        id: ans.checkin_id,
                        date: ans.dated_on,
                        rows: Vec::new(),
                    });
                }
                let kind = match ans.kind.as_str() {
                    "scale" => PromptKind::Scale,
                    "choice" => PromptKind::Choice,
                    _ => PromptKind::Text,
                };
                let shown = SharedAnswer {
                    value: ans.value_int,
                    text: match kind {
                        PromptKind::Scale => String::new(),
                        PromptKind::Choice => ans.choice_label.unwrap_or_default(),
                        PromptKind::Text => ans.value_text.unwrap_or_default(),
                    },
                };
                let checkin = a.checkins.last_mut().expect("pushed above");
                let row = match checkin
                    .rows
                    .iter_mut()
                    .find(|r| r.prompt_id == ans.prompt_id)
                {
                    Some(r) => r,
                    None => {
                        checkin.rows.push(SharedRow {
                            prompt_id: ans.prompt_id.clone(),
                            kind,
                            question: ans.prompt_text.clone(),
                            first: None,
                            second: None,
                        });
                        checkin.rows.last_mut().expect("just pushed")
                    }
                };
                if Some(ans.user_id) == first {
                    row.first = Some(shown);
                } else {
                    row.second = Some(shown);
                }
            }
        }
        out.push(a);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_exercise_is_open_from_its_start_until_done_or_past_its_end() {
        use time::macros::date;
        let a = super::Assignment {
            id: super::AssignmentId::new(),
            prompt_set_id: String::new(),
            set_title: String::new(),
            note: String::new(),
            therapist_name: String::new(),
            starts_on: date!(2026 - 03 - 10),
            target_count: Some(2),
            ends_on: Some(date!(2026 - 03 - 20)),
            done: 1,
            cancelled: false,
            checkins: Vec::new(),
        };
        assert!(!a.is_open(date!(2026 - 03 - 09)), "not started");
        assert!(a.is_open(date!(2026 - 03 - 20)));
        assert!(!a.is_open(date!(2026 - 03 - 21)), "past its end");
        let done = super::Assignment {
            done: 2,
            ..a.clone()
        };
        assert!(!done.is_open(date!(2026 - 03 - 15)), "all done");
        let open_ended = super::Assignment {
            ends_on: None,
            ..a.clone()
        };
        assert!(open_ended.is_open(date!(2027 - 01 - 01)));
        let cancelled = super::Assignment {
            cancelled: true,
            ..a
        };
        assert!(!cancelled.is_open(date!(2026 - 03 - 15)), "cancelled");
    }
}
