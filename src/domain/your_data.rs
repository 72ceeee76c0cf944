//! A person's own data: downloading all of it, and deleting the account with it.
//!
//! The export reads check-ins through [`checkins::view`], the same function the check-in
//! page uses, so it can never show more of a partner's answers than the page does: their
//! revealed, non-private answers while the couple is linked, nothing else.

use serde::Serialize;
use time::OffsetDateTime;

use crate::clock::Clock;
use crate::domain::sessions::SessionPerson;
use crate::error::{FieldErrors, Message, Result};
use crate::store::{self, Db};

use super::checkins::{self, CheckinView, Status};
use super::password::PasswordHashing;
use super::therapists::ConsentLevel;
use super::throttle;

/// The shape of the JSON export. Bump [`EXPORT_VERSION`] when a field changes meaning or
/// goes away (adding one is compatible); PRIVACY.md documents each version.
pub const EXPORT_FORMAT: &str = "mutual-export";
pub const EXPORT_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Export {
    pub format: &'static str,
    pub version: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub exported_at: OffsetDateTime,
    pub account: Account,
    pub consents: Vec<Consent>,
    pub devices: Vec<Device>,
    pub couples: Vec<Couple>,
    pub checkins: Vec<Checkin>,
    pub therapists: Vec<TherapistLink>,
    /// Notices waiting to be read (what changed, in the words shown).
    pub notices: Vec<ExportedNotice>,
    /// Your "yes" to bringing back an earlier shared history, while your partner has not
    /// said yes yet.
    pub history_agreements: Vec<HistoryAgreement>,
}

#[derive(Debug, Serialize)]
pub struct HistoryAgreement {
    pub couple_id: String,
    #[serde(with = "time::serde::rfc3339")]
    pub agreed_at: OffsetDateTime,
}

#[derive(Debug, Serialize)]
pub struct ExportedNotice {
    pub text: &'static str,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// `Debug` leaves out the share code.
#[derive(Serialize)]
pub struct Account {
    pub email: String,
    pub display_name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub role: &'static str,
    pub therapist_share_code: Option<String>,
    /// Until when the share code works (it has expired once this is past).
    #[serde(with = "time::serde::rfc3339::option")]
    pub therapist_share_code_expires_at: Option<OffsetDateTime>,
    /// When the therapist account was approved; `None` for a partner or while waiting.
    #[serde(with = "time::serde::rfc3339::option")]
    pub therapist_approved_at: Option<OffsetDateTime>,
    pub two_step_sign_in: bool,
    /// The time zone dates and times are shown in (an IANA name, or an offset from UTC);
    /// times in this file are all in UTC.
    pub time_zone: String,
    /// The language the person reads Mutual in (`en`, `de`); the keys of this file stay
    /// English whatever it is.
    pub language: String,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let code = self.therapist_share_code.as_ref().map(|_| "[REDACTED]");
        f.debug_struct("Account")
            .field("email", &self.email)
            .field("display_name", &self.display_name)
            .field("created_at", &self.created_at)
            .field("role", &self.role)
            .field("therapist_share_code", &code)
            .field(
                "therapist_share_code_expires_at",
                &self.therapist_share_code_expires_at,
            )
            .field("therapist_approved_at", &self.therapist_approved_at)
            .field("two_step_sign_in", &self.two_step_sign_in)
            .field("time_zone", &self.time_zone)
            .field("language", &self.language)
            .finish()
    }
}

#[derive(Debug, Serialize)]
pub struct Consent {
    pub kind: String,
    /// The version of the wording you agreed to.
    pub version: i32,
    #[serde(with = "time::serde::rfc3339")]
    pub given_at: OffsetDateTime,
}

#[derive(Debug, Serialize)]
pub struct Device {
    pub device: String,
    #[serde(with = "time::serde::rfc3339")]
    pub signed_in_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub last_seen_at: OffsetDateTime,
}

#[derive(Debug, Serialize)]
pub struct Couple {
    pub couple_id: String,
    #[serde(with = "time::serde::rfc3339")]
    pub linked_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub unlinked_at: Option<OffsetDateTime>,
    pub partner: Option<String>,
    pub partner_deleted_their_account: bool,
}

#[derive(Debug, Serialize)]
pub struct Checkin {
    pub checkin_id: String,
    pub couple_id: String,
    pub prompt_set: String,
    pub moment_on: Option<String>,
    /// The day the check-in is about: `moment_on`, or the day it was started (in the
    /// starter's time zone).
    /// Written `2026-03-03` in the file; pages write it as every other date.
    #[serde(serialize_with = "iso_date")]
    pub dated_on: time::Date,
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    pub status: &'static str,
    /// The same, for a page to put in the reader's words; not in the file.
    #[serde(skip)]
    pub state: Status,
    /// Whether the partner's shared answers are included (see the module docs).
    pub partner_answers_included: bool,
    pub answers: Vec<Answer>,
}

#[derive(Debug, Serialize)]
pub struct Answer {
    pub prompt: String,
    /// Your answer in words ("4 of 5", a choice's label, or what you wrote); none if skipped.
    pub yours: Option<String>,
    pub yours_kept_private: bool,
    pub partner: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct TherapistLink {
    pub couple_id: String,
    pub therapist: String,
    #[serde(with = "time::serde::rfc3339")]
    pub invited_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub revoked_at: Option<OffsetDateTime>,
    /// What you agreed they may see, in words; none if you never agreed.
    pub your_consent: Option<&'static str>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub your_consent_given_at: Option<OffsetDateTime>,
    pub looks: Vec<Look>,
}

#[derive(Debug, Serialize)]
pub struct Look {
    pub viewed: String,
    #[serde(with = "time::serde::rfc3339")]
    pub viewed_at: OffsetDateTime,
}

/// A calendar date as `2026-03-03`, as the export has always written it.
fn iso_date<S: serde::Serializer>(d: &time::Date, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// Everything stored about `person`, as they may see it.
pub async fn export(db: &Db, clock: &Clock, person: &SessionPerson) -> Result<Export> {
    export_with(db, clock, person, |_| {}).await
}

/// The same, with each check-in given to `words` before it is written down: the
/// printable page puts the library's questions and choices in the reader's language
/// there, while the file keeps the words as stored.
pub async fn export_with(
    db: &Db,
    clock: &Clock,
    person: &SessionPerson,
    words: impl Fn(&mut CheckinView),
) -> Result<Export> {
    let me = person.user_id;
    let account = store::export::find_account(db, me).await?;
    let consents = store::signup::list_consents(db, me)
        .await?
        .into_iter()
        .map(|c| Consent {
            kind: c.kind,
            version: c.version,
            given_at: c.given_at,
        })
        .collect();
    let devices = store::sessions::list_for_user(db, me)
        .await?
        .into_iter()
        .map(|s| Device {
            device: s.device,
            signed_in_at: s.created_at,
            last_seen_at: s.last_seen_at,
        })
        .collect();
    let couples = store::export::list_memberships(db, me)
        .await?
        .into_iter()
        .map(|m| Couple {
            couple_id: m.couple_id.to_string(),
            linked_at: m.joined_at,
            unlinked_at: m.left_at.or(m.ended_at),
            partner: m.partner_name,
            partner_deleted_their_account: m.member_deleted_at.is_some(),
        })
        .collect();
    let mut out = Vec::new();
    for row in store::checkins::list_for_member(db, me, i64::MAX).await? {
        let mut view = checkins::view(db, me, row.checkin_id).await?;
        words(&mut view);
        out.push(checkin_entry(view));
    }
    out.reverse(); // oldest first, as a record reads
    let looks = store::export::list_access_log(db, me).await?;
    let therapists = store::export::list_therapist_links(db, me)
        .await?
        .into_iter()
        .map(|l| TherapistLink {
            couple_id: l.couple_id.to_string(),
            therapist: l.therapist_name,
            invited_at: l.created_at,
            revoked_at: l.revoked_at,
            your_consent: l.my_level.map(|v| ConsentLevel::from_i32(v).label()),
            your_consent_given_at: l.my_consent_at,
            looks: looks
                .iter()
                .filter(|x| x.link_id == l.link_id)
                .map(|x| Look {
                    viewed: x.viewed.clone(),
                    viewed_at: x.viewed_at,
                })
                .collect(),
        })
        .collect();
    Ok(Export {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exported_at: clock.now(),
        account: Account {
            email: account.email,
            display_name: account.display_name,
            created_at: account.created_at,
            role: if account.is_therapist {
                "therapist"
            } else {
                "partner"
            },
            therapist_share_code: account.therapist_code,
            therapist_share_code_expires_at: account.therapist_code_expires_at,
            therapist_approved_at: account.therapist_approved_at,
            two_step_sign_in: account.two_step_enabled_at.is_some(),
            time_zone: account.time_zone,
            language: account.language,
        },
        consents,
        devices,
        couples,
        checkins: out,
        therapists,
        notices: super::notices::for_person(db, me)
            .await?
            .into_iter()
            .map(|n| ExportedNotice {
                text: super::notices::text(n.kind),
                created_at: n.created_at,
            })
            .collect(),
        history_agreements: store::export::list_history_agreements(db, me)
            .await?
            .into_iter()
            .map(|h| HistoryAgreement {
                couple_id: h.couple_id.to_string(),
                agreed_at: h.agreed_at,
            })
            .collect(),
    })
}

fn checkin_entry(v: CheckinView) -> Checkin {
    Checkin {
        checkin_id: v.summary.id.to_string(),
        couple_id: v.couple_id.to_string(),
        prompt_set: v.summary.set_title.clone(),
        moment_on: v.summary.moment_on.map(|d| d.to_string()),
        dated_on: v.summary.dated_on,
        started_at: v.summary.created_at,
        state: v.summary.status,
        status: match v.summary.status {
            Status::YourTurn => "waiting for you",
            Status::PartnerTurn => "waiting for your partner",
            Status::Revealed => "both answered",
            Status::SetAside => "set aside",
            Status::Closed => "closed",
        },
        partner_answers_included: v.partner_visible,
        answers: v
            .items
            .into_iter()
            .map(|item| Answer {
                prompt: item.prompt.text,
                yours_kept_private: item.mine.as_ref().is_some_and(|a| a.private),
                yours: item.mine.map(|a| a.text),
                partner: item.partner.map(|a| a.text),
            })
            .collect(),
    }
}

/// What a person types to confirm they want their account deleted, in English: always
/// accepted, whatever language the page asked in.
pub const DELETE_CONFIRMATION: &str = "delete my account";

/// Deletes `person`'s account after checking their password and the typed confirmation:
/// `phrase`, the words the page asked for in the person's language, or the English ones.
/// Wrong passwords count towards the same limit as at sign-in, so a borrowed session
/// cannot be used to guess the password here.
pub async fn delete_account(
    db: &Db,
    hashing: &PasswordHashing,
    clock: &Clock,
    person: &SessionPerson,
    password: &str,
    typed: &str,
    phrase: &str,
) -> Result<()> {
    let creds = store::accounts::find_credentials_by_id(db, person.user_id).await?;
    let email_subject = throttle::subject(&creds.email);
    let now = clock.now();
    let ok = super::accounts::check_own_password(
        db,
        hashing,
        clock,
        person.user_id,
        &creds,
        password,
        "password",
    )
    .await?;
    let mut errors = FieldErrors::default();
    if !ok {
        errors.add("password", "error-password-wrong");
    }
    let typed = typed.trim().to_lowercase();
    if typed != phrase.to_lowercase() && typed != DELETE_CONFIRMATION {
        errors.add(
            "confirm",
            Message::new("error-delete-confirm").with("words", phrase.to_owned()),
        );
    }
    errors.into_result()?;
    let subjects = [
        email_subject,
        throttle::subject(&person.user_id.to_string()),
    ];
    store::deletion::delete_account(db, person.user_id, &subjects, now).await?;
    // No id or email here: the log must not keep what the person asked us to forget.
    tracing::info!("an account was deleted");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_leaves_out_the_share_code() {
        let account = Account {
            email: "t@example.org".into(),
            display_name: "T".into(),
            created_at: OffsetDateTime::UNIX_EPOCH,
            role: "therapist",
            therapist_share_code: Some("PLANTED7CODE".into()),
            therapist_share_code_expires_at: None,
            therapist_approved_at: None,
            two_step_sign_in: false,
            time_zone: "UTC".into(),
            language: "en".into(),
        };
        let shown = format!("{account:?}");
        assert!(shown.contains("therapist_share_code"), "{shown}");
        assert!(!shown.contains("PLANTED7CODE"), "{shown}");
        // The export itself keeps it: it is the person's own data.
        assert!(serde_json::to_string(&account)
            .unwrap()
            .contains("PLANTED7CODE"));
    }
}
