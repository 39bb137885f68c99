//! The agent's notification settings.

use serde::{Deserialize, Serialize};
use switchboard_domain::WindowLimits;

/// Which conversations get window warnings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningScope {
    /// Conversations assigned to the agent (the default).
    #[default]
    Assigned,
    /// Those, and every conversation in one of the agent's queues, whoever
    /// it is assigned to.
    MyQueues,
}

/// What to notify. `Settings::default()` is the product's default: window
/// warnings 1 h and 15 min before closing for the agent's conversations, new
/// conversations and new messages on. Incoming calls are always notified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The window's length and the warning thresholds (`warn_before`, as
    /// seconds before closing; empty turns window warnings off). The
    /// domain's rules read them.
    pub window: WindowLimits,
    /// Which conversations get window warnings.
    pub window_warnings_for: WarningScope,
    /// Notify a new conversation in one of the agent's queues.
    pub new_conversations: bool,
    /// Notify a new customer message in a conversation assigned to the agent.
    pub new_messages: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            window: WindowLimits::default(),
            window_warnings_for: WarningScope::default(),
            new_conversations: true,
            new_messages: true,
        }
    }
}
