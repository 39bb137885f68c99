//! The change feed: every state change the hub records, in `seq` order, as
//! `{seq, kind, data}` where `data` is the full current object of `kind`.
//!
//! [`ChangeData`] is the typed union. A kind this build does not know (a
//! newer hub) reads as [`ChangeData::Unknown`] holding the raw JSON, never as
//! another kind; a known kind whose `data` does not fit its type is an error.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Agent, Call, CallPermissionSummary, Channel, Conversation, EventLogEntry};
use crate::{Message, Queue, Template};

/// What a change is about (the wire's `kind`). An `agent` change
/// (membership, role, name) reaches admins and the agent concerned (page and
/// stream); that agent's open stream follows the new queues from it on
/// (refetch `GET /conversations` for the ones just joined).
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
    pub const ALL: [ChangeKind; 10] = [
        Self::Conversation,
        Self::Message,
        Self::MessageStatus,
        Self::Call,
        Self::CallPermission,
        Self::Template,
        Self::Queue,
        Self::Channel,
        Self::EventLog,
        Self::Agent,
    ];

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
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A conversation's call-permission summary changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[ts(export)]
pub struct CallPermissionChange {
    pub conversation_id: String,
    pub call_permission: CallPermissionSummary,
}

/// A change's `kind` and its typed `data`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
#[ts(export)]
pub enum ChangeData {
    Conversation(Conversation),
    /// A message appeared.
    Message(Message),
    /// A message's delivery state changed (the whole message, as now).
    MessageStatus(Message),
    Call(Call),
    CallPermission(CallPermissionChange),
    Template(Template),
    Queue(Queue),
    Channel(Channel),
    EventLog(EventLogEntry),
    Agent(Agent),
    /// A kind this build does not know (a newer hub): kept as it came, for
    /// the client to skip. Never produced by this build's hub.
    #[serde(skip)]
    #[ts(skip)]
    #[cfg_attr(feature = "openapi", schema(ignore))]
    Unknown(UnknownChange),
}

/// The raw `kind` and `data` of a change this build does not know.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownChange {
    pub kind: String,
    pub data: serde_json::Value,
}

impl ChangeData {
    /// The known kind; `None` for [`ChangeData::Unknown`].
    pub fn kind(&self) -> Option<ChangeKind> {
        Some(match self {
            Self::Conversation(_) => ChangeKind::Conversation,
            Self::Message(_) => ChangeKind::Message,
            Self::MessageStatus(_) => ChangeKind::MessageStatus,
            Self::Call(_) => ChangeKind::Call,
            Self::CallPermission(_) => ChangeKind::CallPermission,
            Self::Template(_) => ChangeKind::Template,
            Self::Queue(_) => ChangeKind::Queue,
            Self::Channel(_) => ChangeKind::Channel,
            Self::EventLog(_) => ChangeKind::EventLog,
            Self::Agent(_) => ChangeKind::Agent,
            Self::Unknown(_) => return None,
        })
    }

    /// The wire's `kind` string.
    pub fn kind_str(&self) -> &str {
        match self {
            Self::Unknown(u) => &u.kind,
            known => known.kind().map_or("", ChangeKind::as_str),
        }
    }

    /// The wire's `data` as JSON text.
    pub fn data_json(&self) -> serde_json::Result<String> {
        match self {
            Self::Conversation(d) => serde_json::to_string(d),
            Self::Message(d) | Self::MessageStatus(d) => serde_json::to_string(d),
            Self::Call(d) => serde_json::to_string(d),
            Self::CallPermission(d) => serde_json::to_string(d),
            Self::Template(d) => serde_json::to_string(d),
            Self::Queue(d) => serde_json::to_string(d),
            Self::Channel(d) => serde_json::to_string(d),
            Self::EventLog(d) => serde_json::to_string(d),
            Self::Agent(d) => serde_json::to_string(d),
            Self::Unknown(u) => serde_json::to_string(&u.data),
        }
    }

    /// Reads a change's `kind` and `data`: an unknown kind is
    /// [`ChangeData::Unknown`]; a known kind with `data` of another shape is
    /// an error.
    pub fn from_parts(kind: &str, data: serde_json::Value) -> serde_json::Result<Self> {
        if ChangeKind::parse(kind).is_none() {
            return Ok(Self::Unknown(UnknownChange {
                kind: kind.to_owned(),
                data,
            }));
        }
        serde_json::from_value(serde_json::json!({ "kind": kind, "data": data }))
    }
}

/// One entry of the change feed: `{seq, kind, data}`. `seq` is strictly
/// increasing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "RawChange", into = "RawChange")]
#[ts(export)]
pub struct Change {
    #[ts(type = "number")]
    pub seq: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub change: ChangeData,
}

/// The wire shape of a [`Change`], untyped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawChange {
    pub seq: i64,
    pub kind: String,
    pub data: serde_json::Value,
}

impl TryFrom<RawChange> for Change {
    type Error = serde_json::Error;
    fn try_from(raw: RawChange) -> Result<Self, Self::Error> {
        Ok(Change {
            seq: raw.seq,
            change: ChangeData::from_parts(&raw.kind, raw.data)?,
        })
    }
}

impl From<Change> for RawChange {
    fn from(c: Change) -> Self {
        let kind = c.change.kind_str().to_owned();
        let data = match c.change {
            ChangeData::Unknown(u) => u.data,
            known => match serde_json::to_value(&known) {
                Ok(serde_json::Value::Object(mut o)) => {
                    o.remove("data").unwrap_or(serde_json::Value::Null)
                }
                _ => serde_json::Value::Null,
            },
        };
        RawChange {
            seq: c.seq,
            kind,
            data,
        }
    }
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
