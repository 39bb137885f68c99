//! The store's errors. None of them is an HTTP or IPC type: the app's shell
//! turns them into `{code, message}`.

/// What can go wrong with the local store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database was written by a newer Switchboard: opening it here could
    /// corrupt it, so nothing was changed.
    #[error(
        "the local database has schema version {found}, but this Switchboard knows only up to \
         version {known}: it was written by a newer version. Update Switchboard to open it \
         (nothing was changed)"
    )]
    NewerSchema { found: u32, known: u32 },
    /// The file is an SQLite database of some other application.
    #[error(
        "the file is not a Switchboard database ({0}): choose another path (nothing was changed)"
    )]
    NotOurs(String),
    /// A stored value that does not decode: never read as a default.
    #[error("corrupt value in the local store: {0}")]
    Corrupt(String),
    /// What a function was asked about is not in the store.
    #[error("{what} {id} is not in the local store")]
    NotFound { what: &'static str, id: String },
    /// The client id is already used by another conversation's outbox entry.
    #[error("client id {client_id} is already used in conversation {conversation_id}")]
    ClientIdTaken {
        client_id: String,
        conversation_id: String,
    },
    /// Only a failed outbox entry can be retried or discarded.
    #[error(
        "message {client_id} is {state}, not failed: only a failed message can be retried or discarded"
    )]
    NotFailed {
        client_id: String,
        state: &'static str,
    },
    /// A value could not be written as JSON.
    #[error("cannot encode a value: {0}")]
    Encode(#[from] serde_json::Error),
    #[error("sqlite: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            // A stored value that does not decode: say so, never default it.
            rusqlite::Error::FromSqlConversionFailure(..) => StoreError::Corrupt(e.to_string()),
            e => StoreError::Sqlite(e),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_schema_says_what_to_do() {
        let text = StoreError::NewerSchema { found: 7, known: 3 }.to_string();
        assert!(text.contains("version 7"), "{text}");
        assert!(text.contains("up to version 3"), "{text}");
        assert!(text.contains("Update Switchboard"), "{text}");
        assert!(text.contains("nothing was changed"), "{text}");
    }

    #[test]
    fn a_value_that_does_not_decode_is_corrupt() {
        let e =
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, "bad".into());
        assert!(matches!(StoreError::from(e), StoreError::Corrupt(_)));
        let e = rusqlite::Error::QueryReturnedNoRows;
        assert!(matches!(StoreError::from(e), StoreError::Sqlite(_)));
    }
}
