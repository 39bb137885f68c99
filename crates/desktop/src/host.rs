//! What the notifier asks of the desktop shell, and what it asks of the hub.
//!
//! The shell implements [`Host`] with native notifications, the clipboard,
//! its windows and the local store; tests implement it with a recorder.
//! Everything that must reach the hub is returned as a [`Command`] for the
//! sync layer instead: the notifier never talks to the network.

use serde::{Deserialize, Serialize};

use crate::fired::FiredWarnings;
use crate::notice::Notice;

/// The host's handle on a posted notice (a D-Bus notification id, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct NoticeId(pub u64);

/// A window of the app the notifier may bring to the front.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "window", rename_all = "snake_case")]
pub enum Window {
    /// The main window, showing this conversation.
    Conversation {
        /// The conversation to show.
        conversation_id: String,
    },
    /// The call popup of this call (answer, decline, hang up).
    CallPopup {
        /// The call to show.
        call_id: String,
    },
}

/// What the sync layer must ask the hub to do.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    /// `POST /api/v1/calls/{call_id}/decline`.
    DeclineCall {
        /// The call to decline.
        call_id: String,
    },
    /// Answer the call with the agent's audio (its popup is open already).
    AnswerCall {
        /// The call to answer.
        call_id: String,
    },
}

/// The desktop shell, as the notifier sees it. Calls are synchronous and
/// infallible from the notifier's side: a host that fails to show a notice
/// logs it and still returns an id (withdrawing it later is then a no-op).
pub trait Host {
    /// Posts a native notification; the id is what [`Host::withdraw`] and the
    /// host's action reports use.
    fn notify(&mut self, notice: Notice) -> NoticeId;
    /// Takes a posted notification away (it no longer applies).
    fn withdraw(&mut self, id: NoticeId);
    /// Puts text on the system clipboard.
    fn copy_to_clipboard(&mut self, text: &str);
    /// Shows a window of the app and brings it to the front.
    fn open_window(&mut self, window: Window);
    /// Persists the warnings fired so far (the local store keeps them), so
    /// that [`crate::Notifier::restore`] after a restart fires none twice.
    /// Called whenever the set changes, before the warnings it records are
    /// posted: a crash in between loses a warning rather than repeating one.
    fn save_fired_warnings(&mut self, fired: &FiredWarnings);
}
