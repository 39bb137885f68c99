//! What the core asks of the desktop shell (the Tauri adapter implements
//! it; tests implement it with a recorder): post and withdraw native
//! notifications, the clipboard, windows, the tray, events to the UI.

use std::sync::Arc;

use crate::contract::AppEvent;
use crate::labels::RenderedNotice;

/// How the shell reports what the agent did with a notification.
#[derive(Clone)]
pub struct NoticeReplies {
    pub(crate) send: Arc<dyn Fn(NoticeReply) + Send + Sync>,
}

impl std::fmt::Debug for NoticeReplies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoticeReplies").finish_non_exhaustive()
    }
}

/// What the notification server reported about a notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeReply {
    /// An action was invoked (its key: `default`, `copy-number`, …).
    Action { id: u32, key: String },
    /// The notification was closed (dismissed, expired, withdrawn).
    Closed { id: u32 },
}

impl NoticeReplies {
    /// The agent invoked the action `key` of notification `id`.
    pub fn action(&self, id: u32, key: &str) {
        (self.send)(NoticeReply::Action {
            id,
            key: key.to_owned(),
        });
    }

    /// Notification `id` was closed.
    pub fn closed(&self, id: u32) {
        (self.send)(NoticeReply::Closed { id });
    }
}

/// The desktop shell, as the core sees it. Calls come from the core's
/// tasks; an implementation must not block long (hand work to its own
/// threads).
pub trait Shell: Send + Sync + 'static {
    /// Posts a native notification; its server's id. `replies` is told
    /// what the agent does with it.
    fn notify(&self, notice: &RenderedNotice, replies: NoticeReplies) -> Result<u32, String>;
    /// Takes a notification away.
    fn withdraw(&self, id: u32);
    /// Puts text on the system clipboard.
    fn copy_to_clipboard(&self, text: &str) -> Result<(), String>;
    /// Shows the main window in front, on this conversation.
    fn show_conversation(&self, conversation_id: &str);
    /// Opens (or brings to the front) the always-on-top popup of this call.
    fn show_call_popup(&self, call_id: &str);
    /// Closes the popup of this call, if open.
    fn close_call_popup(&self, call_id: &str);
    /// Tells the UI (every window).
    fn emit(&self, event: AppEvent);
    /// The tray's unread count.
    fn set_unread(&self, total: u32);
}
