//! SQLite's side of the codecs: its errors as the storage's, and its rows
//! read through [`Cols`] (the column readers are backend-neutral, in
//! `storage::rows`, re-exported here for this backend's files).

use rusqlite::Row;
use rusqlite::types::Type;

use crate::storage::StoreError;
pub(crate) use crate::storage::rows::*;

/// A SQLite error as the storage's: a value that does not decode is corrupt.
pub(super) fn backend(e: rusqlite::Error) -> StoreError {
    match e {
        // A stored value that does not decode: say so, never default it.
        rusqlite::Error::FromSqlConversionFailure(..) => StoreError::Corrupt(e.to_string()),
        e => StoreError::Backend(e.to_string()),
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        backend(e)
    }
}

/// Whether `e` is a taken unique key (or primary key).
pub(super) fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
            || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}

impl Cols for Row<'_> {
    type Error = rusqlite::Error;

    fn text(&self, i: usize) -> rusqlite::Result<String> {
        self.get(i)
    }

    fn opt_text(&self, i: usize) -> rusqlite::Result<Option<String>> {
        self.get(i)
    }

    fn int(&self, i: usize) -> rusqlite::Result<i64> {
        self.get(i)
    }

    fn opt_int(&self, i: usize) -> rusqlite::Result<Option<i64>> {
        self.get(i)
    }

    fn corrupt(&self, i: usize, why: String) -> rusqlite::Error {
        rusqlite::Error::FromSqlConversionFailure(i, Type::Text, why.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_that_does_not_decode_is_corrupt() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let err = conn
            .query_row("SELECT 'closed-forever'", [], |r| {
                r.word::<switchboard_protocol::ConversationStatus>(0)
            })
            .unwrap_err();
        assert!(matches!(backend(err), StoreError::Corrupt(_)));
        let err = conn.query_row("SELECT 'x'", [], |r| r.int(0)).unwrap_err();
        assert!(matches!(
            backend(err),
            StoreError::Backend(_) | StoreError::Corrupt(_)
        ));
    }
}
