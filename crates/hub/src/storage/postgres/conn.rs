//! One PostgreSQL session with the statements it prepared (each parsed once
//! per session), its pool, its errors as the storage's, and its rows read
//! through [`Cols`].

use std::collections::HashMap;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::types::ToSql;
use postgres::{Client, NoTls, Row, Statement};

use crate::storage::StoreError;
use crate::storage::rows::Cols;

/// A parameter list.
pub(super) type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

/// How long a connection attempt waits for the server.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A session and its prepared statements.
pub(super) struct Conn {
    pub(super) client: Client,
    prepared: HashMap<String, Statement>,
}

impl Conn {
    pub(super) fn connect(config: &postgres::Config) -> Result<Conn, postgres::Error> {
        let mut config = config.clone();
        config.connect_timeout(CONNECT_TIMEOUT);
        Ok(Conn {
            client: config.connect(NoTls)?,
            prepared: HashMap::new(),
        })
    }

    /// `sql` prepared on this session (once).
    pub(super) fn statement(&mut self, sql: &str) -> Result<Statement, postgres::Error> {
        if let Some(st) = self.prepared.get(sql) {
            return Ok(st.clone());
        }
        let st = self.client.prepare(sql)?;
        self.prepared.insert(sql.to_string(), st.clone());
        Ok(st)
    }

    pub(super) fn query(&mut self, sql: &str, params: Params<'_>) -> Result<Vec<Row>, StoreError> {
        let st = self.statement(sql)?;
        Ok(self.client.query(&st, params)?)
    }

    pub(super) fn execute(&mut self, sql: &str, params: Params<'_>) -> Result<u64, StoreError> {
        let st = self.statement(sql)?;
        Ok(self.client.execute(&st, params)?)
    }

    /// Runs `sql` in a savepoint: a unique key it takes leaves the
    /// transaction usable (PostgreSQL otherwise aborts the whole of it) and
    /// comes back as `Ok(None)`.
    pub(super) fn execute_unique(
        &mut self,
        sql: &str,
        params: Params<'_>,
    ) -> Result<Option<u64>, StoreError> {
        let st = self.statement(sql)?;
        self.client.batch_execute("SAVEPOINT unique_key")?;
        match self.client.execute(&st, params) {
            Ok(n) => {
                self.client.batch_execute("RELEASE unique_key")?;
                Ok(Some(n))
            }
            Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => {
                self.client
                    .batch_execute("ROLLBACK TO unique_key; RELEASE unique_key")?;
                Ok(None)
            }
            Err(e) => Err(e.into()),
        }
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        let io = std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>());
        if e.is_closed() || io {
            // The server is gone or unreachable: nothing was written, the
            // caller may try again.
            StoreError::Unavailable(e.to_string())
        } else if e.code() == Some(&SqlState::UNIQUE_VIOLATION) {
            StoreError::Conflict(e.to_string())
        } else {
            StoreError::Backend(e.to_string())
        }
    }
}

impl Cols for Row {
    type Error = StoreError;

    fn text(&self, i: usize) -> Result<String, StoreError> {
        self.try_get(i).map_err(|e| self.corrupt(i, e.to_string()))
    }

    fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        self.try_get(i).map_err(|e| self.corrupt(i, e.to_string()))
    }

    fn int(&self, i: usize) -> Result<i64, StoreError> {
        self.try_get(i).map_err(|e| self.corrupt(i, e.to_string()))
    }

    fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        self.try_get(i).map_err(|e| self.corrupt(i, e.to_string()))
    }

    fn corrupt(&self, i: usize, why: String) -> StoreError {
        let column = self.columns().get(i).map(|c| c.name()).unwrap_or("?");
        StoreError::Corrupt(format!("column {column}: {why}"))
    }
}

/// The pool's sessions: made on demand (at most [`Manager::MAX`]), checked
/// before use, dropped when the server closed them.
pub(super) struct Manager {
    pub(super) config: postgres::Config,
}

impl Manager {
    pub(super) const MAX: u32 = 16;
}

impl r2d2::ManageConnection for Manager {
    type Connection = Conn;
    type Error = postgres::Error;

    fn connect(&self) -> Result<Conn, postgres::Error> {
        Conn::connect(&self.config)
    }

    fn is_valid(&self, conn: &mut Conn) -> Result<(), postgres::Error> {
        conn.client.simple_query("").map(|_| ())
    }

    fn has_broken(&self, conn: &mut Conn) -> bool {
        conn.client.is_closed()
    }
}

/// The URL without its password, for messages.
pub fn shown(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => match rest.split_once('@') {
            Some((user, host)) => {
                let user = user.split(':').next().unwrap_or_default();
                format!("{scheme}://{user}@{host}")
            }
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_never_shown() {
        assert_eq!(
            shown("postgres://hub:s3cret@db.example:5432/team"),
            "postgres://hub@db.example:5432/team"
        );
        assert_eq!(shown("postgres://db/team"), "postgres://db/team");
    }
}
