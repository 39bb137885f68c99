use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a change is about; `data` carries the full current object of that kind
/// (a `Conversation`, `Message`, `Call`, `Template`, `Queue`, `Channel`,
/// `EventLogEntry`, `Agent`, …). An `agent` change (membership, role, name)
/// reaches admins and the agent concerned (page and stream); that agent's
/// open stream follows the new queues from it on (refetch
/// `GET /conversations` for the ones just joined).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChangeKind {
    Conversation,
    Message,
    MessageStatus,
    Call,
    CallPermission,
    Template,
    Queue,
    Channel,
    EventLog,
    Agent,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Conversation => "conversation",
            Self::Message => "message",
            Self::MessageStatus => "message_status",
            Self::Call => "call",
            Self::CallPermission => "call_permission",
            Self::Template => "template",
            Self::Queue => "queue",
            Self::Channel => "channel",
            Self::EventLog => "event_log",
            Self::Agent => "agent",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "conversation" => Self::Conversation,
            "message" => Self::Message,
            "message_status" => Self::MessageStatus,
            "call" => Self::Call,
            "call_permission" => Self::CallPermission,
            "template" => Self::Template,
            "queue" => Self::Queue,
            "channel" => Self::Channel,
            "event_log" => Self::EventLog,
            "agent" => Self::Agent,
            _ => return None,
        })
    }
}

/// One entry of the change feed. `seq` is strictly increasing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct Change {
    #[ts(type = "number")]
    pub seq: i64,
    pub kind: ChangeKind,
    pub data: serde_json::Value,
}

/// `GET /api/v1/changes?after=&limit=`: oldest first; pass `next` as the next
/// `after`; `more` says whether another page is waiting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct ChangesPage {
    pub changes: Vec<Change>,
    #[ts(type = "number")]
    pub next: i64,
    pub more: bool,
}
