//! The couple summary: what both partners see about their check-ins over time.
//!
//! Only revealed check-ins and non-private answers feed it (the store's queries keep
//! that rule), and every figure is given for both partners alike.

use std::collections::BTreeMap;

use time::Date;

use crate::error::Result;
use crate::ids::{CheckinId, CoupleId, UserId};
use crate::store::{self, Db};

use super::chart::{self, TrendChart};

/// How many of the latest check-ins the trend charts cover.
pub const TREND_LENGTH: i64 = 12;
/// How many check-ins' shared "keep" and "change" answers are listed.
pub const SHARED_TEXTS: i64 = 5;

#[derive(Debug, Clone)]
pub struct Share {
    pub you: i64,
    pub partner: i64,
}

impl Share {
    pub fn total(&self) -> i64 {
        self.you + self.partner
    }
    /// Percentages that add up to 100 (50/50 when there is nothing yet).
    pub fn percents(&self) -> (i64, i64) {
        let total = self.total();
        if total == 0 {
            return (50, 50);
        }
        let you = (self.you * 100 + total / 2) / total;
        (you, 100 - you)
    }
    pub fn you_percent(&self) -> i64 {
        self.percents().0
    }
    pub fn partner_percent(&self) -> i64 {
        self.percents().1
    }
}

/// One scale prompt across the couple's check-ins.
#[derive(Debug, Clone)]
pub struct ScaleTrend {
    /// The prompt's id: the key of its words in other languages (`web::library`).
    pub prompt_id: String,
    pub text: String,
    pub low_label: String,
    pub high_label: String,
    pub you_average: Option<f64>,
    pub partner_average: Option<f64>,
    pub chart: TrendChart,
    /// The chart as a table: date, your answer, your partner's answer (`None`: skipped).
    pub rows: Vec<(Date, Option<i32>, Option<i32>)>,
}

/// Both partners' shared words to one prompt in one check-in.
#[derive(Debug, Clone)]
pub struct SharedWords {
    pub date: Date,
    pub you: Option<String>,
    pub partner: Option<String>,
}

/// How often each partner chose each option of one multiple-choice question.
#[derive(Debug, Clone)]
pub struct ChoiceTally {
    /// The prompt's id; option `i` (from 0) is its choice at position `i + 1`.
    pub prompt_id: String,
    pub text: String,
    /// Each option's label with the counts of the viewer and of the partner.
    pub options: Vec<(String, i64, i64)>,
}

#[derive(Debug, Clone)]
pub struct Summary {
    pub completed: i64,
    pub open: i64,
    /// Who opened each check-in in the app (every one opened, set-aside ones included).
    pub started: Share,
    /// Of the check-ins where both answered "did my experience matter as much", how many
    /// had both at 4 or 5.
    pub mattered_both_answered: i64,
    pub mattered_both_high: i64,
    pub scales: Vec<ScaleTrend>,
    /// Multiple-choice questions answered in revealed check-ins, in library order.
    pub choices: Vec<ChoiceTally>,
    pub keep: Vec<SharedWords>,
    pub change: Vec<SharedWords>,
}

impl Summary {
    /// Check-ins opened in the app that are not (yet) answered by both: still open, or set
    /// aside. With `completed` it adds up to `started.total()`.
    pub fn not_completed(&self) -> i64 {
        (self.started.total() - self.completed).max(0)
    }
}

/// The summary of `couple` as seen by `you` (whose partner is `partner`).
pub async fn for_couple(db: &Db, couple: CoupleId, you: UserId) -> Result<Summary> {
    let counts = store::summaries::count_checkins(db, couple).await?;
    let started = store::summaries::count_started_by(db, couple).await?;
    let averages = store::summaries::list_scale_averages(db, couple).await?;
    let points = store::summaries::list_recent_scale_points(db, couple, TREND_LENGTH).await?;
    let mattered = store::summaries::count_mattered_equally(db, couple).await?;
    let choice_counts = store::summaries::count_choices(db, couple).await?;
    let keep = store::summaries::list_latest_texts(db, couple, "keep", SHARED_TEXTS).await?;
    let change = store::summaries::list_latest_texts(db, couple, "change", SHARED_TEXTS).await?;

    let started = Share {
        you: started
            .iter()
            .filter(|s| s.user_id == you)
            .map(|s| s.started)
            .sum(),
        partner: started
            .iter()
            .filter(|s| s.user_id != you)
            .map(|s| s.started)
            .sum(),
    };

    // The recent check-ins in order, oldest first, shared by every chart so the x axes line up.
    let mut recent: Vec<(CheckinId, Date)> = Vec::new();
    for p in &points {
        if !recent.iter().any(|(id, _)| *id == p.checkin_id) {
            recent.push((p.checkin_id, p.dated_on));
        }
    }

    // Scale prompts in library order, each with both partners' averages.
    let mut scales: Vec<ScaleTrend> = Vec::new();
    for a in &averages {
        let idx = match scales.iter().position(|s| s.text == a.text) {
            Some(i) => i,
            None => {
                let values = |who: &dyn Fn(UserId) -> bool| -> Vec<Option<i32>> {
                    recent
                        .iter()
                        .map(|(cid, _)| {
                            points
                                .iter()
                                .find(|p| {
                                    p.checkin_id == *cid
                                        && p.prompt_id == a.prompt_id
                                        && who(p.user_id)
                                })
                                .map(|p| p.value)
                        })
                        .collect()
                };
                let yours = values(&|u| u == you);
                let theirs = values(&|u| u != you);
                // Only the check-ins where someone answered this prompt go in its table.
                let rows = recent
                    .iter()
                    .zip(yours.iter().zip(theirs.iter()))
                    .filter(|(_, (y, t))| y.is_some() || t.is_some())
                    .map(|((_, date), (y, t))| (*date, *y, *t))
                    .collect();
                let (yours, theirs): (Vec<_>, Vec<_>) = yours
                    .into_iter()
                    .zip(theirs)
                    .filter(|(y, t)| y.is_some() || t.is_some())
                    .unzip();
                scales.push(ScaleTrend {
                    prompt_id: a.prompt_id.clone(),
                    text: a.text.clone(),
                    low_label: a.scale_low_label.clone().unwrap_or_default(),
                    high_label: a.scale_high_label.clone().unwrap_or_default(),
                    you_average: None,
                    partner_average: None,
                    chart: chart::trend(&yours, &theirs),
                    rows,
                });
                scales.len() - 1
            }
        };
        let avg = Some(a.average);
        if a.user_id == you {
            scales[idx].you_average = avg;
        } else {
            scales[idx].partner_average = avg;
        }
    }

    Ok(Summary {
        completed: counts.completed,
        open: counts.open,
        started,
        mattered_both_answered: mattered.both_answered,
        mattered_both_high: mattered.both_high,
        scales,
        choices: tally_choices(choice_counts, you),
        keep: pair_words(keep, you),
        change: pair_words(change, you),
    })
}

/// Groups the counts by question and option, the viewer's count first.
fn tally_choices(rows: Vec<store::summaries::ChoiceCount>, you: UserId) -> Vec<ChoiceTally> {
    let mut out: Vec<(String, ChoiceTally)> = Vec::new();
    for r in rows {
        if out.last().is_none_or(|(id, _)| *id != r.prompt_id) {
            out.push((
                r.prompt_id.clone(),
                ChoiceTally {
                    prompt_id: r.prompt_id.clone(),
                    text: r.text.clone(),
                    options: Vec::new(),
                },
            ));
        }
        let Some((_, tally)) = out.last_mut() else {
            continue;
        };
        if tally.options.len() < r.position as usize {
            tally.options.push((r.label.clone(), 0, 0));
        }
        let Some(option) = tally.options.last_mut() else {
            continue;
        };
        match r.user_id {
            Some(u) if u == you => option.1 += r.chosen,
            Some(_) => option.2 += r.chosen,
            None => {}
        }
    }
    out.into_iter().map(|(_, t)| t).collect()
}

fn pair_words(rows: Vec<store::summaries::SharedText>, you: UserId) -> Vec<SharedWords> {
    // Newest first by the day each check-in is about, then by when it was started.
    type Newest = std::cmp::Reverse<(Date, time::OffsetDateTime)>;
    let mut by_checkin: BTreeMap<(Newest, CheckinId), SharedWords> = BTreeMap::new();
    for r in rows {
        let entry = by_checkin
            .entry((std::cmp::Reverse((r.dated_on, r.created_at)), r.checkin_id))
            .or_insert_with(|| SharedWords {
                date: r.dated_on,
                you: None,
                partner: None,
            });
        if r.user_id == you {
            entry.you = Some(r.value_text);
        } else {
            entry.partner = Some(r.value_text);
        }
    }
    by_checkin.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_to_a_hundred() {
        let s = Share { you: 1, partner: 2 };
        assert_eq!(s.percents(), (33, 67));
        let s = Share { you: 0, partner: 0 };
        assert_eq!(s.percents(), (50, 50));
        let s = Share { you: 2, partner: 1 };
        assert_eq!(s.percents(), (67, 33));
    }
}
