//! Notices: a calm word, once, to someone a partner's step affected (unlinking, deleting
//! an account, stopping sharing with the therapist) or, for a therapist, a couple that
//! stopped sharing. They name nobody and say nothing of anyone's answers; they are made in
//! the same transaction as the step itself (see `store::notices`) and stay until the
//! person dismisses them.

use time::OffsetDateTime;

use crate::error::{AppError, Result};
use crate::ids::UserId;
use crate::store::{self, Db};

/// One notice as shown.
#[derive(Debug, Clone)]
pub struct Notice {
    pub id: i64,
    pub text: &'static str,
    pub created_at: OffsetDateTime,
}

/// The words for each kind of notice.
pub fn text(kind: &str) -> &'static str {
    match kind {
        "partner_unlinked" => "Your partner unlinked your accounts. Your own answers are all still here; check-ins you shared now show only yours.",
        "partner_deleted" => "Your partner deleted their account, and their answers with it. Your own answers are all still here.",
        "therapist_stopped" => "Your partner stopped sharing with your therapist, for both of you: they no longer see anything of either of you. You can invite them again together whenever you both want.",
        "couple_stopped" => "A couple stopped sharing with you, or is no longer linked. You no longer see anything of theirs.",
        _ => "Something changed in how you share.",
    }
}

pub async fn for_person(db: &Db, user: UserId) -> Result<Vec<Notice>> {
    Ok(store::notices::list_for_person(db, user)
        .await?
        .into_iter()
        .map(|n| Notice {
            id: n.notice_id,
            text: text(&n.kind),
            created_at: n.created_at,
        })
        .collect())
}

/// Dismisses one of `user`'s notices; anyone else's is not found.
pub async fn dismiss(db: &Db, user: UserId, id: i64) -> Result<()> {
    if store::notices::delete_notice(db, user, id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
