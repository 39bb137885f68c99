//! The commands that work on a conversation beyond replying (through the
//! hub) and read its event log and the team (from the local store); what
//! they carry is in [`crate::editing`].

use reqwest::Method;
use switchboard_protocol::{Conversation, EventLogEntry};

use crate::contract::ConversationRef;
use crate::core::Core;
use crate::editing::{ConversationEdit, TeamView};
use crate::error::CommandError;

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
