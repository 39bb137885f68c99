//! Working on a conversation beyond replying: its assignment, status,
//! priority, queue and tags (changed through the hub, which keeps the
//! record; the feed brings the change to every device), its event log and
//! the team the choices come from (both from the local store).
//!
//! Here: what the commands carry and their pure checks; the commands
//! themselves are in [`crate::core`]'s `editing` module.

use serde::{Deserialize, Serialize};
use switchboard_protocol::{Agent, Channel, PatchConversation, Queue};
use ts_rs::TS;

/// A change to a conversation: only the fields present change.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConversationEdit {
    pub conversation_id: String,
    pub patch: PatchConversation,
}

/// The team as this agent sees it: what a conversation can be assigned
/// or moved to, and the numbers it can be started from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TeamView {
    pub queues: Vec<Queue>,
    pub agents: Vec<Agent>,
    pub channels: Vec<Channel>,
}
