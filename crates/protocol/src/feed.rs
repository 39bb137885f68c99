//! The change feed: every state change the hub records, in `seq` order, as
//! `{seq, kind, data}` where `data` is the full current object of `kind`.
//!
//! [`ChangeData`] is the typed union. A kind this build does not know (a
//! newer hub) reads as [`ChangeData::Unknown`] holding the raw JSON, never as
//! another kind; a known kind whose `data` does not fit its type is an error.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
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

    /// The object this change carries the whole current state of: a later
    /// change with the same key (seen by the same readers) supersedes it,
    /// which is what lets a new device read only the latest change of each
    /// object (`/changes?compact=true`). A message and its status changes
    /// are one object; an event-log entry is its own and is never
    /// superseded (`None`), nor is a kind this build does not know.
    pub fn object_key(&self) -> Option<String> {
        Some(match self {
            Self::Conversation(c) => format!("conversation:{}", c.id),
            Self::Message(m) | Self::MessageStatus(m) => format!("message:{}", m.id),
            Self::Call(c) => format!("call:{}", c.id),
            Self::CallPermission(p) => format!("call_permission:{}", p.conversation_id),
            Self::Template(t) => format!("template:{}", t.id),
            Self::Queue(q) => format!("queue:{}", q.id),
            Self::Channel(c) => format!("channel:{}", c.id),
            Self::Agent(a) => format!("agent:{}", a.id),
            Self::EventLog(_) | Self::Unknown(_) => return None,
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
        DataOf(kind).deserialize(data)
    }
}

/// Reads a change's `data` as the type its `kind` names (a kind this build
/// does not know: kept as JSON), straight from the input: no JSON tree built
/// first, which a bootstrap of a million changes would pay for each.
struct DataOf<'k>(&'k str);

impl<'de> DeserializeSeed<'de> for DataOf<'_> {
    type Value = ChangeData;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<ChangeData, D::Error> {
        let Some(kind) = ChangeKind::parse(self.0) else {
            return Ok(ChangeData::Unknown(UnknownChange {
                kind: self.0.to_owned(),
                data: serde_json::Value::deserialize(d)?,
            }));
        };
        Ok(match kind {
            ChangeKind::Conversation => ChangeData::Conversation(Deserialize::deserialize(d)?),
            ChangeKind::Message => ChangeData::Message(Deserialize::deserialize(d)?),
            ChangeKind::MessageStatus => ChangeData::MessageStatus(Deserialize::deserialize(d)?),
            ChangeKind::Call => ChangeData::Call(Deserialize::deserialize(d)?),
            ChangeKind::CallPermission => ChangeData::CallPermission(Deserialize::deserialize(d)?),
            ChangeKind::Template => ChangeData::Template(Deserialize::deserialize(d)?),
            ChangeKind::Queue => ChangeData::Queue(Deserialize::deserialize(d)?),
            ChangeKind::Channel => ChangeData::Channel(Deserialize::deserialize(d)?),
            ChangeKind::EventLog => ChangeData::EventLog(Deserialize::deserialize(d)?),
            ChangeKind::Agent => ChangeData::Agent(Deserialize::deserialize(d)?),
        })
    }
}

/// One entry of the change feed: `{seq, kind, data}`. `seq` is strictly
/// increasing.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(into = "RawChange")]
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

/// `{seq, kind, data}`: `data` read as `kind`'s type as it streams by when
/// `kind` comes first (as this hub writes it), else kept and read after.
impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Change, D::Error> {
        #[derive(Deserialize)]
        #[serde(field_identifier, rename_all = "lowercase")]
        enum Field {
            Seq,
            Kind,
            Data,
            #[serde(other)]
            Other,
        }

        struct ChangeVisitor;

        impl<'de> Visitor<'de> for ChangeVisitor {
            type Value = Change;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a change {seq, kind, data}")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Change, A::Error> {
                let mut seq = None;
                let mut kind: Option<String> = None;
                let mut data = None;
                let mut data_before_kind: Option<serde_json::Value> = None;
                while let Some(field) = map.next_key()? {
                    match field {
                        Field::Seq => seq = Some(map.next_value()?),
                        Field::Kind => kind = Some(map.next_value()?),
                        Field::Data => match &kind {
                            Some(k) => data = Some(map.next_value_seed(DataOf(k))?),
                            None => data_before_kind = Some(map.next_value()?),
                        },
                        Field::Other => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                let seq = seq.ok_or_else(|| de::Error::missing_field("seq"))?;
                let kind = kind.ok_or_else(|| de::Error::missing_field("kind"))?;
                let change = match (data, data_before_kind) {
                    (Some(change), _) => change,
                    (None, Some(value)) => {
                        ChangeData::from_parts(&kind, value).map_err(de::Error::custom)?
                    }
                    (None, None) => return Err(de::Error::missing_field("data")),
                };
                Ok(Change { seq, change })
            }
        }

        d.deserialize_map(ChangeVisitor)
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
