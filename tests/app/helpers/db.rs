//! Plain SQL on a test's own database, on either backend, to check what is stored and to
//! set up what no page can. Each call opens its own connection and closes it.

use sqlx::{Connection, Postgres, Sqlite};

use super::{Backend, TestApp, TestContext};

/// A test's database: where it is and which backend it runs on.
#[derive(Clone, Copy)]
pub struct Sql<'a> {
    backend: Backend,
    url: &'a str,
}

/// Runs `$body` with `$c`, a fresh connection to the database, on either backend.
macro_rules! on_test_db {
    ($sql:expr, |$c:ident| $body:expr) => {
        match $sql.backend {
            Backend::Sqlite => {
                let mut $c = sqlx::SqliteConnection::connect($sql.url).await.unwrap();
                $body
            }
            Backend::Postgres => {
                let mut $c = sqlx::PgConnection::connect($sql.url).await.unwrap();
                $body
            }
        }
    };
}

impl Sql<'_> {
    /// The one number a `COUNT(*)` query returns.
    pub async fn count(self, sql: &str) -> i64 {
        on_test_db!(self, |c| sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(&mut c)
            .await
            .unwrap())
    }

    /// The first column of every row a query returns, with text parameters.
    pub async fn scalars<T>(self, sql: &str, binds: &[&str]) -> Vec<T>
    where
        T: Send + Unpin,
        T: sqlx::Type<Sqlite> + for<'r> sqlx::Decode<'r, Sqlite>,
        T: sqlx::Type<Postgres> + for<'r> sqlx::Decode<'r, Postgres>,
    {
        on_test_db!(self, |c| {
            let mut q = sqlx::query_scalar::<_, T>(sql);
            for b in binds {
                q = q.bind(*b);
            }
            q.fetch_all(&mut c).await.unwrap()
        })
    }

    /// The rows of a query whose columns are all text (cast them in the SQL), each
    /// column `None` when NULL.
    pub async fn rows(self, sql: &str) -> Vec<Vec<Option<String>>> {
        use sqlx::Row;
        on_test_db!(self, |c| sqlx::query(sql)
            .fetch_all(&mut c)
            .await
            .unwrap()
            .iter()
            .map(|r| (0..r.len()).map(|i| r.try_get(i).unwrap()).collect())
            .collect())
    }

    /// Runs one statement with text parameters; returns the rows it changed.
    pub async fn exec(self, sql: &str, binds: &[&str]) -> u64 {
        on_test_db!(self, |c| {
            let mut q = sqlx::query(sql);
            for b in binds {
                q = q.bind(*b);
            }
            q.execute(&mut c).await.unwrap().rows_affected()
        })
    }
}

impl TestContext {
    /// This test's database, also while no app instance runs on it.
    pub fn sql(&self) -> Sql<'_> {
        Sql {
            backend: self.backend,
            url: &self.database_url,
        }
    }
}

impl TestApp {
    /// This app's database.
    pub fn sql(&self) -> Sql<'_> {
        Sql {
            backend: self.backend,
            url: &self.database_url,
        }
    }

    /// The one number a `COUNT(*)` query returns.
    pub async fn count(&self, sql: &str) -> i64 {
        self.sql().count(sql).await
    }

    /// The rows of a query whose columns are all text (cast them in the SQL), each
    /// column `None` when NULL.
    pub async fn rows(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        self.sql().rows(sql).await
    }

    /// Runs one statement on this app's database (to set up what no page can); returns
    /// the rows it changed.
    pub async fn exec(&self, sql: &str) -> u64 {
        self.sql().exec(sql, &[]).await
    }
}
