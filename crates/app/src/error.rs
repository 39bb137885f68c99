//! Errors crossing to the UI as `{code, message}`: the UI branches on the
//! code, shows the message.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What went wrong, for the UI to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "AppErrorCode")]
pub enum ErrorCode {
    /// The arguments are malformed or out of range.
    InvalidInput,
    /// No such command.
    UnknownCommand,
    /// This window may not call this command.
    NotAllowed,
    /// The command needs a signed-in agent.
    NotSignedIn,
    /// The hub could not be reached.
    HubUnreachable,
    /// The hub refused the token.
    TokenRefused,
    /// The agent may not do this (an admin's task, a queue not theirs).
    Forbidden,
    /// The hub answered with an error.
    HubError,
    /// Neither the Secret Service nor the kernel keyring can keep the token.
    KeyringUnavailable,
    /// The local store failed.
    LocalStore,
    /// What was asked for does not exist.
    NotFound,
    /// The desktop's notification service refused or is missing.
    NotificationFailed,
    /// The clipboard could not be written.
    ClipboardFailed,
    /// A call's audio could not start (no microphone, a device busy, the
    /// connection to Meta's media): the call was not answered.
    AudioFailed,
    /// A bug.
    Internal,
}

/// An error crossing to the UI: a code to branch on, words to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{code:?}: {message}")]
#[ts(export)]
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

    /// The arguments are malformed or out of range: says which and why.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidInput, message)
    }
}
