//! Errors crossing to the UI as `{code, message}`; the UI branches on `code`.

use serde::Serialize;

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The desktop's notification service refused or is missing.
    NotificationFailed,
    /// The system clipboard could not be written.
    ClipboardFailed,
    /// The UI asked for something malformed.
    InvalidInput,
}

#[derive(Debug, Serialize)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}
