//! Working on a conversation beyond replying: its assignment, status,
//! priority, queue and tags (changed through the hub, which keeps the
//! record; the feed brings the change to every device), its event log and
//! the team the choices come from (both from the local store).

use reqwest::Method;
use serde::{Deserialize, Serialize};
use switchboard_protocol::{Agent, Channel, Conversation, EventLogEntry, PatchConversation, Queue};
use ts_rs::TS;

use crate::contract::{CommandError, ConversationRef};
use crate::core::Core;

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

impl Core {
    /// Changes the conversation on the hub (online only); the hub's view.
    pub(crate) async fn edit_conversation(
        &self,
        args: ConversationEdit,
    ) -> Result<Conversation, CommandError> {
        self.hub()
            .await?
            .send(
                Method::PATCH,
                &["conversations", &args.conversation_id],
                &args.patch,
            )
            .await
    }

    /// The conversation's event log, oldest first, from the local store.
    pub(crate) async fn conversation_events(
        &self,
        args: ConversationRef,
    ) -> Result<Vec<EventLogEntry>, CommandError> {
        self.me().await?;
        self.read(move |s| s.event_log(&args.conversation_id)).await
    }

    /// Queues, agents and channels, from the local store.
    pub(crate) async fn team_view(&self) -> Result<TeamView, CommandError> {
        self.me().await?;
        self.read(|s| {
            Ok(TeamView {
                queues: s.queues()?,
                agents: s.agents()?,
                channels: s.channels()?,
            })
        })
        .await
    }
}
