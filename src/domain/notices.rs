//! Notices: a calm word, once, to someone a partner's step affected (unlinking, deleting
//! an account, stopping sharing with the therapist) or, for a therapist, a couple that
//! stopped sharing. They name nobody and say nothing of anyone's answers; they are made in
//! the same transaction as the step itself (see `store::notices`) and stay until the
//! person dismisses them.

use time::OffsetDateTime;

use crate::error::{AppError, Result};
use crate::ids::UserId;
use crate::store::{self, Db};

/// One notice as shown. Its words are the web layer's, in the reader's language.
#[derive(Debug, Clone)]
pub struct Notice {
    pub id: i64,
    pub kind: NoticeKind,
    pub created_at: OffsetDateTime,
}

/// What a notice tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    PartnerUnlinked,
    PartnerDeleted,
    TherapistStopped,
    CoupleStopped,
    /// A kind this version does not know (written by a newer one): a general word.
    Other,
}

impl NoticeKind {
    /// The kind stored in `notices.kind`.
    pub fn from_stored(kind: &str) -> NoticeKind {
        match kind {
            "partner_unlinked" => NoticeKind::PartnerUnlinked,
            "partner_deleted" => NoticeKind::PartnerDeleted,
            "therapist_stopped" => NoticeKind::TherapistStopped,
            "couple_stopped" => NoticeKind::CoupleStopped,
            _ => NoticeKind::Other,
        }
    }
}

/// The English words for each kind of notice, for the data export (a file, not a page:
/// it keeps one wording whatever the reader's language).
pub fn text(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::PartnerUnlinked => "Your partner unlinked your accounts. Your own answers are all still here; check-ins you shared now show only yours.",
        NoticeKind::PartnerDeleted => "Your partner deleted their account, and their answers with it. Your own answers are all still here.",
        NoticeKind::TherapistStopped => "Your partner stopped sharing with your therapist, for both of you: they no longer see anything of either of you. You can invite them again together whenever you both want.",
        NoticeKind::CoupleStopped => "A couple stopped sharing with you, or is no longer linked. You no longer see anything of theirs.",
        NoticeKind::Other => "Something changed in how you share.",
    }
}

pub async fn for_person(db: &Db, user: UserId) -> Result<Vec<Notice>> {
    Ok(store::notices::list_for_person(db, user)
        .await?
        .into_iter()
        .map(|n| Notice {
            id: n.notice_id,
            kind: NoticeKind::from_stored(&n.kind),
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
