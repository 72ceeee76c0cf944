//! The hot queries, as the store runs them, and the database's plan for each: what the
//! index test reads to prove no page walks every answer or check-in (the SQL here is
//! the store's own text, never a copy).

use anyhow::Context;
use time::OffsetDateTime;

use super::{answers, assignments, checkins, prompts, sessions, summaries, Backend, Db, Pools};

/// A value bound to a query while asking for its plan.
#[derive(Clone, Debug)]
pub enum SampleArg {
    Id(uuid::Uuid),
    Text(&'static str),
    Int(i64),
    Bool(bool),
    Time(OffsetDateTime),
    Bytes(Vec<u8>),
}

/// A query pages run, with arguments of the right types.
#[derive(Clone, Debug)]
pub struct HotQuery {
    pub name: &'static str,
    pub sql: String,
    pub args: Vec<SampleArg>,
}

/// The queries whose cost could grow with a couple's history: the session lookup every
/// page runs, the home page, check-in pages and answers, the summary (and its running
/// totals), and the therapist exercises on the home page.
pub fn hot_queries(backend: Backend) -> Vec<HotQuery> {
    use SampleArg::{Bool, Bytes, Id, Int, Text, Time};
    let id = || Id(uuid::Uuid::now_v7());
    let now = || Time(OffsetDateTime::now_utc());
    let q = |name, sql: &str, args| HotQuery {
        name,
        sql: sql.to_owned(),
        args,
    };
    vec![
        q(
            "session person",
            sessions::FIND_SESSION_PERSON,
            vec![Bytes(vec![0; 32]), now(), now()],
        ),
        q("home list", &checkins::list_home_sql(), vec![id(), Int(5)]),
        q(
            "check-in list",
            &checkins::list_for_member_sql(),
            vec![id(), Int(100)],
        ),
        q(
            "check-in",
            &checkins::find_for_member_sql(),
            vec![id(), id()],
        ),
        q(
            "check-in answers",
            answers::LIST_ANSWERS,
            vec![id(), id(), Bool(true)],
        ),
        q(
            "check-in prompts",
            &prompts::prompts_of_checkin_sql(),
            vec![Text("after-intimacy"), id(), id(), Bool(true)],
        ),
        q(
            "check-in prompt choices",
            &prompts::choices_of_checkin_sql(),
            vec![Text("after-intimacy"), id(), id(), Bool(true)],
        ),
        q(
            "answer lock",
            &answers::update_answers_lock_sql(backend),
            vec![id(), id()],
        ),
        q(
            "delete own answers",
            answers::DELETE_OWN_ANSWERS,
            vec![id(), id()],
        ),
        q("reveal", answers::REVEAL, vec![now(), id()]),
        q("summary counts", summaries::COUNTS, vec![id()]),
        q("summary started by", summaries::STARTED_BY, vec![id()]),
        q("summary averages", summaries::SCALE_AVERAGES, vec![id()]),
        q(
            "summary chart points",
            summaries::RECENT_SCALE_POINTS,
            vec![id(), Int(12)],
        ),
        q("summary agreement", summaries::AGREEMENT, vec![id()]),
        q(
            "summary shared words",
            summaries::LATEST_TEXTS,
            vec![id(), Text("keep"), Int(5)],
        ),
        q("add scale totals", summaries::ADD_SCALE_TOTALS, vec![id()]),
        q(
            "add choice totals",
            summaries::ADD_CHOICE_TOTALS,
            vec![id()],
        ),
        q("summary choices", summaries::CHOICE_COUNTS, vec![id()]),
        q("add agreement", summaries::ADD_AGREEMENT, vec![id()]),
        q(
            "home exercises",
            &assignments::list_for_couple_sql(),
            vec![id()],
        ),
    ]
}

/// Binds `$args` to `$query` in order.
macro_rules! bind_all {
    ($query:expr, $args:expr) => {{
        let mut query = $query;
        for a in $args {
            query = match a {
                SampleArg::Id(v) => query.bind(*v),
                SampleArg::Text(v) => query.bind(*v),
                SampleArg::Int(v) => query.bind(*v),
                SampleArg::Bool(v) => query.bind(*v),
                SampleArg::Time(v) => query.bind(*v),
                SampleArg::Bytes(v) => query.bind(v.clone()),
            };
        }
        query
    }};
}

impl Db {
    /// The plan of `q`, one line per step: SQLite's `EXPLAIN QUERY PLAN` details, or
    /// PostgreSQL's `EXPLAIN` text. Nothing is executed.
    ///
    /// On PostgreSQL the plan is taken with `enable_seqscan = off` (for this transaction
    /// only): on a small test database a sequential scan is the cheapest plan even where
    /// an index exists, so only with scans priced out does a remaining `Seq Scan` (or an
    /// index scan with no condition) show that no index can serve the query.
    pub async fn explain(&self, q: &HotQuery) -> anyhow::Result<Vec<String>> {
        let plan = async {
            Ok::<_, anyhow::Error>(match &self.pools {
                Pools::Sqlite { read, .. } => {
                    use sqlx::Row;
                    let sql = format!("EXPLAIN QUERY PLAN {}", q.sql);
                    bind_all!(sqlx::query(&sql), &q.args)
                        .fetch_all(read)
                        .await?
                        .iter()
                        .map(|r| r.try_get::<String, _>("detail"))
                        .collect::<Result<Vec<_>, _>>()?
                }
                Pools::Postgres(pool) => {
                    use sqlx::Row;
                    let mut tx = pool.begin().await?;
                    sqlx::query("SET LOCAL enable_seqscan = off")
                        .execute(&mut *tx)
                        .await?;
                    let sql = format!("EXPLAIN {}", q.sql);
                    let rows = bind_all!(sqlx::query(&sql), &q.args)
                        .fetch_all(&mut *tx)
                        .await?;
                    tx.rollback().await?;
                    rows.iter()
                        .map(|r| r.try_get::<String, _>(0))
                        .collect::<Result<Vec<_>, _>>()?
                }
            })
        };
        plan.await.with_context(|| format!("explain {}", q.name))
    }
}
